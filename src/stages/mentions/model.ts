// A linear first-order sequence model (averaged structured perceptron weights) with Viterbi decoding under BILOU
// constraints. Weights: one row of NL floats per feature string, plus a transition matrix.
import { gunzipSync, gzipSync } from 'node:zlib'
import { ALLOWED, END_OK, NL } from './labels.js'

/** Weights are stored as int16 after scaling by this much of the largest magnitude (precision loss ≈ 1e-4). */
const QUANT_MAX = 32767

/**
 * Feature hash -> row as an open-addressing table (linear probing in typed arrays). Feature keys are already
 * well-mixed 30-bit hashes, so the low bits index the table directly; this is several times faster than a JS Map
 * for the ~50 look-ups per token that dominate tagging time.
 */
export class FeatureTable {
  /** Slot i holds its key at 2i (-1: empty) and its row at 2i + 1: one cache line serves both reads of a look-up. */
  private readonly slots: Int32Array
  private readonly mask: number
  readonly size: number

  constructor(entries: Iterable<readonly [number, number]>, count: number) {
    // load factor <= 0.5 keeps probe chains short
    let cap = 16
    while (cap < count * 2) cap *= 2
    const slots = new Int32Array(cap * 2)
    for (let i = 0; i < slots.length; i += 2) slots[i] = -1
    this.mask = cap - 1
    let n = 0
    for (const [key, row] of entries) {
      if (key < 0 || key > 0x7fffffff) throw new Error(`feature key ${key} out of range`)
      let i = key & this.mask
      while (slots[2 * i] !== -1 && slots[2 * i] !== key) i = (i + 1) & this.mask
      if (slots[2 * i] === -1) n++
      slots[2 * i] = key
      slots[2 * i + 1] = row
    }
    this.slots = slots
    this.size = n
  }

  /** Row of a feature, or -1 when the model does not know it. */
  get(key: number): number {
    const slots = this.slots
    const mask = this.mask
    let i = key & mask
    for (;;) {
      const k = slots[2 * i]!
      if (k === key) return slots[2 * i + 1]!
      if (k === -1) return -1
      i = (i + 1) & mask
    }
  }

  *entries(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.slots.length; i += 2) if (this.slots[i] !== -1) yield [this.slots[i]!, this.slots[i + 1]!]
  }
}

/**
 * Feature keys that always occur together (the features one word type contributes to one position), with the
 * summed weight row per model cached on first use (`sums[model.serial]`).
 */
export interface KeyGroup {
  readonly keys: Int32Array
  readonly sums: (Float32Array | undefined)[]
}

/** Features of one token: context-dependent keys plus shared word-type groups. */
export interface TokenFeatures {
  readonly keys: readonly number[]
  readonly groups: readonly KeyGroup[]
}

let serials = 0

export class Model {
  readonly features: FeatureTable
  /** Index of this model's cached group sums in KeyGroup.sums. */
  readonly serial = serials++

  constructor(
    /** feature hash -> row */
    features: ReadonlyMap<number, number> | FeatureTable,
    /** features.size * NL */
    readonly weights: Float32Array,
    /** (NL + 1) * NL: previous label (NL = start) to current label */
    readonly trans: Float32Array,
  ) {
    this.features = features instanceof FeatureTable ? features : new FeatureTable(features, features.size)
  }

  /** Per-token label scores (n * NL) of one sentence, given each token's feature keys. Unknown features are ignored. */
  scores(feats: readonly (ArrayLike<number>)[]): Float32Array {
    const n = feats.length
    const scores = new Float32Array(n * NL)
    const W = this.weights
    const table = this.features
    for (let t = 0; t < n; t++) {
      const base = t * NL
      const ft = feats[t]!
      for (let j = 0; j < ft.length; j++) {
        const id = table.get(ft[j]!)
        if (id < 0) continue
        const row = id * NL
        for (let y = 0; y < NL; y++) scores[base + y]! += W[row + y]!
      }
    }
    return scores
  }

  /** Summed weight row of a feature group (cached on the group). */
  private groupSum(g: KeyGroup): Float32Array {
    const hit = g.sums[this.serial]
    if (hit) return hit
    const sum = new Float32Array(NL)
    const W = this.weights
    for (let j = 0; j < g.keys.length; j++) {
      const id = this.features.get(g.keys[j]!)
      if (id < 0) continue
      const row = id * NL
      for (let y = 0; y < NL; y++) sum[y]! += W[row + y]!
    }
    g.sums[this.serial] = sum
    return sum
  }

  /** Best label ids for one sentence of grouped token features (same scores as tag() on the flattened keys). */
  tagTokens(feats: readonly TokenFeatures[]): number[] {
    const n = feats.length
    if (n === 0) return []
    const scores = new Float32Array(n * NL)
    const W = this.weights
    const table = this.features
    for (let t = 0; t < n; t++) {
      const base = t * NL
      const ft = feats[t]!
      const keys = ft.keys
      for (let j = 0; j < keys.length; j++) {
        const id = table.get(keys[j]!)
        if (id < 0) continue
        const row = id * NL
        for (let y = 0; y < NL; y++) scores[base + y]! += W[row + y]!
      }
      const groups = ft.groups
      for (let j = 0; j < groups.length; j++) {
        const sum = this.groupSum(groups[j]!)
        for (let y = 0; y < NL; y++) scores[base + y]! += sum[y]!
      }
    }
    return viterbi(scores, n, this.trans)
  }

  /** Best label ids for one sentence, given each token's feature keys. Unknown features are ignored. */
  tag(feats: readonly (ArrayLike<number>)[]): number[] {
    const n = feats.length
    if (n === 0) return []
    return viterbi(this.scores(feats), n, this.trans)
  }

  /** Serialises to a gzipped buffer: JSON header, feature hashes (uint32), sparse int16 rows. */
  serialize(meta: Record<string, unknown> = {}): Buffer {
    let max = 0
    for (const v of this.weights) max = Math.max(max, Math.abs(v))
    for (const v of this.trans) max = Math.max(max, Math.abs(v))
    const scale = max > 0 ? QUANT_MAX / max : 1
    const names: number[] = []
    const rows: number[] = []
    const entries = [...this.features.entries()].sort((a, b) => a[1] - b[1]) // row order: deterministic bytes
    for (const [name, id] of entries) {
      const row: number[] = []
      for (let y = 0; y < NL; y++) {
        const q = Math.round(this.weights[id * NL + y]! * scale)
        if (q !== 0) row.push(y, q)
      }
      if (row.length === 0) continue
      names.push(name)
      rows.push(row.length / 2, ...row)
    }
    const header = JSON.stringify({ ...meta, nl: NL, scale, trans: Array.from(this.trans, (v) => Math.round(v * scale)), n: names.length })
    const body = Int16Array.from(rows)
    const text = Buffer.from(header, 'utf8')
    const keys = Uint32Array.from(names)
    const len = Buffer.alloc(8)
    len.writeUInt32LE(text.length, 0)
    len.writeUInt32LE(body.length, 4)
    return gzipSync(
      Buffer.concat([len, text, Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength), Buffer.from(body.buffer, body.byteOffset, body.byteLength)]),
      { level: 9 },
    )
  }

  static deserialize(buf: Buffer): Model {
    const raw = gunzipSync(buf)
    const textLen = raw.readUInt32LE(0)
    const bodyLen = raw.readUInt32LE(4)
    const header = JSON.parse(raw.subarray(8, 8 + textLen).toString('utf8')) as { nl: number; scale: number; trans: number[]; n: number }
    if (header.nl !== NL) throw new Error(`NER model has ${header.nl} labels, code expects ${NL}`)
    const keyBytes = raw.subarray(8 + textLen, 8 + textLen + header.n * 4)
    const names = new Uint32Array(keyBytes.buffer.slice(keyBytes.byteOffset, keyBytes.byteOffset + keyBytes.byteLength))
    const bodyStart = 8 + textLen + header.n * 4
    const bodyBytes = raw.subarray(bodyStart, bodyStart + bodyLen * 2)
    const body = new Int16Array(bodyBytes.buffer.slice(bodyBytes.byteOffset, bodyBytes.byteOffset + bodyBytes.byteLength))
    const features = new FeatureTable(
      (function* () {
        for (let id = 0; id < names.length; id++) yield [names[id]!, id] as const
      })(),
      names.length,
    )
    const weights = new Float32Array(names.length * NL)
    const inv = 1 / header.scale
    let p = 0
    for (let id = 0; id < names.length; id++) {
      const k = body[p++]!
      for (let j = 0; j < k; j++) {
        const y = body[p++]!
        weights[id * NL + y] = body[p++]! * inv
      }
    }
    const trans = Float32Array.from(header.trans, (v) => v * inv)
    return new Model(features, weights, trans)
  }
}

const NEG = -1e30

/** For each label, the labels that may precede it (BILOU), so Viterbi skips illegal pairs without testing them. */
const PREV: readonly Int8Array[] = Array.from({ length: NL }, (_, y) => {
  const ps: number[] = []
  for (let p = 0; p < NL; p++) if (ALLOWED[p * NL + y]) ps.push(p)
  return Int8Array.from(ps)
})

/** First-order Viterbi over per-token label scores plus transitions, never taking an illegal BILOU transition. */
export function viterbi(scores: Float32Array, n: number, trans: Float32Array): number[] {
  const delta = new Float64Array(n * NL)
  const back = new Int8Array(n * NL)
  for (let y = 0; y < NL; y++) delta[y] = ALLOWED[NL * NL + y] ? scores[y]! + trans[NL * NL + y]! : NEG
  for (let t = 1; t < n; t++) {
    for (let y = 0; y < NL; y++) {
      let best = NEG
      let arg = 0
      const prev = PREV[y]!
      for (let j = 0; j < prev.length; j++) {
        const p = prev[j]!
        const v = delta[(t - 1) * NL + p]! + trans[p * NL + y]!
        if (v > best) {
          best = v
          arg = p
        }
      }
      delta[t * NL + y] = best + scores[t * NL + y]!
      back[t * NL + y] = arg
    }
  }
  let best = NEG
  let arg = 0
  for (let y = 0; y < NL; y++) {
    const v = END_OK[y] ? delta[(n - 1) * NL + y]! : NEG
    if (v > best) {
      best = v
      arg = y
    }
  }
  const out = new Array<number>(n)
  out[n - 1] = arg
  for (let t = n - 1; t > 0; t--) out[t - 1] = back[t * NL + out[t]!]!
  return out
}
