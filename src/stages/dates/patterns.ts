// Regexes and tunables of the dates stage, defined once here (not in loops) with the reason for each.

/** Month names and their 1-based numbers; abbreviations with an optional dot ("Jan.", "Sept"). */
export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11,
  nov: 11, december: 12, dec: 12,
}
const MONTH_ALT = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?'
const YEAR = '(1[5-9]\\d\\d|20\\d\\d|21\\d\\d)'

/**
 * One cheap test per sentence before chrono runs (chrono is the slow part): a digit, a month or weekday
 * name, or a relative word. Sentences without any of these cannot hold a date expression.
 */
export const PREFILTER =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|\b(?:yesterday|today|tomorrow|tonight|ago|last|next|past|this|decade|century|spring|summer|autumn|fall|winter|weekend|nineties|eighties|seventies|sixties)\b/i

/** Part of a month: "mid-October", "early March 2021", "the end of May", "the beginning of June 2020". */
export const PART_OF_MONTH = new RegExp(
  `\\b(?:(early|mid|late)[- ]|(?:the )?(beginning|start|middle|end|first half|second half|first week|last week) of )(${MONTH_ALT})(?:,? ${YEAR})?\\b`,
  'gi',
)

/** Part of a year: "the early months of 2023", "early 2021", "the end of 2022", "the first half of the year". */
export const PART_OF_YEAR = new RegExp(
  `\\b(?:the )?(?:(early|mid|late)[- ]|(early|first|last|final|closing|coming|later|opening) (?:few )?months of (?:the year )?|(beginning|start|middle|end|first half|second half|first quarter|second quarter|third quarter|fourth quarter|turn) of (?:the year )?)(${YEAR}|the year)\\b`,
  'gi',
)

/** Seasons with a year: "spring 2021", "in the summer of 2019". A season without a year is too vague to place. */
export const SEASON = new RegExp(`\\b(?:the )?(spring|summer|autumn|fall|winter)(?: of)? ${YEAR}\\b`, 'gi')

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
export const MONTH_BEFORE = /\b(?:in|since|from|until|till|by|before|after|during|of|between|and|or|to|through|throughout|early|late|mid|last|next|this|every|each|on|around|until)[\s-]+$/i
export const BARE_MONTH = new RegExp(`^(?:${MONTH_ALT})$`, 'i')
export const NUMERIC_DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})$/

/** Range openers just before an expression: "since X" and "from X" open a range at X, "by X" and "until X" close one. */
export const RANGE_FROM_BEFORE = /\b(?:since|from|starting|starting in|as of|beginning in|beginning)\s+(?:the\s+)?$/i
export const RANGE_TO_BEFORE = /\b(?:by|until|till|up to|up until|no later than)\s+(?:the\s+)?$/i
/** Chrono's "past few months", "past year", "last three weeks" span from then up to the reference date. */
const COUNT = '(?:few|several|couple of|\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)'
export const PAST_SPAN = new RegExp(`^(?:the\\s+)?(?:(?:past|previous)\\s+(?:${COUNT}\\s+)?|last\\s+${COUNT}\\s+)(?:days?|weeks?|months?|years?|decades?)$`, 'i')

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const
export const WEEKDAY_ONLY = /^(?:on\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)s?$/i

/** Chrono results dropped: deictic words that anchor nothing in a timeline. */
export const SKIP_CHRONO = /^(?:now|right now|currently|at the moment|the weekend|weekend|this week)$/i

/** Unit words in relative expressions, to set the precision chrono does not report ("last week" → week). */
export const UNIT_DAY = /\b(?:days?|yesterday|today|tomorrow|tonight)\b/i
export const UNIT_WEEK = /\bweeks?\b/i
export const UNIT_MONTH = /\bmonths?\b/i
export const UNIT_YEAR = /\byears?\b/i

/** Tense cues near a date, to pick the year of "February 24" and the side of "on Monday". */
export const FUTURE_CUE = /\b(?:will|shall|won['’]t|['’]ll|going to|next|coming|upcoming|plans? to|planned|scheduled|expected to|is to|are to|intends? to|due to|set to)\b/i
export const PAST_CUE = /\b(?:was|were|had|did|ago|last|came|went|held|met|said|told|saw|began|took|gave|made|led|won|lost|left|sent|fled|fought|struck|hit|became|brought|built|bought|caught|chose|fell|found|got|grew|heard|kept|knew|paid|ran|rose|sold|spoke|stood|thought|threw|wrote|broke|been|[a-z]{2,}ed)\b/
export const NOT_PAST_ED = /\b(?:need|needed|feed|speed|seed|indeed|united|based|red|bed|shed|bred|embed|proceed|exceed|succeed|led)\b/
/** Clause boundaries inside a sentence, for the tense window. */
export const CLAUSE_BREAK = /[,;:–—]|\b(?:and|but|while|when|after|before|because|although|though|whereas)\b/g

/** Latest plausible year relative to the reference year (a "2150" in a news text is a number, not a date). */
export const MAX_YEARS_AHEAD = 60
