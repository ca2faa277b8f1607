// End to end through the real `dossier` binary, as a user runs it: the "done when" checks.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const REPO = resolve(import.meta.dirname, '..')
const SEEDS = resolve(REPO, '../shared/seeds')
const BIN = join(REPO, 'bin/dossier.js')
const dir = mkdtempSync(join(tmpdir(), 'dossier-cli-'))
const db = join(dir, 's.db')

function dossier(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

const haveSeeds = existsSync(SEEDS)

test('add the seed folder, then export: both articles, clean body blocks, captions and bio set apart', { skip: !haveSeeds && 'no ../shared/seeds' }, () => {
  const add = dossier('add', SEEDS, '--db', db, '--json')
  assert.equal(add.code, 0, add.stderr)
  const summary = JSON.parse(add.stdout) as { added: unknown[]; failed: unknown[] }
  assert.equal(summary.added.length, 2)
  assert.equal(summary.failed.length, 0)

  const again = dossier('add', SEEDS, '--db', db, '--json')
  assert.equal(again.code, 0)
  assert.equal((JSON.parse(again.stdout) as { duplicates: unknown[] }).duplicates.length, 2, 're-adding is a no-op reported as duplicates')

  const ex = dossier('export', '--json', '--db', db)
  assert.equal(ex.code, 0, ex.stderr)
  const x = JSON.parse(ex.stdout) as { version: string; articles: { source_path?: string; original_source: string | null; original_author: string | null; blocks: { type: string; text: string; start: number; end: number }[] }[] }
  assert.match(x.version, /^\d+\.\d+\.\d+$/)
  assert.equal(x.articles.length, 2)
  for (const a of x.articles) {
    for (const b of a.blocks.filter((bl) => bl.type === 'body')) {
      for (const banned of ['I am Amelia James', 'Image:', 'Credit:', 'Source: Blick']) assert.ok(!b.text.includes(banned), `body block holds "${banned}": ${b.text}`)
    }
  }
  const first = x.articles.find((a) => a.source_path?.includes('000_'))!
  assert.equal(first.original_source, 'Blick')
  assert.equal(first.original_author, 'John Hillig')
  assert.ok(first.blocks.some((b) => b.type === 'author_bio' && b.text.startsWith('I am Amelia James')))
  const second = x.articles.find((a) => a.source_path?.includes('001_'))!
  assert.equal(second.blocks.filter((b) => b.type === 'caption').length, 8)
})

test('usage errors exit 2 and name the problem; unknown ids exit 1', () => {
  const none = dossier('add', '--db', db)
  assert.equal(none.code, 2)
  assert.match(none.stderr, /at least one path/)
  const bad = dossier('frobnicate')
  assert.equal(bad.code, 2)
  assert.match(bad.stderr, /unknown command "frobnicate"/)
  const date = dossier('add', 'x.txt', '--published', 'yesterday', '--db', db)
  assert.equal(date.code, 2)
  assert.match(date.stderr, /--published takes a date/)
  const show = dossier('show', 'nope', '--db', db)
  assert.equal(show.code, 1)
  const cue = dossier('quotes', '--cue-type', 'shouted', '--db', db)
  assert.equal(cue.code, 2)
  assert.match(cue.stderr, /--cue-type is one of speech, belief/)
})

test('add --no-relink stores without linking; relink links what is stored', { skip: !haveSeeds && 'no ../shared/seeds' }, () => {
  const file = join(dir, 'minsk.txt')
  writeFileSync(file, 'Lukashenko meets Putin in Minsk\n\nAlexander Lukashenko met Vladimir Putin in Minsk on Monday to discuss the war in Ukraine, officials said.\n')
  const add = dossier('add', file, '--no-relink', '--db', db, '--json')
  assert.equal(add.code, 0, add.stderr)
  const id = (JSON.parse(add.stdout) as { added: { id: string }[] }).added[0]!.id
  const inStories = () => (JSON.parse(dossier('stories', '--db', db, '--json').stdout) as { articles: { id: string }[] }[]).some((s) => s.articles.some((a) => a.id === id))
  assert.equal(inStories(), false, 'not linked yet')
  const r = dossier('relink', '--db', db, '--json')
  assert.equal(r.code, 0, r.stderr)
  assert.ok((JSON.parse(r.stdout) as { stories: number }).stories >= 1)
  assert.equal(inStories(), true, 'linked after relink')
})

test('reprocess runs the pipeline again over the stored articles and keeps what a reader sees the same', { skip: !haveSeeds && 'no ../shared/seeds' }, () => {
  const before = JSON.parse(dossier('quotes', '--db', db, '--json').stdout) as unknown[]
  const r = dossier('reprocess', '--db', db, '--json')
  assert.equal(r.code, 0, r.stderr)
  const s = JSON.parse(r.stdout) as { reprocessed: string[]; failed: unknown[] }
  assert.equal(s.reprocessed.length, (JSON.parse(dossier('articles', '--db', db, '--json').stdout) as unknown[]).length)
  assert.deepEqual(s.failed, [])
  assert.deepEqual(JSON.parse(dossier('quotes', '--db', db, '--json').stdout), before, 'the same engine finds the same quotes')
})

test('quotes --cue-type keeps the quotes whose cue reports that: words said, beliefs', { skip: !haveSeeds && 'no ../shared/seeds' }, () => {
  const all = JSON.parse(dossier('quotes', '--db', db, '--json').stdout) as { cueType: string | null }[]
  for (const type of ['speech', 'belief']) {
    const r = dossier('quotes', '--cue-type', type, '--db', db, '--json')
    assert.equal(r.code, 0, r.stderr)
    const list = JSON.parse(r.stdout) as { cueType: string | null }[]
    assert.ok(list.length > 0, `no ${type} quotes in the seeds`)
    assert.ok(list.every((q) => q.cueType === type))
    assert.equal(list.length, all.filter((q) => q.cueType === type).length)
  }
  const text = dossier('quotes', '--cue-type', 'belief', '--db', db).stdout
  assert.match(text, /" belief\]/)
})

test('a batch goes on past bad inputs, names each with its reason, and exits 1', () => {
  const empty = join(dir, 'empty.txt')
  writeFileSync(empty, '')
  const binary = join(dir, 'blob.txt')
  writeFileSync(binary, Buffer.from([0, 1, 2, 3, 0, 255, 0, 7, 0, 0]))
  const good = join(dir, 'good.txt')
  writeFileSync(good, 'Minsk talks\n\nThe talks in Minsk ended on Monday, officials said.\n')
  const r = dossier('add', empty, binary, join(dir, 'missing.txt'), good, '--db', join(dir, 'bad.db'), '--json')
  assert.equal(r.code, 1)
  const s = JSON.parse(r.stdout) as { added: { input: string }[]; failed: { input: string; reason: string }[] }
  assert.equal(s.added.length, 1)
  assert.equal(s.failed.length, 3)
  for (const f of s.failed) assert.ok(f.reason.length > 3, `reason for ${f.input}`)
  assert.ok(s.failed.some((f) => f.input.endsWith('empty.txt') && /empty/i.test(f.reason)))
  assert.ok(s.failed.some((f) => f.input.endsWith('blob.txt') && /binary/i.test(f.reason)))
})
