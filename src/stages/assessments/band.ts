import type { Band } from '../../doc/layers.js'
import { COMPLEMENT, ESTIMATIVE_PHRASES, NEGATED } from '../../lexicon/estimative/phrases.js'
import type { EstimativePhrase } from '../../lexicon/estimative/phrases.js'

/** Negation words that flip a hedge when they come just before it ("not likely", "does not believe", "never expected"). */
export const NEGATION = /\b(?:not|never|no longer|hardly)\s+(?:\w+\s+){0,2}$/

/** Folds curly apostrophes and expands "n't" so negation is a word of its own ("doesn't" → "does not"). */
export function foldCue(s: string): string {
  return s
    .toLowerCase()
    .replace(/[‘’´`]/g, "'")
    .replace(/\bwon't\b/g, 'will not')
    .replace(/\bcan't\b/g, 'cannot')
    .replace(/n't\b/g, ' not')
    .replace(/\s+/g, ' ')
    .trim()
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const BY_PHRASE = new Map<string, EstimativePhrase>(ESTIMATIVE_PHRASES.map((e) => [foldCue(e.phrase), e]))

/** One regex over every phrase, longest first, so "most likely" wins over "likely" and "probably not" over "probably". */
export const PHRASE_RE = new RegExp(
  `\\b(?:${[...BY_PHRASE.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w-])`,
  'gi',
)

export function lookupPhrase(phrase: string): EstimativePhrase | undefined {
  return BY_PHRASE.get(foldCue(phrase))
}

/** The band a hedge gives, flipped by a negation before it. */
export function hedgeBand(entry: EstimativePhrase, negated: boolean): Band {
  if (!negated || /\b(?:not|no)\b/.test(entry.phrase)) return entry.band
  return entry.negated ?? NEGATED[entry.band]
}

/** The band of the opposite proposition: for "it is likely that X will not happen" read as a judgement of X. */
export function complement(band: Band): Band {
  return COMPLEMENT[band]
}

/**
 * The band of a cue as written ("not very likely", "does not believe", "probably not"): the last lexicon phrase
 * in it, flipped when a negation comes before that phrase. Null when no phrase is in it.
 */
export function bandOf(cue: string): { band: Band; entry: EstimativePhrase } | null {
  const s = foldCue(cue)
  let best: { entry: EstimativePhrase; index: number } | null = null
  PHRASE_RE.lastIndex = 0
  for (let m = PHRASE_RE.exec(s); m; m = PHRASE_RE.exec(s)) {
    const entry = BY_PHRASE.get(m[0].toLowerCase())
    if (entry) best = { entry, index: m.index }
  }
  if (!best) return null
  const negated = NEGATION.test(s.slice(0, best.index) + ' ') || /\bnot\s*$/.test(s.slice(0, best.index))
  return { band: hedgeBand(best.entry, negated), entry: best.entry }
}
