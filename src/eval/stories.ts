// `npm run eval -- stories [docs.jsonl] [--split dev] [--json] [--sweep] [--recall]`: groups ECB+ articles into
// stories and scores them against the gold `subtopic` with BCubed P/R/F1 and pairwise F1. Each split is
// clustered on its own (as the kept-back test split will be); scores are micro-averaged over articles.
// `--sweep` also prints F1 over a grid of options, for tuning on train/dev (never on test); `--recall` how many
// of the similar pairs an all-pairs comparison finds are among the candidate pairs.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Doc } from '../doc/doc.js'
import { createDoc, withLayers } from '../doc/doc.js'
import type { StoryOptions } from '../link/stories.js'
import { DEFAULT_STORY_OPTIONS, averageLink, groupStories, similarityGraph, storyFeatures } from '../link/stories.js'

const REPO = resolve(fileURLToPath(import.meta.url), '../../..')
const DEFAULT_PATH = resolve(REPO, '../shared/data/ecbplus/docs.jsonl')

interface EcbDoc {
  doc_id: string
  topic: number
  subtopic: string
  split: string
  text: string
}

export function loadEcb(path: string, splits: readonly string[] | null): Map<string, { docs: Doc[]; gold: string[] }> {
  const bySplit = new Map<string, { docs: Doc[]; gold: string[] }>()
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue
    const r = JSON.parse(line) as EcbDoc
    if (splits && !splits.includes(r.split)) continue
    // a bare Doc: one body block over the whole text, as ingest would give for plain text
    const base = createDoc(r.text, { title: r.text.split('\n')[0] }, r.doc_id)
    const doc = withLayers(base, { blocks: [{ type: 'body', start: 0, end: base.text.length }] })
    const s = bySplit.get(r.split) ?? { docs: [], gold: [] }
    s.docs.push(doc)
    s.gold.push(r.subtopic)
    bySplit.set(r.split, s)
  }
  return bySplit
}

export interface ClusterScore {
  precision: number
  recall: number
  f1: number
  pairwise: { precision: number; recall: number; f1: number }
  items: number
}

interface Tally {
  p: number
  r: number
  n: number
  tp: number
  predPairs: number
  goldPairs: number
}

const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0)

/** Adds one clustering's BCubed sums and pair counts; `pred` and `gold` are labels per item. */
function tally(t: Tally, pred: readonly string[], gold: readonly string[]): void {
  const count = (labels: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>()
    for (const l of labels) m.set(l, (m.get(l) ?? 0) + 1)
    return m
  }
  const pc = count(pred)
  const gc = count(gold)
  const both = count(pred.map((p, i) => `${p}\u0000${gold[i]}`))
  pred.forEach((p, i) => {
    const inter = both.get(`${p}\u0000${gold[i]}`)!
    t.p += inter / pc.get(p)!
    t.r += inter / gc.get(gold[i]!)!
  })
  t.n += pred.length
  const pairs = (m: Map<string, number>): number => [...m.values()].reduce((s, c) => s + (c * (c - 1)) / 2, 0)
  t.tp += pairs(both)
  t.predPairs += pairs(pc)
  t.goldPairs += pairs(gc)
}

function finish(t: Tally): ClusterScore {
  const precision = t.n ? t.p / t.n : 0
  const recall = t.n ? t.r / t.n : 0
  const pp = t.predPairs ? t.tp / t.predPairs : 0
  const pr = t.goldPairs ? t.tp / t.goldPairs : 0
  return { precision, recall, f1: f1(precision, recall), pairwise: { precision: pp, recall: pr, f1: f1(pp, pr) }, items: t.n }
}

const emptyTally = (): Tally => ({ p: 0, r: 0, n: 0, tp: 0, predPairs: 0, goldPairs: 0 })

/** BCubed and pairwise scores of predicted clusters (lists of item ids) against gold labels by id. */
export function scoreClusters(pred: readonly (readonly string[])[], gold: ReadonlyMap<string, string>): ClusterScore {
  const label = new Map<string, string>()
  pred.forEach((c, k) => c.forEach((id) => label.set(id, String(k))))
  const ids = [...gold.keys()]
  const t = emptyTally()
  tally(t, ids.map((id) => label.get(id) ?? `single:${id}`), ids.map((id) => gold.get(id)!))
  return finish(t)
}

export function evaluateStories(data: Map<string, { docs: Doc[]; gold: string[] }>, options: Partial<StoryOptions> = {}): ClusterScore {
  const t = emptyTally()
  for (const { docs, gold } of data.values()) {
    const stories = groupStories(docs, options)
    const label = new Map<string, string>()
    stories.forEach((s, k) => s.articles.forEach((id) => label.set(id, String(k))))
    tally(t, docs.map((d) => label.get(d.id)!), gold)
  }
  return finish(t)
}

/** The grid `--sweep` tries (around the current defaults; widen it when a best value sits on an edge). */
const SWEEP = { entityWeight: [0, 0.05, 0.1, 0.15, 0.2], properBoost: [1.5, 2, 2.5], numberBoost: [2, 3, 4, 6] }

function sweep(data: Map<string, { docs: Doc[]; gold: string[] }>): void {
  const thresholds = Array.from({ length: 14 }, (_, i) => 0.08 + i * 0.02)
  const rows: string[] = []
  let best = { f1: -1, line: '' }
  for (const properBoost of SWEEP.properBoost) {
    for (const numberBoost of SWEEP.numberBoost) {
      const feats = [...data.values()].map(({ docs, gold }) => ({ f: storyFeatures(docs, { properBoost, numberBoost }), gold }))
      for (const entityWeight of SWEEP.entityWeight) {
        const graphs = feats.map(({ f, gold }) => ({ g: similarityGraph(f, { entityWeight }), n: f.n, gold }))
        for (const threshold of thresholds) {
          const t = emptyTally()
          for (const { g, n, gold } of graphs) {
            const label = new Array<string>(n)
            averageLink(g, threshold).forEach((c, k) => c.forEach((i) => (label[i] = String(k))))
            tally(t, label, gold)
          }
          const s = finish(t)
          const line = `entityWeight=${entityWeight} properBoost=${properBoost} numberBoost=${numberBoost} threshold=${threshold.toFixed(2)}  B3 F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)})  pairwise F1 ${s.pairwise.f1.toFixed(3)}`
          if (s.f1 > best.f1) best = { f1: s.f1, line }
        }
      }
      rows.push(`best so far: ${best.line}`)
      console.log(rows[rows.length - 1])
    }
  }
  console.log(`best: ${best.line}`)
}

/**
 * How many of the pairs an all-pairs comparison puts at or above a similarity the candidate pairs hold
 * (`--recall`; quadratic, for checking candidateTerms/maxPostings on benchmark-sized splits only).
 */
function candidateRecall(data: Map<string, { docs: Doc[]; gold: string[] }>): void {
  const levels = [0.05, 0.1, 0.15, DEFAULT_STORY_OPTIONS.threshold]
  for (const [split, { docs }] of data) {
    const f = storyFeatures(docs)
    const g = similarityGraph(f)
    const all = similarityGraph(f, { candidateTerms: Infinity, maxPostings: Infinity, maxDocShare: 1, minPartialDot: 0 })
    const kept = new Set<number>()
    for (let e = 0; e < g.length; e++) kept.add(g.i[e]! * f.n + g.j[e]!)
    const parts = levels.map((level) => {
      let total = 0
      let found = 0
      for (let e = 0; e < all.length; e++) {
        if (all.sim[e]! < level) continue
        total++
        if (kept.has(all.i[e]! * f.n + all.j[e]!)) found++
      }
      return `>=${level.toFixed(2)}: ${found}/${total}`
    })
    console.log(`${split}: ${f.n} articles, ${g.length} candidate pairs with similarity > 0 of ${all.length} (all pairs ${(f.n * (f.n - 1)) / 2}); pairs held ${parts.join(', ')}`)
  }
}

export async function run(args: string[]): Promise<number> {
  let path = DEFAULT_PATH
  let splits: string[] | null = null
  let json = false
  let doSweep = false
  let doRecall = false
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--json') json = true
    else if (a === '--sweep') doSweep = true
    else if (a === '--recall') doRecall = true
    else if (a === '--split') splits = (args[++i] ?? '').split(',').filter(Boolean)
    else if (a.startsWith('--split=')) splits = a.slice(8).split(',').filter(Boolean)
    else if (!a.startsWith('--')) path = resolve(a)
    else {
      console.error(`unknown option ${a}; usage: npm run eval -- stories [docs.jsonl] [--split dev[,train]] [--json] [--sweep] [--recall]`)
      return 2
    }
  }
  const data = loadEcb(path, splits)
  if (data.size === 0) {
    console.error(`no articles in ${path}${splits ? ` for split ${splits.join(',')}` : ''}`)
    return 1
  }
  if (doSweep) sweep(data)
  if (doRecall) candidateRecall(data)
  const started = performance.now()
  const s = evaluateStories(data)
  const seconds = (performance.now() - started) / 1000
  if (json) {
    console.log(JSON.stringify({ precision: s.precision, recall: s.recall, f1: s.f1, pairwise: s.pairwise, articles: s.items, splits: [...data.keys()], options: DEFAULT_STORY_OPTIONS }, null, 2))
  } else {
    const pct = (x: number): string => (100 * x).toFixed(1).padStart(5)
    console.log(`stories on ${path} (${[...data.keys()].join(', ')}; ${s.items} articles, each split clustered alone, ${seconds.toFixed(1)} s)`)
    console.log(`             P      R      F1`)
    console.log(`BCubed    ${pct(s.precision)}  ${pct(s.recall)}  ${pct(s.f1)}`)
    console.log(`pairwise  ${pct(s.pairwise.precision)}  ${pct(s.pairwise.recall)}  ${pct(s.pairwise.f1)}`)
    console.log(`options: ${JSON.stringify(DEFAULT_STORY_OPTIONS)}`)
  }
  return 0
}
