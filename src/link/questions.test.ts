import { test } from 'node:test'
import assert from 'node:assert/strict'
import { makeDoc } from '../stages/dates/test-doc.js'
import type { TestQuote } from '../stages/dates/test-doc.js'
import { assessmentsStage } from '../stages/assessments/index.js'
import type { Doc } from '../doc/doc.js'
import type { GlobalEntity } from '../store/store.js'
import { groupQuestions, questionSummary, similarity, similarPairs, toQuestion } from './questions.js'

const PEOPLE = [
  { name: 'Ulrich Schmid', type: 'PER' as const, aliases: ['Schmid'] },
  { name: 'Alla Leukavets', type: 'PER' as const, aliases: ['Leukavets'] },
  { name: 'Nikita Gerasimov', type: 'PER' as const, aliases: ['Gerasimov'] },
  { name: 'Belarus', type: 'LOC' as const },
  { name: 'Russia', type: 'LOC' as const },
  { name: 'Kyiv', type: 'LOC' as const },
]

function article(id: string, published: string, paragraphs: string[], quotes: TestQuote[] = []): Doc {
  return assessmentsStage.run(makeDoc(paragraphs, { id, meta: { published, outlet: id }, entities: PEOPLE, quotes }), {})
}

/** Global entities: the same name in every article is one entity. */
function linkByName(docs: readonly Doc[]): GlobalEntity[] {
  const out = new Map<string, { id: string; type: string; name: string; aliases: string[]; members: { article: string; entity: number }[]; merges: string[] }>()
  for (const d of docs) for (const [i, e] of (d.layers.entities ?? []).entries()) {
    const g = out.get(e.name) ?? { id: `g:${e.name}`, type: e.type, name: e.name, aliases: [], members: [], merges: [] }
    g.members.push({ article: d.id, entity: i })
    out.set(e.name, g)
  }
  return [...out.values()]
}

const DOCS = [
  article('a', '2022-12-20', ['“It is very unlikely that Belarus will actively participate in the war.”'], [
    { content: 'It is very unlikely that Belarus will actively participate in the war.', speaker: 'Ulrich Schmid' },
  ]),
  article('b', '2023-01-25', [
    '“It is not certain that Belarus will be drawn into the war by Russia in the short term,” says Leukavets.',
    'According to Gerasimov’s observations, the Belarusian troops will not directly participate in the hostilities.',
    'He does not assume that Russia will launch a second large-scale offensive on Kyiv.',
    '“Prices will most likely rise in the spring,” says Leukavets.',
  ], [
    { content: 'It is not certain that Belarus will be drawn into the war by Russia in the short term', speaker: 'Alla Leukavets' },
    { content: 'Russia will launch a second large-scale offensive on Kyiv', speaker: 'Nikita Gerasimov', kind: 'indirect' },
    { content: 'Prices will most likely rise in the spring', speaker: 'Alla Leukavets' },
  ]),
  article('c', '2023-02-01', ['Russia might launch a new offensive on Kyiv, Schmid said.'], [
    { content: 'Russia might launch a new offensive on Kyiv', speaker: 'Ulrich Schmid', kind: 'indirect' },
  ]),
]

test('questions: assessments of one proposition group across articles; unrelated ones stay apart', () => {
  const qs = groupQuestions(DOCS, linkByName(DOCS))
  const view = qs.map((q) => [q.text, q.assessments.map((a) => `${a.article}${a.assessment}`)])
  assert.deepEqual(view, [
    ['Will Belarus actively participate in the war?', ['a0', 'b0', 'b1']],
    ['Will Russia launch a new offensive on Kyiv?', ['c0', 'b2']],
  ])
})

test('questions: summary gives holders, bands, dates, sources, spread and the leaning', () => {
  const q = groupQuestions(DOCS, linkByName(DOCS))[0]!
  const s = questionSummary(q, DOCS)
  assert.deepEqual(s.holders.map((h) => [h.holderName, h.band, h.published, h.source]), [
    ['Ulrich Schmid', 'very unlikely', '2022-12-20', 'a'],
    ['Alla Leukavets', 'uncertain', '2023-01-25', 'b'],
    ['Nikita Gerasimov', 'unlikely', '2023-01-25', 'b'],
  ])
  assert.deepEqual([s.leaning, s.spread], ['very unlikely', { lowest: 'very unlikely', highest: 'unlikely', steps: 1 }])
})

test('questions: statements become yes/no questions', () => {
  const CASES: [string, string][] = [
    ['Belarus will actively participate in the war', 'Will Belarus actively participate in the war?'],
    ['the Belarusian troops will not directly participate in the hostilities', 'Will the Belarusian troops directly participate in the hostilities?'],
    ['The offensive is likely to fail', 'Is the offensive to fail?'],
    ['Putin wins the election', 'Is it true that Putin wins the election?'],
    ['It could be the start of a new plan', 'Will it be the start of a new plan?'],
  ]
  assert.deepEqual(CASES.map(([s]) => toQuestion(s)), CASES.map(([, q]) => q))
})

test('questions: the indexed pair search groups exactly as comparing all pairs', () => {
  // Deterministic pseudo-random lemma sets over a skewed vocabulary (a few very common lemmas, names among them).
  let seed = 7
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648)
  const vocab = Array.from({ length: 60 }, (_, k) => (k % 7 === 0 ? `E:e${k}` : `w${k}`))
  const sets = Array.from({ length: 400 }, () => {
    const lemmas = new Set<string>()
    const n = Math.floor(rnd() * 9)
    while (lemmas.size < n) lemmas.add(vocab[Math.floor(vocab.length * rnd() ** 3)]!)
    return { lemmas, names: new Set([...lemmas].filter((l) => l.startsWith('E:'))) }
  })
  const partition = (pairs: (link: (i: number, j: number) => void, linked: (i: number, j: number) => boolean) => void) => {
    const parent = sets.map((_, i) => i)
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
    pairs((i, j) => { parent[find(i)] = find(j) }, (i, j) => find(i) === find(j))
    return sets.map((_, i) => sets.findIndex((_, j) => find(j) === find(i)))
  }
  const brute = partition((link) => {
    for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) if (similarity(sets[i]!, sets[j]!) >= 0.5) link(i, j)
  })
  const indexed = partition((link, linked) => similarPairs(sets, linked, link))
  assert.ok(new Set(brute).size < sets.length - 20, 'the case has real groups')
  assert.deepEqual(indexed, brute)
})
