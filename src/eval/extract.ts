// `npm run eval -- extract [dir] [--json] [--limit N]`: scores main-text extraction on the Scrapinghub
// article-extraction benchmark layout (html/<id>.html.gz + ground-truth.json {<id>: {articleBody}}).
// Metric (../shared/data/README.md): per page, 4-token shingles of \w+ tokens as multisets; precision and
// recall per page (1.0 when both sides are empty), averaged over pages; F1 of the two averages.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { decodeBytes } from '../ingest/decode.js'
import { createDoc } from '../doc/doc.js'
import { extractHtml } from '../ingest/html.js'
import { blocksStage } from '../stages/blocks/index.js'

/** Block types a reader counts as the article body (what the benchmark's articleBody holds). */
const BODY_TYPES: ReadonlySet<string> = new Set(['body', 'subhead'])

const DEFAULT_DIR = '../shared/data/article-extraction'
const SHINGLE = 4
/** Python's `\w` on str: Unicode letters, digits and underscore. */
const WORD = /[\p{L}\p{N}_]+/gu

export function shingles(text: string, n = SHINGLE): Map<string, number> {
  const tokens = text.match(WORD) ?? []
  const out = new Map<string, number>()
  // As the benchmark's reference code: a text shorter than n tokens is one (shorter) shingle, even when empty.
  const count = Math.max(1, tokens.length - n + 1)
  for (let i = 0; i < count; i++) {
    const key = tokens.slice(i, i + n).join('\u0001')
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}

export interface PageScore {
  readonly precision: number
  readonly recall: number
}

/** Precision and recall of one predicted body against the true body. */
export function scorePage(predicted: string, truth: string): PageScore {
  const p = shingles(predicted)
  const t = shingles(truth)
  let tp = 0
  let fp = 0
  let fn = 0
  for (const [k, pc] of p) {
    const tc = t.get(k) ?? 0
    tp += Math.min(pc, tc)
    fp += Math.max(0, pc - tc)
  }
  for (const [k, tc] of t) fn += Math.max(0, tc - (p.get(k) ?? 0))
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp)
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn)
  return { precision, recall }
}

export interface ExtractScore {
  readonly precision: number
  readonly recall: number
  readonly f1: number
  readonly pages: number
}

export function aggregate(scores: readonly PageScore[]): ExtractScore {
  const n = scores.length
  const precision = n ? scores.reduce((s, x) => s + x.precision, 0) / n : 0
  const recall = n ? scores.reduce((s, x) => s + x.recall, 0) / n : 0
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1, pages: n }
}

/** The body a reader would call the article: the extracted text typed by blocks.v1, body and subheads only (no headline, captions, furniture). */
export function extractedBody(html: string, url?: string): string {
  try {
    const ex = extractHtml(html, url)
    const doc = blocksStage.run({ ...createDoc(ex.text, ex.meta), layers: { blocks: ex.blocks } }, {})
    const text = doc.text
    return (doc.layers.blocks ?? [])
      .filter((b) => BODY_TYPES.has(b.type))
      .map((b) => text.slice(b.start, b.end))
      .join('\n\n')
  } catch {
    return ''
  }
}

export interface PageResult extends PageScore {
  readonly id: string
  readonly f1: number
}

/** Scores the pages of a benchmark directory; `ids` picks a subset (in the order given). */
export function evaluateDir(dir: string, options: { limit?: number; ids?: readonly string[] } = {}): { score: ExtractScore; pages: PageResult[]; seconds: number } {
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody?: string; url?: string }>
  let ids = options.ids ? [...options.ids] : Object.keys(truth).sort()
  if (options.limit !== undefined) ids = ids.slice(0, options.limit)
  const pages: PageResult[] = []
  let seconds = 0
  for (const id of ids) {
    const gt = truth[id]
    if (!gt) continue
    const html = decodeBytes(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`)))).text
    const t0 = performance.now()
    const body = extractedBody(html, gt.url)
    seconds += (performance.now() - t0) / 1000
    const s = scorePage(body, gt.articleBody ?? '')
    const f1 = s.precision + s.recall > 0 ? (2 * s.precision * s.recall) / (s.precision + s.recall) : 0
    pages.push({ id, ...s, f1 })
  }
  return { score: aggregate(pages), pages, seconds }
}

export async function run(args: string[]): Promise<number> {
  let dir = resolve(DEFAULT_DIR)
  let json = false
  let limit: number | undefined
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--json') json = true
    else if (a === '--limit') limit = Number(args[++i])
    else if (!a.startsWith('--')) dir = resolve(a)
    else {
      console.error(`eval extract: unknown option ${a}`)
      return 2
    }
  }
  if (!existsSync(join(dir, 'ground-truth.json'))) {
    console.error(`eval extract: ${dir}: no ground-truth.json (expected the article-extraction benchmark layout)`)
    return 2
  }
  const { score, pages, seconds } = evaluateDir(dir, limit !== undefined ? { limit } : {})
  const pps = seconds > 0 ? pages.length / seconds : 0
  const worst = [...pages].sort((a, b) => a.f1 - b.f1).slice(0, 10)
  if (json) {
    console.log(JSON.stringify({ ...score, pages_per_second: +pps.toFixed(1), per_page: worst }))
  } else {
    console.log(`article extraction on ${dir}: ${score.pages} pages`)
    console.log(`precision ${score.precision.toFixed(4)}  recall ${score.recall.toFixed(4)}  F1 ${score.f1.toFixed(4)}  (${pps.toFixed(1)} pages/s)`)
    console.log('worst pages:')
    for (const p of worst) console.log(`  ${p.id.slice(0, 12)}  P ${p.precision.toFixed(3)}  R ${p.recall.toFixed(3)}  F1 ${p.f1.toFixed(3)}`)
  }
  return 0
}
