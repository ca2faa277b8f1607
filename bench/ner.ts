// `npm run bench -- ner [conll-file] [--repeat n]`: speed of tokenize + sentences + NER on one core over a fixed
// text (the CoNLL valid sentences re-joined with spaces, one paragraph per document), plus model load time and
// peak RSS. Each repeat is timed; the figure is the repeats after the first (steady state), the first is printed too.
// Falls back to the two seed articles repeated when the CoNLL file is missing. `--model dir` benches a
// model directory other than models/ner.
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { createDoc, withLayers } from '../src/doc/doc.js'
import type { Block } from '../src/doc/layers.js'
import { readConll } from '../src/stages/mentions/conll.js'
import { mentionsStage } from '../src/stages/mentions/index.js'
import { loadModels } from '../src/stages/mentions/tag.js'
import { sentencesStage } from '../src/stages/sentences/index.js'
import { tokensStage } from '../src/stages/tokens/index.js'

const DEFAULT_FILE = '../shared/data/conll2003/valid.txt'
const SEEDS = '../shared/seeds'

function corpus(file: string): string[] {
  if (existsSync(file)) return readConll(file).map((d) => d.map((s) => s.words.join(' ')).join('\n'))
  return readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(SEEDS, f), 'utf8'))
}

export async function run(args: string[]): Promise<void> {
  const ri = args.indexOf('--repeat')
  const mi = args.indexOf('--model')
  const file = args.find((a, i) => !a.startsWith('--') && (ri < 0 || i !== ri + 1) && (mi < 0 || i !== mi + 1)) ?? DEFAULT_FILE
  const repeat = ri >= 0 ? Number(args[ri + 1]) : 3
  const t0 = performance.now()
  loadModels(mi >= 0 ? args[mi + 1] : undefined)
  const loadMs = performance.now() - t0
  const docs = corpus(file).map((text) => {
    const d = createDoc(text)
    const blocks: Block[] = []
    let p = 0
    for (const line of d.text.split('\n')) {
      if (line.trim()) blocks.push({ start: p, end: p + line.length, type: 'body' })
      p += line.length + 1
    }
    return withLayers(d, { blocks })
  })
  // each repeat timed alone: the first runs while V8 is still optimising (cold), the others in steady state
  const rounds: { secs: number; tokens: number; mentions: number }[] = []
  for (let r = 0; r < repeat; r++) {
    let tokens = 0
    let mentions = 0
    const t1 = performance.now()
    for (const d of docs) {
      const out = mentionsStage.run(sentencesStage.run(tokensStage.run(d, {}), {}), {})
      tokens += out.layers.tokens?.length ?? 0
      mentions += out.layers.mentions?.length ?? 0
    }
    rounds.push({ secs: (performance.now() - t1) / 1000, tokens, mentions })
  }
  const steady = rounds.length > 1 ? rounds.slice(1) : rounds
  const sum = (k: 'secs' | 'tokens') => steady.reduce((a, x) => a + x[k], 0)
  const { tokens, mentions } = rounds[0]!
  const rss = process.resourceUsage().maxRSS / 1024
  console.log(`ner bench: ${docs.length} docs x ${repeat}, ${tokens} tokens, ${mentions} mentions per repeat`)
  console.log(`  tokenize + sentences + NER: ${Math.round(sum('tokens') / sum('secs'))} tokens/s (one core, repeats 2-${repeat}); first, cold repeat ${Math.round(rounds[0]!.tokens / rounds[0]!.secs)} tokens/s`)
  console.log(`  model load: ${loadMs.toFixed(0)} ms; peak RSS: ${rss.toFixed(0)} MB`)
}
