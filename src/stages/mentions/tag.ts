// The trained tagger: loads models/ner/pass1.bin.gz (and pass2 when present) once, then tags sentences.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readClusters } from './clusters.js'
import { type DocContext, buildDocContext, setClusters, setLowercaseVocabulary, isCapitalised, sentenceTokenFeatures, withFirstPassTokenFeatures } from './features.js'
import { LABELS, bilouToIob } from './labels.js'
import { Model } from './model.js'

/**
 * Abbreviations that always precede another name part: an entity cannot end on them, so a capitalised word that
 * follows joins the entity ("University of St." + "Gallen"). Lower case, with the period.
 */
const NAME_PREFIX_ABBREVIATIONS: ReadonlySet<string> = new Set(['st.', 'ste.', 'mt.', 'ft.', 'dr.', 'gen.', 'prof.', 'col.', 'lt.', 'sgt.', 'capt.'])

/** Repairs IOB tags in place where an entity ends on a name-prefix abbreviation followed by a capitalised word. */
function repair(words: readonly string[], tags: string[]): string[] {
  for (let i = 0; i + 1 < words.length; i++) {
    const t = tags[i]!
    if (t === 'O' || !NAME_PREFIX_ABBREVIATIONS.has(words[i]!.toLowerCase())) continue
    if (tags[i + 1] !== 'O' || !isCapitalised(words[i + 1]!)) continue
    tags[i + 1] = 'I-' + t.slice(2)
  }
  return tags
}

/** Brown clusters written by scripts/build-clusters.ts; the model is trained with them and needs the same file. */
export const CLUSTER_FILE = 'clusters.tsv.gz'

export const MODEL_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'models', 'ner')

interface Models {
  readonly pass1: Model
  readonly pass2?: Model
}
let models: Models | undefined
let modelsDir = ''

/**
 * Loads the committed artefact (once per directory; the last directory loaded sets the lower-case vocabulary and
 * clusters the features use). Throws a clear error when it has not been trained.
 */
export function loadModels(dir = MODEL_DIR): Models {
  if (models && dir === modelsDir) return models
  const p1 = join(dir, 'pass1.bin.gz')
  if (!existsSync(p1)) throw new Error(`NER model missing at ${p1}: run \`npm run train -- ner\``)
  const vocab = join(dir, 'lowercase-vocab.txt')
  if (existsSync(vocab)) setLowercaseVocabulary(new Set(readFileSync(vocab, 'utf8').split('\n').filter(Boolean)))
  setClusters(readClusters(join(dir, CLUSTER_FILE)) ?? new Map())
  const p2 = join(dir, 'pass2.bin.gz')
  const m: Models = existsSync(p2)
    ? { pass1: Model.deserialize(readFileSync(p1)), pass2: Model.deserialize(readFileSync(p2)) }
    : { pass1: Model.deserialize(readFileSync(p1)) }
  models = m
  modelsDir = dir
  return m
}

/**
 * Adds first-pass predictions to a document context: for each capitalised word, the entity type it got most often
 * in the document, and the type of multi-token entities it ended (Ratinov & Roth 2009 non-local features).
 */
export function withFirstPass(ctx: DocContext, sentences: readonly (readonly string[])[], labels: readonly (readonly number[])[]): DocContext {
  const votes = new Map<string, Map<string, number>>()
  const lastOf = new Map<string, string>()
  sentences.forEach((words, si) => {
    const ls = labels[si]!
    words.forEach((w, i) => {
      if (!isCapitalised(w)) return
      const lab = LABELS[ls[i]!]!
      const type = lab === 'O' ? 'O' : lab.slice(2)
      const lw = w.toLowerCase()
      let v = votes.get(lw)
      if (!v) votes.set(lw, (v = new Map()))
      v.set(type, (v.get(type) ?? 0) + 1)
      if (lab[0] === 'L') lastOf.set(lw, type)
    })
  })
  const firstPass = new Map<string, string>()
  for (const [w, v] of votes) {
    let best = 'O'
    let n = -1
    for (const [t, c] of v) if (c > n || (c === n && t !== 'O')) [best, n] = [t, c]
    firstPass.set(w, best)
  }
  return { ...ctx, firstPass, firstPassLast: lastOf }
}

/**
 * IOB2 tags for every sentence of one document, using document context (two passes when a pass-2 model exists).
 * `dir` defaults to the model directory loaded last (models/ner unless a tool loaded another).
 */
export function tagDocument(sentences: readonly (readonly string[])[], dir = modelsDir || MODEL_DIR): string[][] {
  const m = loadModels(dir)
  const ctx = buildDocContext(sentences)
  const feats = sentences.map((s) => sentenceTokenFeatures(s, ctx))
  let labels = feats.map((f) => m.pass1.tagTokens(f))
  if (m.pass2) {
    const ctx2 = withFirstPass(ctx, sentences, labels)
    labels = feats.map((f, i) => m.pass2!.tagTokens(withFirstPassTokenFeatures(sentences[i]!, ctx2, f)))
  }
  return labels.map((l, i) => repair(sentences[i]!, bilouToIob(l)))
}

/**
 * IOB2 tags for one sentence. `docContext` carries the document's other sentences' evidence; without it the
 * sentence is its own document.
 */
export function tagTokens(words: readonly string[], docContext?: DocContext): string[] {
  if (!docContext) return tagDocument([words])[0]!
  const m = loadModels()
  const model = docContext.firstPass && m.pass2 ? m.pass2 : m.pass1
  return repair(words, bilouToIob(model.tagTokens(sentenceTokenFeatures(words, docContext))))
}
