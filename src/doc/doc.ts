import { createHash } from 'node:crypto'
import type { LayerName, Layers, Span } from './layers.js'

/** What is known about an article besides its text. Every field is optional: inputs differ in what they give. */
export interface ArticleMeta {
  readonly title?: string
  readonly outlet?: string
  readonly url?: string
  readonly sourcePath?: string
  /** ISO date or date-time of publication, as given by the input or the user. */
  readonly published?: string
  /** When no date was given: bounds inferred from the text, with the reasoning. */
  readonly publishedInferred?: { readonly after?: string; readonly before?: string; readonly reason: string }
  readonly author?: string
  /** ISO 639-1 code, detected or given. */
  readonly language?: string
  /** Where a republished article says it came from ("Source: Blick") and who wrote it there. */
  readonly originalSource?: string
  readonly originalAuthor?: string
  /** sha256 of the normalised text: the identity used to spot re-added articles. */
  readonly contentHash?: string
  /** Anything else an input carried (feed item id, JSON-LD type, ...). */
  readonly extra?: Readonly<Record<string, string>>
}

/**
 * One article: an immutable text plus stand-off layers. Stages never mutate a Doc; they return a new one
 * with more layers (and sometimes more metadata) via `withLayers` / `withMeta`.
 */
export interface Doc {
  readonly id: string
  readonly text: string
  readonly meta: ArticleMeta
  readonly layers: Partial<Layers>
}

/** Normalises line endings and strips a BOM and NULs, so offsets mean the same thing everywhere. */
export function normalizeText(raw: string): string {
  let t = raw.startsWith('\uFEFF') ? raw.slice(1) : raw
  t = t.replace(/\r\n?/g, '\n').replace(/\u0000/g, '')
  return t
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim()).digest('hex')
}

export function createDoc(text: string, meta: ArticleMeta = {}, id?: string): Doc {
  const normalized = normalizeText(text)
  const hash = meta.contentHash ?? contentHash(normalized)
  return Object.freeze({
    id: id ?? hash.slice(0, 16),
    text: normalized,
    meta: Object.freeze({ ...meta, contentHash: hash }),
    layers: Object.freeze({}),
  })
}

export function withLayers(doc: Doc, layers: Partial<Layers>): Doc {
  return Object.freeze({ ...doc, layers: Object.freeze({ ...doc.layers, ...layers }) })
}

export function withMeta(doc: Doc, meta: Partial<ArticleMeta>): Doc {
  return Object.freeze({ ...doc, meta: Object.freeze({ ...doc.meta, ...meta }) })
}

/** The layer, or an error naming it: for stages whose `requires` guarantee it is there. */
export function layer<K extends LayerName>(doc: Doc, name: K): Layers[K] {
  const l = doc.layers[name]
  if (l === undefined) throw new Error(`doc ${doc.id}: layer "${name}" is missing`)
  return l as Layers[K]
}

export function sliceSpan(doc: Doc, span: Span): string {
  return doc.text.slice(span.start, span.end)
}

/** Checks that a span lies inside the text; used by the runner after each stage. */
export function spanInBounds(doc: Doc, span: Span): boolean {
  return Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.end <= doc.text.length && span.start <= span.end
}
