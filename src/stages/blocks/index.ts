// blocks.v1: cleans an article into typed paragraphs (stand-off blocks that tile the non-whitespace text).
// Plain text: a line is a paragraph. HTML hints (doc.layers.blocks from ingest) are the starting point when given.
// Nothing is deleted: furniture is typed (boilerplate, byline, ...) so later stages can skip it.
import type { Doc } from '../../doc/doc.js'
import { withLayers, withMeta } from '../../doc/doc.js'
import type { Block, BlockType, Span } from '../../doc/layers.js'
import type { Stage } from '../../pipeline/stage.js'
import { BIO_NOUNS, BOILERPLATE_STARTS, CONTINUATION_STARTS, CREDIT_LABELS, LABEL_LINES, NAME_PARTICLES, SOURCE_LABELS, SPEECH_VERBS } from './words.js'

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const alt = (list: readonly string[]): string => list.map(esc).sort((a, b) => b.length - a.length).join('|')

// Tunables and patterns, with the reason for each.
/** A headline or subhead is one short line: longer lines are body text. */
const MAX_HEAD_WORDS = 20
const MAX_HEAD_CHARS = 160
/** The first line of a text counts as its headline even with a final period (archive copies add one), up to this size. */
const MAX_FIRST_HEADLINE_WORDS = 30
/** A one-sentence line this short, ending in a period, may still be a subhead ("Belarus is building its own “Wagner Group”."). */
const MAX_PERIOD_SUBHEAD_WORDS = 8
/** A first line of two sentences is a headline only when this short ("The real Trump showed up at debate. GOP must live with it."). */
const MAX_TWO_SENTENCE_HEADLINE_WORDS = 15
/** Documents with at least this many unpunctuated subheads mark headings by layout, so short period lines may be headings too. */
const MIN_STRICT_SUBHEADS = 2
/** A neighbour counts as running text (so a short line between two of them is a heading) at this many words. */
const MIN_BODY_WORDS = 10
/** Captions are short: a credit label at the end of a longer paragraph is not a caption. */
const MAX_CAPTION_CHARS = 500
/** Furniture lines are short; a long paragraph starting "Subscribe..." is still text. */
const MAX_BOILERPLATE_CHARS = 200
/** How many trailing paragraphs may hold a bare-name byline ("John Hillig" alone near the end). */
const BYLINE_TAIL = 3

/** Credit at the end of a caption, possibly glued to the caption's last sentence ("roots.Image: IMAGO/SNA"). */
const CREDIT = new RegExp(`(?:^|(?<=[\\s.!?”"’)]))(?:${alt(CREDIT_LABELS)})\\s*:\\s*[^\\n]{0,100}$`, 'u')
const SOURCE_LINE = new RegExp(`^(?:${alt(SOURCE_LABELS)})\\s*:\\s*([^\\n.!?]{1,60}?)\\.?$`, 'iu')
const BOILERPLATE = new RegExp(`^(?:${alt(BOILERPLATE_STARTS)})`, 'iu')
const LABEL = new RegExp(`^(?:${alt(LABEL_LINES)})[.:]?$`, 'iu')
const NAME_WORD = `(?:\\p{Lu}[\\p{L}'’.-]*|${alt(NAME_PARTICLES)})`
/** A personal name alone on a line: 2-4 capitalised words (particles allowed inside). */
const NAME_LINE = new RegExp(`^\\p{Lu}[\\p{L}'’.-]+(?:\\s+${NAME_WORD}){1,3}$`, 'u')
const BY_LINE = new RegExp(`^(?:By|Von|Par|Por|Di|Door)\\s+(\\p{Lu}[\\p{L}'’.-]+(?:\\s+${NAME_WORD}){0,3}(?:\\s+(?:and|und|et|&)\\s+\\p{Lu}[\\p{L}'’.-]+(?:\\s+${NAME_WORD}){0,3})?)(?:\\s*[,|–—-].{0,60})?$`, 'u')
/** Self-descriptions: "I am Amelia James, a passionate journalist ..." / "Jane Doe is a reporter ...". */
const BIO_FIRST = new RegExp(`^(?:I am|I'm|I’m|My name is)\\s+\\p{Lu}[^.]{0,120}\\b(?:${alt(BIO_NOUNS)})`, 'iu')
const BIO_THIRD = new RegExp(`^\\p{Lu}\\p{L}+(?:\\s+\\p{Lu}\\p{L}+){1,2}\\s+is\\s+(?:an?|the)\\s+[^.]{0,80}\\b(?:${alt(BIO_NOUNS)})`, 'u')
/** Sentence end glued to the next sentence without a space: where a bio runs into the next article's headline. */
const GLUED = /(?<=[\p{Ll}\d)”"’][.!?])(?=[\p{Lu}‘“"])/gu
/** A whole line wrapped in quotation marks (a pull quote used as a subhead). */
const QUOTED_LINE = /^[‘“"'„«‹][^“”"«»„]+[^.!?,\s][’”"'“»›]$/u
/** A sentence boundary inside a line (lower-case letter or digit, end mark, space, capital): not "Mary J. Blige". */
const SENTENCE_BREAK = /[\p{Ll}\d][.!?]\s+[‘“"]?\p{Lu}/u
const CONTINUATION = new RegExp(`^(?:${alt(CONTINUATION_STARTS)})\\b`, 'iu')
const SPEECH = new RegExp(`\\b(?:${alt(SPEECH_VERBS)})\\b`, 'iu')

const words = (s: string): number => s.split(/\s+/).filter(Boolean).length

interface Seg extends Span {
  text: string
  type: BlockType | null
  credit?: Span & { text: string }
  /** Came from an HTML hint: keep headline/subhead/caption as given, never promote to a heading. */
  hinted: boolean
}

/** Paragraph spans of a stretch of text: each non-blank line, trimmed. */
function lineSegs(text: string, from: number, to: number): Seg[] {
  const out: Seg[] = []
  const re = /[^\n]+/g
  re.lastIndex = from
  const part = text.slice(0, to)
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const lead = m[0].length - m[0].trimStart().length
    const t = m[0].trim()
    if (!t) continue
    const start = m.index + lead
    out.push({ start, end: start + t.length, text: t, type: null, hinted: false })
  }
  return out
}

/** Segments from HTML hints, with any text they leave uncovered split into lines. */
function hintedSegs(text: string, hints: readonly Block[]): Seg[] {
  const out: Seg[] = []
  let at = 0
  for (const h of [...hints].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue // overlapping hint: the first one wins
    out.push(...lineSegs(text, at, h.start))
    const raw = text.slice(h.start, h.end)
    const lead = raw.length - raw.trimStart().length
    const t = raw.trim()
    if (t) out.push({ start: h.start + lead, end: h.start + lead + t.length, text: t, type: h.type === 'body' ? null : h.type, hinted: true, ...(h.credit ? { credit: { ...h.credit } } : {}) })
    at = h.end
  }
  out.push(...lineSegs(text, at, text.length))
  return out
}

function creditOf(seg: Seg): (Span & { text: string }) | undefined {
  if (seg.text.length > MAX_CAPTION_CHARS) return undefined
  const m = CREDIT.exec(seg.text)
  // A line that is only a credit ("Photo: Reuters / Vladislav Culiomza") is a caption block made of its credit.
  if (!m) return undefined
  const start = seg.start + m.index
  return { start, end: seg.end, text: m[0] }
}

/** Text with closing quotes/brackets stripped from the end, to see its real final punctuation. */
const bare = (s: string): string => s.replace(/[’”"'»›)\]]+$/u, '')
/** Two or more words, every word of 4+ letters capitalised ("Joining Forces With China"). */
function isTitleCase(s: string): boolean {
  const ws = bare(s).replace(/[.!?]$/, '').split(/\s+/).filter(Boolean)
  const long = ws.filter((w) => /^[\p{L}'’-]{4,}$/u.test(w))
  return ws.length >= 2 && long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w))
}

/**
 * Could this line be a headline (first) or a subhead? `periodSubheads`: the document marks headings by other
 * means too, so a short one-sentence line ending in a period may be one ("Belarus is building its own “Wagner Group”.").
 */
function isHeadlineLike(s: string, first: boolean, periodSubheads = false): boolean {
  const n = words(s)
  if (n === 0 || s.length > (first ? 2 * MAX_HEAD_CHARS : MAX_HEAD_CHARS)) return false
  if (/^\p{Ll}/u.test(s)) return false
  if (QUOTED_LINE.test(s) && n <= MAX_HEAD_WORDS) return true
  const end = bare(s)
  // First line: one sentence, or two short ones ("Virginian could make history. Again.").
  if (first) {
    const breaks = (s.match(SENTENCE_BREAK) ?? []).length
    return n <= MAX_FIRST_HEADLINE_WORDS && !/,$/.test(end) && (breaks === 0 || (breaks === 1 && n <= MAX_TWO_SENTENCE_HEADLINE_WORDS))
  }
  if (n > MAX_HEAD_WORDS || /[,;:]$/.test(end) || SENTENCE_BREAK.test(s)) return false
  if (CONTINUATION.test(s) || SPEECH.test(s)) return false
  if (NAME_LINE.test(end.replace(/\.$/, ''))) return false // a name alone is a signature, not a heading
  if (!/[.]$/.test(end)) return true
  return (periodSubheads && n <= MAX_PERIOD_SUBHEAD_WORDS) || isTitleCase(s)
}

function isRunningText(seg: Seg | undefined): boolean {
  return !!seg && (seg.type === null || seg.type === 'body') && words(seg.text) >= MIN_BODY_WORDS
}

/** Local rules: what a line is on its own. */
function typeAlone(seg: Seg): void {
  const t = seg.text
  if (LABEL.test(t)) seg.type = 'boilerplate'
  else if (t.length <= MAX_BOILERPLATE_CHARS && BOILERPLATE.test(t)) seg.type = 'boilerplate'
  else if (SOURCE_LINE.test(t)) seg.type = 'source_line'
  else if (BY_LINE.test(t)) seg.type = 'byline'
  else if (BIO_FIRST.test(t)) seg.type = 'author_bio'
  else {
    const credit = creditOf(seg)
    if (credit) {
      seg.type = 'caption'
      seg.credit = credit
    }
  }
}

/** Splits a self-description glued to what follows it ("...around the world.Ukraine war: ...") at the sentence boundary. */
function splitGluedBio(seg: Seg): Seg[] {
  GLUED.lastIndex = 0
  const m = GLUED.exec(seg.text)
  if (!m) return [seg]
  const cut = m.index
  const head: Seg = { ...seg, end: seg.start + cut, text: seg.text.slice(0, cut) }
  const rest: Seg = { start: seg.start + cut, end: seg.end, text: seg.text.slice(cut), type: null, hinted: false }
  rest.type = isHeadlineLike(rest.text, true) ? 'headline' : 'body'
  return [head, rest]
}

export function typeBlocks(text: string, hints?: readonly Block[]): Block[] {
  let segs = hints && hints.length > 0 ? hintedSegs(text, hints) : lineSegs(text, 0, text.length)
  for (const s of segs) {
    if (s.type === 'caption' && !s.credit) {
      const c = creditOf(s)
      if (c) s.credit = c
    }
    if (s.type === null) typeAlone(s)
  }
  segs = segs.flatMap((s) => (s.type === 'author_bio' ? splitGluedBio(s) : [s]))
  const n = segs.length
  // Third-person bios and bare-name bylines only count near the end, after the running text.
  let lastRunning = -1
  segs.forEach((s, i) => {
    if (isRunningText(s) && !BIO_THIRD.test(s.text)) lastRunning = i
  })
  for (let i = 0; i < n; i++) {
    const s = segs[i]!
    if (s.type !== null) continue
    const prev = segs[i - 1]
    const next = segs[i + 1]
    const nearSource = prev?.type === 'source_line' || next?.type === 'source_line'
    const inTail = i > lastRunning && i >= n - BYLINE_TAIL
    if (NAME_LINE.test(s.text) && (nearSource || inTail)) s.type = 'byline'
    else if (i > lastRunning && BIO_THIRD.test(s.text)) s.type = 'author_bio'
  }
  // Headings: the first line, and short title-like lines between paragraphs of running text.
  const firstText = segs.findIndex((s) => s.type === null || s.type === 'headline' || s.type === 'subhead')
  const first = segs[firstText]
  if (first && first.type === null && !first.hinted && !hints?.length && isHeadlineLike(first.text, true) && segs.slice(firstText + 1).some(isRunningText)) {
    first.type = 'headline'
  }
  const between = (i: number): boolean => {
    const before = segs.slice(0, i).reverse().find((x) => x.type !== 'caption' && x.type !== 'boilerplate')
    const after = segs.slice(i + 1).find((x) => x.type !== 'caption' && x.type !== 'boilerplate')
    const beforeOk = !before || before.type === 'headline' || before.type === 'subhead' || isRunningText(before)
    return beforeOk && isRunningText(after)
  }
  // Two passes: strict headings first; their number tells whether short period-ending lines may be headings too.
  const candidates = segs.map((s, i) => (s.type === null && !s.hinted && i !== firstText && between(i) ? i : -1)).filter((i) => i >= 0)
  const strict = candidates.filter((i) => isHeadlineLike(segs[i]!.text, false))
  const periodSubheads = strict.length >= MIN_STRICT_SUBHEADS
  for (const i of candidates) if (isHeadlineLike(segs[i]!.text, false, periodSubheads)) segs[i]!.type = 'subhead'
  return segs.map((s) => ({ start: s.start, end: s.end, type: s.type ?? 'body', ...(s.credit ? { credit: s.credit } : {}) }))
}

function metaFrom(doc: Doc, blocks: readonly Block[]): Partial<Doc['meta']> {
  const meta: { originalSource?: string; originalAuthor?: string; title?: string; author?: string } = {}
  // A republication line sits after the running text ("Source: Blick" at the end); a chart's "Source: NATO." does not.
  let lastBody = -1
  blocks.forEach((b, i) => {
    if (b.type === 'body' && b.end - b.start > 80) lastBody = i
  })
  blocks.forEach((b, i) => {
    if (b.type !== 'source_line' || meta.originalSource || i < lastBody) return
    const m = SOURCE_LINE.exec(doc.text.slice(b.start, b.end))
    if (m?.[1]) meta.originalSource = m[1].trim()
    const near = [blocks[i - 1], blocks[i + 1]].find((x) => x?.type === 'byline')
    if (near) meta.originalAuthor = bylineName(doc.text.slice(near.start, near.end))
  })
  // No republication line: the article is original to the outlet that published it.
  if (!meta.originalSource && !doc.meta.originalSource && doc.meta.outlet) meta.originalSource = doc.meta.outlet
  const first = blocks.find((b) => b.type !== 'boilerplate')
  if (!doc.meta.title && first?.type === 'headline') meta.title = doc.text.slice(first.start, first.end).replace(/\.$/, '')
  if (!doc.meta.author) {
    const by = blocks.find((b) => b.type === 'byline' && BY_LINE.test(doc.text.slice(b.start, b.end)))
    if (by) meta.author = bylineName(doc.text.slice(by.start, by.end))
  }
  return meta
}

function bylineName(line: string): string {
  return BY_LINE.exec(line)?.[1] ?? line.trim()
}

export const blocksStage: Stage = {
  name: 'blocks.v1',
  requires: [],
  assigns: ['blocks'],
  run(doc) {
    const blocks = typeBlocks(doc.text, doc.layers.blocks)
    const meta = metaFrom(doc, blocks)
    const out = withLayers(doc, { blocks })
    return Object.keys(meta).length ? withMeta(out, meta) : out
  },
}
