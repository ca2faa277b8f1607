// Golden fixtures (test/golden/<name>/): the engine's output on each real-shaped article must match the
// reviewed expected/*.json. `npm test -- golden` runs them; scripts/update-golden.ts rewrites them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { GOLDEN_DIR, LAYERS, goldenNames, project, runGolden } from './golden/golden.js'

for (const name of goldenNames()) {
  test(`golden ${name}`, async (t) => {
    const out = project(await runGolden(name))
    for (const layer of LAYERS) {
      await t.test(layer, () => {
        const expected = JSON.parse(readFileSync(join(GOLDEN_DIR, name, 'expected', `${layer}.json`), 'utf8'))
        assert.deepEqual(JSON.parse(JSON.stringify(out[layer])), expected, `${name}/${layer} differs (scripts/update-golden.ts ${name} rewrites it after an intended change)`)
      })
    }
  })
}
