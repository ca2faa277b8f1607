// Questions: assessments of the same proposition, across articles, grouped under one yes/no question.
// Each proposition becomes a set of keys: the entities it names (global entity ids, plus their name words so
// "Belarusian" meets "Belarus") and its predicate lemmas (content words; participate/enter/drawn into and
// war/hostilities count as one). Two propositions are related when they share an entity AND two specific
// predicate lemmas (or one predicate and two entities), weighted by rarity (a key found in many assessments, "Trump", "vote", counts little). Groups form
// around central propositions: a member must be related to the centre and, on average, to the members already
// in, so a bridge ("Trump will win Ohio and Florida") cannot chain two questions together. Negation is kept out
// of the keys and read as a polarity, so "will not participate" joins "will participate" with the answer flipped.
import { createHash } from 'node:crypto'
import type { Doc } from '../doc/doc.js'
import type { Assessment, Band, Mention } from '../doc/layers.js'
import type { GlobalEntity, Question } from '../store/store.js'

/** Candidate pairs (from the index) share this share of the smaller key set, unweighted; looser than JOIN. */
const MIN_OVERLAP = 0.5
/** ... and at least this many keys, one of them a predicate. */
const MIN_SHARED = 3
/**
 * Shared specific predicate lemmas a related pair needs with one shared entity (a verb and its object: "enter" +
 * "war"); with two shared entities one predicate, even a generic one, is enough ("Clinton" + "Ohio" + "win").
 */
const MIN_SPECIFIC = 2
/** Rarity-weighted cosine a member needs with the group's centre (and with any member it is compared to, to count). */
const JOIN = 0.4
/** Mean similarity a new member needs with the members already in (average link: no chaining through one bridge). */
const MEAN_JOIN = 0.4
/** Every member it is compared to must be at least this similar: two propositions unrelated to each other never share a question. */
const FLOOR = 0.2
/** A new member is compared with at most this many members (the first ones, nearest the centre): near-linear on big groups. */
const COMPARE_CAP = 24
/** Rarity weight: a key in a 1/RARITY share of the assessments or fewer weighs 1; commoner keys weigh less (log scale) ... */
const RARITY = 100
/** ... down to this floor. */
const MIN_WEIGHT = 0.1
/** Name words (N: keys) restate an entity that usually has its global id (E: key) too: they count at this share. */
const NAME_WORD_WEIGHT = 0.5
/** Groups up to this size rank their central proposition by exact pairwise similarity (quadratic in the group). */
const EXACT_CENTRALITY = 200
/** Among members this close to the most central one, a readable statement gives the question its text. */
const TEXT_CENTRALITY = 0.8
/** Predicate and topic classes: words that ask the same thing (lower-case word → class). */
const SYNONYMS: Readonly<Record<string, string>> = {
  participate: 'ENTER', participates: 'ENTER', participating: 'ENTER', participation: 'ENTER', enter: 'ENTER',
  enters: 'ENTER', entering: 'ENTER', entry: 'ENTER', drawn: 'ENTER', draw: 'ENTER', dragged: 'ENTER', join: 'ENTER',
  joins: 'ENTER', joining: 'ENTER', involved: 'ENTER', involvement: 'ENTER', intervene: 'ENTER', intervention: 'ENTER',
  war: 'WAR', wars: 'WAR', hostilities: 'WAR', fighting: 'WAR', conflict: 'WAR', combat: 'WAR', battle: 'WAR',
  attack: 'ATTACK', attacks: 'ATTACK', offensive: 'ATTACK', invade: 'ATTACK', invasion: 'ATTACK', assault: 'ATTACK',
  win: 'WIN', wins: 'WIN', won: 'WIN', winning: 'WIN', victory: 'WIN', prevail: 'WIN', carry: 'WIN', carries: 'WIN',
  lose: 'LOSE', loses: 'LOSE', lost: 'LOSE', losing: 'LOSE', defeat: 'LOSE', defeated: 'LOSE',
  resign: 'RESIGN', resignation: 'RESIGN', resigns: 'RESIGN', quit: 'RESIGN', quits: 'RESIGN',
  raise: 'RAISE', raises: 'RAISE', raised: 'RAISE', raising: 'RAISE', hike: 'RAISE', hikes: 'RAISE', increase: 'RAISE',
  nominee: 'NOMINEE', nomination: 'NOMINEE', nominate: 'NOMINEE', nominated: 'NOMINEE',
}
/** Words that carry no content for matching (function words, auxiliaries, vague nouns, horizon fillers). */
const STOPWORDS = new Set(
  ('a an the and or but of in on at to for from by with into onto as that this these those it its is are was were be been being ' +
    'will would shall should can could may might must do does did has have had not no never he she they them his her their ' +
    'we us our i me my you your there here which who whom what when where how why than then so also very more most just ' +
    'only even still yet again all any some such one two up out over about after before between during against under ' +
    'seen see time way thing something anything long able make made take taken get got go going become ' +
    'short term near future soon coming whether if because while s t re ll ve d ' +
    'him himself herself themselves itself myself ourselves yourself now down off today ever').split(/\s+/),
)
/**
 * Predicates too general to make two propositions one question on their own (voting, winning and saying happen in
 * every election story): they still count in the similarity, but a related pair needs a shared predicate not in
 * this list, or a generic one plus two shared entities ("Clinton will win Ohio").
 */
const GENERIC = [
  'vote', 'voter', 'WIN', 'LOSE', 'say', 'tell', 'think', 'know', 'want', 'need', 'like', 'use', 'give', 'find', 'look', 'put', 'keep',
  'let', 'seem', 'try', 'call', 'work', 'run', 'help', 'happen', 'continue', 'start', 'change', 'support', 'show', 'hold', 'come',
  'people', 'year', 'day', 'week', 'month', 'lot', 'good', 'bad', 'new', 'great', 'big', 'next', 'last', 'first', 'many', 'much',
  'other', 'back', 'right', 'well', 'really', 'president', 'candidate', 'campaign', 'election', 'presidential', 'american', 'country',
  'state', 'party', 'republican', 'democrat', 'democratic', 'government', 'political', 'point', 'part', 'issue', 'case', 'number',
]
/** Phrases that turn a proposition's reading around: "as a last resort" means not by default, "does not want". */
const NEGATIVE_READING = /\b(?:not|no|never|last resort|refuses?|refused|reluctant|avoids?|avoided|resists?|stay out|stays out|keep out|keeps out)\b/i
/** Where a proposition's first clause ends: negation after it belongs to another verb ("..., leaving them no worse off"). */
const FIRST_CLAUSE_END = /[,;:()–—]|\s-{1,2}\s|\b(?:because|if|which|who|unless|while|than|so that|giving|leaving)\b/gi

/**
 * Whether a proposition reads the other way round: a negation (or "last resort", "refuses") in its first clause.
 * Read in the normalized form, where negation is explicit ("doesn't" → "does not") and a negation the band
 * already took in ("definitely not") is gone; its first clause has as many words as the proposition's (a removed
 * hedge lets it run a word or two long).
 */
export function negativeReading(proposition: string, normalized: string): boolean {
  // The first clause ends at the first boundary past the first word ("because they may not care" is one clause).
  const first = /^\s*\S+/.exec(proposition)?.[0].length ?? 0
  const end = [...proposition.matchAll(FIRST_CLAUSE_END)].find((m) => m.index >= first)
  if (!end) return NEGATIVE_READING.test(normalized)
  const words = proposition.slice(0, end.index).split(/[^\p{L}\p{N}]+/u).filter(Boolean).length
  return NEGATIVE_READING.test(normalized.split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, words).join(' '))
}
const ORDER: readonly Band[] = ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain']
const COMPLEMENT: Readonly<Record<Band, Band>> = {
  'almost no chance': 'almost certain', 'very unlikely': 'very likely', unlikely: 'likely', 'roughly even chance': 'roughly even chance',
  likely: 'unlikely', 'very likely': 'very unlikely', 'almost certain': 'almost no chance', uncertain: 'uncertain',
}
/** Auxiliaries a statement's subject is inverted with to make a yes/no question. */
const AUX = /\b(will|would|could|can|may|might|should|shall|is|are|was|were|has|have|had)\b/i
/** "is likely to V" / "are expected to V" ask "will ... V": the copula and its raising adjective become "will". */
const RAISING = /\b(is|are|was|were)\s+(?:(?:not|very|more|most|less|highly|quite|fairly|increasingly|probably)\s+)*(?:likely|unlikely|expected|set|going|bound|certain|sure|poised|about)\s+to\s+/i
/** First words of a fragment that reads badly as a question (a clause cut from its head). */
const FRAGMENT_START = /^(?:and|but|or|that|who|whom|which|to|including|whether|if|because|as|so|than|where|when|while|what|whatever|with|for|of|in|on|from|by)\b/i
/** Words before a statement's subject that a question drops: a joining conjunction, "there is no question that". */
const LEAD_IN = /^(?:(?:and|but|or|so|then|that)\s+)*(?:there(?:'s|’s| is) no (?:question|doubt)(?: that)?\s+)?/i
/** Statements longer than this many words are cut at a trailing clause ... */
const CUT_LONGER = 18
/** ... found after this many words: */
const CUT_AFTER = 4
const TRAILING_CLAUSE = /\s*(?:,\s*(?:giving|leaving|which|who|while|as|because|especially|but|and|according|including|even|though|although|if|where|when)\b|\s[-–—]{1,2}\s|—)/
/** A readable question has this many words. */
const READABLE_WORDS = [3, 25] as const

const stem = (w: string): string =>
  w
    .replace(/ies$/, 'i')
    .replace(/(?:ations?|ings?|ed|es|s)$/, '')
    .replace(/([b-df-hj-np-tv-z])\1$/, '$1')
    .replace(/(?<=..)[ey]$/, '')
    .slice(0, 6)

/** A crude lemma: synonym class, else the word with common suffixes cut, at most 6 letters ("belarusian" → "belaru"). */
export function lemma(word: string): string {
  const w = word.toLowerCase()
  return SYNONYMS[w] ?? stem(w)
}

const GENERIC_KEYS = new Set(GENERIC.map((w) => (w === w.toUpperCase() ? w : lemma(w))))
const STOP_LEMMAS = new Set([...STOPWORDS].map(lemma))

/** What a proposition is about: entity keys (E: global id, N: name word) and predicate lemmas. */
export interface PropositionKeys {
  readonly entities: ReadonlySet<string>
  readonly names: ReadonlySet<string>
  readonly predicates: ReadonlySet<string>
}

interface Item extends PropositionKeys {
  readonly article: string
  readonly index: number
  readonly a: Assessment
  /** Every key, for the candidate index. */
  readonly lemmas: Set<string>
  readonly negative: boolean
  norm: number
}

function features(doc: Doc, index: number, a: Assessment, globalOf: Map<string, string>, mentions: readonly Mention[]): Item {
  const entities = new Set<string>()
  const names = new Set<string>()
  const nameWords = new Set<string>()
  // Mentions inside both the assessment span and its proposition (found from the span start); mentions are
  // sorted by start, so a binary search finds the first one and the scan stops past the end.
  const propStart = doc.text.indexOf(a.proposition, a.start)
  if (propStart >= 0 && a.end >= a.start) {
    const lo = Math.max(a.start, propStart)
    const hi = Math.min(a.end, propStart + a.proposition.length)
    for (let k = firstAtOrAfter(mentions, lo); k < mentions.length && mentions[k]!.start < hi; k++) {
      const m = mentions[k]!
      if (m.end > hi) continue
      const g = m.entity === undefined ? undefined : globalOf.get(`${doc.id}:${m.entity}`)
      if (g) entities.add(`E:${g}`)
      for (const w of m.text.split(/[^\p{L}\p{N}]+/u)) if (w.length > 1 && !STOPWORDS.has(w.toLowerCase())) nameWords.add(w.toLowerCase())
    }
  }
  // Capitalised words after the first are names too, where the tagger missed them ("the Belarusian troops").
  for (const m of a.proposition.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}-]+/gu)) if (!STOPWORDS.has(m[0].toLowerCase())) nameWords.add(m[0].toLowerCase())
  for (const w of nameWords) names.add(`N:${lemma(w)}`)
  const predicates = new Set<string>()
  for (const w of a.normalized.split(/[^\p{L}\p{N}]+/u)) {
    if (w.length < 3 || STOPWORDS.has(w) || /ly$/.test(w) || /^\d+$/.test(w) || nameWords.has(w)) continue
    const l = lemma(w)
    if (!names.has(`N:${l}`) && !STOP_LEMMAS.has(l)) predicates.add(l)
  }
  const lemmas = new Set([...entities, ...names, ...predicates])
  return { article: doc.id, index, a, entities, names, predicates, lemmas, negative: negativeReading(a.proposition, a.normalized), norm: 0 }
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

/** Candidate test: share of the smaller key set shared (0 when fewer than MIN_SHARED keys or no predicate is shared). */
export function overlap(x: { lemmas: ReadonlySet<string>; names: ReadonlySet<string> }, y: { lemmas: ReadonlySet<string>; names: ReadonlySet<string> }): number {
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

/** Rarity weights of keys over `all`: 1 up to a 1/RARITY share, then falling with the log of the share. */
export function rarityWeights(all: readonly PropositionKeys[]): (key: string) => number {
  const df = new Map<string, number>()
  for (const it of all) for (const s of [it.entities, it.names, it.predicates]) for (const k of s) df.set(k, (df.get(k) ?? 0) + 1)
  const n = all.length
  const cache = new Map<string, number>()
  return (key) => {
    let w = cache.get(key)
    if (w === undefined) {
      w = Math.min(1, Math.max(MIN_WEIGHT, Math.log((n + RARITY) / (df.get(key) ?? 1)) / Math.log(RARITY)))
      if (key.startsWith('N:')) w *= NAME_WORD_WEIGHT
      cache.set(key, w)
    }
    return w
  }
}

function norm2(x: PropositionKeys, weight: (key: string) => number): number {
  let t = 0
  for (const s of [x.entities, x.names, x.predicates]) for (const k of s) t += weight(k) ** 2
  return t
}

/**
 * How far two propositions ask the same thing: the rarity-weighted cosine of their keys, or 0 unless they share
 * an entity and a specific predicate (a generic one such as win/vote only with two shared entities).
 */
export function similarity(x: PropositionKeys, y: PropositionKeys, weight: (key: string) => number, norms?: readonly [number, number]): number {
  let dot = 0
  let sharedE = 0
  let sharedN = 0
  let specific = 0
  let generic = 0
  for (const k of x.entities) if (y.entities.has(k)) { sharedE++; dot += weight(k) ** 2 }
  for (const k of x.names) if (y.names.has(k)) { sharedN++; dot += weight(k) ** 2 }
  // Name words only stand in for one entity (both words of "Donald Trump" are one person).
  const ents = Math.max(sharedE, Math.min(sharedN, 1))
  if (ents === 0) return 0
  for (const k of x.predicates) {
    if (!y.predicates.has(k)) continue
    if (GENERIC_KEYS.has(k)) generic++
    else specific++
    dot += weight(k) ** 2
  }
  if (!(specific >= MIN_SPECIFIC || (ents >= 2 && specific + generic >= 1))) return 0
  const [nx, ny] = norms ?? [norm2(x, weight), norm2(y, weight)]
  return nx > 0 && ny > 0 ? dot / Math.sqrt(nx * ny) : 0
}

/** "Belarus will actively participate in the war" → "Will Belarus actively participate in the war?" */
export function toQuestion(statement: string): string {
  let s = cutLong(statement.trim())
    .replace(LEAD_IN, '')
    .replace(/^(?:maybe|perhaps|probably|possibly|certainly)\s*,?\s+/i, '')
    .replace(RAISING, (_, be: string) => (/^(?:was|were)$/i.test(be) ? 'would ' : 'will '))
    .replace(/\b(?:almost certainly|most likely|more likely|very likely|likely|probably|possibly|perhaps|certainly)\s+/gi, '')
    .replace(/\b(will|would|could|can|is|are|was|were)\s+not\s+/i, '$1 ')
    .replace(/\bwon['’]t\b/i, 'will')
    .replace(/[.!?,;:"“”']+$/, '')
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

/** A long statement asks its first clause: cut at a comma or dash that starts a trailing clause (past CUT_AFTER words). */
function cutLong(statement: string): string {
  const words = statement.split(/\s+/)
  if (words.length <= CUT_LONGER) return statement
  const head = words.slice(0, CUT_AFTER).join(' ')
  const m = TRAILING_CLAUSE.exec(statement.slice(head.length))
  if (!m) return statement
  // Only a cut that keeps a subject and its verb ("Ms. Epstein and Mr. Amar - agreed there are ..." stays whole).
  const cut = statement.slice(0, head.length + m.index)
  const aux = AUX.exec(cut.replace(LEAD_IN, ''))
  return aux && aux.index > 0 ? cut : statement
}

/** A statement that makes a good question: a whole clause (not a cut fragment) with its subject before the verb. */
function readable(statement: string): boolean {
  const words = statement.trim().split(/\s+/).length
  if (words < READABLE_WORDS[0] || words > READABLE_WORDS[1] || FRAGMENT_START.test(statement.trim())) return false
  return !toQuestion(statement).startsWith('Is it true that')
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
 * Every candidate pair (overlap ≥ MIN_OVERLAP), found without comparing all pairs (prefix filtering): keys are
 * ordered rarest first; a pair sharing `o` keys, where the smaller set x needs o = needShared(|x|), must share
 * one of x's first |x| - o + 1 keys and one of the other's first |y| - MIN_SHARED + 1. Items go in by size, each
 * indexed under its short prefix and probed with its long one, so a common key (a frequent name) only meets the
 * few sets made mostly of common keys. A key is a name (no predicate) in every set that has it or in none.
 * Pairs for which `skip` says so are not compared. Exact: the same pairs as the all-pairs scan.
 */
export function similarPairs(all: readonly { readonly lemmas: ReadonlySet<string>; readonly names: ReadonlySet<string> }[], skip: (i: number, j: number) => boolean, found: (i: number, j: number) => void): void {
  const df = new Map<string, number>()
  for (const it of all) for (const l of it.lemmas) df.set(l, (df.get(l) ?? 0) + 1)
  const keys = [...df.entries()].sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)).map(([l]) => l)
  const rank = new Map(keys.map((l, r) => [l, r]))
  const isName = new Uint8Array(keys.length)
  for (const it of all) for (const l of it.names) isName[rank.get(l)!] = 1
  keys.forEach((l, r) => { if (l.startsWith('E:')) isName[r] = 1 })
  // Each set as its key ranks, ascending (rarest first).
  const ordered = all.map((it) => Int32Array.from([...it.lemmas].map((l) => rank.get(l)!)).sort())
  const bySize = all.map((_, i) => i).sort((x, y) => all[x]!.lemmas.size - all[y]!.lemmas.size || x - y)
  // key rank → flat [item, position of the key in the item's order, ...]
  const index: number[][] = Array.from({ length: keys.length }, () => [])
  const seen = new Int32Array(all.length).fill(-1)
  for (const j of bySize) {
    const ys = ordered[j]!
    const ny = ys.length
    if (ny < MIN_SHARED) continue
    for (let p = 0; p <= ny - MIN_SHARED; p++) {
      const post = index[ys[p]!]!
      for (let k = 0; k < post.length; k += 2) {
        const i = post[k]!
        if (seen[i] === j) continue
        seen[i] = j
        // The first shared key in rarity order bounds the overlap: this one plus what follows it in both.
        const xs = ordered[i]!
        const nx = xs.length
        const need = needShared(nx)
        const px = post[k + 1]!
        if (1 + Math.min(nx - px - 1, ny - p - 1) < need) continue
        if (skip(i, j)) continue
        // Merge the two rank lists from the first shared key on.
        let shared = 0
        let content = 0
        for (let a = px, b = p; a < nx && b < ny;) {
          const ra = xs[a]!
          const rb = ys[b]!
          if (ra === rb) { shared++; if (!isName[ra]) content++; a++; b++ } else if (ra < rb) a++
          else b++
        }
        if (shared >= need && content > 0) found(i, j)
      }
    }
    const prefix = ny - needShared(ny) + 1
    for (let p = 0; p < prefix; p++) index[ys[p]!]!.push(j, p)
  }
}

/**
 * Groups around central propositions. `related` lists each item's neighbours (similarity ≥ JOIN, both ways).
 * Items are taken as centres, most central first (the sum of their similarities); a centre gathers its free
 * neighbours nearest first, each only if its mean similarity to the members already in (up to COMPARE_CAP of them)
 * is at least MEAN_JOIN and none of them is below FLOOR. Returns groups of two or more, centre first.
 */
export function centredGroups(n: number, related: readonly (readonly (readonly [number, number])[])[], sim: (i: number, j: number) => number): number[][] {
  const central = related.map((ns) => ns.reduce((t, [, s]) => t + s, 0))
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => central[y]! - central[x]! || x - y)
  const taken = new Uint8Array(n)
  const out: number[][] = []
  for (const c of order) {
    if (taken[c]) continue
    const free = related[c]!.filter(([j]) => !taken[j]).sort((x, y) => y[1] - x[1] || x[0] - y[0])
    if (free.length === 0) continue
    const members = [c]
    for (const [j, s] of free) {
      let total = s
      let ok = true
      const upto = Math.min(members.length, COMPARE_CAP)
      for (let k = 1; k < upto && ok; k++) {
        const t = sim(j, members[k]!)
        if (t < FLOOR) ok = false
        total += t
      }
      if (ok && total / upto >= MEAN_JOIN) members.push(j)
    }
    if (members.length < 2) continue
    for (const m of members) taken[m] = 1
    out.push(members)
  }
  return out
}

/** Assessments of one proposition grouped into questions (two or more each), the most central one first. */
export function groupQuestions(docs: readonly Doc[], entities: readonly GlobalEntity[]): Question[] {
  const all = items(docs, entities)
  const weight = rarityWeights(all)
  for (const it of all) it.norm = norm2(it, weight)
  const sim = (i: number, j: number) => similarity(all[i]!, all[j]!, weight, [all[i]!.norm, all[j]!.norm])
  const related: [number, number][][] = all.map(() => [])
  similarPairs(all, () => false, (i, j) => {
    const s = sim(i, j)
    if (s < JOIN) return
    related[i]!.push([j, s])
    related[j]!.push([i, s])
  })
  const out: Question[] = []
  for (const members of centredGroups(all.length, related, sim)) {
    const score = centrality(all, members, sim)
    // The question asks the positive reading when a member has one, in the words of a central, readable member.
    const ordered = members
      .map((i, k) => ({ i, s: score[k]! }))
      .sort((x, y) => Number(all[x.i]!.negative) - Number(all[y.i]!.negative) || y.s - x.s || all[x.i]!.a.proposition.length - all[y.i]!.a.proposition.length || x.i - y.i)
    const best = ordered[0]!
    const text = ordered.find((x) => all[x.i]!.negative === all[best.i]!.negative && x.s >= TEXT_CENTRALITY * best.s && readable(all[x.i]!.a.proposition)) ?? best
    const keys = ordered.map((x) => `${all[x.i]!.article}:${all[x.i]!.index}`)
    out.push({
      id: `q-${createHash('sha256').update([...keys].sort().join('|')).digest('hex').slice(0, 12)}`,
      text: toQuestion(all[text.i]!.a.proposition),
      assessments: ordered.map((x) => ({ article: all[x.i]!.article, assessment: all[x.i]!.index })),
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
function centrality(all: readonly Item[], members: readonly number[], sim: (i: number, j: number) => number): number[] {
  if (members.length <= EXACT_CENTRALITY) {
    const score = members.map(() => 0)
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const s = sim(members[x]!, members[y]!)
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
    const negative = negativeReading(a.proposition, a.normalized)
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
