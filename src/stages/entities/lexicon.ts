// Loads the word lists this stage reads (src/lexicon/roles, aliases, people) once, lazily, into lookup sets.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { firstNameGender as gazetteerGender } from '../../lexicon/gazetteers/index.js'
import { foldName } from './names.js'

const LEXICON_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../lexicon')

function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(join(LEXICON_DIR, rel), 'utf8')) as T
}

export interface RoleLexicon {
  /** lower-case role noun (possibly multiword) -> class */
  readonly roles: Map<string, string>
  /** longest role noun, in words */
  readonly maxWords: number
  readonly nationalities: Set<string>
  /** honorific as written -> gender if it tells one */
  readonly honorifics: Map<string, 'f' | 'm' | undefined>
  /** abbreviated honorific -> the full title it stands for ("Sen." -> "Senator") */
  readonly honorificTitles: Map<string, string>
  readonly metonyms: Set<string>
  readonly female: Set<string>
  readonly male: Set<string>
  /** lower-case nouns that mark the next name as an organisation */
  readonly orgNouns: Set<string>
  /** capitalised words never part of the front of a person's name */
  readonly notNameWords: Set<string>
  /** party word as written ("Democratic", "GOP") -> party value ("Democrat") */
  readonly parties: Map<string, string>
  /** one-letter party codes of US style "(D-Ohio)" */
  readonly partyCodes: Map<string, string>
  /** capitalised words that end org names, never person names ("Observer", "Foundation") */
  readonly orgFinalWords: Set<string>
  /** AP state abbreviation as written ("Ark.") -> state name ("Arkansas") */
  readonly stateAbbreviations: Map<string, string>
  /** two-letter postal code -> state, read only in "(R-IN)" tags */
  readonly statePostalCodes: Map<string, string>
  /** folded names of holidays, weekdays and months: always MISC */
  readonly calendarNames: Set<string>
}

const STAGE_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'data')
function readStageJson<T>(file: string): T {
  return JSON.parse(readFileSync(join(STAGE_DATA_DIR, file), 'utf8')) as T
}

let cached: RoleLexicon | undefined

export function lexicon(): RoleLexicon {
  if (cached) return cached
  const r = readJson<{ roles: { noun: string; class: string }[] }>('roles/roles.json')
  const roles = new Map<string, string>()
  let maxWords = 1
  for (const { noun, class: cls } of r.roles) {
    roles.set(noun.toLowerCase(), cls)
    maxWords = Math.max(maxWords, noun.split(' ').length)
  }
  const n = readJson<{ adjectives: string[] }>('roles/nationalities.json')
  const h = readJson<{ honorifics: { word: string; gender?: 'f' | 'm'; title?: string }[] }>('roles/honorifics.json')
  const m = readJson<{ names: string[] }>('aliases/metonyms.json')
  const states = readStageJson<{ states: Record<string, string>; postal: Record<string, string> }>('state-abbreviations.json')
  const pj = readJson<{ words: Record<string, string>; codes: Record<string, string> }>('roles/parties.json')
  const f = readJson<{ f: string[]; m: string[] }>('people/first-names.json')
  cached = {
    roles,
    maxWords,
    nationalities: new Set(n.adjectives),
    honorifics: new Map(h.honorifics.map((x) => [x.word, x.gender])),
    honorificTitles: new Map(h.honorifics.flatMap((x) => (x.title ? [[x.word, x.title] as const] : []))),
    metonyms: new Set(m.names.map((x) => x.toLowerCase())),
    female: new Set(f.f),
    male: new Set(f.m),
    orgNouns: new Set(readStageJson<{ nouns: string[] }>('org-nouns.json').nouns),
    notNameWords: new Set(readStageJson<{ words: string[] }>('not-name-words.json').words),
    parties: new Map(Object.entries(pj.words)),
    partyCodes: new Map(Object.entries(pj.codes)),
    orgFinalWords: new Set(readStageJson<{ words: string[] }>('org-final-words.json').words),
    stateAbbreviations: new Map(Object.entries(states.states)),
    statePostalCodes: new Map(Object.entries(states.postal)),
    calendarNames: new Set(readStageJson<{ names: string[] }>('calendar-names.json').names.map(foldName)),
  }
  return cached
}

/** Plural role nouns ("experts", "analysts") map to their singular for lookups. */
export function roleClass(noun: string): string | undefined {
  const lx = lexicon()
  const n = noun.toLowerCase().replace(/^(?:the|a|an)\s+/, '').trim()
  return lx.roles.get(n) ?? lx.roles.get(n.replace(/s$/, ''))
}

/** 'f' | 'm' from the NER gazetteer's first-name lists, then from this stage's small Slavic-heavy fallback list. */
export function firstNameGender(word: string): 'f' | 'm' | undefined {
  const w = word.toLowerCase()
  const lx = lexicon()
  if (lx.female.has(w) && !lx.male.has(w)) return 'f'
  if (lx.male.has(w) && !lx.female.has(w)) return 'm'
  return gazetteerGender(w)
}
