// The learned attribution tagger: BIO labels for SOURCE, CUE and CONTENT tokens of a stretch of text (a
// paragraph, or a sentence-aligned piece of one; every paragraph by default, UnitOptions.all), from averaged
// structured perceptrons over hashed features (scripts/train-quotes.ts trains them on PolNeAR train) and a
// first-order Viterbi that never opens an I- label without its B-. Two passes: the second reads the first's
// labels over a wider window (stackFeatures; trained on jackknifed first-pass labels). `modelAttributions` turns
// the labels into attributions: every content segment goes to the nearest cue of its unit (in its sentence
// first), every cue takes the nearest source segment (likewise), contents of a unit without a cue go to a
// contentless cue ending the unit before ('X continued:' ¶ '"..."'), and each carries a margin (how much the
// path score drops when its cue is forced out) as confidence.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Mention, Span } from '../../doc/layers.js'
import { strHash } from '../mentions/features.js'
import { findCues } from './cues.js'
import type { CueType } from '../../lexicon/cues/index.js'
import type { QuotedSpan } from './marks.js'
import { BETWEEN_SUBJECT_AND_CUE, isWordChar, scanTokens, scanWords, type Word } from './words.js'

export const MODEL_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'models', 'quotes', 'tagger.bin.gz')

export const LABELS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const
export const NL = LABELS.length
/** Weight rows are hashed into this many buckets (2^16, 1.8 MB of weights that stay in cache; collisions cost little, lookups need no map). */
export const BUCKET_BITS = 16
const BUCKETS = 1 << BUCKET_BITS
/** A paragraph longer than this many tokens is tagged in sentence-aligned chunks (bounded time and memory). */
const MAX_UNIT_TOKENS = 160
/** Characters looked at beyond a stretch's ends for its outer neighbour words (a stretch may be a few sentences of a paragraph). */
const EDGE_CHARS = 80
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
  /** Per token: 1 where a sentence starts, the lexicon cue type (0 none), 1 inside a quotation (the second pass reads them). */
  readonly sentStart?: Uint8Array
  readonly cueType?: Uint8Array
  readonly inQuote?: Uint8Array
  /** Hash of each token's lower-case form. */
  readonly words?: Int32Array
  /** The unit starts right where the one before it in the list ends, with only white space between. */
  readonly follows?: boolean
  /** Per token: the rules' role (RULE_ROLE), when the units were built with them. */
  readonly rule?: Uint8Array
}


function tokenize(text: string, start: number, end: number): Tok[] {
  return scanTokens(text, start, end)
}

function bucket(template: number, value: number): number {
  let h = (template < SEEDS.length ? SEEDS[template]! : Math.imul(template + 0x9e3779b1, 0x85ebca6b)) ^ value
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35)
  h ^= h >>> 13
  return h & (BUCKETS - 1)
}
/** The template part of bucket(), precomputed for the template ids in use. */
const SEEDS = Int32Array.from({ length: 128 }, (_, t) => Math.imul(t + 0x9e3779b1, 0x85ebca6b))
const BIAS = bucket(0, 0)
/** bucket() with the template's seed given (the seeds of the first-pass templates read once, below). */
function mix(seed: number, value: number): number {
  let h = seed ^ value
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35)
  h ^= h >>> 13
  return h & (BUCKETS - 1)
}
const seed = (t: number): number => SEEDS[t]!
const S100 = seed(100), S101 = seed(101), S102 = seed(102), S103 = seed(103), S104 = seed(104), S105 = seed(105), S106 = seed(106), S107 = seed(107), S108 = seed(108), S109 = seed(109), S110 = seed(110), S111 = seed(111)
const S2 = seed(2), S3 = seed(3), S4 = seed(4), S5 = seed(5), S6 = seed(6), S7 = seed(7), S11 = seed(11), S16 = seed(16), S17 = seed(17), S18 = seed(18), S19 = seed(19), S20 = seed(20), S25 = seed(25), S30 = seed(30), S31 = seed(31), S32 = seed(32), S33 = seed(33), S34 = seed(34), S35 = seed(35), S36 = seed(36), S37 = seed(37), S38 = seed(38), S39 = seed(39), S40 = seed(40), S41 = seed(41), S42 = seed(42)
/** Buckets of templates 21 and 22 when there is no cue on that side. */
const B21_NONE = bucket(21, 0)
const B22_NONE = bucket(22, 0)

function distBucket(d: number): number {
  return d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : d <= 25 ? 6 : 7
}

/** Word-level feature hashes (lower case, 3-letter suffix, crude stem) cached by surface form; cleared when it grows past this. */
const WORD_CACHE_MAX = 50000
/**
 * What the features need of a token's surface form, computed once per distinct form: its lower case, its hash,
 * and the buckets of the templates that read nothing else (the token itself: 1, 8, 10; as the previous / next /
 * second previous / second next word: 2, 3, 4, 5; as the nearest cue left / right: 21, 22), its punctuation bits
 * and whether it is a word (not a punctuation token).
 */
class WordInfo {
  constructor(
    readonly lower: string,
    readonly h: number,
    readonly b1: number,
    readonly b8: number,
    readonly b10: number,
    readonly b2: number,
    readonly b3: number,
    readonly b4: number,
    readonly b5: number,
    readonly b21: number,
    readonly b22: number,
    readonly punct: number,
    readonly isWord: boolean,
  ) {}
}
const wordCache = new Map<string, WordInfo>()
function wordInfo(text: string): WordInfo {
  let v = wordCache.get(text)
  if (v !== undefined) return v
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear()
  const lower = text.toLowerCase()
  const w = strHash(lower)
  const suffix = strHash(lower.slice(-3))
  const stem = strHash(lower.replace(/(?:ing|ed|es|s)$/, ''))
  v = new WordInfo(lower, w, bucket(1, w), bucket(8, suffix), bucket(10, stem), bucket(2, w), bucket(3, w), bucket(4, w), bucket(5, w), bucket(21, w), bucket(22, w), punctBits(text), isWordChar(text, 0))
  wordCache.set(text, v)
  return v
}
/** Cue types as feature values (1 + index): the trained model's encoding, so its own list, never reordered (doc/layers.ts' CUE_TYPES may grow or reorder freely). */
const CUE_TYPES: readonly CueType[] = ['speech', 'belief', 'finding', 'directive', 'act', 'source', 'noun']
const NONE = 0
const NER_TYPES = ['PER', 'ORG', 'LOC', 'MISC']
/**
 * Feature templates per token. Measured by ablation on the held-out slice of PolNeAR train (role F1 0.8170
 * with 32 templates, 0.8202 with these 21): word shape, the cue types of the neighbours, distances to
 * quotation marks, sentence position, NER bigrams and NER x cue distance, marks next to the token and the
 * paragraph-start flag did not pay and were cut (fewer lookups per token). Ids are hash seeds: keep them.
 */
const TEMPLATES = 32

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

/** Work space of unitFeatures (per token of a unit), grown as needed: building units is synchronous. */
let wsCueL = new Int32Array(256)
let wsSince = new Int32Array(256)
let wsBetweenL = new Uint8Array(256)

/**
 * Token features of tokens [from, to) of a paragraph (`infos`, and the per-token arrays, are the paragraph's),
 * written into `feats` (TEMPLATES a token), `offs` and `h` (the tokens' word hashes), all zeroed. e0, e1: the
 * hashes of the second and first word before the first token; e2, e3: of the first and second after the last.
 * Two scans: forward for what comes from the left (nearest cue, sentence start, clause marks since the cue),
 * then backward for what comes from the right, writing each token's features as it goes.
 */
function unitFeatures(infos: readonly WordInfo[], from: number, to: number, sentStart: Uint8Array, cueType: Uint8Array, inQuote: Uint8Array, ner: Uint8Array, rule: Uint8Array, ctx: number, e0: number, e1: number, e2: number, e3: number, feats: Int32Array, offs: Int32Array, h: Int32Array): void {
  const n = to - from
  for (let i = 0; i < n; i++) h[i] = infos[from + i]!.h
  if (wsCueL.length < n) {
    wsCueL = new Int32Array(n * 2)
    wsSince = new Int32Array(n * 2)
    wsBetweenL = new Uint8Array(n * 2)
  }
  const cueL = wsCueL
  const sincePos = wsSince
  const betweenL = wsBetweenL
  // from the left: nearest cue, tokens since the sentence start, and the clause structure between the token
  // and the cue: bit 0 a sentence boundary, 1 a comma, 2 a colon or dash, 3 a quotation mark, 4 'that'/'to'/
  // 'whether'/'if' right after the cue
  let lastCue = -1
  let ss = 0
  let acc = 0
  for (let i = 0; i < n; i++) {
    const k = from + i
    if (sentStart[k]) {
      ss = i
      if (i > 0) acc |= 1
    }
    sincePos[i] = i - ss
    cueL[i] = lastCue
    betweenL[i] = acc
    if (cueType[k]) {
      lastCue = i
      acc = 0
      if (i + 1 < n && !cueType[k + 1] && COMPLEMENTIZERS.has(infos[k + 1]!.lower)) acc |= 16
    } else acc |= infos[k]!.punct
  }
  // from the right, with the features
  let cueR = -1
  let accR = 0
  let se = n
  for (let i = n - 1; i >= 0; i--) {
    const k = from + i
    const r = cueR
    const br = accR
    const toEnd = se - i - 1
    if (sentStart[k]) {
      accR |= 1
      se = i
    }
    const ct = cueType[k]!
    if (ct) {
      cueR = i
      accR = 0
    } else accR |= infos[k]!.punct
    const wi = infos[k]!
    const hi = wi.h
    const prev = i > 0 ? h[i - 1]! : e1
    const next = i + 1 < n ? h[i + 1]! : e2
    let fp = i * TEMPLATES
    feats[fp++] = BIAS
    feats[fp++] = wi.b1
    feats[fp++] = i > 0 ? infos[k - 1]!.b2 : mix(S2, e1)
    feats[fp++] = i + 1 < n ? infos[k + 1]!.b3 : mix(S3, e2)
    feats[fp++] = i > 1 ? infos[k - 2]!.b4 : mix(S4, i === 1 ? e1 : e0)
    feats[fp++] = i + 2 < n ? infos[k + 2]!.b5 : mix(S5, i + 2 === n ? e2 : e3)
    feats[fp++] = mix(S6, Math.imul(prev, 31) ^ hi)
    feats[fp++] = mix(S7, Math.imul(hi, 31) ^ next)
    feats[fp++] = wi.b8
    feats[fp++] = wi.b10
    feats[fp++] = mix(S11, ct)
    const iq = inQuote[k]!
    const q = iq ? 1 : 0
    feats[fp++] = mix(S16, q)
    const l = cueL[i]!
    const dl = l < 0 ? 8 : distBucket(i - l)
    const dr = r < 0 ? 8 : distBucket(r - i)
    const tl = l < 0 ? 0 : cueType[from + l]!
    const tr = r < 0 ? 0 : cueType[from + r]!
    const hl = l < 0 ? 0 : h[l]!
    const hr = r < 0 ? 0 : h[r]!
    const sp = distBucket(sincePos[i]!)
    feats[fp++] = mix(S17, dl * 16 + tl)
    feats[fp++] = mix(S18, dr * 16 + tr)
    feats[fp++] = mix(S19, dl * 16 + dr)
    feats[fp++] = mix(S20, (q * 16 + tl) * 16 + tr)
    feats[fp++] = l < 0 ? B21_NONE : infos[from + l]!.b21
    feats[fp++] = r < 0 ? B22_NONE : infos[from + r]!.b22
    feats[fp++] = mix(S25, ner[k]!)
    feats[fp++] = mix(S30, dl * 16 + sp)
    feats[fp++] = mix(S31, Math.imul(hl, 7) ^ q)
    const bl = betweenL[i]!
    feats[fp++] = mix(S32, (bl * 16 + dl) * 16 + tl)
    feats[fp++] = mix(S33, (br * 16 + dr) * 16 + tr)
    feats[fp++] = mix(S34, (bl * 32 + br) * 2 + q)
    const qe = q ? (i === 0 || !inQuote[k - 1] ? 1 : 0) + (i + 1 >= n || !inQuote[k + 1] ? 2 : 0) : 0
    feats[fp++] = mix(S35, (qe * 8 + distBucket(toEnd)) * 8 + sp)
    feats[fp++] = mix(S36, Math.imul(hl, 31) ^ dl)
    feats[fp++] = mix(S37, Math.imul(hr, 31) ^ dr)
    const cq = ctx * 4 + iq
    feats[fp++] = mix(S38, cq * 8 + distBucket(i))
    feats[fp++] = mix(S39, cq * 16 + (bl & 1) * 8 + tl)
    // what the rules read here (ruleRoleArray): the role with its neighbours', with the word, with the cue context
    const rr = rule[k]!
    const rp = i > 0 ? rule[k - 1]! : 7
    const rn = i + 1 < n ? rule[k + 1]! : 7
    feats[fp++] = mix(S40, (rp * 8 + rr) * 8 + rn)
    feats[fp++] = mix(S41, Math.imul(hi, 31) ^ rr)
    feats[fp++] = mix(S42, ((rr * 2 + q) * 16 + dl) * 16 + tl)
    offs[i + 1] = fp
  }
}

/** Tag stretches holding no lexicon cue too (default of UnitOptions.all). */
export const ALL_BLOCKS = true

export interface UnitOptions {
  /** Tag every stretch, not only those holding a lexicon cue (default ALL_BLOCKS). */
  readonly all?: boolean
  /** What the rules read, per character of the text (ruleRoleArray); none when absent. */
  readonly ruleRoles?: Uint8Array
  /** The tokens of a stretch when the caller scanned it already (as scanTokens does); undefined: scanned here. */
  readonly tokensOf?: (stretch: Span) => readonly Tok[] | undefined
}

/** Rule roles per character: 0 none, 1 source, 2 cue, 3 reported content, 4 direct quotation (a tagger feature: the model learns where the rules are right). */
export const RULE_ROLE = { none: 0, source: 1, cue: 2, content: 3, direct: 4 } as const

/** Per character of `text`, the role the rules' attributions give it (content, then source, then cue on top). */
export function ruleRoleArray(length: number, atts: readonly { readonly start: number; readonly end: number; readonly kind: string; readonly cue?: { readonly start: number; readonly end: number }; readonly ref?: { readonly start: number; readonly end: number } }[]): Uint8Array {
  const roles = new Uint8Array(length)
  for (const a of atts) roles.fill(a.kind === 'direct' ? RULE_ROLE.direct : RULE_ROLE.content, a.start, a.end)
  for (const a of atts) if (a.ref) roles.fill(RULE_ROLE.source, a.ref.start, a.ref.end)
  for (const a of atts) if (a.cue) roles.fill(RULE_ROLE.cue, a.cue.start, a.cue.end)
  return roles
}

/**
 * Positions (in unitFeatures' order) of the first-pass templates the second pass reads besides its own: bias,
 * word, previous, next, the two word bigrams, cue type, inside a quotation, NER. The full set measured the
 * same on PolNeAR dev and the held-out slice (tag-only F1 73.2 / 69.3 against 73.5 / 68.9) at twice the cost.
 */
export const PASS2_BASE: readonly number[] = [0, 1, 2, 3, 6, 7, 10, 11, 18]

/** The first-pass features of a unit at template positions `keep` (the second pass's share of them). */
export function subsetFeats(u: { readonly feats: Int32Array; readonly offs: Int32Array }, keep: readonly number[]): { feats: Int32Array; offs: Int32Array } {
  const n = u.offs.length - 1
  const k = keep.length
  const feats = new Int32Array(n * k)
  const offs = new Int32Array(n + 1)
  let fp = 0
  for (let t = 0; t < n; t++) {
    const o = u.offs[t]!
    for (let j = 0; j < k; j++) feats[fp++] = u.feats[o + keep[j]!]!
    offs[t + 1] = fp
  }
  return { feats, offs }
}

/** Role of a label id: 0 O, 1 SRC, 2 CUE, 3 CON. */
const ROLE = Uint8Array.from(LABELS, (l) => (l === 'O' ? 0 : l.endsWith('SRC') ? 1 : l.endsWith('CUE') ? 2 : 3))
/** Feature templates of the second pass over the first pass's labels (besides the first pass's own). */
export const STACK_TEMPLATES = 12

/**
 * Second-pass features of a unit from the first pass's labels over a wider window: the label itself and
 * its neighbours, the roles seen 3..6 tokens away, the nearest predicted cue each side (distance, word),
 * the roles predicted earlier / later in the sentence, whether the token's predicted content span opened at
 * a quotation mark, and the role at the sentence start.
 */
export function stackFeatures(u: Unit, labels: Uint8Array): { feats: Int32Array; offs: Int32Array } {
  const n = u.toks.length
  const feats = new Int32Array(n * STACK_TEMPLATES)
  stackInto(u, labels, feats)
  const offs = new Int32Array(n + 1)
  for (let i = 1; i <= n; i++) offs[i] = i * STACK_TEMPLATES
  return { feats, offs }
}
/** Label starts an attribution part (B-). */
const IS_B = Uint8Array.from(LABELS, (l) => (l[0] === 'B' ? 1 : 0))
/** Padding of the role work space each side (the widest look is 6 tokens away). */
const ROLE_PAD = 6
/** Work space of stackInto, grown as needed (decoding is synchronous). */
let wsRole = new Uint8Array(256 + 2 * ROLE_PAD)
let wsStackL = new Int32Array(256)
let wsBefore = new Uint8Array(256)
let wsStartRole = new Uint8Array(256)
let wsConQuote = new Uint8Array(256)

/** stackFeatures' features, STACK_TEMPLATES per token, written into `feats` (two scans, as unitFeatures). */
function stackInto(u: Unit, labels: Uint8Array, feats: Int32Array): void {
  const n = u.toks.length
  const sentStart = u.sentStart ?? new Uint8Array(n)
  const inQuote = u.inQuote ?? new Uint8Array(n)
  const cueType = u.cueType
  const words = u.words ?? Int32Array.from(u.toks, (t) => wordInfo(t.text).h)
  if (wsStackL.length < n) {
    wsRole = new Uint8Array(n * 2 + 2 * ROLE_PAD)
    wsStackL = new Int32Array(n * 2)
    wsBefore = new Uint8Array(n * 2)
    wsStartRole = new Uint8Array(n * 2)
    wsConQuote = new Uint8Array(n * 2)
  }
  // roles (4 outside the unit), shifted by ROLE_PAD
  const role = wsRole
  role.fill(4, 0, ROLE_PAD)
  for (let i = 0; i < n; i++) role[ROLE_PAD + i] = ROLE[labels[i]!]!
  role.fill(4, ROLE_PAD + n, n + 2 * ROLE_PAD)
  // from the left: nearest predicted cue token, roles seen before in the sentence, sentence-start role, and
  // whether the content span holding the token opened at (or right after) a quotation mark
  const cueL = wsStackL
  const before = wsBefore
  const startRole = wsStartRole
  const conQuote = wsConQuote
  let last = -1
  let mask = 0
  let sr = 0
  let cq = 0
  for (let i = 0; i < n; i++) {
    const r = role[ROLE_PAD + i]!
    if (sentStart[i]) {
      mask = 0
      sr = r
    }
    cueL[i] = last
    before[i] = mask
    startRole[i] = sr
    if (r === 2) last = i
    mask |= 1 << r
    if (r === 3 && IS_B[labels[i]!]) cq = (QUOTE_CHARS.has(u.toks[i]!.text) || (i > 0 && QUOTE_CHARS.has(u.toks[i - 1]!.text)) ? 2 : 1) + (inQuote[i] ? 2 : 0)
    else if (r !== 3) cq = 0
    conQuote[i] = cq
  }
  // from the right (nearest cue, roles seen later in the sentence), with the features
  last = -1
  mask = 0
  for (let i = n - 1; i >= 0; i--) {
    const rr = last
    const after = mask
    const p = ROLE_PAD + i
    const r = role[p]!
    if (r === 2) last = i
    mask |= 1 << r
    if (sentStart[i]) mask = 0
    const li = labels[i]!
    const hi = words[i]!
    const farL = (1 << role[p - 3]!) | (1 << role[p - 4]!) | (1 << role[p - 5]!) | (1 << role[p - 6]!)
    const farR = (1 << role[p + 3]!) | (1 << role[p + 4]!) | (1 << role[p + 5]!) | (1 << role[p + 6]!)
    const l = cueL[i]!
    const dl = l < 0 ? 8 : distBucket(i - l)
    const dr = rr < 0 ? 8 : distBucket(rr - i)
    const iq = inQuote[i] ? 1 : 0
    let fp = i * STACK_TEMPLATES
    feats[fp++] = mix(S100, li)
    feats[fp++] = mix(S101, ((i > 0 ? labels[i - 1]! : 7) * 8 + li) * 8 + (i + 1 < n ? labels[i + 1]! : 7))
    feats[fp++] = mix(S102, (((role[p - 2]! * 5 + role[p - 1]!) * 5 + r) * 5 + role[p + 1]!) * 5 + role[p + 2]!)
    feats[fp++] = mix(S103, (farL * 32 + farR) * 4 + r)
    feats[fp++] = mix(S104, (dl * 16 + dr) * 4 + r)
    feats[fp++] = mix(S105, Math.imul(l < 0 ? 0 : words[l]!, 31) ^ (dl * 4 + r))
    feats[fp++] = mix(S106, Math.imul(rr < 0 ? 0 : words[rr]!, 31) ^ (dr * 4 + r))
    feats[fp++] = mix(S107, (before[i]! * 32 + after) * 4 + r)
    feats[fp++] = mix(S108, (conQuote[i]! * 2 + iq) * 4 + r)
    feats[fp++] = mix(S109, (startRole[i]! * 4 + r) * 2 + sentStart[i]!)
    feats[fp++] = mix(S110, Math.imul(hi, 31) ^ li)
    feats[fp++] = mix(S111, ((cueType ? cueType[i]! : 0) * 8 + li) * 2 + iq)
  }
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
  // all typed arrays of the call are views of a few buffers sized once (a typed array of more than a few
  // bytes costs an off-heap allocation: they were a tenth of the time)
  const toksOf: (readonly Tok[])[] = new Array<readonly Tok[]>(blocks.length)
  let total = 0
  for (let bi = 0; bi < blocks.length; bi++) total += (toksOf[bi] = opts.tokensOf?.(blocks[bi]!) ?? tokenize(text, blocks[bi]!.start, blocks[bi]!.end)).length
  const bytes = new Uint8Array(total * 5)
  const featsAll = new Int32Array(total * TEMPLATES)
  const intsAll = new Int32Array(total * 3)
  let bp = 0
  let fa = 0
  let ia = 0
  let si = 0
  let mi = 0
  let qi = 0
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!
    const toks = toksOf[bi]!
    if (toks.length === 0) continue
    const n = toks.length
    const infos: WordInfo[] = new Array<WordInfo>(n)
    for (let k = 0; k < n; k++) infos[k] = wordInfo(toks[k]!.text)
    const sentStart = bytes.subarray(bp, (bp += n))
    sentStart[0] = 1
    while (si < sents.length && sents[si]!.start < b.start) si++
    let k = 0
    for (let j = si; j < sents.length && sents[j]!.start < b.end; j++) {
      while (k < n && toks[k]!.start < sents[j]!.start) k++
      if (k < n) sentStart[k] = 1
    }
    // cue lexicon types over the words of the stretch
    const cueType = bytes.subarray(bp, (bp += n))
    let anyCue = false
    let t = 0
    for (const c of cues ? cues(b.start, b.end) : tokenCues(toks, infos)) {
      while (t < n && toks[t]!.start < c.start) t++
      const type = 1 + CUE_TYPES.indexOf(c.type)
      for (let u = t; u < n && toks[u]!.start < c.end; u++) cueType[u] = type
      anyCue = true
    }
    // a stretch without any lexicon cue is not tagged: the tagger finds almost nothing there (measured on PolNeAR dev), and it is most of the cost
    if (!anyCue && !all) continue
    // NER: type * 2 + (begin ? 0 : 1), 0 outside
    const ner = bytes.subarray(bp, (bp += n))
    while (mi < mentions.length && mentions[mi]!.end <= b.start) mi++
    let u0 = 0
    for (let j = mi; j < mentions.length && mentions[j]!.start < b.end; j++) {
      const m = mentions[j]!
      const type = 1 + NER_TYPES.indexOf(m.type)
      while (u0 < n && toks[u0]!.start < m.start) u0++
      for (let u = u0; u < n && toks[u]!.end <= m.end; u++) ner[u] = type * 2 + (u === u0 ? 0 : 1)
    }
    const inQuote = bytes.subarray(bp, (bp += n))
    while (qi < quoted.length && quoted[qi]!.end <= b.start) qi++
    let v0 = 0
    for (let j = qi; j < quoted.length && quoted[j]!.start < b.end; j++) {
      const q = quoted[j]!
      while (v0 < n && toks[v0]!.start < q.innerStart) v0++
      for (let u = v0; u < n && toks[u]!.end <= q.innerEnd; u++) inQuote[u] = 1
    }
    const rule = bytes.subarray(bp, (bp += n))
    if (opts.ruleRoles) for (let u = 0; u < n; u++) rule[u] = opts.ruleRoles[toks[u]!.start]!
    const ctx = paragraphContext(text, b.start, b.end)
    const lineStart = text.lastIndexOf('\n', b.start - 1) + 1
    const lineEnd = text.indexOf('\n', b.end)
    const lineStop = lineEnd < 0 ? text.length : lineEnd
    // the hashes of the two words just outside the stretch on its line each side (1 / 2 past the line's ends)
    let before1 = 1
    let before2 = 1
    let after1 = 2
    let after2 = 2
    if (lineStart < b.start) {
      const bt = tokenize(text, Math.max(lineStart, b.start - EDGE_CHARS), b.start)
      if (bt.length >= 1) before1 = wordInfo(bt[bt.length - 1]!.text).h
      if (bt.length >= 2) before2 = wordInfo(bt[bt.length - 2]!.text).h
    }
    if (b.end < lineStop) {
      const at = tokenize(text, b.end, Math.min(lineStop, b.end + EDGE_CHARS))
      if (at.length >= 1) after1 = wordInfo(at[0]!.text).h
      if (at.length >= 2) after2 = wordInfo(at[1]!.text).h
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
      // the words just outside the piece on its line, as its first and last tokens' neighbours
      const m = to - from
      const feats = featsAll.subarray(fa, (fa += m * TEMPLATES))
      const offs = intsAll.subarray(ia, (ia += m + 1))
      const words = intsAll.subarray(ia, (ia += m))
      unitFeatures(
        infos, from, to, sentStart, cueType, inQuote, ner, rule, ctx,
        from >= 2 ? infos[from - 2]!.h : from === 1 ? before1 : before2,
        from >= 1 ? infos[from - 1]!.h : before1,
        to < n ? infos[to]!.h : after1,
        to + 1 < n ? infos[to + 1]!.h : to + 1 === n ? after1 : after2,
        feats, offs, words,
      )
      const prevTok = units[units.length - 1]?.toks.at(-1)
      const follows = !!prevTok && onlySpace(text, prevTok.end, part[0]!.start)
      units.push({ toks: part, feats, offs, words, follows, sentStart: sentStart.subarray(from, to), cueType: cueType.subarray(from, to), inQuote: inQuote.subarray(from, to), ...(opts.ruleRoles ? { rule: rule.subarray(from, to) } : {}) })
      from = to
    }
  }
  return units
}

/** True when text[start, end) is only white space (empty included). */
function onlySpace(text: string, start: number, end: number): boolean {
  return start >= end || /^\s*$/.test(text.slice(start, end))
}

/** The lexicon cues of a stretch from its tokens (its words are its word tokens: the same as lexiconCues). */
function tokenCues(toks: readonly Tok[], infos: readonly WordInfo[]): CueSpan[] {
  const words: Word[] = []
  for (let k = 0; k < toks.length; k++) {
    const wi = infos[k]!
    if (!wi.isWord) continue
    const t = toks[k]!
    words.push({ start: t.start, end: t.end, text: t.text, lower: wi.lower })
  }
  const out: CueSpan[] = []
  for (const c of findCues(words)) out.push({ start: words[c.from]!.start, end: words[c.to - 1]!.end, type: c.form.type })
  return out
}

/**
 * What the neighbouring paragraphs (lines) say about the one holding text[start, end) (a whole paragraph in
 * training, maybe a few of its sentences in the stage): (previous paragraph: 0 none, 1 ends in a colon, 2 ends
 * in a closing quotation mark, 3 other) * 3 + (next paragraph: 0 none, 1 opens with a quotation mark, 2 other).
 */
function paragraphContext(text: string, start: number, end: number): number {
  let p = 0
  let e = text.lastIndexOf('\n', start - 1)
  while (e > 0 && /\s/.test(text[e - 1]!)) e--
  if (e > 0) {
    const c = text[e - 1]!
    p = c === ':' ? 1 : CLOSING_MARKS.has(c) ? 2 : 3
  }
  let x = 0
  let b = text.indexOf('\n', end)
  if (b >= 0) {
    while (b < text.length && /\s/.test(text[b]!)) b++
    if (b < text.length) x = OPENING_MARKS.has(text[b]!) ? 1 : 2
  }
  return p * 3 + x
}
const CLOSING_MARKS = new Set(['"', '”', '’', "'", '»'])
const OPENING_MARKS = new Set(['"', '“', '‘', "'", '«', '„'])

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


/**
 * Fresh zeroed arrays for decoding results (scores, labels), cut from blocks of this many elements: one off-heap
 * allocation per block instead of one per unit (they were ~6% of the decoding time). A block is never handed
 * out twice, so results stay valid; one kept result keeps its block (64 KB / 8 KB) alive.
 */
const ARENA_F64 = 8192
const ARENA_U8 = 8192
let f64Block = new Float64Array(0)
let f64Pos = 0
let u8Block = new Uint8Array(0)
let u8Pos = 0
function freshF64(len: number): Float64Array {
  if (len > ARENA_F64 >> 2) return new Float64Array(len)
  if (f64Pos + len > f64Block.length) {
    f64Block = new Float64Array(ARENA_F64)
    f64Pos = 0
  }
  return f64Block.subarray(f64Pos, (f64Pos += len))
}
function freshU8(len: number): Uint8Array {
  if (len > ARENA_U8 >> 2) return new Uint8Array(len)
  if (u8Pos + len > u8Block.length) {
    u8Block = new Uint8Array(ARENA_U8)
    u8Pos = 0
  }
  return u8Block.subarray(u8Pos, (u8Pos += len))
}

/** Viterbi work space, grown as needed (decoding is synchronous, so one per process). */
let delta = new Float64Array(0)
let back = new Uint8Array(0)

/**
 * Best labels and their path score. Unrolled for the label set: O, B-SRC, B-CUE and B-CON may follow any
 * label; I-X only B-X or I-X (ALLOWED).
 */
export function bestPath(scores: Float32Array | Float64Array, n: number, trans: Float32Array | Float64Array): { labels: Uint8Array; score: number } {
  const out = freshU8(n)
  if (n === 0) return { labels: out, score: 0 }
  if (delta.length < n * NL) {
    delta = new Float64Array(n * NL * 2)
    back = new Uint8Array(n * NL * 2)
  }
  const d = delta
  const bk = back
  for (let y = 0; y < NL; y++) d[y] = ALLOWED[NL * NL + y] ? scores[y]! + trans[NL * NL + y]! : NEG
  // transitions into the labels any label may precede (O, B-SRC, B-CUE, B-CON) as locals: tPY from label P to Y
  const t00 = trans[0]!, t10 = trans[7]!, t20 = trans[14]!, t30 = trans[21]!, t40 = trans[28]!, t50 = trans[35]!, t60 = trans[42]!
  const t01 = trans[1]!, t11 = trans[8]!, t21 = trans[15]!, t31 = trans[22]!, t41 = trans[29]!, t51 = trans[36]!, t61 = trans[43]!
  const t03 = trans[3]!, t13 = trans[10]!, t23 = trans[17]!, t33 = trans[24]!, t43 = trans[31]!, t53 = trans[38]!, t63 = trans[45]!
  const t05 = trans[5]!, t15 = trans[12]!, t25 = trans[19]!, t35 = trans[26]!, t45 = trans[33]!, t55 = trans[40]!, t65 = trans[47]!
  const bs = trans[1 * NL + 2]!, ss = trans[2 * NL + 2]!, bc = trans[3 * NL + 4]!, cc = trans[4 * NL + 4]!, bn = trans[5 * NL + 6]!, nn = trans[6 * NL + 6]!
  for (let t = 1; t < n; t++) {
    const pb = (t - 1) * NL
    const base = t * NL
    const d0 = d[pb]!, d1 = d[pb + 1]!, d2 = d[pb + 2]!, d3 = d[pb + 3]!, d4 = d[pb + 4]!, d5 = d[pb + 5]!, d6 = d[pb + 6]!
    let best: number
    let arg: number
    let v: number
    best = d0 + t00
    arg = 0
    v = d1 + t10
    if (v > best) ((best = v), (arg = 1))
    v = d2 + t20
    if (v > best) ((best = v), (arg = 2))
    v = d3 + t30
    if (v > best) ((best = v), (arg = 3))
    v = d4 + t40
    if (v > best) ((best = v), (arg = 4))
    v = d5 + t50
    if (v > best) ((best = v), (arg = 5))
    v = d6 + t60
    if (v > best) ((best = v), (arg = 6))
    d[base + 0] = best + scores[base + 0]!
    bk[base + 0] = arg
    best = d0 + t01
    arg = 0
    v = d1 + t11
    if (v > best) ((best = v), (arg = 1))
    v = d2 + t21
    if (v > best) ((best = v), (arg = 2))
    v = d3 + t31
    if (v > best) ((best = v), (arg = 3))
    v = d4 + t41
    if (v > best) ((best = v), (arg = 4))
    v = d5 + t51
    if (v > best) ((best = v), (arg = 5))
    v = d6 + t61
    if (v > best) ((best = v), (arg = 6))
    d[base + 1] = best + scores[base + 1]!
    bk[base + 1] = arg
    best = d0 + t03
    arg = 0
    v = d1 + t13
    if (v > best) ((best = v), (arg = 1))
    v = d2 + t23
    if (v > best) ((best = v), (arg = 2))
    v = d3 + t33
    if (v > best) ((best = v), (arg = 3))
    v = d4 + t43
    if (v > best) ((best = v), (arg = 4))
    v = d5 + t53
    if (v > best) ((best = v), (arg = 5))
    v = d6 + t63
    if (v > best) ((best = v), (arg = 6))
    d[base + 3] = best + scores[base + 3]!
    bk[base + 3] = arg
    best = d0 + t05
    arg = 0
    v = d1 + t15
    if (v > best) ((best = v), (arg = 1))
    v = d2 + t25
    if (v > best) ((best = v), (arg = 2))
    v = d3 + t35
    if (v > best) ((best = v), (arg = 3))
    v = d4 + t45
    if (v > best) ((best = v), (arg = 4))
    v = d5 + t55
    if (v > best) ((best = v), (arg = 5))
    v = d6 + t65
    if (v > best) ((best = v), (arg = 6))
    d[base + 5] = best + scores[base + 5]!
    bk[base + 5] = arg
    // I-X after B-X or I-X
    let vb = d1 + bs
    let vi = d2 + ss
    if (vi > vb) ((d[base + 2] = vi + scores[base + 2]!), (bk[base + 2] = 2))
    else ((d[base + 2] = vb + scores[base + 2]!), (bk[base + 2] = 1))
    vb = d3 + bc
    vi = d4 + cc
    if (vi > vb) ((d[base + 4] = vi + scores[base + 4]!), (bk[base + 4] = 4))
    else ((d[base + 4] = vb + scores[base + 4]!), (bk[base + 4] = 3))
    vb = d5 + bn
    vi = d6 + nn
    if (vi > vb) ((d[base + 6] = vi + scores[base + 6]!), (bk[base + 6] = 6))
    else ((d[base + 6] = vb + scores[base + 6]!), (bk[base + 6] = 5))
  }
  let best = NEG
  for (let y = 0; y < NL; y++) {
    const v = d[(n - 1) * NL + y]!
    if (v > best) {
      best = v
      out[n - 1] = y
    }
  }
  for (let t = n - 1; t > 0; t--) out[t - 1] = bk[t * NL + out[t]!]!
  return { labels: out, score: best }
}
// the unrolled decoder relies on this label layout
if (LABELS.join() !== 'O,B-SRC,I-SRC,B-CUE,I-CUE,B-CON,I-CON') throw new Error('bestPath expects O, then B-/I- pairs')

/**
 * How much the model prefers its reading over the best one with tokens [from, to) all outside any
 * attribution (labelled O): the path score it loses. Zero or less: the model does not insist on them.
 */
export function marginOf(scores: Float64Array, n: number, trans: Float32Array | Float64Array, best: number, from: number, to: number): number {
  const forced = scores.slice()
  for (let t = from; t < to; t++) for (let y = 1; y < NL; y++) forced[t * NL + y] = NEG
  return best - bestPath(forced, n, trans).score
}

/** True when some label is not O. */
/** The first pass read every token's role as the rules did (a direct quotation as content). */
function agreesWithRules(u: Unit, labels: Uint8Array): boolean {
  const rule = u.rule
  if (!rule) return false
  for (let i = 0; i < labels.length; i++) {
    const r = rule[i]!
    if (ROLE[labels[i]!] !== (r === RULE_ROLE.direct ? RULE_ROLE.content : r)) return false
  }
  return true
}
function anyLabel(labels: Uint8Array): boolean {
  for (let i = 0; i < labels.length; i++) if (labels[i] !== 0) return true
  return false
}
/** Work space of the second pass's stacked features (decoding is synchronous). */
let wsStack = new Int32Array(256 * STACK_TEMPLATES)

/** Weight rows padded to this many labels (the int16 grid the packed rows are built from). */
const ROW = 8
/**
 * Inference rows: each bucket's int16 weights packed two labels to a double, PACK_LANES doubles a row:
 * (w[2k] + PACK_BIAS) + PACK * w[2k + 1] (the last lane holds label 6 alone). A token's sums over up to
 * PACK_MAX features come out exactly from 4 double sums instead of 7 int16 ones (the biased low parts stay
 * in [0, PACK), every value is an integer far below 2^53): ~1.35x faster scoring than the int16 rows.
 */
const PACK_LANES = 4
const PACK = 4194304
const PACK_BIAS = 32768
const PACK_MAX = 64

function packRows(rows: Int16Array): Float64Array {
  const p = new Float64Array(BUCKETS * PACK_LANES)
  for (let b = 0; b < BUCKETS; b++) {
    for (let k = 0; k < PACK_LANES; k++) {
      const lo = rows[b * ROW + 2 * k]!
      const hi = 2 * k + 1 < NL ? rows[b * ROW + 2 * k + 1]! : 0
      p[b * PACK_LANES + k] = lo + PACK_BIAS + PACK * hi
    }
  }
  return p
}

/**
 * Label scores of a unit under the packed integer weights (times `scale` they are the model's weights),
 * added into `into`: the inference path. `rows` (the int16 grid) serves a token with more than PACK_MAX features.
 */
function unitScoresPacked(u: { readonly feats: Int32Array; readonly offs: Int32Array }, w: Float64Array, rows: Int16Array, scale: number, into?: Float64Array): Float64Array {
  const n = u.offs.length - 1
  const scores = into ?? freshF64(n * NL)
  const feats = u.feats
  const offs = u.offs
  for (let t = 0; t < n; t++) {
    const o = offs[t]!
    const e = offs[t + 1]!
    const b = t * NL
    if (e - o > PACK_MAX) {
      addRowSums(feats, o, e, rows, scale, scores, b)
      continue
    }
    let s0 = 0
    let s1 = 0
    let s2 = 0
    let s3 = 0
    for (let j = o; j < e; j++) {
      const r = feats[j]! << 2
      s0 += w[r]!
      s1 += w[r + 1]!
      s2 += w[r + 2]!
      s3 += w[r + 3]!
    }
    const bias = (e - o) * PACK_BIAS
    let hi = Math.floor(s0 / PACK)
    scores[b]! += (s0 - hi * PACK - bias) * scale
    scores[b + 1]! += hi * scale
    hi = Math.floor(s1 / PACK)
    scores[b + 2]! += (s1 - hi * PACK - bias) * scale
    scores[b + 3]! += hi * scale
    hi = Math.floor(s2 / PACK)
    scores[b + 4]! += (s2 - hi * PACK - bias) * scale
    scores[b + 5]! += hi * scale
    scores[b + 6]! += (s3 - bias) * scale
  }
  return scores
}

/** One token's sums of int16 rows for features feats[o, e), scaled and added at scores[b..]. */
function addRowSums(feats: Int32Array, o: number, e: number, w: Int16Array, scale: number, scores: Float64Array, b: number): void {
  for (let y = 0; y < NL; y++) {
    let a = 0
    for (let j = o; j < e; j++) a += w[(feats[j]! << 3) + y]!
    scores[b + y]! += a * scale
  }
}

/** Label scores of a unit under weights `w` (BUCKETS * NL). */
export function unitScores(u: { readonly feats: Int32Array; readonly offs: Int32Array }, w: Float32Array | Float64Array): Float64Array {
  const n = u.offs.length - 1
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
  private keepPos: Int32Array | null | undefined
  private packedRows: Float64Array | undefined

  constructor(
    readonly weights: Float32Array,
    readonly trans: Float32Array,
    readonly meta: Record<string, unknown> = {},
    /** The second pass: reads the unit's features and stackFeatures of this model's labels. */
    readonly pass2?: TaggerModel,
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

  /** The int16 rows packed for inference (packRows). */
  private packed(): Float64Array {
    return (this.packedRows ??= packRows(this.rows()))
  }

  /** This model's own labels (the first pass alone). */
  tagFirst(u: Unit): Uint8Array {
    return viterbi(this.addScores(u), u.toks.length, this.trans)
  }

  /** Label scores of features `f` under this model's weights, added into `into`. */
  addScores(f: { readonly feats: Int32Array; readonly offs: Int32Array }, into?: Float64Array): Float64Array {
    return unitScoresPacked(f, this.packed(), this.rows(), this.step, into)
  }

  tag(u: Unit): Uint8Array {
    return this.decode(u).labels
  }

  /** Labels with the scores behind them (for margins): the second pass's when the model has one and `passes` is 2. */
  decode(u: Unit, passes: 1 | 2 = 2): Decoded {
    const scores = this.addScores(u)
    const one = bestPath(scores, u.toks.length, this.trans)
    const first = one.labels
    // nothing found by the first pass: the second finds nothing either; and where the first pass read every token
    // as the rules did, the second changes nothing that counts (both measured on PolNeAR dev and the held-out slice;
    // the second pass then runs on 983 instead of 1404 of the 1945 units of PolNeAR dev)
    if (!this.pass2 || passes === 1 || !anyLabel(first) || agreesWithRules(u, first)) return { unit: u, scores, labels: first, score: one.score, trans: this.trans }
    const s2 = this.pass2.stackScores(u, first, this.keep())
    const { labels, score } = bestPath(s2, u.toks.length, this.pass2.trans)
    return { unit: u, scores: s2, labels, score, trans: this.pass2.trans }
  }

  /** The first-pass template positions the second pass reads (meta.pass2Base), null for all. */
  private keep(): Int32Array | null {
    if (this.keepPos === undefined) {
      const base = this.meta.pass2Base as number[] | undefined
      this.keepPos = base ? Int32Array.from(base) : null
    }
    return this.keepPos
  }

  /**
   * Second-pass label scores of a unit given the first pass's labels: the same sums as
   * addScores(stackFeatures(u, first), addScores(subsetFeats(u, keep))), without materialising either.
   */
  private stackScores(u: Unit, first: Uint8Array, keep: Int32Array | null): Float64Array {
    const n = u.toks.length
    if (wsStack.length < n * STACK_TEMPLATES) wsStack = new Int32Array(n * STACK_TEMPLATES * 2)
    const sf = wsStack
    stackInto(u, first, sf)
    const w = this.packed()
    const rows = this.rows()
    const scale = this.step
    const scores = freshF64(n * NL)
    const feats = u.feats
    const offs = u.offs
    const k = keep ? keep.length : 0
    const S = STACK_TEMPLATES
    for (let t = 0; t < n; t++) {
      const o = offs[t]!
      const m = keep ? k : offs[t + 1]! - o
      const b = t * NL
      if (m > PACK_MAX) {
        // (only a model without pass2Base and very many templates): the unpacked sums, in addScores' order
        const sub = keep ? Int32Array.from(keep, (p) => feats[o + p]!) : feats.subarray(o, o + m)
        addRowSums(sub, 0, m, rows, scale, scores, b)
        addRowSums(sf, t * S, t * S + S, rows, scale, scores, b)
        continue
      }
      // the unit's own features (the kept templates)
      let a0 = 0
      let a1 = 0
      let a2 = 0
      let a3 = 0
      for (let j = 0; j < m; j++) {
        const r = feats[o + (keep ? keep[j]! : j)]! << 2
        a0 += w[r]!
        a1 += w[r + 1]!
        a2 += w[r + 2]!
        a3 += w[r + 3]!
      }
      // the stacked features
      let c0 = 0
      let c1 = 0
      let c2 = 0
      let c3 = 0
      for (let j = t * S; j < t * S + S; j++) {
        const r = sf[j]! << 2
        c0 += w[r]!
        c1 += w[r + 1]!
        c2 += w[r + 2]!
        c3 += w[r + 3]!
      }
      // each part unpacked, scaled and added in the order addScores adds them (the same floating-point sums)
      const ab = m * PACK_BIAS
      const cb = S * PACK_BIAS
      let ha = Math.floor(a0 / PACK)
      let hc = Math.floor(c0 / PACK)
      scores[b] = (a0 - ha * PACK - ab) * scale + (c0 - hc * PACK - cb) * scale
      scores[b + 1] = ha * scale + hc * scale
      ha = Math.floor(a1 / PACK)
      hc = Math.floor(c1 / PACK)
      scores[b + 2] = (a1 - ha * PACK - ab) * scale + (c1 - hc * PACK - cb) * scale
      scores[b + 3] = ha * scale + hc * scale
      ha = Math.floor(a2 / PACK)
      hc = Math.floor(c2 / PACK)
      scores[b + 4] = (a2 - ha * PACK - ab) * scale + (c2 - hc * PACK - cb) * scale
      scores[b + 5] = ha * scale + hc * scale
      scores[b + 6] = (a3 - ab) * scale + (c3 - cb) * scale
    }
    return scores
  }

  /** How often `word` (lower case) headed a gold cue in the training data (0 when the model carries no counts). */
  cueCount(word: string): number {
    const c = this.meta.cueWords as Record<string, number> | undefined
    return c && Object.hasOwn(c, word) ? c[word]! : 0
  }

  /** gzip of: header length, JSON header, then for each non-zero bucket its index (uint32) and NL int16 weights; the second pass's buckets after (header.pass2). */
  serialize(): Buffer {
    const one = quantise(this.weights, this.trans)
    const two = this.pass2 ? quantise(this.pass2.weights, this.pass2.trans) : undefined
    const header = Buffer.from(
      JSON.stringify({ ...this.meta, labels: LABELS, bucketBits: BUCKET_BITS, scale: one.scale, trans: one.trans, n: one.n, ...(two ? { pass2: { scale: two.scale, trans: two.trans, n: two.n } } : {}) }),
      'utf8',
    )
    const len = Buffer.alloc(4)
    len.writeUInt32LE(header.length, 0)
    return gzipSync(Buffer.concat([len, header, ...one.body, ...(two ? two.body : [])]), { level: 9 })
  }

  static deserialize(buf: Buffer): TaggerModel {
    const raw = gunzipSync(buf)
    const hl = raw.readUInt32LE(0)
    type Table = { scale: number; trans: number[]; n: number }
    const header = JSON.parse(raw.subarray(4, 4 + hl).toString('utf8')) as Table & { labels: string[]; bucketBits: number; pass2?: Table }
    if (header.bucketBits !== BUCKET_BITS || header.labels.join() !== LABELS.join()) throw new Error('quotes tagger model does not match the code (labels or buckets)')
    const read = (t: Table, at: number): { weights: Float32Array; trans: Float32Array; end: number } => {
      const keyBytes = raw.subarray(at, at + t.n * 4)
      const keys = new Uint32Array(keyBytes.buffer.slice(keyBytes.byteOffset, keyBytes.byteOffset + keyBytes.byteLength))
      const bodyBytes = raw.subarray(at + t.n * 4, at + t.n * 4 + t.n * NL * 2)
      const body = new Int16Array(bodyBytes.buffer.slice(bodyBytes.byteOffset, bodyBytes.byteOffset + bodyBytes.byteLength))
      const inv = 1 / t.scale
      const weights = new Float32Array(BUCKETS * NL)
      for (let k = 0; k < keys.length; k++) for (let y = 0; y < NL; y++) weights[keys[k]! * NL + y] = body[k * NL + y]! * inv
      return { weights, trans: Float32Array.from(t.trans, (v) => v * inv), end: at + t.n * 4 + t.n * NL * 2 }
    }
    const one = read(header, 4 + hl)
    const two = header.pass2 ? read(header.pass2, one.end) : undefined
    return new TaggerModel(one.weights, one.trans, header, two ? new TaggerModel(two.weights, two.trans, { scale: header.pass2!.scale }) : undefined)
  }
}

/** Quantised non-zero rows of a weight table: [bucket indices (uint32), their NL int16 weights], with the scale and the quantised transitions. */
function quantise(weights: Float32Array, transF: Float32Array): { scale: number; trans: number[]; n: number; body: Buffer[] } {
  let max = 0
  for (const v of weights) max = Math.max(max, Math.abs(v))
  for (const v of transF) max = Math.max(max, Math.abs(v))
  const scale = max > 0 ? QUANT_MAX / max : 1
  const idx: number[] = []
  const vals: number[] = []
  for (let b = 0; b < BUCKETS; b++) {
    const row: number[] = []
    let any = false
    for (let y = 0; y < NL; y++) {
      const q = Math.round(weights[b * NL + y]! * scale)
      row.push(q)
      if (q !== 0) any = true
    }
    if (!any) continue
    idx.push(b)
    vals.push(...row)
  }
  const keys = Uint32Array.from(idx)
  const body = Int16Array.from(vals)
  return { scale, trans: Array.from(transF, (v) => Math.round(v * scale)), n: idx.length, body: [Buffer.from(keys.buffer), Buffer.from(body.buffer)] }
}

let loaded: TaggerModel | null | undefined

/** The committed model, or null when models/quotes has none (the stage then runs on rules alone). */
export function taggerModel(path = MODEL_PATH): TaggerModel | null {
  if (loaded !== undefined && path === MODEL_PATH) return loaded
  const m = existsSync(path) ? TaggerModel.deserialize(readFileSync(path)) : null
  if (path === MODEL_PATH) loaded = m
  return m
}

/** A labelled stretch of a unit: its label name and token range [from, to). */
export type Segment = [string, number, number]

/** Label segments [role, first token, last token + 1] of one unit's labels. */
export function segments(labels: ArrayLike<number>): Segment[] {
  const out: Segment[] = []
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!
    if (y === 0) continue
    const role = ROLE_NAME[y]!
    const last = out[out.length - 1]
    if (!IS_B[y] && last && last[0] === role && last[2] === i) last[2] = i + 1
    else out.push([role, i, i + 1])
  }
  return out
}
/** A label's role name ('' for O). */
const ROLE_NAME: readonly string[] = LABELS.map((l) => (l === 'O' ? '' : l.slice(2)))

/** One unit's best labels, with the token scores and path score they came from. */
export interface Decoded {
  readonly unit: Unit
  readonly scores: Float64Array
  readonly labels: Uint8Array
  readonly score: number
  /** The transitions the labels were decoded under (the second pass's when there is one). */
  readonly trans?: Float32Array | Float64Array
}

export interface ModelAttribution {
  readonly cue: Span
  readonly source?: Span
  readonly contents: readonly Span[]
  /** The model's confidence in the cue: the path score lost when its tokens are forced outside any attribution. */
  margin(): number
}

/** Extra distance, in tokens, of a segment per sentence boundary between it and a cue (pairing contents and sources with cues). */
const SENTENCE_GAP = 100
/** Most unlabelled tokens between two source pieces before a cue that are joined into one source. */
const SOURCE_JOIN_GAP = 3

/** Attributions of one tagged unit: contents to the nearest cue (in the same sentence first), each cue the nearest source. */
export function unitAttributions(d: Decoded, trans: Float32Array | Float64Array): ModelAttribution[] {
  return unitParts(d, trans).atts.filter((a) => a.contents.length > 0)
}

/** A unit's cues with their contents (empty for a cue without any) and sources; `orphans`: contents of a unit without a cue. */
function unitParts(d: Decoded, trans: Float32Array | Float64Array): { atts: (ModelAttribution & { contents: Span[] })[]; orphans: Span[] } {
  if (!anyLabel(d.labels)) return NO_PARTS
  const u = d.unit
  const segs = segments(d.labels)
  const cues = segs.filter((s) => s[0] === 'CUE')
  if (cues.length === 0) return { atts: [], orphans: segs.filter((s) => s[0] === 'CON').map((s) => segmentSpan(u, s)) }
  const srcs = segs.filter((s) => s[0] === 'SRC')
  // sentence index of each token: a segment in another sentence than the cue counts as SENTENCE_GAP tokens further
  const sentOf = new Int32Array(u.toks.length)
  for (let i = 1, k = 0; i < u.toks.length; i++) sentOf[i] = u.sentStart?.[i] ? ++k : k
  const contents = new Map<number, Span[]>()
  for (const s of segs) {
    if (s[0] !== 'CON') continue
    let best = 0
    for (let c = 1; c < cues.length; c++) if (segmentGap(sentOf, cues[c]!, s) < segmentGap(sentOf, cues[best]!, s)) best = c
    const list = contents.get(best) ?? []
    list.push(segmentSpan(u, s))
    contents.set(best, list)
  }
  const out: (ModelAttribution & { contents: Span[] })[] = []
  cues.forEach((c, k) => {
    const con = contents.get(k) ?? []
    let src: Segment | undefined
    for (const s of srcs) if (!src || segmentGap(sentOf, s, c) < segmentGap(sentOf, src, c)) src = s
    // a source the tagger broke in two ('A poll released two | weeks ago by | Emerson College showed'): the
    // pieces before the cue in its sentence, with only a few unlabelled tokens between, are one phrase
    if (src && src[2] <= c[1]) {
      let from = src[1]
      for (let k = srcs.indexOf(src) - 1; k >= 0; k--) {
        const s = srcs[k]!
        if (from - s[2] > SOURCE_JOIN_GAP || sentOf[s[1]] !== sentOf[from]) break
        let plain = true
        for (let t = s[2]; t < from; t++) if (d.labels[t] !== 0) plain = false
        if (!plain) break
        from = s[1]
      }
      src = [src[0], from, src[2]]
    }
    out.push({ cue: segmentSpan(u, c), ...(src ? { source: segmentSpan(u, src) } : {}), contents: con, margin: lazyMargin(d, trans, c) })
  })
  return { atts: out, orphans: [] }
}

/** The characters of a segment's tokens. */
function segmentSpan(u: Unit, s: Segment): Span {
  return { start: u.toks[s[1]]!.start, end: u.toks[s[2] - 1]!.end }
}

/** Tokens between two segments, a sentence between them counting as SENTENCE_GAP more (sentOf: each token's sentence). */
function segmentGap(sentOf: Int32Array, a: Segment, b: Segment): number {
  const a0 = sentOf[a[1]]!, a1 = sentOf[a[2] - 1]!, b0 = sentOf[b[1]]!, b1 = sentOf[b[2] - 1]!
  const sentences = a1 < b0 ? b0 - a1 : b1 < a0 ? a0 - b1 : 0
  return (a[2] <= b[1] ? b[1] - a[2] : a[1] >= b[2] ? a[1] - b[2] : 0) + SENTENCE_GAP * sentences
}

/** A cue's margin, computed on first use (most attributions never ask). */
function lazyMargin(d: Decoded, trans: Float32Array | Float64Array, c: Segment): () => number {
  let m: number | undefined
  return () => (m ??= marginOf(d.scores, d.unit.toks.length, d.trans ?? trans, d.score, c[1], c[2]))
}

/** What a unit with no labels holds (shared: callers only read it). */
const NO_PARTS: { atts: (ModelAttribution & { contents: Span[] })[]; orphans: Span[] } = { atts: [], orphans: [] }

/** Model attributions of the given units (null model: none). Contents of a unit without a cue, right after a
 * unit whose last cue found no content ('Caddell continued:' ¶ '"..."'), go to that cue. */
export function modelAttributions(model: TaggerModel | null, units: readonly Unit[], opts: { readonly passes?: 1 | 2 } = {}): ModelAttribution[] {
  if (!model) return []
  const out: ModelAttribution[] = []
  let prev: (ModelAttribution & { contents: Span[] })[] = []
  for (const u of units) {
    const { atts, orphans } = unitParts(model.decode(u, opts.passes), model.trans)
    const last = prev[prev.length - 1]
    if (orphans.length > 0 && u.follows && last && last.contents.length === 0) last.contents.push(...orphans)
    for (const a of prev) if (a.contents.length > 0) out.push(a)
    prev = atts
  }
  for (const a of prev) if (a.contents.length > 0) out.push(a)
  return out
}

