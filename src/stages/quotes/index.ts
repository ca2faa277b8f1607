// quotes.v1: direct, reported and mixed speech with resolved speakers. The passes and their order are in
// attribute.ts (marks.ts pairs quotation marks; cues come from src/lexicon/cues as data; tagger.ts is the
// learned attribution tagger).
import { layer, withLayers } from '../../doc/doc.js'
import type { Stage } from '../../pipeline/stage.js'
import { attribute, type ModelGate } from './attribute.js'
import type { TaggerModel } from './tagger.js'

export { attribute, MODEL_GATE, type ModelGate } from './attribute.js'
export { findQuotedSpans, type QuotedSpan } from './marks.js'

/** The quotes stage with the tagger's gate changed (`{ passes: 1 }`: the first pass alone, faster) or another tagger model (null: rules only). */
export function createQuotesStage(modelGate: Partial<ModelGate> = {}, tagger?: TaggerModel | null): Stage {
  return {
    name: 'quotes.v1',
    requires: ['blocks', 'tokens', 'sentences', 'mentions', 'entities'],
    assigns: ['quotes'],
    run(doc) {
      const quotes = attribute({
        text: doc.text,
        blocks: layer(doc, 'blocks'),
        sentences: layer(doc, 'sentences'),
        mentions: layer(doc, 'mentions'),
        entities: layer(doc, 'entities'),
        modelGate,
        ...(tagger !== undefined ? { tagger } : {}),
      })
      return withLayers(doc, { quotes })
    },
  }
}

export const quotesStage: Stage = createQuotesStage()
