// One suite every Store adapter must pass. Adapters call `runStoreContract(name, { newStore })` from
// their own test file; a test an adapter cannot pass is skipped by name with a reason, never silently.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { Doc } from '../doc/doc.js'
import { createDoc, withLayers } from '../doc/doc.js'
import type { Block, BlockType, Layers } from '../doc/layers.js'
import type { Links, Store } from './store.js'

export interface ContractOptions {
  /** A fresh, empty, migrated store for each test. */
  newStore: () => Promise<Store>
  skip?: { reason: string; tests: string[] }[]
}

/** Builds a Doc from (type, text) parts joined by blank lines, with a `blocks` layer covering each part. */
export function docFromParts(parts: readonly (readonly [BlockType, string])[], meta: Doc['meta'] = {}, extra: Partial<Layers> = {}): Doc {
  let text = ''
  const blocks: Block[] = []
  for (const [type, t] of parts) {
    if (text) text += '\n\n'
    blocks.push({ type, start: text.length, end: text.length + t.length })
    text += t
  }
  return withLayers(createDoc(text, meta), { blocks, ...extra })
}

const BASE_A = docFromParts(
  [
    ['headline', 'Lukashenko meets Putin in Minsk'],
    ['body', 'Alexander Lukashenko hugged Vladimir Putin at Minsk airport on Monday.'],
    ['body', 'Protests in Belarus were crushed in 2020, said the professor.'],
    ['source_line', 'Source: Blick'],
  ],
  { title: 'Lukashenko meets Putin', outlet: '24 Instant News', published: '2022-12-20', originalSource: 'Blick', language: 'en' },
)
const at = (doc: Doc, s: string): { start: number; end: number } => {
  const start = doc.text.indexOf(s)
  if (start < 0) throw new Error(`"${s}" not in sample`)
  return { start, end: start + s.length }
}
export const SAMPLE_A = withLayers(BASE_A, {
  mentions: [{ type: 'PER', text: 'Alexander Lukashenko', ...at(BASE_A, 'Alexander Lukashenko'), entity: 0 }],
  entities: [{ id: 0, type: 'PER', name: 'Alexander Lukashenko', aliases: ['Lukashenko'], mentions: [0], attributes: [], gender: 'm' }],
  quotes: [
    {
      kind: 'indirect',
      text: 'Protests in Belarus were crushed in 2020',
      ...at(BASE_A, 'Protests in Belarus were crushed in 2020'),
      speakerMention: { text: 'the professor', ...at(BASE_A, 'the professor') },
      speakerEntity: null,
      speakerName: 'the professor',
      block: 2,
    },
  ],
  dates: [{ text: 'Monday', value: '2022-12-19', precision: 'day', relative: true, source: 'body', ...at(BASE_A, 'Monday') }],
})

export const SAMPLE_B = docFromParts(
  [
    ['headline', 'Earthquake shakes northern California'],
    ['subhead', 'No injuries reported'],
    ['body', 'A magnitude 4.4 earthquake struck near Napa; residents felt strong shaking.'],
  ],
  { outlet: 'Example Times', url: 'https://example.com/quake' },
)

const LINKS: Links = {
  entities: [
    {
      id: 'e1',
      type: 'PER',
      name: 'Alexander Lukashenko',
      aliases: ['Lukashenko'],
      members: [{ article: SAMPLE_A.id, entity: 0 }],
      merges: ['exact name'],
    },
    { id: 'e0', type: 'LOC', name: 'Kyiv', aliases: ['Kiev'], members: [], merges: ['alias table: Kiev → Kyiv'] },
  ],
  questions: [{ id: 'q1', text: 'Will Belarus enter the war?', assessments: [{ article: SAMPLE_A.id, assessment: 0 }] }],
  stories: [
    {
      id: 's1',
      title: 'Lukashenko meets Putin',
      articles: [SAMPLE_A.id, SAMPLE_B.id],
      provenance: [{ article: SAMPLE_A.id, origin: 'outlet:Blick', reason: 'source line "Source: Blick"' }],
    },
  ],
}

export function runStoreContract(name: string, opts: ContractOptions): void {
  const skipped = new Map<string, string>()
  for (const s of opts.skip ?? []) for (const t of s.tests) skipped.set(t, s.reason)

  const it = (title: string, fn: (store: Store) => Promise<void>): void => {
    const reason = skipped.get(title)
    test(title, reason ? { skip: reason } : {}, async () => {
      const store = await opts.newStore()
      try {
        await fn(store)
      } finally {
        await store.close()
      }
    })
  }

  describe(`Store contract: ${name}`, () => {
    it('add then get round-trips the Doc exactly', async (store) => {
      const r = await store.addDoc(SAMPLE_A)
      assert.deepEqual(r, { id: SAMPLE_A.id, duplicate: false })
      const back = await store.getDoc(SAMPLE_A.id)
      assert.deepEqual(back, SAMPLE_A)
      assert.equal(await store.getDoc('no-such-id'), null)
    })

    it('a known content hash is a duplicate and writes nothing', async (store) => {
      await store.addDoc(SAMPLE_A)
      const again = createDoc(SAMPLE_A.text, { title: 'another title' }, 'other-id')
      assert.deepEqual(await store.addDoc(again), { id: SAMPLE_A.id, duplicate: true })
      assert.equal(await store.countArticles(), 1)
      assert.equal(await store.getDoc('other-id'), null)
    })

    it('lists summaries in insertion order', async (store) => {
      await store.addDoc(SAMPLE_B)
      await store.addDoc(SAMPLE_A)
      const list = await store.listArticles()
      assert.deepEqual(
        list.map((a) => [a.id, a.title, a.outlet, a.published, a.originalSource, a.url]),
        [
          [SAMPLE_B.id, 'Earthquake shakes northern California', 'Example Times', null, null, 'https://example.com/quake'],
          [SAMPLE_A.id, 'Lukashenko meets Putin', '24 Instant News', '2022-12-20', 'Blick', null],
        ],
      )
      assert.equal(await store.countArticles(), 2)
      const one = await store.getArticle(SAMPLE_A.id)
      assert.equal(one?.contentHash, SAMPLE_A.meta.contentHash)
      assert.ok(one && !Number.isNaN(Date.parse(one.addedAt)))
      assert.equal(await store.getArticle('missing'), null)
    })

    it('search finds stemmed words, marks them and ranks the better match first', async (store) => {
      await store.addDoc(SAMPLE_A)
      await store.addDoc(SAMPLE_B)
      const hits = await store.search('protest belarus', { mark: ['<b>', '</b>'] })
      assert.deepEqual(hits.map((h) => h.article.id), [SAMPLE_A.id])
      assert.equal(hits[0]!.blockType, 'body')
      assert.match(hits[0]!.snippet, /<b>Protests<\/b>/)
      const quake = await store.search('earthquake')
      assert.deepEqual(quake.map((h) => h.article.id), [SAMPLE_B.id])
      assert.equal((await store.search('injuries'))[0]?.blockType, 'subhead')
      // source lines are not searchable text; odd punctuation is not query syntax
      assert.deepEqual(await store.search('Blick'), [])
      assert.deepEqual(await store.search('"(*) AND -'), [])
      const both = await store.search('Lukashenko')
      assert.equal(both.length, 1)
      assert.ok(['title', 'headline', 'body'].includes(both[0]!.blockType))
    })

    it('search returns one hit per article, best first, within the limit', async (store) => {
      const many = docFromParts([
        ['headline', 'Minsk Minsk Minsk'],
        ['body', 'Minsk is the capital; Minsk airport is near Minsk.'],
      ])
      await store.addDoc(SAMPLE_A)
      await store.addDoc(many)
      const hits = await store.search('minsk')
      assert.deepEqual(hits.map((h) => h.article.id), [many.id, SAMPLE_A.id])
      assert.ok(hits[0]!.rank <= hits[1]!.rank, 'lower rank is better')
      assert.equal((await store.search('minsk', { limit: 1 })).length, 1)
    })

    it('links round-trip and are replaced whole', async (store) => {
      await store.addDoc(SAMPLE_A)
      assert.deepEqual(await store.getLinks(), { entities: [], questions: [], stories: [] })
      await store.saveLinks(LINKS)
      assert.deepEqual(await store.getLinks(), LINKS)
      const fewer: Links = { entities: [], questions: [], stories: [{ id: 's2', title: 'Other', articles: [SAMPLE_A.id], provenance: [] }] }
      await store.saveLinks(fewer)
      assert.deepEqual(await store.getLinks(), fewer)
    })

    it('docs() yields every Doc in insertion order', async (store) => {
      const docs = [SAMPLE_B, SAMPLE_A, docFromParts([['body', 'Third article.']])]
      for (const d of docs) await store.addDoc(d)
      const seen: Doc[] = []
      for await (const d of store.docs()) seen.push(d)
      assert.deepEqual(seen, docs)
      // breaking out early releases the cursor: the store stays usable
      for await (const d of store.docs()) {
        assert.equal(d.id, SAMPLE_B.id)
        break
      }
      assert.equal(await store.countArticles(), 3)
    })

    it('docs({ layers }) yields each Doc with only the layers asked for', async (store) => {
      await store.addDoc(SAMPLE_A)
      const seen: Doc[] = []
      for await (const d of store.docs({ layers: ['entities', 'blocks'] })) seen.push(d)
      assert.equal(seen.length, 1)
      const d = seen[0]!
      assert.deepEqual(Object.keys(d.layers).sort(), ['blocks', 'entities'])
      assert.deepEqual(d.layers.entities, SAMPLE_A.layers.entities)
      assert.deepEqual([d.id, d.text, d.meta], [SAMPLE_A.id, SAMPLE_A.text, SAMPLE_A.meta])
    })

    it('a Doc that fails midway leaves the store unchanged', async (store) => {
      await store.addDoc(SAMPLE_B)
      // The article row is valid; its second block has a type the schema refuses, so the insert fails after it.
      const bad = withLayers(createDoc('Good headline\n\nBad block text about Minsk'), {
        blocks: [
          { type: 'headline', start: 0, end: 13 },
          { type: 'bogus' as BlockType, start: 15, end: 40 },
        ],
      })
      const version = await store.version()
      await assert.rejects(store.addDoc(bad))
      assert.equal(await store.version(), version)
      assert.equal(await store.countArticles(), 1)
      assert.equal(await store.getDoc(bad.id), null)
      assert.deepEqual(await store.search('headline'), [])
      // and the same content can then be added once fixed
      const fixed = withLayers(bad, { blocks: [{ type: 'headline', start: 0, end: 13 }, { type: 'body', start: 15, end: 40 }] })
      assert.deepEqual(await store.addDoc(fixed), { id: bad.id, duplicate: false })
      assert.equal(await store.countArticles(), 2)
    })

    it('version() grows with every write and only then: an article stored, links saved; not a duplicate or a read', async (store) => {
      const v0 = await store.version()
      await store.addDoc(SAMPLE_A)
      const v1 = await store.version()
      assert.ok(v1 > v0, `addDoc: ${v0} -> ${v1}`)
      await store.addDoc(SAMPLE_A)
      await store.getDoc(SAMPLE_A.id)
      await store.listArticles()
      for await (const d of store.docs()) assert.ok(d)
      assert.equal(await store.version(), v1)
      await store.saveLinks(await store.getLinks())
      assert.ok((await store.version()) > v1)
    })

    it('replaceDoc swaps an article\'s annotations in place: same order, same added time, new layers and rows', async (store) => {
      await store.addDoc(SAMPLE_A)
      await store.addDoc(SAMPLE_B)
      const before = await store.getArticle(SAMPLE_A.id)
      const version = await store.version()
      const renamed = withLayers(SAMPLE_A, { quotes: [], entities: SAMPLE_A.layers.entities!.map((e) => ({ ...e, name: 'A. Lukashenko' })) })
      await store.replaceDoc(renamed)
      assert.deepEqual(await store.getDoc(SAMPLE_A.id), renamed)
      assert.deepEqual((await store.listArticles()).map((a) => a.id), [SAMPLE_A.id, SAMPLE_B.id])
      assert.equal((await store.getArticle(SAMPLE_A.id))?.addedAt, before?.addedAt)
      assert.ok((await store.version()) > version)
      // its search rows were rewritten too: still found once
      assert.deepEqual((await store.search('Lukashenko')).filter((h) => h.article.id === SAMPLE_A.id).length, 1)
    })

    it('replaceDoc of an unknown article or with a refused block changes nothing', async (store) => {
      await store.addDoc(SAMPLE_A)
      const version = await store.version()
      await assert.rejects(store.replaceDoc(SAMPLE_B), /no stored article/)
      const bad = withLayers(SAMPLE_A, { blocks: [{ type: 'bogus' as BlockType, start: 0, end: 5 }] })
      await assert.rejects(store.replaceDoc(bad))
      assert.deepEqual(await store.getDoc(SAMPLE_A.id), SAMPLE_A)
      assert.equal(await store.version(), version)
    })

    it('migrate() is idempotent and keeps data', async (store) => {
      await store.addDoc(SAMPLE_A)
      await store.migrate()
      await store.migrate()
      assert.equal(await store.countArticles(), 1)
    })

    it('a Doc without blocks is stored and searchable by its text', async (store) => {
      const plain = createDoc('Plain text about volcanoes erupting in Iceland.', { title: 'Volcano' })
      await store.addDoc(plain)
      assert.deepEqual(await store.getDoc(plain.id), plain)
      assert.deepEqual((await store.search('iceland')).map((h) => h.article.id), [plain.id])
    })
  })
}
