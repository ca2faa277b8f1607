// Speaker phrases: finding the words that name who speaks next to a cue, and resolving them to an entity.
// Names resolve through their mention; he/she to the most recent person of a compatible gender; definite
// role nouns ("the expert") to the most recent person speaker, else to a person holding that role; groups
// ("Russian officials") stay unresolved and are reported as written. Anything else: null, never a guess.
import type { DocEntity, Mention } from '../../doc/layers.js'
import { cueLexicon } from '../../lexicon/cues/index.js'
import { DETERMINERS, INDEFINITE, PREPOSITIONS, TIME_WORDS, type Word } from './words.js'

/** Longest speaker phrase, in words. */
export const MAX_SPEAKER_WORDS = 9
/** How many blocks back a role noun may reach for the last person speaker. */
const ROLE_SPEAKER_BLOCKS = 4
/** How far back (characters) a pronoun may look for its antecedent. */
const PRONOUN_REACH = 1500
/** How many blocks back a definite descriptor ('the 45-year-old') may reach for the last person named. */
const DESCRIPTOR_BLOCKS = 1
/** An age descriptor: 'the 45-year-old'. */
const AGE_DESCRIPTOR = /^(\d{1,3})-year-old$/
/** Adjectives that follow the noun they describe in a speaker phrase ('a person close to X', 'sources familiar with Y'). */
const POSTNOMINAL_ADJECTIVES = new Set(['close', 'familiar', 'near', 'loyal', 'allied', 'opposed', 'sympathetic', 'briefed', 'knowledgeable'])

export type SpeakerKind = 'mention' | 'pronoun' | 'role' | 'group' | 'name'

export interface SpeakerRef {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly kind: SpeakerKind
  readonly mention?: number
  readonly head: string
  readonly definite: boolean
  /** For a relative pronoun ('who'): the phrase it stands for, which is resolved instead. */
  readonly antecedent?: SpeakerRef
  /** A role with a complement ('the secretary of state', 'the mayor of Kyiv'): an office of its own, not a word for the last speaker. */
  readonly qualified?: boolean
}

export interface Resolved {
  readonly entity: number | null
  readonly name: string | null
}

export interface SpeakerContext {
  readonly text: string
  /** Sorted by start. */
  readonly mentions: readonly Mention[]
  readonly entities: readonly DocEntity[]
  /** Ranges whose mentions are not antecedents (quoted words). */
  readonly quoted: readonly { start: number; end: number }[]
  /** Attributions made so far, in text order: position, block order and resolved person entity. */
  readonly speakers: { pos: number; blockOrder: number; entity: number }[]
  blockOrderAt(pos: number): number
}

function mentionsIn(ctx: SpeakerContext, start: number, end: number): number[] {
  const out: number[] = []
  // mentions are sorted by start: binary search for the first that may begin at start - 1
  let lo = 0
  let hi = ctx.mentions.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (ctx.mentions[mid]!.start < start - 1) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < ctx.mentions.length; i++) {
    const m = ctx.mentions[i]!
    if (m.start >= end) break
    if (m.end > start) out.push(i)
  }
  return out
}

const CAPITALIZED = /^\p{Lu}/u

/** Reads a speaker phrase from `words` (already cut at clause boundaries). Null when it names no speaker. */
export function readSpeaker(ctx: SpeakerContext, words: readonly Word[]): SpeakerRef | null {
  if (words.length === 0 || words.length > MAX_SPEAKER_WORDS) return null
  const lex = cueLexicon()
  const first = words[0]!
  const last = words[words.length - 1]!
  const start = first.start
  const end = last.end
  if (words.length === 1 && lex.pronouns.has(first.lower)) {
    return { start, end, text: ctx.text.slice(start, end), kind: 'pronoun', head: first.lower, definite: true }
  }
  // head = word before the first preposition ("a reporter for USA Today" -> reporter)
  let headIdx = words.length - 1
  for (let i = 1; i < words.length; i++) {
    if (PREPOSITIONS.has(words[i]!.lower)) {
      headIdx = i - 1
      break
    }
  }
  // 'a person close to the Clintons', 'sources familiar with the talks': the noun before the adjective heads the phrase
  if (headIdx > 0 && POSTNOMINAL_ADJECTIVES.has(words[headIdx]!.lower)) headIdx--
  const headEnd = words[headIdx]!.end
  // a time is no speaker ('in February showed', 'Nov 3')
  if (TIME_WORDS.has(words[headIdx]!.lower) && words.slice(0, headIdx + 1).every((w) => TIME_WORDS.has(w.lower) || /^\d+$/.test(w.text) || PREPOSITIONS.has(w.lower) || DETERMINERS.has(w.lower))) return null
  const ms = mentionsIn(ctx, start, headEnd).filter((i) => ctx.mentions[i]!.type !== 'MISC' || words.length === 1)
  const definite = !INDEFINITE.has(first.lower)
  const head = words[headIdx]!.lower
  const head2 = headIdx > 0 ? `${words[headIdx - 1]!.lower} ${head}` : head
  // a person named at the head ("spokeswoman Melezia Figueroa") or as its possessor ("Gerasimov’s observations")
  const headStart = words[headIdx]!.start
  // (the last such mention)
  let person: number | undefined
  for (let k = ms.length - 1; k >= 0 && person === undefined; k--) if (personAt(ctx, ms[k]!, words, headStart, headEnd)) person = ms[k]!
  if (person !== undefined) return { start, end, text: ctx.text.slice(start, end), kind: 'mention', mention: person, head, definite }
  if (lex.roles.has(head2) || lex.roles.has(head) || AGE_DESCRIPTOR.test(head)) {
    const org = ms.find((i) => ctx.mentions[i]!.type === 'ORG')
    // 'the Fed chair', 'Apple's chief executive': an organisation in the phrase makes it a definite description of
    // whoever holds that role there (qualified: resolved only through the role, never the last speaker)
    return { start, end, text: ctx.text.slice(start, end), kind: 'role', head: lex.roles.has(head2) ? head2 : head, definite: definite && DETERMINERS.has(first.lower), ...(headIdx < words.length - 1 || org !== undefined ? { qualified: true } : {}) }
  }
  let named: number | undefined
  for (let k = ms.length - 1; k >= 0 && named === undefined; k--) if (ctx.mentions[ms[k]!]!.end >= headEnd - 1) named = ms[k]!
  if (named !== undefined) return { start, end, text: ctx.text.slice(start, end), kind: 'mention', mention: named, head, definite }
  // a group, or people of a role ('Western diplomats', 'senators')
  if (lex.groups.has(head2) || lex.groups.has(head) || (head.length > 3 && head.endsWith('s') && lex.roles.has(head.slice(0, -1)))) return { start, end, text: ctx.text.slice(start, end), kind: 'group', head, definite }
  // an untagged name: capitalised words, and not a lone sentence-initial word ("Experience has shown")
  const sentenceInitial = /(^|[.!?:“"‘]\s*|\n\s*)$/.test(ctx.text.slice(Math.max(0, start - 3), start))
  if (words.length <= 4 && words.slice(0, headIdx + 1).every((w) => CAPITALIZED.test(w.text)) && !DETERMINERS.has(first.lower) && !(words.length === 1 && sentenceInitial)) {
    return { start, end, text: ctx.text.slice(start, end), kind: 'name', head, definite }
  }
  return null
}

/** Mention i is a person named at the phrase's head ('spokeswoman Melezia Figueroa') or as its possessor ('Gerasimov’s observations'). */
function personAt(ctx: SpeakerContext, i: number, words: readonly Word[], headStart: number, headEnd: number): boolean {
  const m = ctx.mentions[i]!
  if (m.type !== 'PER') return false
  if (m.end >= headStart || /^[’']s?\b/.test(ctx.text.slice(m.end, m.end + 2))) return true
  // only capitalised words after the name ('observer Nikita Gerasimov Berlin'): a place or an affiliation
  const after = words.filter((w) => w.start >= m.end && w.end <= headEnd)
  return after.length > 0 && after.length <= 2 && after.every((w) => CAPITALIZED.test(w.text))
}

/**
 * A definite descriptor with no speaker or role holder to refer to ('Ukraine's President Selenskyj ... the
 * 45-year-old said') names the most recent person mentioned in this or the previous paragraph, outside quotes.
 * (Stands in for the entities stage's resolveDescriptor until that lands.)
 */
function descriptorFallback(ctx: SpeakerContext, ref: SpeakerRef, skip: { start: number; end: number } | null): Resolved {
  const here = ctx.blockOrderAt(ref.start)
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!
    if (m.start >= ref.start) continue
    if (here - ctx.blockOrderAt(m.start) > DESCRIPTOR_BLOCKS) break
    if (m.type !== 'PER' || m.entity === undefined) continue
    if (skip && m.start >= skip.start && m.end <= skip.end) continue
    if (insideQuoted(ctx, m.start)) continue
    const e = ctx.entities[m.entity]
    if (e) return { entity: m.entity, name: e.name }
  }
  return { entity: null, name: null }
}

function insideQuoted(ctx: SpeakerContext, pos: number): boolean {
  for (const q of ctx.quoted) if (pos >= q.start && pos < q.end) return true
  return false
}

function entityName(ctx: SpeakerContext, entity: number): string | null {
  return ctx.entities[entity]?.name ?? null
}

/** The entity and display name a speaker phrase refers to; `skip` is the attributed content (no antecedents there). */
export function resolveSpeaker(ctx: SpeakerContext, ref: SpeakerRef, skip: { start: number; end: number } | null, opts: { fallback?: boolean } = {}): Resolved {
  if (ref.antecedent) return resolveSpeaker(ctx, ref.antecedent, skip, opts)
  switch (ref.kind) {
    case 'mention': {
      const m = ctx.mentions[ref.mention!]!
      if (m.entity !== undefined && ctx.entities[m.entity]) return { entity: m.entity, name: entityName(ctx, m.entity) }
      return { entity: null, name: m.text }
    }
    case 'name':
      return { entity: null, name: ref.text }
    case 'group':
      return { entity: null, name: ref.text.replace(/^(the|The)\s+/, '') }
    case 'pronoun': {
      const g = cueLexicon().pronouns.get(ref.head)
      if (g !== 'm' && g !== 'f') return { entity: null, name: null }
      for (let i = ctx.mentions.length - 1; i >= 0; i--) {
        const m = ctx.mentions[i]!
        if (m.start >= ref.start) continue
        if (ref.start - m.end > PRONOUN_REACH) break
        if (m.type !== 'PER' || m.entity === undefined) continue
        if (skip && m.start >= skip.start && m.end <= skip.end) continue
        if (insideQuoted(ctx, m.start)) continue
        const e = ctx.entities[m.entity]
        if (!e) continue
        if (e.gender && e.gender !== g) continue
        return { entity: m.entity, name: e.name }
      }
      return { entity: null, name: null }
    }
    case 'role': {
      if (!ref.definite) return { entity: null, name: ref.text }
      // without fallback (model attributions) only a person the article gives that role resolves it
      if (opts.fallback === false || ref.qualified) return roleHolder(ctx, ref) ?? { entity: null, name: ref.text.replace(/^(the|The)\s+/, '') }
      const here = ctx.blockOrderAt(ref.start)
      for (let i = ctx.speakers.length - 1; i >= 0; i--) {
        const s = ctx.speakers[i]!
        if (s.pos >= ref.start) continue
        if (here - s.blockOrder > ROLE_SPEAKER_BLOCKS) break
        if (ctx.entities[s.entity]?.type === 'PER') return { entity: s.entity, name: entityName(ctx, s.entity) }
      }
      return roleHolder(ctx, ref) ?? descriptorFallback(ctx, ref, skip)
    }
  }
}

/** The last person before the phrase whom the article gives its role (or age: 'the 45-year-old'). */
function roleHolder(ctx: SpeakerContext, ref: SpeakerRef): Resolved | null {
  const age = AGE_DESCRIPTOR.exec(ref.head)?.[1]
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!
    if (m.start >= ref.start || m.entity === undefined || m.type !== 'PER') continue
    const e = ctx.entities[m.entity]
    if (e && e.attributes.some((a) => (age ? a.name === 'age' && a.value === age : a.value.toLowerCase().includes(ref.head)))) return { entity: m.entity, name: e.name }
  }
  return null
}
