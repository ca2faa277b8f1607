// Picks the adapter from a spec: a postgres:// or postgresql:// URL opens PostgreSQL, anything else is
// a SQLite file path (":memory:" included). The store is migrated before it is returned.
import type { Store } from './store.js'
import { openSqliteStore } from './sqlite/store.js'

const POSTGRES_URL = /^postgres(ql)?:\/\//i

export async function openStore(spec: string): Promise<Store> {
  let store: Store
  if (POSTGRES_URL.test(spec)) {
    // Loaded on demand so SQLite users never load the pg driver.
    const { openPostgresStore } = await import('./postgres/store.js')
    store = openPostgresStore(spec)
  } else {
    store = openSqliteStore(spec)
  }
  try {
    await store.migrate()
  } catch (err) {
    await store.close().catch(() => {})
    throw err
  }
  return store
}
