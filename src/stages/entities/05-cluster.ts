// Step 5: mentions of one entity become one cluster. Unions, each for a stated reason: stated aliases, the
// same name, the alias table, org word-order variants and sub-names, a person's surname (or a transliteration
// of it) joining the full name, full names with compatible first names. Persons never join places or orgs.
import type { Attribute, EntityType } from '../../doc/layers.js'
import { aliasEntry, firstNamesCompatible, foldName, initialsOf, nameWords, orgKey, translitKey } from './names.js'
import { firstNameGender, lexicon } from './lexicon.js'
import { hasOrgHead, orgHeadWords } from './org-rules.js'
import type { Work, WorkMention } from './work.js'

/** Legal forms and company or school head words that end an org name ("Inc.", "& Co.", "Motors", "University"):
 *  its first word alone names the org too ("JPMorgan", "Nordwind", "Hofstra"). Not "Music" (Apple Music is not
 *  Apple), not bodies of a state ("Senate Armed Services Committee" is not the Senate). */
const COMPANY_ENDS = new Set(['inc', 'co', 'corp', 'corporation', 'ltd', 'limited', 'llc', 'plc', 'ag', 'se', 'sa', 'nv', 'bv', 'spa', 'gmbh', 'group', 'holding', 'holdings', 'company', 'companies', 'industries', 'international', 'bank', 'bancorp', 'motors', 'airlines', 'airways', 'energy', 'petroleum', 'systems', 'technologies', 'pharmaceuticals', 'partners', 'associates', 'university', 'college'])
/** A one-word name shorter than this never joins a longer company name by its first word. */
const MIN_LEAD_WORD_LENGTH = 4
/** Above this many distinct org names, the pairwise sub-name rule is skipped to keep time bounded. */
const MAX_DISTINCT_ORG_NAMES = 3000

export interface WorkEntity {
  type: EntityType
  name: string
  aliases: string[]
  /** Indices into work.mentions, in text order. */
  mentions: number[]
  attributes: Attribute[]
  gender?: 'f' | 'm'
}

class UnionFind {
  private readonly parent: number[]
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i)
  }
  find(i: number): number {
    let r = i
    while (this.parent[r] !== r) r = this.parent[r]!
    while (this.parent[i] !== r) {
      const next = this.parent[i]!
      this.parent[i] = r
      i = next
    }
    return r
  }
  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
}

function unionByKey(uf: UnionFind, ms: readonly WorkMention[], keyOf: (m: WorkMention) => string | undefined): void {
  const first = new Map<string, number>()
  ms.forEach((m, i) => {
    const k = keyOf(m)
    if (k === undefined) return
    const f = first.get(k)
    if (f === undefined) first.set(k, i)
    else uf.union(f, i)
  })
}

export function cluster(work: Work): WorkEntity[] {
  const ms = work.mentions
  const uf = new UnionFind(ms.length)
  const index = new Map<WorkMention, number>()
  ms.forEach((m, i) => index.set(m, i))

  for (const l of work.links) {
    const a = index.get(l.a)
    const b = index.get(l.b)
    if (a !== undefined && b !== undefined) uf.union(a, b)
  }
  // A lone surname that several people here share ("Clinton" beside Hillary and Bill Clinton) is decided
  // mention by mention in persons(), so its mentions are not joined to each other by their equal name.
  const shared = sharedSurnames(ms)
  unionByKey(uf, ms, (m) => (m.type === 'PER' && surnameOnly(m.name) && shared.has(surnameKey(m.name)) ? undefined : `${m.type}|${foldName(m.name)}`))
  unionByKey(uf, ms, (m) => {
    const e = aliasEntry(m.name, m.type)
    return e ? `alias|${e.type}|${e.canonical}` : undefined
  })
  unionByKey(uf, ms, (m) => (m.type === 'ORG' || m.type === 'MISC') && orgKey(m.name) ? `org|${m.type}|${orgKey(m.name)}` : undefined)
  orgSubNames(uf, ms)
  persons(uf, ms, work.text)

  const groups = new Map<number, number[]>()
  ms.forEach((_, i) => {
    const r = uf.find(i)
    const g = groups.get(r)
    if (g) g.push(i)
    else groups.set(r, [i])
  })
  const entities: WorkEntity[] = []
  for (const idx of groups.values()) entities.push(describe(ms, idx, work.text))
  entities.sort((a, b) => ms[a.mentions[0]!]!.start - ms[b.mentions[0]!]!.start)
  return entities
}

/** Capitalised particles that start a surname written alone ("Van Voorhis", "De Gaulle", "Von der Leyen"). */
const SURNAME_PARTICLES = new Set(['Van', 'Von', 'De', 'Del', 'Della', 'Di', 'Da', 'Du', 'Le', 'La', 'Al', 'El', 'Bin', 'Ibn', 'Ter', 'Ten', 'Mac', 'St.'])

/** Is the name a surname alone: one word, or a particle and the rest ("Van Voorhis")? */
function surnameOnly(name: string): boolean {
  const ws = nameWords(name)
  return ws.length === 1 || (ws.length >= 2 && SURNAME_PARTICLES.has(ws[0]!))
}

/** Transliteration key of a person name's last word: what a surname-only mention is matched by. */
function surnameKey(name: string): string {
  const ws = nameWords(name)
  return translitKey(ws[ws.length - 1] ?? name)
}

/** Surname keys of two or more full person names whose first names are not compatible. */
function sharedSurnames(ms: readonly WorkMention[]): Set<string> {
  const firsts = new Map<string, string[]>()
  const out = new Set<string>()
  for (const m of ms) {
    if (m.type !== 'PER') continue
    const ws = nameWords(m.name)
    if (ws.length < 2 || SURNAME_PARTICLES.has(ws[0]!)) continue
    const k = translitKey(ws[ws.length - 1]!)
    const l = firsts.get(k) ?? []
    if (l.length === 0) firsts.set(k, l)
    if (l.some((f) => f === ws[0])) continue
    if (l.some((f) => !firstNamesCompatible(f, ws[0]!))) out.add(k)
    l.push(ws[0]!)
  }
  return out
}

/** "National Security Council" joins "US National Security Council", "NSC" joins it too, when only one org fits. */
function orgSubNames(uf: UnionFind, ms: readonly WorkMention[]): void {
  const names = new Map<string, { idx: number; words: Set<string>; raw: string; type: EntityType }>()
  ms.forEach((m, i) => {
    if (m.type !== 'ORG' && m.type !== 'MISC') return
    const f = `${m.type}|${foldName(m.name)}`
    if (!names.has(f)) names.set(f, { idx: i, words: new Set(orgKey(m.name).split(' ').filter(Boolean)), raw: m.name, type: m.type })
  })
  if (names.size > MAX_DISTINCT_ORG_NAMES) return
  const list = [...names.values()]
  for (const a of list) {
    const acronym = /^\p{Lu}[\p{Lu}.&]+$/u.test(a.raw) ? a.raw.replace(/[.&]/g, '') : undefined
    // "JPMorgan" for "JPMorgan Chase & Co.", "Goldman" for "Goldman Sachs Group Inc.": a one-word name that is
    // the first word of a company name ending in a legal form.
    const lead = a.words.size === 1 && !acronym && a.raw.length >= MIN_LEAD_WORD_LENGTH ? foldName(a.raw) : undefined
    if (a.words.size < 2 && !acronym && !lead) continue
    const roots = new Set<number>()
    let host = -1
    for (const b of list) {
      if (b === a || b.type !== a.type) continue
      const sub = a.words.size >= 2 && b.words.size > a.words.size && [...a.words].every((w) => b.words.has(w))
      const ac = acronym !== undefined && nameWords(b.raw).length >= 2 && initialsOf(b.raw) === acronym
      const bw = lead !== undefined ? nameWords(b.raw) : []
      const led = bw.length >= 2 && foldName(bw[0]!) === lead && COMPANY_ENDS.has(foldName(bw[bw.length - 1]!))
      if (sub || ac || led) {
        roots.add(uf.find(b.idx))
        host = b.idx
      }
    }
    if (roots.size === 1) uf.union(a.idx, host)
  }
}

/** Full names with one surname (or transliteration of it) and compatible first names join; a surname alone
 *  joins the only full name with it, or the nearest preceding one when several people share it. Works on
 *  distinct names (all mentions of one name are already joined), so it stays linear in mentions. */
function persons(uf: UnionFind, ms: readonly WorkMention[], text: string): void {
  interface Full { readonly idx: number; readonly first: string }
  const distinct = new Map<string, Full>()
  const fullBySurname = new Map<string, Full[]>()
  const fullByFirst = new Map<string, Full[]>()
  /** Mention indices (ascending = text order) of full names per surname key, for "nearest before". */
  const positions = new Map<string, number[]>()
  const singles: number[] = []
  const push = <T>(map: Map<string, T[]>, k: string, v: T) => {
    const l = map.get(k)
    if (l) l.push(v)
    else map.set(k, [v])
  }
  ms.forEach((m, i) => {
    if (m.type !== 'PER') return
    const ws = nameWords(m.name)
    if (ws.length >= 2 && !SURNAME_PARTICLES.has(ws[0]!)) {
      const sk = translitKey(ws[ws.length - 1]!)
      push(positions, sk, i)
      const f = foldName(m.name)
      if (distinct.has(f)) return
      const full = { idx: i, first: ws[0]! }
      distinct.set(f, full)
      push(fullBySurname, sk, full)
      push(fullByFirst, translitKey(ws[0]!), full)
    } else if (ws.length >= 1) singles.push(i) // "Lukashenko", "Van Voorhis"
  })
  for (const bucket of fullBySurname.values()) {
    for (let x = 0; x < bucket.length; x++) {
      for (let y = x + 1; y < bucket.length; y++) {
        if (firstNamesCompatible(bucket[x]!.first, bucket[y]!.first)) uf.union(bucket[x]!.idx, bucket[y]!.idx)
      }
    }
  }
  for (const i of singles) {
    const key = surnameKey(ms[i]!.name)
    const bucket = fullBySurname.get(key)
    if (!bucket) {
      // A first name alone joins only when exactly one person has it and nobody has it as a surname.
      const byFirst = fullByFirst.get(key)
      if (byFirst && new Set(byFirst.map((f) => uf.find(f.idx))).size === 1) uf.union(i, byFirst[0]!.idx)
      continue
    }
    if (new Set(bucket.map((f) => uf.find(f.idx))).size === 1) {
      // "Mr. Obama" is not the only full name "Michelle Obama": a lone surname whose honorific (anywhere) says
      // another gender than the full name's first name stays apart, with every mention of it.
      const fg = firstNameGender(bucket[0]!.first)
      if (fg && singleGenders(ms, singles, text).get(key)?.has(fg === 'f' ? 'm' : 'f')) continue
      uf.union(i, bucket[0]!.idx)
      continue
    }
    // Several people share the surname: keep those an honorific before it agrees with ("Mrs. Clinton"), then
    // the one named in full most often (the article's subject), then the nearest full name before it.
    const g = honorificGender(text, ms[i]!.start) ?? pronounGender(text, ms[i]!.end)
    const count = new Map<number, number>()
    for (const j of positions.get(key)!) {
      const fg = firstNameGender(nameWords(ms[j]!.name)[0]!)
      if (g && fg && fg !== g) continue
      const r = uf.find(j)
      count.set(r, (count.get(r) ?? 0) + 1)
    }
    const max = Math.max(0, ...count.values())
    const pos = positions.get(key)!.filter((j) => count.get(uf.find(j)) === max)
    if (pos.length === 0) continue
    const k = lastIndexBelow(pos, i)
    uf.union(i, k >= 0 ? pos[k]! : pos[0]!)
  }
}

const singleGenderCache = new WeakMap<readonly number[], Map<string, Set<'f' | 'm'>>>()
/** For each lone-surname key, the genders its honorifics tell ("Mr. Obama" → m). Computed once per call. */
function singleGenders(ms: readonly WorkMention[], singles: readonly number[], text: string): Map<string, Set<'f' | 'm'>> {
  let out = singleGenderCache.get(singles)
  if (out) return out
  out = new Map()
  for (const i of singles) {
    const g = honorificGender(text, ms[i]!.start)
    if (!g) continue
    const k = surnameKey(ms[i]!.name)
    const set = out.get(k) ?? new Set()
    set.add(g)
    out.set(k, set)
  }
  singleGenderCache.set(singles, out)
  return out
}

/** Gender told by an honorific right before an offset ("Mrs. Clinton"), if any. */
function honorificGender(text: string, start: number): 'f' | 'm' | undefined {
  const m = /(\S+)\s+$/.exec(text.slice(Math.max(0, start - 8), start))
  return m ? lexicon().honorifics.get(m[1]!) : undefined
}

/** A subject pronoun soon after a surname ("Clinton later told reporters that he was"): its gender. */
const PRONOUN_AFTER_RE = /^[^.!?\n"“”]{0,80}?\b(he|she|his|her)\b/i
/** Gender of the first he/she/his/her in the rest of the clause after an offset, if any. Bounded window. */
function pronounGender(text: string, end: number): 'f' | 'm' | undefined {
  const p = PRONOUN_AFTER_RE.exec(text.slice(end, end + 100))?.[1]?.toLowerCase()
  return p === undefined ? undefined : p === 'he' || p === 'his' ? 'm' : 'f'
}

/** Index of the last value < x in an ascending array, or -1. */
function lastIndexBelow(xs: readonly number[], x: number): number {
  let lo = 0
  let hi = xs.length - 1
  let ans = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (xs[mid]! < x) {
      ans = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return ans
}

/** All-capital short names (NSC, AP): a spelled-out form is preferred as canonical when there is one. */
export function isAcronym(name: string): boolean {
  return /^\p{Lu}[\p{Lu}.&]{1,7}$/u.test(name)
}

/** An all-capital name with at least this many letters may be shouting (a dateline, a caps headline), not an acronym. */
const MIN_SHOUTED_LETTERS = 4
/** What follows a dateline place at a line start: "CHISINAU, Nov 3 -", "WASHINGTON —", "NEW YORK (Reuters)", "KYIV/MOSCOW". */
const DATELINE_AFTER_RE = /^\s*(?:[,(/]|[—–-]\s)/
/** An all-capital word of two or more letters. */
const CAPS_WORD_RE = /^\p{Lu}[\p{Lu}\p{N}.'’&-]+$/u

/**
 * A name written in capitals only because of where it stands: a dateline at a line start ("CHISINAU, Nov 3 -")
 * or a run of capitals (an all-caps headline). Its normally cased spelling is preferred for display.
 */
export function isShouted(text: string, start: number, end: number): boolean {
  const name = text.slice(start, end)
  if (/\p{Ll}/u.test(name) || name.replace(/[^\p{L}]/gu, '').length < MIN_SHOUTED_LETTERS) return false
  const lineStart = start === 0 || text[start - 1] === '\n'
  if (lineStart && DATELINE_AFTER_RE.test(text.slice(end, end + 3))) return true
  const before = /(\S+)[ \t]+$/.exec(text.slice(Math.max(0, start - 30), start))?.[1]
  const after = /^[ \t]+(\S+)/.exec(text.slice(end, end + 30))?.[1]
  const caps = (w: string | undefined) => !!w && CAPS_WORD_RE.test(w.replace(/[^\p{L}\p{N}.'’&-]+$/u, '')) && w.replace(/[^\p{L}]/gu, '').length >= 2
  return caps(before) || caps(after)
}

/** "NEW YORK" → "New York", "WINSTON-SALEM" → "Winston-Salem". */
export function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s\-/.])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase())
}

interface Form { name: string; count: number; words: number; first: number; secondary: boolean; shouted?: string }

/** Type, canonical name and aliases of one cluster. */
function describe(ms: readonly WorkMention[], idx: number[], text: string): WorkEntity {
  idx.sort((a, b) => ms[a]!.start - ms[b]!.start)
  const typeVotes = new Map<EntityType, number>()
  for (const i of idx) typeVotes.set(ms[i]!.type, (typeVotes.get(ms[i]!.type) ?? 0) + 1)
  const type = [...typeVotes.entries()].sort((a, b) => b[1] - a[1])[0]![0]
  const forms = new Map<string, Form>()
  for (const i of idx) {
    const m = ms[i]!
    const f = foldName(m.name)
    // A shouted surface ("WASHINGTON —") keeps its spelling as an alias; the form shows a normally cased one.
    const shout = isShouted(text, m.start, m.end) ? m.name : undefined
    const cur = forms.get(f)
    if (cur) {
      cur.count++
      cur.secondary ||= m.secondary // stated once as another name of something: never canonical
      if (shout) cur.shouted ??= shout
      else if (cur.shouted !== undefined && cur.name === titleCase(cur.shouted)) cur.name = m.name
    } else forms.set(f, { name: shout ? titleCase(shout) : m.name, count: 1, words: nameWords(m.name).length, first: m.start, secondary: m.secondary, ...(shout ? { shouted: shout } : {}) })
  }
  const all = [...forms.values()]
  const primary = all.filter((f) => !f.secondary)
  const pool = primary.length ? primary : all
  let chosen = pool.find((f) => {
    const e = aliasEntry(f.name, type)
    return !!e && foldName(e.canonical) === foldName(f.name)
  })
  if (!chosen) {
    // A person's canonical name is the most complete form; an org's or place's the most used one (a tagger's
    // run-on headline span like "Former White House Doctor Says" is long but rare).
    const byWords = (a: Form, b: Form) => b.words - a.words || b.count - a.count || a.first - b.first
    const the = (f: Form) => Number(/^The /.test(f.name) && forms.has(foldName(f.name.slice(4)))) // "The Human Rights Council" at a sentence start
    // English org names put the generic head last: "Wagner Group" over an equally used "Group Wagner".
    const headLast = (f: Form) => Number(f.words >= 2 && orgHeadWords().has(nameWords(f.name).pop() ?? ''))
    const byCount = (a: Form, b: Form) => Number(isAcronym(a.name)) - Number(isAcronym(b.name)) || the(a) - the(b) || b.count - a.count || headLast(b) - headLast(a) || b.words - a.words || a.first - b.first
    chosen = [...pool].sort(type === 'PER' ? byWords : byCount)[0]!
    // "Wagner" (3) beside "Wagner Group" (2) and "Group Wagner" (1): an org's bare word gives way to the
    // longest form that holds it with an org head word.
    if (type === 'ORG' && chosen.words === 1) {
      const bare = foldName(chosen.name)
      const headed = pool.filter((f) => f.words >= 2 && hasOrgHead(f.name) && nameWords(f.name).some((w) => foldName(w) === bare))
      if (headed.length) chosen = headed.sort((a, b) => b.words - a.words || byCount(a, b))[0]!
    }
  }
  const aliases = all
    .sort((a, b) => a.first - b.first)
    .flatMap((f) => [...(f !== chosen ? [f.name] : []), ...(f.shouted !== undefined && f.shouted !== f.name ? [f.shouted] : [])])
  return { type, name: chosen.name, aliases, mentions: idx, attributes: [] }
}
