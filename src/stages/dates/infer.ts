import type { DateCandidate } from './extract.js'

/** Bounds on an unknown publication date, from the dates an article mentions. */
export interface InferredPublished {
  readonly after?: string
  readonly before?: string
  readonly reason: string
}

/** First and last day covered by an ISO value ("2022" → 2022-01-01 … 2022-12-31). */
export function isoBounds(value: string): { first: string; last: string } {
  const [y, m, d] = value.slice(0, 10).split('-')
  if (d) return { first: `${y}-${m}-${d}`, last: `${y}-${m}-${d}` }
  if (m) {
    const lastDay = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate()
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(lastDay).padStart(2, '0')}` }
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` }
}

/**
 * An article is written after the absolute dates it speaks of in the past or present tense (and after the
 * start of any "since X" range), and before those it speaks of in the future tense. `upper` is an outside
 * upper bound (the context's reference date, when given).
 */
export function inferPublished(cands: readonly DateCandidate[], upper?: string): InferredPublished | null {
  let after: { day: string; text: string } | null = null
  let before: { day: string; text: string } | null = null
  for (const c of cands) {
    // A future in the past ("said it would open in March 2024") bounds neither side of the writing time.
    if (c.refDependent || c.value === null || c.precision === 'decade' || c.tense === 'future-in-past') continue
    const { first, last } = isoBounds(c.from ?? c.value)
    if (c.tense === 'future' && c.from === undefined) {
      if (!before || last < before.day) before = { day: last, text: c.text }
    } else if (!after || first > after.day) {
      after = { day: first, text: c.text }
    }
  }
  if (upper && (!before || upper < before.day)) before = { day: upper.slice(0, 10), text: 'the reference date' }
  if (before && after && before.day < after.day) before = null
  if (!after && !before) return null
  const reasons: string[] = []
  if (after) reasons.push(`mentions “${after.text}” in the past or present tense`)
  if (before) reasons.push(before.text === 'the reference date' ? 'not after the reference date' : `mentions “${before.text}” in the future tense`)
  return {
    ...(after ? { after: after.day } : {}),
    ...(before ? { before: before.day } : {}),
    reason: reasons.join('; '),
  }
}
