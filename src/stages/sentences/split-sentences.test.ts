import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createDoc, withLayers } from '../../doc/doc.js'
import { tokensStage } from '../tokens/index.js'
import { sentencesStage, splitSentences } from './index.js'

const split = (s: string): string[] => splitSentences(s, 0, s.length).map((x) => s.slice(x.start, x.end))

const CASES: [string, string[]][] = [
  ['Putin came. He left.', ['Putin came.', 'He left.']],
  ['“It depends on Putin’s favor.” At the time, he left.', ['“It depends on Putin’s favor.”', 'At the time, he left.']],
  ['Dr. Smith met Gen. Gerasimov in St. Gallen.', ['Dr. Smith met Gen. Gerasimov in St. Gallen.']],
  ['J. R. R. Tolkien wrote. The U.S. Army came.', ['J. R. R. Tolkien wrote.', 'The U.S. Army came.']],
  ['Lukashenko’s political survival depends on Putin’s favor', ['Lukashenko’s political survival depends on Putin’s favor']],
  ['But why now? Does Putin need help? What’s behind it?', ['But why now?', 'Does Putin need help?', 'What’s behind it?']],
  ['The roots are deep.Image: IMAGO/SNA', ['The roots are deep.', 'Image: IMAGO/SNA']],
  ['It rose 2.5 percent. Sales fell.', ['It rose 2.5 percent.', 'Sales fell.']],
  ['He said (quietly.) Then left.', ['He said (quietly.)', 'Then left.']],
  ['Wait... what? yes.', ['Wait... what? yes.']],
  ['Line one\nLine two', ['Line one', 'Line two']],
  ['   ', ['']],
]

test('splitSentences', () => {
  for (const [input, expected] of CASES) assert.deepEqual(split(input), expected, input)
})

test('sentencesStage never crosses a block and every block yields a sentence', () => {
  const text = 'Headline without stop\nBody one. Body two.\n\n'
  let doc = createDoc(text)
  doc = withLayers(doc, {
    blocks: [
      { start: 0, end: 21, type: 'headline' },
      { start: 22, end: 41, type: 'body' },
      { start: 42, end: 43, type: 'boilerplate' },
    ],
  })
  doc = sentencesStage.run(tokensStage.run(doc, {}), {})
  const got = (doc.layers.sentences ?? []).map((s) => text.slice(s.start, s.end))
  assert.deepEqual(got, ['Headline without stop', 'Body one.', 'Body two.', ''])
})
