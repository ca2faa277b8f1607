// The library: one engine that ingests inputs, runs the pipeline over each article, stores the result
// (one transaction per article) and relinks across articles. The CLI, the API and the web UI are thin
// layers over this module and src/views.
import type { ArticleMeta, Doc } from './doc/doc.js'
import { createDoc, withLayers } from './doc/doc.js'
import { ingest, type IngestOptions, type IngestedArticle } from './ingest/index.js'
import { relink } from './link/index.js'
import { createPipeline, type Pipeline } from './pipeline/pipeline.js'
import { defaultStages } from './pipeline/registry.js'
import type { Stage, StageContext } from './pipeline/stage.js'
import { openStore } from './store/open-store.js'
import type { Links, Store } from './store/store.js'

export type { Doc, ArticleMeta } from './doc/doc.js'
export type { Store, Links } from './store/store.js'
export type { Stage, StageContext } from './pipeline/stage.js'
export { createDoc } from './doc/doc.js'
export { createPipeline } from './pipeline/pipeline.js'
export { defaultStages } from './pipeline/registry.js'
export { openStore } from './store/open-store.js'

export interface EngineOptions {
  /** A Store, or a spec for `openStore`: a SQLite file path (default ./dossier.db) or a postgres:// URL. */
  readonly store?: Store | string
  readonly stages?: readonly Stage[]
}

export interface AddOptions {
  /** Metadata that overrides what inputs say (CLI flags --published, --outlet, --title). */
  readonly overrides?: Partial<ArticleMeta>
  readonly ingest?: Omit<IngestOptions, 'overrides'>
  readonly context?: StageContext
  /** Called after each input, for progress display. */
  readonly onItem?: (item: AddItemResult) => void
  /** Recompute cross-article links after the batch (default true). */
  readonly relink?: boolean
}

export type AddItemResult =
  | { readonly status: 'added'; readonly input: string; readonly id: string; readonly title: string | undefined }
  | { readonly status: 'duplicate'; readonly input: string; readonly id: string; readonly title: string | undefined }
  | { readonly status: 'failed'; readonly input: string; readonly reason: string }

export interface AddSummary {
  readonly added: AddItemResult[]
  readonly duplicates: AddItemResult[]
  readonly failed: AddItemResult[]
}

export interface ReprocessOptions {
  readonly context?: StageContext
  /** Called after each stored article. */
  readonly onItem?: (item: ReprocessItemResult) => void
  /** Recompute cross-article links afterwards (default true). */
  readonly relink?: boolean
}

export type ReprocessItemResult =
  | { readonly status: 'reprocessed'; readonly id: string }
  | { readonly status: 'failed'; readonly id: string; readonly reason: string }

export interface ReprocessSummary {
  readonly reprocessed: string[]
  readonly failed: { readonly id: string; readonly reason: string }[]
}

export interface Engine {
  readonly store: Store
  readonly pipeline: Pipeline
  /** Runs the pipeline over one ingested article without storing it. */
  analyze(article: IngestedArticle, context?: StageContext): Doc
  /** Ingests inputs (paths, folders, URLs, feeds, '-') and stores each article; a bad input is reported and skipped. */
  add(inputs: readonly string[], options?: AddOptions): Promise<AddSummary>
  /**
   * Runs the pipeline again over every stored article, keeping its text, metadata and blocks (what ingestion read
   * from the source), and replaces its annotations one article per transaction: stored articles get what a newer
   * engine finds. An article that fails is reported and keeps its old annotations.
   */
  reprocess(options?: ReprocessOptions): Promise<ReprocessSummary>
  relink(): Promise<Links>
  close(): Promise<void>
}

/** Layers that are cheap to recompute and large to keep are not stored. */
const TRANSIENT_LAYERS = ['tokens'] as const

function forStorage(doc: Doc): Doc {
  const layers = { ...doc.layers }
  for (const name of TRANSIENT_LAYERS) delete layers[name]
  return { ...doc, layers }
}

export async function createEngine(options: EngineOptions = {}): Promise<Engine> {
  const store = typeof options.store === 'object' ? options.store : await openStore(options.store ?? 'dossier.db')
  const pipeline = createPipeline(options.stages ?? defaultStages())

  function analyze(article: IngestedArticle, context: StageContext = {}): Doc {
    let doc = createDoc(article.text, article.meta)
    if (article.blocks && article.blocks.length > 0) doc = withLayers(doc, { blocks: article.blocks })
    return pipeline.run(doc, context)
  }

  async function add(inputs: readonly string[], opts: AddOptions = {}): Promise<AddSummary> {
    const summary: AddSummary = { added: [], duplicates: [], failed: [] }
    const record = (r: AddItemResult) => {
      if (r.status === 'added') summary.added.push(r)
      else if (r.status === 'duplicate') summary.duplicates.push(r)
      else summary.failed.push(r)
      opts.onItem?.(r)
    }
    for await (const item of ingest([...inputs], { ...opts.ingest, overrides: opts.overrides })) {
      if (!item.ok) {
        record({ status: 'failed', input: item.input, reason: item.reason })
        continue
      }
      let doc: Doc
      try {
        doc = analyze(item.article, opts.context)
      } catch (err) {
        record({ status: 'failed', input: item.article.input, reason: err instanceof Error ? err.message : String(err) })
        continue
      }
      try {
        const res = await store.addDoc(forStorage(doc))
        record({ status: res.duplicate ? 'duplicate' : 'added', input: item.article.input, id: res.id, title: doc.meta.title })
      } catch (err) {
        record({ status: 'failed', input: item.article.input, reason: `could not store: ${err instanceof Error ? err.message : String(err)}` })
      }
    }
    if ((opts.relink ?? true) && summary.added.length > 0) await relink(store)
    return summary
  }

  async function reprocess(opts: ReprocessOptions = {}): Promise<ReprocessSummary> {
    const summary: { reprocessed: string[]; failed: { id: string; reason: string }[] } = { reprocessed: [], failed: [] }
    // ids first: the store is written while they are worked through (a read cursor would hold the connection)
    for (const { id } of await store.listArticles()) {
      const stored = await store.getDoc(id)
      if (!stored) continue
      try {
        let doc = createDoc(stored.text, stored.meta, stored.id)
        if (stored.layers.blocks && stored.layers.blocks.length > 0) doc = withLayers(doc, { blocks: stored.layers.blocks })
        await store.replaceDoc(forStorage(pipeline.run(doc, opts.context)))
        summary.reprocessed.push(id)
        opts.onItem?.({ status: 'reprocessed', id })
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err)
        summary.failed.push({ id, reason })
        opts.onItem?.({ status: 'failed', id, reason })
      }
    }
    if ((opts.relink ?? true) && summary.reprocessed.length > 0) await relink(store)
    return summary
  }

  return {
    store,
    pipeline,
    analyze,
    add,
    reprocess,
    relink: () => relink(store),
    close: () => store.close(),
  }
}
