// Attribution cues as data (verbs.json, phrases.json, speakers.json, media.json), compiled once into
// lookup tables keyed by lower-case word sequences. The inflection rule lives here so the JSON lists
// stay one entry per lemma.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { CueType } from '../../doc/layers.js'
export type { CueType }
export type Tense = 'past' | 'present' | 'future'

export interface CueForm {
  /** Lower-case words of the form, e.g. ['pointed', 'out']. */
  readonly words: readonly string[]
  readonly lemma: string
  readonly type: CueType
  readonly tense?: Tense
  /** The verb usually takes an addressee before the content (told Blick that ...). */
  readonly object?: boolean
  /** Form is a participle/-ing form (saying, said): tense then comes from an auxiliary when there is one. */
  readonly participle?: boolean
  /** Outside a direct quote, only cues content introduced by "that" or a colon. */
  readonly needsThat?: boolean
  /** An act verb that attributes only when its object is something said ('rejected the notion', not 'rejected an offer'). */
  readonly saidObject?: boolean
}

interface VerbEntry {
  lemma: string
  type: 'speech' | 'belief' | 'finding' | 'directive' | 'act'
  past?: string
  pastParticiple?: string
  ing?: string
  object?: boolean
  needsThat?: boolean
  saidObject?: boolean
}
interface PhraseEntry {
  text: string
  lemma: string
  tense?: Tense
}

const here = dirname(fileURLToPath(import.meta.url))
function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(here, name), 'utf8')) as T
}

function thirdPerson(v: string): string {
  if (/(s|sh|ch|x|z)$/.test(v)) return `${v}es`
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ies`
  return `${v}s`
}
function pastOf(v: string): string {
  if (v.endsWith('e')) return `${v}d`
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`
  return `${v}ed`
}
function ingOf(v: string): string {
  if (v.endsWith('e') && !v.endsWith('ee')) return `${v.slice(0, -1)}ing`
  return `${v}ing`
}

/** All inflected forms of a (possibly multi-word) verb lemma: the first word inflects, particles stay. */
export function inflect(entry: VerbEntry): CueForm[] {
  const [head, ...rest] = entry.lemma.split(' ') as [string, ...string[]]
  const past = entry.past?.split(' ')[0] ?? pastOf(head)
  const pp = entry.pastParticiple ?? past
  const forms: [string, Tense, boolean][] = [
    [head, 'present', false],
    [thirdPerson(head), 'present', false],
    [past, 'past', false],
    [pp, 'past', true],
    [entry.ing ?? ingOf(head), 'present', true],
  ]
  const seen = new Set<string>()
  const out: CueForm[] = []
  for (const [w, tense, participle] of forms) {
    const key = `${w}|${participle}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ words: [w, ...rest], lemma: entry.lemma, type: entry.type, tense, participle, ...(entry.object ? { object: true } : {}), ...(entry.needsThat ? { needsThat: true } : {}), ...(entry.saidObject ? { saidObject: true } : {}) })
  }
  return out
}

export interface CueLexicon {
  /** Keyed by the first word of a form; longest forms first. */
  readonly byFirstWord: ReadonlyMap<string, readonly CueForm[]>
  readonly pronouns: ReadonlyMap<string, string>
  readonly roles: ReadonlySet<string>
  readonly groups: ReadonlySet<string>
  /** Medium/addressee introducers, as word arrays, longest first. */
  readonly media: readonly (readonly string[])[]
  /** Nouns naming something said: the object a 'saidObject' verb needs. */
  readonly sayingNouns: ReadonlySet<string>
}

let cached: CueLexicon | undefined

export function cueLexicon(): CueLexicon {
  if (cached) return cached
  const verbs = readJson<{ verbs: VerbEntry[] }>('verbs.json').verbs
  const phrases = readJson<{ source: PhraseEntry[]; noun: PhraseEntry[]; sayingNouns: string[] }>('phrases.json')
  const speakers = readJson<{ pronouns: Record<string, string>; roles: string[]; groups: string[] }>('speakers.json')
  const media = readJson<{ prepositions: string[] }>('media.json').prepositions
  const byFirst = new Map<string, CueForm[]>()
  const add = (f: CueForm): void => {
    const k = f.words[0]!
    const list = byFirst.get(k) ?? []
    if (!list.some((g) => g.words.join(' ') === f.words.join(' ') && g.participle === f.participle)) list.push(f)
    byFirst.set(k, list)
  }
  for (const v of verbs) for (const f of inflect(v)) add(f)
  for (const p of phrases.source) add({ words: p.text.split(' '), lemma: p.lemma, type: 'source', ...(p.tense ? { tense: p.tense } : {}) })
  for (const p of phrases.noun) add({ words: p.text.split(' '), lemma: p.lemma, type: 'noun', ...(p.tense ? { tense: p.tense } : {}) })
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length)
  cached = {
    byFirstWord: byFirst,
    pronouns: new Map(Object.entries(speakers.pronouns)),
    roles: new Set(speakers.roles),
    groups: new Set(speakers.groups),
    media: media.map((m) => m.split(' ')).sort((a, b) => b.length - a.length),
    sayingNouns: new Set(phrases.sayingNouns),
  }
  return cached
}
