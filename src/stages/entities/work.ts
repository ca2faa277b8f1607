// The working state the numbered steps pass along: mentions being cleaned, retyped, added and linked,
// plus index helpers over tokens and sentences. Internal to this stage.
import type { Doc } from '../../doc/doc.js'
import type { Block, BlockType, EntityType, Sentence, Token } from '../../doc/layers.js'

export interface WorkMention {
  start: number
  end: number
  type: EntityType
  /** Cleaned name: no possessive, no leading "the", no edge quotes. */
  name: string
  /** Introduced as another name of something named before it ("originally called Y", "X (Y)"): never canonical. */
  secondary: boolean
  /** Not tagged by the mentions stage: added here as a repeat of a known name. */
  added: boolean
}

export interface Work {
  readonly doc: Doc
  readonly text: string
  readonly tokens: readonly Token[]
  readonly sentences: readonly Sentence[]
  mentions: WorkMention[]
  /** Stated alias links between two mentions, with the reason ("originally called"). */
  links: { a: WorkMention; b: WorkMention; reason: string }[]
}

/** Index of the last item whose start is <= offset (items sorted by start), or -1. */
export function lastStartingAtOrBefore(items: readonly { start: number }[], offset: number): number {
  let lo = 0
  let hi = items.length - 1
  let ans = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (items[mid]!.start <= offset) {
      ans = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return ans
}

/** The sentence holding an offset, or undefined. */
export function sentenceAt(sentences: readonly Sentence[], offset: number): Sentence | undefined {
  const i = lastStartingAtOrBefore(sentences, offset)
  const s = i >= 0 ? sentences[i] : undefined
  return s && offset <= s.end ? s : undefined
}

/** Sorts mentions by start and drops overlaps: a tagged mention wins over an added one, else the earlier one. */
export function sortMentions(ms: WorkMention[]): WorkMention[] {
  const sorted = [...ms].sort((a, b) => a.start - b.start || Number(a.added) - Number(b.added) || b.end - a.end)
  const out: WorkMention[] = []
  for (const m of sorted) {
    const last = out[out.length - 1]
    if (last && m.start < last.end) {
      if (last.added && !m.added) out[out.length - 1] = m
      continue
    }
    out.push(m)
  }
  return out
}

/** Blocks whose text is article content (what the tagger reads); names elsewhere are not added as mentions. */
export const CONTENT_BLOCKS: ReadonlySet<BlockType> = new Set(['headline', 'subhead', 'body', 'caption'])

const sortedBlocks = new WeakMap<readonly Block[], Block[]>()

/** True when the offset lies in a content block, or when the Doc has no blocks layer. Binary search. */
export function inContentBlock(doc: Doc, offset: number): boolean {
  const blocks = doc.layers.blocks
  if (!blocks) return true
  let sorted = sortedBlocks.get(blocks)
  if (!sorted) sortedBlocks.set(blocks, (sorted = [...blocks].sort((a, b) => a.start - b.start)))
  const i = lastStartingAtOrBefore(sorted, offset)
  const b = sorted[i]
  return !!b && offset < b.end && CONTENT_BLOCKS.has(b.type)
}

/** A credit line at the start of a line ("Photo: Reuters / Jane Doe", "Image by X"): names in it are not the article's. */
const CREDIT_LINE_RE = /^[ \t]*(?:\(?\s*)(?:Photos?|Photograph(?:s|y)?|Images?|Pictures?|Credits?|Foto|Bild|Illustrations?|Graphics?)\s*(?::|by\s)/i
/** How far back from a mention a credit line's start is looked for (credit lines are short). */
const CREDIT_LOOKBACK = 160

const sortedCredits = new WeakMap<readonly Block[], { start: number; end: number }[]>()

/**
 * True when the offset lies in a photo credit: a block's typed credit span, or a line that starts with a credit
 * label ("Photo:", "Image:", "Credit:"). Bounded look-back, so linear over all mentions.
 */
export function inCredit(doc: Doc, offset: number): boolean {
  const blocks = doc.layers.blocks
  if (blocks) {
    let cs = sortedCredits.get(blocks)
    if (!cs) sortedCredits.set(blocks, (cs = blocks.flatMap((b) => (b.credit ? [b.credit] : [])).sort((a, b) => a.start - b.start)))
    const i = lastStartingAtOrBefore(cs, offset)
    if (i >= 0 && offset < cs[i]!.end) return true
  }
  const from = Math.max(0, offset - CREDIT_LOOKBACK)
  const win = doc.text.slice(from, offset)
  const nl = win.lastIndexOf('\n')
  if (nl < 0 && from > 0) return false
  return CREDIT_LINE_RE.test(win.slice(nl + 1))
}
