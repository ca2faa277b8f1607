// Name helpers shared by the within-article stage and cross-article linking (src/link/entities.ts):
// splitting a surface into name words, a transliteration-aware key for Latin spellings of Slavic names,
// and the alias table (exonyms, renamed places) from src/lexicon/aliases/aliases.json.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { EntityType } from '../../doc/layers.js'

/** Possessive endings the tagger may leave on a name ("Putin’s", "Belarus’"): stripped before comparing. */
const POSSESSIVE_RE = /(?:['’]s|s['’])$|['’]$/
/** Quotes and punctuation around a name that are never part of it. */
const EDGE_PUNCT_RE = /^[\s"“”„‘’'«»(\[]+|[\s"“”„‘’'«»)\],.;:!?]+$/g
/** Words that head an org name but say nothing about which org ("Group Wagner" = "Wagner Group"). */
const GENERIC_ORG_WORDS = new Set(['group', 'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'plc', 'gmbh', 'ag', 'the', 'co'])
/** Lower-case particles inside names (von der Leyen, University of St. Gallen). */
const NAME_PARTICLES = new Set(['of', 'for', 'and', 'the', 'de', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'da', 'di', 'al', 'bin', 'ibn'])

/** Abbreviations whose final period belongs to a name ("Apple Inc.", "Martin Luther King Jr."). */
const NAME_FINAL_ABBREVIATION_RE = /(?:^|\s)(?:Inc|Co|Corp|Ltd|Jr|Sr|Bros|St)\.$/

/** Memo tables for the name functions below: names repeat within and across articles. Cleared when this big. */
const MEMO_LIMIT = 50_000
function memo(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>()
  return (s) => {
    let v = cache.get(s)
    if (v === undefined) {
      if (cache.size >= MEMO_LIMIT) cache.clear()
      v = fn(s)
      cache.set(s, v)
    }
    return v
  }
}

/** Strips edge punctuation, a leading "the" and a possessive ending: "the Kremlin’s" → "Kremlin". */
export const cleanName = memo(cleanNameUncached)
function cleanNameUncached(surface: string): string {
  const keepPeriod = NAME_FINAL_ABBREVIATION_RE.test(surface.trimEnd())
  let s = surface.replace(EDGE_PUNCT_RE, '')
  if (keepPeriod) s += '.'
  s = s.replace(/^the\s+/, '') // lower-case only: "The Hague" keeps its article
  s = s.replace(POSSESSIVE_RE, '')
  return s.replace(/\s+/g, ' ').trim()
}

/** Name words, without edge punctuation: "Ulrich Schmid" → ["Ulrich", "Schmid"]. Hyphenated parts stay one word. */
export function nameWords(name: string): string[] {
  return cleanName(name)
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter((w) => w.length > 0)
}

/** Plain lower-case ASCII-ish form for exact comparisons: diacritics, quotes and spacing folded. */
export const foldName = memo(foldNameUncached)
function foldNameUncached(name: string): string {
  return cleanName(name)
    .replace(/\.$/, '') // "Apple Inc." and "Apple Inc" (period cut at a sentence end) are one
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’‚‛´`]/g, "'")
    .replace(/\s+/g, ' ')
    .toLowerCase()
}

/** Letters that NFKD does not decompose, mapped to what English transliteration writes. */
const SPECIAL_LETTERS: Record<string, string> = { ß: 'ss', ø: 'o', ł: 'l', æ: 'ae', œ: 'oe', đ: 'd', ı: 'i' }
/** Diacritic letters that stand for a digraph in other spellings (Czech/Polish/Croatian): č = ch, š = sh, ž = zh. */
const DIGRAPH_LETTERS: Record<string, string> = { č: 'ch', ć: 'ch', š: 'sh', ś: 'sh', ž: 'zh', ź: 'zh', ż: 'zh' }

/**
 * Ordered rewrites that fold Latin spellings of one Slavic name onto one key. Each pair is
 * [pattern, replacement, reason]; order matters (longer clusters first).
 */
const KEY_RULES: readonly [RegExp, string, string][] = [
  [/tsch/g, 'h', 'German ч (Tschernihiw ~ Chernihiv)'],
  [/tch/g, 'h', 'French ч'],
  [/sch/g, 'sh', 'German ш (Lukaschenko ~ Lukashenko)'],
  [/sz/g, 'sh', 'Polish ш'],
  [/kh/g, 'h', 'English х (Tikhanovskaya)'],
  [/ch/g, 'h', 'German х and English ч fold together (Tichanovskaya ~ Tikhanovskaya, Charkiw ~ Kharkiv)'],
  [/zh/g, 'j', 'ж'],
  [/(?:ts|tz)/g, 'c', 'ц'],
  [/z/g, 's', 'German writes з as s (Selenskyj ~ Zelensky)'],
  [/w/g, 'v', 'German w = v (Gerassimow ~ Gerasimov)'],
  [/ph/g, 'f', 'Greek ph'],
  [/x/g, 'ks', 'x = ks'],
  [/ck/g, 'k', 'German ck'],
  [/ff$/g, 'v', 'old -off endings (Rachmaninoff)'],
  [/ou(?=[^aeiouy]|$)/g, 'u', 'French ou (Tsikhanouskaya)'],
  [/j/g, 'y', 'German/Polish j = й (Selenskyj)'],
  [/y/g, 'i', 'y and i fold (Zelenskyy ~ Zelenskij)'],
  [/ie$/g, 'i', 'final -ie'],
  [/([a-z])\1+/g, '$1', 'doubled letters (Zelenskyy, Gerassimow)'],
]

/**
 * Transliteration key of one name word: lower case, no diacritics, clusters folded by KEY_RULES.
 * "Zelenskyy", "Zelensky", "Selenskyj" → "selenski"; "Tikhanovskaya", "Tichanovskaya" → "tihanovskaia".
 */
export const translitKey = memo(translitKeyUncached)
function translitKeyUncached(word: string): string {
  let s = word.toLowerCase()
  s = s.replace(/[čćšśžźż]/g, (c) => DIGRAPH_LETTERS[c] ?? c)
  s = s.replace(/[ßøłæœđı]/g, (c) => SPECIAL_LETTERS[c] ?? c)
  s = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  s = s.replace(/[^a-z]/g, '')
  for (const [re, to] of KEY_RULES) s = s.replace(re, to)
  return s
}

/** Key of a whole name: the keys of its words joined by spaces. */
export function nameKey(name: string): string {
  return nameWords(name)
    .map((w) => (NAME_PARTICLES.has(w.toLowerCase()) ? w.toLowerCase() : translitKey(w)))
    .filter((w) => w.length > 0)
    .join(' ')
}

/** The surname of a person name: its last word that is not a particle or a suffix (Jr., III). */
export function surnameOf(name: string): string | undefined {
  const ws = nameWords(name).filter((w) => !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(w))
  return ws[ws.length - 1]
}

/** First names are compatible when their keys agree, or one is an initial (or a 4+ letter prefix) of the other. */
export function firstNamesCompatible(a: string, b: string): boolean {
  const ka = translitKey(a)
  const kb = translitKey(b)
  if (ka === kb) return true
  const ia = /^\p{Lu}\.?$/u.test(a)
  const ib = /^\p{Lu}\.?$/u.test(b)
  if (ia || ib) return ka[0] === kb[0]
  const [s, l] = ka.length <= kb.length ? [ka, kb] : [kb, ka]
  return s.length >= 4 && l.startsWith(s)
}

/** Distinctive words of an org name, order-free: "Wagner Group" and "Group Wagner" → "wagner". */
export function orgKey(name: string): string {
  const ws = nameWords(name)
    .map((w) => foldName(w).replace(/\.$/, ''))
    .filter((w) => !GENERIC_ORG_WORDS.has(w))
  return [...new Set(ws)].sort().join(' ')
}

/** "NSC" fits "National Security Council": its letters are word initials of the name, in order, from the first. */
export function acronymFits(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '').toUpperCase()
  const initials = name.split(/[\s-]+/).filter(Boolean).map((w) => w[0]!.toUpperCase()).join('')
  if (!letters || letters[0] !== initials[0]) return false
  let k = 0
  for (const c of initials) if (c === letters[k]) k++
  return k === letters.length
}

/** Initials of the capitalised words of a name: "National Security Council" → "NSC". */
export function initialsOf(name: string): string {
  return nameWords(name)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]!)
    .join('')
}

export interface AliasEntry {
  readonly type: EntityType
  readonly canonical: string
  readonly variants: readonly string[]
  readonly note: string
}

let aliasIndex: Map<string, AliasEntry> | undefined

/** The alias-table entry a name belongs to (as canonical or variant), compared folded; undefined if none. */
export function aliasEntry(name: string, type?: EntityType): AliasEntry | undefined {
  if (!aliasIndex) {
    const file = join(dirname(fileURLToPath(import.meta.url)), '../../lexicon/aliases/aliases.json')
    const raw = JSON.parse(readFileSync(file, 'utf8')) as { entries: AliasEntry[] }
    aliasIndex = new Map()
    for (const e of raw.entries) {
      for (const n of [e.canonical, ...e.variants]) aliasIndex.set(`${e.type}|${foldName(n).replace(/\./g, '')}`, e)
    }
  }
  const f = foldName(name).replace(/\./g, '') // "U.S." and "U.S" (period cut at a sentence end) are one
  if (type) return aliasIndex.get(`${type}|${f}`)
  for (const t of ['PER', 'ORG', 'LOC', 'MISC'] as const) {
    const e = aliasIndex.get(`${t}|${f}`)
    if (e) return e
  }
  return undefined
}
