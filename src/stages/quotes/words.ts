// Word scanning and the small closed word classes the attribution rules need. Words are found with one
// regex over a span (cheaper than filtering the token layer per sentence, and independent of its quirks).

/** A word: letters/digits joined by inner apostrophes or hyphens (Putin’s, all-clear, U.S). */
const WORD = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*/gu

export interface Word {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly lower: string
}

export function scanWords(text: string, start: number, end: number): Word[] {
  const out: Word[] = []
  WORD.lastIndex = 0
  const slice = text.slice(start, end)
  for (const m of slice.matchAll(WORD)) {
    const s = start + m.index
    out.push({ start: s, end: s + m[0].length, text: m[0], lower: m[0].toLowerCase() })
  }
  return out
}

/** Auxiliaries, negation and adverbs that may sit between a speaker and the cue ("has repeatedly assured"). */
export const BETWEEN_SUBJECT_AND_CUE = new Set([
  'has', 'have', 'had', 'does', 'did', 'do', 'not', 'n’t', "n't", 'never', 'also', 'repeatedly', 'recently', 'previously',
  'already', 'since', 'will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'is', 'was', 'were', 'are',
  'be', 'been', 'being', 'just', 'publicly', 'privately', 'again', 'still', 'even', 'once', 'reportedly', 'later',
  'initially', 'often', 'further', 'openly', 'clearly', 'firmly', 'strongly', 'flatly', 'then', 'now', 'first',
  'explicitly', 'officially', 'frequently', 'long', 'allegedly', 'apparently', 'only',
  'doesn’t', "doesn't", 'didn’t', "didn't", 'hasn’t', "hasn't", 'has’t', 'won’t', "won't", 'always', 'too', 'similarly',
])

/** Words that end a speaker phrase when scanning left from a cue: a clause starts after them. */
export const CLAUSE_BOUNDARY = new Set([
  'that', 'and', 'but', 'when', 'while', 'who', 'whom', 'which', 'because', 'if', 'as', 'after', 'before', 'although',
  'though', 'so', 'where', 'whether', 'than', 'or', 'however', 'yet', 'what', 'how', 'why', 'until', 'unless', 'since',
  'once', 'then', 'also', 'even', 'instead', 'meanwhile', 'still', 'thus', 'therefore', 'moreover', 'indeed',
])

/** Coordinators joining a second verb to the same subject ('X praised Y and said ...'). */
export const COORDINATORS = new Set(['and', 'but'])

/** First words of an introductory phrase that a comma closes before the subject ('In Iowa, Trump said'). */
export const INTRODUCTORY = new Set([
  'in', 'on', 'at', 'during', 'after', 'before', 'since', 'when', 'while', 'as', 'last', 'earlier', 'later', 'despite',
  'like', 'unlike', 'although', 'though', 'if', 'asked', 'speaking', 'for', 'with', 'by', 'meanwhile', 'still', 'yet',
  'however', 'but', 'and', 'so', 'then', 'now', 'today', 'yesterday', 'instead', 'separately', 'also', 'indeed',
])

/** Prepositions that end a speaker phrase's head ("a reporter for USA Today": head is "reporter"). */
export const PREPOSITIONS = new Set(['for', 'of', 'at', 'from', 'with', 'in', 'on', 'by', 'to'])

export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'many', 'several', 'two', 'three', 'other', 'another'])

export const INDEFINITE = new Set(['a', 'an', 'some', 'many', 'several', 'another', 'two', 'three', 'other'])

/** Abbreviations whose period does not end a phrase ("Mr. King", "Sen. Rubio", "James B. Comey"): lower case. */
export const TITLE_ABBREV = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'gen', 'lt', 'col', 'sgt', 'capt', 'maj', 'adm',
  'rev', 'st', 'jr', 'sr', 'atty', 'supt', 'cmdr', 'pres', 'u.s', 'h.w', 'd-calif', 'r-texas',
])

/** True when the period between two words belongs to an abbreviation or an initial (a name goes on). */
export function abbreviationPeriod(prev: Word, gap: string): boolean {
  return /^\.\s+$/.test(gap) && (TITLE_ABBREV.has(prev.lower) || /^\p{Lu}$/u.test(prev.text))
}

/** Characters between two words that break a phrase. */
export const PHRASE_BREAK = /[,;:()\[\]“”"„«»‘’—–!?]|\.\s/
