// The Store on PostgreSQL (node-postgres Pool): the same tables as the SQLite adapter, one transaction
// per article, full-text search with a weighted tsvector, a GIN index, ts_rank and ts_headline.
import pg from 'pg'
import type { Doc } from '../../doc/doc.js'
import type { AddResult, Links, SearchHit, Store } from '../store.js'
import type { ArticleRecord, Cell, DocTable, LinkTable } from '../sqlite/rows.js'
import { ARTICLE_COLUMNS, DOC_TABLES, LINK_DELETE_ORDER, LINK_TABLES, SEARCH_FIELDS, SUMMARY_COLUMNS, bestSearchField, docRows, linkRows, linksFromRows, toDoc, toSummary } from '../sqlite/rows.js'
import { migratePostgres } from './migrate.js'

const DEFAULT_LIMIT = 20
const DEFAULT_MARK: [string, string] = ['[', ']']
/** Bind parameters per statement stay under PostgreSQL's limit of 65535. */
const MAX_PARAMS = 30000
/** Docs fetched per round trip by docs(): bounded memory however large the store. */
const DOCS_PAGE = 100
/** Snippet length in words (ts_headline MaxWords/MinWords). */
const HEADLINE_OPTIONS = 'MaxWords=30, MinWords=12, MaxFragments=1'

const q = (c: string): string => `"${c}"`

async function insertRows(client: pg.PoolClient, table: string, cols: readonly string[], rows: readonly (readonly Cell[])[]): Promise<void> {
  const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length))
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per)
    const values: Cell[] = []
    const tuples = chunk.map((r) => `(${r.map((v) => (values.push(v), `$${values.length}`)).join(', ')})`)
    await client.query(`INSERT INTO ${table} (${cols.map(q).join(', ')}) VALUES ${tuples.join(', ')}`, values)
  }
}

/** Every write bumps the store's version in its own transaction (migration 0002). */
const BUMP_VERSION = 'UPDATE store_version SET version = version + 1 WHERE id = 1'

async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    try {
      const out = await fn(client)
      await client.query('COMMIT')
      return out
    } catch (err) {
      await client.query('ROLLBACK')
      throw err
    }
  } finally {
    client.release()
  }
}

/** Quotes a ts_headline option value ("<b>" → "\"<b>\""), so markers may hold commas or spaces. */
const headlineValue = (s: string): string => `"${s.replace(/"/g, '""')}"`

export interface PostgresStoreOptions {
  /** Schema to use instead of the URL's default search_path (tests give each store its own). */
  readonly schema?: string
}

export function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Store {
  const config: pg.PoolConfig = { connectionString: url, max: 4 }
  if (options.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`bad schema name "${options.schema}"`)
    config.options = `-c search_path=${options.schema}`
  }
  const pool = new pg.Pool(config)
  let migrated: Promise<unknown> | null = null
  const ensure = async (): Promise<void> => {
    migrated ??= migratePostgres(pool).catch((err: unknown) => {
      migrated = null
      throw err
    })
    await migrated
  }
  const one = async <T>(sql: string, params: unknown[]): Promise<T | undefined> => (await pool.query(sql, params)).rows[0] as T | undefined

  return {
    async migrate() {
      await ensure()
    },
    async addDoc(doc: Doc): Promise<AddResult> {
      await ensure()
      const rows = docRows(doc, new Date().toISOString())
      return inTransaction(pool, async (c) => {
        const cols = ARTICLE_COLUMNS.map(q).join(', ')
        const params = rows.article.map((_, i) => `$${i + 1}`).join(', ')
        const ins = await c.query(`INSERT INTO articles (${cols}) VALUES (${params}) ON CONFLICT (content_hash) DO NOTHING RETURNING id`, rows.article)
        if (ins.rowCount === 0) {
          const existing = await c.query('SELECT id FROM articles WHERE content_hash = $1', [rows.article[1]])
          return { id: String(existing.rows[0]?.id), duplicate: true }
        }
        for (const table of Object.keys(DOC_TABLES) as DocTable[]) await insertRows(c, table, DOC_TABLES[table], rows.tables[table])
        await c.query(BUMP_VERSION)
        return { id: doc.id, duplicate: false }
      })
    },
    async replaceDoc(doc: Doc) {
      await ensure()
      await inTransaction(pool, async (c) => {
        const found = await c.query('SELECT added_at FROM articles WHERE id = $1 FOR UPDATE', [doc.id])
        if (found.rowCount === 0) throw new Error(`no stored article "${doc.id}" to replace`)
        const rows = docRows(doc, String(found.rows[0]!.added_at))
        for (const table of Object.keys(DOC_TABLES) as DocTable[]) await c.query(`DELETE FROM ${table} WHERE article = $1`, [doc.id])
        const cols = ARTICLE_COLUMNS.slice(1)
        await c.query(`UPDATE articles SET ${cols.map((col, i) => `${q(col)} = $${i + 1}`).join(', ')} WHERE id = $${cols.length + 1}`, [...rows.article.slice(1), doc.id])
        for (const table of Object.keys(DOC_TABLES) as DocTable[]) await insertRows(c, table, DOC_TABLES[table], rows.tables[table])
        await c.query(BUMP_VERSION)
      })
    },
    async getDoc(id) {
      await ensure()
      const r = await one<Parameters<typeof toDoc>[0]>('SELECT id, text, meta, layers FROM articles WHERE id = $1', [id])
      return r ? toDoc(r) : null
    },
    docs(options = {}) {
      return (async function* () {
        await ensure()
        let after = 0
        for (;;) {
          const page = await pool.query('SELECT seq, id, text, meta, layers FROM articles WHERE seq > $1 ORDER BY seq LIMIT $2', [after, DOCS_PAGE])
          for (const r of page.rows as (Parameters<typeof toDoc>[0] & { seq: number })[]) {
            after = r.seq
            yield toDoc(r, options.layers)
          }
          if (page.rows.length < DOCS_PAGE) return
        }
      })()
    },
    async listArticles() {
      await ensure()
      return ((await pool.query(`SELECT ${SUMMARY_COLUMNS} FROM articles ORDER BY seq`)).rows as ArticleRecord[]).map(toSummary)
    },
    async getArticle(id) {
      await ensure()
      const r = await one<ArticleRecord>(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = $1`, [id])
      return r ? toSummary(r) : null
    },
    async countArticles() {
      await ensure()
      return Number((await one<{ n: string }>('SELECT count(*) AS n FROM articles', []))?.n ?? 0)
    },
    async search(query, opts = {}) {
      await ensure()
      const words = query.match(/[\p{L}\p{N}]+/gu)
      if (!words) return []
      const limit = opts.limit ?? DEFAULT_LIMIT
      const [open, close] = opts.mark ?? DEFAULT_MARK
      const hopts = `StartSel=${headlineValue(open)}, StopSel=${headlineValue(close)}, ${HEADLINE_OPTIONS}`
      const heads = SEARCH_FIELDS.map((f, i) => `ts_headline('english', coalesce(s.${f}, ''), t.q, $3) AS s${i}`).join(', ')
      // The inner query ranks on the index alone; ts_headline (costly) runs on the kept rows only.
      const rows = (
        await pool.query(
          `SELECT hit.article, hit.r, ${heads}
           FROM (SELECT s.article, ts_rank(s.tsv, t.q) AS r
                 FROM search_text s, plainto_tsquery('english', $1) t(q)
                 WHERE s.tsv @@ t.q ORDER BY r DESC, s.article LIMIT $2) hit
           JOIN search_text s ON s.article = hit.article, plainto_tsquery('english', $1) t(q)
           ORDER BY hit.r DESC, hit.article`,
          [words.join(' '), limit, hopts],
        )
      ).rows as ({ article: string; r: number } & Record<string, string>)[]
      const hits: SearchHit[] = []
      for (const r of rows) {
        const best = bestSearchField(r, open)
        const a = await one<ArticleRecord>(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = $1`, [r.article])
        // ts_rank: higher is better; the interface's rank follows bm25 (lower is better).
        if (a) hits.push({ article: toSummary(a), rank: -r.r, snippet: r[`s${best}`] ?? '', blockType: SEARCH_FIELDS[best]! })
      }
      return hits
    },
    async saveLinks(links: Links) {
      await ensure()
      const rows = linkRows(links)
      await inTransaction(pool, async (c) => {
        for (const t of LINK_DELETE_ORDER) await c.query(`DELETE FROM ${t}`)
        for (const t of Object.keys(LINK_TABLES) as LinkTable[]) await insertRows(c, t, LINK_TABLES[t], rows[t])
        await c.query(BUMP_VERSION)
      })
    },
    async version() {
      await ensure()
      return Number((await one<{ version: string }>('SELECT version FROM store_version WHERE id = 1', []))?.version ?? 0)
    },
    async getLinks() {
      await ensure()
      const t = {} as Record<LinkTable, Record<string, unknown>[]>
      for (const name of Object.keys(LINK_TABLES) as LinkTable[]) t[name] = (await pool.query(`SELECT * FROM ${name}`)).rows as Record<string, unknown>[]
      return linksFromRows(t)
    },
    async close() {
      await pool.end()
    },
  }
}
