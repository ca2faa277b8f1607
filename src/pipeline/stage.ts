import type { Doc } from '../doc/doc.js'
import type { LayerName } from '../doc/layers.js'

/** What every stage may read besides the Doc: the clock and shared resources, injected so tests control them. */
export interface StageContext {
  /** Date that relative expressions resolve against when the article gives none (ISO). */
  readonly referenceDate?: string
}

/**
 * A pipeline stage: a pure function over a Doc, named for the layer it assigns and versioned
 * ("quotes.v1"). `requires` and `assigns` let the runner check the order before anything runs.
 */
export interface Stage {
  readonly name: string
  readonly requires: readonly LayerName[]
  readonly assigns: readonly LayerName[]
  run(doc: Doc, ctx: StageContext): Doc
}
