// Cross-article identity: the article-level entities of every Doc are joined into global entities, one per
// person, organization or place, across spellings and transliterations. Every join records why it was made.
// Rules, strongest first: same full name; alias table (exonyms); transliteration key of a full person name;
// a shared stated alias or org word-order variant; a compatible first initial; a surname alone joining the
// only full name with it (or the only one whose role agrees). Persons never join orgs or places.
// Aliases are every other surface of the members, plus the surname of each full person name.
import type { Doc } from '../doc/doc.js'
import type { DocEntity, EntityType } from '../doc/layers.js'
import type { GlobalEntity } from '../store/store.js'
import { isAcronym } from '../stages/entities/05-cluster.js'
import * as names from '../stages/entities/names.js'
import { firstNamesCompatible, type AliasEntry } from '../stages/entities/names.js'

/** When two readings of one name disagree on type, this order breaks a tie (a seat of power is an ORG). */
const TYPE_PRIORITY: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC']
/** Role words too generic to tell two people apart when comparing roles. */
const GENERIC_ROLE_WORDS = new Set(['the', 'a', 'an', 'of', 'at', 'for', 'and', 'former', 'deputy', 'senior'])

interface Item {
  readonly article: string
  readonly entity: number
  readonly order: number
  readonly type: EntityType
  readonly name: string
  readonly forms: readonly string[]
  readonly words: readonly string[]
  /** Transliteration keys of the first and last name word, and of the whole name for one-word names. */
  readonly firstKey: string
  readonly lastKey: string
  readonly roles: ReadonlySet<string>
  readonly weight: number
}

/**
 * Name helpers memoized for one linkEntities call: a relink sees the same few thousand surfaces hundreds of
 * thousands of times. The caches are emptied when a call ends.
 */
const caches: Map<string, unknown>[] = []
function memo<R>(f: (s: string) => R): (s: string) => R {
  const cache = new Map<string, R>()
  caches.push(cache as Map<string, unknown>)
  return (s) => {
    if (cache.has(s)) return cache.get(s) as R
    const r = f(s)
    cache.set(s, r)
    return r
  }
}
const foldName = memo(names.foldName)
const translitKey = memo(names.translitKey)
const nameWords = memo(names.nameWords)
const surnameOf = memo(names.surnameOf)
const orgKey = memo(names.orgKey)
const aliasByType = new Map<EntityType, (name: string) => AliasEntry | undefined>(
  (['PER', 'ORG', 'LOC', 'MISC'] as const).map((t) => [t, memo((name: string) => names.aliasEntry(name, t))]),
)
function aliasEntry(name: string, type: EntityType): AliasEntry | undefined {
  const f = aliasByType.get(type)
  return f ? f(name) : names.aliasEntry(name, type)
}

class Merger {
  private readonly parent: number[]
  readonly reasons: { a: number; b: number; reason: string }[] = []
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i)
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!
      i = this.parent[i]!
    }
    return i
  }
  /** The reason may be given lazily: it is only built when the join is new. */
  union(a: number, b: number, reason: string | (() => string)): boolean {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra === rb) return false
    this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
    this.reasons.push({ a, b, reason: typeof reason === 'string' ? reason : reason() })
    return true
  }
}

function isPer(t: EntityType): boolean {
  return t === 'PER'
}

function roleWords(e: DocEntity): Set<string> {
  const out = new Set<string>()
  for (const a of e.attributes) {
    if (a.name !== 'role') continue
    for (const w of a.value.toLowerCase().split(/\s+/)) if (w && !GENERIC_ROLE_WORDS.has(w)) out.add(w)
  }
  return out
}

function slug(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'unnamed'
}

/** Joins items that share a key; the reason is built from the key and the two names. */
function joinByKey(m: Merger, items: readonly Item[], keys: (it: Item) => readonly string[], reason: (key: string, a: Item, b: Item) => string): void {
  const first = new Map<string, number>()
  items.forEach((it, i) => {
    for (const k of keys(it)) {
      const f = first.get(k)
      if (f === undefined) first.set(k, i)
      else m.union(f, i, () => reason(k, items[f]!, it))
    }
  })
}

function sameFirstLast(a: Item, b: Item): boolean {
  return foldName(a.words[0]!) === foldName(b.words[0]!) && foldName(a.words[a.words.length - 1]!) === foldName(b.words[b.words.length - 1]!)
}

function push<K>(map: Map<K, number[]>, key: K, i: number): void {
  const l = map.get(key)
  if (l) l.push(i)
  else map.set(key, [i])
}

export function linkEntities(docs: readonly Doc[]): GlobalEntity[] {
  try {
    return link(docs)
  } finally {
    for (const c of caches) c.clear()
  }
}

function link(docs: readonly Doc[]): GlobalEntity[] {
  const items: Item[] = []
  for (const doc of docs) {
    for (const [i, e] of (doc.layers.entities ?? []).entries()) {
      const words = nameWords(e.name)
      items.push({
        article: doc.id,
        entity: i,
        order: items.length,
        type: e.type,
        name: e.name,
        forms: [e.name, ...e.aliases],
        words,
        firstKey: words.length ? translitKey(words[0]!) : '',
        lastKey: words.length >= 2 ? translitKey(words[words.length - 1]!) : translitKey(e.name),
        roles: roleWords(e),
        weight: Math.max(1, e.mentions.length),
      })
    }
  }
  const m = new Merger(items.length)
  const group = (t: EntityType) => (t === 'ORG' || t === 'LOC' ? 'ORG/LOC' : t)

  // 1. Same full name. A person's single surname is not a full name: it is handled in step 6.
  joinByKey(m, items, (it) => (isPer(it.type) && it.words.length < 2 ? [] : [`${group(it.type)}|${foldName(it.name)}`]), (_k, a, b) =>
    a.type === b.type ? `same full name '${b.name}'` : `same name '${b.name}' (${a.type}/${b.type} readings)`,
  )
  // 2. Alias table: exonyms and other documented spellings.
  joinByKey(m, items, (it) => {
    const ks = new Set<string>()
    for (const f of it.forms) {
      const e = aliasEntry(f, it.type)
      if (e) ks.add(`${e.type}|${e.canonical}`)
    }
    return [...ks]
  }, (k, a, b) => `alias table: ${[a.name, b.name].find((n) => foldName(n) !== foldName(k.split('|')[1]!)) ?? a.name} → ${k.split('|')[1]}`)
  // 3. Transliteration key of a full person name (first + last word).
  joinByKey(m, items, (it) => (isPer(it.type) && it.words.length >= 2 ? [`${it.firstKey} ${it.lastKey}`] : []), (k, a, b) =>
    foldName(a.name) === foldName(b.name)
      ? `same full name '${b.name}'`
      : sameFirstLast(a, b)
        ? `same first and last name (${a.name} ~ ${b.name})`
        : `transliteration key '${k}' (${a.name} ~ ${b.name})`,
  )
  // 4. Orgs and places: a stated alias shared with another article's name, or an org word-order variant.
  joinByKey(m, items, (it) => (isPer(it.type) ? [] : it.forms.map((f) => `${group(it.type)}|${foldName(f)}`)), (k, a, b) => `shared name '${k.split('|')[1]}' (${a.name} ~ ${b.name})`)
  joinByKey(m, items, (it) => (it.type === 'ORG' && orgKey(it.name) ? [`ORG|${orgKey(it.name)}`] : []), (k, a, b) => `org name variant '${k.split('|')[1]}' (${a.name} ~ ${b.name})`)
  joinByKey(m, items, (it) => (it.type === 'LOC' && it.words.length === 1 ? [`LOC|${translitKey(it.name)}`] : []), (k, a, b) => `transliteration key '${k.split('|')[1]}' (${a.name} ~ ${b.name})`)

  // 5. Full person names with one surname key and compatible first names (initial, short form), only when
  //    exactly one identity fits: "J. Smith" never chains John and Jane Smith together.
  //    Items are compared by first-name form, not pairwise: every item of one form (first word) in a surname
  //    bucket is already one identity after step 3 (same first and last key), so one representative per form
  //    tells its identity, and the cost is bucket size × distinct first names, not bucket size squared.
  const fullBySurname = new Map<string, number[]>()
  const singles: number[] = []
  items.forEach((it, i) => {
    if (!isPer(it.type)) return
    if (it.words.length >= 2) push(fullBySurname, it.lastKey, i)
    else if (it.words.length === 1) singles.push(i)
  })
  for (const bucket of fullBySurname.values()) {
    if (bucket.length < 2) continue
    const formOf = new Map<string, number>()
    const forms: { word: string; rep: number; last: number; pos: number }[] = []
    const itemForm: number[] = []
    bucket.forEach((i, pos) => {
      const w = items[i]!.words[0]!
      let f = formOf.get(w)
      if (f === undefined) {
        f = forms.length
        formOf.set(w, f)
        forms.push({ word: w, rep: i, last: i, pos })
      } else {
        forms[f]!.last = i
        forms[f]!.pos = pos
      }
      itemForm.push(f)
    })
    if (forms.length < 2) continue
    const compatible = forms.map((a) => forms.flatMap((b, g) => (firstNamesCompatible(a.word, b.word) ? [g] : [])))
    for (const [pos, i] of bucket.entries()) {
      const a = items[i]!
      const own = m.find(i)
      // root → [bucket position, item] of the last compatible item with that root, as a pairwise scan would keep
      const fits = new Map<number, [number, number]>()
      for (const g of compatible[itemForm[pos]!]!) {
        const f = forms[g]!
        const r = m.find(f.rep)
        if (r === own) continue
        const prev = fits.get(r)
        if (!prev || prev[0] < f.pos) fits.set(r, [f.pos, f.last])
      }
      if (fits.size !== 1) continue
      const [jpos, j] = [...fits.values()][0]!
      // ... and the other side must see only this one too: "J. Smith" fits John alone from John's side, but
      // when Jane Smith is known it fits two people and joins neither.
      const rj = m.find(j)
      const back = new Set<number>()
      for (const g of compatible[itemForm[jpos]!]!) {
        const r = m.find(forms[g]!.rep)
        if (r !== rj) back.add(r)
      }
      if (back.size === 1) m.union(i, j, () => `compatible first names, same surname (${a.name} ~ ${items[j]!.name})`)
    }
  }
  // 6. A surname alone joins the only identity with a full name ending in it, or the only one whose role agrees;
  //    with no full name anywhere, surname-only entities of one key join each other.
  //    Each bucket is summed up once as one representative per identity with the role words of its members
  //    (identities only merge from here on, so representatives keep covering the bucket).
  const surnameOnly = new Map<string, number[]>()
  const reps = new Map<string, { rep: number; roles: Set<string> }[]>()
  const repsOf = (k: string, bucket: readonly number[]) => {
    let l = reps.get(k)
    if (!l) {
      const byRoot = new Map<number, { rep: number; roles: Set<string> }>()
      for (const j of bucket) {
        const r = m.find(j)
        const x = byRoot.get(r) ?? { rep: j, roles: new Set<string>() }
        for (const w of items[j]!.roles) x.roles.add(w)
        byRoot.set(r, x)
      }
      l = [...byRoot.values()]
      reps.set(k, l)
    }
    return l
  }
  for (const i of singles) {
    const it = items[i]!
    const k = it.lastKey
    const bucket = fullBySurname.get(k)
    if (!bucket) {
      push(surnameOnly, k, i)
      continue
    }
    const roots = new Map<number, { rep: number; agrees: boolean }>()
    for (const x of repsOf(k, bucket)) {
      const r = m.find(x.rep)
      const agrees = [...x.roles].some((w) => it.roles.has(w))
      const prev = roots.get(r)
      if (!prev) roots.set(r, { rep: x.rep, agrees })
      else if (agrees && !prev.agrees) roots.set(r, { rep: prev.rep, agrees })
    }
    if (roots.size === 1) {
      const j = bucket[0]!
      m.union(i, j, () => `surname '${it.name}' → the only full name with it (${items[j]!.name})`)
      continue
    }
    const agree = [...roots.values()].filter((x) => x.agrees)
    if (agree.length === 1) {
      const j = agree[0]!.rep
      m.union(i, j, () => `surname '${it.name}' and role agree (${items[j]!.name})`)
    }
  }
  for (const [k, l] of surnameOnly) {
    for (const i of l.slice(1)) m.union(l[0]!, i, () => `same surname '${items[i]!.name}', no full name known (key '${k}')`)
  }

  return describe(items, m)
}

function describe(items: readonly Item[], m: Merger): GlobalEntity[] {
  const groups = new Map<number, number[]>()
  items.forEach((_, i) => {
    const r = m.find(i)
    const g = groups.get(r)
    if (g) g.push(i)
    else groups.set(r, [i])
  })
  const reasons = new Map<number, Set<string>>()
  for (const r of m.reasons) {
    const root = m.find(r.a)
    const l = reasons.get(root) ?? new Set<string>()
    l.add(r.reason)
    reasons.set(root, l)
  }
  const out: { id: string; g: GlobalEntity; order: number }[] = []
  for (const [root, idx] of groups) {
    const members = idx.map((i) => items[i]!)
    const typeVotes = new Map<EntityType, number>()
    for (const it of members) typeVotes.set(it.type, (typeVotes.get(it.type) ?? 0) + it.weight)
    const type = [...typeVotes.entries()].sort((a, b) => b[1] - a[1] || TYPE_PRIORITY.indexOf(a[0]) - TYPE_PRIORITY.indexOf(b[0]))[0]![0]
    const name = canonical(members, type)
    const aliases: string[] = []
    const seen = new Set([foldName(name)])
    const addAlias = (f: string) => {
      const k = foldName(f)
      if (seen.has(k)) return
      seen.add(k)
      aliases.push(f)
    }
    for (const it of members) for (const f of it.forms) addAlias(f)
    // A person is referred to by surname after the first mention: each full form's surname is an alias too.
    if (type === 'PER') for (const it of members) for (const f of it.forms) if (nameWords(f).length >= 2) addAlias(surnameOf(f)!)
    out.push({
      id: `${type.toLowerCase()}:${slug(name)}`,
      order: members[0]!.order,
      g: { id: '', type, name, aliases, members: members.map((it) => ({ article: it.article, entity: it.entity })), merges: [...(reasons.get(root) ?? [])] },
    })
  }
  // Readable ids, made unique in a stable order (first seen keeps the plain id).
  out.sort((a, b) => a.order - b.order)
  const used = new Map<string, number>()
  return out.map(({ id, g }) => {
    const n = (used.get(id) ?? 0) + 1
    used.set(id, n)
    return { ...g, id: n === 1 ? id : `${id}-${n}` }
  })
}

/** The alias table's preferred form if one applies; else, for people the most complete full form, for others the most frequent. */
function canonical(members: readonly Item[], type: EntityType): string {
  for (const it of members) {
    for (const f of it.forms) {
      const e = aliasEntry(f, type)
      if (e) return e.canonical
    }
  }
  const counts = new Map<string, { name: string; n: number; words: number; order: number }>()
  for (const it of members) {
    const k = foldName(it.name)
    const c = counts.get(k)
    if (c) c.n += 1
    else counts.set(k, { name: it.name, n: 1, words: it.words.length, order: it.order })
  }
  // People: the most complete name; orgs and places: the most used name (long tagger run-ons are rare).
  const ranked = [...counts.values()].sort((a, b) =>
    type === 'PER' ? b.words - a.words || b.n - a.n || a.order - b.order : Number(isAcronym(a.name)) - Number(isAcronym(b.name)) || b.n - a.n || b.words - a.words || a.order - b.order,
  )
  return ranked[0]!.name
}
