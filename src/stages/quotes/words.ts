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

/** Prepositions that end a speaker phrase's head ("a reporter for USA Today": head is "reporter"). */
export const PREPOSITIONS = new Set(['for', 'of', 'at', 'from', 'with', 'in', 'on', 'by', 'to'])

export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'many', 'several', 'two', 'three', 'other', 'another'])

export const INDEFINITE = new Set(['a', 'an', 'some', 'many', 'several', 'another', 'two', 'three', 'other'])

/** Characters between two words that break a phrase. */
export const PHRASE_BREAK = /[,;:()\[\]“”"„«»‘’—–!?]|\.\s/
