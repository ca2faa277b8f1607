// Test helper (imported only by tests of dates, events, assessments and questions): builds a Doc with
// hand-made upstream layers (blocks, sentences, mentions, entities, quotes) so these stages can be tested
// without the real upstream stages.
import { createDoc, withLayers } from '../../doc/doc.js'
import type { ArticleMeta, Doc } from '../../doc/doc.js'
import type { Block, BlockType, DocEntity, EntityType, Mention, Quote, QuoteKind, Sentence } from '../../doc/layers.js'

export interface TestEntity {
  readonly name: string
  readonly type: EntityType
  /** Surface forms to find in the text (the name itself is always searched). */
  readonly aliases?: readonly string[]
}

export interface TestQuote {
  /** Exact substring of the text: the quote's content. */
  readonly content: string
  readonly speaker: string | null
  readonly kind?: QuoteKind
}

export interface TestDocOptions {
  readonly meta?: ArticleMeta
  readonly entities?: readonly TestEntity[]
  readonly quotes?: readonly TestQuote[]
  readonly id?: string
}

const SENTENCE = /[^.!?]*(?:[.!?]+["”’]?|$)\s*/g

/** Blocks are the given lines joined by blank lines; a line may be `[type, text]`. */
export function makeDoc(lines: readonly (string | readonly [BlockType, string])[], options: TestDocOptions = {}): Doc {
  const parts = lines.map((l) => (typeof l === 'string' ? (['body', l] as const) : l))
  const text = parts.map((p) => p[1]).join('\n\n')
  let doc = createDoc(text, options.meta ?? {}, options.id)
  const blocks: Block[] = []
  const sentences: Sentence[] = []
  let at = 0
  for (const [type, t] of parts) {
    blocks.push({ start: at, end: at + t.length, type })
    for (const m of t.matchAll(SENTENCE)) {
      const trimmed = m[0].trimEnd()
      if (trimmed.length === 0) continue
      sentences.push({ start: at + m.index, end: at + m.index + trimmed.length })
    }
    at += t.length + 2
  }
  const mentions: Mention[] = []
  const entities: DocEntity[] = []
  for (const [i, e] of (options.entities ?? []).entries()) {
    const idx: number[] = []
    for (const form of [e.name, ...(e.aliases ?? [])]) {
      for (const m of text.matchAll(new RegExp(`\\b${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'g'))) {
        if (mentions.some((x) => x.start < m.index + form.length && m.index < x.end)) continue
        idx.push(mentions.length)
        mentions.push({ start: m.index, end: m.index + form.length, type: e.type, text: form, entity: i })
      }
    }
    entities.push({ id: i, type: e.type, name: e.name, aliases: e.aliases ?? [], mentions: idx, attributes: [] })
  }
  const quotes: Quote[] = (options.quotes ?? []).map((q) => {
    const start = text.indexOf(q.content)
    if (start < 0) throw new Error(`quote not in text: ${q.content}`)
    const entity = q.speaker === null ? -1 : entities.findIndex((e) => e.name === q.speaker)
    return {
      start,
      end: start + q.content.length,
      kind: q.kind ?? 'direct',
      text: q.content,
      speakerEntity: entity >= 0 ? entity : null,
      speakerName: q.speaker,
      block: blocks.findIndex((b) => b.start <= start && start < b.end),
    }
  })
  mentions.sort((a, b) => a.start - b.start)
  // re-point entity mention indices after sorting
  const fixed = entities.map((e) => ({ ...e, mentions: mentions.flatMap((m, k) => (m.entity === e.id ? [k] : [])) }))
  doc = withLayers(doc, { blocks, sentences, mentions, entities: fixed, quotes })
  return doc
}
