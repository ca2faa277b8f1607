// `npm run bench -- pipeline [--count 1000]`: the full default pipeline over real news texts, in memory,
// with time per stage, so a slow stage shows up by name. One core; no store.
import { createDoc } from '../src/doc/doc.js'
import { defaultStages } from '../src/pipeline/registry.js'
import { loadCorpus, peakRssMiB } from './corpus.js'

export async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--count')
  const count = i >= 0 ? Number(args[i + 1]) : 1000
  const corpus = loadCorpus(count)
  const stages = defaultStages()
  const time = new Map(stages.map((s) => [s.name, 0]))
  let chars = 0
  const t0 = performance.now()
  for (const t of corpus) {
    let doc = createDoc(`${t.title}\n\n${t.text}`, t.published ? { published: t.published } : {})
    chars += doc.text.length
    for (const s of stages) {
      const a = performance.now()
      doc = s.run(doc, {})
      time.set(s.name, time.get(s.name)! + performance.now() - a)
    }
  }
  const secs = (performance.now() - t0) / 1000
  console.log(`pipeline: ${corpus.length} articles (${(chars / corpus.length).toFixed(0)} chars avg) in ${secs.toFixed(2)} s = ${(corpus.length / secs).toFixed(0)} articles/s, ${((corpus.length / secs) * 60).toFixed(0)}/min; peak RSS ${peakRssMiB().toFixed(0)} MiB`)
  for (const [name, ms] of time) console.log(`  ${name.padEnd(16)} ${(ms / 1000).toFixed(2)} s  ${(corpus.length / (ms / 1000)).toFixed(0)} articles/s`)
}
