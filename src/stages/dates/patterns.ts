// Regexes and tunables of the dates stage, defined once here (not in loops) with the reason for each.

/** Month names and their 1-based numbers; abbreviations with an optional dot ("Jan.", "Sept"). */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
}
const MONTH_ALT = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?'
const YEAR = '(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)'

const MONTH_WORD = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec'
const WEEKDAY_WORD = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tues?|Wed|Thu|Thurs|Fri|Sat'
const NUMBER_WORD = 'a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|few|several|couple of|\\d+'
const UNIT_WORD = 'seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|years?|decades?|centur(?:y|ies)|quarters?'
/**
 * Where chrono can find something: a capitalised month or weekday name (case matters: "may", "march", "sat"),
 * a numeric date ("3/4", "2021-03-04", "20.03.2024") or time ("10:30", "7 p.m.", not "4.2 billion"), a relative word, or a count of time units ("two weeks", "3 days"). Chrono is the slow
 * part: it runs only on text that has one of these.
 */
const CHRONO_NAMES = new RegExp(`\\b(?:${MONTH_WORD}|${WEEKDAY_WORD})\\b`)
const CHRONO_OTHER = new RegExp(
  `(?<![\\d.,])\\d{1,4}[/-]\\d{1,2}(?!\\d|[.,]\\d|%)|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\b|\\b\\d{1,2}:\\d\\d\\b|\\d\\s*(?:a\\.?m\\b|p\\.?m\\b)|\\b(?:yesterday|today|tomorrow|tonight|ago|noon|midnight)\\b|\\b(?:last|next|this|past|coming|previous|following|upcoming|later|earlier)\\s+(?:${UNIT_WORD}|morning|afternoon|evening|night|spring|summer|autumn|fall|winter)\\b|\\b(?:${NUMBER_WORD})\\s+(?:${UNIT_WORD})\\b|\\b(?:end|beginning|start|middle)\\s+of\\s+(?:the|this|next|last)\\s+(?:week|month)\\b`,
  'i',
)
/** Cheap gate for CHRONO_OTHER (a digit, or a word it needs), so its alternations run on few sentences. */
const CHRONO_OTHER_GATE = /\d|yesterday|today|tomorrow|tonight|ago\b|noon|midnight|second|minute|hour|day|week|fortnight|month|year|decade|centur|quarter|morning|afternoon|evening|night|spring|summer|autumn|fall|winter/i
const CHRONO_NAMES_G = new RegExp(CHRONO_NAMES.source, 'g')
const CHRONO_OTHER_G = new RegExp(CHRONO_OTHER.source, 'gi')
/** Characters of context chrono gets on each side of a trigger ("from March 3 to March 5, 2021" fits in two). */
export const CHRONO_WINDOW_PAD = 40

/**
 * The stretches of `text` chrono needs to read: each trigger with CHRONO_WINDOW_PAD characters around it, widened
 * to word boundaries and merged where they touch. Chrono's cost grows with the text it reads.
 */
export interface ChronoWindow {
  start: number
  end: number
  /** Every trigger in it is a bare weekday name ("on Monday", "Tuesday's vote"): no need to run chrono. */
  weekdays: [number, number][] | null
}
const FULL_WEEKDAY = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/
/** Words around a weekday that chrono reads as part of it ("last Monday", "Monday night"): chrono handles those. */
const WEEKDAY_MODIFIER_BEFORE = /(?:\b(?:last|next|this|coming|past|previous|following|every|each|late|early|through|thru|to|until)\s+|[-–]\s*)$/i
const WEEKDAY_MODIFIER_AFTER = /^(?:(?:['’]s)?\s+(?:morning|afternoon|evening|night|noon|at|through|thru|to|until|\d)|\s*[-–])/i

export function chronoWindows(text: string): ChronoWindow[] {
  const hits: [number, number, boolean][] = []
  CHRONO_NAMES_G.lastIndex = 0
  for (let m = CHRONO_NAMES_G.exec(text); m; m = CHRONO_NAMES_G.exec(text)) {
    const a = m.index
    const b = a + m[0].length
    const simple = FULL_WEEKDAY.test(m[0]) && !WEEKDAY_MODIFIER_BEFORE.test(text.slice(Math.max(0, a - 12), a)) && !WEEKDAY_MODIFIER_AFTER.test(text.slice(b, b + 12))
    hits.push([a, b, simple])
  }
  if (CHRONO_OTHER_GATE.test(text)) {
    CHRONO_OTHER_G.lastIndex = 0
    for (let m = CHRONO_OTHER_G.exec(text); m; m = CHRONO_OTHER_G.exec(text)) hits.push([m.index, m.index + m[0].length, false])
  }
  hits.sort((a, b) => a[0] - b[0])
  const out: ChronoWindow[] = []
  for (const [a, b, simple] of hits) {
    let start = Math.max(0, a - CHRONO_WINDOW_PAD)
    let end = Math.min(text.length, b + CHRONO_WINDOW_PAD)
    while (start > 0 && !/\s/.test(text[start - 1] ?? '')) start--
    while (end < text.length && !/\s/.test(text[end] ?? '')) end++
    const last = out[out.length - 1]
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end)
      last.weekdays = simple && last.weekdays ? [...last.weekdays, [a, b]] : null
    } else out.push({ start, end, weekdays: simple ? [[a, b]] : null })
  }
  return out
}
/**
 * One cheap test per sentence before any rule runs: a chrono trigger, a four-digit number, a decade, a season,
 * a quarter or fiscal year, or a part of "the year". Sentences without any of these cannot hold a date expression.
 */
const OWN_RULES = /\d{4}|\b(?:decades?|spring|summer|autumn|fall|winter|quarter|nineties|eighties|seventies|sixties|fifties|forties|thirties|twenties|Q[1-4]|FY\s?\d\d)|['’]\d0s\b|of\s+the\s+year\b/i
export function prefiltered(text: string): boolean {
  // Loose on purpose: chronoWindows makes the exact test for chrono, once.
  return OWN_RULES.test(text) || CHRONO_NAMES.test(text) || CHRONO_OTHER_GATE.test(text)
}

/** Part of a month: "mid-October", "early March 2021", "the end of May", "the beginning of June 2020". */
export const PART_OF_MONTH = new RegExp(
  `\\b(?:(early|mid|late)[- ]|(?:the )?(beginning|start|middle|end|first half|second half|first week|last week) of )(${MONTH_ALT})(?:,? ${YEAR})?\\b`,
  'gi',
)

/** Part of a year: "the early months of 2023", "early 2021", "the end of 2022", "the first half of the year". */
export const PART_OF_YEAR = new RegExp(
  `\\b(?:the )?(?:(early|mid|late)[- ]|(early|first|last|final|closing|coming|later|opening) (?:few )?months of (?:the year )?|(beginning|start|middle|end|first half|second half|turn) of (?:the year )?)(${YEAR}|the year)\\b`,
  'gi',
)

/** Seasons with a year: "spring 2021", "in the summer of 2019". A season without a year is too vague to place. */
export const SEASON = new RegExp(`\\b(?:the )?(spring|summer|autumn|fall|winter)(?: of)? ${YEAR}\\b`, 'gi')

/**
 * Calendar and fiscal quarters: "the third quarter (of 2024)", "third-quarter", "Q3 2024", "2024 Q3", "Q3'24",
 * "the fourth fiscal quarter"; groups: ordinal word, fiscal, year after, Q digit, year after Q, two-digit year, year before Q.
 */
export const QUARTER = new RegExp(
  `\\b(?:(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|final)[- ](fiscal[- ])?quarter(?:\\s+of\\s+(?:the\\s+)?(?:(?:fiscal|financial)\\s+(?:year\\s+)?)?${YEAR}|\\s+of\\s+(?:the|this)\\s+year)?|Q([1-4])(?:\\s*(?:of\\s+)?${YEAR}|\\s*['’](\\d\\d)\\b)?|${YEAR}\\s*Q([1-4]))\\b`,
  'gi',
)
export const QUARTER_ORDINAL: Readonly<Record<string, number>> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4 }
/** A fiscal year: "fiscal 2025", "fiscal year 2025", "FY2025", "FY25" (its months differ by company: year precision). */
export const FISCAL_YEAR = new RegExp(`\\b(?:(?:fiscal|financial)\\s+(?:year\\s+)?${YEAR}|FY\\s?(?:${YEAR}|(\\d\\d)))\\b`, 'gi')
/** Decades relative to now: "the end of the decade", "this decade", "the past decade", "the next decade". */
export const RELATIVE_DECADE = /\b(?:the\s+(beginning|start|middle|end|close|turn)\s+of\s+the\s+decade|(this|the\s+current|the\s+past|the\s+last|the\s+previous|the\s+next|the\s+coming)\s+decade)\b/gi
/**
 * A season without a year: "this winter", "next summer", "last spring", "in the summer" (placed by tense).
 * Groups: deictic word, season after it, season after "in the".
 */
export const SEASON_NO_YEAR = /\b(?:(this|next|last|the\s+coming|the\s+past)\s+(spring|summer|autumn|fall|winter)|(?<=\b(?:in|during|over|by|until|before|after|since)\s+)the\s+(spring|summer|autumn|fall|winter))\b(?!\s+(?:of\s+)?\d|(?<=fall)\s+(?:of|in|from|to|on)\s+[a-z])/gi
/** The month a season is placed by (northern hemisphere; winter by its December, as "winter 2023" runs into 2024). */
export const SEASON_MONTH: Readonly<Record<string, number>> = { spring: 4, summer: 7, autumn: 10, fall: 10, winter: 12 }

/** Decades: "the 1990s", "the '90s", "the nineties". */
export const DECADE = /\bthe (?:(1[5-9]\d0|20\d0)['’]?s|['’](\d0)s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))\b/gi
export const DECADE_WORDS: Readonly<Record<string, number>> = {
  twenties: 20, thirties: 30, forties: 40, fifties: 50, sixties: 60, seventies: 70, eighties: 80, nineties: 90,
}

/** A bare four-digit year; the guards below decide whether it is one (not "1,000", "2000 soldiers", "20231"). */
export const BARE_YEAR = /(?<![\d,.$€£#/-])\b(1[5-9]\d\d|20\d\d|21\d\d)\b(?![\d,]\d|\.\d|%|[-/]\d)/g
/** Words before a bare year that make it a year ("in 2020", "since 1996", "the 2020 elections"). */
export const YEAR_BEFORE = /\b(?:in|since|from|until|till|by|before|after|during|of|between|and|or|to|through|throughout|the|early|late|mid|end|start|beginning|year|summer|spring|autumn|fall|winter|as of|circa|around|c\.)[\s-]+$/i
/** Nouns after a bare year that make it a count, not a year ("2000 soldiers", "in 1500 cases"). */
export const YEAR_COUNT_NOUN = /^\s+(?:people|persons|soldiers|troops|members|men|women|children|cases|deaths|dead|votes|units|tanks|km|kilometres|kilometers|miles|meters|metres|euros|dollars|francs|rubles|roubles|tonnes|tons|times|percent|per cent|signatures|employees|workers|jobs|refugees|homes|houses|vehicles|words|pages|points|officers|members)\b/i
/** Event nouns after "the YEAR" that confirm a year even without a preposition ("the 2020 elections"). */
export const YEAR_EVENT_NOUN = /^\s+(?:elections?|vote|polls?|campaign|olympics|games|world cup|census|budget|season|war|crisis|protests?|summit|invasion|revolution|referendum|uprising|coup|pandemic|floods?|earthquake|attacks?|riots?|championships?|tournament|report|agreement|accord|treaty|deal|law|constitution|annexation|offensive|presidential|parliamentary|general|midterms?|primaries|primary|edition|version|model|budget)\b/i

/** Preposition before a bare month name ("in October"); without one, "May" may be a name and "march" a verb. */
export const MONTH_BEFORE = /\b(?:in|since|from|until|till|by|before|after|during|of|between|and|or|to|through|throughout|early|late|mid|last|next|this|every|each|on|around|until|for)[\s-]+$/i
export const BARE_MONTH = new RegExp(`^(?:${MONTH_ALT})$`, 'i')
export const NUMERIC_DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})$/

/** Range openers just before an expression: "since X" and "from X" open a range at X, "by X" and "until X" close one. */
export const RANGE_FROM_BEFORE = /\b(?:since|from|starting|starting in|as of|beginning in|beginning)\s+(?:(?:the|their|its|his|her|our)\s+)?$/i
export const RANGE_TO_BEFORE = /\b(?:by|until|till|up to|up until|no later than|through|within)\s+(?:(?:the|their|its|his|her|our)\s+)?$/i
/** Chrono's "past few months", "past year", "last three weeks" span from then up to the reference date. */
const COUNT = '(?:few|several|couple of|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)'
export const PAST_SPAN = new RegExp(`^(?:the\\s+)?(?:(?:past|previous)\\s+(?:${COUNT}\\s+)?|last\\s+${COUNT}\\s+)(?:days?|weeks?|months?|years?|decades?)$`, 'i')

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const
export const WEEKDAY_ONLY = /^(?:on\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)s?$/i
export const WEEKDAY_RANGE = /^(?:from\s+|on\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\s*(?:through|thru|to|until|-|–)\s*(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/i

/** Chrono results dropped: deictic words that anchor nothing in a timeline, and durations ("for three days"). */
export const SKIP_CHRONO = /^(?:24\/7|now|right now|currently|at the moment|the weekend|weekend|this week|for\s+(?:(?:the\s+)?(?:next|past|last|coming)\s+)?(?:a|an|\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|few|a couple of|many)\s.*)$/i

/** A time of day with no day ("by midnight", "at 7:30 p.m."): no date to place on a timeline. */
export const TIME_ONLY = /^(?:at\s+|by\s+|until\s+)?(?:midnight|noon|midday|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|o['’]clock|h)?)$/i

/**
 * Counted from the story's own time, not from publication: "three years later", "a day earlier", "after eight
 * years", "in a minute", "a few seconds".
 */
export const NARRATIVE_RELATIVE = /^(?:(?:the\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|few|several|a couple of|some)\s+\w+\s+(?:later|earlier)|after\s+.*|.*\b(?:seconds?|minutes?)(?:\s+(?:later|earlier|after|before))?)$/i

/** Unit words in relative expressions, to set the precision chrono does not report ("last week" → week). */
export const UNIT_DAY = /\b(?:days?|yesterday|today|tomorrow|tonight)\b/i
export const UNIT_WEEK = /\bweeks?\b/i
export const UNIT_MONTH = /\bmonths?\b/i
export const UNIT_YEAR = /\byears?\b/i

/**
 * Tense cues, one alternation per class (first class wins at a position, so "was expected to" is a future in
 * the past before "was" is a past). The cue nearest to a date inside its clause decides its tense.
 *   pastModal  "would have", "could have": a past, counterfactual or not;
 *   pastPlan   a plan told in the past ("was scheduled for March", "was due to"): kept or not, before or after
 *              now; no tense (the nearest occurrence);
 *   fip        future in the past: "would", "was going to", "promised to" (after the speech or plan, before or after now);
 *   future     "will", "is expected to", "plans to", modals of a coming event ("might", "should");
 *   past       finite past forms: auxiliaries, irregular pasts, and regular "-ed" words (participles after an
 *              auxiliary are skipped: "will be stationed" is not a past).
 */
const FIP_WORDS = "would(?!\\s+(?:not\\s+)?have\\b)|['’]d\\s+(?!have\\b)(?=\\w)|(?:promised|pledged|vowed|threatened|planned|intended|hoped|aimed|wanted|expected|proposed|offered|undertook|committed)\\s+to\\b|(?<!(?:than|as|had|has|have)\\s+)(?:expected|anticipated|predicted|forecast|projected)"
const PAST_PLAN_WORDS = "(?:was|were)\\s+(?:not\\s+)?(?:going|due|expected|set|scheduled|supposed|planned|slated|poised|about|meant)\\s+to|(?:was|were)\\s+to\\s+(?=\\w)|(?:was|were)\\s+(?:originally\\s+)?(?:scheduled|planned|slated|due|set)\\b"
const FUTURE_WORDS = "expects|anticipates?|predicts|forecasts|foresees?|will|shall|won['’]t|['’]ll|going\\s+to|(?:plans?|planning|intends?|intending|aims?|aiming|hopes?|hoping|expects?|wants?|seeks?|is\\s+set|are\\s+set|is\\s+due|are\\s+due|is\\s+expected|are\\s+expected|is\\s+scheduled|are\\s+scheduled|is\\s+slated|are\\s+slated|is\\s+poised|are\\s+poised|is\\s+forecast|are\\s+forecast|is\\s+projected|are\\s+projected|is|are)\\s+to(?=\\s+\\w)|(?:is|are)\\s+(?:planned|scheduled|expected|set|slated|due)\\b|planned|scheduled|upcoming|next|coming|might(?!\\s+(?:not\\s+)?have\\b)|could(?!\\s+(?:not\\s+)?have\\b|\\s+not\\b|n['’]t)|may(?=\\s+(?:\\w+ly\\s+)?(?:be|have to|need|want|come|take|go|get|make|see|wait|decide|face|become|lose|win|rise|fall|vote)\\b)|should(?!\\s+(?:not\\s+)?have\\b)|must(?!\\s+(?:not\\s+)?have\\b)|due\\s+(?:in|on|by)\\b"
const PAST_WORDS = "(?:saying|announcing|telling|adding|noting|warning|insisting|arguing|claiming|stating|declaring|explaining|confirming|revealing|acknowledging|admitting)(?=\\s+(?:on|in|last|this|at|early|late|yesterday|today|\\w+day)\\b)|was|were|had|did|ago|came|went|held|met|said|told|saw|began|took|gave|made|led|won|lost|left|sent|fled|fought|struck|hit|became|brought|built|bought|caught|chose|fell|found|got|grew|heard|kept|knew|paid|ran|rose|sold|spoke|stood|thought|threw|wrote|broke|been|spent|sought|taught|meant|felt|lent|dealt|drove|flew|forgot|froze|hid|hung|laid|lit|rode|rang|sang|sank|shook|shot|shut|slept|spun|stole|stuck|swore|swept|swam|tore|understood|woke|wore|withdrew|overcame|undertook|upheld|oversaw|beat|[a-z]{2,}ed"
export const TENSE_CUE = new RegExp(
  `\\b(?:(?<pastModal>(?:would|could|might|should|must|may)\\s+(?:not\\s+)?have)|(?<pastPlan>${PAST_PLAN_WORDS})|(?<fip>${FIP_WORDS})|(?<future>${FUTURE_WORDS})|(?<past>${PAST_WORDS}))\\b`,
  'gi',
)
/** "-ed" words that are not past verbs. */
export const NOT_PAST_ED = /^(?:need|needed|feed|speed|seed|indeed|united|based|red|bed|shed|bred|embed|proceed|exceed|succeed|hundred|proposed|alleged|so-called|advanced|detailed|limited|skilled|armed|aged|biased|talented|renewed)$/i
/** An auxiliary just before a past form makes it a participle of another tense ("will be stationed", "to be held"). */
export const AUX_BEFORE_PARTICIPLE = /\b(?:be|being|is|are|am|to|get|gets|getting|will|would|'s|’s)\s+(?:\w+ly\s+)?$/i
/**
 * Clause boundaries inside a sentence, for the tense window; "that" after a verb of saying or thinking opens a
 * reported clause with its own tense ("said in January that in March the chamber would ...").
 */
export const CLAUSE_BREAK = /[,;:–—]|\s-\s|\b(?:and|but|while|when|because|although|though|whereas|which|who)\b|\bthat\b(?<=\b(?:said|says|say|told|tells|announced|warned|added|stated|insisted|argued|claimed|noted|believes?|believed|thinks?|thought|expects?|expected|hopes?|hoped|fears?|feared|predicted|promised|pledged|vowed|confirmed|reported|showed|shows|suggests?|suggested|indicated?|indicates)(?:\s+[\w'’]+){0,4}?\s+that)/g

/**
 * A future in the past ("said the chamber would vote in July") counts from the time of speaking, which a news
 * report places shortly before publication: this many days before it.
 */
export const FIP_SLACK_DAYS = 30
/** "since March" is a past (a range reaching to now). */
export const SINCE_BEFORE = /\bsince\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+|our\s+)?$/i
/** "this November": the month of the reference year, before or after it. */
export const THIS_BEFORE = /\bthis\s+$/i
/** A dateline ("WASHINGTON, Dec. 8 (UPI) —", "CHISINAU, Nov 3 -"): the day of writing, the nearest occurrence. */
export const DATELINE_BEFORE = /^\s*[A-Z][A-Z .'’-]+,(?:\s+[A-Z][a-z.]+,)?\s*$/
/** A prepositional adjunct set off by commas opens with one of these ("In October, she said", "Through May, ..."). */
export const ADJUNCT_OPENER = /^\s*(?:(?:even|just|only|shortly|long|soon|right|well|also)\s+)?(?:in|on|at|by|through|until|till|from|during|after|before|early|late|over|around|throughout|as of|prior to)\b/i
/** The rest of a clause that is only function words around a date ("in February", "and October"). */
export const BARE_CLAUSE = /^[\s,]*(?:(?:in|on|at|by|of|the|and|or|to|from|until|since|during|through|early|late|mid|between)[\s,]+)*$/i
/** "last March" is a past, "next March" a future, whatever the verb. */
export const LAST_BEFORE = /\blast\s+$/i
export const NEXT_BEFORE = /\b(?:next|this coming|coming)\s+$/i
/** "until"/"by" with no verb to tell looks ahead ("until February's primaries"); "between now and November" too. */
export const LEAN_FUTURE_BEFORE = /\b(?:until|till|by|no later than|now and|from now (?:until|to))\s+(?:the\s+)?$/i

/** Latest plausible year relative to the reference year (a "2150" in a news text is a number, not a date). */
export const MAX_YEARS_AHEAD = 60
