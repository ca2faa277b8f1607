// Cross-article identity: the article-level entities of every Doc are joined into global entities, one per
// person, organization or place, across spellings and transliterations. Every join records why it was made.
// Rules, strongest first: same full name; alias table (exonyms); transliteration key of a full person name;
// a shared stated alias or org word-order variant; a compatible first initial; a surname alone joining the
// only full name with it (or the only one whose role agrees). Persons never join orgs or places.
// Aliases are every other surface of the members, plus the surname of each full person name.
// Tagger noise is cleaned before joining (each correction is recorded with the merges): a headline run-on
// ("Washington Post Hit Piece Exploits …") gives way to the shorter name the article also used; a name whose
// readings disagree on PER vs ORG/LOC takes the type the corpus gives it by mentions; a within-article
// shortening ("New York" stated for "New York Times") or an acronym with two expansions never joins articles.
import type { Doc } from '../doc/doc.js'
import type { DocEntity, EntityType } from '../doc/layers.js'
import type { GlobalEntity } from '../store/store.js'
import { isAcronym } from '../stages/entities/05-cluster.js'
import { lexicon } from '../stages/entities/lexicon.js'
import { gazetteerTags } from '../lexicon/gazetteers/index.js'
import * as names from '../stages/entities/names.js'
import { firstNamesCompatible, type AliasEntry } from '../stages/entities/names.js'

/** When two readings of one name disagree on type, this order breaks a tie (a seat of power is an ORG). */
const TYPE_PRIORITY: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC']
/** Role words too generic to tell two people apart when comparing roles. */
const GENERIC_ROLE_WORDS = new Set(['the', 'a', 'an', 'of', 'at', 'for', 'and', 'former', 'deputy', 'senior'])

/**
 * Capitalised closed-class words (pronouns, auxiliaries, prepositions, conjunctions, says/said): inside a name
 * after its first word they mark a headline in title case read as one name ("… Trump Supporter Who Was").
 */
const HEADLINE_WORDS = new Set(
  ('A An As At Be But By Can Could Did Do Does Doesn’t Doesn\'t For From Had Has Have He Her His How I If In Into Is It Its Just ' +
    'Me My Not Now On Or Our Over Says Said She Should So Than That The Their They This To Up Was We Were What When Where ' +
    'Which Who Why Will With Would You Your').split(' '),
)
/** Lower-case words allowed inside a name (particles); any other lower-case word marks a run-on ("interviewed Washington Post"). */
const NAME_PARTICLES = new Set(['of', 'for', 'and', 'the', 'de', 'der', 'den', 'van', 'von', 'la', 'le', 'du', 'da', 'di', 'al', 'bin', 'ibn', 'y', 'e', 'on', 'in', 'at', 'to'])
/**
 * Type by majority over mentions: an ORG/LOC/MISC reading of a name becomes PER when the corpus's PER evidence for
 * the name (PER mentions of that full name, or of full names with it as surname) outweighs its other readings;
 * a PER reading becomes the best other type when the other readings outweigh the PER evidence this many times
 * and have at least PER_TO_OTHER_MIN_MENTIONS mentions (a bare name tagged PER is weak evidence either way).
 */
const PER_TO_OTHER_RATIO = 2
const PER_TO_OTHER_MIN_MENTIONS = 5
/**
 * ... and an ORG/LOC reading becomes PER only with at least this many mentions of full person names with it
 * (a few PER mentions of "Justice" or of a run-on "Rohingya Muslims" do not make every "Justice" a person).
 */
const OTHER_TO_PER_MIN_MENTIONS = 10
/**
 * A bare surname among several namesakes joins the one holding at least this share of the corpus's mentions of
 * full names with that surname ("Obama" → Barack Obama, not Michelle Obama); below it the surname stays apart.
 */
const PROMINENT_SHARE = 0.8
/** National qualifiers that do not change which org a name means ("U.S. State Department" = "State Department"). */
const NATIONAL_QUALIFIERS = new Set(['u.s.', 'u.s', 'us', 'usa'])

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
  /** Corrections made to the article entity before joining (headline run-on, type by majority). */
  readonly notes: readonly string[]
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
const headlineRun = memo((name: string) => isHeadlineRun(name))
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

/** A headline in title case read as one name: a lower-case non-particle word, or a closed-class word after the first. */
export function isHeadlineRun(name: string): boolean {
  const ws = name.split(/\s+/).filter((w) => w.length > 0)
  if (ws.length < 2) return false
  return ws.some((w, k) => (/^\p{Ll}{3,}$/u.test(w) && !NAME_PARTICLES.has(w)) || (k > 0 && HEADLINE_WORDS.has(w)))
}

/** Folded words of a name, without a leading article: "The Washington Post" → ["washington", "post"]. */
function foldedWords(name: string): string[] {
  const ws = foldName(name).split(' ').filter((w) => w.length > 0)
  return ws[0] === 'the' ? ws.slice(1) : ws
}

/** True when one name's words are a contiguous run of the other's: a shortening or a lengthening of it. */
export function isShortening(a: string, b: string): boolean {
  const [x, y] = [foldedWords(a), foldedWords(b)].sort((p, q) => p.length - q.length) as [string[], string[]]
  if (x.length === 0) return true
  for (let k = 0; k + x.length <= y.length; k++) if (x.every((w, j) => y[k + j] === w)) return true
  return false
}

/** Whole name found in the country/state/city lists. */
const isPlaceName = memo(placeName)
function placeName(name: string): boolean {
  const ws = nameWords(name)
  if (ws.length === 0) return false
  const tags = gazetteerTags(ws)
  const lists = ['country', 'state', 'city']
  if (ws.length === 1) return lists.some((l) => tags[0]!.includes(`${l}:U`))
  return lists.some((l) => tags[0]!.includes(`${l}:B`) && tags[ws.length - 1]!.includes(`${l}:L`))
}

/** Org key without a national qualifier: "U.S. Department of Justice" and "Department of Justice" agree. */
function qualifiedOrgKey(name: string): string {
  const ws = nameWords(name)
  const k = ws.length > 1 && NATIONAL_QUALIFIERS.has(foldName(ws[0]!)) ? ws.slice(1).join(' ') : name
  return orgKey(k)
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
  // Article entities with their corrections: a headline run-on gives way to its longest clean shortening.
  const raw: { article: string; entity: number; e: DocEntity; name: string; forms: string[]; notes: string[] }[] = []
  for (const doc of docs) {
    for (const [i, e] of (doc.layers.entities ?? []).entries()) {
      let name = e.name
      let forms = [e.name, ...e.aliases]
      const notes: string[] = []
      if (headlineRun(name)) {
        const clean = e.aliases.filter((a) => !isHeadlineRun(a) && isShortening(a, name)).sort((x, y) => y.length - x.length)[0]
        if (clean) {
          notes.push(`headline run-on '${name}' read as '${clean}'`)
          name = clean
          forms = forms.filter((f) => !isHeadlineRun(f))
        }
      }
      raw.push({ article: doc.id, entity: i, e, name, forms, notes })
    }
  }
  // Corpus type votes by mentions, per folded name: PER evidence counts full person names with that name or surname.
  const votes = new Map<string, { per: number; perFull: number; other: Map<EntityType, number> }>()
  const vote = (k: string) => {
    let v = votes.get(k)
    if (!v) votes.set(k, (v = { per: 0, perFull: 0, other: new Map() }))
    return v
  }
  for (const r of raw) {
    const w = Math.max(1, r.e.mentions.length)
    const v = vote(foldName(r.name))
    if (r.e.type === 'PER') {
      v.per += w
      if (nameWords(r.name).length >= 2) {
        v.perFull += w
        const s = surnameOf(r.name)
        if (s) { const sv = vote(foldName(s)); sv.per += w; sv.perFull += w }
      }
    } else v.other.set(r.e.type, (v.other.get(r.e.type) ?? 0) + w)
  }
  const typeOf = (r: (typeof raw)[number]): EntityType => {
    const v = votes.get(foldName(r.name))!
    let other = 0
    let best: EntityType | undefined
    for (const [t, n] of v.other) {
      other += n
      if (!best || n > v.other.get(best)!) best = t
    }
    if (r.e.type !== 'PER' && v.perFull >= OTHER_TO_PER_MIN_MENTIONS && v.per > other && !lexicon().metonyms.has(foldName(r.name))) {
      r.notes.push(`type by majority over mentions: '${r.name}' read as PER, not ${r.e.type} (PER ${v.per} vs other readings ${other})`)
      return 'PER'
    }
    if (r.e.type === 'PER' && best && other >= PER_TO_OTHER_MIN_MENTIONS && other >= PER_TO_OTHER_RATIO * v.per) {
      r.notes.push(`type by majority over mentions: '${r.name}' read as ${best}, not PER (${best} ${v.other.get(best)} of ${other} vs PER ${v.per})`)
      return best
    }
    return r.e.type
  }
  const items: Item[] = raw.map((r, order) => {
    const words = nameWords(r.name)
    return {
      article: r.article,
      entity: r.entity,
      order,
      type: typeOf(r),
      name: r.name,
      forms: r.forms,
      words,
      firstKey: words.length ? translitKey(words[0]!) : '',
      lastKey: words.length >= 2 ? translitKey(words[words.length - 1]!) : translitKey(r.name),
      roles: roleWords(r.e),
      weight: Math.max(1, r.e.mentions.length),
      notes: r.notes,
    }
  })
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
  //    Only aliases that are other names count: a shortening or lengthening of the article's own name ("New York"
  //    stated for "New York Times", "Democratic Party" for "Iowa Democratic Party") means different things in
  //    different articles. An alias claimed by two different names (CBC: Congressional Black Caucus, Canadian
  //    Broadcasting Corp) is ambiguous and joins nothing; an alias joins only a name of the same type ("S.C" stated
  //    for the Supreme Court is not the LOC "S.C", South Carolina).
  const claims = new Map<string, Set<string>>()
  const stated = new Map<Item, string[]>()
  const statedAliases = (it: Item) => {
    let l = stated.get(it)
    if (!l) stated.set(it, (l = it.forms.filter((f) => f !== it.name && !isShortening(f, it.name))))
    return l
  }
  for (const it of items) {
    if (isPer(it.type)) continue
    for (const f of statedAliases(it)) {
      const k = `${it.type}|${foldName(f)}`
      const c = claims.get(k) ?? new Set<string>()
      c.add(qualifiedOrgKey(it.name))
      claims.set(k, c)
    }
  }
  joinByKey(m, items, (it) => {
    if (isPer(it.type)) return []
    const ks = [`${it.type}|${foldName(it.name)}`]
    for (const f of statedAliases(it)) {
      const k = `${it.type}|${foldName(f)}`
      if (claims.get(k)!.size === 1) ks.push(k)
    }
    return ks
  }, (k, a, b) => `shared name '${k.split('|')[1]}' (${a.name} ~ ${b.name})`)
  joinByKey(m, items, (it) => (it.type === 'ORG' && qualifiedOrgKey(it.name) ? [`ORG|${qualifiedOrgKey(it.name)}`] : []), (k, a, b) => `org name variant '${k.split('|')[1]}' (${a.name} ~ ${b.name})`)
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
  const reps = new Map<string, { rep: number; roles: Set<string>; weight: number }[]>()
  const repsOf = (k: string, bucket: readonly number[]) => {
    let l = reps.get(k)
    if (!l) {
      const byRoot = new Map<number, { rep: number; roles: Set<string>; weight: number }>()
      for (const j of bucket) {
        const r = m.find(j)
        const x = byRoot.get(r) ?? { rep: j, roles: new Set<string>(), weight: 0 }
        x.weight += items[j]!.weight
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
    const roots = new Map<number, { rep: number; agrees: boolean; roled: boolean; weight: number }>()
    for (const x of repsOf(k, bucket)) {
      const r = m.find(x.rep)
      const agrees = [...x.roles].some((w) => it.roles.has(w))
      const roled = x.roles.size > 0
      const prev = roots.get(r)
      if (!prev) roots.set(r, { rep: x.rep, agrees, roled, weight: x.weight })
      else roots.set(r, { rep: prev.rep, agrees: agrees || prev.agrees, roled: roled || prev.roled, weight: prev.weight + x.weight })
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
      continue
    }
    // Prominence among the namesakes whose role agrees (or all of them when no role was compared).
    const cands = agree.length > 0 ? agree : it.roles.size > 0 && [...roots.values()].some((x) => x.roled) ? [] : [...roots.values()]
    let total = 0
    let top: { rep: number; weight: number } | undefined
    for (const x of cands) {
      total += x.weight
      if (!top || x.weight > top.weight) top = x
    }
    if (top && top.weight >= PROMINENT_SHARE * total) {
      const j = top.rep
      const share = Math.round((100 * top.weight) / total)
      m.union(i, j, () => `surname '${it.name}' → the most mentioned full name with it${agree.length ? ' and that role' : ''} (${items[j]!.name}, ${share}% of mentions)`)
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
    let type = [...typeVotes.entries()].sort((a, b) => b[1] - a[1] || TYPE_PRIORITY.indexOf(a[0]) - TYPE_PRIORITY.indexOf(b[0]))[0]![0]
    // ORG and LOC readings of one name: a seat of power stands for its institution (ORG); a listed country,
    // state or city is a place whatever the tagger said more often ("the convention in Cleveland" read as ORG).
    const notes: string[] = []
    if ((type === 'ORG' || type === 'LOC') && typeVotes.has('ORG') && typeVotes.has('LOC')) {
      const n = members[0]!.name
      const decided = members.some((it) => lexicon().metonyms.has(foldName(it.name))) ? 'ORG' : members.some((it) => it.type === 'LOC' && isPlaceName(it.name)) ? 'LOC' : type
      if (decided !== type) notes.push(`type ${decided} over ${type} (${decided === 'ORG' ? 'seat of an institution' : 'listed place'}: ${n})`)
      type = decided
    }
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
      g: {
        id: '',
        type,
        name,
        aliases,
        members: members.map((it) => ({ article: it.article, entity: it.entity })),
        merges: [...new Set([...members.flatMap((it) => it.notes), ...notes, ...(reasons.get(root) ?? [])])],
      },
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
