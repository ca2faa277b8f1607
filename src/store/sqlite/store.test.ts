import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, test } from 'node:test'
import { SAMPLE_A, SAMPLE_B, runStoreContract } from '../store.contract.js'
import { openSqliteStore } from './store.js'

runStoreContract('sqlite', {
  async newStore() {
    const s = openSqliteStore(':memory:')
    await s.migrate()
    return s
  },
})

/** Blocks per article in the crash test; the child kills itself after writing half of them. */
const CRASH_BLOCKS = 200
/** Articles the crash-test child commits before it dies inside the next one. */
const CRASH_AFTER = 5

const TABLES = ['articles', 'blocks', 'mentions', 'entities', 'quotes', 'dates', 'search_text', 'schema_migrations']
const counts = (s: ReturnType<typeof openSqliteStore>): number[] =>
  TABLES.map((t) => s.db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number)

test('sqlite: an insert failing after the article row rolls the whole article back', async () => {
  const s = openSqliteStore(':memory:')
  await s.migrate()
  await s.addDoc(SAMPLE_B)
  const before = counts(s)
  // quotes are written after the article, blocks, entities and mentions rows
  s.db.exec(`CREATE TRIGGER fail_quotes BEFORE INSERT ON quotes BEGIN SELECT RAISE(ABORT, 'injected failure'); END`)
  await assert.rejects(s.addDoc(SAMPLE_A), /injected failure/)
  assert.deepEqual(counts(s), before)
  assert.equal(await s.getDoc(SAMPLE_A.id), null)
  assert.deepEqual(await s.search('Lukashenko'), [])
  s.db.exec('DROP TRIGGER fail_quotes')
  assert.equal((await s.addDoc(SAMPLE_A)).duplicate, false)
  await s.close()
})

test('sqlite: opening a file sets WAL, foreign keys and a busy timeout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-sqlite-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  const s = openSqliteStore(join(dir, 'a.db'))
  await s.migrate()
  assert.deepEqual(
    [s.db.pragma('journal_mode', { simple: true }), s.db.pragma('foreign_keys', { simple: true }), (s.db.pragma('busy_timeout', { simple: true }) as number) > 0],
    ['wal', 1, true],
  )
  await s.close()
})

test('sqlite: a process killed mid-batch leaves every finished article whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dossier-crash-'))
  after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'crash.db')
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./crash-child.ts', import.meta.url)), file, String(CRASH_BLOCKS), String(CRASH_AFTER)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)))
  assert.equal(signal, 'SIGKILL')
  const committed = out.trim().split('\n').map(Number)
  assert.deepEqual(committed, Array.from({ length: CRASH_AFTER }, (_, i) => i))
  const s = openSqliteStore(file)
  assert.equal(s.db.pragma('integrity_check', { simple: true }), 'ok')
  assert.equal(await s.countArticles(), CRASH_AFTER, 'the article being written when killed is absent')
  const perArticle = s.db
    .prepare(`SELECT a.id AS id, json_array_length(a.layers, '$.blocks') AS inJson, (SELECT count(*) FROM blocks b WHERE b.article = a.id) AS rows FROM articles a`)
    .all() as { id: string; inJson: number; rows: number }[]
  for (const a of perArticle) assert.deepEqual([a.inJson, a.rows], [CRASH_BLOCKS, CRASH_BLOCKS], `article ${a.id}`)
  // and the store is writable again
  assert.equal((await s.addDoc(SAMPLE_A)).duplicate, false)
  await s.close()
})
