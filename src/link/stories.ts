// Stories: articles about the same event, grouped by average-link agglomerative clustering over a
// similarity of TF-IDF cosine (content words of headline/subhead/body text) blended with named-entity
// overlap; plus provenance: near-copies (word shingles, MinHash) and "Source: X" lines traced to origins.
import { createHash } from 'node:crypto'
import type { Doc } from '../doc/doc.js'
import type { BlockType } from '../doc/layers.js'
import type { Story } from '../store/store.js'

// ---- Tunables (tuned on ECB+ train+dev: `npm run eval -- stories --split train --sweep`) ----------------
export interface StoryOptions {
  /** Average-link merging stops when the best pair of clusters is less similar than this. */
  readonly threshold: number
  /** Share of the similarity given to named-entity overlap (the rest is TF-IDF cosine). */
  readonly entityWeight: number
  /** Extra TF weight for capitalised words inside a sentence (names, places): they tell events apart. */
  readonly properBoost: number
  /** Extra TF weight for numbers and month names (dates, magnitudes, tolls): they tell events apart. */
  readonly numberBoost: number
}
// train+dev B3 F1 0.909 here; 0.89-0.91 across numberBoost 3-8, entityWeight 0-0.1, threshold 0.2-0.22 (noise level)
export const DEFAULT_STORY_OPTIONS: StoryOptions = { threshold: 0.2, entityWeight: 0.05, properBoost: 2, numberBoost: 4 }

/** Block types whose text describes the event (captions and boilerplate add noise). */
const CONTENT_BLOCKS: readonly BlockType[] = ['headline', 'subhead', 'body']
/** Word tokens: letters/digits with inner apostrophes, dots or hyphens ("U.S.", "4.4", "Lukashenko's"). */
const WORD = /[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*/gu
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
/** MinHash signature length; LSH splits it in bands of LSH_ROWS (candidate when one band matches). */
const MINHASH_SIZE = 128
const LSH_ROWS = 4
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

interface Terms {
  /** term → weighted count */
  readonly tf: Map<string, number>
  /** Names: entity layer names when present, else capitalised words inside sentences. */
  readonly names: Set<string>
}

function terms(doc: Doc, o: StoryOptions): Terms {
  const tf = new Map<string, number>()
  const names = new Set<string>()
  const add = (t: string, w: number): void => void tf.set(t, (tf.get(t) ?? 0) + w)
  for (const line of contentText(doc).split(/\n+|(?<=[.!?])\s+(?=\p{Lu})/u)) {
    let first = true
    for (const m of line.matchAll(WORD)) {
      const raw = m[0].replace(/[’']s$/i, '')
      const lower = raw.toLowerCase()
      const isFirst = first
      first = false
      if (lower.length < 2 || STOPWORDS.has(lower)) continue
      if (/^\p{N}/u.test(raw) || MONTHS.has(lower)) {
        add(lower, o.numberBoost)
        continue
      }
      if (lower.length < 3) continue
      const proper = !isFirst && /^\p{Lu}/u.test(raw) && raw !== raw.toUpperCase()
      add(stem(lower), proper ? o.properBoost : 1)
      if (proper && !doc.layers.entities) names.add(lower)
    }
  }
  for (const e of doc.layers.entities ?? []) {
    for (const n of [e.name, ...e.aliases]) for (const w of n.toLowerCase().match(WORD) ?? []) if (!STOPWORDS.has(w)) names.add(w)
  }
  return { tf, names }
}

type Vec = Map<string, number>

function tfidf(all: readonly Terms[]): Vec[] {
  const df = new Map<string, number>()
  for (const t of all) for (const k of t.tf.keys()) df.set(k, (df.get(k) ?? 0) + 1)
  const n = all.length
  return all.map((t) => {
    const v: Vec = new Map()
    let norm = 0
    for (const [k, c] of t.tf) {
      // smoothed idf (as scikit-learn's) so that two articles alone still share weight for shared words
      const w = (1 + Math.log(c)) * (Math.log((1 + n) / (1 + (df.get(k) ?? 0))) + 1)
      v.set(k, w)
      norm += w * w
    }
    norm = Math.sqrt(norm) || 1
    for (const [k, w] of v) v.set(k, w / norm)
    return v
  })
}

function cosine(a: Vec, b: Vec): number {
  const [s, l] = a.size < b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [k, w] of s) {
    const x = l.get(k)
    if (x !== undefined) dot += w * x
  }
  return dot
}

/** Overlap coefficient of name sets: how much of the smaller cast appears in the other article. */
function nameOverlap(a: Set<string>, b: Set<string>): number {
  const [s, l] = a.size < b.size ? [a, b] : [b, a]
  if (s.size === 0) return 0
  let shared = 0
  for (const x of s) if (l.has(x)) shared++
  return shared / s.size
}

/** Pairwise similarity matrix (row-major, n×n) of the docs. */
export function storySimilarities(docs: readonly Doc[], options: Partial<StoryOptions> = {}): Float64Array {
  const o = { ...DEFAULT_STORY_OPTIONS, ...options }
  const t = docs.map((d) => terms(d, o))
  const v = tfidf(t)
  const n = docs.length
  const sim = new Float64Array(n * n)
  for (let i = 0; i < n; i++) {
    sim[i * n + i] = 1
    for (let j = i + 1; j < n; j++) {
      const s = (1 - o.entityWeight) * cosine(v[i]!, v[j]!) + o.entityWeight * nameOverlap(t[i]!.names, t[j]!.names)
      sim[i * n + j] = s
      sim[j * n + i] = s
    }
  }
  return sim
}

/**
 * Average-link agglomerative clustering: repeatedly merges the two clusters with the highest mean
 * pairwise similarity until it falls below `threshold`. Returns clusters as lists of indices, each
 * sorted, in order of their first member.
 */
export function averageLink(sim: Float64Array, n: number, threshold: number): number[][] {
  // sums[i*n+j]: total similarity between clusters i and j; a cluster lives at its lowest index.
  const sums = Float64Array.from(sim)
  const size = new Array<number>(n).fill(1)
  const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i])
  const alive = (i: number): boolean => members[i] !== null
  const avg = (i: number, j: number): number => sums[i * n + j]! / (size[i]! * size[j]!)
  const best = new Int32Array(n).fill(-1)
  const bestOf = (i: number): void => {
    let b = -1
    let bv = -Infinity
    for (let j = 0; j < n; j++) {
      if (j === i || !alive(j)) continue
      const a = avg(i, j)
      if (a > bv) {
        bv = a
        b = j
      }
    }
    best[i] = b
  }
  for (let i = 0; i < n; i++) bestOf(i)
  for (;;) {
    let bi = -1
    let bv = -Infinity
    for (let i = 0; i < n; i++) {
      if (!alive(i) || best[i]! < 0) continue
      const a = avg(i, best[i]!)
      if (a > bv) {
        bv = a
        bi = i
      }
    }
    if (bi < 0 || bv < threshold) break
    const bj = best[bi]!
    const [keep, drop] = bi < bj ? [bi, bj] : [bj, bi]
    for (let k = 0; k < n; k++) {
      if (!alive(k) || k === keep || k === drop) continue
      const s = sums[keep * n + k]! + sums[drop * n + k]!
      sums[keep * n + k] = s
      sums[k * n + keep] = s
    }
    size[keep] = size[keep]! + size[drop]!
    members[keep] = [...members[keep]!, ...members[drop]!]
    members[drop] = null
    for (let k = 0; k < n; k++) if (alive(k) && (k === keep || best[k] === keep || best[k] === drop)) bestOf(k)
    // a cluster whose average with `keep` rose may now prefer it
    for (let k = 0; k < n; k++) if (alive(k) && k !== keep && best[k]! >= 0 && avg(k, keep) > avg(k, best[k]!)) best[k] = keep
  }
  return members.filter((m): m is number[] => m !== null).map((m) => [...m].sort((a, b) => a - b))
}

// ---- Provenance -----------------------------------------------------------------------------------------

function shingles(text: string): Set<string> {
  const words = (text.toLowerCase().match(WORD) ?? []) as string[]
  const out = new Set<string>()
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '))
  return out
}

function hash32(s: string, seed: number): number {
  // FNV-1a with a seed: fast, stable across runs
  let h = (2166136261 ^ seed) >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 16777619) >>> 0
  }
  return h
}

function minhash(set: Set<string>): Uint32Array {
  const sig = new Uint32Array(MINHASH_SIZE).fill(0xffffffff)
  for (const s of set) {
    const base = hash32(s, 0)
    const step = hash32(s, 0x9e3779b9) | 1
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const h = (base + Math.imul(k, step)) >>> 0
      if (h < sig[k]!) sig[k] = h
    }
  }
  return sig
}

/** Pairs (i < j) of near-copies, found by MinHash LSH and confirmed by exact shingle containment. */
export function nearCopies(docs: readonly Doc[]): { i: number; j: number; containment: number }[] {
  const sets = docs.map((d) => shingles(contentText(d)))
  const sigs = sets.map((s) => (s.size >= MIN_SHINGLES ? minhash(s) : null))
  const candidates = new Set<string>()
  for (let b = 0; b < MINHASH_SIZE / LSH_ROWS; b++) {
    const buckets = new Map<string, number[]>()
    sigs.forEach((sig, i) => {
      if (!sig) return
      const key = Array.from(sig.subarray(b * LSH_ROWS, (b + 1) * LSH_ROWS)).join(',')
      const list = buckets.get(key)
      if (list) list.push(i)
      else buckets.set(key, [i])
    })
    for (const list of buckets.values()) for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) candidates.add(`${list[x]},${list[y]}`)
  }
  const out: { i: number; j: number; containment: number }[] = []
  for (const c of candidates) {
    const [i, j] = c.split(',').map(Number) as [number, number]
    const [a, b] = [sets[i]!, sets[j]!]
    const [s, l] = a.size < b.size ? [a, b] : [b, a]
    let shared = 0
    for (const x of s) if (l.has(x)) shared++
    const containment = shared / s.size
    if (containment >= COPY_CONTAINMENT) out.push({ i, j, containment })
  }
  return out.sort((x, y) => x.i - y.i || x.j - y.j)
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

export function provenance(docs: readonly Doc[], copies = nearCopies(docs)): Map<number, { origin: string; reason: string }> {
  // copy groups by union-find
  const parent = docs.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  const shared = new Map<string, number>()
  for (const c of copies) {
    parent[find(c.j)] = find(c.i)
    shared.set(`${c.i},${c.j}`, c.containment)
  }
  const groups = new Map<number, number[]>()
  docs.forEach((_, i) => {
    const r = find(i)
    groups.set(r, [...(groups.get(r) ?? []), i])
  })
  const out = new Map<number, { origin: string; reason: string }>()
  for (const g of groups.values()) {
    const named = g.map((i) => namedSource(docs[i]!))
    // an article in the group published by the named outlet is the origin; else the earliest copy
    const byOutlet = g.find((i) => named.some((s) => s && docs[i]!.meta.outlet && norm(docs[i]!.meta.outlet!) === norm(s.name)))
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

export function groupStories(docs: readonly Doc[], options: Partial<StoryOptions> = {}): Story[] {
  const o = { ...DEFAULT_STORY_OPTIONS, ...options }
  const n = docs.length
  if (n === 0) return []
  const sim = storySimilarities(docs, o)
  const copies = nearCopies(docs)
  // copies always belong to the same story
  for (const c of copies) {
    sim[c.i * n + c.j] = 1
    sim[c.j * n + c.i] = 1
  }
  const prov = provenance(docs, copies)
  const clusters = averageLink(sim, n, o.threshold)
  const stories = clusters.map((members): Story => {
    // most central article: highest mean similarity to the rest of its story
    let central = members[0]!
    let bestMean = -Infinity
    for (const i of members) {
      let s = 0
      for (const j of members) if (j !== i) s += sim[i * n + j]!
      if (s > bestMean) {
        bestMean = s
        central = i
      }
    }
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
