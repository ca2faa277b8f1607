// The averaged structured perceptron (Collins 2002) shared by the trainers of the NER tagger
// (scripts/train-ner.ts) and the attribution tagger (scripts/train-quotes.ts). Weights are a dense
// feature × label table plus a (labels + 1) × labels transition table whose last row is the start state.
// Averaging uses the usual trick: keep the sum of c · update beside the weights and subtract it / c.

export class AveragedPerceptron {
  readonly w: Float64Array
  readonly trans: Float64Array
  private readonly wSum: Float64Array
  private readonly transSum: Float64Array
  private c = 1

  constructor(
    readonly features: number,
    readonly labels: number,
  ) {
    this.w = new Float64Array(features * labels)
    this.wSum = new Float64Array(features * labels)
    this.trans = new Float64Array((labels + 1) * labels)
    this.transSum = new Float64Array((labels + 1) * labels)
  }

  /**
   * One example: moves the weights from the predicted towards the gold label sequence. The features of
   * token t are feats[offs[t] .. offs[t + 1]). Returns the number of mislabelled tokens.
   */
  update(feats: ArrayLike<number>, offs: ArrayLike<number>, gold: ArrayLike<number>, pred: ArrayLike<number>): number {
    const NL = this.labels
    const { w, wSum, trans, transSum, c } = this
    let errors = 0
    for (let t = 0; t < gold.length; t++) {
      const g = gold[t]!
      const p = pred[t]!
      const gp = t === 0 ? NL : gold[t - 1]!
      const pp = t === 0 ? NL : pred[t - 1]!
      if (g === p && gp === pp) continue
      if (g !== p) {
        errors++
        for (let j = offs[t]!; j < offs[t + 1]!; j++) {
          const row = feats[j]! * NL
          w[row + g]! += 1
          wSum[row + g]! += c
          w[row + p]! -= 1
          wSum[row + p]! -= c
        }
      }
      trans[gp * NL + g]! += 1
      transSum[gp * NL + g]! += c
      trans[pp * NL + p]! -= 1
      transSum[pp * NL + p]! -= c
    }
    this.c++
    return errors
  }

  /** The averaged weights, as the float32 tables the taggers load. */
  average(): { w: Float32Array; trans: Float32Array } {
    const w = new Float32Array(this.w.length)
    for (let i = 0; i < w.length; i++) w[i] = this.w[i]! - this.wSum[i]! / this.c
    const trans = new Float32Array(this.trans.length)
    for (let i = 0; i < trans.length; i++) trans[i] = this.trans[i]! - this.transSum[i]! / this.c
    return { w, trans }
  }
}

/** Fisher-Yates with the caller's seeded generator, so training order is reproducible. */
export function shuffle(order: number[], rand: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
}
