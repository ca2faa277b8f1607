// Reprocessing: articles stored by an older pipeline get what the current one finds, in place.
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import { createEngine, defaultStages } from '../src/index.js'
import type { Stage } from '../src/pipeline/stage.js'
import { createMemoryStore } from '../src/views/testing/memory-store.js'

const SEEDS = resolve(import.meta.dirname, '../../shared/seeds')

/** An older engine, standing in for one before an upgrade: its quotes stage finds nothing. */
const noQuotes: Stage[] = defaultStages().map((s) => (s.name === 'quotes.v1' ? { ...s, run: (doc) => ({ ...doc, layers: { ...doc.layers, quotes: [] } }) } : s))

test('reprocess replaces stored annotations with the current pipeline\'s, keeping ids, order, text and blocks', { skip: !existsSync(SEEDS) && 'no ../shared/seeds' }, async () => {
  const store = createMemoryStore()
  const older = await createEngine({ store, stages: noQuotes })
  const added = await older.add([SEEDS])
  assert.equal(added.added.length, 2)
  const before = await Promise.all((await store.listArticles()).map((a) => store.getDoc(a.id)))
  assert.ok(before.every((d) => d && d.layers.quotes?.length === 0))

  const current = await createEngine({ store })
  const seen: string[] = []
  const summary = await current.reprocess({ onItem: (r) => seen.push(`${r.status} ${r.id}`) })
  assert.deepEqual(summary.failed, [])
  assert.deepEqual(summary.reprocessed, before.map((d) => d!.id))
  assert.deepEqual(seen, before.map((d) => `reprocessed ${d!.id}`))
  const after = await Promise.all(summary.reprocessed.map((id) => store.getDoc(id)))
  for (const [i, d] of after.entries()) {
    assert.equal(d!.text, before[i]!.text)
    assert.deepEqual(d!.layers.blocks, before[i]!.layers.blocks)
    assert.ok(d!.layers.quotes!.length > 10, `${d!.id}: ${d!.layers.quotes!.length} quotes`)
    assert.ok(d!.layers.quotes!.some((q) => q.cue?.type === 'speech'))
  }
  // relinked: the identities still join the two articles
  assert.ok((await store.getLinks()).entities.some((g) => new Set(g.members.map((m) => m.article)).size === 2))
})

test('reprocess reports an article the pipeline fails on and leaves it as it was', async () => {
  const store = createMemoryStore()
  const engine = await createEngine({ store })
  await engine.add(['-'], { ingest: { stdin: Readable.from(['Minsk, Monday. “We will not send troops,” Lukashenko said.']) } })
  const [a] = await store.listArticles()
  assert.ok(a)
  const stored = await store.getDoc(a.id)
  const failing: Stage[] = defaultStages().map((s) => (s.name === 'dates.v1' ? { ...s, run: () => { throw new Error('broken stage') } } : s))
  const broken = await createEngine({ store, stages: failing })
  const summary = await broken.reprocess()
  assert.deepEqual(summary.reprocessed, [])
  assert.equal(summary.failed.length, 1)
  assert.match(summary.failed[0]!.reason, /broken stage/)
  assert.deepEqual(await store.getDoc(a.id), stored)
})
