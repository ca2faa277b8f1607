// Cue lookup over a word array: the longest lexicon form starting at each word, with the tense an
// auxiliary in front of it gives ("has said" past, "will say" future).
import { cueLexicon, type CueForm, type Tense } from '../../lexicon/cues/index.js'
import type { Word } from './words.js'

export interface CueHit {
  /** Index of the first and one past the last word of the cue in the word array. */
  readonly from: number
  readonly to: number
  readonly form: CueForm
  readonly tense?: Tense
}

/** Words after which a cue form is a noun ('the report', 'his claim', 'secretary of state', 'Trump’s tweet', 'a conference call'). */
const NOUN_BEFORE = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'of', 'whose', 'these', 'those', 'this', 'conference', 'phone', 'telephone', 'roll'])
/** Cue forms that, capitalised inside a sentence, are part of a name ('Secretary of State', 'Washington Post'). */
const NAME_PARTS = new Set(['state', 'states', 'post', 'report', 'reports', 'times', 'show', 'shows', 'record', 'journal', 'notes', 'express', 'observer'])

/**
 * A quick no for most words before the lexicon lookup: the (length, first, last character) triples of the
 * lexicon's first words with length < 32 and ASCII first and last characters. A word outside those bounds
 * is looked up as before. Built once per lexicon object.
 */
let filterFor: ReadonlyMap<string, readonly CueForm[]> | null = null
const FIRST_WORD_SHAPES = new Uint8Array(32 * 128 * 128)
function mayBeFirstWord(byFirst: ReadonlyMap<string, readonly CueForm[]>, lower: string): boolean {
  if (filterFor !== byFirst) {
    FIRST_WORD_SHAPES.fill(0)
    for (const k of byFirst.keys()) {
      const a = k.charCodeAt(0)
      const z = k.charCodeAt(k.length - 1)
      if (k.length < 32 && a < 128 && z < 128) FIRST_WORD_SHAPES[(k.length * 128 + a) * 128 + z] = 1
    }
    filterFor = byFirst
  }
  const n = lower.length
  const a = lower.charCodeAt(0)
  const z = lower.charCodeAt(n - 1)
  return n >= 32 || a >= 128 || z >= 128 || FIRST_WORD_SHAPES[(n * 128 + a) * 128 + z] === 1
}

export function cueAt(words: readonly Word[], i: number): CueHit | null {
  const w = words[i]
  if (!w) return null
  const byFirst = cueLexicon().byFirstWord
  if (!mayBeFirstWord(byFirst, w.lower)) return null
  const forms = byFirst.get(w.lower)
  if (!forms) return null
  const before = words[i - 1]
  if (before && (NOUN_BEFORE.has(before.lower) || /[’']s$/.test(before.lower))) return null
  if (before && NAME_PARTS.has(w.lower) && /^\p{Lu}/u.test(w.text)) return null
  for (const f of forms) {
    let ok = true
    for (let k = 1; k < f.words.length; k++) {
      if (words[i + k]?.lower !== f.words[k]) {
        ok = false
        break
      }
    }
    if (!ok) continue
    // a participle/-ing form alone after a determiner is a noun or adjective ("the said", "a reported")
    let tense = f.tense
    const prev = words[i - 1]?.lower
    const prev2 = words[i - 2]?.lower
    if (prev === 'will' || prev2 === 'will') tense = 'future'
    else if (f.participle && (prev === 'has' || prev === 'have' || prev === 'had' || prev2 === 'has' || prev2 === 'have' || prev2 === 'had')) tense = 'past'
    return { from: i, to: i + f.words.length, form: f, ...(tense ? { tense } : {}) }
  }
  return null
}

export function findCues(words: readonly Word[]): CueHit[] {
  const out: CueHit[] = []
  for (let i = 0; i < words.length; i++) {
    const c = cueAt(words, i)
    if (c) {
      out.push(c)
      i = c.to - 1
    }
  }
  return out
}
