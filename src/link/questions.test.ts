import { test } from 'node:test'
import assert from 'node:assert/strict'
import { makeDoc } from '../stages/dates/test-doc.js'
import type { TestQuote } from '../stages/dates/test-doc.js'
import { assessmentsStage } from '../stages/assessments/index.js'
import { withLayers } from '../doc/doc.js'
import type { Doc } from '../doc/doc.js'
import type { Assessment, Band } from '../doc/layers.js'
import type { GlobalEntity } from '../store/store.js'
import { groupQuestions, negativeReading, overlap, questionSummary, similarPairs, toQuestion } from './questions.js'

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
    ['The offensive is likely to fail', 'Will the offensive fail?'],
    ['Clinton was expected to carry Ohio', 'Would Clinton carry Ohio?'],
    ["There's no question Obama could name someone acceptable to Republican senators", 'Will Obama name someone acceptable to Republican senators?'],
    ['and Clinton will probably win the popular vote', 'Will Clinton win the popular vote?'],
    [
      'Republicans will retain control of the Senate, giving them considerable leverage to insist on a justice they can at least tolerate',
      'Will Republicans retain control of the Senate?',
    ],
    ['Trump will win, which nobody expected', 'Will Trump win, which nobody expected?'],
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
    for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) if (overlap(sets[i]!, sets[j]!) >= 0.5) link(i, j)
  })
  const indexed = partition((link, linked) => similarPairs(sets, linked, link))
  assert.ok(new Set(brute).size < sets.length - 20, 'the case has real groups')
  assert.deepEqual(indexed, brute)
})

/** Hand-made assessments, one article each: [id, statement (the whole sentence is the proposition), band]. */
type Stated = readonly [string, string, Band]
const NAMES = [
  { name: 'Belarus', type: 'LOC' as const }, { name: 'Ukraine', type: 'LOC' as const }, { name: 'Poland', type: 'LOC' as const },
  { name: 'Donald Trump', type: 'PER' as const, aliases: ['Trump'] }, { name: 'Hillary Clinton', type: 'PER' as const, aliases: ['Clinton'] },
  { name: 'Ohio', type: 'LOC' as const }, { name: 'Florida', type: 'LOC' as const }, { name: 'Federal Reserve', type: 'ORG' as const, aliases: ['Fed'] },
]

function stated(cases: readonly Stated[]): Doc[] {
  return cases.map(([id, text, band]) => {
    const doc = makeDoc([text], { id, meta: { published: '2023-01-01', outlet: id }, entities: NAMES })
    const proposition = text.replace(/\.$/, '')
    const normalized = proposition.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, ' ').replace(/\s+/g, ' ').trim()
    const a: Assessment = {
      start: 0, end: proposition.length, proposition, normalized, band,
      cue: { start: 0, end: 0, text: '' }, holderEntity: null, holderName: `holder ${id}`,
    }
    return withLayers(doc, { assessments: [a] })
  })
}

/** Each question as its members' ids, sorted; questions sorted by their first id. */
function grouped(docs: readonly Doc[]): string[][] {
  return groupQuestions(docs, linkByName(docs)).map((q) => q.assessments.map((a) => a.article).sort()).sort((x, y) => x[0]!.localeCompare(y[0]!))
}

test('questions: grouping table (bridges, predicates, paraphrases, negation)', () => {
  const CASES: [string, Stated[], string[][]][] = [
    ['a bridge member does not chain two propositions', [
      ['troops', 'Belarus will send troops to Ukraine.', 'unlikely'],
      ['troops2', 'Belarus will send more troops to Ukraine.', 'unlikely'],
      ['bridge', 'Belarus will send troops to Ukraine and close its border with Poland.', 'unlikely'],
      ['border', 'Belarus will close its border with Poland.', 'likely'],
      ['border2', 'Belarus will close the border with Poland.', 'likely'],
    ], [['border', 'border2'], ['bridge', 'troops', 'troops2']]],
    ['the same entity with another predicate stays apart', [
      ['war', 'Belarus will enter the war in Ukraine.', 'unlikely'],
      ['vote', 'Belarus will hold free elections next year.', 'unlikely'],
      ['sanction', 'Poland will impose new sanctions on Belarus.', 'likely'],
    ], []],
    ['a generic verb and one shared name are not one question', [
      ['ohio', 'Trump will win Ohio.', 'likely'],
      ['florida', 'Trump will win Florida.', 'likely'],
      ['vote', 'Trump will win the vote of young people.', 'unlikely'],
    ], []],
    ['a generic verb with two shared names is', [
      ['won', 'Clinton will win Ohio.', 'likely'],
      ['carry', 'Clinton is likely to carry Ohio in November.', 'likely'],
      ['other', 'Trump will win Ohio.', 'unlikely'],
    ], [['carry', 'won']]],
    ['paraphrases of entering the war join', [
      ['part', 'Belarus will actively participate in the war.', 'very unlikely'],
      ['enter', 'Belarus will enter the war.', 'unlikely'],
      ['drawn', 'Belarus will be drawn into the war by Russia.', 'uncertain'],
      ['fed', 'The Fed will raise rates in June.', 'likely'],
    ], [['drawn', 'enter', 'part']]],
    ['a rate rise asked two ways', [
      ['raise', 'The Fed will raise rates in June.', 'likely'],
      ['hike', 'The Federal Reserve is expected to hike interest rates in June.', 'likely'],
      ['cut', 'The Fed will cut rates in June.', 'unlikely'],
    ], [['hike', 'raise']]],
  ]
  for (const [what, cases, expected] of CASES) assert.deepEqual(grouped(stated(cases)), expected, what)
})

test('questions: a negated statement joins the positive one, its answer flipped, and the question asks it positively', () => {
  const docs = stated([
    ['neg', 'Belarus will not participate in the war.', 'very likely'],
    ['pos', 'Belarus will participate in the war.', 'unlikely'],
    ['neg2', 'Belarus will never enter the war.', 'likely'],
  ])
  const qs = groupQuestions(docs, linkByName(docs))
  assert.equal(qs.length, 1)
  const s = questionSummary(qs[0]!, docs)
  assert.deepEqual(
    [s.text, s.holders.map((h) => [h.article, h.band, h.answer]).sort(), s.leaning],
    ['Will Belarus participate in the war?', [['neg', 'very likely', 'very unlikely'], ['neg2', 'likely', 'unlikely'], ['pos', 'unlikely', 'unlikely']], 'unlikely'],
  )
})

test('questions: a negation counts only in the first clause, as the normalized form has it', () => {
  const CASES: [string, string, boolean][] = [
    ['Belarus will not participate in the war', 'belarus will not participate in the war', true],
    ['Belarus doesn’t want to be drawn into the war', 'belarus does not want to be drawn into the war', true],
    ['Republicans will retain the Senate, leaving them no worse off', 'republicans will retain the senate leaving them no worse off', false],
    ['the talks will fail because no one trusts them', 'the talks will fail because no one trusts them', false],
    ['because they may not care much', 'because they not care much', true],
    ['are definitely not voting for Donald Trump', 'are voting for donald trump', false], // the band took the negation in
    ['it will be seen as a last resort', 'it will be seen as a last resort', true],
  ]
  assert.deepEqual(CASES.map(([p, n]) => negativeReading(p, n)), CASES.map(([, , e]) => e))
})
