// Step 6: attributes of people, each with the span it was read from: age ("Name (69)", "Name, 69,"), role,
// nationality, title and affiliation from premodifiers ("exiled Belarusian opposition leader X", "FU conflict
// observer X", "Kremlin spokesman X") and appositions ("X (57), professor of ... at the University of St. Gallen"),
// and the affiliation of a person in focus ("The expert conducts research at the ...").
import type { Attribute, Token } from '../../doc/layers.js'
import type { WorkEntity } from './05-cluster.js'
import { lexicon, roleClass } from './lexicon.js'
import { cleanName } from './names.js'
import { lastStartingAtOrBefore, sentenceAt, type Work, type WorkMention } from './work.js'

/** "Name (69)": an age in parentheses right after a name. */
const AGE_PAREN_RE = /^\s*\((\d{1,3})\)/
/** "Name, 69, said": an age between commas. */
const AGE_COMMA_RE = /^,\s*(\d{1,3}),/
/** "Sen. Sherrod Brown (D-Ohio)", "Rep. Jane Doe, R-Texas,": party code and state after a name. */
const PARTY_STATE_RE = /^(?:\s*\(|,\s*)([DRI])-(\p{Lu}[\p{L}.]*(?: \p{Lu}[\p{L}.]*)?)(?:\)|(?=,))/u
/** "(Fla.)" right after a name: a state in parentheses. */
const STATE_PAREN_RE = /^\s*\(([\p{Lu}][\p{L}.]{1,5}(?: ?\p{Lu}[\p{L}.]{0,4})?)\)/u
/** " of the " / " of " right after a name: "Gustav Gressel of the European Council ...", "Sherrod Brown of Ohio". */
const OF_AFTER_RE = /^ of (?:the )?/
/** Titles and roles of people who represent a place: "of Ohio" after their name is their constituency. */
const REPRESENTATIVE_ROLES = new Set(['senator', 'representative', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'mp', 'member of parliament', 'governor', 'lieutenant governor', 'delegate', 'assemblyman', 'assemblywoman', 'councillor', 'councilman', 'councilwoman', 'mayor'])
/** Verbs of "X, who is/serves as ROLE": the role follows (with "as" after serve/act/work). */
const RELATIVE_ROLE_VERBS = new Set(['is', 'was', 'serves', 'served', 'works', 'worked', 'acts', 'acted'])
/** Lower-case words inside a capitalised title ("Secretary of State", "Minister for Foreign Affairs"). */
const TITLE_PARTICLES = new Set(['of', 'for', 'and', 'the', 'on'])
/** What ends an apposition around a name: a comma, or the end of the sentence. */
const CLOSES_APPOSITION_RE = /^(?:,|[.!?]|$)/
/** "45-year-old" as one token. */
const AGE_WORD_RE = /^\d{1,3}[-‐‑–]years?[-‐‑–]old$/
/** Plausible ages; anything else in parentheses is a year, a count or a footnote. */
const AGE_MIN = 14
const AGE_MAX = 115
/** Lower-case words that end a premodifier instead of belonging to the role ("the", "exiled", "says"). */
const STOP_MODIFIERS = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'that', 'these', 'those',
  'says', 'said', 'say', 'told', 'tells', 'according', 'to', 'and', 'or', 'but', 'by', 'with', 'of', 'for', 'from',
  'at', 'in', 'on', 'as', 'is', 'was', 'were', 'are', 'be', 'been', 'who', 'which', 'also', 'even', 'now', 'then',
  'exiled', 'former', 'late', 'jailed', 'imprisoned', 'ousted', 'embattled', 'outgoing', 'incoming', 'current',
  'longtime', 'veteran', 'renowned', 'prominent', 'well-known', 'famous', 'controversial', 'self-proclaimed', 'so-called',
  'when', 'while', 'after', 'before', 'since', 'because', 'if', 'than', 'both', 'between', 'among', 'about',
])
/** Sentence-initial words that are capitalised only because they start the sentence. */
const CAPITALISED_FUNCTION_WORDS = new Set(['The', 'A', 'An', 'His', 'Her', 'Their', 'Its', 'This', 'That', 'But', 'And', 'According', 'Says', 'When', 'While', 'After', 'Both'])
/** Words that end a role phrase read forwards ("professor of X at Y", "analyst who ..."). */
const ROLE_END_WORDS = new Set(['at', 'in', 'with', 'from', 'who', 'which', 'that', 'said', 'says', 'told', 'since', 'until', 'during', 'has', 'had', 'is', 'was', 'will', 'would', 'on', 'to'])
/** Prepositions that introduce an affiliation after a role ("at the University of St. Gallen", "for the BBC"). */
const AFFILIATION_PREPS = new Set(['at', 'with', 'for', 'of'])
/** Most tokens read forwards for a role phrase. */
const MAX_ROLE_TOKENS = 10
/** Most lower-case modifiers taken before a role noun ("conflict observer", "senior political analyst"). */
const MAX_MODIFIERS = 3
/** Verbs that place a person at an organisation: "The expert conducts research at the X". */
const WORKS_AT_RE = /\b(?:works|worked|conducts research|conducted research|does research|researches|teaches|taught|lectures|is based|is employed|is a (?:professor|researcher|fellow|lecturer|scientist|member))\s+(?:at|for|with|in)\s+(?:the\s+)?["“„]?/g
/** An untagged org name read as text: capitalised words with of/for/and/the/on inside. */
const CAP_NAME_RE = /^(\p{Lu}[\p{L}\p{N}\-.&’']*(?:\s+(?:of|for|and|the|on|in|\p{Lu}[\p{L}\p{N}\-.&’']*))*)/u

interface Ctx {
  readonly work: Work
  readonly tok: (i: number) => string
  readonly mentionStartingAt: Map<number, WorkMention>
  readonly mentionEndingAt: Map<number, WorkMention>
}

function isWord(t: Token | undefined): t is Token {
  return !!t && (t.kind === 'word' || t.kind === 'number')
}
function isUpper(w: string): boolean {
  return /^\p{Lu}/u.test(w)
}
function isAcronym(w: string): boolean {
  return /^\p{Lu}[\p{Lu}&]{1,5}$/u.test(w)
}

/** Longest role noun made of tokens [i-L+1 .. i] (read backwards) or [i .. i+L-1] (forwards). */
function roleAt(ctx: Ctx, i: number, dir: -1 | 1): number {
  const lx = lexicon()
  const toks = ctx.work.tokens
  for (let L = lx.maxWords; L >= 1; L--) {
    const from = dir < 0 ? i - L + 1 : i
    const to = dir < 0 ? i : i + L - 1
    if (from < 0 || to >= toks.length) continue
    const ws: string[] = []
    let ok = true
    for (let k = from; k <= to && ok; k++) {
      ok = isWord(toks[k])
      ws.push(ctx.tok(k).toLowerCase())
    }
    if (ok && lx.roles.has(ws.join(' '))) return L
  }
  return 0
}

function attr(name: string, value: string, start: number, end: number): Attribute {
  return { name, value, start, end }
}

/** Premodifiers of the name starting at token index `first`. */
function premodifiers(ctx: Ctx, first: number, nameEnd: number, sentStart: number, out: Attribute[], setGender: (g: 'f' | 'm') => void): void {
  const lx = lexicon()
  const toks = ctx.work.tokens
  let j = first - 1
  if (j >= 0 && toks[j]!.start >= sentStart) {
    const w = ctx.tok(j)
    const hon = lx.honorifics.has(w) ? w : lx.honorifics.has(`${w}.`) ? `${w}.` : undefined
    if (hon !== undefined) {
      // "Lt. Gov.": a two-token title wins over its last part.
      const p = j > 0 && toks[j - 1]!.start >= sentStart ? `${ctx.tok(j - 1)} ${hon}` : ''
      const two = lx.honorificTitles.has(p)
      const start = two ? toks[j - 1]!.start : toks[j]!.start
      // Abbreviated titles are written out ("Sen." → "Senator"); Mr./Mrs. stay as written.
      out.push(attr('title', lx.honorificTitles.get(two ? p : hon) ?? w, start, toks[j]!.end))
      if (two) j--
      const g = lx.honorifics.get(hon)
      if (g) {
        setGender(g)
        out.push(attr('gender', g, toks[j]!.start, toks[j]!.end))
      }
      j--
    }
  }
  if (j < 0 || toks[j]!.start < sentStart) return
  // "Apple's chief executive, Tim Cook, said": a role phrase set off by commas before the name.
  if (ctx.tok(j) === ',' && j > 0 && roleAt(ctx, j - 1, -1) > 0 && CLOSES_APPOSITION_RE.test(ctx.work.text.slice(nameEnd, nameEnd + 2))) j--
  const party = lx.parties.get(ctx.tok(j))
  if (party !== undefined) {
    // "Democratic Sen. X", "Republican X": a party word right before the title or the name.
    out.push(attr('party', party, toks[j]!.start, toks[j]!.end))
    return
  }
  const L = roleAt(ctx, j, -1)
  if (L === 0) return
  const head = j - L + 1
  const titleCase = isUpper(ctx.tok(head))
  let k = head - 1
  let n = 0
  while (k >= 0 && toks[k]!.start >= sentStart && n < MAX_MODIFIERS) {
    const t = toks[k]!
    const w = ctx.tok(k)
    const m = ctx.mentionEndingAt.get(t.end)
    if (m && m.type === 'ORG') {
      out.push(attr('affiliation', m.name, m.start, m.end))
      break
    }
    if ((w === '’s' || w === "'s") && k > 0) {
      const o = ctx.mentionEndingAt.get(toks[k - 1]!.end)
      if (o && (o.type === 'ORG' || o.type === 'LOC')) out.push(attr('affiliation', o.name, o.start, o.end))
      break
    }
    if (!isWord(t)) break
    if (lx.nationalities.has(w)) {
      out.push(attr('nationality', w, t.start, t.end))
      break
    }
    if (m && m.type === 'LOC' && m.start >= sentStart) {
      // "Belarus expert": the place is part of the role.
      const mt = lastStartingAtOrBefore(toks, m.start)
      k = mt - 1
      n = MAX_MODIFIERS
      continue
    }
    if (m) break
    if (isUpper(w)) {
      if (CAPITALISED_FUNCTION_WORDS.has(w) || STOP_MODIFIERS.has(w.toLowerCase())) break // "Former Secretary of State"
    } else if (titleCase) {
      // A capitalised title takes capitalised modifiers only ("Foreign Minister"; not "views President").
      break
    }
    if (isUpper(w)) {
      if (isAcronym(w) && !lx.roles.has(w.toLowerCase())) {
        out.push(attr('affiliation', w, t.start, t.end))
        break
      }
    } else if (STOP_MODIFIERS.has(w) || /\d/.test(w)) break
    k--
    n++
  }
  // k stopped on the first token that is not part of the role (or the LOC's token before it).
  let startTok = k + 1
  while (startTok < head && !isWord(toks[startTok])) startTok++
  const start = toks[startTok]!.start
  const end = toks[j]!.end
  out.push(attr('role', ctx.work.text.slice(start, end), start, end))
  // A title is capitalised throughout ("Foreign Minister"); "Chief executive" at a sentence start is only a role.
  const words = ctx.work.text.slice(start, end).split(/\s+/)
  if (startTok === head && words.every((w) => isUpper(w) || TITLE_PARTICLES.has(w))) out.push(attr('title', ctx.work.text.slice(start, end), start, end))
  // The nationality may sit right before a capitalised title with nothing between ("Ukrainian President"); so
  // may a party word ("Republican Senator").
  if (startTok > 0 && !out.some((a) => a.name === 'nationality')) {
    const p = toks[startTok - 1]!
    const w = ctx.work.text.slice(p.start, p.end)
    if (p.start >= sentStart && lx.nationalities.has(w)) out.push(attr('nationality', w, p.start, p.end))
    const pv = lx.parties.get(w)
    if (p.start >= sentStart && pv !== undefined) out.push(attr('party', pv, p.start, p.end))
  }
}

/** Affiliation after a preposition at token i ("at the University of St. Gallen"); returns true when found. */
function affiliationAfter(ctx: Ctx, i: number, out: Attribute[], at = false): boolean {
  const toks = ctx.work.tokens
  let k = i
  while (k < toks.length && (ctx.tok(k).toLowerCase() === 'the' || toks[k]!.kind === 'quote')) k++
  const t = toks[k]
  if (!t) return false
  const m = ctx.mentionStartingAt.get(t.start)
  // "an analyst at Bankhaus Meyer": after a role, "at" names an employer even where the tagger read a place.
  if (m && (m.type === 'ORG' || (at && m.type === 'LOC'))) {
    out.push(attr('affiliation', m.name, m.start, m.end))
    return true
  }
  if (m) return false
  const cap = CAP_NAME_RE.exec(ctx.work.text.slice(t.start, t.start + 120))
  if (cap && cap[1]!.split(/\s+/).length >= 2) {
    const name = cleanName(cap[1]!)
    out.push(attr('affiliation', name, t.start, t.start + name.length))
    return true
  }
  return false
}

/** ", professor of Russian culture and society at the University of St. Gallen," after a name. */
function apposition(ctx: Ctx, from: number, sentEnd: number, out: Attribute[]): void {
  const lx = lexicon()
  const toks = ctx.work.tokens
  let i = lastStartingAtOrBefore(toks, from)
  if (i < 0) return
  if (toks[i]!.start < from) i++
  if (ctx.tok(i) !== ',') return
  i++
  // ", who serves as vice chair of ...", ", who is a professor at ...": a relative clause that states the role.
  if (ctx.tok(i) === 'who' && RELATIVE_ROLE_VERBS.has(ctx.tok(i + 1))) i += ctx.tok(i + 2) === 'as' ? 3 : 2
  if (/^(?:a|an|the)$/i.test(ctx.tok(i) ?? '')) i++
  if (AGE_WORD_RE.test(ctx.tok(i))) i++ // "a 45-year-old former regulator": the age is read in step 8
  // "the bill's lead sponsor", "the company's chief executive", "Ohio's junior senator": skip the possessor;
  // an org as possessor is the affiliation.
  let possessor: Attribute | undefined
  if (i + 1 < toks.length && /^['’]s$/.test(ctx.tok(i + 1)) && isWord(toks[i])) {
    const o = ctx.mentionStartingAt.get(toks[i]!.start)
    if (o && o.type === 'ORG' && o.end === toks[i]!.end) possessor = attr('affiliation', o.name, o.start, o.end)
    i += 2
  }
  const partyNoun = lx.parties.get(ctx.tok(i))
  if (partyNoun !== undefined && toks[i] && toks[i]!.start < sentEnd && !/^\p{Lu}/u.test(ctx.tok(i + 1))) {
    // "X, a Democrat, said", "X, the Democratic nominee": the party, and a role may follow.
    out.push(attr('party', partyNoun, toks[i]!.start, toks[i]!.end))
    i++
  }
  let nationality: Attribute | undefined
  if (i < toks.length && lx.nationalities.has(ctx.tok(i))) {
    nationality = attr('nationality', ctx.tok(i), toks[i]!.start, toks[i]!.end)
    i++
  }
  // The role noun within the first few words ("senior political analyst").
  let head = -1
  let L = 0
  for (let k = i; k < Math.min(i + MAX_MODIFIERS + 1, toks.length); k++) {
    if (!isWord(toks[k]) || toks[k]!.start >= sentEnd) break
    const w = ctx.tok(k)
    if (k > i && STOP_MODIFIERS.has(w.toLowerCase())) break
    L = roleAt(ctx, k, 1)
    if (L > 0) {
      head = k
      break
    }
  }
  if (head < 0) return
  if (nationality) out.push(nationality)
  if (possessor) out.push(possessor)
  const start = toks[i]!.start
  let last = head + L - 1
  let k = last + 1
  while (k < toks.length && k - i < MAX_ROLE_TOKENS && toks[k]!.start < sentEnd) {
    const w = ctx.tok(k)
    const lw = w.toLowerCase()
    if (!isWord(toks[k])) break
    if (AFFILIATION_PREPS.has(lw)) {
      // "of Belarus" stays in the role; "of the FBI", "at the University of X" is the affiliation.
      let n = k + 1
      while (n < toks.length && ctx.tok(n).toLowerCase() === 'the') n++
      const m = toks[n] ? ctx.mentionStartingAt.get(toks[n]!.start) : undefined
      if (lw === 'of' && m && m.type === 'LOC') {
        last = lastStartingAtOrBefore(toks, m.end - 1)
        k = last + 1
        continue
      }
      if (lw !== 'of' || (m && m.type === 'ORG')) {
        affiliationAfter(ctx, k + 1, out, lw === 'at')
        break
      }
      // "professor of Russian culture and society": a subject, part of the role.
      last = k
      k++
      continue
    }
    if (ROLE_END_WORDS.has(lw)) break
    if (ctx.mentionStartingAt.has(toks[k]!.start) && ctx.tok(k - 1).toLowerCase() !== 'of') break
    last = k
    k++
  }
  const end = toks[last]!.end
  out.push(attr('role', ctx.work.text.slice(start, end), start, end))
}

/** "Fla.", "Fla", "FL" → "Florida": a US state abbreviation (AP style, with or without its period, or postal). */
function stateName(abbr: string): string | undefined {
  const lx = lexicon()
  return lx.stateAbbreviations.get(abbr) ?? lx.stateAbbreviations.get(`${abbr}.`) ?? lx.statePostalCodes.get(abbr)
}

/** Does the person hold a seat for a place (Senator, governor, MP)? Read from the title and role attributes so far. */
function representsPlace(out: readonly Attribute[]): boolean {
  return out.some((a) => {
    if (a.name !== 'title' && a.name !== 'role') return false
    const ws = a.value.toLowerCase().split(/\s+/)
    return REPRESENTATIVE_ROLES.has(ws.slice(-2).join(' ')) || REPRESENTATIVE_ROLES.has(ws[ws.length - 1]!)
  })
}

/**
 * Right after a name: "(D-Ohio)" gives party and constituency; "of the European Council on Foreign Relations"
 * the affiliation; "of Ohio" the constituency of a senator, governor or MP (any other person's "of Boston" is
 * skipped). Returns where an apposition may start.
 */
function partyAndPlace(ctx: Ctx, pos: number, out: Attribute[]): number {
  const text = ctx.work.text
  const lx = lexicon()
  const ps = PARTY_STATE_RE.exec(text.slice(pos, pos + 40))
  if (ps) {
    const cs = pos + ps[0].indexOf(ps[1]!)
    out.push(attr('party', lx.partyCodes.get(ps[1]!)!, cs, cs + 1))
    const ss = cs + 2
    const place = stateName(ps[2]!) ?? ps[2]!.replace(/\.$/, '')
    out.push(attr('constituency', place, ss, ss + ps[2]!.length))
    return pos + ps[0].length
  }
  const st = STATE_PAREN_RE.exec(text.slice(pos, pos + 24))
  const stName = st ? stateName(st[1]!) : undefined
  if (st && stName) {
    // "Sen. Marco Rubio (Fla.)": a state alone in parentheses.
    const ss = pos + st[0].indexOf(st[1]!)
    out.push(attr('constituency', stName, ss, ss + st[1]!.length))
    return pos + st[0].length
  }
  const of = OF_AFTER_RE.exec(text.slice(pos, pos + 8))
  if (!of) return pos
  const m = ctx.mentionStartingAt.get(pos + of[0].length)
  if (!m) return pos
  if (m.type === 'ORG') out.push(attr('affiliation', m.name, m.start, m.end))
  else if (m.type === 'LOC' && representsPlace(out)) out.push(attr('constituency', m.name, m.start, m.end))
  else if (m.type !== 'LOC') return pos
  return m.end
}

export function attributes(work: Work, entities: WorkEntity[]): void {
  const { text, tokens } = work
  const mentionStartingAt = new Map<number, WorkMention>()
  const mentionEndingAt = new Map<number, WorkMention>()
  for (const m of work.mentions) {
    mentionStartingAt.set(m.start, m)
    mentionEndingAt.set(m.end, m)
  }
  const ctx: Ctx = { work, tok: (i) => (tokens[i] ? text.slice(tokens[i]!.start, tokens[i]!.end) : ''), mentionStartingAt, mentionEndingAt }
  for (const e of entities) {
    if (e.type !== 'PER') continue
    const out: Attribute[] = []
    const setGender = (g: 'f' | 'm') => { e.gender ??= g }
    for (const mi of e.mentions) {
      const m = work.mentions[mi]!
      const sent = sentenceAt(work.sentences, m.start) ?? { start: Math.max(0, m.start - 200), end: Math.min(text.length, m.end + 300) }
      let pos = m.end
      const right = text.slice(m.end, m.end + 12)
      const age = AGE_PAREN_RE.exec(right) ?? AGE_COMMA_RE.exec(right)
      if (age) {
        const v = Number(age[1])
        const s = m.end + age[0].indexOf(age[1]!)
        if (v >= AGE_MIN && v <= AGE_MAX) out.push(attr('age', String(v), s, s + age[1]!.length))
        pos = AGE_PAREN_RE.test(right) ? m.end + age[0].length : s + age[1]!.length
      }
      const first = lastStartingAtOrBefore(tokens, m.start)
      if (first >= 0 && tokens[first]!.start === m.start) premodifiers(ctx, first, m.end, sent.start, out, setGender)
      pos = partyAndPlace(ctx, pos, out)
      apposition(ctx, pos, sent.end, out)
    }
    e.attributes = dedupe(out)
  }
}

/** One attribute per (name, folded value): the first occurrence keeps its span. */
function dedupe(as: Attribute[]): Attribute[] {
  const seen = new Set<string>()
  const out: Attribute[] = []
  for (const a of as.sort((x, y) => x.start - y.start)) {
    const k = `${a.name}|${a.value.toLowerCase()}`
    if (seen.has(k)) continue
    seen.add(k)
    out.push(a)
  }
  return out
}

/** "The expert conducts research at the X", "She teaches at X": the affiliation of the person in focus. */
export function focusAffiliations(work: Work, entities: WorkEntity[], mentionEntity: readonly number[]): void {
  const { text } = work
  WORKS_AT_RE.lastIndex = 0
  for (let r = WORKS_AT_RE.exec(text); r; r = WORKS_AT_RE.exec(text)) {
    const sent = sentenceAt(work.sentences, r.index)
    if (!sent) continue
    const subject = text.slice(sent.start, r.index).trimEnd()
    let who: number | undefined
    const mi = lastStartingAtOrBefore(work.mentions, r.index - 1)
    const last = work.mentions[mi]
    if (last && last.type === 'PER' && last.end === sent.start + subject.length) who = mentionEntity[mi]
    if (who === undefined) {
      const role = /(?:^|\s)(?:the|The)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)$/u.exec(subject)
      if (role && roleClass(role[1]!.split(/\s+/).pop()!)) who = findRoleIn(work, entities, mentionEntity, role[1]!, r.index)
    }
    if (who === undefined) {
      const pro = /(?:^|\s)(he|she|He|She)$/.exec(subject)
      if (pro) who = lastPersonBefore(work, entities, mentionEntity, r.index, pro[1]!.toLowerCase() === 'she' ? 'f' : 'm')
    }
    if (who === undefined) continue
    const objStart = r.index + r[0].length
    const oi = lastStartingAtOrBefore(work.mentions, objStart)
    const m = oi >= 0 && work.mentions[oi]!.start === objStart ? work.mentions[oi] : undefined
    const e = entities[who]!
    if (m && m.type === 'ORG') e.attributes = dedupe([...e.attributes, attr('affiliation', m.name, m.start, m.end)])
    else if (!m) {
      const cap = CAP_NAME_RE.exec(text.slice(objStart, objStart + 120))
      if (cap) {
        const name = cleanName(cap[1]!)
        e.attributes = dedupe([...e.attributes, attr('affiliation', name, objStart, objStart + name.length)])
      }
    }
  }
}

function lastPersonBefore(work: Work, entities: WorkEntity[], mentionEntity: readonly number[], before: number, gender?: 'f' | 'm'): number | undefined {
  for (let i = lastStartingAtOrBefore(work.mentions, before - 1); i >= 0; i--) {
    const e = entities[mentionEntity[i]!]
    if (e && e.type === 'PER' && (!gender || !e.gender || e.gender === gender)) return mentionEntity[i]
    if (before - work.mentions[i]!.start > 2000) break
  }
  return undefined
}

type RoleHolder = { type: string; attributes: readonly Attribute[] }

/**
 * How well a person's roles and titles fit a role noun: 2 = the same noun ("political scientist" for "the
 * political scientist"), 1 = a role of the same class ("the expert" for a political scientist), 0 = no fit.
 */
export function roleFit(roleNoun: string): (e: RoleHolder) => 0 | 1 | 2 {
  const noun = roleNoun.toLowerCase().replace(/^(?:the|a|an)\s+/, '').trim()
  const singular = noun.replace(/s$/, '')
  // "Fed chair": the class of the longest role noun the phrase ends in.
  const nws = noun.split(/\s+/)
  let cls: string | undefined
  for (let n = nws.length; n >= 1 && !cls; n--) cls = roleClass(nws.slice(-n).join(' '))
  const exact = (v: string) => v === noun || v.endsWith(` ${noun}`) || v === singular || v.endsWith(` ${singular}`)
  const ofClass = (v: string) => {
    if (!cls) return false
    const ws = v.split(/\s+/)
    for (let n = Math.min(3, ws.length); n >= 1; n--) {
      const c = roleClass(ws.slice(-n).join(' '))
      if (c) return c === cls
    }
    // "professor of Russian culture": the head comes first
    return roleClass(ws[0]!) === cls
  }
  return (e) => {
    if (e.type !== 'PER') return 0
    const vs = e.attributes.filter((a) => a.name === 'role' || a.name === 'title').map((a) => a.value.toLowerCase())
    if (vs.some(exact)) return 2
    return vs.some(ofClass) ? 1 : 0
  }
}

/**
 * The most recently mentioned person (before `before`) whose role matches: a specific role ("political
 * scientist") first by its exact noun, then, like a generic one ("the expert"), by the class of its head.
 */
export function findRoleIn(work: { mentions: readonly { start: number }[] }, entities: readonly RoleHolder[], mentionEntity: readonly number[], roleNoun: string, before: number): number | undefined {
  const fit = roleFit(roleNoun)
  const fits = entities.map(fit)
  const latest = (min: 1 | 2): number | undefined => {
    for (let i = lastStartingAtOrBefore(work.mentions, before - 1); i >= 0; i--) {
      const ei = mentionEntity[i]
      if (ei !== undefined && ei >= 0 && (fits[ei] ?? 0) >= min) return ei
    }
    return undefined
  }
  if (roleNoun.trim().includes(' ')) {
    const hit = latest(2)
    if (hit !== undefined) return hit
  }
  return latest(1)
}
