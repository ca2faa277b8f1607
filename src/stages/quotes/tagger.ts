// The learned attribution tagger: BIO labels for SOURCE, CUE and CONTENT tokens of a stretch of text (trained
// on paragraphs; the stage tags only the sentences holding a cue its gate could take), from an averaged
// structured perceptron over hashed features (scripts/train-quotes.ts trains it on PolNeAR train) and a
// first-order Viterbi that never opens an I- label without its B-. `modelAttributions` turns the labels into
// attributions: every content segment goes to the nearest cue of its unit, every cue takes the nearest source
// segment, and each carries a margin (how much the path score drops when its cue is forced out) as confidence.
// The rules in attribute.ts stay first; their gate (MODEL_GATE) decides which of these are kept.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Mention, Span } from '../../doc/layers.js'
import { strHash } from '../mentions/features.js'
import { findCues } from './cues.js'
import type { CueType } from '../../lexicon/cues/index.js'
import type { QuotedSpan } from './marks.js'
import { BETWEEN_SUBJECT_AND_CUE, scanTokens, scanWords, type Word } from './words.js'

export const MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'models', 'quotes', 'tagger.bin.gz')

export const LABELS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const
export const NL = LABELS.length
/** Weight rows are hashed into this many buckets (2^16, 1.8 MB of weights that stay in cache; collisions cost little, lookups need no map). */
export const BUCKET_BITS = 16
const BUCKETS = 1 << BUCKET_BITS
/** A paragraph longer than this many tokens is tagged in sentence-aligned chunks (bounded time and memory). */
const MAX_UNIT_TOKENS = 160
/** Quantisation of stored weights. */
const QUANT_MAX = 32767

/** allowed[prev * NL + cur], prev = NL for the unit start: I-X only after B-X or I-X. */
export const ALLOWED = new Uint8Array((NL + 1) * NL)
for (let p = 0; p <= NL; p++) {
  for (let c = 0; c < NL; c++) {
    const cl = LABELS[c]!
    const pl = p === NL ? 'O' : LABELS[p]!
    ALLOWED[p * NL + c] = cl[0] !== 'I' || (pl !== 'O' && pl.slice(2) === cl.slice(2)) ? 1 : 0
  }
}

export interface Tok extends Span {
  readonly text: string
}

/** One tagged stretch: a paragraph, or a sentence-aligned piece of a long one. */
export interface Unit {
  readonly toks: readonly Tok[]
  /** Hashed feature buckets per token, concatenated; offs[i]..offs[i+1] are token i's. */
  readonly feats: Int32Array
  readonly offs: Int32Array
}


function tokenize(text: string, start: number, end: number): Tok[] {
  return scanTokens(text, start, end)
}

function bucket(template: number, value: number): number {
  let h = Math.imul(template + 0x9e3779b1, 0x85ebca6b) ^ value
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35)
  h ^= h >>> 13
  return h & (BUCKETS - 1)
}

function distBucket(d: number): number {
  return d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : d <= 25 ? 6 : 7
}

/** Word-level feature hashes (lower case, 3-letter suffix, crude stem) cached by surface form; cleared when it grows past this. */
const WORD_CACHE_MAX = 50000
const wordCache = new Map<string, Int32Array>()
function wordHashes(t: Tok): Int32Array {
  let v = wordCache.get(t.text)
  if (v) return v
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear()
  const lower = t.text.toLowerCase()
  v = Int32Array.of(strHash(lower), strHash(lower.slice(-3)), strHash(lower.replace(/(?:ing|ed|es|s)$/, '')))
  wordCache.set(t.text, v)
  return v
}
const CUE_TYPES = ['speech', 'belief', 'finding', 'directive', 'act', 'source', 'noun'] as const
const NONE = 0
const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC']
/**
 * Feature templates per token. Measured by ablation on the held-out slice of PolNeAR train (role F1 0.8170
 * with 32 templates, 0.8202 with these 21): word shape, the cue types of the neighbours, distances to
 * quotation marks, sentence position, NER bigrams and NER x cue distance, marks next to the token and the
 * paragraph-start flag did not pay and were cut (fewer lookups per token). Ids are hash seeds: keep them.
 */
const TEMPLATES = 27

/** Words that open a clause right after a cue ('said that', 'asked whether', 'urged them to'). */
const COMPLEMENTIZERS = new Set(['that', 'to', 'whether', 'if'])
/** Punctuation bits of a token for the between-token-and-cue features. */
function punctBits(t: string): number {
  if (t.length !== 1) return 0
  if (t === ',') return 2
  if (t === ':' || t === '—' || t === '–' || t === '-') return 4
  return QUOTE_CHARS.has(t) ? 8 : 0
}
const QUOTE_CHARS = new Set(['"', '“', '”', "'", '‘', '’'])

/** Token features of one unit. */
function unitFeatures(toks: readonly Tok[], sentStart: Uint8Array, cueType: Uint8Array, inQuote: Uint8Array, ner: Uint8Array): { feats: Int32Array; offs: Int32Array } {
  const n = toks.length
  const wh = toks.map(wordHashes)
  const h = wh.map((x) => x[0]!)
  const feats = new Int32Array(n * TEMPLATES)
  const offs = new Int32Array(n + 1)
  let fp = 0
  // nearest cue to the left and right, and tokens since the sentence start
  const cueL = new Int32Array(n).fill(-1)
  const cueR = new Int32Array(n).fill(-1)
  const sincePos = new Int32Array(n)
  let lastCue = -1
  let ss = 0
  for (let i = 0; i < n; i++) {
    if (sentStart[i]) ss = i
    sincePos[i] = i - ss
    cueL[i] = lastCue
    if (cueType[i]) lastCue = i
  }
  lastCue = -1
  for (let i = n - 1; i >= 0; i--) {
    cueR[i] = lastCue
    if (cueType[i]) lastCue = i
  }
  // clause structure between the token and its nearest cues: bit 0 a sentence boundary, 1 a comma, 2 a colon
  // or dash, 3 a quotation mark, 4 (left only) 'that'/'to'/'whether'/'if' right after the cue
  const betweenL = new Uint8Array(n)
  const betweenR = new Uint8Array(n)
  const toEnd = new Int32Array(n)
  let acc = 0
  for (let i = 0; i < n; i++) {
    if (sentStart[i] && i > 0) acc |= 1
    betweenL[i] = acc
    if (cueType[i]) {
      acc = 0
      const nx = i + 1 < n && !cueType[i + 1] ? toks[i + 1]!.text.toLowerCase() : ''
      if (COMPLEMENTIZERS.has(nx)) acc |= 16
    } else acc |= punctBits(toks[i]!.text)
  }
  acc = 0
  let se = n
  for (let i = n - 1; i >= 0; i--) {
    betweenR[i] = acc
    toEnd[i] = se - i - 1
    if (sentStart[i]) {
      acc |= 1
      se = i
    }
    if (cueType[i]) acc = 0
    else acc |= punctBits(toks[i]!.text)
  }
  for (let i = 0; i < n; i++) {
    const hi = h[i]!
    const prev = i > 0 ? h[i - 1]! : 1
    const next = i + 1 < n ? h[i + 1]! : 2
    feats[fp++] = bucket(0, 0)
    feats[fp++] = bucket(1, hi)
    feats[fp++] = bucket(2, prev)
    feats[fp++] = bucket(3, next)
    feats[fp++] = bucket(4, i > 1 ? h[i - 2]! : 1)
    feats[fp++] = bucket(5, i + 2 < n ? h[i + 2]! : 2)
    feats[fp++] = bucket(6, Math.imul(prev, 31) ^ hi)
    feats[fp++] = bucket(7, Math.imul(hi, 31) ^ next)
    feats[fp++] = bucket(8, wh[i]![1]!)
    feats[fp++] = bucket(10, wh[i]![2]!)
    feats[fp++] = bucket(11, cueType[i]!)
    const q = inQuote[i] ? 1 : 0
    feats[fp++] = bucket(16, q)
    const l = cueL[i]!
    const r = cueR[i]!
    const dl = l < 0 ? 8 : distBucket(i - l)
    const dr = r < 0 ? 8 : distBucket(r - i)
    const tl = l < 0 ? 0 : cueType[l]!
    const tr = r < 0 ? 0 : cueType[r]!
    feats[fp++] = bucket(17, dl * 16 + tl)
    feats[fp++] = bucket(18, dr * 16 + tr)
    feats[fp++] = bucket(19, dl * 16 + dr)
    feats[fp++] = bucket(20, (q * 16 + tl) * 16 + tr)
    feats[fp++] = bucket(21, l < 0 ? 0 : h[l]!)
    feats[fp++] = bucket(22, r < 0 ? 0 : h[r]!)
    feats[fp++] = bucket(25, ner[i]!)
    feats[fp++] = bucket(30, dl * 16 + distBucket(sincePos[i]!))
    feats[fp++] = bucket(31, Math.imul(l < 0 ? 0 : h[l]!, 7) ^ q)
    const bl = betweenL[i]!
    const br = betweenR[i]!
    feats[fp++] = bucket(32, (bl * 16 + dl) * 16 + tl)
    feats[fp++] = bucket(33, (br * 16 + dr) * 16 + tr)
    feats[fp++] = bucket(34, (bl * 32 + br) * 2 + q)
    const qe = q ? (i === 0 || !inQuote[i - 1] ? 1 : 0) + (i + 1 >= n || !inQuote[i + 1] ? 2 : 0) : 0
    feats[fp++] = bucket(35, (qe * 8 + distBucket(toEnd[i]!)) * 8 + distBucket(sincePos[i]!))
    feats[fp++] = bucket(36, Math.imul(l < 0 ? 0 : h[l]!, 31) ^ dl)
    feats[fp++] = bucket(37, Math.imul(r < 0 ? 0 : h[r]!, 31) ^ dr)
    offs[i + 1] = fp
  }
  return { feats, offs }
}

/** Tag stretches holding no lexicon cue too (default of UnitOptions.all). */
export const ALL_BLOCKS = true

export interface UnitOptions {
  /** Tag every stretch, not only those holding a lexicon cue (default ALL_BLOCKS). */
  readonly all?: boolean
}

/** A lexicon cue found beforehand (the stage passes the ones its rules already looked up). */
export interface CueSpan extends Span {
  readonly type: CueType
}

/**
 * The stretches the tagger reads (paragraphs in training, sentences with an open cue in the stage) as units
 * with their features; `blocks` in text order. `cues` gives the lexicon cues of a stretch when the caller has
 * them (else they are looked up here).
 */
export function buildUnits(text: string, blocks: readonly Span[], sentences: readonly Span[], mentions: readonly Mention[], quoted: readonly QuotedSpan[], cues?: (start: number, end: number) => readonly CueSpan[], opts: UnitOptions = {}): Unit[] {
  const all = opts.all ?? ALL_BLOCKS
  const units: Unit[] = []
  const sents = [...sentences].sort((a, b) => a.start - b.start)
  let si = 0
  let mi = 0
  let qi = 0
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!
    const toks = tokenize(text, b.start, b.end)
    if (toks.length === 0) continue
    const n = toks.length
    const sentStart = new Uint8Array(n)
    sentStart[0] = 1
    while (si < sents.length && sents[si]!.start < b.start) si++
    let k = 0
    for (let j = si; j < sents.length && sents[j]!.start < b.end; j++) {
      while (k < n && toks[k]!.start < sents[j]!.start) k++
      if (k < n) sentStart[k] = 1
    }
    // cue lexicon types over the words of the stretch
    const cueType = new Uint8Array(n)
    let anyCue = false
    let t = 0
    for (const c of cues ? cues(b.start, b.end) : lexiconCues(text, b.start, b.end)) {
      while (t < n && toks[t]!.start < c.start) t++
      const type = 1 + CUE_TYPES.indexOf(c.type)
      for (let u = t; u < n && toks[u]!.start < c.end; u++) cueType[u] = type
      anyCue = true
    }
    // a stretch without any lexicon cue is not tagged: the tagger finds almost nothing there (measured on PolNeAR dev), and it is most of the cost
    if (!anyCue && !all) continue
    // NER: type * 2 + (begin ? 0 : 1), 0 outside
    const ner = new Uint8Array(n)
    while (mi < mentions.length && mentions[mi]!.end <= b.start) mi++
    let u0 = 0
    for (let j = mi; j < mentions.length && mentions[j]!.start < b.end; j++) {
      const m = mentions[j]!
      const type = 1 + NER_TYPES.indexOf(m.type)
      while (u0 < n && toks[u0]!.start < m.start) u0++
      for (let u = u0; u < n && toks[u]!.end <= m.end; u++) ner[u] = type * 2 + (u === u0 ? 0 : 1)
    }
    const inQuote = new Uint8Array(n)
    while (qi < quoted.length && quoted[qi]!.end <= b.start) qi++
    let v0 = 0
    for (let j = qi; j < quoted.length && quoted[j]!.start < b.end; j++) {
      const q = quoted[j]!
      while (v0 < n && toks[v0]!.start < q.innerStart) v0++
      for (let u = v0; u < n && toks[u]!.end <= q.innerEnd; u++) inQuote[u] = 1
    }
    // chunk long paragraphs at sentence starts
    let from = 0
    while (from < n) {
      let to = Math.min(n, from + MAX_UNIT_TOKENS)
      if (to < n) {
        let cut = to
        while (cut > from + 1 && !sentStart[cut]) cut--
        if (cut > from + 1) to = cut
      }
      const part = from === 0 && to === n ? toks : toks.slice(from, to)
      const { feats, offs } = unitFeatures(part, sentStart.subarray(from, to), cueType.subarray(from, to), inQuote.subarray(from, to), ner.subarray(from, to))
      units.push({ toks: part, feats, offs })
      from = to
    }
  }
  return units
}

/** The lexicon cues of text[start, end). */
export function lexiconCues(text: string, start: number, end: number): CueSpan[] {
  const words = scanWords(text, start, end)
  const out: CueSpan[] = []
  for (const c of findCues(words)) out.push({ start: words[c.from]!.start, end: words[c.to - 1]!.end, type: c.form.type })
  return out
}

/** Index of a cue's head word: the first after auxiliaries and adverbs ('has long said', 'is likely to stress'). */
export function cueHead(cw: readonly Word[]): number {
  let i = 0
  while (i < cw.length - 1 && (BETWEEN_SUBJECT_AND_CUE.has(cw[i]!.lower) || CUE_ADVERBS.has(cw[i]!.lower) || /ly$/.test(cw[i]!.lower))) i++
  return i
}
/** Adverbial words inside a verb group besides BETWEEN_SUBJECT_AND_CUE ('has so far refused', 'has yet to say'). */
const CUE_ADVERBS = new Set(['so', 'far', 'yet', 'thus', 'ever'])

const NEG = -1e30

/** Best labels for per-token scores (n * NL) and transitions ((NL + 1) * NL). */
export function viterbi(scores: Float32Array | Float64Array, n: number, trans: Float32Array | Float64Array): Uint8Array {
  return bestPath(scores, n, trans).labels
}

/** For each label, the labels that may precede it (I-X only after B-X or I-X). */
const PREV: readonly Int8Array[] = Array.from({ length: NL }, (_, y) => Int8Array.from(Array.from({ length: NL }, (_, p) => p).filter((p) => ALLOWED[p * NL + y])))

/** Best labels and their path score. */
export function bestPath(scores: Float32Array | Float64Array, n: number, trans: Float32Array | Float64Array): { labels: Uint8Array; score: number } {
  const out = new Uint8Array(n)
  if (n === 0) return { labels: out, score: 0 }
  const delta = new Float64Array(n * NL)
  const back = new Uint8Array(n * NL)
  for (let y = 0; y < NL; y++) delta[y] = ALLOWED[NL * NL + y] ? scores[y]! + trans[NL * NL + y]! : NEG
  for (let t = 1; t < n; t++) {
    const prevBase = (t - 1) * NL
    const base = t * NL
    for (let y = 0; y < NL; y++) {
      const ps = PREV[y]!
      let arg = ps[0]!
      let best = delta[prevBase + arg]! + trans[arg * NL + y]!
      for (let k = 1; k < ps.length; k++) {
        const p = ps[k]!
        const v = delta[prevBase + p]! + trans[p * NL + y]!
        if (v > best) {
          best = v
          arg = p
        }
      }
      delta[base + y] = best + scores[base + y]!
      back[base + y] = arg
    }
  }
  let best = NEG
  for (let y = 0; y < NL; y++) {
    const v = delta[(n - 1) * NL + y]!
    if (v > best) {
      best = v
      out[n - 1] = y
    }
  }
  for (let t = n - 1; t > 0; t--) out[t - 1] = back[t * NL + out[t]!]!
  return { labels: out, score: best }
}

/**
 * How much the model prefers its reading over the best one with tokens [from, to) all outside any
 * attribution (labelled O): the path score it loses. Zero or less: the model does not insist on them.
 */
export function marginOf(scores: Float64Array, n: number, trans: Float32Array | Float64Array, best: number, from: number, to: number): number {
  const forced = scores.slice()
  for (let t = from; t < to; t++) for (let y = 1; y < NL; y++) forced[t * NL + y] = NEG
  return best - bestPath(forced, n, trans).score
}

/** Weight rows padded to this many labels for inference (rows aligned in cache lines; the sum unrolls). */
const ROW = 8

/**
 * Label scores of a unit under the padded integer weights (BUCKETS * ROW int16, as stored; times `scale` they
 * are the model's weights): the inference path. Half the memory of floats, so more of it stays in cache.
 */
function unitScoresPadded(u: Unit, w: Int16Array, scale: number): Float64Array {
  const n = u.toks.length
  const scores = new Float64Array(n * NL)
  const feats = u.feats
  const offs = u.offs
  for (let t = 0; t < n; t++) {
    let a0 = 0
    let a1 = 0
    let a2 = 0
    let a3 = 0
    let a4 = 0
    let a5 = 0
    let a6 = 0
    for (let j = offs[t]!; j < offs[t + 1]!; j++) {
      const r = feats[j]! << 3
      a0 += w[r]!
      a1 += w[r + 1]!
      a2 += w[r + 2]!
      a3 += w[r + 3]!
      a4 += w[r + 4]!
      a5 += w[r + 5]!
      a6 += w[r + 6]!
    }
    const b = t * NL
    scores[b] = a0 * scale
    scores[b + 1] = a1 * scale
    scores[b + 2] = a2 * scale
    scores[b + 3] = a3 * scale
    scores[b + 4] = a4 * scale
    scores[b + 5] = a5 * scale
    scores[b + 6] = a6 * scale
  }
  return scores
}

/** Label scores of a unit under weights `w` (BUCKETS * NL). */
export function unitScores(u: Unit, w: Float32Array | Float64Array): Float64Array {
  const n = u.toks.length
  const scores = new Float64Array(n * NL)
  for (let t = 0; t < n; t++) {
    const base = t * NL
    for (let j = u.offs[t]!; j < u.offs[t + 1]!; j++) {
      const row = u.feats[j]! * NL
      for (let y = 0; y < NL; y++) scores[base + y]! += w[row + y]!
    }
  }
  return scores
}

export class TaggerModel {
  private padded: Int16Array | undefined
  private step = 1

  constructor(
    readonly weights: Float32Array,
    readonly trans: Float32Array,
    readonly meta: Record<string, unknown> = {},
  ) {}

  /** The weights as int16 rows of ROW (the stored quantisation; exact for a loaded model). */
  private rows(): Int16Array {
    if (!this.padded) {
      // a loaded model's grid is its stored scale; a fresh one gets its own
      const stored = typeof this.meta.scale === 'number' ? this.meta.scale : 0
      let max = 0
      if (!stored) for (const v of this.weights) max = Math.max(max, Math.abs(v))
      this.step = stored ? 1 / stored : max > 0 ? max / QUANT_MAX : 1
      const p = new Int16Array(BUCKETS * ROW)
      for (let b = 0; b < BUCKETS; b++) for (let y = 0; y < NL; y++) p[b * ROW + y] = Math.round(this.weights[b * NL + y]! / this.step)
      this.padded = p
    }
    return this.padded
  }

  tag(u: Unit): Uint8Array {
    const w = this.rows()
    return viterbi(unitScoresPadded(u, w, this.step), u.toks.length, this.trans)
  }

  /** Labels with the scores behind them (for margins). */
  decode(u: Unit): Decoded {
    const w = this.rows()
    const scores = unitScoresPadded(u, w, this.step)
    const { labels, score } = bestPath(scores, u.toks.length, this.trans)
    return { unit: u, scores, labels, score }
  }

  /** How often `word` (lower case) headed a gold cue in the training data (0 when the model carries no counts). */
  cueCount(word: string): number {
    const c = this.meta.cueWords as Record<string, number> | undefined
    return c && Object.hasOwn(c, word) ? c[word]! : 0
  }

  /** gzip of: header length, JSON header, then for each non-zero bucket its index (uint32) and NL int16 weights. */
  serialize(): Buffer {
    let max = 0
    for (const v of this.weights) max = Math.max(max, Math.abs(v))
    for (const v of this.trans) max = Math.max(max, Math.abs(v))
    const scale = max > 0 ? QUANT_MAX / max : 1
    const idx: number[] = []
    const vals: number[] = []
    for (let b = 0; b < BUCKETS; b++) {
      const row: number[] = []
      let any = false
      for (let y = 0; y < NL; y++) {
        const q = Math.round(this.weights[b * NL + y]! * scale)
        row.push(q)
        if (q !== 0) any = true
      }
      if (!any) continue
      idx.push(b)
      vals.push(...row)
    }
    const header = Buffer.from(JSON.stringify({ ...this.meta, labels: LABELS, bucketBits: BUCKET_BITS, scale, trans: Array.from(this.trans, (v) => Math.round(v * scale)), n: idx.length }), 'utf8')
    const len = Buffer.alloc(4)
    len.writeUInt32LE(header.length, 0)
    const keys = Uint32Array.from(idx)
    const body = Int16Array.from(vals)
    return gzipSync(Buffer.concat([len, header, Buffer.from(keys.buffer), Buffer.from(body.buffer)]), { level: 9 })
  }

  static deserialize(buf: Buffer): TaggerModel {
    const raw = gunzipSync(buf)
    const hl = raw.readUInt32LE(0)
    const header = JSON.parse(raw.subarray(4, 4 + hl).toString('utf8')) as { labels: string[]; bucketBits: number; scale: number; trans: number[]; n: number }
    if (header.bucketBits !== BUCKET_BITS || header.labels.join() !== LABELS.join()) throw new Error('quotes tagger model does not match the code (labels or buckets)')
    const keyBytes = raw.subarray(4 + hl, 4 + hl + header.n * 4)
    const keys = new Uint32Array(keyBytes.buffer.slice(keyBytes.byteOffset, keyBytes.byteOffset + keyBytes.byteLength))
    const bodyBytes = raw.subarray(4 + hl + header.n * 4, 4 + hl + header.n * 4 + header.n * NL * 2)
    const body = new Int16Array(bodyBytes.buffer.slice(bodyBytes.byteOffset, bodyBytes.byteOffset + bodyBytes.byteLength))
    const inv = 1 / header.scale
    const weights = new Float32Array(BUCKETS * NL)
    for (let k = 0; k < keys.length; k++) for (let y = 0; y < NL; y++) weights[keys[k]! * NL + y] = body[k * NL + y]! * inv
    return new TaggerModel(weights, Float32Array.from(header.trans, (v) => v * inv), header)
  }
}

let loaded: TaggerModel | null | undefined

/** The committed model, or null when models/quotes has none (the stage then runs on rules alone). */
export function taggerModel(path = MODEL_PATH): TaggerModel | null {
  if (loaded !== undefined && path === MODEL_PATH) return loaded
  const m = existsSync(path) ? TaggerModel.deserialize(readFileSync(path)) : null
  if (path === MODEL_PATH) loaded = m
  return m
}

/** Label segments [role, first token, last token + 1] of one unit's labels. */
export function segments(labels: ArrayLike<number>): [string, number, number][] {
  const out: [string, number, number][] = []
  for (let i = 0; i < labels.length; i++) {
    const l = LABELS[labels[i]!]!
    if (l === 'O') continue
    const role = l.slice(2)
    const last = out[out.length - 1]
    if (l[0] === 'I' && last && last[0] === role && last[2] === i) last[2] = i + 1
    else out.push([role, i, i + 1])
  }
  return out
}

/** One unit's best labels, with the token scores and path score they came from. */
export interface Decoded {
  readonly unit: Unit
  readonly scores: Float64Array
  readonly labels: Uint8Array
  readonly score: number
}

export interface ModelAttribution {
  readonly cue: Span
  readonly source?: Span
  readonly contents: readonly Span[]
  /** The model's confidence in the cue: the path score lost when its tokens are forced outside any attribution. */
  margin(): number
}

/** Attributions of one tagged unit: contents to the nearest cue, each cue the nearest source. */
export function unitAttributions(d: Decoded, trans: Float32Array | Float64Array): ModelAttribution[] {
  const u = d.unit
  const segs = segments(d.labels)
  const cues = segs.filter((s) => s[0] === 'CUE')
  if (cues.length === 0) return []
  const srcs = segs.filter((s) => s[0] === 'SRC')
  const gap = (a: [string, number, number], b: [string, number, number]): number => (a[2] <= b[1] ? b[1] - a[2] : a[1] >= b[2] ? a[1] - b[2] : 0)
  const contents = new Map<number, Span[]>()
  for (const s of segs) {
    if (s[0] !== 'CON') continue
    let best = 0
    for (let c = 1; c < cues.length; c++) if (gap(cues[c]!, s) < gap(cues[best]!, s)) best = c
    const list = contents.get(best) ?? []
    list.push({ start: u.toks[s[1]]!.start, end: u.toks[s[2] - 1]!.end })
    contents.set(best, list)
  }
  const out: ModelAttribution[] = []
  cues.forEach((c, k) => {
    const con = contents.get(k)
    if (!con) return
    let src: [string, number, number] | undefined
    for (const s of srcs) if (!src || gap(s, c) < gap(src, c)) src = s
    let m: number | undefined
    out.push({
      cue: { start: u.toks[c[1]]!.start, end: u.toks[c[2] - 1]!.end },
      ...(src ? { source: { start: u.toks[src[1]]!.start, end: u.toks[src[2] - 1]!.end } } : {}),
      contents: con,
      margin: () => (m ??= marginOf(d.scores, u.toks.length, trans, d.score, c[1], c[2])),
    })
  })
  return out
}

/** Model attributions of the given units (null model: none). */
export function modelAttributions(model: TaggerModel | null, units: readonly Unit[]): ModelAttribution[] {
  if (!model) return []
  const out: ModelAttribution[] = []
  for (const u of units) out.push(...unitAttributions(model.decode(u), model.trans))
  return out
}
