// Speed of the late stages (dates, events, assessments) on fixed texts: the two seed articles, run through the
// upstream stages once, then the three late stages many times. Usage:
//   node --import tsx bench/pipeline-late.ts [seedsDir] [iterations]
// (not in bench/run.ts's list, which this file does not edit; `run(args)` has the same shape).
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDoc } from '../src/doc/doc.js'
import type { Doc } from '../src/doc/doc.js'
import { createPipeline } from '../src/pipeline/pipeline.js'
import { defaultStages } from '../src/pipeline/registry.js'
import { datesStage } from '../src/stages/dates/index.js'
import { eventsStage } from '../src/stages/events/index.js'
import { assessmentsStage } from '../src/stages/assessments/index.js'

const ROOT = resolve(fileURLToPath(import.meta.url), '../..')
const LATE = new Set([datesStage.name, eventsStage.name, assessmentsStage.name])

export async function run(args: string[]): Promise<void> {
  const dir = args[0] ?? join(ROOT, '../shared/seeds')
  const iterations = Number(args[1] ?? 300)
  const early = createPipeline(defaultStages().filter((s) => !LATE.has(s.name)))
  const docs: Doc[] = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => early.run(createDoc(readFileSync(join(dir, f), 'utf8'), { published: '2023-01-25' })))
  const ctx = {}
  let n = 0
  // warm-up
  for (const d of docs) assessmentsStage.run(eventsStage.run(datesStage.run(d, ctx), ctx), ctx)
  const t0 = process.hrtime.bigint()
  const per = { dates: 0n, events: 0n, assessments: 0n }
  for (let i = 0; i < iterations; i++) {
    for (const d of docs) {
      const a = process.hrtime.bigint()
      const d1 = datesStage.run(d, ctx)
      const b = process.hrtime.bigint()
      const d2 = eventsStage.run(d1, ctx)
      const c = process.hrtime.bigint()
      assessmentsStage.run(d2, ctx)
      const e = process.hrtime.bigint()
      per.dates += b - a
      per.events += c - b
      per.assessments += e - c
      n++
    }
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9
  const ms = (x: bigint): string => (Number(x) / 1e6 / n).toFixed(3)
  console.log(`late stages: ${n} articles in ${secs.toFixed(2)} s = ${(n / secs).toFixed(0)} articles/s on one core`)
  console.log(`per article: dates ${ms(per.dates)} ms, events ${ms(per.events)} ms, assessments ${ms(per.assessments)} ms`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await run(process.argv.slice(2))
