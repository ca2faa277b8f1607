// Test helper: a Doc with blocks, tokens, sentences and mentions made from a text and a list of
// [surface, type] pairs, so the entities stage can be tested without the tagger. Every word-bounded
// occurrence of a surface is tagged (longest surfaces first, no overlaps), like a consistent tagger would;
// a third element picks one occurrence only (0-based), to test inconsistent tagging.
import { createDoc, withLayers, type Doc } from '../../doc/doc.js'
import type { Block, EntityType, Mention } from '../../doc/layers.js'
import { splitSentences } from '../sentences/index.js'
import { tokenize } from '../tokens/index.js'

export type TagSpec = readonly [surface: string, type: EntityType, occurrence?: number]

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

export function makeDoc(text: string, tags: readonly TagSpec[], blocks?: readonly Block[]): Doc {
  const doc = createDoc(text)
  const t = doc.text
  const bl: Block[] = blocks ? [...blocks] : [{ start: 0, end: t.length, type: 'body' }]
  const tokens = tokenize(t)
  const sentences = bl.flatMap((b) => splitSentences(t, b.start, b.end, tokens.filter((k) => k.start >= b.start && k.end <= b.end)))
  const taken: Mention[] = []
  const covered = new Uint8Array(t.length)
  const sorted = [...tags].sort((a, b) => b[0].length - a[0].length)
  for (const [surface, type, occ] of sorted) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRe(surface)}(?![\\p{L}\\p{N}])`, 'gu')
    let n = 0
    for (let m = re.exec(t); m; m = re.exec(t)) {
      const start = m.index
      const end = start + surface.length
      const i = n++
      if (occ !== undefined && i !== occ) continue
      if (covered.subarray(start, end).some((c) => c === 1)) continue
      covered.fill(1, start, end)
      taken.push({ start, end, type, text: surface })
    }
  }
  taken.sort((a, b) => a.start - b.start)
  return withLayers(doc, { blocks: bl, tokens, sentences, mentions: taken })
}
