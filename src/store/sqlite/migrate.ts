// Versioned migrations for SQLite: every `migrations/NNNN-name.sql` is applied once, in file-name order,
// each in its own transaction together with its row in `schema_migrations`.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type Database from 'better-sqlite3'

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url))
/** Migration files are named `0001-init.sql`: a zero-padded version, a dash, a name. */
const MIGRATION_FILE = /^(\d{4})-[\w-]+\.sql$/

export interface Migration {
  readonly version: string
  readonly name: string
  readonly sql: string
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => MIGRATION_FILE.test(f))
    .sort()
    .map((f) => ({ version: MIGRATION_FILE.exec(f)![1]!, name: f, sql: readFileSync(`${dir}/${f}`, 'utf8') }))
}

/** Applies the pending migrations; returns the names applied now. Idempotent. */
export function migrateSqlite(db: Database.Database, migrations: readonly Migration[] = readMigrations()): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').pluck().all() as string[]))
  const applied: string[] = []
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
  for (const m of migrations) {
    if (done.has(m.version)) continue
    // IMMEDIATE: take the write lock first, so two processes migrating at once cannot both apply a file.
    db.transaction(() => {
      const again = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version)
      if (again) return
      db.exec(m.sql)
      record.run(m.version, m.name, new Date().toISOString())
      applied.push(m.name)
    }).immediate()
  }
  return applied
}
