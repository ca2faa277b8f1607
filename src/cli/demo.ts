// `dossier demo`: the seed articles into a fresh store, then a readable brief built from the export (the
// same contract outside users check), so the demo shows exactly what the engine stored.
import { existsSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEngine } from '../index.js'
import { exportStore } from '../export/export.js'
import type { DossierExport } from '../export/export.js'

/** The seeds do not print their publication dates or outlets; these are the ones seeds.gold.json gives. */
const SEEDS: readonly { file: string; published: string; outlet: string }[] = [
  { file: '000_06a180936c1edba8.txt', published: '2022-12-20', outlet: '24 Instant News' },
  { file: '001_62731dfbc728bfa7.txt', published: '2023-01-25', outlet: 'watson' },
]

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const DEFAULT_SEEDS_DIR = resolve(REPO, '../shared/seeds')

export interface Brief {
  readonly articles: DossierExport['articles']
  readonly people: { name: string; aliases: string[]; attributes: string[]; quotes: number }[]
  readonly quotes: { speaker: string; kind: string; text: string; medium: string | null; article: string }[]
  readonly timeline: { date: string; precision: string; status: string; text: string; outlet: string }[]
  readonly questions: { text: string; holders: { name: string; band: string; outlet: string; published: string | null }[]; leaning: string | null }[]
  readonly stories: { title: string; articles: string[]; provenance: string[] }[]
}

export async function runDemo(opts: { db: string; seedsDir?: string | undefined }): Promise<{ brief: Brief; failed: number }> {
  const dir = opts.seedsDir ?? DEFAULT_SEEDS_DIR
  if (!existsSync(dir)) throw new Error(`seed folder not found: ${dir} (pass --seeds DIR)`)
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${opts.db}${suffix}`, { force: true })
  const engine = await createEngine({ store: opts.db })
  let failed = 0
  try {
    for (const seed of SEEDS) {
      const s = await engine.add([join(dir, seed.file)], { overrides: { published: seed.published, outlet: seed.outlet }, relink: false })
      for (const f of s.failed) process.stderr.write(`demo: ${f.input}: ${f.status === 'failed' ? f.reason : ''}\n`)
      failed += s.failed.length
    }
    await engine.relink()
    return { brief: briefFrom(await exportStore(engine.store)), failed }
  } finally {
    await engine.close()
  }
}

const BAND_ORDER = ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain']

export function briefFrom(x: DossierExport): Brief {
  const article = new Map(x.articles.map((a) => [a.id, a]))
  const entity = new Map(x.entities.map((e) => [e.id, e]))
  const quoteCount = new Map<string, number>()
  for (const q of x.quotes) if (q.speaker_entity) quoteCount.set(q.speaker_entity, (quoteCount.get(q.speaker_entity) ?? 0) + 1)
  const people = x.entities
    .filter((e) => e.type === 'PER')
    .map((e) => ({
      name: e.name,
      aliases: e.aliases.filter((a) => a !== e.name),
      attributes: [...new Set(e.attributes.map((a) => `${a.name}: ${a.value}`))],
      quotes: quoteCount.get(e.id) ?? 0,
      mentions: e.mentions.length,
    }))
    .sort((a, b) => b.quotes - a.quotes || b.mentions - a.mentions)
    .map(({ mentions: _m, ...rest }) => rest)
  const quotes = x.quotes.map((q) => ({
    speaker: q.speaker_name ?? 'unresolved',
    kind: q.kind,
    text: q.text,
    medium: q.medium ?? null,
    article: article.get(q.article)?.outlet ?? q.article,
  }))
  const timeline = x.events
    .filter((e) => e.date !== null)
    .map((e) => ({ date: e.date ?? '', precision: e.precision ?? '', status: e.status, text: e.text, outlet: article.get(e.article)?.outlet ?? e.article }))
    .sort((a, b) => a.date.localeCompare(b.date))
  const assessment = new Map(x.assessments.map((a) => [a.id, a]))
  const questions = x.questions.map((q) => {
    const holders = q.assessments
      .map((id) => assessment.get(id))
      .filter((a) => a !== undefined)
      .map((a) => ({
        name: a.holder_name ?? (a.holder_entity ? entity.get(a.holder_entity)?.name : undefined) ?? 'unresolved',
        band: a.band,
        outlet: article.get(a.article)?.outlet ?? a.article,
        published: article.get(a.article)?.published ?? null,
      }))
    const ranks = holders.map((h) => BAND_ORDER.indexOf(h.band)).filter((i) => i >= 0).sort((a, b) => a - b)
    const leaning = ranks.length ? BAND_ORDER[ranks[Math.floor((ranks.length - 1) / 2)]!] ?? null : null
    return { text: q.text, holders, leaning }
  })
  const stories = x.stories.map((s) => ({
    title: s.title,
    articles: s.articles.map((id) => article.get(id)?.title ?? id),
    provenance: s.provenance.map((p) => `${article.get(p.article)?.outlet ?? p.article} ← ${p.origin.startsWith('outlet:') ? p.origin.slice(7) : article.get(p.origin)?.outlet ?? p.origin} (${p.reason})`),
  }))
  return { articles: x.articles, people, quotes, timeline, questions, stories }
}

export function printBrief(b: Brief, db: string): string {
  const lines: string[] = []
  const h = (t: string) => lines.push('', t, '─'.repeat(Math.min(t.length, 78)))
  h('ARTICLES')
  for (const a of b.articles) {
    const lead = a.blocks.find((x) => x.type === 'body')?.text ?? ''
    lines.push(`• ${a.title ?? `(no headline) ${lead.length > 70 ? `${lead.slice(0, 69)}…` : lead}`}`)
    const origin = a.original_source ? `, originally ${a.original_source}${a.original_author ? ` by ${a.original_author}` : ''}` : ''
    lines.push(`  ${a.outlet ?? 'unknown outlet'}, ${a.published ?? 'undated'}, language ${a.language ?? '?'}${origin}`)
    const captions = a.blocks.filter((x) => x.type === 'caption').length
    const other = a.blocks.filter((x) => !['body', 'headline', 'subhead', 'caption'].includes(x.type)).map((x) => x.type)
    lines.push(`  ${a.blocks.length} blocks: ${captions} captions set apart${other.length ? `, also ${[...new Set(other)].join(', ')}` : ''}`)
  }
  h('PEOPLE')
  for (const p of b.people) {
    lines.push(`• ${p.name}${p.aliases.length ? ` (also ${p.aliases.join(', ')})` : ''}${p.quotes ? `: ${p.quotes} quote${p.quotes === 1 ? '' : 's'}` : ''}`)
    if (p.attributes.length) lines.push(`  ${p.attributes.join('; ')}`)
  }
  h('WHO SAID WHAT')
  for (const q of b.quotes) {
    const text = q.text.length > 110 ? `${q.text.slice(0, 107)}…` : q.text
    lines.push(`• ${q.speaker} [${q.kind}${q.medium ? `, to ${q.medium}` : ''}; ${q.article}]: ${text}`)
  }
  h('TIMELINE')
  for (const e of b.timeline) {
    const text = e.text.length > 90 ? `${e.text.slice(0, 87)}…` : e.text
    lines.push(`• ${e.date.padEnd(10)} (${e.precision}, ${e.status}) ${text}  [${e.outlet}]`)
  }
  h('WHERE THE EXPERTS STAND')
  for (const q of b.questions) {
    lines.push(`? ${q.text}${q.leaning ? `  → leaning ${q.leaning}` : ''}`)
    for (const x of q.holders) lines.push(`    ${x.name.padEnd(24)} ${x.band.padEnd(20)} ${x.outlet}${x.published ? `, ${x.published}` : ''}`)
  }
  h('STORIES')
  for (const s of b.stories) {
    lines.push(`• ${s.title} (${s.articles.length} articles)`)
    for (const p of s.provenance) lines.push(`    ${p}`)
  }
  lines.push('', `Stored in ${db}. Explore: npx dossier entity Leukavets --db ${db} · npx dossier serve --db ${db}`, '')
  return lines.join('\n')
}
