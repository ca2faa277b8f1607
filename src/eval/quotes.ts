// `npm run eval -- quotes [dir|file] [--json] [--passes=1] [--model=FILE] [--holdout]`: PolNeAR attribution scoring
// (../shared/data/README.md).
// Each article's text runs through the real upstream stages (every paragraph a body block) and quotes.v1.
// Predicted attributions pair with gold ones greedily by content token overlap; content is scored under
// exact and overlap-weighted match, source and cue on paired attributions, in three slices.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDoc, withLayers } from '../doc/doc.js'
import type { Block, Quote } from '../doc/layers.js'
import { createPipeline } from '../pipeline/pipeline.js'
import { cueLexicon } from '../lexicon/cues/index.js'
import { tokensStage } from '../stages/tokens/index.js'
import { sentencesStage } from '../stages/sentences/index.js'
import { mentionsStage } from '../stages/mentions/index.js'
import { entitiesStage } from '../stages/entities/index.js'
import { createQuotesStage, type ModelGate } from '../stages/quotes/index.js'
import { taggerModel, type TaggerModel } from '../stages/quotes/tagger.js'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const DEFAULT_DIR = resolve(REPO, '../shared/data/polnear/dev')
const TRAIN_DIR = resolve(REPO, '../shared/data/polnear/train')

/** Pronouns that count as a "bare pronoun" source. */
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you'])

type Ranges = readonly (readonly [number, number])[]
export interface GoldAttribution {
  readonly source: Ranges
  readonly cue: Ranges
  readonly content: Ranges
  readonly source_text?: string
  readonly cue_text?: string
  readonly content_text?: string
}
export interface Article {
  readonly id: string
  readonly text: string
  readonly attributions: readonly GoldAttribution[]
}

/** One attribution as the scorer sees it: token start offsets of its content, and its source/cue spans. */
export interface Scored {
  readonly content: ReadonlySet<number>
  readonly source: Ranges
  readonly cue: Ranges
  readonly speech: boolean
  readonly direct: boolean
  readonly pronounSource?: boolean
  readonly resolved?: boolean
}

const TOKEN = /[\p{L}\p{N}]+/gu
export function tokenStarts(text: string, ranges: Ranges): Set<number> {
  const out = new Set<number>()
  for (const [s, e] of ranges) for (const m of text.slice(s, e).matchAll(TOKEN)) out.add(s + m.index)
  return out
}
function overlaps(a: Ranges, b: Ranges): boolean {
  return a.some(([s, e]) => b.some(([t, u]) => s < u && t < e))
}

let speechWords: Set<string> | undefined
function isSpeechCue(cue: string): boolean {
  if (!speechWords) {
    speechWords = new Set()
    for (const forms of cueLexicon().byFirstWord.values())
      for (const f of forms) if (f.type === 'speech' || f.type === 'source') speechWords.add(f.words.join(' '))
  }
  const c = cue.toLowerCase().replace(/[^a-z ]/g, ' ').trim()
  if (speechWords.has(c)) return true
  return c.split(/\s+/).some((w) => speechWords!.has(w)) || c.includes('according to')
}

/**
 * The direct slice's test (../shared/data/README.md: "content holds quotation marks"), applied alike to gold and
 * predicted content, so a mixed quote ('said he would offer “a prayer” for ...') is in the slice on both sides.
 * Apostrophes between letters (don’t, Clinton’s) are not marks.
 */
export function holdsQuoteMarks(content: string): boolean {
  let c = content.replace(/(\p{L})['’](\p{L})/gu, '$1$2')
  // a plural possessive (voters’ minds, Sanders' plan) when no single quote opens in the content
  if (!/(?:^|[\s(\[—–-])[‘']/u.test(c)) c = c.replace(/s['’](?!\p{L})/gu, 's')
  return /[“”"‘’'„«»]/.test(c)
}

export function goldScored(text: string, a: GoldAttribution): Scored {
  const content = a.content_text ?? a.content.map(([s, e]) => text.slice(s, e)).join(' ')
  const src = (a.source_text ?? a.source.map(([s, e]) => text.slice(s, e)).join(' ')).trim().toLowerCase()
  return {
    content: tokenStarts(text, a.content),
    source: a.source,
    cue: a.cue,
    speech: isSpeechCue(a.cue_text ?? a.cue.map(([s, e]) => text.slice(s, e)).join(' ')),
    direct: holdsQuoteMarks(content),
    pronounSource: PRONOUNS.has(src),
  }
}

export function predictedScored(text: string, q: Quote): Scored {
  return {
    content: tokenStarts(text, [[q.start, q.end]]),
    source: q.speakerMention ? [[q.speakerMention.start, q.speakerMention.end]] : [],
    cue: q.cue ? [[q.cue.start, q.cue.end]] : [],
    // the same test as the gold side: the cue's words
    speech: !!q.cue && isSpeechCue(q.cue.text),
    // the same test as the gold side: the content holds quotation marks (a transcript line is direct speech without them)
    direct: holdsQuoteMarks(text.slice(q.start, q.end)),
    resolved: q.speakerEntity !== null,
  }
}

/**
 * The attributions a quotes layer makes: quotes that share one cue (a quote broken by its attribution,
 * '“A,” she said. “B.”', or one quote over several paragraphs) are one attribution with a discontinuous
 * content, as PolNeAR annotates them.
 */
export function toScored(text: string, quotes: readonly Quote[]): Scored[] {
  const out: Scored[] = []
  const byCue = new Map<number, number>()
  for (const q of quotes) {
    const s = predictedScored(text, q)
    const k = q.cue ? byCue.get(q.cue.start) : undefined
    if (k === undefined) {
      if (q.cue) byCue.set(q.cue.start, out.length)
      out.push(s)
      continue
    }
    const o = out[k]!
    out[k] = { ...o, content: new Set([...o.content, ...s.content]), direct: o.direct || s.direct }
  }
  return out
}

export interface PRF {
  precision: number
  recall: number
  f1: number
}
export interface SliceScore {
  content_exact: PRF
  content_overlap: PRF
  source_accuracy: number
  cue_accuracy: number
  gold: number
  predicted: number
  paired: number
}
/** Running sums for one slice over many articles. */
export interface Tally {
  gold: number
  pred: number
  exact: number
  pWeight: number
  rWeight: number
  paired: number
  sourceRight: number
  sourceGold: number
  cueRight: number
  cueGold: number
  pronounGold: number
  pronounResolved: number
}
export function emptyTally(): Tally {
  return { gold: 0, pred: 0, exact: 0, pWeight: 0, rWeight: 0, paired: 0, sourceRight: 0, sourceGold: 0, cueRight: 0, cueGold: 0, pronounGold: 0, pronounResolved: 0 }
}

/** Greedy pairing by largest content overlap, then adds this article's counts to `t`. */
export function scoreArticle(gold: readonly Scored[], pred: readonly Scored[], t: Tally): void {
  t.gold += gold.length
  t.pred += pred.length
  const pairs: [number, number, number][] = []
  for (let i = 0; i < pred.length; i++)
    for (let j = 0; j < gold.length; j++) {
      let o = 0
      for (const x of pred[i]!.content) if (gold[j]!.content.has(x)) o++
      if (o > 0) pairs.push([o, i, j])
    }
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  const usedP = new Set<number>()
  const usedG = new Set<number>()
  for (const [o, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue
    usedP.add(i)
    usedG.add(j)
    const p = pred[i]!
    const g = gold[j]!
    t.paired++
    t.pWeight += o / p.content.size
    t.rWeight += o / g.content.size
    if (o === p.content.size && o === g.content.size) t.exact++
    if (g.source.length > 0) {
      t.sourceGold++
      if (overlaps(p.source, g.source)) t.sourceRight++
    }
    if (g.cue.length > 0) {
      t.cueGold++
      if (overlaps(p.cue, g.cue)) t.cueRight++
    }
    if (g.pronounSource && p.resolved) t.pronounResolved++
  }
  for (const g of gold) if (g.pronounSource) t.pronounGold++
}

function prf(tp: number, nPred: number, tpR: number, nGold: number): PRF {
  const precision = nPred ? tp / nPred : 0
  const recall = nGold ? tpR / nGold : 0
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 }
}
export function summarize(t: Tally): SliceScore {
  return {
    content_exact: prf(t.exact, t.pred, t.exact, t.gold),
    content_overlap: prf(t.pWeight, t.pred, t.rWeight, t.gold),
    source_accuracy: t.sourceGold ? t.sourceRight / t.sourceGold : 0,
    cue_accuracy: t.cueGold ? t.cueRight / t.cueGold : 0,
    gold: t.gold,
    predicted: t.pred,
    paired: t.paired,
  }
}

function listFiles(p: string): string[] {
  if (statSync(p).isFile()) return [p]
  return readdirSync(p)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(p, f))
}

/** Every paragraph (blank-line or line separated) a body block. */
export function paragraphBlocks(text: string): Block[] {
  const out: Block[] = []
  for (const m of text.matchAll(/[^\n]+/g)) if (m[0].trim()) out.push({ start: m.index, end: m.index + m[0].length, type: 'body' })
  return out
}

const SLICES = ['all', 'speech', 'direct'] as const

export type Slices = Record<(typeof SLICES)[number], SliceScore>

/** Runs the upstream stages and quotes.v1 over PolNeAR files and scores them (the figures `run` prints). */
export function scoreFiles(files: readonly string[], modelGate: Partial<ModelGate> = {}, tagger?: TaggerModel | null): { slices: Slices; pronoun: number; pronounGold: number } {
  const pipeline = createPipeline([tokensStage, sentencesStage, mentionsStage, entitiesStage, createQuotesStage(modelGate, tagger)], { given: ['blocks'] })
  const tallies = { all: emptyTally(), speech: emptyTally(), direct: emptyTally() }
  for (const f of files) {
    const a = JSON.parse(readFileSync(f, 'utf8')) as Article
    const base = createDoc(a.text, {}, a.id)
    if (base.text !== a.text) throw new Error(`${a.id}: text changed on normalisation; offsets would not match`)
    const doc = pipeline.run(withLayers(base, { blocks: paragraphBlocks(base.text) }))
    const gold = a.attributions.filter((g) => g.content.length > 0).map((g) => goldScored(a.text, g))
    const pred = toScored(a.text, doc.layers.quotes ?? [])
    scoreArticle(gold, pred, tallies.all)
    scoreArticle(gold.filter((g) => g.speech), pred.filter((p) => p.speech), tallies.speech)
    scoreArticle(gold.filter((g) => g.direct), pred.filter((p) => p.direct), tallies.direct)
  }
  const slices = Object.fromEntries(SLICES.map((s) => [s, summarize(tallies[s])])) as Slices
  const pronoun = tallies.all.pronounGold ? tallies.all.pronounResolved / tallies.all.pronounGold : 0
  return { slices, pronoun, pronounGold: tallies.all.pronounGold }
}

/** The PolNeAR files of a directory (or the one file), sorted. */
export function polnearFiles(path: string): string[] {
  return listFiles(path)
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json')
  const limitArg = args.find((a) => a.startsWith('--limit='))
  // --holdout: the tenth of PolNeAR train that `npm run train -- quotes --holdout` holds out (every 10th article
  // by name), to be read with that model (--model=FILE): text the tagger never saw, besides dev
  const holdout = args.includes('--holdout')
  const path = resolve(args.find((a) => !a.startsWith('--')) ?? (holdout ? TRAIN_DIR : DEFAULT_DIR))
  let files = listFiles(path)
  if (holdout) files = files.filter((_, k) => k % 10 === 9)
  if (limitArg) files = files.slice(0, Number(limitArg.slice(8)))
  // --passes=1: the tagger's first pass alone (the stage's default adds the stacked second pass)
  const passesArg = args.find((a) => a.startsWith('--passes='))
  const modelArg = args.find((a) => a.startsWith('--model='))
  const tagger = modelArg ? taggerModel(resolve(modelArg.slice(8))) : undefined
  if (modelArg && !tagger) throw new Error(`${modelArg.slice(8)}: no tagger model there`)
  const { slices, pronoun, pronounGold } = scoreFiles(files, passesArg ? { passes: passesArg.slice(9) === '1' ? 1 : 2 } : {}, tagger)
  const all = slices.all.content_overlap
  if (json) {
    process.stdout.write(`${JSON.stringify({ precision: all.precision, recall: all.recall, f1: all.f1, slices, pronoun_sources_resolved: pronoun, articles: files.length })}\n`)
    return 0
  }
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(5)
  const lines = [`PolNeAR quotes: ${files.length} articles from ${path}`, '', 'slice    gold  pred  paired | exact P   R    F1  | overlap P   R    F1  | source  cue']
  for (const s of SLICES) {
    const r = slices[s]
    lines.push(
      `${s.padEnd(7)} ${String(r.gold).padStart(5)} ${String(r.predicted).padStart(5)} ${String(r.paired).padStart(6)}  | ${pct(r.content_exact.precision)} ${pct(r.content_exact.recall)} ${pct(r.content_exact.f1)} | ${pct(r.content_overlap.precision)} ${pct(r.content_overlap.recall)} ${pct(r.content_overlap.f1)} | ${pct(r.source_accuracy)} ${pct(r.cue_accuracy)}`,
    )
  }
  lines.push('', `pronoun sources resolved to an entity: ${pct(pronoun)}% of ${pronounGold}`)
  process.stdout.write(`${lines.join('\n')}\n`)
  return 0
}
