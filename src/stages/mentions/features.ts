// Feature extraction for the NER tagger, shared by training (scripts/train-ner.ts) and inference, so both see
// exactly the same strings. Features are short strings "name=value"; the model maps them to weight rows.
import { gazetteerTags } from '../../lexicon/gazetteers/index.js'

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

/**
 * Features of every token of one sentence. `out[i]` lists the feature strings of token i.
 * Label-history features are not here: the model scores label transitions itself (first-order Viterbi).
 */
export function sentenceFeatures(words: readonly string[], ctx?: DocContext): string[][] {
  const n = words.length
  const caps = isAllCaps(words)
  const lower = words.map((w) => w.toLowerCase())
  const shapes = words.map(shape)
  const gaz = gazetteerTags(caps ? words.map(titleCase) : words)
  const out: string[][] = []
  const pad = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : lower[k]!)
  const padShape = (k: number): string => (k < 0 ? '<s>' : k >= n ? '</s>' : shapes[k]!)
  for (let i = 0; i < n; i++) {
    const w = words[i]!
    const lw = lower[i]!
    const sh = shapes[i]!
    const f: string[] = ['b', 'w=' + w, 'l=' + lw, 'sh=' + sh]
    if (caps) f.push('caps', 'caps.l=' + lw)
    if (i === 0) f.push('first', 'first.sh=' + sh)
    const len = lw.length
    for (let k = 1; k <= MAX_AFFIX && k < len; k++) {
      f.push('p' + k + '=' + lw.slice(0, k), 's' + k + '=' + lw.slice(len - k))
    }
    for (let d = 1; d <= WINDOW; d++) {
      f.push('l-' + d + '=' + pad(i - d), 'l+' + d + '=' + pad(i + d))
      f.push('sh-' + d + '=' + padShape(i - d), 'sh+' + d + '=' + padShape(i + d))
    }
    f.push('l-1l=' + pad(i - 1) + '|' + lw, 'll+1=' + lw + '|' + pad(i + 1))
    f.push('sh-1sh=' + padShape(i - 1) + '|' + sh + '|' + padShape(i + 1))
    f.push('shl-1=' + sh + '|' + pad(i - 1), 'shl+1=' + sh + '|' + pad(i + 1))
    for (const g of gaz[i]!) f.push('g=' + g, 'g.sh=' + g + '|' + sh)
    if (i > 0) for (const g of gaz[i - 1]!) f.push('g-1=' + g)
    if (i + 1 < n) for (const g of gaz[i + 1]!) f.push('g+1=' + g)
    if (ctx && isCapitalised(w)) {
      if (ctx.lowerSeen.has(lw)) f.push('d.low')
      if (ctx.capMidSeen.has(lw)) f.push(i === 0 || caps ? 'd.capmid.init' : 'd.capmid')
      if (ctx.afterFirstName.has(lw)) f.push('d.afterfirst')
      const fp = ctx.firstPass?.get(lw)
      if (fp) f.push('d.fp=' + fp)
      const fl = ctx.firstPassLast?.get(lw)
      if (fl) f.push('d.fpl=' + fl)
    }
    out.push(f)
  }
  return out
}

function titleCase(w: string): string {
  return w.length > 1 && /^\p{Lu}+$/u.test(w) ? w[0] + w.slice(1).toLowerCase() : w
}
