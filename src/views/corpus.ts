import type { Doc } from '../doc/doc.js'
import type { ArticleSummary, GlobalEntity, Links, Store } from '../store/store.js'
import { foldKey } from './fold.js'

// Everything the views read: the Docs, their summaries and the cross-article links, with the indexes that turn
// (article, local index) pairs into global ids. Loaded once per store version (Store.version(): every write, by
// any process, bumps it), so the API and web pages answer from memory until an article is added or links
// change. Local entities that no GlobalEntity covers (links not computed yet, or an entity the linker left
// alone) get a singleton identity with id "<article>:n<index>", so every speaker, actor and holder has a global id.

export interface ArticleRef {
  readonly id: string
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
}

export interface EntityRef {
  readonly id: string
  readonly name: string
  readonly type: string
}

export interface Corpus {
  readonly docs: ReadonlyMap<string, Doc>
  readonly articles: readonly ArticleSummary[]
  readonly links: Links
  /** Linked entities followed by singletons for unlinked local entities. */
  readonly entities: readonly GlobalEntity[]
  entity(id: string): GlobalEntity | undefined
  /** Global id of a local entity, or null when the index is null or out of range. */
  globalOf(article: string, local: number | null | undefined): string | null
  ref(id: string | null): EntityRef | null
  articleRef(id: string): ArticleRef
  /** Match by id, canonical name or any alias (of the identity or of its members), case- and diacritic-insensitive. */
  find(nameOrAlias: string): GlobalEntity | null
}

const SINGLETON_ID = (article: string, local: number) => `${article}:n${local}`

/**
 * A view's whole list (every quote, event, assessment as the views show them) built once per corpus: a corpus is
 * immutable and kept while the store is unchanged, so later calls filter the same list. Callers must not mutate it.
 */
export function perCorpus<T>(build: (corpus: Corpus) => T): (corpus: Corpus) => T {
  const built = new WeakMap<Corpus, T>()
  return (corpus) => {
    let v = built.get(corpus)
    if (v === undefined) built.set(corpus, (v = build(corpus)))
    return v
  }
}

/** The last corpus read from each store, with the store version it was read at. */
const cache = new WeakMap<Store, { version: number; corpus: Promise<Corpus> }>()

export async function loadCorpus(store: Store): Promise<Corpus> {
  const version = await store.version()
  const hit = cache.get(store)
  if (hit && hit.version === version) return hit.corpus
  const corpus = readCorpus(store)
  cache.set(store, { version, corpus })
  // a failed read is not kept: the next call tries again
  corpus.catch(() => {
    if (cache.get(store)?.corpus === corpus) cache.delete(store)
  })
  return corpus
}

async function readCorpus(store: Store): Promise<Corpus> {
  const articles = await store.listArticles()
  const docs = new Map<string, Doc>()
  for await (const d of store.docs()) docs.set(d.id, d)
  const links = await store.getLinks()

  const byLocal = new Map<string, string>()
  const key = (article: string, local: number) => `${article}\u0000${local}`
  const entities: GlobalEntity[] = []
  for (const g of links.entities) {
    entities.push(g)
    for (const m of g.members) if (!byLocal.has(key(m.article, m.entity))) byLocal.set(key(m.article, m.entity), g.id)
  }
  for (const doc of docs.values()) {
    for (const [i, e] of (doc.layers.entities ?? []).entries()) {
      if (byLocal.has(key(doc.id, i))) continue
      const id = SINGLETON_ID(doc.id, i)
      byLocal.set(key(doc.id, i), id)
      entities.push({ id, type: e.type, name: e.name, aliases: e.aliases, members: [{ article: doc.id, entity: i }], merges: [] })
    }
  }
  const byId = new Map(entities.map((g) => [g.id, g]))
  const summaries = new Map(articles.map((a) => [a.id, a]))

  // Lookup keys in priority order: ids, then canonical names, then aliases and member names.
  const tiers: Map<string, GlobalEntity>[] = [new Map(), new Map(), new Map()]
  const put = (tier: number, k: string, g: GlobalEntity) => {
    const f = foldKey(k)
    if (f && !tiers[tier]!.has(f)) tiers[tier]!.set(f, g)
  }
  for (const g of entities) {
    tiers[0]!.set(g.id.toLowerCase(), g)
    put(1, g.name, g)
  }
  for (const g of entities) {
    for (const a of g.aliases) put(2, a, g)
    for (const m of g.members) {
      const local = docs.get(m.article)?.layers.entities?.[m.entity]
      if (!local) continue
      put(2, local.name, g)
      for (const a of local.aliases) put(2, a, g)
    }
  }

  return {
    docs,
    articles,
    links,
    entities,
    entity: (id) => byId.get(id),
    globalOf(article, local) {
      if (local === null || local === undefined) return null
      return byLocal.get(key(article, local)) ?? null
    },
    ref(id) {
      if (id === null) return null
      const g = byId.get(id)
      return g ? { id: g.id, name: g.name, type: g.type } : null
    },
    articleRef(id) {
      const s = summaries.get(id)
      const d = docs.get(id)
      return { id, title: s?.title ?? d?.meta.title ?? null, outlet: s?.outlet ?? d?.meta.outlet ?? null, published: s?.published ?? d?.meta.published ?? null }
    },
    find(nameOrAlias) {
      const raw = nameOrAlias.trim()
      if (!raw) return null
      const exact = tiers[0]!.get(raw.toLowerCase())
      if (exact) return exact
      const f = foldKey(raw)
      return tiers[1]!.get(f) ?? tiers[2]!.get(f) ?? null
    },
  }
}

/** Mentions of one global entity inside a span of an article (used for "quotes about X"). */
export function mentionsIn(corpus: Corpus, doc: Doc, start: number, end: number): string[] {
  const ids = new Set<string>()
  for (const m of doc.layers.mentions ?? []) {
    if (m.start >= start && m.end <= end && m.entity !== undefined) {
      const g = corpus.globalOf(doc.id, m.entity)
      if (g) ids.add(g)
    }
  }
  return [...ids]
}

export function snippet(text: string, start: number, end: number, pad = 80): string {
  return snippetAt(text, start, end, pad).context
}

/** The paragraph around [start, end) cut to `pad` characters each side, and where the span starts inside it. */
export function snippetAt(text: string, start: number, end: number, pad = 80): { context: string; at: number } {
  const from = Math.max(0, text.lastIndexOf('\n', start - 1) + 1, start - pad)
  const nl = text.indexOf('\n', end)
  const to = Math.min(text.length, nl < 0 ? text.length : nl, end + pad)
  const lead = from > 0 && text[from - 1] !== '\n' ? '…' : ''
  return { context: `${lead}${text.slice(from, to)}${to < text.length && text[to] !== '\n' ? '…' : ''}`, at: lead.length + start - from }
}
