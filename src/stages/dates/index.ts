import { layer, withLayers, withMeta } from '../../doc/doc.js'
import type { Doc } from '../../doc/doc.js'
import type { Block, DateMention, Span } from '../../doc/layers.js'
import type { Stage, StageContext } from '../../pipeline/stage.js'
import { extractDates, parseRef } from './extract.js'
import type { DateCandidate } from './extract.js'
import { inferPublished } from './infer.js'
import { prefiltered } from './patterns.js'

export { extractDates, parseRef, chooseYear, tenseAt, isoAt } from './extract.js'
export type { DateCandidate, Tense } from './extract.js'
export { inferPublished } from './infer.js'

/** Block types whose text is read for dates, and the `source` each gives its dates. */
const SOURCE: Partial<Record<Block['type'], DateMention['source']>> = {
  headline: 'headline',
  subhead: 'headline',
  body: 'body',
  caption: 'caption',
}
/** Guard against pathological inputs (a table of thousands of dates): later ones are dropped. */
const MAX_DATES = 2000
/** Reference used only to run the parser when no date is known; values that depend on it are discarded. */
const PROVISIONAL_REF = new Date(Date.UTC(2100, 0, 1, 12))

interface Segment extends Span {
  readonly source: DateMention['source']
  readonly credit?: Span
}

/** The sentences of each readable block, clipped to it; a block without sentences is one segment. */
export function segments(doc: Doc): Segment[] {
  const blocks = layer(doc, 'blocks')
  const sentences = layer(doc, 'sentences')
  const out: Segment[] = []
  let si = 0
  for (const b of blocks) {
    const source = SOURCE[b.type]
    if (!source) continue
    const credit = b.credit ? { start: b.credit.start, end: b.credit.end } : undefined
    while (si < sentences.length && (sentences[si]?.end ?? 0) <= b.start) si++
    let found = false
    for (let j = si; j < sentences.length; j++) {
      const s = sentences[j]
      if (!s || s.start >= b.end) break
      const start = Math.max(s.start, b.start)
      const end = Math.min(s.end, b.end)
      if (end > start) {
        out.push({ start, end, source, ...(credit ? { credit } : {}) })
        found = true
      }
    }
    if (!found) out.push({ start: b.start, end: b.end, source, ...(credit ? { credit } : {}) })
  }
  return out
}

function collect(doc: Doc, segs: readonly Segment[], ref: Date): { seg: Segment; cands: DateCandidate[] }[] {
  const out: { seg: Segment; cands: DateCandidate[] }[] = []
  for (const seg of segs) {
    const text = doc.text.slice(seg.start, seg.end)
    if (!prefiltered(text)) continue
    const cands = extractDates(text, ref).filter(
      (c) => !seg.credit || !(seg.start + c.start < seg.credit.end && seg.credit.start < seg.start + c.end),
    )
    if (cands.length > 0) out.push({ seg, cands })
  }
  return out
}

function toMention(seg: Segment, c: DateCandidate, value: string | null): DateMention {
  return {
    start: seg.start + c.start,
    end: seg.start + c.end,
    text: c.text,
    value,
    precision: c.precision,
    ...(c.from !== undefined && value !== null ? { from: c.from } : {}),
    ...(c.to !== undefined && value !== null ? { to: c.to } : {}),
    relative: c.relative,
    source: seg.source,
  }
}

function run(doc: Doc, ctx: StageContext): Doc {
  const segs = segments(doc)
  const known = parseRef(doc.meta.published) ?? parseRef(ctx.referenceDate)
  let out = doc
  let dates: DateMention[] = []
  const found = collect(doc, segs, known ?? PROVISIONAL_REF)
  if (doc.meta.published === undefined) {
    const inferred = inferPublished(found.flatMap((f) => f.cands), ctx.referenceDate)
    if (inferred) out = withMeta(out, { publishedInferred: inferred })
    if (!known) {
      // Resolve a reference-dependent date only where both bounds give it the same value: never guess.
      const lo = parseRef(inferred?.after)
      const hi = parseRef(inferred?.before)
      const atHi = hi && lo ? collect(doc, segs, hi) : []
      const atLo = hi && lo ? collect(doc, segs, lo) : []
      const valueAt = (list: typeof atHi, start: number, end: number): string | null | undefined =>
        list.flatMap((f) => f.cands.map((c) => ({ s: f.seg.start + c.start, e: f.seg.start + c.end, v: c.value }))).find((x) => x.s === start && x.e === end)?.v
      for (const { seg, cands } of found) {
        for (const c of cands) {
          let value = c.value
          if (c.refDependent) {
            const a = valueAt(atLo, seg.start + c.start, seg.start + c.end)
            const b = valueAt(atHi, seg.start + c.start, seg.start + c.end)
            value = a !== undefined && a === b ? a : null
          }
          dates.push(toMention(seg, c, value))
        }
      }
      return withLayers(out, { dates: dates.slice(0, MAX_DATES) })
    }
  }
  dates = found.flatMap(({ seg, cands }) => cands.map((c) => toMention(seg, c, c.value)))
  return withLayers(out, { dates: dates.slice(0, MAX_DATES) })
}

/** Date and time expressions in headline, subhead, body and caption blocks, resolved against the publication date. */
export const datesStage: Stage = {
  name: 'dates.v1',
  requires: ['blocks', 'sentences'],
  assigns: ['dates'],
  run,
}
