// Questions: assessments of the same proposition, across articles, grouped under one yes/no question.
// Similarity is the overlap of content lemmas (predicate classes such as participate/enter/drawn into, and
// war/hostilities, count as one lemma) plus global entity ids; negation is taken out of the lemmas and kept as a
// polarity, so "will not participate" and "will participate" land in one question with opposite readings.
import { createHash } from 'node:crypto'
import type { Doc } from '../doc/doc.js'
import type { Assessment, Band, Mention } from '../doc/layers.js'
import type { GlobalEntity, Question } from '../store/store.js'

/** Two propositions are one question when they share this share of the smaller lemma set ... */
const MIN_OVERLAP = 0.5
/** ... and at least this many lemmas, one of them not a name (a shared "Belarus" alone is no shared question). */
const MIN_SHARED = 2
/** Groups up to this size rank their central proposition by exact pairwise similarity (quadratic in the group). */
const EXACT_CENTRALITY = 200
/** Predicate and topic classes: words that ask the same thing (lower-case word → class). */
const SYNONYMS: Readonly<Record<string, string>> = {
  participate: 'ENTER', participates: 'ENTER', participating: 'ENTER', participation: 'ENTER', enter: 'ENTER',
  enters: 'ENTER', entering: 'ENTER', entry: 'ENTER', drawn: 'ENTER', draw: 'ENTER', dragged: 'ENTER', join: 'ENTER',
  joins: 'ENTER', joining: 'ENTER', involved: 'ENTER', involvement: 'ENTER', intervene: 'ENTER', intervention: 'ENTER',
  war: 'WAR', wars: 'WAR', hostilities: 'WAR', fighting: 'WAR', conflict: 'WAR', combat: 'WAR', battle: 'WAR',
  attack: 'ATTACK', attacks: 'ATTACK', offensive: 'ATTACK', invade: 'ATTACK', invasion: 'ATTACK', assault: 'ATTACK',
  win: 'WIN', wins: 'WIN', victory: 'WIN', prevail: 'WIN', lose: 'LOSE', loses: 'LOSE', defeat: 'LOSE',
  resign: 'RESIGN', resignation: 'RESIGN', quit: 'RESIGN', step: 'RESIGN',
}
/** Words that carry no content for matching (function words, auxiliaries, vague nouns). */
const STOPWORDS = new Set(
  ('a an the and or but of in on at to for from by with into onto as that this these those it its is are was were be been being ' +
    'will would shall should can could may might must do does did has have had not no never he she they them his her their ' +
    'we us our i me my you your there here which who whom what when where how why than then so also very more most just ' +
    'only even still yet again all any some such one two up out over about after before between during against under ' +
    'seen see time way thing something anything long able make made take taken get got go going become').split(/\s+/),
)
/** Phrases that turn a proposition's reading around: "as a last resort" means not by default, "does not want". */
const NEGATIVE_READING = /\b(?:not|no|never|last resort|refuses?|refused|reluctant|avoids?|avoided|resists?|stay out|stays out|keep out|keeps out)\b/i
const ORDER: readonly Band[] = ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain']
const COMPLEMENT: Readonly<Record<Band, Band>> = {
  'almost no chance': 'almost certain', 'very unlikely': 'very likely', unlikely: 'likely', 'roughly even chance': 'roughly even chance',
  likely: 'unlikely', 'very likely': 'very unlikely', 'almost certain': 'almost no chance', uncertain: 'uncertain',
}
/** Auxiliaries a statement's subject is inverted with to make a yes/no question. */
const AUX = /\b(will|would|could|can|may|might|should|shall|is|are|was|were|has|have|had)\b/i

/** A crude lemma: synonym class, else the word with common suffixes cut, at most 6 letters ("belarusian" → "belaru"). */
export function lemma(word: string): string {
  const w = word.toLowerCase()
  const cls = SYNONYMS[w]
  if (cls) return cls
  return w.replace(/(?:ations?|ings?|ed|es|s)$/, '').slice(0, 6)
}

interface Item {
  readonly article: string
  readonly index: number
  readonly a: Assessment
  readonly doc: Doc
  readonly lemmas: Set<string>
  readonly names: Set<string>
  readonly negative: boolean
}

function features(doc: Doc, index: number, a: Assessment, globalOf: Map<string, string>, mentions: readonly Mention[]): Item {
  const lemmas = new Set<string>()
  const names = new Set<string>()
  // Mentions inside both the assessment span and its proposition (found from the span start); mentions are
  // sorted by start, so a binary search finds the first one and the scan stops past the end.
  const propStart = doc.text.indexOf(a.proposition, a.start)
  if (propStart >= 0 && a.end >= a.start) {
    const lo = Math.max(a.start, propStart)
    const hi = Math.min(a.end, propStart + a.proposition.length)
    for (let k = firstAtOrAfter(mentions, lo); k < mentions.length && mentions[k]!.start < hi; k++) {
      const m = mentions[k]!
      if (m.end > hi || m.entity === undefined) continue
      const g = globalOf.get(`${doc.id}:${m.entity}`)
      if (g) { lemmas.add(`E:${g}`); names.add(`E:${g}`) }
      for (const w of m.text.split(/[^\p{L}\p{N}]+/u)) if (w) names.add(lemma(w))
    }
  }
  for (const w of a.normalized.split(/[^\p{L}\p{N}-]+/u)) {
    if (!w || STOPWORDS.has(w) || /ly$/.test(w) || w.length < 3) continue
    lemmas.add(lemma(w))
  }
  return { article: doc.id, index, a, doc, lemmas, names, negative: NEGATIVE_READING.test(a.normalized) }
}

/** Index of the first mention starting at or after `offset` (mentions sorted by start). */
function firstAtOrAfter(mentions: readonly Mention[], offset: number): number {
  let lo = 0
  let hi = mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (mentions[mid]!.start < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Overlap of two propositions' lemma sets (0 when they share no predicate or too few lemmas). */
export function similarity(x: { lemmas: Set<string>; names: Set<string> }, y: { lemmas: Set<string>; names: Set<string> }): number {
  let shared = 0
  let content = 0
  for (const l of x.lemmas) {
    if (!y.lemmas.has(l)) continue
    shared++
    if (!x.names.has(l) && !y.names.has(l) && !l.startsWith('E:')) content++
  }
  if (shared < MIN_SHARED || content === 0) return 0
  return shared / Math.min(x.lemmas.size, y.lemmas.size)
}

/** "Belarus will actively participate in the war" → "Will Belarus actively participate in the war?" */
export function toQuestion(statement: string): string {
  let s = statement
    .replace(/\b(?:almost certainly|most likely|more likely|very likely|likely|probably|possibly|perhaps|certainly)\s+/gi, '')
    .replace(/\b(will|would|could|can|is|are|was|were)\s+not\s+/i, '$1 ')
    .replace(/\bwon['’]t\b/i, 'will')
    .replace(/[.!?,;:]+$/, '')
    .trim()
  const m = AUX.exec(s)
  if (!m || m.index === 0) return `Is it true that ${s}?`
  const subject = s.slice(0, m.index).trim()
  const rest = s.slice(m.index + m[0].length).trim()
  const subj = /^(?:The|A|An|It|This|That|These|Those|He|She|They|We|Its|His|Her|Their)\b/.test(subject) ? subject[0]!.toLowerCase() + subject.slice(1) : subject
  // A hedge modal asks the plain future: "Russia might launch" → "Will Russia launch".
  const aux = /^(?:might|may|could)$/i.test(m[0]) ? 'will' : m[0].toLowerCase()
  s = `${aux[0]!.toUpperCase()}${aux.slice(1)} ${subj} ${rest}`
  return `${s.replace(/\s+/g, ' ')}?`
}

function globalIndex(entities: readonly GlobalEntity[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const g of entities) for (const m of g.members) out.set(`${m.article}:${m.entity}`, g.id)
  return out
}

function items(docs: readonly Doc[], entities: readonly GlobalEntity[]): Item[] {
  const globalOf = globalIndex(entities)
  const out: Item[] = []
  for (const doc of docs) {
    const as = doc.layers.assessments ?? []
    if (as.length === 0) continue
    const ms = doc.layers.mentions ?? []
    const sorted = ms.every((m, k) => k === 0 || ms[k - 1]!.start <= m.start) ? ms : [...ms].sort((x, y) => x.start - y.start)
    as.forEach((a, i) => out.push(features(doc, i, a, globalOf, sorted)))
  }
  return out
}

/** Fewest shared lemmas two propositions need when the smaller one has `n` lemmas. */
function needShared(n: number): number {
  return Math.max(MIN_SHARED, Math.ceil(MIN_OVERLAP * n - 1e-9))
}

/**
 * Every pair with similarity ≥ MIN_OVERLAP that joins two groups, found without comparing all pairs (prefix
 * filtering): lemmas are ordered rarest first; a pair sharing `o` lemmas, where the smaller set x needs
 * o = needShared(|x|), must share one of x's first |x| - o + 1 lemmas and one of the other's first |y| - 1
 * (o ≥ 2). Items go in by size, each indexed under its short prefix and probed with its long one, so a common
 * lemma (a frequent name) only meets the few sets made mostly of common lemmas. Pairs already in one question
 * are not compared. Exact: the same groups as the all-pairs scan.
 */
export function similarPairs(all: readonly { readonly lemmas: Set<string>; readonly names: Set<string> }[], linked: (i: number, j: number) => boolean, found: (i: number, j: number) => void): void {
  const df = new Map<string, number>()
  for (const it of all) for (const l of it.lemmas) df.set(l, (df.get(l) ?? 0) + 1)
  const rank = new Map([...df.entries()].sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([l], r) => [l, r]))
  const ordered = all.map((it) => [...it.lemmas].sort((x, y) => rank.get(x)! - rank.get(y)!))
  const bySize = all.map((_, i) => i).sort((x, y) => all[x]!.lemmas.size - all[y]!.lemmas.size || x - y)
  // lemma → flat [item, position of the lemma in the item's order, ...]
  const index = new Map<string, number[]>()
  const seen = new Int32Array(all.length).fill(-1)
  for (const j of bySize) {
    const ls = ordered[j]!
    const ny = ls.length
    if (ny < MIN_SHARED) continue
    for (let p = 0; p < ny - 1; p++) {
      const post = index.get(ls[p]!)
      if (!post) continue
      for (let k = 0; k < post.length; k += 2) {
        const i = post[k]!
        if (seen[i] === j) continue
        seen[i] = j
        // The first shared lemma in rarity order bounds the overlap: this one plus what follows it in both.
        const nx = ordered[i]!.length
        if (1 + Math.min(nx - post[k + 1]! - 1, ny - p - 1) < needShared(nx)) continue
        if (linked(i, j)) continue // already one question through other pairs: nothing to learn
        if (similarity(all[i]!, all[j]!) >= MIN_OVERLAP) found(i, j)
      }
    }
    const prefix = ny - needShared(ny) + 1
    for (let p = 0; p < prefix; p++) {
      const l = index.get(ls[p]!)
      if (l) l.push(j, p)
      else index.set(ls[p]!, [j, p])
    }
  }
}

/** Assessments of one proposition grouped into questions (two or more each), the most central one first. */
export function groupQuestions(docs: readonly Doc[], entities: readonly GlobalEntity[]): Question[] {
  const all = items(docs, entities)
  const parent = all.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!
      i = parent[i]!
    }
    return i
  }
  similarPairs(all, (i, j) => find(i) === find(j), (i, j) => {
    const a = find(i)
    const b = find(j)
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
  })
  const groups = new Map<number, number[]>()
  for (let i = 0; i < all.length; i++) {
    const r = find(i)
    const g = groups.get(r)
    if (g) g.push(i)
    else groups.set(r, [i])
  }
  const out: Question[] = []
  for (const members of groups.values()) {
    if (members.length < 2) continue
    const score = centrality(all, members)
    // The central proposition reads the positive way when one does, so the question asks it that way.
    const ordered = members
      .map((i, k) => ({ i, s: score[k]! }))
      .sort((x, y) => Number(all[x.i]!.negative) - Number(all[y.i]!.negative) || y.s - x.s || all[x.i]!.a.proposition.length - all[y.i]!.a.proposition.length || x.i - y.i)
      .map((x) => x.i)
    const central = all[ordered[0]!]!
    const keys = ordered.map((i) => `${all[i]!.article}:${all[i]!.index}`)
    out.push({
      id: `q-${createHash('sha256').update([...keys].sort().join('|')).digest('hex').slice(0, 12)}`,
      text: toQuestion(central.a.proposition),
      assessments: ordered.map((i) => ({ article: all[i]!.article, assessment: all[i]!.index })),
    })
  }
  return out.sort((a, b) => b.assessments.length - a.assessments.length || a.id.localeCompare(b.id))
}

/**
 * How central each member is: the sum of its similarities to the other members. Exact (all pairs) up to
 * EXACT_CENTRALITY members; a larger group (one proposition repeated across many articles) scores each member
 * by how many other members carry each of its lemmas, over its own size, which ranks the same way for
 * near-duplicates and costs time linear in the group's lemmas.
 */
function centrality(all: readonly Item[], members: readonly number[]): number[] {
  if (members.length <= EXACT_CENTRALITY) {
    const score = members.map(() => 0)
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const s = similarity(all[members[x]!]!, all[members[y]!]!)
        score[x]! += s
        score[y]! += s
      }
    }
    return score
  }
  const count = new Map<string, number>()
  for (const i of members) for (const l of all[i]!.lemmas) count.set(l, (count.get(l) ?? 0) + 1)
  return members.map((i) => {
    const ls = all[i]!.lemmas
    let t = 0
    for (const l of ls) t += count.get(l)! - 1
    return ls.size ? t / ls.size : 0
  })
}

export interface HolderView {
  readonly article: string
  readonly assessment: number
  readonly holderName: string | null
  readonly holderEntity: number | null
  /** The band as stated, of the statement's own proposition. */
  readonly band: Band
  /** The band read as an answer to the question (flipped when the statement reads the other way round). */
  readonly answer: Band
  readonly proposition: string
  readonly published: string | null
  readonly source: string | null
}

export interface QuestionSummary {
  readonly id: string
  readonly text: string
  readonly holders: readonly HolderView[]
  /** Lowest and highest answer on the ICD 203 scale, and how many steps apart ('uncertain' answers left out). */
  readonly spread: { readonly lowest: Band | null; readonly highest: Band | null; readonly steps: number }
  /** The median answer (the lower middle one for an even count); 'uncertain' when no holder gives a direction. */
  readonly leaning: Band
}

/** Who holds what on one question: holders with their bands, dates and sources, the spread and the leaning. */
export function questionSummary(question: Question, docs: readonly Doc[]): QuestionSummary {
  const byId = new Map(docs.map((d) => [d.id, d]))
  const views: HolderView[] = []
  for (const ref of question.assessments) {
    const doc = byId.get(ref.article)
    const a = doc?.layers.assessments?.[ref.assessment]
    if (!doc || !a) continue
    const negative = NEGATIVE_READING.test(a.normalized)
    views.push({
      article: ref.article,
      assessment: ref.assessment,
      holderName: a.holderName,
      holderEntity: a.holderEntity,
      band: a.band,
      answer: negative ? COMPLEMENT[a.band] : a.band,
      proposition: a.proposition,
      published: doc.meta.published ?? null,
      source: doc.meta.originalSource ?? doc.meta.outlet ?? null,
    })
  }
  const ranks = views.map((v) => ORDER.indexOf(v.answer)).filter((r) => r >= 0).sort((x, y) => x - y)
  const lowest = ranks.length ? ORDER[ranks[0]!]! : null
  const highest = ranks.length ? ORDER[ranks[ranks.length - 1]!]! : null
  const leaning = ranks.length ? ORDER[ranks[Math.floor((ranks.length - 1) / 2)]!]! : 'uncertain'
  return {
    id: question.id,
    text: question.text,
    holders: views,
    spread: { lowest, highest, steps: ranks.length ? ranks[ranks.length - 1]! - ranks[0]! : 0 },
    leaning,
  }
}
