// quotes.v1: direct, reported and mixed speech with resolved speakers. The passes and their order are in
// attribute.ts (marks.ts pairs quotation marks; cues come from src/lexicon/cues as data).
import { layer, withLayers } from '../../doc/doc.js'
import type { Stage } from '../../pipeline/stage.js'
import { attribute } from './attribute.js'

export { attribute } from './attribute.js'
export { findQuotedSpans, type QuotedSpan } from './marks.js'

export const quotesStage: Stage = {
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
    })
    return withLayers(doc, { quotes })
  },
}
