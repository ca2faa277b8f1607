// Step 1: clean mention spans (possessives, a leading "the", edge quotes, titles and glued sentence adverbs in
// PER spans, "University of St." cut at an abbreviation), rejoin org names the tagger split ("Stockholm Center"
// + "for" + "Eastern European Studies"), and vote one type per name across the document.
import type { EntityType, Mention } from '../../doc/layers.js'
import { gazetteerTags } from '../../lexicon/gazetteers/index.js'
import { ORG_WORDS } from '../../lexicon/gazetteers/lists/org-suffixes.js'
import { firstNameGender, lexicon } from './lexicon.js'
import { cleanName, foldName, nameWords, orgKey, surnameOf } from './names.js'
import { acronymBeforeRole, hasOrgHead, quotedBeforeOrgNoun, quotedOrgNames } from './org-rules.js'
import { inContentBlock, inCredit, sortMentions, type Work, type WorkMention } from './work.js'

/** Leading characters never part of a name. "The" is kept: "The Hague", "The Washington Post". */
const LEAD_RE = /^(?:[\s"“”„‘’'«»(\[]|the\s+)+/
/** Trailing characters never part of a name: possessive endings, quotes, punctuation. */
const TRAIL_RE = /(?:['’]s|[\s"“”„‘’'«»)\],.;:!?])+$/
/** Abbreviations whose final period belongs to the name ("St. Gallen", "Acme Inc."). */
const ABBREVIATIONS = new Set(['St', 'Mt', 'Ft', 'Inc', 'Ltd', 'Co', 'Corp', 'Jr', 'Sr', 'Bros', 'Dr'])
/** Abbreviations that a name goes on after ("University of St." + "Gallen"). */
const CONTINUED_ABBREVIATIONS = new Set(['St', 'Mt', 'Ft'])
/** Words between two tagged pieces of one org name. */
const ORG_JOINERS = new Set([' for ', ' of ', ' for the ', ' of the ', ' on '])
/** Org head words: an org ending in one takes a place after "of" ("Bank of England", "University of Oxford"). */
const ORG_HEADS = new Set(ORG_WORDS.map((w) => w.toLowerCase()).concat(['university', 'center', 'centre', 'institute', 'academy', 'school', 'museum', 'church', 'union', 'federation']))
/** Institution heads that take an untagged capitalised complement after of/on/for ("Council on Foreign Relations"). */
const INSTITUTION_HEADS = new Set(['council', 'committee', 'commission', 'ministry', 'department', 'agency', 'authority', 'office', 'bureau', 'institute', 'institution', 'university', 'college', 'school', 'academy', 'center', 'centre', 'foundation', 'society', 'association', 'federation', 'union', 'league', 'organisation', 'organization', 'board', 'tribunal', 'bank', 'fund', 'alliance', 'coalition', 'forum', 'secretariat', 'directorate', 'museum', 'library', 'party', 'movement', 'front', 'court', 'service', 'network', 'initiative', 'program', 'programme', 'project', 'chamber', 'conference'])
/** Connector + untagged capitalised words right after an org name: " on Foreign Relations", " for the Study of War". */
const ORG_TAIL_RE = /^ (of|on|for|and)( the)? (\p{Lu}[\p{L}’'-]*(?: (?:of|on|for|the|\p{Lu}[\p{L}’'-]*))*)/u
/** An acronym in parentheses right after a name: "(ECFR)". */
const PAREN_ACRONYM_AFTER_RE = /^\s*\(\s*(\p{Lu}[\p{Lu}.&]{1,11})\s*\)/u
/** Letters glued to a name by an ampersand belong to it: "S" + "&P", "AT" + "&T". */
const AMP_BEFORE_RE = /[\p{L}\p{N}]+&$/u
const AMP_AFTER_RE = /^&[\p{L}\p{N}]+/u
/** An index number after an ampersand or all-capital name ("S&P 500", "FTSE 100"); not a year, not a quantity. */
const INDEX_NUMBER_RE = /^ (?!1[89]\d\d\b|20\d\d\b)(\d{2,4})(?![\d,.%]|\s*(?:percent|per cent|points?|million|billion|shares?)\b)/
/** One to three capitalised words right after a person or place name: when the last is an institution head, the
 *  whole is an org ("Clinton School", "Clinton Presidential Center"). Group 2: the last word. */
const HEAD_AFTER_RE = /^ ((?:\p{Lu}\p{Ll}+ ){0,2}(\p{Lu}\p{Ll}+))(?![\p{L}-])/u
/** A legal form right after an org name belongs to it ("Goldman Sachs Group" + " Inc."). */
const LEGAL_FORM_AFTER_RE = /^,? (?:Inc|Corp|Co|Ltd|LLC|PLC|Plc|AG|SA|NV|GmbH|SE)\b\.?/
/** What follows a dateline place at a line start: "HAMBURG —", "CHISINAU, Nov 3 -", "NEW YORK (Reuters)". */
const DATELINE_AFTER_RE = /^\s*(?:,|\(|[—–-]\s)/
/** An opening quotation mark (right before a quoted name). */
const OPEN_QUOTE_BEFORE_RE = /["“„‘«]$/
/** A cue before a name that says it is an org outweighs this many contrary tags. */
const ORG_CUE_WEIGHT = 10

/** Shrinks a span to the name inside it; returns undefined when nothing is left. */
function shrink(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const s = text.slice(start, end)
  const lead = LEAD_RE.exec(s)?.[0].length ?? 0
  const rest = s.slice(lead)
  let trail = TRAIL_RE.exec(rest)?.[0].length ?? 0
  const kept = rest.slice(0, rest.length - trail)
  const lastWord = /(\p{L}+)$/u.exec(kept)?.[1]
  if (trail > 0 && rest[rest.length - trail] === '.' && lastWord && (ABBREVIATIONS.has(lastWord) || /^\p{Lu}$/u.test(lastWord))) trail--
  const a = start + lead
  let b = end - trail
  if (lastWord && CONTINUED_ABBREVIATIONS.has(lastWord) && text[b - 1] === '.') {
    const more = /^ (\p{Lu}[\p{L}-]+)/u.exec(text.slice(b, b + 40))
    if (more) b += more[0].length
  }
  return b > a ? { start: a, end: b } : undefined
}

/** Is `w` a word glued to the front of a person's name, not part of it ("Usually", "Apparently", "President")? */
function notNameStart(w: string): boolean {
  const lx = lexicon()
  if (lx.honorifics.has(w) || lx.roles.has(w.toLowerCase()) || lx.nationalities.has(w) || lx.notNameWords.has(w)) return true
  return /^\p{Lu}\p{Ll}+ly$/u.test(w) && !firstNameGender(w)
}

/** For PER spans, drops leading honorifics, role nouns, nationality words and sentence adverbs. */
function dropTitles(text: string, start: number, end: number): number {
  let s = start
  for (let guard = 0; guard < 4; guard++) {
    const m = /^(\S+)\s+(?=\S)/.exec(text.slice(s, end))
    if (!m || !notNameStart(m[1]!)) break
    s += m[0].length
  }
  return dropInnerTitle(text, s, end)
}

/** Most capitalised words before a title inside a PER span ("Charlotte Mayor Jennifer Roberts"). */
const MAX_WORDS_BEFORE_INNER_TITLE = 3

/**
 * "Charlotte Mayor Jennifer Roberts", "Kremlin Spokesman Dmitry Peskov": a capitalised role noun inside a PER
 * span with a full name after it; the name starts after the role. A role word at the end or before a lone
 * suffix is a surname ("Stephen King", "Martin Luther King Jr.").
 */
function dropInnerTitle(text: string, start: number, end: number): number {
  const lx = lexicon()
  const ws = [...text.slice(start, end).matchAll(/\S+/g)]
  for (let i = 1; i <= MAX_WORDS_BEFORE_INNER_TITLE && i < ws.length - 2; i++) {
    const w = ws[i]![0]
    if (!/^\p{Lu}\p{Ll}+$/u.test(w) || !lx.roles.has(w.toLowerCase())) continue
    const rest = ws.slice(i + 1).map((x) => x[0])
    if (rest.length >= 2 && rest.every((x) => /^\p{Lu}/u.test(x)) && !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(rest[0]!)) return start + ws[i + 1]!.index!
  }
  return start
}

/** "Nikita Gerasimov Berlin": a place glued after a full person name is not part of it. */
function dropTrailingPlace(text: string, start: number, end: number): number {
  const m = /\s(\p{Lu}[\p{L}-]+)$/u.exec(text.slice(start, end))
  if (!m || text.slice(start, end).trim().split(/\s+/).length < 3) return end
  const tags = gazetteerTags([m[1]!])[0] ?? []
  return tags.some((t) => /^(?:city|country|state):/.test(t)) ? end - m[0].length : end
}

/** "ECFR" is the initials of the capitalised words of "European Council on Foreign Relations" (or of all its words). */
function acronymOfName(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, '')
  const ws = name.split(/[\s-]+/).filter(Boolean)
  return letters === ws.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('') || letters === ws.map((w) => w[0]!.toUpperCase()).join('')
}

/**
 * "European Council" + " on Foreign Relations" (untagged): the tagger cut an org name at a lower-case connector.
 * The capitalised tail joins when an acronym in parentheses right after fits the whole name's initials, or when
 * the org ends in an institution head and the connector is of/on/for; calendar words never join ("the Senate on
 * Tuesday"). Returns the new end, or the old one. The tail stays before `limit` (the next mention).
 */
function orgTail(text: string, m: WorkMention, limit: number): number {
  const rest = text.slice(m.end, Math.min(limit, m.end + 120))
  const t = ORG_TAIL_RE.exec(rest)
  if (!t) return m.end
  const lx = lexicon()
  const tail = t[3]!.replace(/(?: (?:of|on|for|the))+$/, '')
  const words = tail.split(' ')
  if (words.some((w) => lx.calendarNames.has(w.toLowerCase()) || lx.notNameWords.has(w))) return m.end
  const end = m.end + t[0].length - t[3]!.length + tail.length
  const joined = text.slice(m.start, end)
  const ac = PAREN_ACRONYM_AFTER_RE.exec(text.slice(end, end + 20))
  if (ac && acronymOfName(ac[1]!, joined)) return end
  if (t[1] === 'and') {
    // "Department of Health" + " and Human Services": only after an of/for phrase, with no article.
    return / (?:of|for) /.test(m.name) && !t[2] ? end : m.end
  }
  const head = nameWords(m.name).pop()?.toLowerCase() ?? ''
  return INSTITUTION_HEADS.has(head) && words.length <= 4 ? end : m.end
}

/** Widens a span over ampersand-glued letters ("S&P", "AT&T") and an index number after such a name ("S&P 500"). */
function glueAmpersand(text: string, start: number, end: number): { start: number; end: number } {
  if (text[start - 1] === '&') {
    const b = AMP_BEFORE_RE.exec(text.slice(Math.max(0, start - 12), start))
    if (b) start -= b[0].length
  }
  if (text[end] === '&') {
    const a = AMP_AFTER_RE.exec(text.slice(end, end + 12))
    if (a) end += a[0].length
  }
  if (text[end] !== ' ' || end - start > 30) return { start, end }
  const name = text.slice(start, end)
  if (name.includes('&') || /^\p{Lu}{3,6}$/u.test(name)) {
    const n = INDEX_NUMBER_RE.exec(text.slice(end, end + 30))
    if (n) end += n[0].length
  }
  return { start, end }
}

/**
 * Repairs the tagger's cuts inside org names: a person or place followed by an untagged institution head
 * ("Clinton" + " School") becomes that org; two pieces with one space between ("Nasdaq" + "Composite")
 * are one when the second is a one-word ORG in title case (not "EU NATO", not "Senate" + "Democrats"); "Stockholm Center" + " for "
 * + "Eastern European Studies" is one; untagged tails join too (orgTail).
 */
function joinOrgPieces(text: string, ms: WorkMention[]): WorkMention[] {
  const out: WorkMention[] = []
  for (const [i, m] of ms.entries()) {
    const limit = ms[i + 1]?.start ?? text.length
    if (m.type === 'PER' || m.type === 'LOC') {
      const h = HEAD_AFTER_RE.exec(text.slice(m.end, m.end + 48))
      if (h && INSTITUTION_HEADS.has(h[2]!.toLowerCase()) && m.end + h[0].length <= limit) {
        m.type = 'ORG'
        m.end += h[0].length
        m.name = cleanName(text.slice(m.start, m.end))
      }
    }
    const prev = out[out.length - 1]
    const orgish = (x: WorkMention) => x.type === 'ORG' || x.type === 'MISC'
    if (prev && orgish(prev) && m.type === 'ORG' && text.slice(prev.end, m.start) === ' ' && /^\p{Lu}\p{Ll}+$/u.test(m.name) && !lexicon().parties.has(m.name)) {
      prev.end = m.end
      prev.name = cleanName(text.slice(prev.start, prev.end))
      if (m.type === 'ORG') prev.type = 'ORG'
      continue
    }
    if (prev && prev.type === 'ORG' && ORG_JOINERS.has(text.slice(prev.end, m.start))) {
      const head = nameWords(prev.name).pop()?.toLowerCase() ?? ''
      if (m.type === 'ORG' || m.type === 'MISC' || (m.type === 'LOC' && ORG_HEADS.has(head))) {
        prev.end = m.end
        prev.name = cleanName(text.slice(prev.start, prev.end))
        continue
      }
    }
    if (m.type === 'ORG') {
      const lf = LEGAL_FORM_AFTER_RE.exec(text.slice(m.end, m.end + 8))
      if (lf && m.end + lf[0].length <= limit) {
        m.end += lf[0].length
        m.name = cleanName(text.slice(m.start, m.end))
      }
      const end = orgTail(text, m, ms[i + 1]?.start ?? text.length)
      if (end > m.end) {
        m.end = end
        m.name = cleanName(text.slice(m.start, end))
      }
    }
    out.push(m)
  }
  return out
}

export function normalizeMentions(work: Work, tagged: readonly Mention[]): void {
  const out: WorkMention[] = []
  // Last words of tagged full person names: a lone role noun that is one of them is a surname ("Mr. Justice").
  const surnames = new Set<string>()
  for (const m of tagged) if (m.type === 'PER' && /\s/.test(m.text.trim())) surnames.add(foldName(surnameOf(m.text) ?? ''))
  for (const m of tagged) {
    if (inCredit(work.doc, m.start)) continue // "Photo: Reuters / Jane Doe": the photographer is not in the story
    const glued = glueAmpersand(work.text, m.start, m.end)
    const span = shrink(work.text, glued.start, glued.end)
    if (!span) continue
    const start = m.type === 'PER' ? dropTitles(work.text, span.start, span.end) : span.start
    const end = m.type === 'PER' ? dropTrailingPlace(work.text, start, span.end) : span.end
    const name = cleanName(work.text.slice(start, end))
    if (!name || !/\p{L}/u.test(name)) continue
    // "Charlotte Observer", "Ford Foundation" read as a person: a final org word makes it an org.
    const lastWord = name.slice(name.lastIndexOf(' ') + 1)
    const type = m.type === 'PER' && name.includes(' ') && lexicon().orgFinalWords.has(lastWord) ? 'ORG' : m.type
    if (m.type === 'PER' && !/\s/.test(name) && notNameStart(name) && !surnames.has(foldName(name))) continue // "Moreover", "Apparently" alone
    // "LITTLE ROCK, Ark.": an AP state abbreviation (its period may be cut off) names the state.
    const state = work.text[end] === '.' && (m.type !== 'PER' || work.text.slice(start - 2, start) === ', ') ? lexicon().stateAbbreviations.get(`${name}.`) : undefined
    if (state) {
      out.push({ start, end: end + 1, type: 'LOC', name: state, secondary: false, added: false })
      continue
    }
    out.push({ start, end, type, name, secondary: false, added: false })
  }
  work.mentions = quotedOrgs(work, joinOrgPieces(work.text, sortMentions(out)))
  voteTypes(work.mentions, work.text)
}

/**
 * A quoted name with an org head word (“Group Wagner”, “Wagner Group”) is one ORG mention whatever the tagger
 * made of it: tagged pieces inside it (PER "Wagner", MISC "Group Wagner") give way to the whole quoted name.
 */
function quotedOrgs(work: Work, ms: WorkMention[]): WorkMention[] {
  const quoted = quotedOrgNames(work.text).filter((q) => inContentBlock(work.doc, q.start) && !inCredit(work.doc, q.start))
  if (quoted.length === 0) return ms
  const out: WorkMention[] = []
  let qi = 0
  const replaced = new Set<number>()
  for (const m of ms) {
    while (qi < quoted.length && quoted[qi]!.end <= m.start) qi++
    const q = quoted[qi]
    if (q && m.start >= q.start && m.end <= q.end) {
      replaced.add(qi) // dropped: the whole quoted name replaces it below
      continue
    }
    out.push(m)
  }
  quoted.forEach((q, i) => {
    // an overlapping mention that is not inside the quotes (a tagger span across the marks) is left alone
    if (!replaced.has(i) && out.some((m) => m.start < q.end && q.start < m.end)) return
    out.push({ start: q.start, end: q.end, type: 'ORG', name: cleanName(q.name), secondary: false, added: !replaced.has(i) })
  })
  return sortMentions(out)
}

const TYPE_ORDER: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC']

/** Is the word before an offset an honorific or a role noun ("Mr. Obama", "President Obama")? */
function personCueBefore(text: string, start: number): boolean {
  const lx = lexicon()
  const w = /(\S+)\s+$/.exec(text.slice(Math.max(0, start - 16), start))?.[1]
  return !!w && (lx.honorifics.has(w) || lx.roles.has(w.toLowerCase()))
}

/** Does the gazetteer know the word as a city, country or state? */
function isPlaceName(word: string): boolean {
  return (gazetteerTags([word])[0] ?? []).some((t) => /^(?:city|country|state):/.test(t))
}

/** A name in capitals at a line start followed by a dateline's comma, parenthesis or dash. */
function isDateline(text: string, m: WorkMention): boolean {
  return (m.start === 0 || text[m.start - 1] === '\n') && !/\p{Ll}/u.test(m.name) && DATELINE_AFTER_RE.test(text.slice(m.end, m.end + 3))
}

/** Does the gazetteer know every word of the name as part of a city, country or state ("Hamburg", "New York")? */
function isPlaceWords(name: string): boolean {
  const tags = gazetteerTags(name.split(/\s+/))
  return tags.length > 0 && tags.every((ts) => ts.some((t) => /^(?:city|country|state):/.test(t)))
}

/** "HAMBURG" → "Hamburg", "NEW YORK" → "New York" (for gazetteer look-ups). */
function titleCaseWord(name: string): string {
  return name.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase())
}

/** The org noun right before a mention ("company “GardServis”"), if any. */
export function orgCueBefore(text: string, start: number): string | undefined {
  const lx = lexicon()
  const m = /(?:^|[^\p{L}-])([\p{Ll}-]+(?: [\p{Ll}-]+)?)\s+["“„‘'«]?$/u.exec(text.slice(Math.max(0, start - 40), start))
  if (!m) return undefined
  const words = m[1]!.split(' ')
  const two = words.join(' ')
  if (lx.orgNouns.has(two)) return two
  const last = words[words.length - 1]!
  return lx.orgNouns.has(last) ? last : undefined
}

/**
 * Majority type per folded name. Surname-only mentions also count the votes of the full PER names they end;
 * an org noun before a mention ("the company X") outweighs the tagger; seats of power are ORG; a lone word
 * that no full person name has and that names an org here ("Wagner" beside "Wagner Group") is that org.
 */
export function voteTypes(ms: WorkMention[], text: string): void {
  const lx = lexicon()
  const votes = new Map<string, Map<EntityType, number>>()
  const firstType = new Map<string, EntityType>()
  const personWords = new Set<string>()
  const personSurnames = new Set<string>()
  /** names written after an honorific or a title somewhere ("Mr. Obama", "President Obama") */
  const personCued = new Set<string>()
  const orgKeys = new Set<string>()
  const add = (key: string, t: EntityType, n: number) => {
    let v = votes.get(key)
    if (!v) votes.set(key, (v = new Map()))
    v.set(t, (v.get(t) ?? 0) + n)
  }
  for (const m of ms) {
    const key = foldName(m.name)
    add(key, m.type, 1)
    // "the company X", a quoted org name (“Group Wagner”), "the “Mozart” group", "FU conflict observer X"
    if (orgCueBefore(text, m.start) || (/\s/.test(m.name) && hasOrgHead(m.name) && OPEN_QUOTE_BEFORE_RE.test(text.slice(Math.max(0, m.start - 1), m.start))) || quotedBeforeOrgNoun(text, m.start, m.end) || acronymBeforeRole(text, m.start, m.end)) add(key, 'ORG', ORG_CUE_WEIGHT)
    // "HAMBURG —" at a line start: a dateline names a place, when the gazetteer knows the place.
    if (m.type !== 'LOC' && isDateline(text, m) && isPlaceWords(titleCaseWord(m.name))) add(key, 'LOC', ORG_CUE_WEIGHT)
    if (!firstType.has(key)) firstType.set(key, m.type)
    if (personCueBefore(text, m.start)) personCued.add(key)
    const ws = nameWords(m.name)
    if (m.type === 'PER' && ws.length > 1) {
      const sur = surnameOf(m.name)
      if (sur) {
        add(foldName(sur), 'PER', 1)
        personSurnames.add(foldName(sur))
      }
      for (const w of ws) personWords.add(foldName(w))
    }
    if (m.type === 'ORG' && ws.length > 1) orgKeys.add(orgKey(m.name))
  }
  for (const m of ms) {
    const key = foldName(m.name)
    const v = votes.get(key)!
    let best: EntityType = firstType.get(key) ?? m.type
    let bestN = v.get(best) ?? 0
    for (const t of TYPE_ORDER) {
      const n = v.get(t) ?? 0
      if (n > bestN) {
        best = t
        bestN = n
      }
    }
    if (lx.metonyms.has(key)) best = 'ORG'
    if (best === 'PER' && !key.includes(' ') && !personWords.has(key) && orgKeys.has(key)) best = 'ORG'
    // A lone word read as a person here and as a place elsewhere, that no full person name has, is the place
    // ("Charlotte struggles ..." beside "in Charlotte").
    else if (best === 'PER' && !key.includes(' ') && !personWords.has(key) && (v.get('LOC') ?? 0) > 0 && !personCued.has(key) && isPlaceName(m.name)) best = 'LOC'
    // "Donald Trump's divorce" tagged MISC: a known first name and a surname people have here make a person.
    if (best === 'MISC' && key.includes(' ') && personSurnames.has(foldName(surnameOf(m.name) ?? '')) && firstNameGender(nameWords(m.name)[0] ?? '')) best = 'PER'
    if (lx.calendarNames.has(key)) best = 'MISC' // "Christmas", "Thanksgiving", "Monday": a day, not a place or a person
    m.type = best
  }
}
