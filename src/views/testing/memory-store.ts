import type { Doc } from '../../doc/doc.js'
import type { LayerName } from '../../doc/layers.js'
import type { AddResult, ArticleSummary, Links, SearchHit, Store } from '../../store/store.js'

// A tiny in-memory Store for tests of the read side (views, export, API, web). It follows the interface's
// documented behaviour (duplicates by content hash, insertion order, search best first) without any indexing.

const WORD = /[\p{L}\p{N}]+/gu
const SEARCHED_BLOCKS = new Set(['headline', 'subhead', 'body'])

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase()
}

function words(s: string): string[] {
  return [...(fold(s).match(WORD) ?? [])]
}

function summarize(doc: Doc, addedAt: string): ArticleSummary {
  const m = doc.meta
  return {
    id: doc.id,
    title: m.title ?? null,
    outlet: m.outlet ?? null,
    published: m.published ?? null,
    language: m.language ?? null,
    url: m.url ?? null,
    sourcePath: m.sourcePath ?? null,
    originalSource: m.originalSource ?? null,
    originalAuthor: m.originalAuthor ?? null,
    contentHash: m.contentHash ?? doc.id,
    addedAt,
  }
}

export function createMemoryStore(): Store {
  const docs = new Map<string, Doc>()
  const added = new Map<string, string>()
  const hashes = new Set<string>()
  let links: Links = { entities: [], questions: [], stories: [] }
  let clock = 0
  let version = 0

  return {
    async migrate() {},
    async addDoc(doc) {
      const hash = doc.meta.contentHash ?? doc.id
      if (hashes.has(hash) || docs.has(doc.id)) return { id: doc.id, duplicate: true } satisfies AddResult
      hashes.add(hash)
      docs.set(doc.id, doc)
      added.set(doc.id, new Date(Date.UTC(2024, 0, 1, 0, 0, clock++)).toISOString())
      version++
      return { id: doc.id, duplicate: false }
    },
    async replaceDoc(doc) {
      if (!docs.has(doc.id)) throw new Error(`no stored article "${doc.id}" to replace`)
      docs.set(doc.id, doc)
      version++
    },
    async getDoc(id) {
      return docs.get(id) ?? null
    },
    async *docs(options = {}) {
      const only = options.layers
      for (const d of docs.values()) yield only ? { ...d, layers: Object.fromEntries(Object.entries(d.layers).filter(([k]) => only.includes(k as LayerName))) } : d
    },
    async listArticles() {
      return [...docs.values()].map((d) => summarize(d, added.get(d.id) ?? ''))
    },
    async getArticle(id) {
      const d = docs.get(id)
      return d ? summarize(d, added.get(id) ?? '') : null
    },
    async countArticles() {
      return docs.size
    },
    async search(query, options = {}) {
      const terms = words(query)
      if (terms.length === 0) return []
      const [open, close] = options.mark ?? ['[', ']']
      const hits: SearchHit[] = []
      for (const doc of docs.values()) {
        const parts: { text: string; type: SearchHit['blockType'] }[] = [{ text: doc.meta.title ?? '', type: 'title' }]
        for (const b of doc.layers.blocks ?? []) {
          if (SEARCHED_BLOCKS.has(b.type)) parts.push({ text: doc.text.slice(b.start, b.end), type: b.type })
        }
        let best: { score: number; text: string; type: SearchHit['blockType'] } | null = null
        let total = 0
        for (const p of parts) {
          const ws = words(p.text)
          const score = terms.reduce((n, t) => n + ws.filter((w) => w === t).length, 0)
          total += score
          if (score > 0 && (!best || score > best.score)) best = { score, text: p.text, type: p.type }
        }
        if (!best || !terms.every((t) => parts.some((p) => words(p.text).includes(t)))) continue
        const snippet = best.text.replace(/[\p{L}\p{N}]+/gu, (w) => (terms.includes(fold(w)) ? `${open}${w}${close}` : w))
        hits.push({ article: summarize(doc, added.get(doc.id) ?? ''), rank: -total, snippet, blockType: best.type })
      }
      hits.sort((a, b) => a.rank - b.rank)
      return hits.slice(0, options.limit ?? 20)
    },
    async saveLinks(l) {
      links = l
      version++
    },
    async version() {
      return version
    },
    async getLinks() {
      return links
    },
    async close() {},
  }
}
