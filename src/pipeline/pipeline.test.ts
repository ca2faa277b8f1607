import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createDoc, withLayers } from '../doc/doc.js'
import { createPipeline } from './pipeline.js'
import { PipelineError } from './errors.js'
import type { Stage } from './stage.js'

const sentences: Stage = {
  name: 'sentences.test', requires: [], assigns: ['sentences'],
  run: (doc) => withLayers(doc, { sentences: [{ start: 0, end: doc.text.length }] }),
}
const quotes: Stage = {
  name: 'quotes.test', requires: ['sentences', 'entities'], assigns: ['quotes'],
  run: (doc) => withLayers(doc, { quotes: [] }),
}

test('the runner refuses an order where a stage requires a layer nobody assigns, naming both', () => {
  assert.throws(() => createPipeline([sentences, quotes]), (e: unknown) =>
    e instanceof PipelineError && e.code === 'E_ORDER' && /quotes\.test/.test(e.message) && /"entities"/.test(e.message))
})

test('the runner accepts layers given up front and runs stages in order', () => {
  const p = createPipeline([sentences, quotes], { given: ['entities'] })
  const out = p.run(withLayers(createDoc('Hi there.'), { entities: [] }))
  assert.deepEqual(out.layers.sentences, [{ start: 0, end: 9 }])
  assert.deepEqual(out.layers.quotes, [])
})

test('a failing stage is named, with the cause kept', () => {
  const boom: Stage = { name: 'boom.v1', requires: [], assigns: [], run: () => { throw new Error('kaput') } }
  assert.throws(() => createPipeline([boom]).run(createDoc('x')), (e: unknown) =>
    e instanceof PipelineError && e.code === 'E_STAGE_FAILED' && e.stage === 'boom.v1' && /kaput/.test(e.message) && e.cause instanceof Error)
})

test('a stage that returns spans outside the text or forgets its layer is caught', () => {
  const bad: Stage = { name: 'bad.v1', requires: [], assigns: ['sentences'], run: (d) => withLayers(d, { sentences: [{ start: 0, end: 99 }] }) }
  assert.throws(() => createPipeline([bad]).run(createDoc('short')), (e: unknown) => e instanceof PipelineError && e.code === 'E_SPAN')
  const lazy: Stage = { name: 'lazy.v1', requires: [], assigns: ['tokens'], run: (d) => d }
  assert.throws(() => createPipeline([lazy]).run(createDoc('short')), (e: unknown) => e instanceof PipelineError && e.code === 'E_BAD_RETURN')
  const dup = () => createPipeline([sentences, sentences])
  assert.throws(dup, (e: unknown) => e instanceof PipelineError && e.code === 'E_DUPLICATE_STAGE')
})
