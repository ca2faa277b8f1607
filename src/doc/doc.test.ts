import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createDoc, layer, sliceSpan, withLayers, withMeta } from './doc.js'

test('slicing stand-off spans gives back the annotated text, across astral characters and nbsp', () => {
  const text = 'Selenskyj 👋 said:\u00a0“Kyiv stands.”\r\nNext line'
  const doc = createDoc(text, { title: 't' })
  assert.equal(doc.text.includes('\r'), false, 'line endings are normalised once, at creation')
  const i = doc.text.indexOf('Kyiv')
  const annotated = withLayers(doc, { sentences: [{ start: 0, end: doc.text.indexOf('\n') }], tokens: [{ start: i, end: i + 4, kind: 'word' }] })
  assert.equal(sliceSpan(annotated, layer(annotated, 'tokens')[0]!), 'Kyiv')
  assert.equal(sliceSpan(annotated, layer(annotated, 'sentences')[0]!), 'Selenskyj 👋 said:\u00a0“Kyiv stands.”')
})

test('docs are immutable and derived docs keep the original untouched', () => {
  const doc = createDoc('Some text.')
  const next = withMeta(withLayers(doc, { sentences: [{ start: 0, end: 10 }] }), { language: 'en' })
  assert.equal(doc.layers.sentences, undefined)
  assert.equal(doc.meta.language, undefined)
  assert.equal(next.meta.language, 'en')
  assert.throws(() => { (doc as { text: string }).text = 'x' })
  assert.equal(doc.id, next.id)
  assert.match(doc.meta.contentHash ?? '', /^[0-9a-f]{64}$/)
})

test('the same text (up to whitespace) hashes alike; a different text does not', () => {
  assert.equal(createDoc('A  b\nc').meta.contentHash, createDoc('A b c').meta.contentHash)
  assert.notEqual(createDoc('A b c').meta.contentHash, createDoc('A b d').meta.contentHash)
})

test('a missing layer is named in the error', () => {
  assert.throws(() => layer(createDoc('x'), 'quotes'), /layer "quotes" is missing/)
})
