import { layer, withLayers } from '../../doc/doc.js'
import type { Doc } from '../../doc/doc.js'
import type { Assessment, Band, Mention, Quote, Sentence, Span } from '../../doc/layers.js'
import type { Stage } from '../../pipeline/stage.js'
import type { EstimativePhrase } from '../../lexicon/estimative/phrases.js'
import { NEGATION, PHRASE_RE, complement, foldCue, hedgeBand, lookupPhrase } from './band.js'

export { bandOf, foldCue, complement } from './band.js'

// Regexes and tunables of the assessments stage, with why each is there.

/** Blocks read for assessments: captions and boilerplate hold none worth keeping. */
const READ_BLOCKS = new Set(['headline', 'subhead', 'body'])
/** "It is / it seems (more) ... <hedge> (to me) that P": an impersonal judgement whose proposition follows "that" (the hedge may be quoted: it was "highly unlikely" that P). */
const IMPERSONAL_BEFORE = /\b(?:(?:it|this|that)\s+(?:is|was|seems|seemed|appears|appeared|remains|looks|would be|will be|['’]s)|(?:thinks?|thought|considers?|considered|deems?|deemed|finds?|found|believes?|believed|judges?|judged|regards?|regarded|holds?|held)\s+it)(?:\s+(?:still|now|also|quite|rather|so|thus|therefore|increasingly|not|never|entirely|perfectly|very|more|less))*\s*["“‘]?$/i
/** "thinks it possible that P": a belief verb with an adjective small clause; the adjective judges, not the verb. */
const SMALL_CLAUSE_NEXT = /^\s+it\s+(?:[\w-]+\s+){1,3}(?:that|whether)\b/i
/** "There is a (real) chance that P": the existential frame before a chance or possibility noun, part of the cue. */
const EXISTENTIAL_BEFORE = /\b(?:there|it)\s+(?:is|was|remains|seems to be|appears to be|['’]s)\s+(?:still\s+|also\s+|now\s+|at least\s+)?(?:an?\s+|some\s+)?$/i
const THAT_AFTER = /^["”’]?\s*(?:to|for)?\s*(?:me|us|him|her|them)?\s*(?:that|whether|if)\b/i
/** A copula or linking verb before an adjective hedge makes it a judgement ("is unlikely"), not a modifier ("the likely winner"). */
const COPULA_BEFORE = /\b(?:is|are|was|were|be|been|being|seems?|seemed|appears?|appeared|remains?|looks?|['’]s|not|very|highly|quite|most|more|almost|nearly|increasingly|rather|extremely)\s*$/i
/** Belief verbs need a that-clause, or a clause with a modal soon after ("I think Belarus will ..."). */
const THAT_NEXT = /^\s*(?:,\s*)?that\b/i
const MODAL_CLAUSE_NEXT = /^\s+(?:\S+\s+){0,6}?(?:will|would|could|might|may|is going to|are going to|won['’]t)\b/i
/** "expected the van business to turn a profit": a forecast verb with an object and an infinitive. */
const OBJECT_TO_NEXT = /^\s+(?!to\b)(?:[\w'’-]+\s+){1,6}?to\s+(?!the\b|a\b|an\b)[a-z]+/
const FORECAST_VERB = /^(?:expect|expects|expected|predict|predicts|predicted)$/i
/** Where a proposition ends: a semicolon, a dash, a closing quotation mark, or the attribution ", says X". */
const PROPOSITION_END = /;|\s[–—]\s|[,.!?]?[”"](?=\s*(?:[,.;:!?]|$|says|said|writes|told|adds|added|he |she ))|,\s+(?:says|said|writes|wrote|told|adds|added|according to|after|before|when|while|because|although|though|whereas|but|as)\b/
/** Where the clause holding a hedge starts: a semicolon, colon, comma or dash (quotation marks inside a clause do not end it). */
const CLAUSE_START = /;\s|:\s|,\s|\s[–—]\s/g
/** Negation of the proposition's own verb ("will not participate"): read as a judgement of the positive proposition. */
const PROP_NEGATION = /\b(?:will|would|shall|can|could|is going to|are going to|is|are|was|were)\s+(?:\w+\s+)?not\b|\bwon['’]t\b|\bwill never\b/i
/** "According to X('s observations), P will ...": an attributed forecast about the future. */
const ACCORDING = /\baccording to\b([^,]{1,60}),\s+/i
const FUTURE = /\b(?:will|won['’]t|is going to|are going to|shall)\b/i
/** Hedges removed from the normalized proposition. */
const HEDGE_WORDS = /\b(?:almost certainly|most likely|more likely|very likely|highly likely|likely|probably|possibly|perhaps|maybe|certainly|presumably|undoubtedly|definitely|in all likelihood)\b/gi
/** Time horizons of a forecast. */
const HORIZON = /\b(?:in the (?:short|medium|long|near|foreseeable) (?:term|run|future)|in the (?:coming|next) (?:\w+ )?(?:days|weeks|months|years)|within (?:a|the next|\w+) (?:days?|weeks?|months?|years?)|by (?:the end of )?(?:\d{4}|next (?:week|month|year)|the end of the year|(?:January|February|March|April|May|June|July|August|September|October|November|December)(?: \d{1,2})?(?:,? \d{4})?)|(?:this|next) (?:week|month|year|spring|summer|autumn|winter)|soon|for now|at the moment)\b/i
/** Words before "may" that make it the month ("in May"), and words before "sure" that make it not a belief ("make sure"). */
const MONTH_MAY_BEFORE = /\b(?:in|of|since|until|by|early|late|mid|from|last|next|this)[\s-]+$/i
const NOT_BELIEF_SURE = /\b(?:make|makes|made|making|to be|for)\s+$/i
/** Determiners before a one-word adjective hedge: "the likely winner", "a certain number", "the uncertain course". */
const DETERMINER_BEFORE = /\b(?:the|a|an|his|her|its|their|our|this|that|these|those|some|any|every)\s+$/i
/** Hedges so weak they count only inside someone's words (a quote) or after "according to": modals and "perhaps". */
const WEAK = new Set(['could', 'might', 'may', 'perhaps', 'maybe', 'possibly'])

interface Found {
  cue: Span
  prop: Span
  band: Band
  weak: boolean
  outer: boolean
  /** The proposition's own verb was negated and the band turned to judge the positive form. */
  flipped?: boolean
}

function trimSpan(text: string, start: number, end: number): Span {
  let a = start
  let b = end
  while (a < b && /[\s“”"‘’'.,;:!?–—(]/.test(text[a] ?? '')) a++
  while (b > a && /[\s“”"‘'.,;:!?–—)]/.test(text[b - 1] ?? '')) b--
  // Keep a closing mark whose opening mark is inside ("the “GardServis”").
  const inner = text.slice(a, b)
  if (text[b] === '”' && (inner.match(/“/g) ?? []).length > (inner.match(/”/g) ?? []).length) b++
  return { start: a, end: b }
}

/** End of a proposition that starts at `from` inside sentence `s` (absolute offsets). */
function propEnd(text: string, from: number, s: Sentence): number {
  const rest = text.slice(from, s.end)
  const m = PROPOSITION_END.exec(rest)
  return m ? from + m.index : s.end
}

/** Start of the clause holding position `at` inside sentence `s`. */
function clauseStart(text: string, at: number, s: Sentence): number {
  const before = text.slice(s.start, at)
  let start = s.start
  CLAUSE_START.lastIndex = 0
  for (let m = CLAUSE_START.exec(before); m; m = CLAUSE_START.exec(before)) start = s.start + m.index + m[0].length
  return start
}

function negatedBefore(text: string, at: number, floor: number): boolean {
  const before = foldCue(text.slice(Math.max(floor, at - 30), at)) + ' '
  return NEGATION.test(before) || /\bnot\s*$/.test(before)
}

/** One lexicon match → the judgement it makes, or null when the context says it is not one. */
function fromMatch(text: string, s: Sentence, start: number, end: number, entry: EstimativePhrase): Found | null {
  const before = text.slice(Math.max(s.start, start - 40), start)
  const after = text.slice(end, Math.min(s.end, end + 80))
  const word = entry.phrase
  const single = !word.includes(' ')
  const weak = WEAK.has(word)
  if (word === 'may' && (MONTH_MAY_BEFORE.test(before) || (/^M/.test(text.slice(start, end)) && start > s.start + 2) || /^\s*\d/.test(after))) return null
  if (word === 'sure' && NOT_BELIEF_SURE.test(before)) return null
  if (word === 'remote' && !/^\s+(?:chance|possibility|prospect)/i.test(after)) return null
  if (word === 'possible' && /^\s+to\b/i.test(after)) return null
  if (single && entry.kind === 'adjective' && DETERMINER_BEFORE.test(before)) return null
  const neg = negatedBefore(text, start, s.start)
  let band = hedgeBand(entry, neg)
  let cue: Span = { start, end }
  let prop: Span
  let outer = false
  if (entry.kind === 'belief') {
    if (SMALL_CLAUSE_NEXT.test(after)) return null
    const objectTo = FORECAST_VERB.test(word) && !THAT_NEXT.test(after) && OBJECT_TO_NEXT.test(after) && !/^\s+(?:to|that)\b/i.test(after)
    if (!THAT_NEXT.test(after) && !MODAL_CLAUSE_NEXT.test(after) && !objectTo) return null
    // "is expected to" and "as expected" are no one's judgement here.
    if (objectTo && /\b(?:is|are|was|were|be|been|as|than)\s+$/i.test(before)) return null
    const that = THAT_NEXT.exec(after)
    const propStart = that ? end + that[0].length : end
    prop = { start: propStart, end: propEnd(text, propStart, s) }
    if (neg) {
      const m = /(?:\b(?:does|do|did|is|are|was|were)\s+)?(?:not|n['’]t|never)\s+(?:\w+\s+)?$/i.exec(text.slice(s.start, start))
      if (m) cue = { start: s.start + m.index, end }
    }
    if (that) cue = { start: cue.start, end: propStart }
    outer = true
  } else if (entry.kind === 'noun') {
    // A chance is a judgement only with what it is a chance of: "a real possibility that P" (not "a chance to win").
    const that = THAT_NEXT.exec(after)
    if (!that) return null
    const lead = EXISTENTIAL_BEFORE.exec(text.slice(s.start, start))
    cue = { start: lead ? s.start + lead.index : start, end: end + that[0].length }
    prop = { start: cue.end, end: propEnd(text, cue.end, s) }
    outer = true
  } else if (entry.kind === 'pre') {
    prop = { start: end, end: propEnd(text, end, s) }
    const imp = IMPERSONAL_BEFORE.exec(text.slice(s.start, start))
    if (imp) cue = { start: s.start + imp.index, end }
    outer = true
  } else if (entry.kind === 'post') {
    prop = { start: clauseStart(text, start, s), end: start }
  } else {
    const imp = entry.kind === 'adjective' ? IMPERSONAL_BEFORE.exec(text.slice(s.start, start)) : null
    const that = THAT_AFTER.exec(after)
    if (imp && that) {
      cue = { start: s.start + imp.index, end: end + that[0].length }
      prop = { start: cue.end, end: propEnd(text, cue.end, s) }
      outer = true
    } else {
      if (entry.kind === 'adjective' && single && !COPULA_BEFORE.test(before) && !/^\s+to\b/i.test(after)) return null
      const cs = clauseStart(text, start, s)
      prop = { start: cs, end: propEnd(text, end, s) }
    }
  }
  prop = trimSpan(text, prop.start, prop.end)
  if (prop.end - prop.start < 3) return null
  // A negated verb in the proposition ("that Belarus will not take part"): the band judges the positive proposition.
  if (band !== 'uncertain') {
    const propText = foldCue(text.slice(prop.start, prop.end)).replace(foldCue(text.slice(start, end)), ' ')
    if (!/\bnot\b|\bno\b/.test(entry.phrase) && PROP_NEGATION.test(propText)) return { cue, prop, band: complement(band), weak, outer, flipped: true }
  }
  return { cue, prop, band, weak, outer }
}

function forecastAccordingTo(text: string, s: Sentence): Found | null {
  const st = text.slice(s.start, s.end)
  const m = ACCORDING.exec(st)
  if (!m) return null
  const propStart = s.start + m.index + m[0].length
  const prop = trimSpan(text, propStart, propEnd(text, propStart, s))
  const p = foldCue(text.slice(prop.start, prop.end))
  if (!FUTURE.test(p)) return null
  const flipped = PROP_NEGATION.test(p)
  const band: Band = flipped ? 'unlikely' : 'likely'
  return { cue: { start: s.start + m.index, end: s.start + m.index + m[0].replace(/,\s+$/, '').length }, prop, band, weak: false, outer: true, flipped }
}

function inside(a: Span, b: Span): boolean {
  return a.start >= b.start && a.end <= b.end
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start))
}

function quoteOf(quotes: readonly Quote[], f: Found): number {
  return quotes.findIndex((q) => (q.start <= f.cue.start && f.cue.start < q.end) || overlap(q, f.prop) * 2 >= f.prop.end - f.prop.start)
}

/** The person before the cue in the same sentence ("Schmid does not believe"), or after "according to". */
function namedHolder(mentions: readonly Mention[], s: Sentence, f: Found, text: string): number | null {
  const acc = /\baccording to\s+/i.exec(text.slice(s.start, f.cue.end))
  if (acc) {
    const at = s.start + acc.index + acc[0].length
    const m = mentions.find((x) => x.start >= at && x.start <= at + 4 && x.entity !== undefined)
    if (m) return m.entity ?? null
  }
  let best: Mention | undefined
  for (const m of mentions) {
    if (m.start >= f.cue.start) break
    if (m.start >= s.start && m.entity !== undefined && (m.type === 'PER' || m.type === 'ORG') && !inside(m, f.prop)) best = m
  }
  return best?.entity ?? null
}

function run(doc: Doc): Doc {
  const text = doc.text
  const sentences = layer(doc, 'sentences')
  const entities = layer(doc, 'entities')
  const quotes = layer(doc, 'quotes')
  const mentions = [...(doc.layers.mentions ?? [])].sort((a, b) => a.start - b.start)
  const blocks = doc.layers.blocks
  const blockOf = (at: number): number => (blocks ? blocks.findIndex((b) => b.start <= at && at < b.end) : -1)
  const out: Assessment[] = []
  for (const [si, s] of sentences.entries()) {
    const bi = blockOf(s.start)
    if (blocks && (bi < 0 || !READ_BLOCKS.has(blocks[bi]!.type))) continue
    const st = text.slice(s.start, s.end)
    PHRASE_RE.lastIndex = 0
    const found: Found[] = []
    for (let m = PHRASE_RE.exec(st); m; m = PHRASE_RE.exec(st)) {
      const entry = lookupPhrase(m[0])
      if (!entry) continue
      const f = fromMatch(text, s, s.start + m.index, s.start + m.index + m[0].length, entry)
      if (f) found.push(f)
    }
    const acc = forecastAccordingTo(text, s)
    if (acc && !found.some((f) => overlap(f.prop, acc.prop) > 0)) found.push(acc)
    // Outer judgements first; a hedge inside another's proposition or cue is part of it ("does not believe that X could").
    found.sort((a, b) => Number(b.outer) - Number(a.outer) || a.cue.start - b.cue.start)
    const kept: Found[] = []
    for (const f of found) {
      if (kept.some((k) => inside(f.cue, k.prop) || overlap(f.cue, k.cue) > 0 || (k.prop.start === f.prop.start && k.prop.end === f.prop.end))) continue
      kept.push(f)
    }
    for (const f of kept.sort((a, b) => a.cue.start - b.cue.start)) {
      const qi = quoteOf(quotes, f)
      const q = qi >= 0 ? quotes[qi] : undefined
      // A judgement inside someone's words ends where their words end.
      if (q && q.start <= f.cue.start && f.cue.start < q.end) {
        f.prop = trimSpan(text, Math.max(f.prop.start, q.start), Math.min(f.prop.end, q.end))
        const that = /^that\s+/i.exec(text.slice(f.prop.start, f.prop.end))
        if (that) f.prop = { start: f.prop.start + that[0].length, end: f.prop.end }
      }
      let holderEntity: number | null = null
      let holderName: string | null = null
      if (q) {
        holderEntity = q.speakerEntity
        holderName = q.speakerName
      } else {
        holderEntity = namedHolder(mentions, s, f, text)
        if (holderEntity === null && f.weak) continue
        if (holderEntity === null && si > 0) {
          // A judgement right after someone's quote, in the same paragraph, continues their words ("Therefore, ...").
          const prev = sentences[si - 1]!
          const pq = quotes.find((x) => overlap(x, prev) > 0 && x.speakerName !== null)
          if (pq && blockOf(prev.start) === bi) {
            holderEntity = pq.speakerEntity
            holderName = pq.speakerName
          }
        }
        if (holderEntity !== null) holderName = entities[holderEntity]?.name ?? holderName
      }
      if (f.weak && !q && holderEntity === null) continue
      const proposition = text.slice(f.prop.start, f.prop.end)
      const horizon = HORIZON.exec(proposition)?.[0]
      out.push({
        start: Math.min(f.cue.start, f.prop.start),
        end: Math.max(f.cue.end, f.prop.end),
        proposition,
        normalized: normalize(proposition, text.slice(f.cue.start, f.cue.end), f.flipped ?? false),
        band: f.band,
        cue: { ...f.cue, text: text.slice(f.cue.start, f.cue.end) },
        holderEntity,
        holderName,
        ...(horizon ? { horizon } : {}),
        ...(qi >= 0 ? { quote: qi } : {}),
      })
    }
  }
  return withLayers(doc, { assessments: out })
}

/**
 * The proposition as a plain statement: lower-cased, contractions expanded, hedges removed, and the negation of its
 * verb dropped where the band already carries it (the band always judges this positive form).
 */
export function normalize(proposition: string, cue: string, flipped: boolean): string {
  let p = foldCue(proposition)
  const c = foldCue(cue)
  if (c.length > 0 && p.includes(c)) p = p.replace(c, ' ')
  p = p.replace(HEDGE_WORDS, ' ')
  if (flipped) p = p.replace(/\b(will|would|shall|can|could|is going to|are going to|is|are|was|were)\s+(\w+\s+)?not\b/, (_m, v: string, adv: string | undefined) => `${v} ${adv ?? ''}`).replace(/\bwill never\b/, 'will')
  return p.replace(/[“”"‘’'.,;:!?()]/g, ' ').replace(/\s+/g, ' ').trim()
}

/** Statements that judge how likely a proposition is, on the ICD 203 scale plus 'uncertain', with their holder. */
export const assessmentsStage: Stage = {
  name: 'assessments.v1',
  requires: ['sentences', 'entities', 'quotes'],
  assigns: ['assessments'],
  run,
}
