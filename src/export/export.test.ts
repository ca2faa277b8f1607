import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ARTICLE_A, ARTICLE_B, buildFixture, fixtureStore } from '../views/testing/fixture.js'
import { DossierExportSchema, EXPORT_VERSION, exportStore } from './export.js'

const fixedNow = () => new Date('2024-01-01T00:00:00Z')

test('the export of the fixture store validates against the schema after a JSON round trip', async () => {
  const out = await exportStore(await fixtureStore(), { now: fixedNow })
  const parsed = DossierExportSchema.safeParse(JSON.parse(JSON.stringify(out)))
  assert.equal(parsed.success, true, parsed.success ? '' : parsed.error.message)
  assert.equal(out.version, EXPORT_VERSION)
  assert.equal(out.generated_at, '2024-01-01T00:00:00.000Z')
})

test('contract keys are present on every record', async () => {
  const out = await exportStore(await fixtureStore(), { now: fixedNow })
  const keys: [string, readonly object[], string[]][] = [
    ['articles', out.articles, ['id', 'source_path', 'url', 'title', 'outlet', 'published', 'language', 'original_source', 'original_author', 'blocks']],
    ['entities', out.entities, ['id', 'type', 'name', 'aliases', 'attributes', 'mentions']],
    ['quotes', out.quotes, ['id', 'article', 'kind', 'text', 'start', 'end', 'cue', 'cue_type', 'speaker_mention', 'speaker_entity', 'speaker_name', 'medium']],
    ['events', out.events, ['id', 'article', 'date', 'precision', 'text', 'start', 'end', 'status', 'actors']],
    ['assessments', out.assessments, ['id', 'article', 'holder_entity', 'holder_name', 'proposition', 'start', 'end', 'band', 'cue', 'question']],
    ['questions', out.questions, ['id', 'text', 'assessments']],
    ['stories', out.stories, ['id', 'title', 'articles', 'provenance']],
  ]
  for (const [name, records, required] of keys) {
    assert.ok(records.length > 0, `${name} is empty`)
    for (const r of records) for (const k of required) assert.ok(k in r, `${name} record lacks "${k}"`)
  }
})

test('spans slice the stored text to the exported strings', async () => {
  const { docs } = buildFixture()
  const text = new Map(docs.map((d) => [d.id, d.text]))
  const out = await exportStore(await fixtureStore(), { now: fixedNow })
  for (const a of out.articles) for (const b of a.blocks) assert.equal(text.get(a.id)!.slice(b.start, b.end), b.text)
  for (const q of out.quotes) assert.equal(text.get(q.article)!.slice(q.start, q.end), q.text)
  for (const e of out.entities) for (const m of e.mentions) assert.equal(text.get(m.article)!.slice(m.start, m.end), m.text)
  for (const e of out.events) assert.equal(text.get(e.article)!.slice(e.start, e.end), e.text)
})

test('linked identities: Selenskyj and Volodymyr Zelenskyy are one entity with mentions in both articles', async () => {
  const out = await exportStore(await fixtureStore(), { now: fixedNow })
  const z = out.entities.find((e) => e.id === 'per-volodymyr-zelenskyy')
  assert.ok(z)
  assert.deepEqual([...new Set(z.mentions.map((m) => m.article))].sort(), [ARTICLE_A, ARTICLE_B])
  assert.ok(z.mentions.some((m) => m.text === 'Selenskyj'))
  const rows: [string, unknown][] = [
    [`${ARTICLE_A}:q0 speaker`, out.quotes.find((q) => q.id === `${ARTICLE_A}:q0`)?.speaker_entity],
    [`${ARTICLE_A}:q0 medium`, out.quotes.find((q) => q.id === `${ARTICLE_A}:q0`)?.medium],
    [`${ARTICLE_A}:a0 question`, out.assessments.find((a) => a.id === `${ARTICLE_A}:a0`)?.question],
    [`${ARTICLE_A}:e1 date`, out.events.find((e) => e.id === `${ARTICLE_A}:e1`)?.date],
    [`${ARTICLE_A}:e1 actors`, out.events.find((e) => e.id === `${ARTICLE_A}:e1`)?.actors],
    [`${ARTICLE_A} original_source`, out.articles.find((a) => a.id === ARTICLE_A)?.original_source],
    ['Minsk id (unlinked)', out.entities.find((e) => e.name === 'Minsk')?.id],
  ]
  const expected: unknown[] = ['per-ulrich-schmid', 'Blick', 'q-belarus-enters-war', '2022-10', ['loc-russia', 'loc-belarus'], 'Blick', `${ARTICLE_A}:n9`]
  assert.deepEqual(rows.map((r) => r[1]), expected)
})

test('the schema rejects a renamed contract key and a bad version', () => {
  const bad: [string, unknown][] = [
    ['no version', { articles: [], entities: [], quotes: [], events: [], assessments: [], questions: [], stories: [], generated_at: '' }],
    ['version not semver', { version: '1', generated_at: '', articles: [], entities: [], quotes: [], events: [], assessments: [], questions: [], stories: [] }],
    ['entities renamed', { version: '1.0.0', generated_at: '', articles: [], people: [], quotes: [], events: [], assessments: [], questions: [], stories: [] }],
  ]
  for (const [why, value] of bad) assert.equal(DossierExportSchema.safeParse(value).success, false, why)
})
