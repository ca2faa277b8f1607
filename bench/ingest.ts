// `npm run bench -- ingest [--count 3000]`: writes a few thousand article files generated from the data
// sets' texts into a temp folder, then times `engine.add(folder)` end to end (read, clean, full pipeline,
// SQLite store, relink) and reports articles per second and peak memory; then times the views over that store
// (a quotes query cold and warm, the dossier of the most-mentioned person) as the API serves them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEngine } from '../src/index.js'
import { openStore } from '../src/store/open-store.js'
import { entityDossier, listEntities, listQuotes } from '../src/views/index.js'
import { loadCorpus, peakRssMiB } from './corpus.js'

export async function run(args: string[]): Promise<void> {
  const i = args.indexOf('--count')
  const count = i >= 0 ? Number(args[i + 1]) : 3000
  const corpus = loadCorpus()
  const dir = mkdtempSync(join(tmpdir(), 'dossier-bench-'))
  try {
    const files = join(dir, 'articles')
    for (let n = 0; n < count; n++) {
      const src = corpus[n % corpus.length]!
      // A copy number keeps each generated file distinct, so every file is really processed and stored.
      const copy = Math.floor(n / corpus.length)
      const sub = join(files, String(Math.floor(n / 500)).padStart(3, '0'))
      if (n % 500 === 0) mkdirSync(sub, { recursive: true })
      writeFileSync(join(sub, `${String(n).padStart(5, '0')}.txt`), `${src.title}\n\n${src.text}${copy ? `\n\n(copy ${copy})` : ''}\n`)
      if (src.published) writeFileSync(join(sub, `${String(n).padStart(5, '0')}.txt.meta.json`), JSON.stringify({ published: src.published }))
    }
    const engine = await createEngine({ store: join(dir, 'bench.db') })
    const t0 = performance.now()
    const summary = await engine.add([files], { relink: false })
    const t1 = performance.now()
    await engine.relink()
    const t2 = performance.now()
    // the views over the stored corpus, as the API serves them: the first call reads the store, later ones reuse it
    const store = await openStore(join(dir, 'bench.db'))
    const t3 = performance.now()
    const quotes = await listQuotes(store, { limit: 20 })
    const t4 = performance.now()
    await listQuotes(store, { kind: 'direct', limit: 20 })
    const t5 = performance.now()
    const top = (await listEntities(store, { type: 'per', limit: 1 }))[0]
    const t6 = performance.now()
    if (top) await entityDossier(store, top.id)
    const t7 = performance.now()
    if (top) await entityDossier(store, top.id)
    const t8 = performance.now()
    await store.close()
    await engine.close()
    const secs = (t1 - t0) / 1000
    console.log(`ingest: ${summary.added.length} added, ${summary.duplicates.length} duplicates, ${summary.failed.length} failed`)
    console.log(`ingest: ${(summary.added.length / secs).toFixed(0)} articles/s (${secs.toFixed(1)} s for ${count} files; ${((summary.added.length / secs) * 60).toFixed(0)} per minute), relink ${((t2 - t1) / 1000).toFixed(1)} s, peak RSS ${peakRssMiB().toFixed(0)} MiB`)
    console.log(`views: first quotes query ${(t4 - t3).toFixed(0)} ms (reads the store: ${quotes.length} shown), next one ${(t5 - t4).toFixed(0)} ms; dossier of ${top?.name ?? '-'} (${top?.mentions ?? 0} mentions) ${(t7 - t6).toFixed(0)} ms first, ${(t8 - t7).toFixed(0)} ms again`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
