import { layer, withLayers } from '../../doc/doc.js'
import type { Block, EntityType, Mention, Span, Token } from '../../doc/layers.js'
import type { Stage } from '../../pipeline/stage.js'
import { tagDocument } from './tag.js'

export { tagTokens, tagDocument, loadModels } from './tag.js'
export { buildDocContext, type DocContext } from './features.js'

/** Blocks whose sentences are tagged. Bylines, bios, source lines and boilerplate are not news text. */
const TAGGED_BLOCKS: ReadonlySet<Block['type']> = new Set(['headline', 'subhead', 'body', 'caption'])

/** Longer "sentences" (tables, lists, text without punctuation) are tagged in chunks of this many tokens, so
 * memory and time stay bounded. CoNLL sentences are far shorter (max 124 tokens). */
const MAX_SENTENCE_TOKENS = 300

/**
 * Mentions of PER/ORG/LOC/MISC in headline, subhead, body and caption sentences (never inside a caption's photo
 * credit). All tagged sentences of the article form one document for the non-local features.
 */
export const mentionsStage: Stage = {
  name: 'mentions.v1',
  requires: ['blocks', 'tokens', 'sentences'],
  assigns: ['mentions'],
  run(doc) {
    const blocks = layer(doc, 'blocks').filter((b) => TAGGED_BLOCKS.has(b.type))
    const tokens = layer(doc, 'tokens')
    const sentences = layer(doc, 'sentences')
    // Blocks and credits sorted by start; sentences and tokens are walked once with moving cursors, so a
    // huge article stays linear.
    const sortedBlocks = [...blocks].sort((a, b) => a.start - b.start)
    const credits: Span[] = sortedBlocks.flatMap((b) => (b.credit ? [b.credit] : []))
    const sents: Token[][] = []
    let k = 0
    let bi = 0
    let ci = 0
    for (const s of [...sentences].sort((a, b) => a.start - b.start)) {
      while (bi < sortedBlocks.length && sortedBlocks[bi]!.end < s.end) bi++
      const b = sortedBlocks[bi]
      if (!b || s.start < b.start || s.end > b.end) continue
      while (k < tokens.length && tokens[k]!.start < s.start) k++
      const toks: Token[] = []
      for (let j = k; j < tokens.length && tokens[j]!.end <= s.end; j++) {
        const t = tokens[j]!
        while (ci < credits.length && credits[ci]!.end <= t.start) ci++
        const c = credits[ci]
        if (c && t.start < c.end && t.end > c.start) continue
        toks.push(t)
      }
      for (let a = 0; a < toks.length; a += MAX_SENTENCE_TOKENS) sents.push(toks.slice(a, a + MAX_SENTENCE_TOKENS))
    }
    const words = sents.map((ts) => ts.map((t) => doc.text.slice(t.start, t.end)))
    const tags = tagDocument(words)
    const mentions: Mention[] = []
    sents.forEach((ts, si) => {
      const tg = tags[si]!
      let start = -1
      let type = ''
      for (let i = 0; i <= ts.length; i++) {
        const tag = i < ts.length ? tg[i]! : 'O'
        const t = tag === 'O' ? '' : tag.slice(2)
        if (start >= 0 && (tag === 'O' || tag[0] === 'B' || t !== type)) {
          const s = ts[start]!.start
          const e = ts[i - 1]!.end
          mentions.push({ start: s, end: e, type: type as EntityType, text: doc.text.slice(s, e) })
          start = -1
        }
        if (tag !== 'O' && start < 0) {
          start = i
          type = t
        }
      }
    })
    return withLayers(doc, { mentions })
  },
}
