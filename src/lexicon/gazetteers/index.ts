// Name lists for the tagger and for other stages, compiled by scripts/build-gazetteers.ts into gazetteers.json
// (names stored as their tokens joined by single spaces). Loaded once, lazily.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type GazetteerName = 'country' | 'city' | 'state' | 'demonym' | 'org' | 'orgword' | 'female' | 'male'
export const GAZETTEER_NAMES: readonly GazetteerName[] = ['country', 'city', 'state', 'demonym', 'org', 'orgword', 'female', 'male']

/** Lists whose names may be matched as multi-word phrases (first names and org words are single-token cues). */
const PHRASE_LISTS: readonly GazetteerName[] = ['country', 'city', 'state', 'demonym', 'org']

interface Index {
  /** lower-cased phrase -> list ids it belongs to */
  readonly phrases: Map<string, number>
  /** lower-cased first word -> longest phrase length starting with it */
  readonly maxLen: Map<string, number>
  readonly orgword: Set<string>
  readonly female: Set<string>
  readonly male: Set<string>
}

let index: Index | undefined

function load(): Index {
  if (index) return index
  const file = join(dirname(fileURLToPath(import.meta.url)), 'gazetteers.json')
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<GazetteerName, string[]>
  const phrases = new Map<string, number>()
  const maxLen = new Map<string, number>()
  PHRASE_LISTS.forEach((name, bit) => {
    for (const p of raw[name] ?? []) {
      const key = p.toLowerCase()
      phrases.set(key, (phrases.get(key) ?? 0) | (1 << bit))
      const words = key.split(' ')
      const first = words[0]!
      if ((maxLen.get(first) ?? 0) < words.length) maxLen.set(first, words.length)
    }
  })
  const lower = (xs: string[] | undefined): Set<string> => new Set((xs ?? []).map((x) => x.toLowerCase()))
  index = { phrases, maxLen, orgword: new Set(raw.orgword ?? []), female: lower(raw.female), male: lower(raw.male) }
  return index
}

/** True when the word is a known English first name (case-insensitive). */
export function isFirstName(word: string): boolean {
  const w = word.toLowerCase()
  const g = load()
  return g.female.has(w) || g.male.has(w)
}

/** 'f' or 'm' when the first name lists tell, undefined when unknown or listed as both. */
export function firstNameGender(word: string): 'f' | 'm' | undefined {
  const w = word.toLowerCase()
  const g = load()
  const f = g.female.has(w)
  const m = g.male.has(w)
  return f === m ? undefined : f ? 'f' : 'm'
}

function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0)
  if (c >= 65 && c <= 90) return true
  if (c < 128) return false
  const ch = w[0]!
  return ch !== ch.toLowerCase()
}

/**
 * Gazetteer cues per token, as short strings ("country:B", "city:I", "female", "orgword"): phrases are matched
 * case-insensitively but must start with a capitalised token. Used as tagger features.
 */
export function gazetteerTags(words: readonly string[]): string[][] {
  const g = load()
  const out: string[][] = words.map(() => [])
  const lower = words.map((w) => w.toLowerCase())
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!
    if (!startsUpper(w)) continue
    const lw = lower[i]!
    if (g.female.has(lw)) out[i]!.push('female')
    if (g.male.has(lw)) out[i]!.push('male')
    if (g.orgword.has(w)) out[i]!.push('orgword')
    const max = g.maxLen.get(lw)
    if (!max) continue
    let key = lw
    for (let len = 1; len <= max && i + len <= words.length; len++) {
      if (len > 1) key += ' ' + lower[i + len - 1]!
      const bits = g.phrases.get(key)
      if (bits === undefined) continue
      PHRASE_LISTS.forEach((name, bit) => {
        if (!(bits & (1 << bit))) return
        if (len === 1) out[i]!.push(`${name}:U`)
        else {
          out[i]!.push(`${name}:B`)
          for (let k = i + 1; k < i + len - 1; k++) out[k]!.push(`${name}:I`)
          out[i + len - 1]!.push(`${name}:L`)
        }
      })
    }
  }
  return out
}
