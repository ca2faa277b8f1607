// Versioned migrations for PostgreSQL: every `migrations/NNNN-name.sql` is applied once, in file-name
// order, each in its own transaction with its row in `schema_migrations`. An advisory lock makes
// concurrent migrators (two API processes starting at once) wait for each other instead of racing.
import { fileURLToPath } from 'node:url'
import type pg from 'pg'
import type { Migration } from '../sqlite/migrate.js'
import { readMigrations } from '../sqlite/migrate.js'

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))
/** Any fixed number: the key of the advisory lock held while migrating ("dossier" in ASCII). */
const MIGRATION_LOCK = 0x646f7373696572

export async function migratePostgres(pool: pg.Pool, migrations: readonly Migration[] = readMigrations(MIGRATIONS_DIR)): Promise<string[]> {
  const client = await pool.connect()
  const applied: string[] = []
  try {
    for (const m of migrations) {
      await client.query('BEGIN')
      try {
        await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
        await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
        const done = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version])
        if (done.rowCount === 0) {
          await client.query(m.sql)
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()])
          applied.push(m.name)
        }
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      }
    }
  } finally {
    client.release()
  }
  return applied
}
