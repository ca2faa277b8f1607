import { layer, withLayers } from '../../doc/doc.js'
import type { Sentence, Token } from '../../doc/layers.js'
import type { Stage } from '../../pipeline/stage.js'
import { splitSentences } from './split-sentences.js'

export { splitSentences } from './split-sentences.js'

/** Sentences per block: they never cross a block boundary and every block yields at least one. */
export const sentencesStage: Stage = {
  name: 'sentences.v1',
  requires: ['blocks', 'tokens'],
  assigns: ['sentences'],
  run(doc) {
    const blocks = layer(doc, 'blocks')
    const tokens = layer(doc, 'tokens')
    const out: Sentence[] = []
    // tokens are sorted by offset: walk them once with a moving cursor instead of filtering per block
    let k = 0
    const sorted = [...blocks].sort((a, b) => a.start - b.start)
    for (const b of sorted) {
      while (k < tokens.length && tokens[k]!.start < b.start) k++
      const mine: Token[] = []
      let j = k
      while (j < tokens.length && tokens[j]!.end <= b.end) mine.push(tokens[j++]!)
      out.push(...splitSentences(doc.text, b.start, b.end, mine))
    }
    return withLayers(doc, { sentences: out })
  },
}
