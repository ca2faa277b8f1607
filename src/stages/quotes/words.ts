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

/**
 * A token of scanTokens: a word (a Word, `word` true) or any other non-space character. scanWords makes its words
 * of this class too, so that code reading both sees one object shape.
 */
export class Token implements Word {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly lower: string,
    readonly word: boolean,
  ) {}
}

export function scanWords(text: string, start: number, end: number): Token[] {
  // a hand-written scan of WORD (the regex is the specification; this is 3x faster on news text); a word with
  // no capital or non-ASCII character is its own lower case (no toLowerCase copy: most words of news text)
  const out: Token[] = []
  let i = start
  while (i < end) {
    if (!isWordChar(text, i)) {
      i++
      continue
    }
    const s = i
    let plain = true
    for (;;) {
      // one run of letters/digits
      while (i < end) {
        const c = text.charCodeAt(i)
        if (c < 128) {
          if (c >= 97 && c <= 122) i++
          else if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
            if (c <= 90) plain = false
            i++
          } else break
        } else if (isWordChar(text, i)) {
          plain = false
          i += c >= 0xd800 && c <= 0xdbff ? 2 : 1
        } else break
      }
      // inner joiners: Putin’s, all-clear, U.S
      if (i + 1 < end && isJoiner(text.charCodeAt(i)) && isWordChar(text, i + 1)) {
        if (text.charCodeAt(i) > 127) plain = false
        i++
      } else break
    }
    const w = text.slice(s, i)
    out.push(new Token(s, i, w, plain ? w : w.toLowerCase(), true))
  }
  return out
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
const SPACE = /\s/u

/**
 * Tokens of text[start, end): the words of scanWords and every other non-space character on its own
 * (the regex /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu, hand-written).
 */
export function scanTokens(text: string, start: number, end: number): Token[] {
  const out: Token[] = []
  let i = start
  while (i < end) {
    const c = text.charCodeAt(i)
    const wide = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1
    if (isWordChar(text, i)) {
      const s = i
      i = skipRun(text, i, end)
      while (i + 1 < end && isJoiner(text.charCodeAt(i)) && isWordChar(text, i + 1)) i = skipRun(text, i + 1, end)
      const w = text.slice(s, i)
      out.push(new Token(s, i, w, lowerCase(w), true))
      continue
    }
    if (c < 128 ? c === 32 || (c >= 9 && c <= 13) : wide === 2 ? SPACE.test(text.slice(i, i + 2)) : isSpaceUnit(text, i, c)) {
      i += wide
      continue
    }
    const p = text.slice(i, i + wide)
    out.push(new Token(i, i + wide, p, p, false))
    i += wide
  }
  return out
}

/** A word's lower case: itself when it holds only ASCII lower-case letters, digits and joiners (most words of news text; no copy). */
function lowerCase(w: string): string {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k)
    if ((c >= 65 && c <= 90) || c > 127) return w.toLowerCase()
  }
  return w
}

/** SPACE's answer for a non-ASCII BMP code unit, remembered per code unit (1 yes, 2 no). */
function isSpaceUnit(text: string, i: number, c: number): boolean {
  let k = SPACE_UNIT[c]!
  if (k === 0) SPACE_UNIT[c] = k = SPACE.test(text[i]!) ? 1 : 2
  return k === 1
}
const SPACE_UNIT = new Uint8Array(65536)

export function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)
  // a surrogate pair (letters outside the BMP) is tested whole
  if (c >= 0xd800 && c <= 0xdbff) return LETTER_OR_DIGIT.test(text.slice(i, i + 2))
  // other code units: the regex's answer, remembered per code unit (1 yes, 2 no)
  let k = WORD_UNIT[c]!
  if (k === 0) WORD_UNIT[c] = k = LETTER_OR_DIGIT.test(text[i]!) ? 1 : 2
  return k === 1
}
/** isWordChar's answers for non-ASCII BMP code units (0: not asked yet). */
const WORD_UNIT = new Uint8Array(65536)
function skipRun(text: string, i: number, end: number): number {
  while (i < end && isWordChar(text, i)) i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff ? 2 : 1
  return i
}
function isJoiner(c: number): boolean {
  return c === 0x2019 || c === 39 || c === 46 || c === 45
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

/** True when the period between two words belongs to an abbreviation or initials (a name goes on: 'J.D. Vance'). */
export function abbreviationPeriod(prev: Word, gap: string): boolean {
  return /^\.\s+$/.test(gap) && (TITLE_ABBREV.has(prev.lower) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(prev.text))
}

/** Characters between two words that break a phrase (a spaced hyphen is a dash: 'CHISINAU, Nov 3 - Moldova's ...'). */
export const PHRASE_BREAK = /[,;:()\[\]“”"„«»‘’—–!?]|\.\s|\s-\s/

/** Words naming a time: never a speaker or a medium ('said on Monday', 'in February showed'). */
export const TIME_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'tomorrow', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'week', 'weekend', 'month', 'year', 'morning', 'evening', 'afternoon', 'night', 'spring', 'summer', 'autumn',
  'fall', 'winter',
])
/** Words that open a time adverbial before a time word ('on Thursday', 'last week', 'earlier this month'). */
const TIME_INTRO = new Set(['on', 'last', 'this', 'next', 'earlier', 'later', 'late', 'early', 'in', 'during', 'over', 'the'])
/** Words that may follow a weekday ('on Monday night'). */
const TIME_PART = new Set(['morning', 'evening', 'afternoon', 'night'])

/** Index of the first word after a time adverbial starting at words[k] ('on Thursday it would': 'it'), or k. */
export function skipTime(words: readonly Word[], k: number): number {
  let i = k
  for (let round = 0; round < 3; round++) {
    let j = i
    while (j < words.length && j - i < 2 && TIME_INTRO.has(words[j]!.lower)) j++
    const w = words[j]
    // 'may' and 'march' are verbs too: a time word only when capitalised or introduced
    if (!w || !TIME_WORDS.has(w.lower) || ((w.lower === 'may' || w.lower === 'march') && !/^\p{Lu}/u.test(w.text))) break
    if (j === i && !/^\p{Lu}/u.test(w.text) && !['today', 'yesterday', 'tonight', 'tomorrow'].includes(w.lower)) break
    j++
    if (words[j] && /^\d{1,2}$/.test(words[j]!.text)) j++ // 'on Nov 3'
    if (words[j] && TIME_PART.has(words[j]!.lower)) j++
    i = j
  }
  return i
}

/**
 * The word index where a paragraph's dateline ends ('WASHINGTON — ', 'CHISINAU, Nov 3 - ', 'LONDON (Reuters) - '),
 * 0 when the words do not open with one. `text` is the whole text, `from` the paragraph/sentence start.
 */
export function datelineEnd(text: string, words: readonly Word[]): number {
  const first = words[0]
  if (!first || !/^\p{Lu}{2,}$/u.test(first.text.replace(/[.\-']/g, ''))) return 0
  for (let i = 1; i < Math.min(words.length, 8); i++) {
    const gap = text.slice(words[i - 1]!.end, words[i]!.start)
    if (/\s[—–-]{1,2}\s|[—–]/.test(gap)) return i
    if (/[.!?:;“”"]/.test(gap.replace(/^\)/, ''))) return 0
  }
  return 0
}
