import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, it } from 'node:test'
import { aggregate, evaluateDir, scorePage } from './extract.js'

describe('extraction metric (4-token shingles, per-page P/R averaged)', () => {
  const cases: [string, string, number, number][] = [
    // predicted, truth, precision, recall
    ['one two three four five', 'one two three four five', 1, 1],
    ['', '', 1, 1],
    ['', 'one two three four five', 0, 0],
    // 2 shingles predicted, 1 shared with the 1-shingle truth
    ['one two three four five', 'one two three four', 0.5, 1],
    // punctuation and layout are not tokens; case is kept
    ['One, two.\n\nthree four!', 'One two three four', 1, 1],
    ['one two three four', 'One two three four', 0, 0],
    // multisets: a repeated shingle counts twice
    ['a b c d a b c d', 'a b c d', 1 / 5, 1],
    // texts shorter than 4 tokens are one shorter shingle
    ['a b', 'a b', 1, 1],
  ]
  for (const [p, t, precision, recall] of cases) {
    it(`${JSON.stringify(p)} vs ${JSON.stringify(t)}`, () => {
      const s = scorePage(p, t)
      assert.ok(Math.abs(s.precision - precision) < 1e-9, `precision ${s.precision}`)
      assert.ok(Math.abs(s.recall - recall) < 1e-9, `recall ${s.recall}`)
    })
  }

  it('averages per page, then takes F1 of the averages', () => {
    const a = aggregate([{ precision: 1, recall: 0.5 }, { precision: 0.5, recall: 0.5 }])
    assert.equal(a.precision, 0.75)
    assert.equal(a.recall, 0.5)
    assert.ok(Math.abs(a.f1 - 0.6) < 1e-9)
  })
})

describe('extraction floor on a fixed 20-page sample of the benchmark', () => {
  const dir = resolve('../shared/data/article-extraction')
  it('F1 ≥ 0.96', { skip: existsSync(dir) ? false : `${dir} missing` }, () => {
    const { score } = evaluateDir(dir, { limit: 20 })
    assert.equal(score.pages, 20)
    assert.ok(score.f1 >= 0.96, `F1 ${score.f1.toFixed(4)}`)
  })
})
