import type { Store } from '../store/store.js'
import type { AssessmentView } from './assessments.js'
import { allAssessments } from './assessments.js'
import type { ArticleRef, Corpus } from './corpus.js'
import { loadCorpus, snippetAt } from './corpus.js'
import { foldKey } from './fold.js'
import type { QuoteView } from './quotes.js'
import { allQuotes } from './quotes.js'
import type { TimelineEntry } from './timeline.js'
import { buildTimeline, filterTimeline } from './timeline.js'

export interface EntitySummary {
  readonly id: string
  readonly type: string
  readonly name: string
  readonly aliases: readonly string[]
  readonly mentions: number
  readonly articles: number
}

export interface AttributeSource {
  readonly article: ArticleRef
  readonly start: number
  readonly end: number
  /** The words in the text that carry the attribute, and the paragraph around them. */
  readonly text: string
  readonly context: string
  /** Where `text` starts inside `context`. */
  readonly at: number
}

export interface AttributeView {
  readonly name: string
  readonly value: string
  readonly sources: readonly AttributeSource[]
}

export interface EntityDossier extends EntitySummary {
  /** Why the linker joined the members. */
  readonly merges: readonly string[]
  /** Every form seen in the texts, most frequent first. */
  readonly names: readonly { readonly text: string; readonly count: number }[]
  readonly attributes: readonly AttributeView[]
  readonly articleList: readonly (ArticleRef & { readonly mentions: number })[]
  readonly quotesBy: readonly QuoteView[]
  /** Quotes by others whose text mentions this entity. */
  readonly quotesAbout: readonly QuoteView[]
  readonly assessments: readonly AssessmentView[]
  readonly timeline: readonly TimelineEntry[]
}

function summary(corpus: Corpus, id: string): EntitySummary | null {
  const g = corpus.entity(id)
  if (!g) return null
  let mentions = 0
  const articles = new Set<string>()
  for (const m of g.members) {
    const e = corpus.docs.get(m.article)?.layers.entities?.[m.entity]
    if (!e) continue
    mentions += e.mentions.length
    articles.add(m.article)
  }
  return { id: g.id, type: g.type, name: g.name, aliases: g.aliases, mentions, articles: articles.size }
}

export function entitySummaries(corpus: Corpus): EntitySummary[] {
  return corpus.entities
    .map((g) => summary(corpus, g.id))
    .filter((s): s is EntitySummary => s !== null)
    .sort((a, b) => b.mentions - a.mentions || b.articles - a.articles || a.name.localeCompare(b.name))
}

export async function listEntities(store: Store, query: { type?: string; limit?: number } = {}): Promise<EntitySummary[]> {
  const corpus = await loadCorpus(store)
  let out = entitySummaries(corpus)
  if (query.type) out = out.filter((e) => e.type.toUpperCase() === query.type!.toUpperCase())
  return query.limit === undefined ? out : out.slice(0, query.limit)
}

export function buildDossier(corpus: Corpus, nameOrAlias: string): EntityDossier | null {
  const g = corpus.find(nameOrAlias)
  if (!g) return null
  const base = summary(corpus, g.id)!
  const names = new Map<string, { text: string; count: number }>()
  const attributes = new Map<string, { name: string; value: string; sources: AttributeSource[] }>()
  const articleList: (ArticleRef & { mentions: number })[] = []
  for (const m of g.members) {
    const doc = corpus.docs.get(m.article)
    const e = doc?.layers.entities?.[m.entity]
    if (!doc || !e) continue
    for (const mi of e.mentions) {
      const mention = doc.layers.mentions?.[mi]
      if (!mention) continue
      const n = names.get(mention.text) ?? { text: mention.text, count: 0 }
      n.count++
      names.set(mention.text, n)
    }
    for (const a of e.attributes) {
      const k = `${a.name}\u0000${foldKey(a.value)}`
      const row = attributes.get(k) ?? { name: a.name, value: a.value, sources: [] }
      row.sources.push({ article: corpus.articleRef(doc.id), start: a.start, end: a.end, text: doc.text.slice(a.start, a.end), ...snippetAt(doc.text, a.start, a.end) })
      attributes.set(k, row)
    }
    const existing = articleList.find((x) => x.id === doc.id)
    if (existing) existing.mentions += e.mentions.length
    else articleList.push({ ...corpus.articleRef(doc.id), mentions: e.mentions.length })
  }
  const quotes = allQuotes(corpus)
  return {
    ...base,
    merges: g.merges,
    names: [...names.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
    attributes: [...attributes.values()],
    articleList,
    quotesBy: quotes.filter((q) => q.speaker?.id === g.id),
    quotesAbout: quotes.filter((q) => q.speaker?.id !== g.id && q.about.some((a) => a.id === g.id)),
    assessments: allAssessments(corpus).filter((a) => a.holder?.id === g.id),
    timeline: filterTimeline(corpus, buildTimeline(corpus).filter((e) => e.actors.some((a) => a.id === g.id))),
  }
}

/** One entity by id, name or alias (case- and diacritic-insensitive), with everything known about it; null when unknown. */
export async function entityDossier(store: Store, nameOrAlias: string): Promise<EntityDossier | null> {
  return buildDossier(await loadCorpus(store), nameOrAlias)
}
