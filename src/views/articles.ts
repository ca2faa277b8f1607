import type { BlockType, DatePrecision } from '../doc/layers.js'
import type { ArticleSummary, Store } from '../store/store.js'
import type { AssessmentView } from './assessments.js'
import { allAssessments } from './assessments.js'
import type { Corpus, EntityRef } from './corpus.js'
import { loadCorpus } from './corpus.js'
import type { QuoteView } from './quotes.js'
import { allQuotes } from './quotes.js'
import type { TimelineEntry } from './timeline.js'
import { buildTimeline, filterTimeline } from './timeline.js'

export interface ArticleListItem extends ArticleSummary {
  readonly quotes: number
  readonly entities: number
  readonly stories: readonly { readonly id: string; readonly title: string }[]
}

export interface BlockView {
  readonly index: number
  readonly type: BlockType
  readonly text: string
  readonly start: number
  readonly end: number
  readonly credit: string | null
  /** Quotes inside this block, offsets relative to the block's text. */
  readonly quotes: readonly { readonly id: string; readonly start: number; readonly end: number; readonly kind: string; readonly speakerName: string | null }[]
}

export interface ArticlePage {
  readonly article: ArticleSummary
  readonly author: string | null
  readonly publishedInferred: { readonly after?: string; readonly before?: string; readonly reason: string } | null
  readonly blocks: readonly BlockView[]
  /** Local entities with their global identity; `localName` is the name this article uses. */
  readonly entities: readonly (EntityRef & { readonly local: number; readonly localName: string; readonly mentions: number })[]
  readonly quotes: readonly QuoteView[]
  readonly dates: readonly { readonly text: string; readonly value: string | null; readonly precision: DatePrecision; readonly start: number; readonly end: number }[]
  readonly events: readonly TimelineEntry[]
  readonly assessments: readonly AssessmentView[]
  readonly stories: readonly { readonly id: string; readonly title: string }[]
}

function storiesOf(corpus: Corpus, id: string) {
  return corpus.links.stories.filter((s) => s.articles.includes(id)).map((s) => ({ id: s.id, title: s.title }))
}

/** Stored articles with a few counts, newest publication first (undated last). */
export async function articleList(store: Store): Promise<ArticleListItem[]> {
  const corpus = await loadCorpus(store)
  return corpus.articles
    .map((a) => {
      const doc = corpus.docs.get(a.id)
      return { ...a, quotes: doc?.layers.quotes?.length ?? 0, entities: doc?.layers.entities?.length ?? 0, stories: storiesOf(corpus, a.id) }
    })
    .sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''))
}

export function buildArticlePage(corpus: Corpus, id: string): ArticlePage | null {
  const doc = corpus.docs.get(id)
  const article = corpus.articles.find((a) => a.id === id)
  if (!doc || !article) return null
  const quotes = allQuotes(corpus).filter((q) => q.article.id === id)
  const blocks: BlockView[] = (doc.layers.blocks ?? [{ type: 'body' as const, start: 0, end: doc.text.length }]).map((b, index) => ({
    index, type: b.type, text: doc.text.slice(b.start, b.end), start: b.start, end: b.end,
    credit: ('credit' in b && b.credit ? b.credit.text : null),
    quotes: quotes
      .filter((q) => q.start >= b.start && q.end <= b.end)
      .map((q) => ({ id: q.id, start: q.start - b.start, end: q.end - b.start, kind: q.kind, speakerName: q.speakerName })),
  }))
  return {
    article,
    author: doc.meta.author ?? null,
    publishedInferred: doc.meta.publishedInferred ?? null,
    blocks,
    entities: (doc.layers.entities ?? []).map((e, i) => ({ ...corpus.ref(corpus.globalOf(id, i))!, local: i, localName: e.name, mentions: e.mentions.length })),
    quotes,
    dates: (doc.layers.dates ?? []).map((d) => ({ text: d.text, value: d.value, precision: d.precision, start: d.start, end: d.end })),
    events: filterTimeline(corpus, buildTimeline(corpus)).filter((e) => e.sources.some((s) => s.article.id === id)),
    assessments: allAssessments(corpus).filter((a) => a.article.id === id),
    stories: storiesOf(corpus, id),
  }
}

export async function articlePage(store: Store, id: string): Promise<ArticlePage | null> {
  return buildArticlePage(await loadCorpus(store), id)
}
