import { test } from 'node:test'
import assert from 'node:assert/strict'
import { buildDocContext, sentenceFeatures, sentenceTokenFeatures } from './features.js'
import { FeatureTable } from './model.js'
import { loadModels } from './tag.js'

test('feature table finds every key it holds and nothing else', () => {
  const entries: [number, number][] = [[5, 0], [21, 1], [37, 2], [0x3fffffff, 3], [1 << 20, 4]]
  const t = new FeatureTable(entries, entries.length)
  const cases: [number, number][] = [...entries, [6, -1], [53, -1], [0x3ffffffe, -1]]
  for (const [key, row] of cases) assert.equal(t.get(key), row, String(key))
  assert.deepEqual([...t.entries()].sort((a, b) => a[1] - b[1]), entries)
})

test('grouped scoring (cached word-type sums) tags like the flat features the model was trained on', () => {
  const m = loadModels()
  const doc = [
    ['Nikita', 'Gerasimov', 'of', 'the', 'FU', 'said', 'Russia', 'would', 'win', '.'],
    ['GERASIMOV', 'SAYS', 'RUSSIA', 'WILL', 'WIN'],
    ['The', 'Wagner', 'Group', 'fought', 'in', 'Bakhmut', 'on', 'Feb.', '3', '.'],
  ]
  const ctx = buildDocContext(doc)
  for (const words of doc) {
    // twice: the second time the word-type sums come from the cache
    for (let r = 0; r < 2; r++) assert.deepEqual(m.pass1.tagTokens(sentenceTokenFeatures(words, ctx)), m.pass1.tag(sentenceFeatures(words, ctx)), words.join(' '))
  }
})
