// Golden fixtures: one folder per article (test/golden/<publisher>-<n>/ with source.html or source.txt and
// meta.json). `project()` turns the engine's output into small, pretty, reviewable JSON per layer;
// scripts/update-golden.ts writes them to expected/, test/golden.test.ts compares. A changed expected file
// is a behaviour change a reviewer reads in the diff.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Doc } from '../../src/doc/doc.js'
import { ingest } from '../../src/ingest/index.js'
import { createPipeline } from '../../src/pipeline/pipeline.js'
import { defaultStages } from '../../src/pipeline/registry.js'
import { withLayers, createDoc } from '../../src/doc/doc.js'

export const GOLDEN_DIR = resolve(import.meta.dirname)
export const LAYERS = ['blocks', 'entities', 'quotes', 'dates', 'events', 'assessments'] as const

export function goldenNames(filter: readonly string[] = []): string[] {
  return readdirSync(GOLDEN_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && (filter.length === 0 || filter.some((f) => d.name.includes(f))))
    .map((d) => d.name)
    .sort()
}

export async function runGolden(name: string): Promise<Doc> {
  const dir = join(GOLDEN_DIR, name)
  const source = ['source.html', 'source.txt'].map((f) => join(dir, f)).find(existsSync)
  if (!source) throw new Error(`${dir}: no source.html or source.txt`)
  const meta = existsSync(join(dir, 'meta.json')) ? JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) : {}
  for await (const item of ingest([source], { overrides: meta })) {
    if (!item.ok) throw new Error(item.reason)
    let doc = createDoc(item.article.text, item.article.meta)
    if (item.article.blocks?.length) doc = withLayers(doc, { blocks: item.article.blocks })
    return createPipeline(defaultStages()).run(doc)
  }
  throw new Error(`${source}: nothing ingested`)
}

/** The reviewable projection of each layer: what a reader checks, without offsets that shift on every edit. */
export function project(doc: Doc): Record<(typeof LAYERS)[number], unknown> {
  const L = doc.layers
  const ents = L.entities ?? []
  const name = (i: number | null | undefined) => (i === null || i === undefined ? null : ents[i]?.name ?? null)
  return {
    blocks: {
      meta: { title: doc.meta.title ?? null, outlet: doc.meta.outlet ?? null, published: doc.meta.published ?? null, author: doc.meta.author ?? null, language: doc.meta.language ?? null, originalSource: doc.meta.originalSource ?? null },
      blocks: (L.blocks ?? []).map((b) => ({ type: b.type, text: doc.text.slice(b.start, b.end), ...(b.credit ? { credit: b.credit.text } : {}) })),
    },
    entities: ents.map((e) => ({ type: e.type, name: e.name, aliases: e.aliases, mentions: e.mentions.length, attributes: e.attributes.map((a) => `${a.name}=${a.value}`) })),
    quotes: (L.quotes ?? []).map((q) => ({ kind: q.kind, speaker: q.speakerName, entity: name(q.speakerEntity), mention: q.speakerMention?.text ?? null, cue: q.cue?.text ?? null, cueType: q.cue?.type ?? null, medium: q.medium?.text ?? null, text: q.text })),
    dates: (L.dates ?? []).map((d) => ({ text: d.text, value: d.value, precision: d.precision, ...(d.from ? { from: d.from } : {}), ...(d.to ? { to: d.to } : {}), source: d.source })),
    events: (L.events ?? []).map((e) => ({ date: L.dates?.[e.date]?.value ?? null, status: e.status, actors: e.actors.map((a) => name(a)), text: e.text })),
    assessments: (L.assessments ?? []).map((a) => ({ band: a.band, holder: a.holderName, cue: a.cue.text, proposition: a.proposition, ...(a.horizon ? { horizon: a.horizon } : {}) })),
  }
}
