// Stories: articles about the same event, grouped by average-link agglomerative clustering over a
// similarity of TF-IDF cosine (content words of headline/subhead/body text) blended with named-entity
// overlap; plus provenance: near-copies (word shingles, MinHash LSH) and "Source: X" lines traced to origins.
//
// Scale: this runs on every relink of the whole store, so nothing here is quadratic in the number of
// articles. Similarities are computed only for candidate pairs (articles sharing one of their
// highest-weighted terms, through an inverted index with capped postings); pairs that never become
// candidates count as similarity 0. Average link then runs on that sparse graph: clusters only ever merge
// inside the connected components of the pairs at or above the threshold (an average reaches the threshold
// only if one of its pairs does), and inside them a max-heap of upper bounds finds the best pair to merge.
// Near-copies are found by MinHash LSH banding, confirmed by exact (hashed) shingle containment.
import { createHash } from 'node:crypto'
import type { Doc } from '../doc/doc.js'
import type { BlockType } from '../doc/layers.js'
import type { Story } from '../store/store.js'

// ---- Tunables (tuned on ECB+ train+dev: `npm run eval -- stories --split train --sweep`) ----------------
export interface StoryOptions {
  /** Average-link merging stops when the best pair of clusters is less similar than this (must be > 0). */
  readonly threshold: number
  /** Share of the similarity given to named-entity overlap (the rest is TF-IDF cosine). */
  readonly entityWeight: number
  /** Extra TF weight for capitalised words inside a sentence (names, places): they tell events apart. */
  readonly properBoost: number
  /** Extra TF weight for numbers and month names (dates, magnitudes, tolls): they tell events apart. */
  readonly numberBoost: number
  /** Candidate pairs: two articles are compared when they share one of each one's this many highest-weighted terms. */
  readonly candidateTerms: number
  /** A term's posting list keeps at most this many articles (those the term weighs most in): bounds the pairs per term. */
  readonly maxPostings: number
  /** Terms in more than this share of the articles (and in more than maxPostings) propose no pairs: too common to tell events apart. */
  readonly maxDocShare: number
  /** A candidate pair is compared when the dot product over its shared posted terms (a lower bound of the cosine) reaches this. */
  readonly minPartialDot: number
}
// train+dev B3 F1 0.909 here; 0.89-0.91 across numberBoost 3-8, entityWeight 0-0.1, threshold 0.2-0.22 (noise level).
// Candidates (`npm run eval -- stories --split dev --recall`): on ECB+ they hold 1238/1239 (dev) and 3791/3792
// (train) of the pairs at or above the threshold; B3 F1 dev 0.9345 as all pairs, train 0.899 (all pairs 0.900).
// On 10,000 news articles (PolNeAR+ECB+ replicated) they cost ~1.4M full comparisons; candidateTerms 40 with
// minPartialDot 0.01 tracks all-pairs clustering closer (B3 agreement 0.987 vs 0.971 on 3,000) at ~1.8× the time.
export const DEFAULT_STORY_OPTIONS: StoryOptions = {
  threshold: 0.2,
  entityWeight: 0.05,
  properBoost: 2,
  numberBoost: 4,
  candidateTerms: 30,
  maxPostings: 200,
  maxDocShare: 0.05,
  minPartialDot: 0.02,
}

/** Block types whose text describes the event (captions and boilerplate add noise). */
const CONTENT_BLOCKS: readonly BlockType[] = ['headline', 'subhead', 'body']
/**
 * Word tokens: letters/digits with inner apostrophes, dots or hyphens ("U.S.", "4.4", "Lukashenko's").
 * Article text goes through scanWords, which finds the same tokens without a regex (and without a string per token).
 */
const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu
// Sentence/line breaks (scanWords): a newline, or whitespace after . ! ? before a capital (/\n+|(?<=[.!?])\s+(?=\p{Lu})/u).
// The first word after one is capitalised anyway, so it is not taken for a name.
/** Function words and reporting verbs: say nothing about which event an article covers. */
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before being below between both but by
  can could did do does doing down during each even ever few for from further had has have having he her here hers herself him
  himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours
  ourselves out over own same she should so some such than that the their theirs them themselves then there these they this those
  through to too under until up very was we were what when where which while who whom why will with would you your yours yourself
  yourselves said says say saying told tells according reported report reports news new one two also however may might must
  shall us mr mrs ms dr according just like get got since still yet told would could year years day days time week weeks
  http https www com html htm org net co uk php asp index story article print`.split(/\s+/),
)
const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday'.split(' '),
)

// Provenance
/** Words per shingle for near-copy detection. */
const SHINGLE = 5
/** MinHash signature length (2^MINHASH_BITS); LSH splits it in bands of LSH_ROWS (candidate when one band matches). */
const MINHASH_BITS = 7
const MINHASH_SIZE = 1 << MINHASH_BITS
const VALUE_MASK = (1 << (32 - MINHASH_BITS)) - 1
const LSH_ROWS = 4
/** An LSH bucket with more articles than this pairs each only with its next LSH_WINDOW members (copy groups are joined transitively). */
const LSH_FULL_BUCKET = 64
const LSH_WINDOW = 4
/** Share of the shorter article's shingles found in the other: at or above this it is a copy (republications trim/add bits). */
const COPY_CONTAINMENT = 0.6
/** Articles shorter than this many shingles are not compared (a headline alone is no evidence of copying). */
const MIN_SHINGLES = 20
/** "Source: Blick", "Quelle: dpa", "Originally published by Reuters", "Via AP" (a source_line block, or meta.originalSource). */
const SOURCE_LINE = /^\s*(?:source|sources|quelle|via|originally published (?:in|by|on|at)|first published (?:in|by|on))\s*[:\-–]?\s*(.+?)\s*\.?\s*$/i
/** Readable title length when an article has no title or headline. */
const TITLE_CHARS = 90

// ---- Text features --------------------------------------------------------------------------------------

export function contentText(doc: Doc): string {
  const blocks = doc.layers.blocks
  if (!blocks) return doc.text
  const parts = blocks.filter((b) => CONTENT_BLOCKS.includes(b.type)).map((b) => doc.text.slice(b.start, b.end))
  return parts.length > 0 ? parts.join('\n') : doc.text
}

/** Light stemming so "protests"/"protest", "killed"/"kill" meet: strip a few common suffixes. */
function stem(w: string): string {
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3)
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2)
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) return w.slice(0, -1)
  return w
}

/** 32-bit FNV-1a of a string with a seed: fast, stable across runs. */
function hash32(s: string, seed = 0): number {
  let h = (2166136261 ^ seed) >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 16777619) >>> 0
  }
  return h
}

/** murmur3's finaliser: spreads the bits of a 32-bit value. */
function fmix(x: number): number {
  let h = x >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** Per doc: interned terms with weighted counts, interned names, hashed shingles. */
interface Analysed {
  readonly terms: Int32Array
  readonly counts: Float64Array
  /** Names (sorted ids): entity layer names when present, else capitalised words inside sentences. */
  readonly names: Int32Array
  /** Sorted distinct hashes of the SHINGLE-word shingles (for near-copy detection). */
  readonly shingles: Uint32Array
}

// A hand-written scanner gives the same tokens as WORD and the same sentence starts as LINE_BREAK, without
// a string per token: a store repeats its words millions of times, so each distinct token is worked out
// once and found again by its hash (checked against the text).

/** Per UTF-16 code unit: 1 letter/digit (WORD's class), 2 not, 0 not looked up yet. */
const WORD_UNIT = new Uint8Array(65536)
/** Per UTF-16 code unit: 1 upper-case letter (\p{Lu}), 2 not, 0 not looked up yet. */
const UPPER_UNIT = new Uint8Array(65536)
const ASTRAL = new Map<number, { word: boolean; upper: boolean }>()
function astral(cp: number): { word: boolean; upper: boolean } {
  let k = ASTRAL.get(cp)
  if (!k) {
    const ch = String.fromCodePoint(cp)
    k = { word: /[\p{L}\p{N}]/u.test(ch), upper: /\p{Lu}/u.test(ch) }
    if (ASTRAL.size < 10_000) ASTRAL.set(cp, k)
  }
  return k
}
/** Length (1 or 2 code units) of the letter/digit at `i`, or 0. */
function wordUnits(text: string, i: number): number {
  const c = text.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1)
    if (d >= 0xdc00 && d <= 0xdfff) return astral(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000).word ? 2 : 0
  }
  let k = WORD_UNIT[c]!
  if (k === 0) WORD_UNIT[c] = k = /[\p{L}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 2
  return k === 1 ? 1 : 0
}
function upperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return astral(text.codePointAt(i)!).upper
  let k = UPPER_UNIT[c]!
  if (k === 0) UPPER_UNIT[c] = k = /\p{Lu}/u.test(String.fromCharCode(c)) ? 1 : 2
  return k === 1
}
/** JavaScript's \s. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
}
/** Does the gap text[from, to) between two tokens break the line (LINE_BREAK), given that a token starts at `to`? */
function lineBreakIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true
  let k = to
  while (k > from && isSpace(text.charCodeAt(k - 1))) k--
  if (k === to || k === from) return false
  const p = text.charCodeAt(k - 1)
  return (p === 46 || p === 33 || p === 63) && upperAt(text, to)
}
/** Connectors WORD allows inside a token: ' ’ . - */
const isJoin = (c: number): boolean => c === 39 || c === 0x2019 || c === 46 || c === 45

/**
 * Calls `onWord` for each WORD token of the text in order, with its case-sensitive FNV-1a hash and whether
 * it is the first word of a line (LINE_BREAK: a newline, or whitespace after . ! ? before a capital).
 */
export function scanWords(text: string, onWord: (start: number, end: number, hash: number, first: boolean) => void): void {
  let prevEnd = 0
  let first = true
  let i = 0
  while (i < text.length) {
    let u = wordUnits(text, i)
    if (u === 0) {
      i++
      continue
    }
    const start = i
    let h = 2166136261
    for (;;) {
      for (; u > 0; u = wordUnits(text, i)) {
        for (let x = 0; x < u; x++) h = Math.imul(h ^ text.charCodeAt(i + x), 16777619)
        i += u
      }
      if (i + 1 < text.length && isJoin(text.charCodeAt(i)) && (u = wordUnits(text, i + 1)) > 0) {
        h = Math.imul(h ^ text.charCodeAt(i), 16777619)
        i++
        continue
      }
      break
    }
    onWord(start, i, h >>> 0, first || lineBreakIn(text, prevEnd, start))
    first = false
    prevEnd = i
  }
}

const NUMBER_TOKEN = 1
const CAPITALISED_TOKEN = 2

/** Turns docs into interned features; one per run, so ids are dense and local to it. */
class Analyser {
  readonly vocab = new Map<string, number>()
  readonly nameVocab = new Map<string, number>()
  // distinct tokens: open-addressing table of token index + 1, by case-sensitive hash
  private slots = new Int32Array(1 << 16)
  private keys: string[] = []
  private keyHash: number[] = []
  /** per token: hash of its lower-cased form (shingles), term id or -1, flags, name id or -1 */
  private lowHash: number[] = []
  private term: number[] = []
  private flags: number[] = []
  private nameOf: number[] = []
  // per-doc scratch
  private tf = new Float64Array(1024)
  private words = new Uint32Array(4096)
  constructor(private readonly o: StoryOptions) {}

  private termId(t: string): number {
    let id = this.vocab.get(t)
    if (id === undefined) this.vocab.set(t, (id = this.vocab.size))
    return id
  }

  private nameId(t: string): number {
    let id = this.nameVocab.get(t)
    if (id === undefined) this.nameVocab.set(t, (id = this.nameVocab.size))
    return id
  }

  /** Index of the token text[start, end) with case-sensitive hash h, added when new. */
  private token(text: string, start: number, end: number, h: number): number {
    const mask = this.slots.length - 1
    const len = end - start
    let s = h & mask
    for (; ; s = (s + 1) & mask) {
      const at = this.slots[s]!
      if (at === 0) break
      const k = at - 1
      if (this.keyHash[k] !== h) continue
      const key = this.keys[k]!
      if (key.length !== len) continue
      let x = 0
      while (x < len && key.charCodeAt(x) === text.charCodeAt(start + x)) x++
      if (x === len) return k
    }
    const tok = text.slice(start, end)
    const raw = tok.replace(/[’']s$/i, '')
    const lower = raw.toLowerCase()
    let term = -1
    let flags = 0
    let name = -1
    if (lower.length < 2 || STOPWORDS.has(lower)) term = -1
    else if (/^\p{N}/u.test(raw) || MONTHS.has(lower)) {
      term = this.termId(lower)
      flags = NUMBER_TOKEN
    } else if (lower.length >= 3) {
      term = this.termId(stem(lower))
      if (/^\p{Lu}/u.test(raw) && raw !== raw.toUpperCase()) {
        flags = CAPITALISED_TOKEN
        name = this.nameId(lower)
      }
    }
    const k = this.keys.length
    this.keys.push(tok)
    this.keyHash.push(h)
    this.lowHash.push(hash32(tok.toLowerCase()))
    this.term.push(term)
    this.flags.push(flags)
    this.nameOf.push(name)
    if (this.keys.length * 2 > this.slots.length) this.rehash()
    else this.slots[s] = k + 1
    return k
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    const mask = this.slots.length - 1
    this.keyHash.forEach((h, k) => {
      let s = h & mask
      while (this.slots[s] !== 0) s = (s + 1) & mask
      this.slots[s] = k + 1
    })
  }

  /** One pass over the content text: weighted terms, names and shingles. */
  analyse(doc: Doc): Analysed {
    const o = this.o
    const text = contentText(doc)
    const entities = doc.layers.entities
    const touched: number[] = []
    const names = new Set<number>()
    let nWords = 0
    scanWords(text, (start, end, h, first) => {
      const k = this.token(text, start, end, h)
      if (nWords === this.words.length) {
        const w = new Uint32Array(nWords * 2)
        w.set(this.words)
        this.words = w
      }
      this.words[nWords++] = this.lowHash[k]!
      const t = this.term[k]!
      if (t < 0) return
      if (t >= this.tf.length) {
        const tf = new Float64Array(Math.max(t + 1, this.tf.length * 2))
        tf.set(this.tf)
        this.tf = tf
      }
      if (this.tf[t] === 0) touched.push(t)
      const flags = this.flags[k]!
      if (flags === NUMBER_TOKEN) {
        this.tf[t] = this.tf[t]! + o.numberBoost
        return
      }
      const proper = !first && flags === CAPITALISED_TOKEN
      this.tf[t] = this.tf[t]! + (proper ? o.properBoost : 1)
      if (proper && !entities) names.add(this.nameOf[k]!)
    })
    for (const e of entities ?? []) {
      for (const n of [e.name, ...e.aliases]) for (const w of n.toLowerCase().match(WORD) ?? []) if (!STOPWORDS.has(w)) names.add(this.nameId(w))
    }
    const terms = Int32Array.from(touched)
    const counts = new Float64Array(touched.length)
    touched.forEach((t, x) => {
      counts[x] = this.tf[t]!
      this.tf[t] = 0
    })
    return { terms, counts, names: Int32Array.from(names).sort(), shingles: shingleSet(this.words, nWords) }
  }
}

/** Sparse, L2-normalised TF-IDF vectors (term ids with weights) and name sets (sorted name ids) of the docs. */
export interface StoryFeatures {
  readonly n: number
  /** Term ids per article, terms found in one article only left out (the weights are normalised with them). */
  readonly terms: readonly Int32Array[]
  readonly weights: readonly Float64Array[]
  readonly names: readonly Int32Array[]
  /** Articles per term id. */
  readonly df: Int32Array
}

function features(all: readonly Analysed[], vocabSize: number): StoryFeatures {
  const count = new Int32Array(vocabSize)
  for (const a of all) for (const t of a.terms) count[t]!++
  const n = all.length
  // Renumber terms by falling document frequency: the terms most pairs share sit together in memory. Terms
  // in one article only are left out of the vectors (they count in the norm, but no pair shares them).
  const byDf = Array.from(count.keys()).sort((a, b) => count[b]! - count[a]! || a - b)
  const id = new Int32Array(vocabSize)
  const df = new Int32Array(vocabSize)
  byDf.forEach((t, k) => {
    id[t] = k
    df[k] = count[t]!
  })
  const idf = new Float64Array(vocabSize)
  // smoothed idf (as scikit-learn's) so that two articles alone still share weight for shared words
  for (let t = 0; t < vocabSize; t++) idf[t] = Math.log((1 + n) / (1 + df[t]!)) + 1
  const terms: Int32Array[] = []
  const weights = all.map((a) => {
    let norm = 0
    let shared = 0
    for (let k = 0; k < a.terms.length; k++) {
      const t = id[a.terms[k]!]!
      const x = (1 + Math.log(a.counts[k]!)) * idf[t]!
      norm += x * x
      if (df[t]! > 1) shared++
    }
    norm = Math.sqrt(norm) || 1
    // ids ascending, so that a dot product walks memory in one direction
    const order: number[] = []
    for (let k = 0; k < a.terms.length; k++) if (df[id[a.terms[k]!]!]! > 1) order.push(k)
    order.sort((x, y) => id[a.terms[x]!]! - id[a.terms[y]!]!)
    const ids = new Int32Array(shared)
    const w = new Float64Array(shared)
    order.forEach((k, m) => {
      const t = id[a.terms[k]!]!
      ids[m] = t
      w[m] = ((1 + Math.log(a.counts[k]!)) * idf[t]!) / norm
    })
    terms.push(ids)
    return w
  })
  return { n, terms, weights, names: all.map((a) => a.names), df }
}

/** TF-IDF vectors and name sets of the docs (what the similarity is computed from). */
export function storyFeatures(docs: readonly Doc[], options: Partial<StoryOptions> = {}): StoryFeatures {
  const analyser = new Analyser({ ...DEFAULT_STORY_OPTIONS, ...options })
  const all = docs.map((d) => analyser.analyse(d))
  return features(all, analyser.vocab.size)
}

/** A sparse symmetric similarity graph: one entry per unordered pair (i < j); absent pairs are 0. */
export interface SimilarityGraph {
  readonly n: number
  readonly i: Int32Array
  readonly j: Int32Array
  readonly sim: Float64Array
  readonly length: number
}

/** Growable edge list. */
class Edges {
  i = new Int32Array(1024)
  j = new Int32Array(1024)
  sim = new Float64Array(1024)
  length = 0
  push(i: number, j: number, s: number): void {
    if (this.length === this.i.length) {
      const i2 = new Int32Array(this.length * 2)
      i2.set(this.i)
      this.i = i2
      const j2 = new Int32Array(this.length * 2)
      j2.set(this.j)
      this.j = j2
      const s2 = new Float64Array(this.length * 2)
      s2.set(this.sim)
      this.sim = s2
    }
    this.i[this.length] = i
    this.j[this.length] = j
    this.sim[this.length] = s
    this.length++
  }
  graph(n: number): SimilarityGraph {
    return { n, i: this.i.slice(0, this.length), j: this.j.slice(0, this.length), sim: this.sim.slice(0, this.length), length: this.length }
  }
}

/** Dot product of a vector scattered into `dense` (by term id) with a sparse one: a small hot loop of its own. */
function scatteredDot(dense: Float64Array, ids: Int32Array, w: Float64Array): number {
  let dot = 0
  for (let k = 0; k < ids.length; k++) dot += dense[ids[k]!]! * w[k]!
  return dot
}

/**
 * Similarities of the candidate pairs: each article posts its `candidateTerms` highest-weighted terms to an
 * inverted index (skipping terms in one article only or in too many), each posting list keeps the
 * `maxPostings` articles the term weighs most in, and two articles whose shared posted terms alone give a
 * dot product of at least `minPartialDot` (a lower bound of their cosine) are compared in full: cosine and
 * name overlap. Work grows with n × candidateTerms × maxPostings, not n².
 */
export function similarityGraph(f: StoryFeatures, options: Partial<StoryOptions> = {}): SimilarityGraph {
  const o = { ...DEFAULT_STORY_OPTIONS, ...options }
  const { n, terms, weights, names, df } = f
  const tooCommon = (t: number): boolean => df[t]! < 2 || (df[t]! > o.maxDocShare * n && df[t]! > o.maxPostings)
  // posting lists: term → docs that have it among their top terms, with its weight there
  const postDocs = new Map<number, number[]>()
  const postW = new Map<number, number[]>()
  let longest = 0
  for (const ids of terms) longest = Math.max(longest, ids.length)
  const top = new Float64Array(longest)
  for (let d = 0; d < n; d++) {
    const ids = terms[d]!
    const w = weights[d]!
    // the candidateTerms highest weights (ties at the cut: the first ones)
    let eligible = 0
    for (let k = 0; k < ids.length; k++) if (!tooCommon(ids[k]!)) top[eligible++] = w[k]!
    const over = eligible - o.candidateTerms
    let cut = -Infinity
    let atCut = Infinity
    if (over > 0) {
      const sorted = top.subarray(0, eligible).sort()
      cut = sorted[over]!
      atCut = o.candidateTerms
      for (let x = over; x < eligible; x++) if (sorted[x]! > cut) atCut--
    }
    for (let k = 0; k < ids.length; k++) {
      if (w[k]! < cut || tooCommon(ids[k]!)) continue
      if (w[k]! === cut && atCut-- <= 0) continue
      const t = ids[k]!
      const list = postDocs.get(t)
      if (list) {
        list.push(d)
        postW.get(t)!.push(w[k]!)
      } else {
        postDocs.set(t, [d])
        postW.set(t, [w[k]!])
      }
    }
  }
  // per doc, the kept lists it is on (docs ascending, with the term's weight in each) and its place there
  const lists: { docs: Int32Array; w: Float64Array }[][] = Array.from({ length: n }, () => [])
  const places: number[][] = Array.from({ length: n }, () => [])
  for (const [t, docsOn] of postDocs) {
    if (docsOn.length < 2) continue
    const ws = postW.get(t)!
    let keep = Array.from(docsOn.keys())
    if (keep.length > o.maxPostings) keep = keep.sort((a, b) => ws[b]! - ws[a]! || a - b).slice(0, o.maxPostings).sort((a, b) => a - b)
    const list = { docs: Int32Array.from(keep, (k) => docsOn[k]!), w: Float64Array.from(keep, (k) => ws[k]!) }
    list.docs.forEach((d, at) => {
      lists[d]!.push(list)
      places[d]!.push(at)
    })
  }
  postDocs.clear()
  postW.clear()
  const dense = new Float64Array(df.length)
  const partial = new Float64Array(n)
  let nameCount = 0
  for (const ns of names) for (const x of ns) if (x >= nameCount) nameCount = x + 1
  /** 1 at the name ids of the article being compared: name overlap in one pass over the other's names */
  const nameMark = new Uint8Array(nameCount)
  const touched: number[] = []
  const edges = new Edges()
  for (let i = 0; i < n; i++) {
    // partial dot products with later docs over the shared posted terms
    const mine = lists[i]!
    mine.forEach((list, x) => {
      const at = places[i]![x]!
      const wi = list.w[at]!
      for (let k = at + 1; k < list.docs.length; k++) {
        const j = list.docs[k]!
        if (partial[j] === 0) touched.push(j)
        partial[j] = partial[j]! + wi * list.w[k]!
      }
    })
    lists[i] = []
    places[i] = []
    if (touched.length === 0) continue
    const ids = terms[i]!
    const w = weights[i]!
    for (let k = 0; k < ids.length; k++) dense[ids[k]!] = w[k]!
    for (const x of names[i]!) nameMark[x] = 1
    for (const j of touched) {
      const enough = partial[j]! >= o.minPartialDot
      partial[j] = 0
      if (!enough) continue
      const dot = scatteredDot(dense, terms[j]!, weights[j]!)
      const nj = names[j]!
      let sharedNames = 0
      for (let k = 0; k < nj.length; k++) sharedNames += nameMark[nj[k]!]!
      const fewer = Math.min(nj.length, names[i]!.length)
      const s = (1 - o.entityWeight) * dot + (fewer > 0 ? (o.entityWeight * sharedNames) / fewer : 0)
      if (s > 0) edges.push(i, j, s)
    }
    touched.length = 0
    for (let k = 0; k < ids.length; k++) dense[ids[k]!] = 0
    for (const x of names[i]!) nameMark[x] = 0
  }
  return edges.graph(n)
}

/** Candidate-pair similarity graph of the docs (see similarityGraph). */
export function storyGraph(docs: readonly Doc[], options: Partial<StoryOptions> = {}): SimilarityGraph {
  return similarityGraph(storyFeatures(docs, options), options)
}

// ---- Average link on a sparse graph ---------------------------------------------------------------------

/** Max-heap of (value, a, b) in typed arrays. */
class PairHeap {
  private v = new Float64Array(1024)
  private a = new Int32Array(1024)
  private b = new Int32Array(1024)
  size = 0
  push(v: number, a: number, b: number): void {
    if (this.size === this.v.length) {
      const v2 = new Float64Array(this.size * 2)
      v2.set(this.v)
      this.v = v2
      const a2 = new Int32Array(this.size * 2)
      a2.set(this.a)
      this.a = a2
      const b2 = new Int32Array(this.size * 2)
      b2.set(this.b)
      this.b = b2
    }
    let k = this.size++
    while (k > 0) {
      const p = (k - 1) >> 1
      if (this.v[p]! >= v) break
      this.v[k] = this.v[p]!
      this.a[k] = this.a[p]!
      this.b[k] = this.b[p]!
      k = p
    }
    this.v[k] = v
    this.a[k] = a
    this.b[k] = b
  }
  /** Removes the top; returns its value, with its pair in `top`. */
  pop(top: [number, number]): number {
    const v0 = this.v[0]!
    top[0] = this.a[0]!
    top[1] = this.b[0]!
    const last = --this.size
    const v = this.v[last]!
    const a = this.a[last]!
    const b = this.b[last]!
    let k = 0
    for (;;) {
      let c = 2 * k + 1
      if (c >= last) break
      if (c + 1 < last && this.v[c + 1]! > this.v[c]!) c++
      if (this.v[c]! <= v) break
      this.v[k] = this.v[c]!
      this.a[k] = this.a[c]!
      this.b[k] = this.b[c]!
      k = c
    }
    this.v[k] = v
    this.a[k] = a
    this.b[k] = b
    return v0
  }
}

function unionFind(n: number): { parent: Int32Array; find: (x: number) => number } {
  const parent = new Int32Array(n)
  for (let x = 0; x < n; x++) parent[x] = x
  const find = (x: number): number => {
    let r = x
    while (parent[r]! !== r) r = parent[r]!
    while (parent[x]! !== r) {
      const next = parent[x]!
      parent[x] = r
      x = next
    }
    return r
  }
  return { parent, find }
}

/**
 * Average-link agglomerative clustering over a sparse similarity graph (absent pairs count 0): repeatedly
 * merges the two clusters with the highest mean pairwise similarity until it falls below `threshold`
 * (> 0). Returns clusters as lists of indices, each sorted, in order of their first member.
 *
 * An average reaches the threshold only if one of its pairs does, so clusters stay inside the connected
 * components of the pairs at or above it; only pairs inside those components are kept. The heap holds
 * upper bounds: the average of a merged cluster with a third lies between the two averages it came from,
 * so an entry for either old cluster (found again through union-find) bounds the new pair. A popped entry
 * whose value is not the pair's current average goes back with the current one.
 */
export function averageLink(g: SimilarityGraph, threshold: number): number[][] {
  const { n } = g
  const comp = unionFind(n)
  for (let e = 0; e < g.length; e++) {
    if (g.sim[e]! < threshold) continue
    const a = comp.find(g.i[e]!)
    const b = comp.find(g.j[e]!)
    if (a !== b) comp.parent[a] = b
  }
  // neighbour → total similarity, per live cluster (only inside components)
  const nbr: (Map<number, number> | undefined)[] = new Array(n)
  const heap = new PairHeap()
  for (let e = 0; e < g.length; e++) {
    const i = g.i[e]!
    const j = g.j[e]!
    if (comp.find(i) !== comp.find(j)) continue
    const s = g.sim[e]!
    ;(nbr[i] ??= new Map()).set(j, s)
    ;(nbr[j] ??= new Map()).set(i, s)
    if (s >= threshold) heap.push(s, i, j)
  }
  const { parent, find } = unionFind(n)
  const size = new Int32Array(n).fill(1)
  const top: [number, number] = [0, 0]
  while (heap.size > 0) {
    const v = heap.pop(top)
    if (v < threshold) break
    const a = find(top[0])
    const b = find(top[1])
    if (a === b) continue
    const avg = (nbr[a]!.get(b) ?? 0) / (size[a]! * size[b]!)
    if (avg !== v) {
      if (avg >= threshold) heap.push(avg, a, b)
      continue
    }
    // merge the cluster with fewer neighbours into the other
    const [keep, drop] = nbr[a]!.size >= nbr[b]!.size ? [a, b] : [b, a]
    const mk = nbr[keep]!
    const md = nbr[drop]!
    mk.delete(drop)
    md.delete(keep)
    for (const [k, s] of md) {
      const t = (mk.get(k) ?? 0) + s
      mk.set(k, t)
      const m = nbr[k]!
      m.delete(drop)
      m.set(keep, t)
    }
    nbr[drop] = undefined
    parent[drop] = keep
    size[keep] = size[keep]! + size[drop]!
  }
  const byRoot = new Map<number, number[]>()
  for (let x = 0; x < n; x++) {
    const r = find(x)
    const list = byRoot.get(r)
    if (list) list.push(x)
    else byRoot.set(r, [x])
  }
  // members are pushed in increasing order, and clusters are met in order of their first member
  return [...byRoot.values()]
}

// ---- Provenance -----------------------------------------------------------------------------------------

const SHINGLE_BASE = 0x01000193
/** Sorted distinct hashes of the SHINGLE-word shingles of the first `count` word hashes. */
function shingleSet(words: Uint32Array, count: number): Uint32Array {
  const m = count - SHINGLE + 1
  if (m <= 0) return new Uint32Array(0)
  const out = new Uint32Array(m)
  // polynomial rolling hash mod 2^32 of SHINGLE word hashes, then mixed
  let lead = 1
  for (let k = 1; k < SHINGLE; k++) lead = Math.imul(lead, SHINGLE_BASE)
  let h = 0
  for (let k = 0; k < SHINGLE - 1; k++) h = (Math.imul(h, SHINGLE_BASE) + words[k]!) | 0
  for (let i = 0; i < m; i++) {
    h = (Math.imul(h, SHINGLE_BASE) + words[i + SHINGLE - 1]!) | 0
    out[i] = fmix(h)
    h = (h - Math.imul(words[i]!, lead)) | 0
  }
  out.sort()
  let d = 0
  for (let i = 0; i < m; i++) if (i === 0 || out[i] !== out[d - 1]) out[d++] = out[i]!
  return out.slice(0, d)
}

/**
 * MinHash signature by one-permutation hashing: one hash per shingle, its top bits pick a bin that keeps its
 * smallest value; empty bins borrow from the next filled one on the right, marked with the distance
 * (densified OPH, Shrivastava & Li 2014). Two sets agree on a bin about as often as their Jaccard
 * similarity, as with MINHASH_SIZE separate hash functions, at 1/MINHASH_SIZE of the cost.
 */
function minhash(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff)
  for (const s of set) {
    const h = fmix(s ^ 0x5bd1e995)
    const bin = h >>> (32 - MINHASH_BITS)
    const v = h & VALUE_MASK
    if (v < sig[bin]!) sig[bin] = v
  }
  for (let b = 0; b < MINHASH_SIZE; b++) {
    if (sig[b] !== 0xffffffff) continue
    for (let d = 1; d < MINHASH_SIZE; d++) {
      const v = sig[(b + d) % MINHASH_SIZE]!
      if (v <= VALUE_MASK) {
        sig[b] = (v + d * (VALUE_MASK + 1)) >>> 0
        break
      }
    }
  }
  return sig
}

/** Share of the smaller sorted set found in the larger. */
function containment(a: Uint32Array, b: Uint32Array): number {
  let shared = 0
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    if (a[x]! === b[y]!) {
      shared++
      x++
      y++
    } else if (a[x]! < b[y]!) x++
    else y++
  }
  return shared / Math.min(a.length, b.length)
}

export interface NearCopy {
  readonly i: number
  readonly j: number
  readonly containment: number
}

/** Near-copy pairs from shingle sets: MinHash LSH candidates (a matching band) confirmed by containment. */
function copiesOf(sets: readonly Uint32Array[]): NearCopy[] {
  const n = sets.length
  const sigs = sets.map((s) => (s.length >= MIN_SHINGLES ? minhash(s) : null))
  const candidates = new Set<number>()
  const pair = (x: number, y: number): void => void candidates.add(x < y ? x * n + y : y * n + x)
  const buckets = new Map<number, number[]>()
  for (let b = 0; b < MINHASH_SIZE / LSH_ROWS; b++) {
    buckets.clear()
    for (let i = 0; i < n; i++) {
      const sig = sigs[i]
      if (!sig) continue
      // a 53-bit key from the band's rows (a collision only adds a candidate, which containment rejects)
      let hi = b
      let lo = ~b
      for (let r = b * LSH_ROWS; r < (b + 1) * LSH_ROWS; r++) {
        hi = fmix(Math.imul(hi ^ sig[r]!, 0x9e3779b1))
        lo = fmix(Math.imul(lo ^ sig[r]!, 0x85ebca6b))
      }
      const key = hi * 2 ** 21 + (lo >>> 11)
      const list = buckets.get(key)
      if (list) list.push(i)
      else buckets.set(key, [i])
    }
    for (const list of buckets.values()) {
      if (list.length < 2) continue
      const w = list.length > LSH_FULL_BUCKET ? LSH_WINDOW : list.length
      for (let x = 0; x < list.length; x++) for (let y = x + 1; y <= x + w && y < list.length; y++) pair(list[x]!, list[y]!)
    }
  }
  const out: NearCopy[] = []
  for (const c of candidates) {
    const i = Math.floor(c / n)
    const j = c - i * n
    const share = containment(sets[i]!, sets[j]!)
    if (share >= COPY_CONTAINMENT) out.push({ i, j, containment: share })
  }
  return out.sort((x, y) => x.i - y.i || x.j - y.j)
}

/** Pairs (i < j) of near-copies, found by MinHash LSH and confirmed by exact shingle containment. */
export function nearCopies(docs: readonly Doc[]): NearCopy[] {
  const analyser = new Analyser(DEFAULT_STORY_OPTIONS)
  return copiesOf(docs.map((d) => analyser.analyse(d).shingles))
}

/** The outlet a republished article names as its source: a `source_line` block, else meta.originalSource. */
export function namedSource(doc: Doc): { name: string; evidence: string } | null {
  for (const b of doc.layers.blocks ?? []) {
    if (b.type !== 'source_line') continue
    const line = doc.text.slice(b.start, b.end).trim()
    const m = SOURCE_LINE.exec(line)
    if (m?.[1]) return { name: m[1], evidence: `source line "${line}"` }
  }
  const o = doc.meta.originalSource?.trim()
  return o ? { name: o, evidence: `original source "${o}" in the article's metadata` } : null
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()

/** Earlier first: by publication date when both have one, else by position in the input. */
function earlier(docs: readonly Doc[], a: number, b: number): number {
  const pa = docs[a]!.meta.published
  const pb = docs[b]!.meta.published
  if (pa && pb && pa !== pb) return pa < pb ? a : b
  return Math.min(a, b)
}

export function provenance(docs: readonly Doc[], copies: readonly NearCopy[] = nearCopies(docs)): Map<number, { origin: string; reason: string }> {
  // copy groups by union-find
  const { find, parent } = unionFind(docs.length)
  const shared = new Map<string, number>()
  for (const c of copies) {
    parent[find(c.j)] = find(c.i)
    shared.set(`${c.i},${c.j}`, c.containment)
  }
  const groups = new Map<number, number[]>()
  docs.forEach((_, i) => {
    const r = find(i)
    const g = groups.get(r)
    if (g) g.push(i)
    else groups.set(r, [i])
  })
  const out = new Map<number, { origin: string; reason: string }>()
  for (const g of groups.values()) {
    const named = g.map((i) => namedSource(docs[i]!))
    if (g.length === 1 && !named[0]) continue
    // an article in the group published by the named outlet is the origin; else the earliest copy
    const names = new Set(named.flatMap((s) => (s ? [norm(s.name)] : [])))
    const byOutlet = names.size ? g.find((i) => docs[i]!.meta.outlet && names.has(norm(docs[i]!.meta.outlet!))) : undefined
    const origin = byOutlet ?? g.reduce((a, b) => earlier(docs, a, b))
    g.forEach((i, k) => {
      const src = named[k]
      if (i === origin) {
        if (src && byOutlet === undefined) out.set(i, { origin: `outlet:${src.name}`, reason: src.evidence })
        return
      }
      const [x, y] = i < origin ? [i, origin] : [origin, i]
      const c = shared.get(`${x},${y}`)
      const how = c !== undefined ? `${Math.round(c * 100)}% of its ${SHINGLE}-word shingles shared` : 'same copy group'
      out.set(i, { origin: docs[origin]!.id, reason: `near-copy of ${docs[origin]!.id} (${how})${src ? `; ${src.evidence}` : ''}` })
    })
  }
  return out
}

// ---- Stories --------------------------------------------------------------------------------------------

export function docTitle(doc: Doc): string {
  const h = doc.layers.blocks?.find((b) => b.type === 'headline')
  const t = doc.meta.title?.trim() || (h ? doc.text.slice(h.start, h.end).trim() : '') || contentText(doc).trim().split('\n')[0] || doc.id
  return t.length > TITLE_CHARS ? `${t.slice(0, TITLE_CHARS - 1).trimEnd()}…` : t
}

/** The similarity graph with near-copies set to 1 (copies always belong to the same story); changes `g`'s array. */
function withCopies(g: SimilarityGraph, copies: readonly NearCopy[]): SimilarityGraph {
  if (copies.length === 0) return g
  const { n } = g
  const copyKeys = new Set(copies.map((c) => c.i * n + c.j))
  for (let e = 0; e < g.length; e++) if (copyKeys.delete(g.i[e]! * n + g.j[e]!)) g.sim[e] = 1
  if (copyKeys.size === 0) return g
  const i = new Int32Array(g.length + copyKeys.size)
  const j = new Int32Array(g.length + copyKeys.size)
  const sim = new Float64Array(g.length + copyKeys.size)
  i.set(g.i)
  j.set(g.j)
  sim.set(g.sim)
  let e = g.length
  for (const key of copyKeys) {
    i[e] = Math.floor(key / n)
    j[e] = key - i[e]! * n
    sim[e++] = 1
  }
  return { n, i, j, sim, length: e }
}

export function groupStories(docs: readonly Doc[], options: Partial<StoryOptions> = {}): Story[] {
  const o = { ...DEFAULT_STORY_OPTIONS, ...options }
  const n = docs.length
  if (n === 0) return []
  const analyser = new Analyser(o)
  const analysed = docs.map((d) => analyser.analyse(d))
  const copies = copiesOf(analysed.map((a) => a.shingles))
  const graph = withCopies(similarityGraph(features(analysed, analyser.vocab.size), o), copies)
  analysed.length = 0
  const prov = provenance(docs, copies)
  const clusters = averageLink(graph, o.threshold)
  // most central article: highest total similarity to the rest of its story
  const cluster = new Int32Array(n)
  clusters.forEach((members, k) => members.forEach((i) => (cluster[i] = k)))
  const centrality = new Float64Array(n)
  for (let e = 0; e < graph.length; e++) {
    const i = graph.i[e]!
    const j = graph.j[e]!
    if (cluster[i] !== cluster[j]) continue
    centrality[i] = centrality[i]! + graph.sim[e]!
    centrality[j] = centrality[j]! + graph.sim[e]!
  }
  const stories = clusters.map((members): Story => {
    let central = members[0]!
    for (const i of members) if (centrality[i]! > centrality[central]!) central = i
    const ids = members.map((i) => docs[i]!.id)
    return {
      id: `story-${createHash('sha1').update([...ids].sort().join('\n')).digest('hex').slice(0, 12)}`,
      title: docTitle(docs[central]!),
      articles: ids,
      provenance: members.flatMap((i) => {
        const p = prov.get(i)
        return p ? [{ article: docs[i]!.id, origin: p.origin, reason: p.reason }] : []
      }),
    }
  })
  return stories.sort((a, b) => b.articles.length - a.articles.length)
}
