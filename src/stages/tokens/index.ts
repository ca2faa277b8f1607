import { withLayers } from '../../doc/doc.js'
import type { Stage } from '../../pipeline/stage.js'
import { tokenize } from './tokenize.js'

export { tokenize } from './tokenize.js'

/** Tokens over the whole text (blocks are not needed: every character is covered once). */
export const tokensStage: Stage = {
  name: 'tokens.v1',
  requires: [],
  assigns: ['tokens'],
  run(doc) {
    return withLayers(doc, { tokens: tokenize(doc.text) })
  },
}
