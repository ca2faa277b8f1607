import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import { exportStore } from '../export/export.js'
import { CUE_TYPES, QUOTE_KINDS } from '../doc/layers.js'
import type { Store } from '../store/store.js'
import {
  articleList, articlePage, assessmentBoard, entityDossier, listEntities, listQuotes, storyList, storyPage, timeline,
} from '../views/index.js'
import { mountWeb, notFoundPage } from '../web/routes.js'

// The JSON API and the web pages on one hono app. Every handler parses its query with a strict zod schema
// (unknown or malformed parameters are a 400 naming the parameter), calls one view, and returns its JSON.

/** Search snippets mark matched words with these (plain text, safe to show; the web UI uses its own). */
export const SEARCH_MARK: [string, string] = ['**', '**']
const MAX_LIMIT = 1000

const limit = z.coerce.number().int().min(1).max(MAX_LIMIT).optional()
const text = z.string().trim().min(1).max(200)
export const QuerySchemas = {
  none: z.object({}).strict(),
  search: z.object({ q: text, limit }).strict(),
  entities: z.object({ type: z.enum(['PER', 'ORG', 'LOC', 'MISC', 'per', 'org', 'loc', 'misc']).optional(), limit }).strict(),
  quotes: z.object({ speaker: text.optional(), about: text.optional(), kind: z.enum(QUOTE_KINDS).optional(), cue_type: z.enum(CUE_TYPES).optional(), limit }).strict(),
  about: z.object({ about: text.optional() }).strict(),
}

type Parsed<S extends z.ZodType> = { ok: true; value: z.infer<S> } | { ok: false; response: Response }

/** Validates the query string; on failure, a 400 JSON response listing each bad parameter. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): Parsed<S> {
  const r = schema.safeParse(c.req.query())
  if (r.success) return { ok: true, value: r.data }
  const problems = r.error.issues.map((i) => {
    if (i.code === 'unrecognized_keys') return `unknown parameter ${i.keys.map((k) => `"${k}"`).join(', ')}`
    const at = i.path.length ? `"${i.path.join('.')}"` : 'query'
    return `${at}: ${i.message}`
  })
  return { ok: false, response: c.json({ error: 'bad_request', message: `invalid query: ${problems.join('; ')}`, problems }, 400) }
}

const notFound = (c: Context, what: string, id: string) => c.json({ error: 'not_found', message: `no ${what} "${id}"` }, 404)

export function createApp(store: Store): Hono {
  const app = new Hono()
  const api = new Hono()

  api.get('/articles', async (c) => {
    const q = parseQuery(c, QuerySchemas.none)
    return q.ok ? c.json(await articleList(store)) : q.response
  })
  api.get('/articles/:id', async (c) => {
    const page = await articlePage(store, c.req.param('id'))
    return page ? c.json(page) : notFound(c, 'article', c.req.param('id'))
  })
  api.get('/search', async (c) => {
    const q = parseQuery(c, QuerySchemas.search)
    if (!q.ok) return q.response
    return c.json(await store.search(q.value.q, { limit: q.value.limit ?? 20, mark: SEARCH_MARK }))
  })
  api.get('/entities', async (c) => {
    const q = parseQuery(c, QuerySchemas.entities)
    if (!q.ok) return q.response
    return c.json(await listEntities(store, { ...(q.value.type ? { type: q.value.type.toUpperCase() } : {}), ...(q.value.limit ? { limit: q.value.limit } : {}) }))
  })
  api.get('/entities/:idOrName', async (c) => {
    const d = await entityDossier(store, c.req.param('idOrName'))
    return d ? c.json(d) : notFound(c, 'entity', c.req.param('idOrName'))
  })
  api.get('/quotes', async (c) => {
    const q = parseQuery(c, QuerySchemas.quotes)
    if (!q.ok) return q.response
    const { cue_type: cueType, ...rest } = q.value
    return c.json(await listQuotes(store, { ...rest, ...(cueType ? { cueType } : {}) }))
  })
  api.get('/timeline', async (c) => {
    const q = parseQuery(c, QuerySchemas.about)
    return q.ok ? c.json(await timeline(store, q.value)) : q.response
  })
  api.get('/assessments', async (c) => {
    const q = parseQuery(c, QuerySchemas.about)
    return q.ok ? c.json(await assessmentBoard(store, q.value)) : q.response
  })
  api.get('/stories', async (c) => {
    const q = parseQuery(c, QuerySchemas.none)
    return q.ok ? c.json(await storyList(store)) : q.response
  })
  api.get('/stories/:id', async (c) => {
    const s = await storyPage(store, c.req.param('id'))
    return s ? c.json(s) : notFound(c, 'story', c.req.param('id'))
  })
  api.get('/export', async (c) => {
    const q = parseQuery(c, QuerySchemas.none)
    return q.ok ? c.json(await exportStore(store)) : q.response
  })

  app.route('/api', api)
  mountWeb(app, store)
  const isApi = (path: string) => path === '/api' || path.startsWith('/api/')
  app.notFound((c) =>
    isApi(c.req.path)
      ? c.json({ error: 'not_found', message: `no endpoint ${c.req.method} ${c.req.path}` }, 404)
      : c.html(notFoundPage(`Nothing at ${c.req.path}.`), 404))
  app.onError((err, c) =>
    isApi(c.req.path) ? c.json({ error: 'internal', message: err.message }, 500) : c.html(notFoundPage('Something went wrong.'), 500))
  return app
}
