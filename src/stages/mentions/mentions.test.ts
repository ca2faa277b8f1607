import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createDoc, withLayers } from '../../doc/doc.js'
import type { Block } from '../../doc/layers.js'
import { createPipeline } from '../../pipeline/pipeline.js'
import { sentencesStage } from '../sentences/index.js'
import { tokensStage } from '../tokens/index.js'
import { mentionsStage, tagTokens } from './index.js'
import { iobSpans, iobToBilou, bilouToIob } from './labels.js'

const pipeline = createPipeline([tokensStage, sentencesStage, mentionsStage], { given: ['blocks'] })

function run(text: string, blocks?: Block[]): string[] {
  const doc = withLayers(createDoc(text), { blocks: blocks ?? [{ start: 0, end: text.length, type: 'body' }] })
  return (pipeline.run(doc).layers.mentions ?? []).map((m) => `${m.type}:${m.text}`)
}

const CASES: [string, string[]][] = [
  ['Vladimir Putin met Alexander Lukashenko in Minsk on Monday.', ['PER:Vladimir Putin', 'PER:Alexander Lukashenko', 'LOC:Minsk']],
  ['The European Commission said on Thursday it disagreed with German advice.', ['ORG:European Commission', 'MISC:German']],
  ['Nikita Gerasimov works in Moscow. Gerasimov said Russia would win.', ['PER:Nikita Gerasimov', 'LOC:Moscow', 'PER:Gerasimov', 'LOC:Russia']],
  ['It is raining and nobody knows why.', []],
  ['He teaches at the University of St. Gallen.', ['ORG:University of St. Gallen']],
]

test('mentions stage tags news sentences', () => {
  for (const [text, want] of CASES) assert.deepEqual(run(text), want, text)
})

test('mentions skip bylines and caption credits', () => {
  const text = 'Putin visited Minsk.\nJohn Smith\nVladimir Putin at a summit. Image: IMAGO / Mikhail Klimentyev'
  const credit = text.indexOf('Image:')
  const got = run(text, [
    { start: 0, end: 20, type: 'body' },
    // the byline's "John Smith" and the credit's "Mikhail Klimentyev" must not come out
    { start: 21, end: 31, type: 'byline' },
    { start: 32, end: text.length, type: 'caption', credit: { start: credit, end: text.length, text: text.slice(credit) } },
  ])
  assert.deepEqual(got, ['PER:Putin', 'LOC:Minsk', 'PER:Vladimir Putin'])
})

test('tagTokens returns one IOB tag per word', () => {
  const words = ['Vladimir', 'Putin', 'visited', 'Belarus', '.']
  assert.deepEqual(tagTokens(words), ['B-PER', 'I-PER', 'O', 'B-LOC', 'O'])
})

test('BILOU round trip', () => {
  const tags = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-MISC']
  assert.deepEqual(bilouToIob(iobToBilou(tags)), ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'B-MISC'])
  assert.deepEqual(iobSpans(tags), [[0, 2, 'PER'], [3, 4, 'LOC'], [4, 5, 'LOC'], [5, 6, 'MISC']])
})

test('bad input: all caps, non-Latin scripts, empty text, a huge article', () => {
  assert.ok(Array.isArray(run('PUTIN MEETS LUKASHENKO IN MINSK')))
  assert.deepEqual(run('Путин встретился с Лукашенко в Минске. 普京和卢卡申科在明斯克会面。').filter((m) => !m.includes(':')), [])
  assert.deepEqual(run(''), [])
  const big = 'Ulrich Schmid told Blick that Putin needs Belarus. '.repeat(100000) // ~5 MB
  const n = run(big).length
  assert.ok(n > 0)
  const noPunct = 'word '.repeat(20000)
  assert.deepEqual(run(noPunct), [])
})
