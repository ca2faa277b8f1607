import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { test } from 'node:test'
import type { Quote } from '../doc/layers.js'
import { DEFAULT_DIR, emptyTally, holdsQuoteMarks, polnearFiles, scoreArticle, scoreFiles, summarize, toScored, tokenStarts, type Scored } from './quotes.js'

const TEXT = 'Smith said the plan will fail badly. Jones said “it works”.'
//            0         1         2         3         4         5
const s = (content: [number, number], source: [number, number][] = [], cue: [number, number][] = []): Scored => ({
  content: tokenStarts(TEXT, [content]),
  source,
  cue,
  speech: true,
  direct: false,
})

// [gold, predicted, expected exact P/R, overlap P, overlap R, source acc, cue acc]
const CASES: [string, Scored[], Scored[], [number, number, number, number, number, number]][] = [
  ['identical', [s([11, 35], [[0, 5]], [[6, 10]])], [s([11, 35], [[0, 5]], [[6, 10]])], [1, 1, 1, 1, 1, 1]],
  ['three of five words, wrong source', [s([11, 35], [[0, 5]], [[6, 10]])], [s([11, 24], [[37, 42]], [[6, 10]])], [0, 0, 1, 0.6, 0, 1]],
  ['one spurious prediction', [s([11, 35])], [s([11, 35]), s([48, 57])], [0.5, 1, 0.5, 1, 0, 0]],
  ['greedy keeps the larger overlap', [s([11, 35])], [s([11, 19]), s([11, 35])], [0.5, 1, 0.5, 1, 0, 0]],
  ['nothing predicted', [s([11, 35])], [], [0, 0, 0, 0, 0, 0]],
]

for (const [name, gold, pred, [exP, exR, ovP, ovR, src, cue]] of CASES) {
  test(`scorer: ${name}`, () => {
    const t = emptyTally()
    scoreArticle(gold, pred, t)
    const r = summarize(t)
    assert.equal(r.content_exact.precision, exP)
    assert.equal(r.content_exact.recall, exR)
    assert.equal(r.content_overlap.precision, ovP)
    assert.equal(r.content_overlap.recall, ovR)
    assert.equal(r.source_accuracy, src)
    assert.equal(r.cue_accuracy, cue)
  })
}

test('quotes sharing one cue are one attribution with a discontinuous content', () => {
  const text = '“It works,” Jones said. “It really does.” Smith said no.'
  const cue = { start: 18, end: 22, text: 'said', lemma: 'say' }
  const q = (start: number, end: number, c = cue): Quote => ({ kind: 'direct', start, end, text: text.slice(start, end), cue: c, speakerEntity: null, speakerName: null, block: 0 })
  const out = toScored(text, [q(0, 11), q(24, 41), q(48, 55, { start: 48, end: 52, text: 'said', lemma: 'say' })])
  assert.equal(out.length, 2)
  assert.deepEqual([...out[0]!.content].map((i) => text.slice(i, i + 2)), ['It', 'wo', 'It', 're', 'do'])
})

// The direct slice holds content with quotation marks, on both sides (a mixed quote too); apostrophes are not marks.
const MARKS: [string, boolean][] = [
  ['“It works,”', true],
  ['he would offer “a prayer” for the nominee', true],
  ["''It works,''", true],
  ['the plan ‘Won’ in Iowa', true],
  ['Clinton’s plan doesn’t work', false],
  ['the sound reasons people are supporting a plan like Sanders’', false],
  ["voters' minds", false],
  ['he called it ‘the voters’', true],
  ['the plan will fail badly', false],
]
for (const [content, expected] of MARKS) test(`quote marks in "${content}": ${expected}`, () => assert.equal(holdsQuoteMarks(content), expected))

test('a mixed prediction is in the direct slice', () => {
  const text = 'He said he would offer “a prayer” for the nominee.'
  const q: Quote = { kind: 'mixed', start: 8, end: 49, text: text.slice(8, 49), speakerEntity: null, speakerName: null, block: 0 }
  assert.equal(toScored(text, [q])[0]!.direct, true)
  assert.equal(toScored(text, [{ ...q, kind: 'indirect', start: 8, end: 22, text: text.slice(8, 22) }])[0]!.direct, false)
})

// Floor on a fixed dev subset (the first 40 PolNeAR dev articles by name; about 2 s), a little under what was
// measured there when it was set (rules + gated tagger): all overlap P 0.815 R 0.557 F1 0.662, exact F1 0.455,
// source 0.836; speech F1 0.821; direct F1 0.668 (0.799 once the direct slice took mixed predictions, as gold does).
// Raised after the direct-quote rules: all overlap P 0.819 R 0.564 F1 0.668, exact F1 0.464, source 0.844;
// speech F1 0.825; direct F1 0.822.
// Raised after the tagger became the reader of contents (model first, rules for speakers; its first pass, the
// stage's default): all overlap P 0.824 R 0.629 F1 0.714, exact F1 0.506, source 0.872; speech F1 0.852;
// direct F1 0.870.
// Reset after the tagger learned from what the rules read, from all of train, with its second pass on by default,
// and the gate keeping what it doubts (PolNeAR's attributions of stances and topics): all overlap P 0.798 R 0.696
// F1 0.744, exact F1 0.516, source 0.853; speech F1 0.866; direct F1 0.886.
// Raised when the gate kept acts of non-speakers as their stances: all overlap P 0.800 R 0.703 F1 0.748, exact F1
// 0.523, source 0.856; speech F1 0.867; direct F1 0.882.
// [slice, measure, floor]
const FLOORS: [('all' | 'speech' | 'direct'), (r: ReturnType<typeof scoreFiles>['slices']['all']) => number, number][] = [
  ['all', (r) => r.content_overlap.f1, 0.74],
  ['all', (r) => r.content_overlap.precision, 0.79],
  ['all', (r) => r.content_overlap.recall, 0.695],
  ['all', (r) => r.content_exact.f1, 0.505],
  ['all', (r) => r.source_accuracy, 0.845],
  ['speech', (r) => r.content_overlap.f1, 0.855],
  ['direct', (r) => r.content_overlap.f1, 0.875],
]
test('PolNeAR dev floor (first 40 articles)', { skip: existsSync(DEFAULT_DIR) ? false : `${DEFAULT_DIR} missing` }, () => {
  const { slices } = scoreFiles(polnearFiles(DEFAULT_DIR).slice(0, 40))
  for (const [slice, measure, floor] of FLOORS) {
    const got = measure(slices[slice])
    assert.ok(got >= floor, `${slice}: ${got.toFixed(3)} < ${floor} (${measure.toString()})`)
  }
})
