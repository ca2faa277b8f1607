// The Store on SQLite (better-sqlite3): one file, WAL, one transaction per article, FTS5 search.
import Database from 'better-sqlite3'
import type { Doc } from '../../doc/doc.js'
import type { AddResult, Links, SearchHit, Store } from '../store.js'
import { migrateSqlite } from './migrate.js'
import type { ArticleRecord, Cell, DocTable, LinkTable } from './rows.js'
import { ARTICLE_COLUMNS, DOC_TABLES, LINK_DELETE_ORDER, LINK_TABLES, SEARCH_FIELDS, SUMMARY_COLUMNS, bestSearchField, docRows, ftsQuery, layersColumn, linkRows, linksFromRows, toDoc, toSummary } from './rows.js'

/** Wait this long for another writer's lock before failing with SQLITE_BUSY (other CLI/API processes). */
const BUSY_TIMEOUT_MS = 5000
const DEFAULT_LIMIT = 20
const DEFAULT_MARK: [string, string] = ['[', ']']
/** Words of context in a snippet. */
const SNIPPET_TOKENS = 24
/** bm25 weights per field (title, headline, subhead, body): a word in a title says more than one in the body. */
const SEARCH_WEIGHTS = [3, 3, 2, 1]

const q = (c: string): string => `"${c}"`
/** Every write bumps the store's version in its own transaction (migration 0002). */
const BUMP_VERSION = 'UPDATE store_version SET version = version + 1 WHERE id = 1'
const insertSql = (table: string, cols: readonly string[]): string =>
  `INSERT INTO ${table} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`

export interface SqliteStore extends Store {
  /** The underlying handle, for tests and maintenance (integrity checks, triggers). */
  readonly db: Database.Database
}

export function openSqliteStore(file: string): SqliteStore {
  const db = new Database(file)
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
  if (file !== ':memory:' && file !== '') db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  // NORMAL is durable against process crashes in WAL mode (only an OS crash can lose the last commits).
  db.pragma('synchronous = NORMAL')

  let migrated = false
  const ensure = (): void => {
    if (!migrated) {
      migrateSqlite(db)
      migrated = true
    }
  }

  // Statements are prepared lazily: the tables exist only after migrate().
  const cache = new Map<string, Database.Statement>()
  const stmt = (sql: string): Database.Statement => {
    let s = cache.get(sql)
    if (!s) {
      s = db.prepare(sql)
      cache.set(sql, s)
    }
    return s
  }

  const add = db.transaction((doc: Doc): AddResult => {
    const rows = docRows(doc, new Date().toISOString())
    const existing = stmt('SELECT id FROM articles WHERE content_hash = ?').pluck().get(rows.article[1]) as string | undefined
    if (existing !== undefined) return { id: existing, duplicate: true }
    stmt(insertSql('articles', ARTICLE_COLUMNS)).run(rows.article)
    for (const table of Object.keys(DOC_TABLES) as DocTable[]) {
      const ins = stmt(insertSql(table, DOC_TABLES[table]))
      for (const r of rows.tables[table]) ins.run(r)
    }
    stmt(BUMP_VERSION).run()
    return { id: doc.id, duplicate: false }
  })

  const replace = db.transaction((doc: Doc): void => {
    const addedAt = stmt('SELECT added_at FROM articles WHERE id = ?').pluck().get(doc.id) as string | undefined
    if (addedAt === undefined) throw new Error(`no stored article "${doc.id}" to replace`)
    const rows = docRows(doc, addedAt)
    for (const table of Object.keys(DOC_TABLES) as DocTable[]) stmt(`DELETE FROM ${table} WHERE article = ?`).run(doc.id)
    const cols = ARTICLE_COLUMNS.slice(1)
    stmt(`UPDATE articles SET ${cols.map((c) => `${q(c)} = ?`).join(', ')} WHERE id = ?`).run(...rows.article.slice(1), doc.id)
    for (const table of Object.keys(DOC_TABLES) as DocTable[]) {
      const ins = stmt(insertSql(table, DOC_TABLES[table]))
      for (const r of rows.tables[table]) ins.run(r)
    }
    stmt(BUMP_VERSION).run()
  })

  const save = db.transaction((links: Links) => {
    for (const t of LINK_DELETE_ORDER) stmt(`DELETE FROM ${t}`).run()
    const rows = linkRows(links)
    for (const t of Object.keys(LINK_TABLES) as LinkTable[]) {
      const ins = stmt(insertSql(t, LINK_TABLES[t]))
      for (const r of rows[t]) ins.run(r as Cell[])
    }
    stmt(BUMP_VERSION).run()
  })

  return {
    db,
    async migrate() {
      ensure()
    },
    async addDoc(doc) {
      ensure()
      return add.immediate(doc)
    },
    async replaceDoc(doc) {
      ensure()
      replace.immediate(doc)
    },
    async getDoc(id) {
      ensure()
      const r = stmt('SELECT id, text, meta, layers FROM articles WHERE id = ?').get(id) as Parameters<typeof toDoc>[0] | undefined
      return r ? toDoc(r) : null
    },
    docs(options = {}) {
      ensure()
      // A separate statement (not the cache): iterate() holds its statement busy until the loop ends. Layers not
      // asked for are removed in SQL, so they are never parsed.
      const it = db.prepare(`SELECT id, text, meta, ${layersColumn(options.layers)} FROM articles ORDER BY seq`).iterate() as IterableIterator<Parameters<typeof toDoc>[0]>
      return (async function* () {
        try {
          for (const r of it) yield toDoc(r)
        } finally {
          it.return?.()
        }
      })()
    },
    async listArticles() {
      ensure()
      return (stmt(`SELECT ${SUMMARY_COLUMNS} FROM articles ORDER BY seq`).all() as ArticleRecord[]).map(toSummary)
    },
    async getArticle(id) {
      ensure()
      const r = stmt(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`).get(id) as ArticleRecord | undefined
      return r ? toSummary(r) : null
    },
    async countArticles() {
      ensure()
      return stmt('SELECT count(*) FROM articles').pluck().get() as number
    },
    async search(query, options = {}) {
      ensure()
      const match = ftsQuery(query)
      if (!match) return []
      const limit = options.limit ?? DEFAULT_LIMIT
      const [open, close] = options.mark ?? DEFAULT_MARK
      const snippets = SEARCH_FIELDS.map((_, i) => `snippet(search_fts, ${i}, $open, $close, '…', ${SNIPPET_TOKENS}) AS s${i}`).join(', ')
      const rows = stmt(
        `SELECT s.article AS article, bm25(search_fts, ${SEARCH_WEIGHTS.join(', ')}) AS rank, ${snippets}
         FROM search_fts JOIN search_text s ON s.rowid = search_fts.rowid
         WHERE search_fts MATCH $match ORDER BY rank LIMIT $limit`,
      ).all({ open, close, match, limit }) as ({ article: string; rank: number } & Record<string, string | null>)[]
      const summary = stmt(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`)
      return rows.map((r): SearchHit => {
        const best = bestSearchField(r, open)
        const a = summary.get(r.article) as ArticleRecord
        return { article: toSummary(a), rank: r.rank, snippet: r[`s${best}`] ?? '', blockType: SEARCH_FIELDS[best]! }
      })
    },
    async saveLinks(links) {
      ensure()
      save.immediate(links)
    },
    async version() {
      ensure()
      return Number(stmt('SELECT version FROM store_version WHERE id = 1').pluck().get())
    },
    async getLinks() {
      ensure()
      const t = {} as Record<LinkTable, Record<string, unknown>[]>
      for (const name of Object.keys(LINK_TABLES) as LinkTable[]) t[name] = stmt(`SELECT * FROM ${name}`).all() as Record<string, unknown>[]
      return linksFromRows(t)
    },
    async close() {
      if (db.open) db.close()
    },
  } satisfies SqliteStore as SqliteStore
}
