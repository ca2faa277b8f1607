import * as chrono from 'chrono-node'
import type { DateMention, DatePrecision } from '../../doc/layers.js'
import {
  AUX_BEFORE_PARTICIPLE, BARE_MONTH, BARE_YEAR, CLAUSE_BREAK, DECADE, DECADE_WORDS, FIP_SLACK_DAYS, MAX_YEARS_AHEAD,
  ADJUNCT_OPENER, BARE_CLAUSE, NARRATIVE_RELATIVE, WEEKDAY_RANGE, chronoWindows, DATELINE_BEFORE, TIME_ONLY, FISCAL_YEAR, SINCE_BEFORE, LAST_BEFORE, THIS_BEFORE, LEAN_FUTURE_BEFORE, NEXT_BEFORE, MONTHS, MONTH_BEFORE, NOT_PAST_ED, NUMERIC_DATE, PART_OF_MONTH, PART_OF_YEAR, PAST_SPAN, QUARTER, QUARTER_ORDINAL,
  RANGE_FROM_BEFORE, RANGE_TO_BEFORE, RELATIVE_DECADE, SEASON_MONTH, SEASON_NO_YEAR, TENSE_CUE,
  SEASON, SKIP_CHRONO, UNIT_DAY, UNIT_MONTH, UNIT_WEEK, UNIT_YEAR, WEEKDAYS, WEEKDAY_ONLY, YEAR_BEFORE,
  YEAR_COUNT_NOUN, YEAR_EVENT_NOUN,
} from './patterns.js'

/** One date expression found in a piece of text; offsets are relative to that text. The stage adds `source`. */
export interface DateCandidate extends Omit<DateMention, 'source'> {
  /** The value depends on the reference date (relative words, or a month/day without a year). */
  readonly refDependent: boolean
  /** The clause around it speaks of the future (for inferring the publication date). */
  readonly tense: Tense
}

/**
 * 'future-in-past': after a past speech or plan ("said the chamber would vote in July", "promised to finish by
 * March"): the next occurrence after the time of speaking, which may be before or after the reference date.
 */
export type Tense = 'future' | 'future-in-past' | 'past' | 'unknown'
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

interface Cue {
  readonly start: number
  readonly end: number
  readonly tense: Tense
}

/** Tense cues and clause breaks of the last text seen (extractDates asks for many dates of one text in a row). */
let cached: { text: string; cues: Cue[]; breaks: [number, number][] } | null = null

function analyse(text: string): { cues: Cue[]; breaks: [number, number][] } {
  if (cached?.text === text) return cached
  const cues: Cue[] = []
  TENSE_CUE.lastIndex = 0
  for (let m = TENSE_CUE.exec(text); m; m = TENSE_CUE.exec(text)) {
    const g = m.groups ?? {}
    const start = m.index
    const end = start + m[0].length
    if (g.past !== undefined && !/^(?:was|were|had|did|ago)$/i.test(m[0])) {
      // A past form is a past verb unless it is a participle after an auxiliary; an "-ed" word, unless a non-verb or a name.
      if (AUX_BEFORE_PARTICIPLE.test(text.slice(Math.max(0, start - 30), start))) continue
      if (/ed$/i.test(m[0]) && (NOT_PAST_ED.test(m[0]) || (/^[A-Z]/.test(m[0]) && start > 0))) continue
    }
    if (m[0] === 'May') continue
    const tense: Tense = g.pastPlan !== undefined ? 'unknown' : g.pastModal !== undefined || g.past !== undefined ? 'past' : g.fip !== undefined ? 'future-in-past' : 'future'
    cues.push({ start, end, tense })
  }
  const breaks: [number, number][] = []
  CLAUSE_BREAK.lastIndex = 0
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) breaks.push([m.index, m.index + m[0].length])
  cached = { text, cues, breaks }
  return cached
}

/**
 * Tense of the date at [start, end) of `text` (a sentence):
 *  1. "since", "last" or "next" just before it;
 *  2. the nearest tense cue before it inside its clause (the verb an adverbial of time follows), else the first
 *     after it in the clause ("in July the chamber would vote");
 *  3. a range closed by "until"/"by" with no verb in its clause looks ahead;
 *  4. a prepositional adjunct set off by commas ("In October, she said", "His next speech, on May 28, was") takes
 *     the next verb;
 *  5. a clause of nothing but the date and function words ("..., in February and October") or a weekday (`loose`)
 *     takes the verb of a neighbouring clause; otherwise 'unknown' (the nearest occurrence).
 */
export function tenseAt(text: string, start: number, end: number, loose = false): Tense {
  const lead = text.slice(Math.max(0, start - 25), start)
  if (start < 60 && DATELINE_BEFORE.test(text.slice(0, start))) return 'unknown'
  if (SINCE_BEFORE.test(lead) || LAST_BEFORE.test(lead)) return 'past'
  if (NEXT_BEFORE.test(lead)) return 'future'
  const { cues, breaks } = analyse(text)
  let from = 0
  let to = text.length
  for (const [a, b] of breaks) {
    if (b <= start) from = b
    else if (a >= end) { to = a; break }
  }
  let before: Cue | undefined
  let after: Cue | undefined
  let firstAfter: Cue | undefined
  let lastBefore: Cue | undefined
  for (const c of cues) {
    if (c.end <= start) {
      lastBefore = c
      if (c.start >= from) before = c
    } else if (c.start >= end) {
      firstAfter ??= c
      if (c.end <= to && !after) after = c
      if (after) break
    }
  }
  // A plan told in the past ("was scheduled for March") gives 'unknown': the nearest occurrence.
  const found = before ?? after
  if (found) return found.tense
  const setOff = ADJUNCT_OPENER.test(text.slice(from, start)) && (from === 0 || /,\s*$/.test(text.slice(Math.max(0, from - 3), from))) && text[to] === ','
  if (!setOff && LEAN_FUTURE_BEFORE.test(lead)) return 'future'
  if (setOff && firstAfter) return firstAfter.tense
  const bare = BARE_CLAUSE.test(text.slice(from, start)) && BARE_CLAUSE.test(text.slice(end, to))
  if (loose || bare) return (lastBefore ?? firstAfter)?.tense ?? 'unknown'
  return 'unknown'
}

/**
 * The year for a month (and day) given without one: the last one before `ref` in past clauses, the next in future
 * ones (in the future of a past speech, the next after a month before `ref`: the speech came first), else the nearest.
 */
export function chooseYear(month: number, day: number | null, ref: Date, tense: Tense): number {
  if (tense === 'future-in-past') return chooseYear(month, day, new Date(ref.getTime() - FIP_SLACK_DAYS * 86_400_000), 'future')
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

interface Draft extends Omit<DateCandidate, 'tense'> {
  /** Month (and day) whose year was chosen by tense: re-placed after the time of speaking in a future in the past. */
  readonly placed?: { readonly month: number; readonly day: number | null }
  /** One expression naming a stretch of time (a decade, a quarter): "since" keeps only its start, "by" its end. */
  readonly stretch?: boolean
}

function overlaps(a: { start: number; end: number }, list: readonly { start: number; end: number }[]): boolean {
  return list.some((b) => a.start < b.end && b.start < a.end)
}

/** Rules chrono lacks: parts of months and years, seasons, decades (run before chrono, they win overlaps). */
/** Cheap word tests that gate the rules below (most sentences need none of them). */
const HAS_MONTH = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i
const HAS_YEAR_PART = /\d{4}|the year/i
const HAS_SEASON = /spring|summer|autumn|fall|winter/i
const HAS_DECADE = /\bthe\s+(?:\d|['’]|[a-z]+ties)/i
const HAS_QUARTER = /quarter|\bQ[1-4]/i
const HAS_FISCAL = /fiscal|financial|\bFY/i
const HAS_RELATIVE_DECADE = /decade/i

function specificRules(text: string, ref: Date): Draft[] {
  const out: Draft[] = []
  const refYear = ref.getUTCFullYear()
  const hasMonth = HAS_MONTH.test(text)
  const yearPart = HAS_YEAR_PART.test(text)
  const season = HAS_SEASON.test(text)
  if (hasMonth) for (const m of text.matchAll(PART_OF_MONTH)) {
    const month = monthNumber(m[3] ?? '')
    if (!month) continue
    const start = m.index
    const end = start + m[0].length
    const year = m[4] ? Number(m[4]) : chooseYear(month, null, ref, tenseAt(text, start, end))
    out.push({ start, end, text: m[0], value: `${pad(year, 4)}-${pad(month)}`, precision: 'part-of-month', relative: false, refDependent: !m[4], ...(m[4] ? {} : { placed: { month, day: null } }) })
  }
  if (yearPart) for (const m of text.matchAll(PART_OF_YEAR)) {
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
  if (season && yearPart) for (const m of text.matchAll(SEASON)) {
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: m[2] ?? null, precision: 'season', relative: false, refDependent: false })
  }
  if (HAS_DECADE.test(text)) for (const m of text.matchAll(DECADE)) {
    let decade: number
    if (m[1]) decade = Number(m[1])
    else {
      const yy = m[2] ? Number(m[2]) : DECADE_WORDS[(m[3] ?? '').toLowerCase()] ?? 0
      // "the '90s", "the nineties": the 20th century, except "'00s" and "'10s" which can only be this one.
      decade = yy <= 10 ? 2000 + yy : 1900 + yy
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: String(decade), precision: 'decade', from: String(decade), to: String(decade + 9), relative: false, refDependent: false, stretch: true })
  }
  if (HAS_QUARTER.test(text)) for (const m of text.matchAll(QUARTER)) {
    const start = m.index
    const end = start + m[0].length
    const q = m[1] ? (QUARTER_ORDINAL[m[1].toLowerCase()] ?? 0) : Number(m[4] ?? m[8])
    const yearText = m[3] ?? m[5] ?? m[7] ?? (m[6] ? `20${m[6]}` : undefined)
    const fiscal = /fiscal|financial/i.test(m[0])
    if (!q) continue
    // A quarter without a year is the last one ended (past) or the next one ending (future) at the reference date.
    const year = yearText ? Number(yearText) : /this\s+year|the\s+year/i.test(m[0]) ? refYear : chooseYear(q * 3, null, ref, tenseAt(text, start, end))
    const first = `${pad(year, 4)}-${pad(q * 3 - 2)}`
    // Fiscal quarters follow each company's own year: only the year is known.
    out.push(fiscal
      ? { start, end, text: m[0], value: String(year), precision: 'part-of-year', relative: false, refDependent: !yearText }
      : { start, end, text: m[0], value: first, precision: 'part-of-year', from: first, to: `${pad(year, 4)}-${pad(q * 3)}`, relative: false, refDependent: !yearText, stretch: true })
  }
  if (HAS_FISCAL.test(text)) for (const m of text.matchAll(FISCAL_YEAR)) {
    const year = m[1] ?? m[2] ?? (m[3] ? `20${m[3]}` : '')
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: year, precision: 'year', relative: false, refDependent: false })
  }
  if (HAS_RELATIVE_DECADE.test(text)) for (const m of text.matchAll(RELATIVE_DECADE)) {
    const start = m.index
    const end = start + m[0].length
    const decade = Math.floor(refYear / 10) * 10
    const point = (m[1] ?? '').toLowerCase()
    const which = (m[2] ?? '').toLowerCase().replace(/\s+/g, ' ')
    let d: Draft
    if (point) {
      // "by the end of the decade": the decade's last year; its beginning, its first; its middle, its fifth.
      const y = point === 'end' || point === 'close' || point === 'turn' ? decade + 9 : point === 'middle' ? decade + 5 : decade
      d = { start, end, text: m[0], value: String(y), precision: 'year', relative: true, refDependent: true }
    } else if (which === 'this' || which === 'the current') {
      d = { start, end, text: m[0], value: String(decade), precision: 'decade', from: String(decade), to: String(decade + 9), relative: true, refDependent: true, stretch: true }
    } else if (which === 'the next' || which === 'the coming') {
      // "the next decade" is the ten years ahead, not the next calendar decade.
      d = { start, end, text: m[0], value: String(refYear), precision: 'year', from: String(refYear), to: String(refYear + 10), relative: true, refDependent: true }
    } else {
      d = { start, end, text: m[0], value: String(refYear - 10), precision: 'year', from: String(refYear - 10), to: isoDay(ref), relative: true, refDependent: true }
    }
    out.push(d)
  }
  if (season) for (const m of text.matchAll(SEASON_NO_YEAR)) {
    const start = m.index
    const end = start + m[0].length
    const season = (m[2] ?? m[3] ?? '').toLowerCase()
    const month = SEASON_MONTH[season] ?? 1
    const which = (m[1] ?? '').toLowerCase().replace(/\s+/g, ' ')
    const refMonth = ref.getUTCMonth() + 1
    let year: number
    // Winter is named by the year it starts in ("winter 2023" runs into 2024).
    if (which === 'this') year = season === 'winter' && refMonth <= 3 ? refYear - 1 : refYear
    else if (which === 'next' || which === 'the coming') year = which === 'next' ? refYear + 1 : (month >= refMonth ? refYear : refYear + 1)
    else if (which === 'last' || which === 'the past') year = month < refMonth ? refYear : refYear - 1
    else year = chooseYear(month, null, ref, tenseAt(text, start, end))
    out.push({ start, end, text: m[0], value: String(year), precision: 'season', relative: which !== '', refDependent: true })
  }
  if (/\d{4}/.test(text)) for (const m of text.matchAll(YEAR_RANGE)) {
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
  // Chrono reads only the windows around its triggers; a window of bare weekday names needs no chrono at all.
  const results: { r: chrono.ParsedResult | null; at: number; text: string }[] = []
  for (const w of chronoWindows(text)) {
    if (w.weekdays) {
      for (const [a, b] of w.weekdays) {
        const on = /\bon\s+$/i.exec(text.slice(Math.max(0, a - 4), a))
        const at = on ? a - on[0].length : a
        results.push({ r: null, at, text: text.slice(at, b) })
      }
      continue
    }
    for (const r of chrono.en.parse(text.slice(w.start, w.end), { instant: ref, timezone: 0 }, { forwardDate: false })) results.push({ r, at: w.start + r.index, text: r.text })
  }
  for (const { r, at, text: found } of results) {
    const raw = found.replace(/[\s,.;:]+$/, '')
    const start = at
    const end = start + raw.length
    if (raw.length === 0 || SKIP_CHRONO.test(raw) || TIME_ONLY.test(raw) || /^(?:in\s+)?(?:a|one|the)\s+quarter$/i.test(raw)) continue
    // "six days before voters go", "a year earlier than planned": counted from another event, not from now.
    if (/\b(?:before|after)$/i.test(raw) && /^\s+\w/.test(text.slice(end, end + 3))) continue
    if (NARRATIVE_RELATIVE.test(raw)) continue
    // "in a year in which ...", "in four years of college": a stretch of time, not a date.
    if (/^in\s/i.test(raw) && /^\s+(?:of|in|when|that|where|which)\b/i.test(text.slice(end, end + 8))) continue
    const span = { start, end }
    if (overlaps(span, taken) || overlaps(span, out)) continue
    const before = text.slice(Math.max(0, start - 30), start)
    // A bare month name needs a preposition and a capital ("in October"): else "May" is a name and "march" a verb.
    if (BARE_MONTH.test(raw) && (!/^[A-Z]/.test(raw) || !MONTH_BEFORE.test(before) || (/^May$/.test(raw) && /\bfor\s+$/i.test(before)))) continue
    const weekday = WEEKDAY_ONLY.exec(raw)
    const weekdayRange = WEEKDAY_RANGE.exec(raw)
    const tense = tenseAt(text, start, end, weekday !== null || weekdayRange !== null)
    if (weekdayRange) {
      // "Wednesday through Sunday": the first day placed by tense like a lone weekday, the last the days after it.
      const first = WEEKDAYS.indexOf((weekdayRange[1] ?? '').toLowerCase() as (typeof WEEKDAYS)[number])
      const last = WEEKDAYS.indexOf((weekdayRange[2] ?? '').toLowerCase() as (typeof WEEKDAYS)[number])
      const refDay = ref.getUTCDay()
      const delta = first === refDay ? 0 : tense === 'future' || tense === 'future-in-past' ? (first - refDay + 7) % 7 : -((refDay - first + 7) % 7)
      const a = new Date(ref.getTime() + delta * 86_400_000)
      const b = new Date(a.getTime() + ((last - first + 7) % 7) * 86_400_000)
      out.push({ start, end, text: raw, value: isoDay(a), precision: 'day', from: isoDay(a), to: isoDay(b), relative: true, refDependent: true })
      continue
    }
    if (weekday || !r) {
      const target = WEEKDAYS.indexOf(((weekday?.[1] ?? raw.replace(/^on\s+/i, ''))).toLowerCase() as (typeof WEEKDAYS)[number])
      const refDay = ref.getUTCDay()
      // The publication's own weekday is that day, whatever the tense ("Tuesday's vote" in Tuesday's paper).
      let delta = target === refDay ? 0 : tense === 'future' || tense === 'future-in-past' ? (target - refDay + 7) % 7 : -((refDay - target + 7) % 7)
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
    const year = yearKnown ? (s.get('year') ?? ref.getUTCFullYear()) : month && !THIS_BEFORE.test(before) ? chooseYear(month, day, ref, tense) : ref.getUTCFullYear()
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
    const placed = !yearKnown && month ? { placed: { month, day } } : {}
    out.push(to ? { start, end, text: raw, value, precision, from: value, to, relative: false, refDependent: !yearKnown, ...placed } : { start, end, text: raw, value, precision, relative: false, refDependent: !yearKnown, ...placed })
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
  const out: DateCandidate[] = []
  for (const d0 of kept) {
    const tense = tenseAt(text, d0.start, d0.end)
    const d = tense === 'future-in-past' ? afterSpeech(d0, out) : d0
    const before = text.slice(Math.max(0, d.start - 25), d.start)
    let { from, to } = d
    if (d.value !== null && (d.stretch || (from === undefined && to === undefined))) {
      // "since the 1990s", "since Q3 2023" open a range at the start of the stretch; "by Q3" closes one at its end.
      if (RANGE_FROM_BEFORE.test(before)) { from = from ?? d.value; to = undefined }
      else if (RANGE_TO_BEFORE.test(before) || /^within\s/i.test(d.text)) { to = to ?? d.value; from = undefined }
    }
    const { placed: _placed, stretch: _stretch, from: _f, to: _t, ...base } = d
    out.push({ ...base, tense, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) })
  }
  return out
}

/**
 * A future in the past counts from the time of speaking: when an earlier date of the sentence says when
 * ("said in January that the vote would be held in March"), the next occurrence after it.
 */
function afterSpeech(d: Draft, earlier: readonly DateCandidate[]): Draft {
  if (!d.placed || d.value === null) return d
  const speech = [...earlier].reverse().find((e) => e.tense === 'past' && e.value !== null && /^\d{4}-\d{2}/.test(e.value) && e.from === undefined && e.to === undefined)
  const at = parseRef(speech?.value ?? undefined)
  if (!at) return d
  const year = chooseYear(d.placed.month, d.placed.day, at, 'future')
  const shift = year - Number(d.value.slice(0, 4))
  if (shift === 0) return d
  const move = (v: string | undefined): string | undefined => (v === undefined ? v : `${pad(Number(v.slice(0, 4)) + shift, 4)}${v.slice(4)}`)
  const { from, to, ...rest } = d
  return { ...rest, value: move(d.value) ?? null, ...(from !== undefined ? { from: move(from)! } : {}), ...(to !== undefined ? { to: move(to)! } : {}) }
}
