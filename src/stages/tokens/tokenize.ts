import type { Token } from '../../doc/layers.js'
import { ACRONYM, DOMAIN, NUMBER, PUNCT, PUNCT_RUN, QUOTE, SPACE, SYMBOL, URL, WORD } from './rules/01-patterns.js'
import { ABBREVIATIONS } from './rules/02-abbreviations.js'
import { cliticLength } from './rules/03-clitics.js'

const ABBREV = new Set(ABBREVIATIONS)

type Kind = Token['kind']

/** The order in which patterns are tried at each position: the first that matches wins. */
const ORDER: readonly (readonly [RegExp, Kind])[] = [
  [URL, 'symbol'],
  [DOMAIN, 'word'],
  [ACRONYM, 'word'],
  [NUMBER, 'number'],
  [WORD, 'word'],
  [PUNCT_RUN, 'punct'],
  [QUOTE, 'quote'],
  [PUNCT, 'punct'],
  [SYMBOL, 'symbol'],
]

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase()
}

/**
 * Splits `text[start, end)` into tokens whose offsets point into `text`. CoNLL-2003 conventions: acronyms and
 * listed abbreviations keep their period, clitics are split ("Putin" "’s"), quotation marks are `quote` tokens.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = []
  let i = Math.max(0, start)
  const stop = Math.min(end, text.length)
  while (i < stop) {
    SPACE.lastIndex = i
    if (SPACE.test(text)) {
      i = SPACE.lastIndex
      if (i >= stop) break
    }
    let matched = false
    for (const [re, kind] of ORDER) {
      re.lastIndex = i
      if (!re.test(text)) continue
      let j = Math.min(re.lastIndex, stop)
      if (j <= i) continue
      if (kind === 'word' && re === WORD) {
        const word = text.slice(i, j)
        // abbreviation or initial: keep the period ("Dr.", "St.", "J.")
        if (j < stop && text.charCodeAt(j) === 46 /* . */ && text.charCodeAt(j + 1) !== 46) {
          const lw = word.toLowerCase()
          if ((word.length === 1 && isUpper(word)) || ABBREV.has(lw)) {
            // "Sept." yes, but "No." only before a number, "Co." / "St." always
            if (lw !== 'no' || /^\.\s*\d/.test(text.slice(j, j + 4))) j += 1
          }
        }
        const cl = j === i + word.length ? cliticLength(word) : 0
        if (cl > 0) {
          out.push({ start: i, end: j - cl, kind: 'word' })
          out.push({ start: j - cl, end: j, kind: 'word' })
          i = j
          matched = true
          break
        }
      }
      out.push({ start: i, end: j, kind })
      i = j
      matched = true
      break
    }
    if (!matched) i += 1 // unreachable: SYMBOL matches any non-space
  }
  return out
}
