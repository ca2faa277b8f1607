import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import { createDoc } from '../doc/doc.js'
import type { Store } from '../store/store.js'
import { loadCorpus } from './corpus.js'
import { allQuotes } from './quotes.js'
import {
  articleList, articlePage, assessmentBoard, entityDossier, foldKey, listEntities, listQuotes, medianBand, storyList, storyPage, timeline,
} from './index.js'
import { ARTICLE_A, ARTICLE_B, buildFixture, fixtureStore } from './testing/fixture.js'
import { createMemoryStore } from './testing/memory-store.js'

let store: Store
before(async () => {
  store = await fixtureStore()
})

describe('fixture', () => {
  test('every span in every layer slices to its text', () => {
    for (const doc of buildFixture().docs) {
      for (const m of doc.layers.mentions ?? []) assert.equal(doc.text.slice(m.start, m.end), m.text)
      for (const q of doc.layers.quotes ?? []) {
        assert.equal(doc.text.slice(q.start, q.end), q.text)
        if (q.cue) assert.equal(doc.text.slice(q.cue.start, q.cue.end), q.cue.text)
      }
      for (const e of doc.layers.entities ?? []) for (const mi of e.mentions) assert.equal(doc.layers.mentions?.[mi]?.entity, e.id)
    }
  })
})

describe('foldKey', () => {
  const cases: [string, string][] = [
    ['Zelénskyy', 'zelenskyy'],
    ['  SELENSKYJ ', 'selenskyj'],
    ['University of St. Gallen', 'university of st gallen'],
    ['Lukashenko’s', 'lukashenkos'],
  ]
  for (const [input, expected] of cases) test(input, () => assert.equal(foldKey(input), expected))
})

describe('medianBand', () => {
  const cases: [Parameters<typeof medianBand>[0], string][] = [
    [['very unlikely', 'uncertain'], 'very unlikely'],
    [['unlikely', 'likely', 'very likely'], 'likely'],
    [['unlikely', 'likely'], 'unlikely'],
    [['uncertain'], 'uncertain'],
    [[], 'uncertain'],
  ]
  for (const [input, expected] of cases) test(input.join(', ') || '(none)', () => assert.equal(medianBand(input), expected))
})

describe('entityDossier', () => {
  const lookups: [string, string | null][] = [
    ['Selenskyj', 'per-volodymyr-zelenskyy'],
    ['volodymyr zelenskyy', 'per-volodymyr-zelenskyy'],
    ['ZELÉNSKYY', 'per-volodymyr-zelenskyy'],
    ['per-ulrich-schmid', 'per-ulrich-schmid'],
    ['Schmid', 'per-ulrich-schmid'],
    ['The Kremlin boss', 'per-vladimir-putin'],
    ['Minsk', `${ARTICLE_A}:n9`],
    ['Nobody Known', null],
  ]
  for (const [name, id] of lookups) {
    test(`finds ${name}`, async () => assert.equal((await entityDossier(store, name))?.id ?? null, id))
  }

  test('Zelenskyy: names from both articles, attributes with their sources', async () => {
    const d = await entityDossier(store, 'Selenskyj')
    assert.ok(d)
    assert.deepEqual(d.names.map((n) => n.text).sort(), ['Selenskyj', 'Volodymyr Zelenskyy', 'Zelenskyy'])
    assert.equal(d.articles, 2)
    assert.deepEqual(d.articleList.map((a) => a.id).sort(), [ARTICLE_A, ARTICLE_B])
    const roles = d.attributes.filter((a) => a.name === 'role').map((a) => [a.value, a.sources[0]?.article.id])
    assert.deepEqual(roles, [['Ukraine’s president', ARTICLE_A], ['Ukrainian President', ARTICLE_B]])
  })

  test('Schmid: attributes, quotes said, assessment held', async () => {
    const d = await entityDossier(store, 'Ulrich Schmid')
    assert.ok(d)
    assert.deepEqual(d.attributes.map((a) => [a.name, a.value]), [
      ['age', '57'], ['role', 'professor of Russian culture and society'], ['affiliation', 'University of St. Gallen'],
    ])
    for (const a of d.attributes) for (const src of a.sources) assert.equal(src.context.slice(src.at, src.at + src.text.length), src.text)
    const age = d.attributes[0]!.sources[0]!
    assert.equal(age.text, '57')
    assert.equal(age.article.outlet, '24 Instant News')
    assert.deepEqual(d.quotesBy.map((q) => q.id), [`${ARTICLE_A}:q0`, `${ARTICLE_A}:q1`])
    assert.equal(d.quotesBy[0]!.medium, 'Blick')
    assert.deepEqual(d.assessments.map((a) => [a.id, a.band]), [[`${ARTICLE_A}:a0`, 'very unlikely']])
  })

  test('Lukashenko: timeline events he acts in and quotes about him', async () => {
    const d = await entityDossier(store, 'lukashenko')
    assert.ok(d)
    assert.deepEqual(d.timeline.map((e) => e.date), ['2022-12-19'])
    assert.deepEqual(d.quotesBy.map((q) => q.kind), ['indirect'])
  })
})

describe('listEntities', () => {
  test('types, counts and limit', async () => {
    const all = await listEntities(store)
    const zel = all.find((e) => e.id === 'per-volodymyr-zelenskyy')
    assert.deepEqual(zel && [zel.mentions, zel.articles], [3, 2])
    assert.ok((await listEntities(store, { type: 'loc' })).every((e) => e.type === 'LOC'))
    assert.equal((await listEntities(store, { limit: 3 })).length, 3)
  })
})

describe('listQuotes', () => {
  const cases: [Parameters<typeof listQuotes>[1], string[]][] = [
    [{ speaker: 'Schmid' }, [`${ARTICLE_A}:q0`, `${ARTICLE_A}:q1`]],
    [{ speaker: 'leukavets' }, [`${ARTICLE_B}:q0`]],
    [{ about: 'Kyiv' }, [`${ARTICLE_B}:q1`]],
    [{ about: 'Belarus', kind: 'direct' }, [`${ARTICLE_A}:q0`, `${ARTICLE_A}:q1`, `${ARTICLE_B}:q0`]],
    [{ kind: 'indirect', limit: 1 }, [`${ARTICLE_A}:q2`]],
    [{ cueType: 'belief' }, [`${ARTICLE_B}:q1`]],
    [{ speaker: 'Schmid', cueType: 'speech' }, [`${ARTICLE_A}:q0`, `${ARTICLE_A}:q1`]],
    [{ cueType: 'act' }, []],
    [{ speaker: 'Nobody' }, []],
  ]
  for (const [query, ids] of cases) {
    test(JSON.stringify(query), async () => assert.deepEqual((await listQuotes(store, query)).map((q) => q.id), ids))
  }
})

describe('timeline', () => {
  test('date order, the same event in two articles folded with both sources', async () => {
    const t = await timeline(store)
    assert.deepEqual(t.map((e) => e.date), ['2022-10', '2022-12-19'])
    assert.deepEqual(t[0]!.sources.map((s) => s.article.id), [ARTICLE_A, ARTICLE_B])
    assert.deepEqual(t[0]!.actors.map((a) => a.id), ['loc-russia', 'loc-belarus'])
  })
  const about: [string, string[]][] = [['Putin', ['2022-12-19']], ['Belarus', ['2022-10']], ['Selenskyj', []]]
  for (const [who, dates] of about) {
    test(`about ${who}`, async () => assert.deepEqual((await timeline(store, { about: who })).map((e) => e.date), dates))
  }
})

describe('assessmentBoard', () => {
  test('holders, bands, spread and leaning per question', async () => {
    const boards = await assessmentBoard(store)
    const q = boards.find((b) => b.id === 'q-belarus-enters-war')
    assert.ok(q)
    assert.deepEqual(q.holders.map((h) => [h.name, h.band]), [['Ulrich Schmid', 'very unlikely'], ['Alla Leukavets', 'uncertain']])
    assert.deepEqual(q.spread, { low: 'very unlikely', high: 'very unlikely', steps: 0, uncertain: 1 })
    assert.equal(q.leaning, 'very unlikely')
    assert.equal(q.holders[0]!.assessments[0]!.date, '2022-12-20')
  })
  const about: [string, string[]][] = [['Gerasimov', ['q-offensive-on-kyiv']], ['Kyiv', ['q-offensive-on-kyiv']], ['Minsk', []]]
  for (const [who, ids] of about) {
    test(`about ${who}`, async () => assert.deepEqual((await assessmentBoard(store, { about: who })).map((b) => b.id), ids))
  }
  test('assessments no question groups get their own board', async () => {
    const s = createMemoryStore()
    for (const d of buildFixture().docs) await s.addDoc(d)
    const boards = await assessmentBoard(s)
    assert.deepEqual(boards.map((b) => b.id), [`q:${ARTICLE_A}:a0`, `q:${ARTICLE_B}:a0`, `q:${ARTICLE_B}:a1`])
  })
})

describe('stories and articles', () => {
  test('storyList and storyPage', async () => {
    const list = await storyList(store)
    assert.deepEqual(list.map((s) => [s.id, s.from, s.to]), [['story-belarus-war', '2022-12-20', '2023-01-20']])
    const page = await storyPage(store, 'story-belarus-war')
    assert.ok(page)
    assert.deepEqual(page.provenance.map((p) => [p.article.id, p.origin]), [[ARTICLE_A, 'Blick']])
    assert.equal(page.items[0]!.originalSource, 'Blick')
    assert.equal(await storyPage(store, 'nope'), null)
  })
  test('articlePage: blocks with types and quotes relative to their block', async () => {
    const page = await articlePage(store, ARTICLE_A)
    assert.ok(page)
    assert.deepEqual(page.blocks.map((b) => b.type), ['headline', 'body', 'body', 'subhead', 'body', 'body', 'body', 'byline', 'source_line'])
    const b = page.blocks[2]!
    const q = b.quotes[0]!
    assert.equal(b.text.slice(q.start, q.end), 'It could be the start of a new plan to include Belarus')
    assert.equal(page.entities.find((e) => e.localName === 'Selenskyj')?.id, 'per-volodymyr-zelenskyy')
    assert.equal(await articlePage(store, 'nope'), null)
  })
  test('articleList: newest first with counts', async () => {
    const list = await articleList(store)
    assert.deepEqual(list.map((a) => [a.id, a.quotes, a.stories.length]), [[ARTICLE_B, 2, 1], [ARTICLE_A, 3, 1]])
  })
})

describe('bare Docs (no layers yet, no links)', () => {
  test('every view answers without throwing', async () => {
    const { createDoc } = await import('../doc/doc.js')
    const s = createMemoryStore()
    await s.addDoc(createDoc('Just some text.', { title: 'Bare' }, 'bare'))
    assert.deepEqual(await listEntities(s), [])
    assert.deepEqual(await listQuotes(s), [])
    assert.deepEqual(await timeline(s), [])
    assert.deepEqual(await assessmentBoard(s), [])
    assert.deepEqual(await storyList(s), [])
    const page = await articlePage(s, 'bare')
    assert.deepEqual(page?.blocks.map((b) => [b.type, b.text]), [['body', 'Just some text.']])
  })
})

describe('the corpus cache', () => {
  test('loadCorpus reads the store again only after a write', async () => {
    const fx = await fixtureStore()
    const first = await loadCorpus(fx)
    assert.equal(await loadCorpus(fx), first, 'unchanged store: the same corpus')
    await fx.addDoc(createDoc('A new article about Minsk.', { title: 'New' }))
    const second = await loadCorpus(fx)
    assert.notEqual(second, first)
    assert.equal(second.docs.size, first.docs.size + 1)
    await fx.saveLinks(second.links)
    assert.notEqual(await loadCorpus(fx), second, 'links saved: read again')
  })
  test('the whole lists of a corpus are built once and filtered per query', async () => {
    const c = await loadCorpus(await fixtureStore())
    assert.equal(allQuotes(c), allQuotes(c))
    assert.ok(allQuotes(c).length > 0)
  })
})

