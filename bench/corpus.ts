// The benchmark corpus: real news texts from the data sets in ../shared/data (PolNeAR articles and
// ECB+ documents), read at run time and never copied into the repo. Deterministic order.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), '../../shared/data')

export interface BenchText { readonly title: string; readonly text: string; readonly published?: string }

export function loadCorpus(limit = Infinity): BenchText[] {
  const out: BenchText[] = []
  for (const split of ['train', 'dev']) {
    const dir = join(DATA, 'polnear', split)
    if (!existsSync(dir)) continue
    for (const f of readdirSync(dir).sort()) {
      if (out.length >= limit) return out
      const j = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { title: string; text: string; publication_date?: string }
      out.push({ title: j.title, text: j.text, published: j.publication_date })
    }
  }
  const ecb = join(DATA, 'ecbplus', 'docs.jsonl')
  if (existsSync(ecb)) {
    for (const line of readFileSync(ecb, 'utf8').split('\n')) {
      if (out.length >= limit) return out
      if (!line.trim()) continue
      const j = JSON.parse(line) as { first_line: string; text: string }
      out.push({ title: j.first_line, text: j.text })
    }
  }
  if (out.length === 0) throw new Error(`no benchmark texts found under ${DATA}`)
  return out
}

export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024
}
