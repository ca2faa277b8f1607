// `npm run eval -- ner [conll-file] [--json]`: entity-level exact-match P/R/F1 (conlleval), micro and per type,
// of the trained tagger on a CoNLL-2003-format file (default ../shared/data/conll2003/valid.txt), and tokens/s.
// `--model dir` scores a model directory other than models/ner (e.g. a candidate written by train --out).
import { existsSync } from 'node:fs'
import { iobSpans } from '../stages/mentions/labels.js'
import { readConll } from '../stages/mentions/conll.js'
import { loadModels, tagDocument } from '../stages/mentions/tag.js'

export const DEFAULT_NER_FILE = '../shared/data/conll2003/valid.txt'

export interface PRF {
  precision: number
  recall: number
  f1: number
  tp: number
  predicted: number
  gold: number
}

export interface NerScore extends PRF {
  per_type: Record<string, PRF>
}

function prf(tp: number, predicted: number, gold: number): PRF {
  const precision = predicted ? tp / predicted : 0
  const recall = gold ? tp / gold : 0
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0
  return { precision, recall, f1, tp, predicted, gold }
}

/** conlleval scoring: an entity counts when its start, end and type all match. Sentences are parallel tag lists. */
export function scoreNer(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): NerScore {
  const counts = new Map<string, { tp: number; p: number; g: number }>()
  const c = (t: string): { tp: number; p: number; g: number } => {
    let x = counts.get(t)
    if (!x) counts.set(t, (x = { tp: 0, p: 0, g: 0 }))
    return x
  }
  gold.forEach((g, k) => {
    const p = pred[k] ?? []
    const gs = iobSpans(g)
    const ps = iobSpans(p)
    const gset = new Set(gs.map((s) => s.join()))
    for (const s of gs) c(s[2]).g++
    for (const s of ps) {
      c(s[2]).p++
      if (gset.has(s.join())) c(s[2]).tp++
    }
  })
  let tp = 0
  let p = 0
  let g = 0
  const per_type: Record<string, PRF> = {}
  for (const [t, x] of [...counts].sort()) {
    per_type[t] = prf(x.tp, x.p, x.g)
    tp += x.tp
    p += x.p
    g += x.g
  }
  return { ...prf(tp, p, g), per_type }
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json')
  const mi = args.indexOf('--model')
  const modelDir = mi >= 0 ? args[mi + 1] : undefined
  const file = args.find((a, i) => !a.startsWith('--') && (mi < 0 || i !== mi + 1)) ?? DEFAULT_NER_FILE
  if (!existsSync(file)) {
    console.error(`eval ner: no such file ${file}`)
    return 2
  }
  const docs = readConll(file)
  loadModels(modelDir)
  const gold: string[][] = []
  const pred: string[][] = []
  let tokens = 0
  const t0 = performance.now()
  for (const d of docs) {
    const tags = tagDocument(d.map((s) => s.words), modelDir)
    d.forEach((s, i) => {
      gold.push(s.tags)
      pred.push(tags[i]!)
      tokens += s.words.length
    })
  }
  const secs = (performance.now() - t0) / 1000
  const score = scoreNer(gold, pred)
  const tokens_per_second = Math.round(tokens / secs)
  if (json) {
    console.log(JSON.stringify({ file, documents: docs.length, tokens, ...score, tokens_per_second }, null, 2))
    return 0
  }
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6)
  console.log(`${file}: ${docs.length} documents, ${tokens} tokens, ${score.gold} gold entities, ${score.predicted} predicted`)
  console.log(`${'all'.padEnd(5)} precision ${pct(score.precision)}%  recall ${pct(score.recall)}%  FB1 ${pct(score.f1)}`)
  for (const [t, s] of Object.entries(score.per_type)) {
    console.log(`${t.padEnd(5)} precision ${pct(s.precision)}%  recall ${pct(s.recall)}%  FB1 ${pct(s.f1)}  ${s.predicted}`)
  }
  console.log(`speed: ${tokens_per_second} tokens/s (tagging with document context, model loaded)`)
  return 0
}
