// `npm run train -- ner [--train path] [--dev path] [--epochs n] [--passes 1|2] [--clusters file|none]`: trains the
// NER tagger (averaged structured perceptron, BILOU + Viterbi) on CoNLL-2003 train and writes
// models/ner/pass1.bin.gz (+ pass2.bin.gz, a second pass with first-pass document features). The epoch count of
// each pass is chosen on a fixed held-out slice of train (every HELDOUT_EVERY-th document), then the pass is
// retrained on all of train for that many epochs; the dev file (CoNLL valid) is only scored at the end, never used
// for a choice. Features include Brown clusters (models/ner/clusters.tsv.gz from scripts/build-clusters.ts).
// Deterministic: sentence order is shuffled with a seeded generator.
import { AveragedPerceptron, shuffle } from '../src/learn/perceptron.js'
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readClusters } from '../src/stages/mentions/clusters.js'
import { buildDocContext, sentenceFeatures, setClusters, setLowercaseVocabulary, type DocContext } from '../src/stages/mentions/features.js'
import { readConll, type ConllDoc } from '../src/stages/mentions/conll.js'
import { NL, bilouToIob, iobSpans, iobToBilou } from '../src/stages/mentions/labels.js'
import { Model, viterbi } from '../src/stages/mentions/model.js'
import { CLUSTER_FILE, MODEL_DIR, withFirstPass } from '../src/stages/mentions/tag.js'

/** Features seen fewer times than this in training are dropped (smaller model, little accuracy cost). */
const MIN_FEATURE_COUNT = 2
/** Upper bound on epochs; the best epoch on the held-out slice of train is kept. */
const MAX_EPOCHS = 12
/** Every this-many-th train document (by position) is held out to choose the epoch count (~10% of train). */
const HELDOUT_EVERY = 10
/** Seed of the sentence shuffle (training is deterministic). */
const SEED = 20030601
/** Folds for the jackknifed first-pass predictions the second pass trains on (so its features are not over-confident). */
const FOLDS = 4
/** A word joins the lower-case vocabulary when seen this often in lower case in training (drops typos/rare words). */
const MIN_LOWER_COUNT = 2

interface Example {
  readonly feats: Int32Array // feature ids, concatenated
  readonly offs: Int32Array // n + 1 offsets into feats
  readonly gold: number[]
}

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Trained {
  w: Float32Array
  trans: Float32Array
  epochs: number
  devF1: number
}

type Ctxs = (DocContext | undefined)[]

function docFeatures(docs: readonly ConllDoc[], ctxs: Ctxs): number[][][] {
  const out: number[][][] = []
  docs.forEach((d, i) => {
    for (const s of d) out.push(sentenceFeatures(s.words, ctxs[i]))
  })
  return out
}

function featureIndex(feats: readonly number[][][]): Map<number, number> {
  const counts = new Map<number, number>()
  for (const s of feats) for (const t of s) for (const f of t) counts.set(f, (counts.get(f) ?? 0) + 1)
  const index = new Map<number, number>()
  for (const [f, c] of [...counts].sort((a, b) => a[0] - b[0])) if (c >= MIN_FEATURE_COUNT) index.set(f, index.size)
  return index
}

function toExamples(feats: readonly number[][][], docs: readonly ConllDoc[], index: Map<number, number>): Example[] {
  const golds = docs.flatMap((d) => d.map((s) => iobToBilou(s.tags)))
  return feats.map((s, k) => {
    const ids: number[] = []
    const offs = [0]
    for (const t of s) {
      for (const f of t) {
        const id = index.get(f)
        if (id !== undefined) ids.push(id)
      }
      offs.push(ids.length)
    }
    return { feats: Int32Array.from(ids), offs: Int32Array.from(offs), gold: golds[k]! }
  })
}

function decode(ex: Example, w: Float32Array | Float64Array, trans: Float32Array | Float64Array): number[] {
  const n = ex.gold.length
  const scores = new Float32Array(n * NL)
  for (let t = 0; t < n; t++) {
    for (let j = ex.offs[t]!; j < ex.offs[t + 1]!; j++) {
      const row = ex.feats[j]! * NL
      for (let y = 0; y < NL; y++) scores[t * NL + y]! += w[row + y]!
    }
  }
  return viterbi(scores, n, trans instanceof Float32Array ? trans : Float32Array.from(trans))
}

function f1(golds: readonly number[][], preds: readonly number[][]): number {
  let tp = 0
  let np = 0
  let ng = 0
  golds.forEach((g, k) => {
    const gs = new Set(iobSpans(bilouToIob(g)).map((s) => s.join()))
    const ps = iobSpans(bilouToIob(preds[k]!)).map((s) => s.join())
    ng += gs.size
    np += ps.length
    for (const p of ps) if (gs.has(p)) tp++
  })
  return np && ng ? (2 * tp) / (np + ng) : 0
}

/** Averaged structured perceptron; returns the averaged model of the best epoch on `dev` (or of `epochs` if fixed). */
function train(examples: Example[], nFeat: number, dev: Example[] | undefined, epochs: number, log: (s: string) => void): Trained {
  const p = new AveragedPerceptron(nFeat, NL)
  const order = examples.map((_, i) => i)
  const rand = rng(SEED)
  let best: Trained = { w: new Float32Array(0), trans: new Float32Array(0), epochs: 0, devF1: -1 }
  for (let e = 1; e <= epochs; e++) {
    shuffle(order, rand)
    let errors = 0
    for (const k of order) {
      const ex = examples[k]!
      errors += p.update(ex.feats, ex.offs, ex.gold, decode(ex, p.w, p.trans))
    }
    if (dev) {
      const avg = p.average()
      const score = f1(dev.map((d) => d.gold), dev.map((d) => decode(d, avg.w, avg.trans)))
      log(`  epoch ${e}: ${errors} token errors, dev F1 ${score.toFixed(4)}`)
      if (score > best.devF1) best = { ...avg, epochs: e, devF1: score }
    } else log(`  epoch ${e}: ${errors} token errors`)
  }
  if (!dev) best = { ...p.average(), epochs, devF1: -1 }
  return best
}

function modelFrom(index: Map<number, number>, w: Float32Array, trans: Float32Array): Model {
  return new Model(index, w, trans)
}

function arg(args: string[], name: string, def: string): string {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? args[i + 1]! : def
}

export async function run(args: string[]): Promise<number> {
  const trainPath = arg(args, '--train', '../shared/data/conll2003/train.txt')
  const devPath = arg(args, '--dev', '../shared/data/conll2003/valid.txt')
  const maxEpochs = Number(arg(args, '--epochs', String(MAX_EPOCHS)))
  const passes = Number(arg(args, '--passes', '2'))
  const outDir = arg(args, '--out', MODEL_DIR)
  const clusterPath = arg(args, '--clusters', join(MODEL_DIR, CLUSTER_FILE))
  const log = (s: string): void => console.log(s)
  const t0 = Date.now()
  const secs = (): string => `${((Date.now() - t0) / 1000).toFixed(1)} s`
  const trainDocs = readConll(trainPath)
  const devDocs = readConll(devPath)
  const lowerCounts = new Map<string, number>()
  for (const d of trainDocs) for (const s of d) for (const w of s.words) if (/^\p{Ll}+$/u.test(w)) lowerCounts.set(w, (lowerCounts.get(w) ?? 0) + 1)
  const vocab = [...lowerCounts].filter(([, c]) => c >= MIN_LOWER_COUNT).map(([w]) => w).sort()
  setLowercaseVocabulary(new Set(vocab))
  mkdirSync(outDir, { recursive: true })
  writeFileSync(join(outDir, 'lowercase-vocab.txt'), vocab.join('\n') + '\n')
  const clusters = clusterPath === 'none' ? undefined : readClusters(clusterPath)
  setClusters(clusters ?? new Map())
  const clusterOut = join(outDir, CLUSTER_FILE)
  if (clusters && clusterPath !== clusterOut) copyFileSync(clusterPath, clusterOut)
  log(clusters ? `clusters: ${clusters.size} words from ${clusterPath}` : 'clusters: none')
  if (!clusters && existsSync(clusterOut)) log(`  warning: ${clusterOut} exists but the model is trained without it`)
  const ctxOf = (docs: ConllDoc[]): Ctxs => docs.map((d) => buildDocContext(d.map((s) => s.words)))
  const trainCtx = ctxOf(trainDocs)
  const devCtx = ctxOf(devDocs)
  // held-out slice of train for choosing epoch counts (sentence k belongs to document docOfSentence[k][0])
  const docOfSentence: [number, number][] = trainDocs.flatMap((d, di) => d.map((_, si): [number, number] => [di, si]))
  const heldOut = (k: number): boolean => docOfSentence[k]![0] % HELDOUT_EVERY === HELDOUT_EVERY - 1
  /** Chooses the epoch count on the held-out slice, then retrains on all of train for that many epochs. */
  const fit = (name: string, ex: Example[], nFeat: number, heldOutEx = ex.filter((_, k) => heldOut(k))): Trained & { sel: Trained } => {
    const sel = train(ex.filter((_, k) => !heldOut(k)), nFeat, heldOutEx, maxEpochs, (s) => log(s.replace('dev F1', 'held-out F1')))
    log(`${name}: best held-out epoch ${sel.epochs}, held-out F1 ${sel.devF1.toFixed(4)} (${secs()})`)
    const full = train(ex, nFeat, undefined, sel.epochs, () => {})
    return { ...full, devF1: sel.devF1, sel }
  }

  log(`pass 1: ${trainDocs.length} train docs (${trainDocs.filter((_, i) => i % HELDOUT_EVERY === HELDOUT_EVERY - 1).length} held out for epoch choice), ${devDocs.length} dev docs`)
  const trF = docFeatures(trainDocs, trainCtx)
  const index1 = featureIndex(trF)
  const trainEx = toExamples(trF, trainDocs, index1)
  log(`  ${index1.size} features (${secs()})`)
  const p1 = fit('pass 1', trainEx, index1.size)
  const model1 = modelFrom(index1, p1.w, p1.trans)
  const devFeats1 = devDocs.map((d, i) => d.map((s) => sentenceFeatures(s.words, devCtx[i])))
  const dev1 = f1(devDocs.flatMap((d) => d.map((s) => iobToBilou(s.tags))), devFeats1.flatMap((d) => d.map((f) => model1.tag(f))))
  log(`pass 1: ${p1.epochs} epochs on all of train; dev F1 ${dev1.toFixed(4)} (reported only) (${secs()})`)
  writeFileSync(join(outDir, 'pass1.bin.gz'), model1.serialize({ pass: 1, epochs: p1.epochs, heldOutF1: p1.devF1, devF1: dev1 }))
  const pass2Out = join(outDir, 'pass2.bin.gz')
  if (existsSync(pass2Out)) rmSync(pass2Out) // a stale second pass must not run with a new first pass
  if (passes < 2) return 0

  // Jackknifed first-pass predictions on train: each fold tagged by a model trained on the other folds.
  const trainLabels: number[][][] = trainDocs.map((d) => d.map(() => []))
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = (k: number): boolean => docOfSentence[k]![0] % FOLDS === fold
    const sub = trainEx.filter((_, k) => !inFold(k))
    const m = train(sub, index1.size, undefined, p1.epochs, () => {})
    trainEx.forEach((ex, k) => {
      if (!inFold(k)) return
      const [di, si] = docOfSentence[k]!
      trainLabels[di]![si] = decode(ex, m.w, m.trans)
    })
    log(`  fold ${fold + 1}/${FOLDS} tagged (${secs()})`)
  }
  const devLabels = devFeats1.map((d) => d.map((f) => model1.tag(f)))
  const trainCtx2 = trainDocs.map((d, i) => withFirstPass(trainCtx[i]!, d.map((s) => s.words), trainLabels[i]!))
  const devCtx2 = devDocs.map((d, i) => withFirstPass(devCtx[i]!, d.map((s) => s.words), devLabels[i]!))
  const trF2 = docFeatures(trainDocs, trainCtx2)
  const index2 = featureIndex(trF2)
  const trainEx2 = toExamples(trF2, trainDocs, index2)
  // The held-out documents are scored the way pass 2 runs at inference: their first-pass labels come from the
  // pass-1 model that did not see them (the one that chose pass 1's epochs), not from a jackknife fold model.
  const heldDocs = trainDocs.map((_, di) => di).filter((di) => di % HELDOUT_EVERY === HELDOUT_EVERY - 1)
  const heldEx1 = new Map<number, number[][]>()
  trainEx.forEach((ex, k) => {
    if (!heldOut(k)) return
    const [di, si] = docOfSentence[k]!
    let ls = heldEx1.get(di)
    if (!ls) heldEx1.set(di, (ls = []))
    ls[si] = decode(ex, p1.sel.w, p1.sel.trans)
  })
  const heldDocList = heldDocs.map((di) => trainDocs[di]!)
  const heldCtx2 = heldDocs.map((di) => withFirstPass(trainCtx[di]!, trainDocs[di]!.map((s) => s.words), heldEx1.get(di)!))
  const heldEx2 = toExamples(docFeatures(heldDocList, heldCtx2), heldDocList, index2)
  const p2 = fit('pass 2', trainEx2, index2.size, heldEx2)
  log(`pass 2 vs pass 1 on the held-out slice: ${p2.devF1.toFixed(4)} vs ${p1.devF1.toFixed(4)}`)
  const model2 = modelFrom(index2, p2.w, p2.trans)
  const devEx2 = toExamples(docFeatures(devDocs, devCtx2), devDocs, index2)
  const dev2 = f1(devEx2.map((d) => d.gold), devEx2.map((d) => decode(d, p2.w, p2.trans)))
  log(`pass 2: ${p2.epochs} epochs on all of train; dev F1 ${dev2.toFixed(4)} (reported only) (${secs()})`)
  // The second pass ships only when it beats the first on the held-out slice (valid plays no part in the choice).
  if (p2.devF1 > p1.devF1) {
    writeFileSync(pass2Out, model2.serialize({ pass: 2, epochs: p2.epochs, heldOutF1: p2.devF1, devF1: dev2 }))
    log(`pass 2 kept (held-out ${p2.devF1.toFixed(4)} > ${p1.devF1.toFixed(4)})`)
  } else log(`pass 2 not written: held-out ${p2.devF1.toFixed(4)} <= pass 1's ${p1.devF1.toFixed(4)}; the tagger runs pass 1 only`)
  return 0
}
