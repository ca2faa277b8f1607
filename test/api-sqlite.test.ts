import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { createApp } from '../src/api/app.js'
import { DossierExportSchema, exportStore } from '../src/export/export.js'
import { openSqliteStore } from '../src/store/sqlite/store.js'
import type { Store } from '../src/store/store.js'
import { buildFixture, fixtureStore } from '../src/views/testing/fixture.js'

// The read side against the real SQLite adapter: the same fixture, stored and read back, must give the same
// export as the in-memory store (apart from the timestamp), and the API must answer from it.

const dir = mkdtempSync(join(tmpdir(), 'dossier-api-sqlite-'))
let store: Store
before(async () => {
  store = openSqliteStore(join(dir, 'dossier.db'))
  await store.migrate()
  const f = buildFixture()
  for (const d of f.docs) await store.addDoc(d)
  await store.saveLinks(f.links)
})
after(async () => {
  await store.close()
  rmSync(dir, { recursive: true, force: true })
})

const now = () => new Date('2024-01-01T00:00:00Z')

test('export from SQLite equals export from memory and validates', async () => {
  const fromSqlite = await exportStore(store, { now })
  const fromMemory = await exportStore(await fixtureStore(), { now })
  assert.equal(DossierExportSchema.safeParse(fromSqlite).success, true)
  assert.deepEqual(fromSqlite, fromMemory)
})

test('API over SQLite: dossier by alias, search, 404', async () => {
  const app = createApp(store)
  const cases: [string, number, (b: any) => unknown, unknown][] = [
    ['/api/entities/Selenskyj', 200, (b) => b.id, 'per-volodymyr-zelenskyy'],
    ['/api/search?q=Zelenskyy', 200, (b) => b.length > 0, true],
    ['/api/stories/nope', 404, (b) => b.error, 'not_found'],
  ]
  for (const [path, status, pick, expected] of cases) {
    const res = await app.request(path)
    assert.equal(res.status, status, path)
    assert.deepEqual(pick(await res.json()), expected, path)
  }
})
