// `npm run bench -- quotes [dir] [--n=84] [--warmup=5] [--rounds=10] [--rules] [--passes=1]`: articles/second for
// quotes.v1 alone on PolNeAR articles, with the upstream layers (tokens, sentences, mentions, entities) computed
// before the clock starts. The stage is timed in steady state, as a batch of thousands of articles runs: `warmup`
// rounds over the articles first (V8 optimises the stage's code over its first few hundred articles), then
// `rounds` timed rounds, reported as articles over total time (garbage collection included), with the slowest and
// fastest round and the first, cold round. --rules also times the stage with its learned tagger off, alternating.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createDoc, layer, withLayers, type Doc } from '../src/doc/doc.js'
import { createPipeline } from '../src/pipeline/pipeline.js'
import { DEFAULT_DIR, paragraphBlocks } from '../src/eval/quotes.js'
import { tokensStage } from '../src/stages/tokens/index.js'
import { sentencesStage } from '../src/stages/sentences/index.js'
import { mentionsStage } from '../src/stages/mentions/index.js'
import { entitiesStage } from '../src/stages/entities/index.js'
import { attribute, createQuotesStage } from '../src/stages/quotes/index.js'

export async function run(args: string[]): Promise<void> {
  const dir = resolve(args.find((a) => !a.startsWith('--')) ?? DEFAULT_DIR)
  const n = Number(args.find((a) => a.startsWith('--n='))?.slice(4) ?? 84)
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().slice(0, n)
  const upstream = createPipeline([tokensStage, sentencesStage, mentionsStage, entitiesStage], { given: ['blocks'] })
  const docs: Doc[] = files.map((f) => {
    const a = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { id: string; text: string }
    const d = createDoc(a.text, {}, a.id)
    return upstream.run(withLayers(d, { blocks: paragraphBlocks(d.text) }))
  })
  const rulesOnly = (d: Doc): number =>
    attribute({ text: d.text, blocks: layer(d, 'blocks'), sentences: layer(d, 'sentences'), mentions: layer(d, 'mentions'), entities: layer(d, 'entities'), tagger: null }).length
  // --passes=1: the tagger's first pass alone (the stage's default adds the stacked second pass)
  const quotesStage = createQuotesStage(args.includes('--passes=1') ? { passes: 1 } : {})
  const stage = (d: Doc): number => quotesStage.run(d, {}).layers.quotes!.length
  const warmup = Number(args.find((a) => a.startsWith('--warmup='))?.slice(9) ?? 5)
  const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 10)
  const chars = docs.reduce((x, d) => x + d.text.length, 0) / docs.length
  // with --rules the stage and its rules alone (tagger off) alternate round by round, so that both see the same load
  const variants: [string, (d: Doc) => number][] = args.includes('--rules') ? [['quotes.v1', stage], ['quotes.v1 rules only', rulesOnly]] : [['quotes.v1', stage]]
  const timeRound = (run1: (d: Doc) => number): { secs: number; quotes: number } => {
    let quotes = 0
    const t0 = process.hrtime.bigint()
    for (const d of docs) quotes += run1(d)
    return { secs: Number(process.hrtime.bigint() - t0) / 1e9, quotes }
  }
  const cold = variants.map(([, run1]) => timeRound(run1).secs)
  for (let r = 1; r < warmup; r++) for (const [, run1] of variants) timeRound(run1)
  const times = variants.map((): number[] => [])
  const quotes = variants.map(() => 0)
  for (let r = 0; r < rounds; r++)
    variants.forEach(([, run1], v) => {
      const t = timeRound(run1)
      times[v]!.push(t.secs)
      quotes[v] = t.quotes
    })
  const rate = (secs: number): string => (docs.length / secs).toFixed(0)
  variants.forEach(([name], v) => {
    const ts = times[v]!
    const total = ts.reduce((a, b) => a + b, 0)
    console.log(
      `${name}: ${((rounds * docs.length) / total).toFixed(0)} articles/s on one core (${docs.length} PolNeAR articles, mean ${chars.toFixed(0)} chars, ${quotes[v]} quotes per round; ` +
        `${rounds} rounds after ${warmup} warm-up rounds: slowest ${rate(Math.max(...ts))}, fastest ${rate(Math.min(...ts))}; first, cold round ${rate(cold[v]!)})`,
    )
  })
}
