import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import type { Hono } from 'hono'
import { createApp } from '../src/api/app.js'
import { DossierExportSchema } from '../src/export/export.js'
import { ARTICLE_A, ARTICLE_B, fixtureStore } from '../src/views/testing/fixture.js'

let app: Hono
before(async () => {
  app = createApp(await fixtureStore())
})

async function get(path: string): Promise<{ status: number; body: any; type: string }> {
  const res = await app.request(path)
  const type = res.headers.get('content-type') ?? ''
  return { status: res.status, body: type.includes('json') ? await res.json() : await res.text(), type }
}

describe('GET endpoints answer with the views', () => {
  const cases: [string, (body: any) => unknown, unknown][] = [
    ['/api/articles', (b) => b.map((a: any) => a.id), [ARTICLE_B, ARTICLE_A]],
    [`/api/articles/${ARTICLE_A}`, (b) => b.blocks[0].type, 'headline'],
    ['/api/search?q=Zelenskyy', (b) => b.map((h: any) => h.article.id), [ARTICLE_B]],
    ['/api/search?q=zelenskyy&limit=1', (b) => b[0].snippet.includes('**Zelenskyy**'), true],
    ['/api/entities?type=PER&limit=2', (b) => b.map((e: any) => e.type), ['PER', 'PER']],
    ['/api/entities?type=loc', (b) => b.every((e: any) => e.type === 'LOC'), true],
    ['/api/entities/Selenskyj', (b) => b.id, 'per-volodymyr-zelenskyy'],
    [`/api/entities/${encodeURIComponent('Zelénskyy')}`, (b) => b.articles, 2],
    ['/api/quotes?speaker=Schmid', (b) => b.map((q: any) => q.id), [`${ARTICLE_A}:q0`, `${ARTICLE_A}:q1`]],
    ['/api/quotes?about=Kyiv&kind=indirect', (b) => b.map((q: any) => q.id), [`${ARTICLE_B}:q1`]],
    ['/api/quotes?cue_type=belief', (b) => b.map((q: any) => [q.id, q.cueType]), [[`${ARTICLE_B}:q1`, 'belief']]],
    ['/api/timeline', (b) => b.map((e: any) => [e.date, e.sources.length]), [['2022-10', 2], ['2022-12-19', 1]]],
    ['/api/timeline?about=Putin', (b) => b.length, 1],
    ['/api/assessments', (b) => b.map((q: any) => q.leaning), ['very unlikely', 'unlikely']],
    ['/api/assessments?about=Gerasimov', (b) => b.map((q: any) => q.id), ['q-offensive-on-kyiv']],
    ['/api/stories', (b) => b.map((s: any) => s.id), ['story-belarus-war']],
    ['/api/stories/story-belarus-war', (b) => b.provenance[0].origin, 'Blick'],
    ['/api/export', (b) => DossierExportSchema.safeParse(b).success, true],
  ]
  for (const [path, pick, expected] of cases) {
    test(path, async () => {
      const r = await get(path)
      assert.equal(r.status, 200)
      assert.ok(r.type.includes('application/json'))
      assert.deepEqual(pick(r.body), expected)
    })
  }
})

describe('bad input is a 400 with a message naming the parameter', () => {
  const cases: [string, string][] = [
    ['/api/search', '"q"'],
    ['/api/search?q=', '"q"'],
    ['/api/search?q=x&limit=0', '"limit"'],
    ['/api/search?q=x&limit=ten', '"limit"'],
    ['/api/entities?type=PERSON', '"type"'],
    ['/api/quotes?kind=shouted', '"kind"'],
    ['/api/quotes?cue_type=shouted', '"cue_type"'],
    ['/api/quotes?speakr=Schmid', '"speakr"'],
    ['/api/timeline?about=', '"about"'],
  ]
  for (const [path, names] of cases) {
    test(path, async () => {
      const r = await get(path)
      assert.equal(r.status, 400)
      assert.equal(r.body.error, 'bad_request')
      assert.ok(r.body.message.includes(names), r.body.message)
    })
  }
})

describe('unknown ids are a 404 JSON', () => {
  const paths = ['/api/articles/nope', '/api/entities/Nobody%20Known', '/api/stories/nope', '/api/nothing-here']
  for (const path of paths) {
    test(path, async () => {
      const r = await get(path)
      assert.equal(r.status, 404)
      assert.equal(r.body.error, 'not_found')
    })
  }
})

describe('web pages render from the same app, escaped', () => {
  const cases: [string, number, string[]][] = [
    ['/', 200, ['Will Belarus enter the war in Ukraine?', 'Ulrich Schmid', 'action="/search"']],
    ['/entity/Selenskyj', 200, ['Volodymyr Zelenskyy', 'Ukraine’s president', 'transliteration key zelenskyj']],
    ['/entity/per-ulrich-schmid', 200, ['It could be the start of a new plan to include Belarus', 'University of St. Gallen', 'Blick']],
    [`/articles/${ARTICLE_A}`, 200, ['<mark class="q direct"', 'source line', 'Source: Blick']],
    ['/stories/story-belarus-war', 200, ['Provenance', 'Republished from Blick']],
    ['/quotes?speaker=Leukavets&kind=direct', 200, ['It is not certain that Belarus', '1 quote<']],
    ['/quotes?cue_type=belief', 200, ['offensive on Kyiv', '1 quote<', 'does not assume (belief)', '<option value="belief" selected>']],
    ['/timeline', 200, ['2022-10', 'Reported by 2 articles']],
    ['/assessments', 200, ['Leaning', 'role="img"', 'very unlikely: 5–20%']],
    ['/search?q=Belarus', 200, ['<mark>Belarus</mark>']],
    ['/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E', 200, ['&lt;script&gt;alert(1)&lt;/script&gt;']],
    ['/entity/%3Cb%3Ebold%3C%2Fb%3E', 404, ['&lt;b&gt;bold&lt;/b&gt;']],
    ['/style.css', 200, ['.band']],
  ]
  for (const [path, status, needles] of cases) {
    test(path, async () => {
      const r = await get(path)
      assert.equal(r.status, status)
      for (const n of needles) assert.ok(String(r.body).includes(n), `missing ${n}`)
      assert.ok(!String(r.body).includes('<script>'), 'unescaped script tag')
    })
  }
})
