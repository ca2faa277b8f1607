import type { Store } from '../store/store.js'
import type { ArticleRef, Corpus, EntityRef } from './corpus.js'
import { loadCorpus } from './corpus.js'

export interface StorySummary {
  readonly id: string
  readonly title: string
  readonly articles: readonly ArticleRef[]
  /** Earliest and latest publication date among its articles. */
  readonly from: string | null
  readonly to: string | null
}

export interface ProvenanceView {
  readonly article: ArticleRef
  /** The origin as the linker gave it: an article id when stored, else a source name ("Blick"). */
  readonly origin: string
  /** The origin article when it is stored here. */
  readonly originArticle: ArticleRef | null
  readonly reason: string
}

export interface StoryPage extends StorySummary {
  readonly provenance: readonly ProvenanceView[]
  /** Per article: its summary, first headline and where it says it came from. */
  readonly items: readonly (ArticleRef & { readonly originalSource: string | null; readonly originalAuthor: string | null; readonly url: string | null; readonly copyOf: readonly ProvenanceView[] })[]
  /** Entities mentioned across the story, most mentioned first. */
  readonly entities: readonly (EntityRef & { readonly mentions: number })[]
}

function storySummary(corpus: Corpus, id: string): StorySummary | null {
  const s = corpus.links.stories.find((x) => x.id === id)
  if (!s) return null
  const articles = s.articles.map((a) => corpus.articleRef(a))
  const dates = articles.map((a) => a.published).filter((d): d is string => d !== null).sort()
  return { id: s.id, title: s.title, articles, from: dates[0] ?? null, to: dates[dates.length - 1] ?? null }
}

export async function storyList(store: Store): Promise<StorySummary[]> {
  const corpus = await loadCorpus(store)
  return corpus.links.stories.map((s) => storySummary(corpus, s.id)!).sort((a, b) => (b.to ?? '').localeCompare(a.to ?? ''))
}

export function buildStoryPage(corpus: Corpus, id: string): StoryPage | null {
  const base = storySummary(corpus, id)
  const s = corpus.links.stories.find((x) => x.id === id)
  if (!base || !s) return null
  const provenance: ProvenanceView[] = s.provenance.map((p) => ({
    article: corpus.articleRef(p.article), origin: p.origin,
    originArticle: corpus.docs.has(p.origin) ? corpus.articleRef(p.origin) : null, reason: p.reason,
  }))
  const summaries = new Map(corpus.articles.map((a) => [a.id, a]))
  const counts = new Map<string, number>()
  for (const aid of s.articles) {
    const doc = corpus.docs.get(aid)
    for (const m of doc?.layers.mentions ?? []) {
      const g = corpus.globalOf(aid, m.entity)
      if (g) counts.set(g, (counts.get(g) ?? 0) + 1)
    }
  }
  return {
    ...base,
    provenance,
    items: s.articles.map((aid) => {
      const sum = summaries.get(aid)
      return {
        ...corpus.articleRef(aid), originalSource: sum?.originalSource ?? null, originalAuthor: sum?.originalAuthor ?? null,
        url: sum?.url ?? null, copyOf: provenance.filter((p) => p.article.id === aid),
      }
    }),
    entities: [...counts.entries()]
      .map(([gid, n]) => ({ ...corpus.ref(gid)!, mentions: n }))
      .sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)),
  }
}

export async function storyPage(store: Store, id: string): Promise<StoryPage | null> {
  return buildStoryPage(await loadCorpus(store), id)
}
