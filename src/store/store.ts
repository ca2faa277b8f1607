import type { Doc } from '../doc/doc.js'
import type { BlockType, LayerName } from '../doc/layers.js'

// One interface, two adapters (sqlite/, postgres/), one shared contract suite (store.contract.ts).
// Methods are async so the PostgreSQL adapter fits the same shape; the SQLite adapter resolves at once.

export interface ArticleSummary {
  readonly id: string
  readonly title: string | null
  readonly outlet: string | null
  readonly published: string | null
  readonly language: string | null
  readonly url: string | null
  readonly sourcePath: string | null
  readonly originalSource: string | null
  readonly originalAuthor: string | null
  readonly contentHash: string
  readonly addedAt: string
}

export interface SearchHit {
  readonly article: ArticleSummary
  /** bm25 score, lower is better (SQLite's convention). */
  readonly rank: number
  /** Snippet with matches wrapped in the given markers. */
  readonly snippet: string
  readonly blockType: BlockType | 'title'
}

export interface AddResult {
  readonly id: string
  /** True when an article with the same content hash was already stored: nothing was written. */
  readonly duplicate: boolean
}

/**
 * Cross-article results (entity identities, stories, questions) are recomputed from all stored Docs by
 * src/link and saved whole, replacing the previous set, in one transaction.
 */
export interface Links {
  readonly entities: readonly GlobalEntity[]
  readonly questions: readonly Question[]
  readonly stories: readonly Story[]
}

export interface GlobalEntity {
  readonly id: string
  readonly type: string
  readonly name: string
  readonly aliases: readonly string[]
  /** Which article-level entities (article id, index in that Doc's `entities` layer) this identity joins. */
  readonly members: readonly { readonly article: string; readonly entity: number }[]
  /** Why members were merged: one line each ("transliteration key zelenskyj", "alias table: Kiev → Kyiv"). */
  readonly merges: readonly string[]
}

export interface Question {
  readonly id: string
  readonly text: string
  /** Assessments as (article id, index in that Doc's `assessments` layer). */
  readonly assessments: readonly { readonly article: string; readonly assessment: number }[]
}

export interface Story {
  readonly id: string
  readonly title: string
  readonly articles: readonly string[]
  /** Copies and republications: which article is the origin of which. */
  readonly provenance: readonly { readonly article: string; readonly origin: string; readonly reason: string }[]
}

export interface Store {
  /** Creates or upgrades the schema (versioned migrations). Idempotent. */
  migrate(): Promise<void>
  /** Stores one annotated article in one transaction; a known content hash is a no-op reported as duplicate. */
  addDoc(doc: Doc): Promise<AddResult>
  getDoc(id: string): Promise<Doc | null>
  /**
   * Replaces a stored article's annotations with those of `doc` (same id) in one transaction, keeping its place in
   * insertion order and its added-at time: re-running a newer pipeline over stored articles. Throws for an unknown id.
   */
  replaceDoc(doc: Doc): Promise<void>
  /**
   * Every stored Doc, in insertion order, without holding them all in memory. `layers`: only these layers, the
   * others left out (and not parsed where the store can help it): a reader that keeps every Doc, like linking,
   * holds half the memory.
   */
  docs(options?: { readonly layers?: readonly LayerName[] }): AsyncIterable<Doc>
  listArticles(): Promise<ArticleSummary[]>
  getArticle(id: string): Promise<ArticleSummary | null>
  countArticles(): Promise<number>
  /** Full-text search over titles and body/subhead/headline text, best first. */
  search(query: string, options?: { limit?: number; mark?: [string, string] }): Promise<SearchHit[]>
  saveLinks(links: Links): Promise<void>
  /**
   * A number that grows with every write (an article stored, links saved), by this process or another: a reader
   * that keeps a view of the store compares it to know whether the view is stale.
   */
  version(): Promise<number>
  getLinks(): Promise<Links>
  close(): Promise<void>
}
