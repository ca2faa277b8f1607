import type { Hono } from 'hono'
import { CUE_TYPES, QUOTE_KINDS } from '../doc/layers.js'
import type { Store } from '../store/store.js'
import {
  articleList, articlePage, assessmentBoard, entityDossier, listEntities, listQuotes, storyList, storyPage, timeline,
} from '../views/index.js'
import {
  articlePageHtml, assessmentsPage, dossierPage, entitiesPage, homePage, notFoundPage, quotesPage, searchPage, storyPageHtml,
  timelinePage,
} from './pages.js'
import { STYLE } from './style.js'

// The web UI's routes on the API's hono app. Query parameters are optional filters; unknown values are ignored
// (a person typing in a form gets a page, not a 400), and every text reaches the page escaped.

/** Private-use characters mark search matches, so the snippet can be escaped before <mark> goes in. */
const MARK: [string, string] = ['\uE000', '\uE001']
const HOME_PEOPLE = 12
const ENTITY_TYPES = new Set(['PER', 'ORG', 'LOC', 'MISC'])

const opt = (v: string | undefined) => (v && v.trim() ? v.trim().slice(0, 200) : undefined)

export function mountWeb(app: Hono, store: Store): void {
  app.get('/style.css', (c) => c.body(STYLE, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=300' }))
  app.get('/', async (c) =>
    c.html(homePage(await articleList(store), await storyList(store), await listEntities(store, { type: 'PER', limit: HOME_PEOPLE }))))
  app.get('/search', async (c) => {
    const q = opt(c.req.query('q')) ?? ''
    return c.html(searchPage(q, q ? await store.search(q, { limit: 50, mark: MARK }) : [], MARK[0], MARK[1]))
  })
  app.get('/entities', async (c) => {
    const t = opt(c.req.query('type'))?.toUpperCase()
    const type = t && ENTITY_TYPES.has(t) ? t : undefined
    return c.html(entitiesPage(await listEntities(store, type ? { type } : {}), type))
  })
  app.get('/entity/:id', async (c) => {
    const d = await entityDossier(store, c.req.param('id'))
    return d ? c.html(dossierPage(d)) : c.html(notFoundPage(`No person or organisation called “${c.req.param('id')}”.`), 404)
  })
  app.get('/articles/:id', async (c) => {
    const p = await articlePage(store, c.req.param('id'))
    return p ? c.html(articlePageHtml(p)) : c.html(notFoundPage(`No article “${c.req.param('id')}”.`), 404)
  })
  app.get('/stories/:id', async (c) => {
    const s = await storyPage(store, c.req.param('id'))
    return s ? c.html(storyPageHtml(s)) : c.html(notFoundPage(`No story “${c.req.param('id')}”.`), 404)
  })
  app.get('/quotes', async (c) => {
    const speaker = opt(c.req.query('speaker'))
    const about = opt(c.req.query('about'))
    const k = opt(c.req.query('kind'))
    const kind = QUOTE_KINDS.find((x) => x === k)
    const t = opt(c.req.query('cue_type'))
    const cueType = CUE_TYPES.find((x) => x === t)
    return c.html(quotesPage(await listQuotes(store, { ...(speaker ? { speaker } : {}), ...(about ? { about } : {}), ...(kind ? { kind } : {}), ...(cueType ? { cueType } : {}) }), speaker, kind, about, cueType))
  })
  app.get('/timeline', async (c) => {
    const about = opt(c.req.query('about'))
    return c.html(timelinePage(await timeline(store, about ? { about } : {}), about))
  })
  app.get('/assessments', async (c) => {
    const about = opt(c.req.query('about'))
    return c.html(assessmentsPage(await assessmentBoard(store, about ? { about } : {}), about))
  })
}

export { notFoundPage }
