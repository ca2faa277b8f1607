import { layer, withLayers } from '../../doc/doc.js'
import type { Doc } from '../../doc/doc.js'
import type { DateMention, Event, EventStatus, Mention, Sentence, Span } from '../../doc/layers.js'
import type { Stage } from '../../pipeline/stage.js'

// Regexes of the events stage, with why each is there.

/** Where a sentence splits into clauses: semicolons, dashes, colons, and a comma before a conjunction. */
const CLAUSE_SPLIT = /;\s+|\s[–—]\s|:\s+|,\s+(?=(?:and|but|while|whereas|after|before|when|as|which|although|though|because|so|then|yet)\b)/g
/** Clause fragments shorter than this many words (besides the date) are joined to the next ("In 2020, ..."). */
const MIN_CLAUSE_WORDS = 3
/** An anxious frame before the date makes the event feared ("expressed fears that an offensive could come"). */
const FEARED = /\b(?:fears?|feared|fearing|worr(?:y|ies|ied|ying)|warn(?:s|ed|ing)?|concerns?|concerned|dangers?|threat(?:en|ens|ened)?|risks?|alarm(?:ed)?|anxious)\b/i
/** Modals and conditions: the event may or may not take place. */
const HYPOTHETICAL = /\b(?:could|might|may|would|if|unless|possibly|perhaps|potentially)\b/i
/** Intentions and schedules: the event is planned. */
const PLANNED = /\b(?:will|shall|['’]ll|going to|plans? to|planned|planning to|scheduled|intends? to|set to|is to|are to|expected to|due to)\b/i
/** A state that started and still holds: present perfect, progressive, "currently", "continues". */
const ONGOING = /\b(?:(?:has|have) been|currently|continues?|continuing|still|ongoing|(?:is|are|am) \w+ing)\b/i
/** Hearsay: the journalist relays someone else's claim. */
const REPORTED = /\b(?:reportedly|allegedly|according to|reports? (?:say|said|suggest)|is said to|are said to|claim(?:s|ed)?)\b/i

/** Clauses opening with a time or cause subordinator are adjuncts: the main clause's fear or hearsay frame does not reach them. */
const ADJUNCT_START = /^(?:after|before|when|since|because|as|while|whereas|although|though)\b/i

/** The clause of `sentence` holding `date`, by the split rules above. */
export function clauseOf(text: string, sentence: Span, date: Span): Span {
  const s = text.slice(sentence.start, sentence.end)
  const cuts: number[] = [0]
  CLAUSE_SPLIT.lastIndex = 0
  for (let m = CLAUSE_SPLIT.exec(s); m; m = CLAUSE_SPLIT.exec(s)) cuts.push(m.index + m[0].length)
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
  let a = from
  let b = to
  while (a < b && /[\s,;:–—]/.test(s[a] ?? '')) a++
  while (b > a && /[\s,;:–—.!?]/.test(s[b - 1] ?? '')) b--
  return { start: sentence.start + a, end: sentence.start + b }
}

/** Status of the event in `clause`; `lead` is the sentence text before the clause (where "fears that" sits). */
export function statusOf(clause: string, leadText: string, date: DateMention, published?: string): EventStatus {
  // An adjunct clause ("…, after Belarus announced in October") is outside the frame of the main clause.
  const lead = ADJUNCT_START.test(clause) ? '' : leadText
  if (FEARED.test(lead) || FEARED.test(clause)) {
    if (HYPOTHETICAL.test(clause) || PLANNED.test(clause) || FEARED.test(lead)) return 'feared'
  }
  if (HYPOTHETICAL.test(clause)) return 'hypothetical'
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
    const span = clauseOf(doc.text, sentence, d)
    const text = doc.text.slice(span.start, span.end)
    const lead = doc.text.slice(sentence.start, span.start)
    events.push({ ...span, text, date: i, status: statusOf(text, lead, d, doc.meta.published), actors: actorsIn(mentions, span) })
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
