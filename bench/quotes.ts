// `npm run bench -- quotes [dir] [--n=200] [--rules] [--passes=1]`: articles/second for quotes.v1 alone on PolNeAR articles, with the
// upstream layers (tokens, sentences, mentions, entities) computed before the clock starts; --rules also times the
// stage with its learned tagger off, right after.
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
  const rounds = 5
  const chars = docs.reduce((x, d) => x + d.text.length, 0) / docs.length
  // with --rules the stage and its rules alone (tagger off) alternate round by round, so that both see the same load
  const variants: [string, (d: Doc) => number][] = args.includes('--rules') ? [['quotes.v1', stage], ['quotes.v1 rules only', rulesOnly]] : [['quotes.v1', stage]]
  // warm-up: one full round, so the timed rounds see compiled code and filled word caches (steady state)
  for (const [, run1] of variants) for (const d of docs) run1(d)
  const secs = variants.map(() => 0)
  const quotes = variants.map(() => 0)
  for (let r = 0; r < rounds; r++)
    variants.forEach(([, run1], v) => {
      const t0 = process.hrtime.bigint()
      for (const d of docs) quotes[v]! += run1(d)
      secs[v]! += Number(process.hrtime.bigint() - t0) / 1e9
    })
  variants.forEach(([name], v) => {
    console.log(`${name}: ${((rounds * docs.length) / secs[v]!).toFixed(0)} articles/s on one core (${docs.length} PolNeAR articles, mean ${chars.toFixed(0)} chars, ${rounds} rounds, ${(quotes[v]! / rounds).toFixed(0)} quotes/round)`)
  })
}
