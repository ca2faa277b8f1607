// `npm run eval -- seeds [gold.json] [--json]`: runs the whole engine on the seed articles and scores the
// export against ../shared/acceptance/seeds.gold.json: blocks, entities and attributes, quotes, timeline,
// assessments, cross-article identities and the question consensus. It reads only the export, the
// contract outside users check.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createEngine } from '../index.js'
import { exportStore, type DossierExport } from '../export/export.js'
import { openSqliteStore } from '../store/sqlite/store.js'

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const DEFAULT_GOLD = resolve(REPO, '../shared/acceptance/seeds.gold.json')

interface GoldEntity { type: string; name: string; aliases?: string[]; age?: number; role_any?: string[]; affiliation?: string; affiliation_any?: string[] }
interface GoldQuote { speaker: string; kind: string; fragment: string; medium?: string }
interface GoldArticle {
  file: string; published: string; outlet: string; original_source?: string; original_author?: string
  not_body?: string[]; headlines?: string[]; captions?: string[]
  entities: GoldEntity[]; quotes: GoldQuote[]
  timeline: { when: string; what_fragment: string }[]
  assessments: { holder: string; fragment: string; likelihood: string; accept: string[]; question?: string }[]
}
interface Gold { articles: GoldArticle[]; across: { same_story: string[]; same_entity: [string, string][]; question_consensus: { holders: string[]; leaning: string } } }

/** Case-insensitive, curly/straight quotes folded, diacritics and runs of space folded: the gold file's rule. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’‚‛´`]/g, "'").replace(/[“”„‟«»]/g, '"').replace(/\s+/g, ' ').toLowerCase().trim()
}

export interface Check { readonly what: string; readonly ok: boolean; readonly detail?: string }
export interface SeedsReport {
  readonly sections: Record<string, { passed: number; total: number; failures: string[] }>
  readonly quotes: { gold: number; found: number; right_speaker: number; right_kind: number; wrong_speaker: number; predicted: number }
  readonly precision: number
  readonly recall: number
  readonly f1: number
}

export async function scoreSeeds(goldPath = DEFAULT_GOLD): Promise<SeedsReport> {
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold
  const seedsDir = resolve(dirname(goldPath), '../seeds')
  const engine = await createEngine({ store: openSqliteStore(':memory:') })
  await engine.store.migrate()
  const idByFile = new Map<string, string>()
  for (const a of gold.articles) {
    const s = await engine.add([join(seedsDir, a.file)], { overrides: { published: a.published, outlet: a.outlet }, relink: false })
    const r = s.added[0] ?? s.duplicates[0]
    if (r && r.status !== 'failed') idByFile.set(a.file, r.id)
  }
  await engine.relink()
  const x = await exportStore(engine.store)
  await engine.close()
  return scoreExport(gold, x, idByFile)
}

export function scoreExport(gold: Gold, x: DossierExport, idByFile: Map<string, string>): SeedsReport {
  const sections: SeedsReport['sections'] = {}
  const check = (section: string, what: string, ok: boolean, detail?: string) => {
    const s = (sections[section] ??= { passed: 0, total: 0, failures: [] })
    s.total++
    if (ok) s.passed++
    else s.failures.push(detail ? `${what}: ${detail}` : what)
  }
  const names = (e: DossierExport['entities'][number]) => [e.name, ...e.aliases].map(fold)
  const entityNamed = (name: string, type?: string) =>
    x.entities.filter((e) => (!type || e.type === type) && names(e).includes(fold(name)))
  const lastWord = (s: string) => s.split(' ').pop() ?? s
  /** Right speaker: the resolved entity carries the gold name (or its surname as its own), or the speaker text names it. */
  const isSpeaker = (goldName: string, q: { speaker_entity: string | null; speaker_name: string | null }) => {
    const g = fold(goldName)
    const e = q.speaker_entity ? x.entities.find((en) => en.id === q.speaker_entity) : undefined
    if (e && (names(e).includes(g) || lastWord(fold(e.name)) === lastWord(g))) return true
    return !e && q.speaker_name !== null && (fold(q.speaker_name).includes(g) || g.includes(fold(q.speaker_name)))
  }
  let found = 0, rightSpeaker = 0, rightKind = 0, goldQuotes = 0, predicted = 0
  const matchedQuotes = new Set<string>()

  for (const ga of gold.articles) {
    const id = idByFile.get(ga.file)
    const art = x.articles.find((a) => a.id === id)
    check('articles', `${ga.file} stored`, !!art)
    if (!art) continue
    const body = art.blocks.filter((b) => b.type === 'body').map((b) => fold(b.text))
    const typed = (types: string[]) => art.blocks.filter((b) => types.includes(b.type)).map((b) => fold(b.text))
    if (ga.original_source) check('blocks', `${ga.file} original_source`, fold(art.original_source ?? '') === fold(ga.original_source), `got ${art.original_source}`)
    if (ga.original_author) check('blocks', `${ga.file} original_author`, fold(art.original_author ?? '') === fold(ga.original_author), `got ${art.original_author}`)
    for (const nb of ga.not_body ?? []) check('blocks', `not in body: "${nb}"`, !body.some((b) => b.includes(fold(nb))))
    for (const h of ga.headlines ?? []) check('blocks', `headline/subhead: "${h}"`, typed(['headline', 'subhead']).some((b) => b === fold(h) || b.includes(fold(h))))
    for (const c of ga.captions ?? []) check('blocks', `caption: "${c.slice(0, 40)}…"`, typed(['caption']).some((b) => b === fold(c)))

    const local = x.entities.filter((e) => e.mentions.some((m) => m.article === id))
    for (const ge of ga.entities) {
      const cands = local.filter((e) => e.type === ge.type && (names(e).includes(fold(ge.name)) || (ge.aliases ?? []).some((a) => names(e).includes(fold(a)))))
      const e = cands.find((c) => fold(c.name) === fold(ge.name)) ?? cands[0]
      check('entities', `${ge.type} ${ge.name}`, !!e, cands.length ? undefined : 'not found with this type')
      if (!e) continue
      check('entities', `${ge.name} canonical name`, fold(e.name) === fold(ge.name), `got "${e.name}"`)
      const attrs = e.attributes.filter((a) => a.article === id)
      if (ge.age !== undefined) check('attributes', `${ge.name} age ${ge.age}`, attrs.some((a) => a.name === 'age' && Number(a.value) === ge.age))
      if (ge.role_any) check('attributes', `${ge.name} role`, attrs.some((a) => a.name === 'role' && ge.role_any!.some((r) => fold(a.value).includes(fold(r)) || fold(r).includes(fold(a.value)))), `got ${attrs.filter((a) => a.name === 'role').map((a) => a.value).join(' | ') || 'none'}`)
      const affs = ge.affiliation_any ?? (ge.affiliation ? [ge.affiliation] : [])
      if (affs.length) check('attributes', `${ge.name} affiliation`, e.attributes.some((a) => a.name === 'affiliation' && affs.some((f) => fold(a.value).includes(fold(f)))), `got ${e.attributes.filter((a) => a.name === 'affiliation').map((a) => a.value).join(' | ') || 'none'}`)
    }

    const quotes = x.quotes.filter((q) => q.article === id)
    predicted += quotes.length
    // the issue's rule: scare quotes and quoted names (“Wagner Group”, “Mozart”) are not quotes
    for (const q of quotes) {
      const words = q.text.replace(/[“”„"«»‘’'.,]/g, ' ').trim().split(/\s+/).filter(Boolean)
      const nameOnly = words.length > 0 && words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w))
      if (nameOnly) check('quotes', `no quoted name reported as a quote`, false, `got ${q.text}`)
    }
    for (const gq of ga.quotes) {
      goldQuotes++
      const f = fold(gq.fragment)
      const q = quotes.find((p) => fold(p.text).includes(f) || (f.includes(fold(p.text)) && p.text.length >= f.length * 0.5))
      check('quotes', `"${gq.fragment.slice(0, 50)}" found`, !!q)
      if (!q) continue
      found++
      matchedQuotes.add(q.id)
      const sp = isSpeaker(gq.speaker, q)
      if (sp) rightSpeaker++
      check('quotes', `"${gq.fragment.slice(0, 50)}" speaker ${gq.speaker}`, sp, `got ${q.speaker_name ?? 'unresolved'}`)
      if (q.kind === gq.kind) rightKind++
      check('quote kinds', `"${gq.fragment.slice(0, 50)}" ${gq.kind}`, q.kind === gq.kind, `got ${q.kind}`)
      if (gq.medium) check('quotes', `"${gq.fragment.slice(0, 40)}" medium ${gq.medium}`, fold(q.medium ?? '').includes(fold(gq.medium)), `got ${q.medium ?? 'none'}`)
    }

    const events = x.events.filter((e) => e.article === id)
    for (const gt of ga.timeline) {
      const f = fold(gt.what_fragment)
      const hits = events.filter((e) => fold(e.text).includes(f) || f.includes(fold(e.text)))
      const ok = hits.some((e) => e.date === gt.when)
      check('timeline', `${gt.when} "${gt.what_fragment}"`, ok, hits.length ? `got ${hits.map((e) => `${e.date} (${e.precision})`).join(', ')}` : 'no event')
    }

    const assessments = x.assessments.filter((a) => a.article === id)
    for (const gs of ga.assessments) {
      const f = fold(gs.fragment)
      const hits = assessments.filter((a) => {
        const p = fold(a.proposition)
        return p.includes(f) || f.includes(p) || fold(a.cue + ' ' + a.proposition).includes(f)
      })
      const a = hits.find((h) => gs.accept.includes(h.band)) ?? hits[0]
      check('assessments', `"${gs.fragment.slice(0, 45)}" found`, !!a)
      if (!a) continue
      check('assessments', `"${gs.fragment.slice(0, 45)}" band`, gs.accept.includes(a.band), `got ${a.band}`)
      check('assessments', `"${gs.fragment.slice(0, 45)}" holder ${gs.holder}`, isSpeaker(gs.holder, { speaker_entity: a.holder_entity, speaker_name: a.holder_name }), `got ${a.holder_name ?? 'unresolved'}`)
    }
  }

  for (const [a, b] of gold.across.same_entity) {
    const ea = entityNamed(a), eb = entityNamed(b)
    check('identity', `${a} = ${b}`, ea.length > 0 && ea.some((e) => eb.includes(e)), `${ea.map((e) => e.id).join(',') || 'none'} vs ${eb.map((e) => e.id).join(',') || 'none'}`)
  }
  const people = x.entities.filter((e) => e.type === 'PER')
  const goldPeople = new Set(gold.articles.flatMap((a) => a.entities.filter((e) => e.type === 'PER').map((e) => fold(e.name))))
  const merged = people.filter((e) => names(e).filter((n) => goldPeople.has(n)).length > 1)
  check('identity', 'no false merges among the seed people', merged.length === 0, merged.map((e) => e.name).join(', '))
  const storyIds = gold.across.same_story.map((f) => idByFile.get(f))
  check('stories', 'the two seeds form one story', x.stories.some((s) => storyIds.every((i) => i && s.articles.includes(i))))

  const qc = gold.across.question_consensus
  const byId = new Map(x.assessments.map((a) => [a.id, a]))
  const q = x.questions.find((qq) => qc.holders.every((h) => qq.assessments.some((aid) => { const a = byId.get(aid); return !!a && isSpeaker(h, { speaker_entity: a.holder_entity, speaker_name: a.holder_name }) })))
  check('questions', `one question holds ${qc.holders.join(', ')}`, !!q)
  if (q) {
    const order = ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain']
    const ranks = q.assessments.map((i) => order.indexOf(byId.get(i)?.band ?? '')).filter((r) => r >= 0).sort((a, b) => a - b)
    const median = ranks.length ? order[ranks[Math.floor((ranks.length - 1) / 2)]!] : undefined
    check('questions', `leaning ${qc.leaning}`, median === qc.leaning || (qc.leaning === 'unlikely' && (median === 'very unlikely' || median === 'almost no chance')), `median ${median}`)
  }

  const precision = predicted ? rightSpeaker / predicted : 0
  const recall = goldQuotes ? rightSpeaker / goldQuotes : 0
  return {
    sections,
    quotes: { gold: goldQuotes, found, right_speaker: rightSpeaker, right_kind: rightKind, wrong_speaker: found - rightSpeaker, predicted },
    precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
  }
}

export async function run(args: string[]): Promise<number> {
  const json = args.includes('--json')
  const path = args.find((a) => !a.startsWith('--')) ?? DEFAULT_GOLD
  const t0 = performance.now()
  const r = await scoreSeeds(path)
  if (json) {
    process.stdout.write(`${JSON.stringify({ ...r, seconds: (performance.now() - t0) / 1000 }, null, 2)}\n`)
    return 0
  }
  const lines = ['Seeds acceptance (../shared/acceptance/seeds.gold.json)', '']
  for (const [name, s] of Object.entries(r.sections)) {
    lines.push(`${name.padEnd(14)} ${String(s.passed).padStart(3)}/${s.total}`)
    for (const f of s.failures) lines.push(`    ✗ ${f}`)
  }
  const q = r.quotes
  lines.push('', `quotes: ${q.found}/${q.gold} found, ${q.right_speaker} with the right speaker, ${q.wrong_speaker} wrong speaker, ${q.right_kind} right kind; ${q.predicted} predicted`)
  lines.push(`quote attribution P ${r.precision.toFixed(3)}  R ${r.recall.toFixed(3)}  F1 ${r.f1.toFixed(3)}`)
  process.stdout.write(`${lines.join('\n')}\n`)
  return 0
}
