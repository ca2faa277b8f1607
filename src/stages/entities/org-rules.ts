// Cues in the text that make a name an organisation whatever the tagger typed it (used by steps 1 and 2):
// a quoted name that holds an org head word (“Group Wagner”, “Wagner Group”), a quoted name followed by an org
// noun (the “Mozart” group), and an acronym right before a role noun ("FU conflict observer", "CNN anchor").
import { gazetteerTags } from '../../lexicon/gazetteers/index.js'
import { lexicon, roleClass } from './lexicon.js'

/** Opening and closing quotation marks around a quoted name. */
const OPEN_QUOTES = '"“„‘«'
const CLOSE_QUOTES = '"”’»“'
/** A quoted run of one to five capitalised words (the name inside, without the marks). */
const QUOTED_CAPS_RE = /["“„‘«](\p{Lu}[\p{L}\p{N}-]*(?: \p{Lu}[\p{L}\p{N}-]*){0,4})["”’»“]/gu
/** An acronym: two to six capitals (with & or periods inside), as in "FU", "CNN", "NYU", "AT&T". */
const ACRONYM_RE = /^\p{Lu}(?:[\p{Lu}&]|\.(?=\p{Lu})){1,5}\.?$/u
/** Lower-case words allowed between an acronym and its role noun ("FU conflict observer", "CNN senior analyst"). */
const MAX_ROLE_MODIFIERS = 3
/** Lower-case words that end the look for a role noun after an acronym (a clause goes on, not a role phrase). */
const NOT_MODIFIERS = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'is', 'was', 'are', 'were', 'has', 'had', 'said', 'says', 'that', 'which', 'who'])

/** Capitalised org head words ("Group", "Company", "Council"): the org nouns of the lexicon in title case. */
let heads: Set<string> | undefined
export function orgHeadWords(): ReadonlySet<string> {
  if (!heads) heads = new Set([...lexicon().orgNouns].filter((n) => !n.includes(' ')).map((n) => n[0]!.toUpperCase() + n.slice(1)).concat(ORG_HEADS_EXTRA))
  return heads
}
/** Head words of institutions that are not in the org-noun list (which lists nouns that cue a following name). */
const ORG_HEADS_EXTRA = ['Council', 'Committee', 'Commission', 'Corporation', 'Holding', 'Holdings', 'Industries']

/** Does the name (two words or more) begin or end with an org head word ("Group Wagner", "Wagner Group")? */
export function hasOrgHead(name: string): boolean {
  const ws = name.split(/\s+/).filter(Boolean)
  if (ws.length < 2) return false
  const h = orgHeadWords()
  return h.has(ws[0]!) || h.has(ws[ws.length - 1]!)
}

/** Quoted names with an org head word in the text: [start, end) of the name inside the quotation marks. */
export function quotedOrgNames(text: string): { start: number; end: number; name: string }[] {
  const out: { start: number; end: number; name: string }[] = []
  QUOTED_CAPS_RE.lastIndex = 0
  for (let r = QUOTED_CAPS_RE.exec(text); r; r = QUOTED_CAPS_RE.exec(text)) {
    const name = r[1]!
    if (!hasOrgHead(name)) continue
    const start = r.index + 1
    out.push({ start, end: start + name.length, name })
  }
  return out
}

/** Is the span a quoted name followed by a lower-case org noun (the “Mozart” group, “Sparta” battalion)? */
export function quotedBeforeOrgNoun(text: string, start: number, end: number): boolean {
  if (!OPEN_QUOTES.includes(text[start - 1] ?? '') || !CLOSE_QUOTES.includes(text[end] ?? '')) return false
  const m = /^\s+([\p{Ll}-]+(?: [\p{Ll}-]+)?)/u.exec(text.slice(end + 1, end + 40))
  if (!m) return false
  const nouns = lexicon().orgNouns
  const [first] = m[1]!.split(' ')
  return nouns.has(m[1]!) || nouns.has(first!)
}

/** Is the word an acronym that names no country or state and is no party or nationality ("US", "UK", "GOP" are not orgs here)? */
export function orgAcronym(word: string): boolean {
  if (!ACRONYM_RE.test(word)) return false
  const lx = lexicon()
  if (lx.parties.has(word) || lx.nationalities.has(word) || lx.roles.has(word.toLowerCase()) || lx.honorifics.has(word)) return false
  return !(gazetteerTags([word])[0] ?? []).some((t) => /^(?:country|state):/.test(t))
}

/**
 * End offset of a role phrase right after `end` ("FU| conflict observer", "CNN| anchor"): up to
 * MAX_ROLE_MODIFIERS lower-case words and a role noun (singular or plural); -1 when none.
 */
export function roleAfter(text: string, end: number): number {
  const re = /^ ([\p{L}-]+)/u
  let p = end
  for (let k = 0; k <= MAX_ROLE_MODIFIERS; k++) {
    const m = re.exec(text.slice(p, p + 40))
    if (!m) return -1
    const w = m[1]!
    const lw = w.toLowerCase()
    p += m[0].length
    if (roleClass(lw) !== undefined) return p
    if (w !== lw || NOT_MODIFIERS.has(lw)) return -1
  }
  return -1
}

/** An acronym right before a role noun: "FU conflict observer", "CNN anchor", "NYU professor". */
export function acronymBeforeRole(text: string, start: number, end: number): boolean {
  return orgAcronym(text.slice(start, end)) && roleAfter(text, end) > 0
}
