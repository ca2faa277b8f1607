import { layer, withLayers } from '../../doc/doc.js'
import type { Block, EntityType, Mention, Span, Token } from '../../doc/layers.js'
import type { Stage } from '../../pipeline/stage.js'
import { tagDocument } from './tag.js'

export { tagTokens, tagDocument, loadModels } from './tag.js'
export { buildDocContext, type DocContext } from './features.js'

/** Blocks whose sentences are tagged. Bylines, bios, source lines and boilerplate are not news text. */
const TAGGED_BLOCKS: ReadonlySet<Block['type']> = new Set(['headline', 'subhead', 'body', 'caption'])

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
    const credits: Span[] = blocks.flatMap((b) => (b.credit ? [b.credit] : []))
    const inBlock = (s: Span): boolean => blocks.some((b) => s.start >= b.start && s.end <= b.end)
    const inCredit = (t: Span): boolean => credits.some((c) => t.start < c.end && t.end > c.start)
    const sents: Token[][] = []
    let k = 0
    for (const s of [...sentences].sort((a, b) => a.start - b.start)) {
      while (k < tokens.length && tokens[k]!.start < s.start) k++
      if (!inBlock(s)) continue
      const toks: Token[] = []
      for (let j = k; j < tokens.length && tokens[j]!.end <= s.end; j++) if (!inCredit(tokens[j]!)) toks.push(tokens[j]!)
      if (toks.length) sents.push(toks)
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
