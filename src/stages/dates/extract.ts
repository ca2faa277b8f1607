import * as chrono from 'chrono-node'
import type { DatePrecision } from '../../doc/layers.js'
import {
  BARE_MONTH, BARE_YEAR, CLAUSE_BREAK, DECADE, DECADE_WORDS, FUTURE_CUE, MAX_YEARS_AHEAD, MONTHS, MONTH_BEFORE,
  NOT_PAST_ED, NUMERIC_DATE, PART_OF_MONTH, PART_OF_YEAR, PAST_CUE, PAST_SPAN, RANGE_FROM_BEFORE, RANGE_TO_BEFORE,
  SEASON, SKIP_CHRONO, UNIT_DAY, UNIT_MONTH, UNIT_WEEK, UNIT_YEAR, WEEKDAYS, WEEKDAY_ONLY, YEAR_BEFORE,
  YEAR_COUNT_NOUN, YEAR_EVENT_NOUN,
} from './patterns.js'

/** One date expression found in a piece of text; offsets are relative to that text. */
export interface DateCandidate {
  readonly start: number
  readonly end: number
  readonly text: string
  readonly value: string | null
  readonly precision: DatePrecision
  readonly from?: string
  readonly to?: string
  /** Worded relative to the writing time ("three years ago", "on Monday", "last month"). */
  readonly relative: boolean
  /** The value depends on the reference date (relative words, or a month/day without a year). */
  readonly refDependent: boolean
  /** The clause around it speaks of the future (for inferring the publication date). */
  readonly tense: Tense
}

export type Tense = 'future' | 'past' | 'unknown'

const NOT_PAST_ED_G = new RegExp(NOT_PAST_ED.source, 'g')
const YEAR_RANGE = /\b(1[5-9]\d\d|20\d\d)\s?[-–]\s?(1[5-9]\d\d|20\d\d|\d\d)\b(?![\d,])/g

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** Parses "2022-12-20" or an ISO date-time into a Date at noon UTC of that day (no time-zone drift). */
export function parseRef(iso: string | undefined): Date | null {
  if (!iso) return null
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(iso)
  if (!m) return null
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? '1'), 12))
  return Number.isNaN(d.getTime()) ? null : d
}

export function isoDay(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** ISO value of a date at a precision: "2022", "2022-10", "2022-10-15". */
export function isoAt(d: Date, precision: DatePrecision): string {
  const y = pad(d.getUTCFullYear(), 4)
  switch (precision) {
    case 'year': case 'season': case 'decade': case 'part-of-year': return y
    case 'month': case 'part-of-month': return `${y}-${pad(d.getUTCMonth() + 1)}`
    case 'time': return `${isoDay(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
    default: return isoDay(d)
  }
}

/** Tense of the clause holding [start, end), else of the whole text. */
export function tenseAt(text: string, start: number, end: number): Tense {
  let from = 0
  let to = text.length
  CLAUSE_BREAK.lastIndex = 0
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    if (m.index + m[0].length <= start) from = m.index + m[0].length
    else if (m.index >= end) { to = m.index; break }
  }
  return tenseOf(text.slice(from, to)) ?? tenseOf(text) ?? 'unknown'
}

function tenseOf(s: string): Tense | null {
  if (FUTURE_CUE.test(s)) return 'future'
  if (PAST_CUE.test(s.toLowerCase().replace(NOT_PAST_ED_G, ''))) return 'past'
  return null
}

/** The year for a month (and day) given without one: the last one before `ref` in past clauses, the next in future ones, else the nearest. */
export function chooseYear(month: number, day: number | null, ref: Date, tense: Tense): number {
  const y = ref.getUTCFullYear()
  const key = (yy: number): number => (day === null ? yy * 12 + month : Date.UTC(yy, month - 1, day, 12))
  const refKey = day === null ? y * 12 + ref.getUTCMonth() + 1 : ref.getTime()
  const years = [y - 1, y, y + 1]
  if (tense === 'past') return years.filter((yy) => key(yy) <= refKey).pop() ?? y
  if (tense === 'future') return years.find((yy) => key(yy) >= refKey) ?? y
  let best = y
  for (const yy of years) if (Math.abs(key(yy) - refKey) < Math.abs(key(best) - refKey)) best = yy
  return best
}

function monthNumber(word: string): number {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? 0
}

interface Draft extends Omit<DateCandidate, 'tense'> {}

function overlaps(a: { start: number; end: number }, list: readonly { start: number; end: number }[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end)
}

/** Rules chrono lacks: parts of months and years, seasons, decades (run before chrono, they win overlaps). */
function specificRules(text: string, ref: Date): Draft[] {
  const out: Draft[] = []
  const refYear = ref.getUTCFullYear()
  for (const m of text.matchAll(PART_OF_MONTH)) {
    const month = monthNumber(m[3] ?? '')
    if (!month) continue
    const start = m.index
    const end = start + m[0].length
    const year = m[4] ? Number(m[4]) : chooseYear(month, null, ref, tenseAt(text, start, end))
    out.push({ start, end, text: m[0], value: `${pad(year, 4)}-${pad(month)}`, precision: 'part-of-month', relative: false, refDependent: !m[4] })
  }
  for (const m of text.matchAll(PART_OF_YEAR)) {
    const start = m.index
    const end = start + m[0].length
    const yearWord = m[4] ?? ''
    const explicit = /^\d{4}$/.test(yearWord)
    const year = explicit ? Number(yearWord) : refYear
    const point = (m[3] ?? '').toLowerCase()
    // "the beginning of 2023" names a point (its first month); "the early months of 2023" a stretch of the year.
    const value = point === 'beginning' || point === 'start' || point === 'turn' ? `${year}-01` : point === 'end' ? `${year}-12` : String(year)
    out.push({ start, end, text: m[0], value, precision: 'part-of-year', relative: !explicit, refDependent: !explicit })
  }
  for (const m of text.matchAll(SEASON)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: m[2] ?? null, precision: 'season', relative: false, refDependent: false })
  }
  for (const m of text.matchAll(DECADE)) {
    let decade: number
    if (m[1]) decade = Number(m[1])
    else {
      const yy = m[2] ? Number(m[2]) : DECADE_WORDS[(m[3] ?? '').toLowerCase()] ?? 0
      // "the '90s", "the nineties": the 20th century, except "'00s" and "'10s" which can only be this one.
      decade = yy <= 10 ? 2000 + yy : 1900 + yy
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: String(decade), precision: 'decade', from: String(decade), to: String(decade + 9), relative: false, refDependent: false })
  }
  for (const m of text.matchAll(YEAR_RANGE)) {
    const a = Number(m[1])
    const bRaw = m[2] ?? ''
    const b = bRaw.length === 2 ? Math.floor(a / 100) * 100 + Number(bRaw) : Number(bRaw)
    if (b <= a || b - a > 50) continue
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: String(a), precision: 'year', from: String(a), to: String(b), relative: false, refDependent: false })
  }
  return out
}

function chronoRules(text: string, ref: Date, taken: readonly Draft[]): Draft[] {
  const out: Draft[] = []
  const results = chrono.en.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })
  for (const r of results) {
    const raw = r.text.replace(/[\s,.;:]+$/, '')
    const start = r.index
    const end = start + raw.length
    if (raw.length === 0 || SKIP_CHRONO.test(raw)) continue
    const span = { start, end }
    if (overlaps(span, taken) || overlaps(span, out)) continue
    const before = text.slice(Math.max(0, start - 30), start)
    // A bare month name needs a preposition and a capital ("in October"): else "May" is a name and "march" a verb.
    if (BARE_MONTH.test(raw) && (!/^[A-Z]/.test(raw) || !MONTH_BEFORE.test(before))) continue
    const tense = tenseAt(text, start, end)
    const weekday = WEEKDAY_ONLY.exec(raw)
    if (weekday) {
      const target = WEEKDAYS.indexOf((weekday[1] ?? '').toLowerCase() as (typeof WEEKDAYS)[number])
      const refDay = ref.getUTCDay()
      let delta = tense === 'future' ? (target - refDay + 7) % 7 || 7 : -((refDay - target + 7) % 7)
      if (/^next\b/i.test(before.trim().split(/\s+/).pop() ?? '')) delta = (target - refDay + 7) % 7 || 7
      const d = new Date(ref.getTime() + delta * 86_400_000)
      out.push({ start, end, text: raw, value: isoDay(d), precision: 'day', relative: true, refDependent: true })
      continue
    }
    const numeric = NUMERIC_DATE.exec(raw)
    if (numeric) {
      const [a, b, c] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])]
      const fourDigitYear = (numeric[1] ?? '').length === 4 ? a : (numeric[3] ?? '').length === 4 ? c : null
      const ambiguous = (numeric[1] ?? '').length !== 4 && a <= 12 && b <= 12 && a !== b
      if (fourDigitYear === null && (ambiguous || c <= 31)) {
        // "03/04/05": month, day and year order cannot be told apart; never guess.
        out.push({ start, end, text: raw, value: null, precision: 'day', relative: false, refDependent: false })
        continue
      }
      if (ambiguous && fourDigitYear !== null) {
        out.push({ start, end, text: raw, value: String(fourDigitYear), precision: 'year', relative: false, refDependent: false })
        continue
      }
    }
    const relative = r.tags().has('result/relativeDate') || /\b(?:ago|last|next|this|past|previous|yesterday|today|tomorrow|tonight|later|earlier)\b/i.test(raw)
    const s = r.start
    let precision: DatePrecision
    if (relative) {
      precision = UNIT_YEAR.test(raw) ? 'year' : UNIT_MONTH.test(raw) ? 'month' : UNIT_WEEK.test(raw) ? 'week' : UNIT_DAY.test(raw) ? 'day' : s.isCertain('day') ? 'day' : 'day'
      const d = s.date()
      const value = isoAt(d, precision)
      const span2: Draft = PAST_SPAN.test(raw)
        ? { start, end, text: raw, value, precision, from: value, to: isoDay(ref), relative: true, refDependent: true }
        : { start, end, text: raw, value, precision, relative: true, refDependent: true }
      out.push(span2)
      continue
    }
    const month = s.get('month')
    const day = s.isCertain('day') ? s.get('day') : null
    // "March 3 to March 5, 2021": the start takes its year from the end.
    const yearKnown = s.isCertain('year') || (r.end?.isCertain('year') ?? false)
    precision = s.isCertain('day') ? (s.isCertain('hour') ? 'time' : 'day') : s.isCertain('month') ? 'month' : yearKnown ? 'year' : 'day'
    const year = yearKnown ? (s.get('year') ?? ref.getUTCFullYear()) : month ? chooseYear(month, day, ref, tense) : ref.getUTCFullYear()
    if (year > ref.getUTCFullYear() + MAX_YEARS_AHEAD) continue
    const mk = (y: number, mo: number | null, dd: number | null, h: number | null, mi: number | null): Date =>
      new Date(Date.UTC(y, (mo ?? 1) - 1, dd ?? 1, h ?? 12, mi ?? 0))
    const startDate = mk(year, month, day ?? s.get('day'), s.get('hour'), s.get('minute'))
    const value = isoAt(startDate, precision)
    let to: string | undefined
    if (r.end) {
      const e = r.end
      const ey = e.isCertain('year') ? (e.get('year') ?? year) : year
      const endDate = mk(ey, e.get('month'), e.get('day'), e.get('hour'), e.get('minute'))
      const endValue = isoAt(endDate, precision)
      if (endValue !== value) to = endValue
    }
    out.push(to ? { start, end, text: raw, value, precision, from: value, to, relative: false, refDependent: !yearKnown } : { start, end, text: raw, value, precision, relative: false, refDependent: !yearKnown })
  }
  return out
}

/** A bare year is kept only with a preposition before it or an event noun after it, and never as a count. */
function yearRules(text: string, ref: Date, taken: readonly Draft[]): Draft[] {
  const out: Draft[] = []
  for (const m of text.matchAll(BARE_YEAR)) {
    const start = m.index
    const end = start + m[0].length
    if (overlaps({ start, end }, taken)) continue
    const year = Number(m[1])
    if (year > ref.getUTCFullYear() + MAX_YEARS_AHEAD) continue
    const after = text.slice(end, end + 40)
    if (YEAR_COUNT_NOUN.test(after)) continue
    const before = text.slice(Math.max(0, start - 20), start)
    if (!YEAR_BEFORE.test(before) && !YEAR_EVENT_NOUN.test(after)) continue
    out.push({ start, end, text: m[0], value: String(year), precision: 'year', relative: false, refDependent: false })
  }
  return out
}

/**
 * Every date expression in `text` (a sentence or a short block), resolved against `ref`.
 * Specific rules win over chrono, and chrono over bare years, where spans overlap.
 */
export function extractDates(text: string, ref: Date): DateCandidate[] {
  const drafts = specificRules(text, ref)
  const kept: Draft[] = []
  for (const d of drafts.sort((a, b) => a.start - b.start || b.end - a.end)) if (!overlaps(d, kept)) kept.push(d)
  kept.push(...chronoRules(text, ref, kept))
  kept.push(...yearRules(text, ref, kept))
  kept.sort((a, b) => a.start - b.start)
  return kept.map((d) => {
    const before = text.slice(Math.max(0, d.start - 25), d.start)
    let { from, to } = d
    if (from === undefined && to === undefined && d.value !== null) {
      if (RANGE_FROM_BEFORE.test(before)) from = d.value
      else if (RANGE_TO_BEFORE.test(before)) to = d.value
    }
    const base = { ...d, tense: tenseAt(text, d.start, d.end) }
    delete (base as { from?: string }).from
    delete (base as { to?: string }).to
    return { ...base, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }
  })
}
