import { layer, withLayers } from '../../doc/doc.js'
import type { Doc } from '../../doc/doc.js'
import type { DateMention, Event, EventStatus, Mention, Sentence, Span } from '../../doc/layers.js'
import type { Stage } from '../../pipeline/stage.js'

// Regexes of the events stage, with why each is there.

/** A finite verb (an auxiliary or a past form), to tell a subordinate clause from a prepositional phrase. */
const FINITE = '(?:was|were|is|are|has|have|had|will|would|did|does|came|began|fell|rose|took|made|went|won|lost|left|met|said|[a-z]{3,}ed)'
const HAS_VERB = new RegExp(`\\b(?:${FINITE.slice(3, -1)}|says|raises|raise|holds|hold|makes|make|takes|take|gets|get|sees|see)\\b`, 'i')
/**
 * Where a sentence splits into clauses: semicolons, dashes (a spaced hyphen too, as in wire datelines), colons,
 * a comma before a conjunction, and a comma before a participle of saying (", saying the derailment ...").
 */
const CLAUSE_SPLIT = new RegExp(
  [
    ';\\s+', '\\s[–—-]\\s', ':\\s+',
    ',\\s+(?=(?:and|but|while|whereas|after|before|when|as|which|who|whose|where|although|though|because|so|then|yet|saying|adding|noting|arguing|claiming|warning|insisting|explaining|stressing|citing)\\b)',
    // "... last week and will hold a rally on Monday": a second verb with its own tense
    '\\s+(?:and|but)\\s+(?=(?:will|would|could|can|may|might|shall|should|must|has|have|had|is|are|was|were|did|does|then|later|also|now)\\b)',
    // "raised its forecast after orders jumped in the third quarter": a subordinate clause with its own verb
    `\\s+(?=(?:after|before|when|because|while|until|once|since)\\s+(?:[\\w'’-]+\\s+){0,8}?${FINITE}\\b)`,
  ].join('|'),
  'g',
)
/** Verbs of saying, thinking and deciding whose complement clause is an event of its own. */
const REPORT_VERB = '(?:said|says|say|told|tells|announced|announces|added|adds|warned|warns|stated|states|insisted|argued|claimed|noted|explained|confirmed|predicted|promised|pledged|vowed|signalled|signaled|indicated|acknowledged|admitted|estimated|reported|expects|expected|believes|believed|thinks|thought|hopes|hoped|fears|feared|stressed|emphasized|emphasised|agreed|decided|revealed|disclosed|suggested|showed|shows|saying|adding|noting|arguing|claiming|warning)'
const MONTH_OR_DAY = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b'
/**
 * Start of a reported clause: the verb of saying, up to five words of adjunct or addressee ("in a statement",
 * "on Thursday", "reporters"), then "that" or a subject with a finite verb ("said on Thursday it would ration").
 */
const COMPLEMENT_START = new RegExp(
  `\\b${REPORT_VERB}\\b(?:\\s+(?!that\\b)[\\w'’.-]+){0,5}?\\s+(?:that\\s+|(?=(?:it|he|she|they|we|I|there|the|its|his|her|their|this|these|those|(?!${MONTH_OR_DAY})[A-Z][a-z]+(?:\\s+[A-Z][a-z]+)?['’]?s?)\\s+(?:(?!that\\b)[\\w'’-]+\\s+){0,3}?(?:would|will|had|was|were|could|might|should|is|are|has|have|may|can)\\b))`,
  'g',
)
/** A noun phrase holding the date and followed by its verb ("the derailment in Ohio in February showed"): its start. */
const NP_START = /^(?:(?:saying|adding|noting|arguing|claiming|warning|that|and|but|as|while)\s+)?((?:the|a|an|this|these|those|its|his|her|their|our|[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*['’]s)\s)/
/** Words that show a verb (or a clause) before the date, so the date is not inside a subject noun phrase. */
const VERB_BEFORE = /\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|shall|should|must|did|does|do|said|says|that|which|who|whom|where|when|[a-z]+ed)\b/i
/** The finite verb right after a subject noun phrase. */
const VERB_AFTER = /^\s*(?:is|are|was|were|has|have|had|will|would|could|can|may|might|did|does|showed|shows|led|leads|left|killed|caused|forced|prompted|sparked|triggered|made|became|came|drew|brought|remains|remained|marked|[a-z]{2,}ed)\b/
/** Conditions, weak modals and doubts: the event may or may not take place. "would" alone is handled apart. */
const CONDITIONAL = /\b(?:could|might|may|if|unless|possibly|perhaps|potentially|would have|unlikely|doubtful|improbable|uncertain|unrealistic|not realistic|(?:probably|likely) not)\b/i
const WOULD = /\bwould\b|['’]d\s+(?!have)\w/i
/** A verb of saying before a "would" clause makes it a reported plan (future in the past), not a hypothesis. */
const REPORTED_PLAN_LEAD = new RegExp(`\\b${REPORT_VERB}\\b`, 'i')
/** Clause fragments shorter than this many words (besides the date) are joined to the next ("In 2020, ..."). */
const MIN_CLAUSE_WORDS = 3
/** An anxious frame before the date makes the event feared ("expressed fears that an offensive could come"). */
const FEARED = /\b(?:fears?|feared|fearing|worr(?:y|ies|ied|ying)|warn(?:s|ed|ing)?|concerns?|concerned|dangers?|threat(?:en|ens|ened)?|risks?|alarm(?:ed)?|anxious)\b/i
/** Intentions and schedules: the event is planned. */
const PLANNED = /\b(?:will|shall|['’]ll|going to|plans? to|planned|planning to|scheduled|intends? to|set to|is to|are to|expected to|due to)\b/i
/** A state that started and still holds: present perfect, progressive, "currently", "continues". */
const ONGOING = /\b(?:(?:has|have) been|currently|continues?|continuing|still|ongoing|(?:is|are|am) \w+ing)\b/i
/** Hearsay: the journalist relays someone else's claim. */
const REPORTED = /\b(?:reportedly|allegedly|according to|reports? (?:say|said|suggest)|is said to|are said to|claim(?:s|ed)?)\b/i

/** Clauses opening with a time or cause subordinator are adjuncts: the main clause's fear or hearsay frame does not reach them. */
const ADJUNCT_START = /^(?:after|before|when|since|because|as|while|whereas|although|though)\b/i

/** Where the clause of `date` starts and ends inside `sentence`, and where its main part ends (before a reported clause). */
export interface EventClause extends Span {
  /** End of the part whose verb governs the date (a verb of saying and its adjuncts), for the status. */
  readonly mainEnd: number
}

/**
 * The clause of `sentence` holding `date`, by the split rules above. A date inside a reported clause
 * ("said ... that the chamber would take up the bill in July") gets that clause; a date inside a subject noun
 * phrase ("the derailment in East Palestine, Ohio, in February showed ...") gets the noun phrase.
 */
export function clauseOf(text: string, sentence: Span, date: Span): EventClause {
  const s = text.slice(sentence.start, sentence.end)
  const cuts: number[] = [0]
  CLAUSE_SPLIT.lastIndex = 0
  for (let m = CLAUSE_SPLIT.exec(s); m; m = CLAUSE_SPLIT.exec(s)) {
    // A subordinate clause splits off only a clause with a verb of its own ("A ceasefire | before spring 2024 is" is one).
    if (m[0].trim() === '' && !HAS_VERB.test(s.slice(cuts[cuts.length - 1] ?? 0, m.index))) continue
    cuts.push(m.index + m[0].length)
  }
  cuts.push(s.length)
  const relStart = date.start - sentence.start
  const relEnd = date.end - sentence.start
  let i = 0
  while (i + 1 < cuts.length - 1 && (cuts[i + 1] ?? 0) <= relStart) i++
  let from = cuts[i] ?? 0
  let j = i + 1
  while (j < cuts.length - 1 && (cuts[j] ?? 0) < relEnd) j++
  let to = cuts[j] ?? s.length
  const words = (a: number, b: number): number =>
    (s.slice(a, relStart).split(/\s+/).filter(Boolean).length + s.slice(relEnd, b).split(/\s+/).filter((w) => /\w/.test(w)).length)
  while (words(from, to) < MIN_CLAUSE_WORDS && j < cuts.length - 1) to = cuts[++j] ?? s.length
  while (words(from, to) < MIN_CLAUSE_WORDS && i > 0) from = cuts[--i] ?? 0
  // A reported clause inside: the date after its start belongs to it; a date before it to the act of saying.
  let mainEnd = to
  COMPLEMENT_START.lastIndex = 0
  for (let m = COMPLEMENT_START.exec(s); m; m = COMPLEMENT_START.exec(s)) {
    const at = m.index + m[0].length
    if (at <= from || m.index >= to) continue
    if (at <= relStart && words(at, to) >= MIN_CLAUSE_WORDS) from = at
    else if (at >= relEnd && at < mainEnd) mainEnd = at
  }
  // A relative clause ("Ryan, who ran for president in 2019, told ...") ends at its closing comma.
  if (/^\s*(?:who|which|whose|where)\b/i.test(s.slice(from, relStart))) {
    const close = s.indexOf(',', relEnd)
    if (close >= 0 && close < to) to = close
  }
  // The date inside the subject of the clause: the noun phrase up to the date is the event.
  const head = s.slice(from, relStart)
  const np = NP_START.exec(head)
  if (np && VERB_AFTER.test(s.slice(relEnd, to)) && !VERB_BEFORE.test(head.slice(np[0].length)) && head.split(/\s+/).length <= 14) {
    from = from + np[0].length - (np[1]?.length ?? 0)
    to = relEnd
    mainEnd = to
  }
  let a = from
  let b = to
  while (a < b && /[\s,;:–—-]/.test(s[a] ?? '')) a++
  while (b > a && /[\s,;:–—.!?-]/.test(s[b - 1] ?? '')) b--
  // A conjunction left at either edge by a split belongs to neither clause ("... last week and | will hold ...").
  const lead = /^(?:and|but)\s+/i.exec(s.slice(a, relStart))
  if (lead) a += lead[0].length
  const tail = /\s+(?:and|but)$/i.exec(s.slice(relEnd, b))
  if (tail) b -= tail[0].length
  let me = Math.min(mainEnd, b)
  while (me > a && /[\s,;:–—.!?-]/.test(s[me - 1] ?? '')) me--
  return { start: sentence.start + a, end: sentence.start + b, mainEnd: sentence.start + Math.max(me, Math.min(b, relEnd)) }
}

/** Status of the event in `clause`; `lead` is the sentence text before the clause (where "fears that" sits). */
export function statusOf(clause: string, leadText: string, date: DateMention, published?: string): EventStatus {
  // An adjunct clause ("…, after Belarus announced in October") is outside the frame of the main clause.
  const lead = ADJUNCT_START.test(clause) ? '' : leadText
  const hypothetical = CONDITIONAL.test(clause)
  const would = WOULD.test(clause)
  if (FEARED.test(lead) || FEARED.test(clause)) {
    if (hypothetical || would || PLANNED.test(clause) || FEARED.test(lead)) return 'feared'
  }
  if (hypothetical) return 'hypothetical'
  // "would" after a verb of saying is a future in the past: a reported plan ("said the chamber would vote in July").
  if (would) return REPORTED_PLAN_LEAD.test(lead) ? 'planned' : 'hypothetical'
  if (PLANNED.test(clause)) return 'planned'
  if (published && date.value && date.value.slice(0, 10) > published.slice(0, 10) && !/\b(?:was|were|had|did)\b/i.test(clause)) {
    return ONGOING.test(clause) ? 'ongoing' : 'planned'
  }
  if (ONGOING.test(clause)) return 'ongoing'
  if (REPORTED.test(clause) || REPORTED.test(lead)) return 'reported'
  return 'happened'
}

function sentenceAt(sentences: readonly Sentence[], at: number): Sentence | undefined {
  let lo = 0
  let hi = sentences.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sentences[mid]!
    if (at < s.start) hi = mid - 1
    else if (at >= s.end) lo = mid + 1
    else return s
  }
  return undefined
}

function actorsIn(mentions: readonly Mention[], span: Span): number[] {
  const out: number[] = []
  for (const m of mentions) {
    if (m.start >= span.end) break
    if (m.end > span.start && m.entity !== undefined && !out.includes(m.entity)) out.push(m.entity)
  }
  return out
}

function run(doc: Doc): Doc {
  const sentences = layer(doc, 'sentences')
  const dates = layer(doc, 'dates')
  layer(doc, 'entities')
  const mentions = [...layer(doc, 'mentions')].sort((a, b) => a.start - b.start)
  const events: Event[] = []
  for (const [i, d] of dates.entries()) {
    const sentence = sentenceAt(sentences, d.start) ?? { start: d.start, end: d.end }
    const { mainEnd, ...span } = clauseOf(doc.text, sentence, d)
    const text = doc.text.slice(span.start, span.end)
    const lead = doc.text.slice(sentence.start, span.start)
    // The status is that of the part governing the date: "said on Thursday it would ration ..." is a statement made.
    const governing = doc.text.slice(span.start, mainEnd)
    const actors = actorsIn(mentions, span)
    // "Tim Ryan, who ran for president in 2019": the relative pronoun's antecedent is an actor.
    if (/^who\b/i.test(text)) {
      const antecedent = mentions.findLast((m) => m.end <= span.start && span.start - m.end <= 3 && m.type === 'PER' && m.entity !== undefined)
      if (antecedent?.entity !== undefined && !actors.includes(antecedent.entity)) actors.unshift(antecedent.entity)
    }
    events.push({ ...span, text, date: i, status: statusOf(governing, lead, d, doc.meta.published), actors })
  }
  return withLayers(doc, { events })
}

/** The clause each date anchors, with its status (happened, ongoing, planned, feared, hypothetical, reported) and actors. */
export const eventsStage: Stage = {
  name: 'events.v1',
  requires: ['sentences', 'dates', 'mentions', 'entities'],
  assigns: ['events'],
  run,
}
