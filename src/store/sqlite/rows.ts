// How one Doc becomes rows: the column lists and row values shared by both adapters (the PostgreSQL
// adapter imports this file too), so the two schemas cannot drift apart in what they store.
import type { Doc } from '../../doc/doc.js'
import { LAYER_NAMES, type BlockType, type LayerName } from '../../doc/layers.js'
import type { ArticleSummary, Links } from '../store.js'

export type Cell = string | number | null

/** Normalized per-article tables, in insertion order; each row starts with (article, idx). */
export const DOC_TABLES = {
  blocks: ['article', 'idx', 'type', 'start', 'end', 'text'],
  entities: ['article', 'idx', 'type', 'name', 'aliases', 'gender', 'attributes'],
  mentions: ['article', 'idx', 'type', 'text', 'start', 'end', 'entity'],
  quotes: ['article', 'idx', 'kind', 'text', 'speaker_name', 'speaker_entity', 'speaker_mention', 'cue', 'cue_lemma', 'medium', 'block', 'start', 'end'],
  dates: ['article', 'idx', 'text', 'value', 'precision', 'range_from', 'range_to', 'relative', 'source', 'start', 'end'],
  events: ['article', 'idx', 'text', 'date', 'status', 'actors', 'start', 'end'],
  assessments: ['article', 'idx', 'proposition', 'normalized', 'band', 'cue', 'holder_entity', 'holder_name', 'horizon', 'quote', 'start', 'end'],
  search_text: ['article', 'title', 'headline', 'subhead', 'body'],
} as const satisfies Record<string, readonly string[]>

export type DocTable = keyof typeof DOC_TABLES

export const ARTICLE_COLUMNS = [
  'id',
  'content_hash',
  'title',
  'outlet',
  'url',
  'source_path',
  'published',
  'language',
  'original_source',
  'original_author',
  'meta',
  'text',
  'layers',
  'added_at',
] as const

export interface DocRows {
  readonly article: Cell[]
  readonly tables: Record<DocTable, Cell[][]>
}

const orNull = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v)

function firstHeadline(doc: Doc): string | null {
  const h = doc.layers.blocks?.find((b) => b.type === 'headline')
  return h ? doc.text.slice(h.start, h.end).trim() || null : null
}

/** Display title: the given title, else the first headline block. */
export function docTitle(doc: Doc): string | null {
  return doc.meta.title?.trim() || firstHeadline(doc)
}

/** Every row one Doc writes. `meta` and `layers` are JSON text; the Doc is rebuilt from them alone. */
export function docRows(doc: Doc, addedAt: string): DocRows {
  const id = doc.id
  const m = doc.meta
  const L = doc.layers
  const hash = m.contentHash
  if (!hash) throw new Error(`doc ${id}: meta.contentHash is missing (build Docs with createDoc)`)
  const article: Cell[] = [
    id,
    hash,
    docTitle(doc),
    orNull(m.outlet),
    orNull(m.url),
    orNull(m.sourcePath),
    orNull(m.published),
    orNull(m.language),
    orNull(m.originalSource),
    orNull(m.originalAuthor),
    JSON.stringify(m),
    doc.text,
    JSON.stringify(L),
    addedAt,
  ]
  const t = doc.text
  const tables: Record<DocTable, Cell[][]> = {
    blocks: (L.blocks ?? []).map((b, i) => [id, i, b.type, b.start, b.end, t.slice(b.start, b.end)]),
    entities: (L.entities ?? []).map((e, i) => [id, i, e.type, e.name, JSON.stringify(e.aliases), orNull(e.gender), JSON.stringify(e.attributes)]),
    mentions: (L.mentions ?? []).map((x, i) => [id, i, x.type, x.text, x.start, x.end, orNull(x.entity)]),
    quotes: (L.quotes ?? []).map((q, i) => [
      id,
      i,
      q.kind,
      q.text,
      q.speakerName,
      q.speakerEntity,
      q.speakerMention?.text ?? null,
      q.cue?.text ?? null,
      q.cue?.lemma ?? null,
      q.medium?.text ?? null,
      q.block,
      q.start,
      q.end,
    ]),
    dates: (L.dates ?? []).map((d, i) => [id, i, d.text, d.value, d.precision, orNull(d.from), orNull(d.to), d.relative ? 1 : 0, d.source, d.start, d.end]),
    events: (L.events ?? []).map((e, i) => [id, i, e.text, e.date, e.status, JSON.stringify(e.actors), e.start, e.end]),
    assessments: (L.assessments ?? []).map((a, i) => [
      id,
      i,
      a.proposition,
      a.normalized,
      a.band,
      a.cue.text,
      a.holderEntity,
      a.holderName,
      orNull(a.horizon),
      orNull(a.quote),
      a.start,
      a.end,
    ]),
    search_text: searchRows(doc),
  }
  return { article, tables }
}

/** Searchable fields, in the column order of the full-text tables (the `kind` a hit reports). */
export const SEARCH_FIELDS = ['title', 'headline', 'subhead', 'body'] as const

/** The field whose snippet holds the most marked matches (the first such field on a tie): what a hit reports. */
export function bestSearchField(row: Record<string, unknown>, open: string): number {
  let best = 0
  let bestCount = -1
  SEARCH_FIELDS.forEach((_, i) => {
    const n = String(row[`s${i}`] ?? '').split(open).length - 1
    if (n > bestCount) {
      best = i
      bestCount = n
    }
  })
  return best
}

/** One full-text row per article: the given title, then headline/subhead/body blocks joined; the whole text when there are no blocks. */
function searchRows(doc: Doc): Cell[][] {
  const blocks = doc.layers.blocks
  const part = (type: BlockType): string | null => {
    if (!blocks) return type === 'body' ? doc.text : null
    const texts = blocks.filter((b) => b.type === type).map((b) => doc.text.slice(b.start, b.end))
    return texts.length > 0 ? texts.join('\n') : null
  }
  return [[doc.id, doc.meta.title?.trim() || null, part('headline'), part('subhead'), part('body')]]
}

/** The row shape both adapters read articles back in (snake_case columns). */
export interface ArticleRecord {
  id: string
  content_hash: string
  title: string | null
  outlet: string | null
  url: string | null
  source_path: string | null
  published: string | null
  language: string | null
  original_source: string | null
  original_author: string | null
  added_at: string
}

export const SUMMARY_COLUMNS = 'id, content_hash, title, outlet, url, source_path, published, language, original_source, original_author, added_at'

export function toSummary(r: ArticleRecord): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    outlet: r.outlet,
    published: r.published,
    language: r.language,
    url: r.url,
    sourcePath: r.source_path,
    originalSource: r.original_source,
    originalAuthor: r.original_author,
    contentHash: r.content_hash,
    addedAt: r.added_at,
  }
}

export function toDoc(r: { id: string; text: string; meta: string; layers: string }, only?: readonly LayerName[]): Doc {
  const layers = JSON.parse(r.layers) as Record<string, unknown>
  if (only) for (const k of Object.keys(layers)) if (!only.includes(k as LayerName)) delete layers[k]
  return Object.freeze({
    id: r.id,
    text: r.text,
    meta: Object.freeze(JSON.parse(r.meta) as Doc['meta']),
    layers: Object.freeze(layers as Doc['layers']),
  })
}

/** The SQL expression for the stored layers JSON without the layers a reader did not ask for (all when it asked for none). */
export function layersColumn(only?: readonly LayerName[]): string {
  const drop = only ? LAYER_NAMES.filter((n) => !only.includes(n)) : []
  return drop.length ? `json_remove(layers, ${drop.map((n) => `'$.${n}'`).join(', ')}) AS layers` : 'layers'
}

/** Link tables (replaced whole by saveLinks), each row keyed by its position so order round-trips. */
export const LINK_TABLES = {
  global_entities: ['id', 'pos', 'type', 'name', 'aliases', 'merges'],
  global_entity_members: ['entity', 'pos', 'article', 'member'],
  questions: ['id', 'pos', 'text'],
  question_assessments: ['question', 'pos', 'article', 'assessment'],
  stories: ['id', 'pos', 'title'],
  story_articles: ['story', 'pos', 'article'],
  story_provenance: ['story', 'pos', 'article', 'origin', 'reason'],
} as const satisfies Record<string, readonly string[]>

export type LinkTable = keyof typeof LINK_TABLES
/** Children first, so deleting in this order never trips a foreign key. */
export const LINK_DELETE_ORDER: readonly LinkTable[] = [
  'global_entity_members',
  'question_assessments',
  'story_articles',
  'story_provenance',
  'global_entities',
  'questions',
  'stories',
]

export function linkRows(links: Links): Record<LinkTable, Cell[][]> {
  const rows: Record<LinkTable, Cell[][]> = {
    global_entities: [],
    global_entity_members: [],
    questions: [],
    question_assessments: [],
    stories: [],
    story_articles: [],
    story_provenance: [],
  }
  links.entities.forEach((e, i) => {
    rows.global_entities.push([e.id, i, e.type, e.name, JSON.stringify(e.aliases), JSON.stringify(e.merges)])
    e.members.forEach((m, j) => rows.global_entity_members.push([e.id, j, m.article, m.entity]))
  })
  links.questions.forEach((q, i) => {
    rows.questions.push([q.id, i, q.text])
    q.assessments.forEach((a, j) => rows.question_assessments.push([q.id, j, a.article, a.assessment]))
  })
  links.stories.forEach((s, i) => {
    rows.stories.push([s.id, i, s.title])
    s.articles.forEach((a, j) => rows.story_articles.push([s.id, j, a]))
    s.provenance.forEach((p, j) => rows.story_provenance.push([s.id, j, p.article, p.origin, p.reason]))
  })
  return rows
}

type Row = Record<string, unknown>
const byPos = (a: Row, b: Row): number => Number(a['pos']) - Number(b['pos'])
const str = (v: unknown): string => String(v)
const num = (v: unknown): number => Number(v)

/** Rebuilds Links from the link tables' rows (any order). */
export function linksFromRows(t: Record<LinkTable, Row[]>): Links {
  const group = (rows: Row[], key: string): Map<string, Row[]> => {
    const m = new Map<string, Row[]>()
    for (const r of [...rows].sort(byPos)) {
      const k = str(r[key])
      const list = m.get(k)
      if (list) list.push(r)
      else m.set(k, [r])
    }
    return m
  }
  const members = group(t.global_entity_members, 'entity')
  const qa = group(t.question_assessments, 'question')
  const sa = group(t.story_articles, 'story')
  const sp = group(t.story_provenance, 'story')
  return {
    entities: [...t.global_entities].sort(byPos).map((r) => ({
      id: str(r['id']),
      type: str(r['type']),
      name: str(r['name']),
      aliases: JSON.parse(str(r['aliases'])) as string[],
      members: (members.get(str(r['id'])) ?? []).map((m) => ({ article: str(m['article']), entity: num(m['member']) })),
      merges: JSON.parse(str(r['merges'])) as string[],
    })),
    questions: [...t.questions].sort(byPos).map((r) => ({
      id: str(r['id']),
      text: str(r['text']),
      assessments: (qa.get(str(r['id'])) ?? []).map((a) => ({ article: str(a['article']), assessment: num(a['assessment']) })),
    })),
    stories: [...t.stories].sort(byPos).map((r) => ({
      id: str(r['id']),
      title: str(r['title']),
      articles: (sa.get(str(r['id'])) ?? []).map((a) => str(a['article'])),
      provenance: (sp.get(str(r['id'])) ?? []).map((p) => ({ article: str(p['article']), origin: str(p['origin']), reason: str(p['reason']) })),
    })),
  }
}

/** Turns free text into an FTS5 query: each word quoted (so no operator syntax leaks in), all required. */
export function ftsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}]+/gu)
  if (!words || words.length === 0) return null
  return words.map((w) => `"${w}"`).join(' ')
}
