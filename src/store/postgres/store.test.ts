// Runs the Store contract on PostgreSQL when PG_URL is set (see scripts/start-postgres.sh); each store
// gets its own schema, dropped afterwards. Without PG_URL the suite is skipped with the reason printed.
import { after, test } from 'node:test'
import pg from 'pg'
import { runStoreContract } from '../store.contract.js'
import type { Store } from '../store.js'
import { openPostgresStore } from './store.js'

const url = process.env['PG_URL']

if (!url) {
  const reason = 'PG_URL is not set: run `eval "$(bash scripts/start-postgres.sh)"` first'
  console.log(`# postgres store: skipped, ${reason}`)
  test('Store contract: postgres', { skip: reason }, () => {})
} else {
  const admin = new pg.Pool({ connectionString: url, max: 1 })
  const schemas: string[] = []
  after(async () => {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`)
    await admin.end()
  })
  runStoreContract('postgres', {
    async newStore(): Promise<Store> {
      const schema = `contract_${process.pid}_${schemas.length}`
      schemas.push(schema)
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`)
      const store = openPostgresStore(url, { schema })
      await store.migrate()
      return store
    },
  })
}
