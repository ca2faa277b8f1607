// Plain-text renderings of the views for the terminal. `--json` prints the views themselves instead.
import type { AddSummary, ReprocessSummary } from '../index.js'
import type { ArticleSummary, SearchHit } from '../store/store.js'
import type { ArticlePage, EntityDossier, EntitySummary, QuestionBoard, QuoteView, StorySummary, TimelineEntry } from '../views/index.js'

const WIDTH = 100

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim()
  return one.length > n ? `${one.slice(0, n - 1)}…` : one
}

function lines(xs: string[]): string {
  return xs.length ? `${xs.join('\n')}\n` : ''
}

const where = (a: { outlet: string | null; published: string | null; title?: string | null }) =>
  [a.outlet ?? 'unknown outlet', a.published ?? 'undated'].join(', ')

export function addSummary(s: AddSummary): string {
  const out: string[] = []
  for (const r of s.added) if (r.status === 'added') out.push(`added      ${r.id}  ${clip(r.title ?? r.input, 70)}`)
  for (const r of s.duplicates) if (r.status === 'duplicate') out.push(`duplicate  ${r.id}  ${clip(r.input, 70)} (already stored; nothing written)`)
  for (const r of s.failed) if (r.status === 'failed') out.push(`failed     ${r.input}: ${r.reason}`)
  out.push(`${s.added.length} added, ${s.duplicates.length} duplicates, ${s.failed.length} failed`)
  return lines(out)
}

export function linkCounts(c: { entities: number; questions: number; stories: number }): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`
  return `${n(c.entities, 'linked entity', 'linked entities')}, ${n(c.questions, 'question', 'questions')}, ${n(c.stories, 'story', 'stories')}\n`
}

export function reprocessSummary(s: ReprocessSummary): string {
  const out = s.failed.map((f) => `failed     ${f.id}: ${f.reason} (its earlier annotations stay)`)
  out.push(`${s.reprocessed.length} reprocessed, ${s.failed.length} failed`)
  return lines(out)
}

export function articleList(list: readonly ArticleSummary[]): string {
  if (list.length === 0) return 'no articles stored yet (dossier add <paths|urls>)\n'
  return lines(list.map((a) => `${a.id}  ${(a.published ?? 'undated').slice(0, 10).padEnd(10)}  ${clip(a.outlet ?? '', 18).padEnd(18)}  ${clip(a.title ?? a.sourcePath ?? a.url ?? '', 60)}`))
}

export function articleView(p: ArticlePage): string {
  const a = p.article
  const out = [
    a.title ?? '(untitled)',
    `${where(a)} · language ${a.language ?? '?'}${a.originalSource ? ` · originally ${a.originalSource}${a.originalAuthor ? ` by ${a.originalAuthor}` : ''}` : ''}`,
    `${a.url ?? a.sourcePath ?? ''}`,
    '',
  ]
  for (const b of p.blocks) out.push(`[${b.type}] ${b.text}${b.credit ? `\n    credit: ${b.credit}` : ''}`)
  out.push('', `${p.entities.length} entities, ${p.quotes.length} quotes, ${p.events.length} dated events, ${p.assessments.length} assessments`)
  return lines(out)
}

export function searchHits(hits: readonly SearchHit[]): string {
  if (hits.length === 0) return 'no matches\n'
  return lines(hits.flatMap((h) => [`${h.article.id}  ${clip(h.article.title ?? '', 70)}  (${where(h.article)})`, `    ${h.snippet.replace(/\s+/g, ' ')}`]))
}

export function entityList(list: readonly EntitySummary[]): string {
  if (list.length === 0) return 'no entities\n'
  return lines(list.map((e) => `${e.type.padEnd(4)} ${clip(e.name, 40).padEnd(40)} ${String(e.mentions).padStart(4)} mentions in ${e.articles} article${e.articles === 1 ? '' : 's'}${e.aliases.length ? `  (also ${clip(e.aliases.join(', '), 40)})` : ''}`))
}

export function quoteLine(q: QuoteView): string {
  const to = q.medium ? `, to ${q.medium}` : ''
  const cue = q.cue ? `, "${q.cue}"${q.cueType ? ` ${q.cueType}` : ''}` : ''
  return `${q.speakerName ?? 'unresolved'} [${q.kind}${cue}${to}] ${where(q.article)}\n    ${clip(q.text, WIDTH)}`
}

export function quoteList(list: readonly QuoteView[]): string {
  return list.length ? lines(list.map(quoteLine)) : 'no quotes\n'
}

export function timelineView(list: readonly TimelineEntry[]): string {
  if (list.length === 0) return 'no dated events\n'
  return lines(list.map((e) => {
    const srcs = e.sources.map((s) => s.article.outlet ?? s.article.id).join(' + ')
    return `${(e.date ?? 'undated').padEnd(10)}  ${(e.precision ?? '').padEnd(13)} ${e.status.padEnd(12)} ${clip(e.text, 70)}  [${srcs}]`
  }))
}

export function board(list: readonly QuestionBoard[]): string {
  if (list.length === 0) return 'no assessments\n'
  const out: string[] = []
  for (const q of list) {
    out.push(`? ${q.text}`, `  leaning ${q.leaning}; spread ${q.spread.low ?? '-'} … ${q.spread.high ?? '-'}${q.spread.uncertain ? `, ${q.spread.uncertain} uncertain` : ''}`)
    for (const h of q.holders) {
      for (const a of h.assessments) {
        // The answer to the question first; the band of the statement as worded where it reads the other way.
        const band = a.answer === a.band ? a.answer : `${a.answer} (${a.band} as worded)`
        out.push(`    ${clip(h.name, 24).padEnd(24)} ${band.padEnd(28)} ${clip(`${a.cue}: ${a.proposition}`, 60)}  [${where(a.article)}]`)
      }
    }
    out.push('')
  }
  return lines(out)
}

export function dossier(d: EntityDossier): string {
  const out = [`${d.name} (${d.type}, ${d.id})`, `  ${d.mentions} mentions in ${d.articles} articles`]
  if (d.names.length > 1) out.push(`  names seen: ${d.names.map((n) => `${n.text} ×${n.count}`).join(', ')}`)
  if (d.merges.length) out.push(`  identity: ${d.merges.join('; ')}`)
  if (d.attributes.length) {
    out.push('', 'Attributes')
    for (const a of d.attributes) out.push(`  ${a.name}: ${a.value}  (per ${a.sources.map((s) => where(s.article)).join('; ')})`)
  }
  if (d.quotesBy.length) {
    out.push('', 'Said')
    for (const q of d.quotesBy) out.push(`  ${quoteLine(q).replace(/\n/g, '\n  ')}`)
  }
  if (d.assessments.length) {
    out.push('', 'Assessments')
    for (const a of d.assessments) out.push(`  ${a.band.padEnd(20)} ${clip(a.proposition, 70)}  [${where(a.article)}]`)
  }
  if (d.timeline.length) {
    out.push('', 'Timeline')
    for (const e of d.timeline) out.push(`  ${(e.date ?? 'undated').padEnd(10)} ${clip(e.text, 80)}`)
  }
  if (d.quotesAbout.length) out.push('', `Quoted about them: ${d.quotesAbout.length} quotes (dossier quotes --about "${d.name}")`)
  out.push('', 'Articles')
  for (const a of d.articleList) out.push(`  ${a.id}  ${where(a)}  ${clip(a.title ?? '', 60)}`)
  return lines(out)
}

export function stories(list: readonly StorySummary[]): string {
  if (list.length === 0) return 'no stories\n'
  return lines(list.flatMap((s) => [`${s.id}  ${clip(s.title, 70)}  (${s.articles.length} articles, ${s.from ?? '?'} … ${s.to ?? '?'})`, ...s.articles.map((a) => `    ${a.id}  ${where(a)}  ${clip(a.title ?? '', 50)}`)]))
}
