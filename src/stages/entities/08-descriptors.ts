// Step 8: descriptor noun phrases that point back at a person ("the 45-year-old", "the former minister",
// "the Democrat"). Ages from "the 45-year-old said" go to the person in focus, "45-year-old X" and "X, a
// 45-year-old ..." to X. `resolveDescriptorIn` is also what the exported `resolveDescriptor` (quote speakers) uses.
import type { Attribute } from '../../doc/layers.js'
import { roleFit } from './06-attributes.js'
import { lexicon, roleClass } from './lexicon.js'
import { lastStartingAtOrBefore, type Work } from './work.js'

/** "the 45-year-old", "a 45-year-old", "45-year-old" (hyphens of any kind). */
const AGE_DESCRIPTOR_RE = /(?<![\p{L}\p{N}-])(?:(the|a|an|The|A|An)\s+)?(\d{1,3})[-‐‑–]years?[-‐‑–]old(?![\p{L}-])/gu
/** The literal part of an age descriptor, for a fast first check. */
const ANY_AGE_RE = /years?[-‐‑–]old/
/** Plausible ages of a person. */
const AGE_MIN = 1
const AGE_MAX = 115
/** Words after "the 45-year-old" that show it stands for a person on its own: a verb or a clause follows. */
const CLAUSE_AFTER_RE = /^\s*(?:[,.;:!?"“”'’)—–-]|$|(?:said|says|told|tells|added|adds|has|had|have|is|was|will|would|could|can|may|might|must|who|also|then|later|still|insisted|argued|denied|admitted|replied|wrote|stressed|warned|explained|noted|declined|refused|did|does|remains|remained|became|appeared|left|won|lost)\b)/
/** Person nouns a descriptor may end in besides role nouns ("the 45-year-old man"). Gender where the noun tells it. */
const PERSON_NOUNS: ReadonlyMap<string, 'f' | 'm' | undefined> = new Map([
  ['man', 'm'], ['woman', 'f'], ['boy', 'm'], ['girl', 'f'], ['father', 'm'], ['mother', 'f'], ['son', 'm'], ['daughter', 'f'],
  ['husband', 'm'], ['wife', 'f'], ['brother', 'm'], ['sister', 'f'], ['grandfather', 'm'], ['grandmother', 'f'],
  ['person', undefined], ['native', undefined], ['resident', undefined], ['veteran', undefined], ['politician', undefined],
])
/** Modifiers a descriptor may carry that say nothing about which person it is ("the former minister"). */
const IGNORED_MODIFIERS = new Set(['former', 'ex', 'then', 'outgoing', 'incoming', 'current', 'embattled', 'longtime', 'veteran', 'retired', 'late', 'jailed', 'exiled', 'ousted', 'newly', 'elected', 'acting', 'interim', 'senior', 'junior', 'top', 'chief', 'prominent', 'controversial', 'married', 'divorced'])
/** A descriptor is resolved among people mentioned at most this many characters before it. */
const MAX_LOOKBACK_CHARS = 6000
/** A free-standing "the 45-year-old" points at a person named at most this many sentences back (0 = same). */
const FOCUS_SENTENCES = 1

export interface DescriptorEntity {
  readonly type: string
  readonly attributes: readonly Attribute[]
  readonly gender?: 'f' | 'm' | undefined
}

interface Parsed {
  age?: number
  role?: string
  party?: string
  nationality?: string
  gender?: 'f' | 'm'
  /** true when no noun is left ("the 45-year-old"): any person fits */
  bare: boolean
}

/** Reads a descriptor phrase: "the 45-year-old former energy minister" → age 45, role "energy minister". */
export function parseDescriptor(phrase: string): Parsed | undefined {
  const lx = lexicon()
  let s = phrase.trim().replace(/^(?:the|a|an|this|that)\s+/i, '')
  const out: Parsed = { bare: true }
  const age = /(\d{1,3})[-‐‑–]years?[-‐‑–]old/.exec(s)
  if (age) {
    out.age = Number(age[1])
    s = s.replace(age[0], ' ')
  }
  const ws = s
    .split(/\s+/)
    .map((w) => w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ''))
    .filter((w) => w && !IGNORED_MODIFIERS.has(w.toLowerCase().replace(/-$/, '')))
  if (ws.length === 0) return out.age !== undefined ? out : undefined
  const head = ws[ws.length - 1]!
  const party = lx.parties.get(head) ?? lx.parties.get(head.replace(/^\p{Ll}/u, (c) => c.toUpperCase()))
  if (party !== undefined) {
    out.party = party
    out.bare = false
    return out
  }
  if (lx.nationalities.has(head)) {
    out.nationality = head
    out.bare = false
    return out
  }
  const lower = ws.map((w) => w.toLowerCase())
  if (PERSON_NOUNS.has(lower[lower.length - 1]!)) {
    const g = PERSON_NOUNS.get(lower[lower.length - 1]!)
    if (g) out.gender = g
    if (ws.length >= 2 && lx.nationalities.has(ws[ws.length - 2]!)) out.nationality = ws[ws.length - 2]!
    return out
  }
  for (let n = Math.min(lx.maxWords, lower.length); n >= 1; n--) {
    const noun = lower.slice(-n).join(' ')
    if (roleClass(noun)) {
      // Keep the lower-case modifiers before the role noun ("energy minister"), not nationalities.
      const mods = lower.slice(0, -n).filter((w, i) => !lx.nationalities.has(ws[i]!))
      out.role = [...mods, noun].join(' ')
      if (ws.length > n && lx.nationalities.has(ws[ws.length - n - 1]!)) out.nationality = ws[ws.length - n - 1]!
      out.bare = false
      return out
    }
  }
  return undefined
}

function values(e: DescriptorEntity, name: string): string[] {
  return e.attributes.filter((a) => a.name === name).map((a) => a.value)
}

/** Does the entity fit everything the descriptor says (age, party, nationality, gender; role checked apart)? */
function compatible(e: DescriptorEntity, d: Parsed): boolean {
  if (e.type !== 'PER') return false
  const ages = values(e, 'age')
  if (d.age !== undefined && ages.length > 0 && !ages.includes(String(d.age))) return false
  if (d.party !== undefined && !values(e, 'party').includes(d.party)) return false
  if (d.nationality !== undefined && !d.role && !values(e, 'nationality').includes(d.nationality)) return false
  if (d.gender && e.gender && e.gender !== d.gender) return false
  return true
}

/**
 * The entity a descriptor phrase points back to, among people mentioned before `before`: the latest one that
 * fits the role (the same role noun first, then one of its class), party, nationality, age and gender the
 * phrase states. A bare age ("the 45-year-old") is the latest person whose age is that or unknown.
 */
export function resolveDescriptorIn(
  mentions: readonly { start: number }[],
  entities: readonly DescriptorEntity[],
  mentionEntity: readonly number[],
  phrase: string,
  before: number,
): number | undefined {
  const d = parseDescriptor(phrase)
  if (!d) return undefined
  const fit = d.role ? roleFit(d.role) : undefined
  const scan = (ok: (ei: number) => boolean): number | undefined => {
    for (let i = lastStartingAtOrBefore(mentions, before - 1); i >= 0; i--) {
      if (before - mentions[i]!.start > MAX_LOOKBACK_CHARS) break
      const ei = mentionEntity[i]
      if (ei !== undefined && ei >= 0 && ok(ei)) return ei
    }
    return undefined
  }
  const ok = (ei: number) => compatible(entities[ei]!, d)
  if (fit) {
    // The same role noun first ("the minister" is the energy minister, not the nearer president), then its class.
    const hit = scan((ei) => ok(ei) && fit(entities[ei]!) === 2)
    if (hit !== undefined) return hit
    return scan((ei) => ok(ei) && fit(entities[ei]!) >= 1)
  }
  if (d.age !== undefined) {
    // Someone stated to have this age wins over the nearest person of unknown age.
    const same = scan((ei) => ok(ei) && values(entities[ei]!, 'age').includes(String(d.age)))
    if (same !== undefined) return same
  }
  return scan(ok)
}

/**
 * Ages from "45-year-old" descriptors: "45-year-old X" and "X, a 45-year-old ..." give X's age; "the 45-year-old
 * said" the age of the person in focus (named in this or the previous sentence). "a 45-year-old" on its own
 * introduces someone new and is skipped.
 */
export function descriptorAges(work: Work, entities: { type: string; attributes: Attribute[]; gender?: 'f' | 'm' }[], mentionEntity: readonly number[]): void {
  const { text, mentions, sentences } = work
  if (!ANY_AGE_RE.test(text)) return // cheap scan first: most articles have no "-year-old"
  AGE_DESCRIPTOR_RE.lastIndex = 0
  for (let r = AGE_DESCRIPTOR_RE.exec(text); r; r = AGE_DESCRIPTOR_RE.exec(text)) {
    const v = Number(r[2])
    if (v < AGE_MIN || v > AGE_MAX) continue
    const as = r.index + r[0].indexOf(r[2]!)
    const age: Attribute = { name: 'age', value: String(v), start: as, end: as + r[2]!.length }
    const after = r.index + r[0].length
    let who: number | undefined
    // "45-year-old X", "the 45-year-old Ukrainian president X": a person named within the same noun phrase.
    const nextIdx = lastStartingAtOrBefore(mentions, after - 1) + 1
    const next = mentions[nextIdx]
    const between = next ? text.slice(after, next.start) : ''
    if (next && between.length <= 60 && /^(?:\s+[\p{L}.’'-]+){0,4}\s+$|^\s+$/u.test(between) && between.trim().split(/\s+/).every((w) => !w || titleWord(w))) {
      if (entities[mentionEntity[nextIdx]!]?.type === 'PER') who = mentionEntity[nextIdx]
    }
    const det = r[1]?.toLowerCase()
    if (who === undefined) {
      // "X, 45-year-old ...", "X, a 45-year-old former regulator," "X is a 45-year-old ...": the name just before.
      const pi = lastStartingAtOrBefore(mentions, r.index - 1)
      const prev = mentions[pi]
      if (prev && /^(?:,\s*|\s+(?:is|was|,\s*who\s+is)\s+)(?:(?:a|an|the)\s+)?$/i.test(text.slice(prev.end, r.index)) && entities[mentionEntity[pi]!]?.type === 'PER') who = mentionEntity[pi]
    }
    if (who === undefined && det === 'the' && CLAUSE_AFTER_RE.test(text.slice(after, after + 12))) {
      // "the 45-year-old said": the person in focus, named in this sentence or the one before.
      const si = lastStartingAtOrBefore(sentences, r.index)
      const from = sentences[Math.max(0, si - FOCUS_SENTENCES)]?.start ?? 0
      const cand = resolveDescriptorIn(mentions, entities, mentionEntity, `the ${v}-year-old`, r.index)
      const last = cand === undefined ? undefined : lastMentionOf(mentions, mentionEntity, cand, r.index)
      if (last !== undefined && last >= from) who = cand
    }
    if (who === undefined) continue
    const e = entities[who]!
    const ages = e.attributes.filter((a) => a.name === 'age').map((a) => a.value)
    if (ages.length === 0) e.attributes = [...e.attributes, age]
  }
}

let roleWords: Set<string> | undefined
/** Can this word stand in a title before a name ("Ukrainian", "former", "energy", "minister", "Sen.")? */
function titleWord(w: string): boolean {
  const lx = lexicon()
  if (!roleWords) roleWords = new Set([...lx.roles.keys()].flatMap((r) => r.split(' ')))
  return /^\p{Lu}/u.test(w) || roleWords.has(w.toLowerCase()) || IGNORED_MODIFIERS.has(w.toLowerCase())
}

/** Start of the entity's last mention before an offset (scans back from it), or undefined. */
function lastMentionOf(mentions: readonly { start: number }[], mentionEntity: readonly number[], entity: number, before: number): number | undefined {
  for (let i = lastStartingAtOrBefore(mentions, before - 1); i >= 0; i--) {
    if (before - mentions[i]!.start > MAX_LOOKBACK_CHARS) return undefined
    if (mentionEntity[i] === entity) return mentions[i]!.start
  }
  return undefined
}
