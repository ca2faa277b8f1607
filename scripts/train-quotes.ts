// `npm run train -- quotes [--holdout] [--train dir] [--epochs n] [--out file]`: trains the attribution tagger of
// quotes.v1 (src/stages/quotes/tagger.ts: BIO labels for SOURCE/CUE/CONTENT, averaged structured perceptron +
// Viterbi) on PolNeAR train only, in two passes: the first on the unit features (among them what the rules read,
// ruleRoleArray), the second on a share of them plus the first pass's labels (stackFeatures), which on train come
// from first passes trained on the other folds (jackknife), so they look like test-time labels. With --holdout,
// every 10th train article (by name) is held out to pick each pass's epoch (the first by token role F1, the second
// by the whole stage's content F1 on those articles), and to measure the stage on text the model never saw (`npm run
// eval -- quotes --holdout --model=FILE`); the shipped model learns from every train article with the epochs picked
// that way (PASS1_EPOCHS, PASS2_EPOCHS). Dev is never read here. Deterministic: the unit order is
// shuffled with a seeded generator.
import { AveragedPerceptron, shuffle } from '../src/learn/perceptron.js'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDoc, layer, withLayers, type Doc } from '../src/doc/doc.js'
import { createPipeline } from '../src/pipeline/pipeline.js'
import { emptyTally, goldScored, paragraphBlocks, scoreArticle, summarize, toScored, type Article } from '../src/eval/quotes.js'
import type { Block } from '../src/doc/layers.js'
import { tokensStage } from '../src/stages/tokens/index.js'
import { sentencesStage } from '../src/stages/sentences/index.js'
import { mentionsStage } from '../src/stages/mentions/index.js'
import { entitiesStage } from '../src/stages/entities/index.js'
import { attribute } from '../src/stages/quotes/attribute.js'
import { findQuotedSpans } from '../src/stages/quotes/marks.js'
import { BUCKET_BITS, buildUnits, cueHead, LABELS, MODEL_PATH, NL, PASS2_BASE, stackFeatures, subsetFeats, TaggerModel, unitScores, viterbi, type Unit } from '../src/stages/quotes/tagger.js'
import { scanWords } from '../src/stages/quotes/words.js'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Upper bound on epochs with --holdout; the best epoch on the held-out slice is kept. */
const MAX_EPOCHS = 12
/** Epochs of the shipped model's passes: what --holdout picks (pass 1 by held-out role F1, 0.8066; pass 2 by the whole stage's content F1 there, 0.6920). */
const PASS1_EPOCHS = 12
const PASS2_EPOCHS = 11
/** Seed of the unit shuffle. */
const SEED = 20180507
/** Every HOLDOUT_EVERY-th train article is held out for epoch selection (and for tuning the stage's model gate). */
const HOLDOUT_EVERY = 10
/** Cue head words kept in the model with their gold counts (the gate's 'seen often as a cue' test) from this many. */
const MIN_CUE_WORD_COUNT = 2
/** Folds of the jackknifed first-pass labels the second pass trains on (so its inputs look like test time): groups of HOLDOUT_EVERY articles by name, round robin. */
const FOLDS = 5

const LABEL_ID = new Map<string, number>(LABELS.map((l, i) => [l, i]))

function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    let t = s ^ (s >>> 16)
    t = Math.imul(t, 0x7feb352d) >>> 0
    return ((t ^ (t >>> 15)) >>> 0) / 4294967296
  }
}

interface Example {
  readonly unit: Unit
  readonly gold: Uint8Array
  /** Jackknife fold of its article (train examples). */
  readonly fold: number
}

/** Token features of one training example as the trainer reads them. */
interface Feats {
  readonly feats: Int32Array
  readonly offs: Int32Array
}

/** A unit's own features followed by its second-pass features, token by token. */
function joinFeats(a: Feats, b: Feats): Feats {
  const n = a.offs.length - 1
  const feats = new Int32Array(a.feats.length + b.feats.length)
  const offs = new Int32Array(n + 1)
  let fp = 0
  for (let t = 0; t < n; t++) {
    for (let j = a.offs[t]!; j < a.offs[t + 1]!; j++) feats[fp++] = a.feats[j]!
    for (let j = b.offs[t]!; j < b.offs[t + 1]!; j++) feats[fp++] = b.feats[j]!
    offs[t + 1] = fp
  }
  return { feats, offs }
}

/**
 * Averaged perceptron epochs over `train` (seeded order), keeping the epoch that scores best on `held`
 * (or exactly `epochs` epochs when `fixed`). `feats` gives each example's features.
 */
function trainPerceptron(train: readonly Example[], held: readonly Example[], feats: (ex: Example) => Feats, epochs: number, fixed: boolean, log: (s: string) => void, score?: (m: TaggerModel) => number): { model: TaggerModel; epoch: number; f1: number } {
  const p = new AveragedPerceptron(1 << BUCKET_BITS, NL)
  const order = train.map((_, i) => i)
  const rand = rng(SEED)
  const tr = train.map(feats)
  const hf = fixed ? [] : held.map(feats)
  let best: { model: TaggerModel; epoch: number; f1: number } | null = null
  for (let e = 1; e <= epochs; e++) {
    shuffle(order, rand)
    let errors = 0
    for (const k of order) {
      const f = tr[k]!
      const g = train[k]!.gold
      errors += p.update(f.feats, f.offs, g, viterbi(unitScores(f, p.w), g.length, p.trans))
    }
    if (fixed && e < epochs) continue
    const avg = p.average()
    const model = new TaggerModel(avg.w, avg.trans)
    const f1 = fixed ? 0 : score ? score(model) : roleF1(held.map((x) => x.gold), hf.map((f) => viterbi(model.addScores(f), f.offs.length - 1, model.trans)))
    if (!fixed) log(`  epoch ${e}: ${errors} token errors, held-out ${score ? 'stage content F1' : 'role F1'} ${f1.toFixed(4)}`)
    if (!best || f1 > best.f1) best = { model, epoch: e, f1 }
  }
  return best!
}

/** Gold labels for the tokens of each unit: cue over source over content; nested contents go to the innermost. */
function goldLabels(a: Article, units: readonly Unit[]): Uint8Array[] {
  const n = a.text.length
  const role = new Uint8Array(n) // 0 none, 1 SRC, 2 CUE, 3 CON
  const owner = new Int32Array(n).fill(-1)
  const size = new Float64Array(n).fill(Infinity)
  a.attributions.forEach((at, id) => {
    const len = at.content.reduce((x, [s, e]) => x + e - s, 0) || 1
    for (const [s, e] of at.content)
      for (let i = s; i < e; i++) {
        if (role[i] === 0 || (role[i] === 3 && len < size[i]!)) {
          role[i] = 3
          owner[i] = id
          size[i] = len
        }
      }
  })
  a.attributions.forEach((at, id) => {
    for (const [s, e] of at.source) for (let i = s; i < e; i++) if (role[i] !== 2) ((role[i] = 1), (owner[i] = id))
  })
  a.attributions.forEach((at, id) => {
    for (const [s, e] of at.cue) for (let i = s; i < e; i++) ((role[i] = 2), (owner[i] = id))
  })
  const names = ['', 'SRC', 'CUE', 'CON']
  return units.map((u) => {
    const out = new Uint8Array(u.toks.length)
    let prevRole = 0
    let prevOwner = -1
    u.toks.forEach((t, i) => {
      const r = role[t.start]!
      const o = owner[t.start]!
      if (r === 0) out[i] = 0
      else out[i] = LABEL_ID.get(`${r === prevRole && o === prevOwner ? 'I' : 'B'}-${names[r]}`)!
      prevRole = r
      prevOwner = o
    })
    return out
  })
}

/** Token-level F1 of the three roles (B/I ignored): the epoch-selection measure. */
function roleF1(golds: readonly Uint8Array[], preds: readonly Uint8Array[]): number {
  let tp = 0
  let np = 0
  let ng = 0
  const role = (l: number): string => (l === 0 ? '' : LABELS[l]!.slice(2))
  golds.forEach((g, k) => {
    const p = preds[k]!
    for (let i = 0; i < g.length; i++) {
      const gr = role(g[i]!)
      const pr = role(p[i]!)
      if (gr) ng++
      if (pr) np++
      if (gr && gr === pr) tp++
    }
  })
  return np + ng ? (2 * tp) / (np + ng) : 0
}

function arg(args: string[], name: string, def: string): string {
  const i = args.indexOf(name)
  return i >= 0 && args[i + 1] ? args[i + 1]! : def
}

export async function run(args: string[]): Promise<number> {
  const dir = resolve(REPO, arg(args, '--train', '../shared/data/polnear/train'))
  const holdout = args.includes('--holdout')
  const maxEpochs = Number(arg(args, '--epochs', String(MAX_EPOCHS)))
  const outPath = resolve(arg(args, '--out', MODEL_PATH))
  const t0 = Date.now()
  const secs = (): string => ((Date.now() - t0) / 1000).toFixed(1)
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
  const upstream = createPipeline([tokensStage, sentencesStage, mentionsStage, entitiesStage], { given: ['blocks'] })
  const cueWords = new Map<string, number>()
  const train: Example[] = []
  const held: Example[] = []
  // the held-out articles as the stage reads them, to pick the second pass's epoch by the stage's own measure
  const heldDocs: { a: Article; blocks: Block[]; doc: Doc }[] = []
  files.forEach((f, k) => {
    const a = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Article
    const base = createDoc(a.text, {}, a.id)
    if (base.text !== a.text) return
    const blocks = paragraphBlocks(base.text)
    const doc = upstream.run(withLayers(base, { blocks }))
    const quoted = findQuotedSpans(a.text, blocks, blocks.map((_, i) => i))
    const mentions = [...(doc.layers.mentions ?? [])].sort((x, y) => x.start - y.start)
    // the rules' reading, as the stage gives it to the tagger (ruleRoleArray)
    let ruleRoles: Uint8Array | undefined
    attribute({ text: a.text, blocks, sentences: layer(doc, 'sentences'), mentions: layer(doc, 'mentions'), entities: layer(doc, 'entities'), tagger: null, onRuleRoles: (r) => (ruleRoles = r) })
    const units = buildUnits(a.text, blocks, doc.layers.sentences ?? [], mentions, quoted, undefined, { ruleRoles })
    const golds = goldLabels(a, units)
    const isHeld = holdout && k % HOLDOUT_EVERY === HOLDOUT_EVERY - 1
    const into = isHeld ? held : train
    if (isHeld) heldDocs.push({ a, blocks, doc })
    if (!isHeld)
      for (const at of a.attributions) {
        const ws = at.cue.flatMap(([s, e]) => scanWords(a.text, s, e))
        const w = ws[cueHead(ws)]
        if (w) cueWords.set(w.lower, (cueWords.get(w.lower) ?? 0) + 1)
      }
    const fold = Math.floor(k / HOLDOUT_EVERY) % FOLDS
    units.forEach((unit, i) => into.push({ unit, gold: golds[i]!, fold }))
  })
  console.log(`quotes tagger: ${files.length} PolNeAR train articles, ${train.length} units to train, ${held.length} held out (${secs()} s)`)

  const log = (x: string): void => console.log(`${x} (${secs()} s)`)
  log('pass 1')
  const best = holdout ? trainPerceptron(train, held, (ex) => ex.unit, maxEpochs, false, log) : trainPerceptron(train, [], (ex) => ex.unit, PASS1_EPOCHS, true, log)
  // Jackknifed first-pass labels on train: each fold tagged by a first pass trained (same epochs) on the others
  const first = new Map<Example, Uint8Array>()
  for (let fold = 0; fold < FOLDS; fold++) {
    const m = trainPerceptron(train.filter((ex) => ex.fold !== fold), [], (ex) => ex.unit, best.epoch, true, log).model
    for (const ex of train) if (ex.fold === fold) first.set(ex, m.tagFirst(ex.unit))
    log(`  fold ${fold + 1}/${FOLDS} tagged`)
  }
  for (const ex of held) first.set(ex, best.model.tagFirst(ex.unit))
  log('pass 2')
  const pass2 = (ex: Example): Feats => joinFeats(subsetFeats(ex.unit, PASS2_BASE), stackFeatures(ex.unit, first.get(ex)!))
  const cueWordCounts = Object.fromEntries([...cueWords].filter(([, c]) => c >= MIN_CUE_WORD_COUNT).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)))
  // the second pass's epoch: the one whose whole stage (rules, both passes, gate) reads the held-out articles best
  const stageF1 = (m2: TaggerModel): number => {
    const tagger = new TaggerModel(best.model.weights, best.model.trans, { cueWords: cueWordCounts, pass2Base: PASS2_BASE }, m2)
    const t = emptyTally()
    for (const { a, blocks, doc } of heldDocs) {
      const quotes = attribute({ text: a.text, blocks, sentences: layer(doc, 'sentences'), mentions: layer(doc, 'mentions'), entities: layer(doc, 'entities'), tagger })
      scoreArticle(a.attributions.filter((g) => g.content.length > 0).map((g) => goldScored(a.text, g)), toScored(a.text, quotes), t)
    }
    return summarize(t).content_overlap.f1
  }
  const best2 = holdout ? trainPerceptron(train, held, pass2, maxEpochs, false, log, stageF1) : trainPerceptron(train, [], pass2, PASS2_EPOCHS, true, log)
  const model = new TaggerModel(
    best.model.weights,
    best.model.trans,
    {
      data: holdout ? 'PolNeAR train (every 10th article held out)' : 'PolNeAR train (all)',
      epochs: best.epoch,
      ...(holdout ? { heldOutRoleF1: Number(best.f1.toFixed(4)) } : {}),
      pass2Epochs: best2.epoch,
      pass2Base: PASS2_BASE,
      ...(holdout ? { pass2HeldOutStageF1: Number(best2.f1.toFixed(4)) } : {}),
      cueWords: cueWordCounts,
    },
    best2.model,
  )
  mkdirSync(dirname(outPath), { recursive: true })
  const buf = model.serialize()
  writeFileSync(outPath, buf)
  const heldF1 = (what: string, f1: number): string => (holdout ? `, held-out ${what} ${f1.toFixed(4)}` : '')
  console.log(`quotes tagger: pass 1 epoch ${best.epoch}${heldF1('role F1', best.f1)}; pass 2 epoch ${best2.epoch}${heldF1('stage content F1', best2.f1)}; wrote ${outPath} (${(buf.length / 1024).toFixed(0)} KiB, ${secs()} s)`)
  return 0
}
