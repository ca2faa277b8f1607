// `node --import tsx scripts/update-golden.ts [name...]`: rewrites test/golden/<name>/expected/*.json from
// the engine's current output. Run it after an intended behaviour change and read the diff before committing.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { GOLDEN_DIR, LAYERS, goldenNames, project, runGolden } from '../test/golden/golden.js'

for (const name of goldenNames(process.argv.slice(2))) {
  const out = project(await runGolden(name))
  const dir = join(GOLDEN_DIR, name, 'expected')
  mkdirSync(dir, { recursive: true })
  for (const layer of LAYERS) writeFileSync(join(dir, `${layer}.json`), `${JSON.stringify(out[layer], null, 2)}\n`)
  console.log(`updated ${name}`)
}
