// Feature extraction for the NER tagger, shared by training (scripts/train-ner.ts) and inference, so both see
// exactly the same strings. Features are short strings "name=value"; the model maps them to weight rows.
import { gazetteerTags } from '../../lexicon/gazetteers/index.js'
import { CLUSTER_PREFIXES, clusterPath } from './clusters.js'
import type { KeyGroup, TokenFeatures } from './model.js'

/** Affix lengths used as features (rare and unknown words are tagged mostly by these and by shape). */
const MAX_AFFIX = 4
/** Window of neighbouring words used as features (±2 as in Ratinov & Roth 2009). */
const WINDOW = 2

/** What the tagger knows about the whole document a sentence comes from (non-local features). */
export interface DocContext {
  /** lower-cased words seen in lower case somewhere in the document (not at sentence start). */
  readonly lowerSeen: Set<string>
  /** lower-cased words seen capitalised mid-sentence in a mixed-case sentence. */
  readonly capMidSeen: Set<string>
  /** lower-cased words seen right after a capitalised first name (surname cue: "Nikita Gerasimov" ... "Gerasimov"). */
  readonly afterFirstName: Set<string>
  /** First-pass entity type per lower-cased word (majority over the document), when a first pass ran. */
  readonly firstPass?: Map<string, string>
  /** First-pass: words seen as the last token of a multi-token entity, with its type. */
  readonly firstPassLast?: Map<string, string>
}

function isUpperCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c > 127 && String.fromCharCode(c) !== String.fromCharCode(c).toLowerCase())
}

/** True when every letter-bearing word of the sentence is upper case (CoNLL headlines: "RUSSIA SAYS ..."). */
export function isAllCaps(words: readonly string[]): boolean {
  let letters = 0
  for (const w of words) {
    if (!/\p{L}/u.test(w)) continue
    letters++
    if (w !== w.toUpperCase()) return false
  }
  return letters >= 2
}

/** Word shape with runs collapsed ("Putin" -> "Xx", "1996-08-22" -> "d-d-d", "U.S." -> "X.X."). */
export function shape(w: string): string {
  let out = ''
  let last = ''
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i)
    let s: string
    if (c >= 48 && c <= 57) s = 'd'
    else if (c >= 97 && c <= 122) s = 'x'
    else if (c >= 65 && c <= 90) s = 'X'
    else {
      const ch = w[i]!
      const lo = ch.toLowerCase()
      const up = ch.toUpperCase()
      if (lo !== up) s = ch === up ? 'X' : 'x'
      else s = ch
    }
    if (s !== last) out += s
    last = s
  }
  return out
}

export function isCapitalised(w: string): boolean {
  return w.length > 0 && isUpperCode(w.charCodeAt(0))
}

/** Builds the non-local context of a document from its sentences (tokens as strings). */
export function buildDocContext(sentences: readonly (readonly string[])[]): DocContext {
  const lowerSeen = new Set<string>()
  const capMidSeen = new Set<string>()
  const afterFirstName = new Set<string>()
  for (const s of sentences) {
    const caps = isAllCaps(s)
    const gaz = caps ? undefined : gazetteerTags(s)
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!
      if (caps) continue
      if (i > 0 && !isCapitalised(w) && /^\p{Ll}/u.test(w)) lowerSeen.add(w)
      if (i > 0 && isCapitalised(w)) {
        const lw = w.toLowerCase()
        capMidSeen.add(lw)
        const g = gaz![i - 1]!
        if (g.includes('female') || g.includes('male')) afterFirstName.add(lw)
      }
    }
  }
  return { lowerSeen, capMidSeen, afterFirstName }
}

// Feature templates: each feature is a 32-bit hash of (template, values), so no strings are built per token.
// Numbering is part of the model format: append new templates, never renumber.
const T = {
  BIAS: 1, W: 2, L: 3, SH: 4, CAPS: 5, CAPSL: 6, FIRST: 7, FIRSTSH: 8, PRE: 10, SUF: 20, LM: 30, LP: 40, SHM: 50,
  SHP: 60, BIM: 70, BIP: 71, SH3: 72, SHLM: 73, SHLP: 74, G: 80, GSH: 81, GM: 82, GP: 83, DLOW: 90, DCAPMID: 91,
  DCAPMIDINIT: 92, DAFTERFIRST: 93, DFP: 94, DFPL: 95, NOVOCAB: 96, NOVOCABSH: 97,
  // Brown cluster path prefixes (one template per prefix length) of the word and of its neighbours ±1
  // (NEIGHBOUR_PREFIXES; ±2 neighbours' clusters were tried: held-out F1 0.926 vs 0.933 with ±1 only)
  CL: 100, CLM: 110, CLP: 120,
} as const

/**
 * Words seen in lower case in the training text (written next to the model as lowercase-vocab.txt). A capitalised
 * word whose lower-case form is not there is probably a name, even when the tagger never saw it ("Putin" in 1996 text).
 */
let lowerVocab: ReadonlySet<string> = new Set()
export function setLowercaseVocabulary(words: ReadonlySet<string>): void {
  lowerVocab = words
}

/** Brown clusters (word -> bit path), set by the model loader; empty when the model has none. */
let clusters: ReadonlyMap<string, string> = new Map()
/**
 * Indexes into CLUSTER_PREFIXES used for the neighbours' clusters (the word itself uses all of them): prefixes 4
 * and 10. Chosen on the held-out slice of train (256 clusters, two passes): all four prefixes 0.9351, these two
 * 0.9390 (512 clusters: 0.9329 vs 0.9387).
 */
export const NEIGHBOUR_PREFIXES: readonly number[] = [0, 2]
export function setClusters(c: ReadonlyMap<string, string>): void {
  clusters = c
  wordMemo.clear()
}

/**
 * The features a word contributes by itself, computed once per word type: to its own token (word, lower case,
 * shape, affixes, cluster prefixes), and to the tokens one and two places after (`prev1`, `prev2`: it is their
 * previous word) and before (`next1`, `next2`). Each group is a KeyGroup, so a model can also cache its summed
 * weights per word type (tagging time is dominated by weight look-ups).
 */
interface WordType {
  readonly lw: string
  readonly hl: number
  readonly hsh: number
  readonly self: KeyGroup
  readonly prev1: KeyGroup
  readonly next1: KeyGroup
  readonly prev2: KeyGroup
  readonly next2: KeyGroup
}

/** Word types memoized (the memo is dropped when it grows past this many, so memory stays bounded). */
const WORD_MEMO_MAX = 50_000
const wordMemo = new Map<string, WordType>()

function group(keys: readonly number[]): KeyGroup {
  return { keys: Int32Array.from(keys), sums: [] }
}

function wordType(w: string): WordType {
  const hit = wordMemo.get(w)
  if (hit) return hit
  const lw = w.toLowerCase()
  const hl = strHash(lw)
  const hsh = strHash(shape(w))
  const self = [mix(T.BIAS, 0), mix(T.W, strHash(w)), mix(T.L, hl), mix(T.SH, hsh)]
  const len = lw.length
  let hp = 0x811c9dc5
  let hs = 0x811c9dc5
  for (let k = 1; k <= MAX_AFFIX && k < len; k++) {
    hp = Math.imul(hp ^ lw.charCodeAt(k - 1), 0x01000193)
    hs = Math.imul(hs ^ lw.charCodeAt(len - k), 0x01000193)
    self.push(mix(T.PRE + k, hp >>> 0), mix(T.SUF + k, hs >>> 0))
  }
  const prev1 = [mix(T.LM + 1, hl), mix(T.SHM + 1, hsh)]
  const next1 = [mix(T.LP + 1, hl), mix(T.SHP + 1, hsh)]
  const path = clusters.size ? clusterPath(clusters, w) : undefined
  if (path !== undefined) {
    // a path shorter than a prefix length is its own prefix
    const ph = CLUSTER_PREFIXES.map((k) => strHash(path.slice(0, k)))
    ph.forEach((x, k) => self.push(mix(T.CL + k, x)))
    for (const k of NEIGHBOUR_PREFIXES) {
      prev1.push(mix(T.CLM + k, ph[k]!))
      next1.push(mix(T.CLP + k, ph[k]!))
    }
  }
  const t: WordType = {
    lw,
    hl,
    hsh,
    self: group(self),
    prev1: group(prev1),
    next1: group(next1),
    prev2: group([mix(T.LM + 2, hl), mix(T.SHM + 2, hsh)]),
    next2: group([mix(T.LP + 2, hl), mix(T.SHP + 2, hsh)]),
  }
  if (wordMemo.size >= WORD_MEMO_MAX) wordMemo.clear()
  wordMemo.set(w, t)
  return t
}

/** FNV-1a over UTF-16 code units. */
export function strHash(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return h >>> 0
}

function mix(t: number, a: number, b = 0, c = 0): number {
  let h = Math.imul(t ^ 0x9e3779b9, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 15) ^ a, 0xc2b2ae35)
  h = Math.imul(h ^ (h >>> 13) ^ b, 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 16) ^ c, 0xc2b2ae35)
  // 30 bits: keys stay small integers in V8 (no boxed doubles), so Map lookups stay fast
  return (h ^ (h >>> 16)) & 0x3fffffff
}

const BOS = strHash('<s>')
const EOS = strHash('</s>')
const tagHashes = new Map<string, number>()
function tagHash(tag: string): number {
  let h = tagHashes.get(tag)
  if (h === undefined) tagHashes.set(tag, (h = strHash(tag)))
  return h
}

// Window features beyond the sentence edges.
const BOS_PREV1 = group([mix(T.LM + 1, BOS), mix(T.SHM + 1, BOS)])
const BOS_PREV2 = group([mix(T.LM + 2, BOS), mix(T.SHM + 2, BOS)])
const EOS_NEXT1 = group([mix(T.LP + 1, EOS), mix(T.SHP + 1, EOS)])
const EOS_NEXT2 = group([mix(T.LP + 2, EOS), mix(T.SHP + 2, EOS)])

/**
 * Features of every token of one sentence: `out[i].keys` are hashed features that depend on the context (bigrams,
 * shape trigram, gazetteer cues, all-caps and sentence-start flags, document cues); `out[i].groups` are the
 * word-type feature groups of the token and of its neighbours ±2 (word, shape, affixes 1-4, clusters). Label
 * history is not here: the model scores label transitions itself (first-order Viterbi).
 */
export function sentenceTokenFeatures(words: readonly string[], ctx?: DocContext): TokenFeatures[] {
  const n = words.length
  const caps = isAllCaps(words)
  const wt = words.map(wordType)
  const gaz = gazetteerTags(caps ? words.map(titleCase) : words)
  const L = (k: number): number => (k < 0 ? BOS : k >= n ? EOS : wt[k]!.hl)
  const S = (k: number): number => (k < 0 ? BOS : k >= n ? EOS : wt[k]!.hsh)
  const out: TokenFeatures[] = []
  for (let i = 0; i < n; i++) {
    const w = words[i]!
    const t = wt[i]!
    const lw = t.lw
    const hl = t.hl
    const sh = t.hsh
    const groups: KeyGroup[] = [
      t.self,
      i > 0 ? wt[i - 1]!.prev1 : BOS_PREV1,
      i > 1 ? wt[i - 2]!.prev2 : BOS_PREV2,
      i + 1 < n ? wt[i + 1]!.next1 : EOS_NEXT1,
      i + 2 < n ? wt[i + 2]!.next2 : EOS_NEXT2,
    ]
    const f: number[] = []
    if (caps) f.push(mix(T.CAPS, 0), mix(T.CAPSL, hl))
    if (i === 0) f.push(mix(T.FIRST, 0), mix(T.FIRSTSH, sh))
    if (lowerVocab.size > 0 && isCapitalised(w) && !lowerVocab.has(lw)) {
      const where = caps ? 2 : i === 0 ? 1 : 0
      f.push(mix(T.NOVOCAB, where), mix(T.NOVOCABSH, where, sh))
    }
    f.push(mix(T.BIM, L(i - 1), hl), mix(T.BIP, hl, L(i + 1)))
    f.push(mix(T.SH3, S(i - 1), sh, S(i + 1)))
    f.push(mix(T.SHLM, sh, L(i - 1)), mix(T.SHLP, sh, L(i + 1)))
    for (const g of gaz[i]!) {
      const hg = tagHash(g)
      f.push(mix(T.G, hg), mix(T.GSH, hg, sh))
    }
    if (i > 0) for (const g of gaz[i - 1]!) f.push(mix(T.GM, tagHash(g)))
    if (i + 1 < n) for (const g of gaz[i + 1]!) f.push(mix(T.GP, tagHash(g)))
    if (ctx && isCapitalised(w)) {
      if (ctx.lowerSeen.has(lw)) f.push(mix(T.DLOW, 0))
      if (ctx.capMidSeen.has(lw)) f.push(mix(i === 0 || caps ? T.DCAPMIDINIT : T.DCAPMID, 0))
      if (ctx.afterFirstName.has(lw)) f.push(mix(T.DAFTERFIRST, 0))
    }
    out.push({ keys: f, groups })
  }
  return ctx?.firstPass ? withFirstPassTokenFeatures(words, ctx, out) : out
}

/** All feature keys of every token, flat (training): the same features as sentenceTokenFeatures. */
export function sentenceFeatures(words: readonly string[], ctx?: DocContext): number[][] {
  return sentenceTokenFeatures(words, ctx).map(flatKeys)
}

function flatKeys(t: TokenFeatures): number[] {
  const out = [...t.keys]
  for (const g of t.groups) for (let k = 0; k < g.keys.length; k++) out.push(g.keys[k]!)
  return out
}

/** The first-pass document features of token i (Ratinov & Roth 2009), empty when it has none. */
function firstPassKeys(words: readonly string[], ctx: DocContext, i: number): number[] {
  const w = words[i]!
  if (!isCapitalised(w)) return []
  const lw = w.toLowerCase()
  const extra: number[] = []
  const fp = ctx.firstPass?.get(lw)
  if (fp) extra.push(mix(T.DFP, tagHash(fp)))
  const fl = ctx.firstPassLast?.get(lw)
  if (fl) extra.push(mix(T.DFPL, tagHash(fl)))
  return extra
}

/** Adds the first-pass document features to already computed features (returns new arrays; input untouched). */
export function withFirstPassFeatures(words: readonly string[], ctx: DocContext, feats: readonly (readonly number[])[]): number[][] {
  return feats.map((f, i) => {
    const extra = firstPassKeys(words, ctx, i)
    return extra.length ? [...f, ...extra] : (f as number[])
  })
}

/** withFirstPassFeatures for grouped token features. */
export function withFirstPassTokenFeatures(words: readonly string[], ctx: DocContext, feats: readonly TokenFeatures[]): TokenFeatures[] {
  return feats.map((f, i) => {
    const extra = firstPassKeys(words, ctx, i)
    return extra.length ? { keys: [...f.keys, ...extra], groups: f.groups } : f
  })
}

function titleCase(w: string): string {
  return w.length > 1 && /^\p{Lu}+$/u.test(w) ? w[0] + w.slice(1).toLowerCase() : w
}
