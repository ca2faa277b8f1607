import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createDoc, withLayers, type Doc } from '../doc/doc.js'
import type { Attribute, DocEntity, EntityType } from '../doc/layers.js'
import { translitKey } from '../stages/entities/names.js'
import { linkEntities } from './entities.js'

type E = [type: EntityType, name: string, aliases?: string[], roles?: string[]]

/** A Doc carrying only an entities layer, which is all linking reads. */
function docWith(id: string, entities: E[]): Doc {
  const es: DocEntity[] = entities.map(([type, name, aliases = [], roles = []], i) => ({
    id: i,
    type,
    name,
    aliases,
    mentions: [i],
    attributes: roles.map((r): Attribute => ({ name: 'role', value: r, start: 0, end: 0 })),
  }))
  return withLayers(createDoc(`article ${id}`, {}, id), { entities: es })
}

/** The global identity holding (article, name), as "id: name". */
function identityOf(links: ReturnType<typeof linkEntities>, docs: Doc[], article: string, name: string): string | undefined {
  const doc = docs.find((d) => d.id === article)!
  const idx = doc.layers.entities!.findIndex((e) => e.name === name)
  const g = links.find((l) => l.members.some((m) => m.article === article && m.entity === idx))
  return g?.id
}

const TRANSLIT_CASES: [string, string, boolean][] = [
  ['Zelenskyy', 'Selenskyj', true],
  ['Zelensky', 'Zelenskyy', true],
  ['Zelenskiy', 'Selenskij', true],
  ['Tikhanovskaya', 'Tichanovskaya', true],
  ['Tikhanovskaja', 'Tikhanovskaya', true],
  ['Lukashenko', 'Lukaschenko', true],
  ['Gerasimov', 'Gerassimow', true],
  ['Navalny', 'Nawalnyj', true],
  ['Khodorkovsky', 'Chodorkowski', true],
  ['Chernihiv', 'Tschernihiw', true],
  ['Kharkiv', 'Charkiw', true],
  ['Medvedev', 'Medwedew', true],
  ['Wolodymyr', 'Volodymyr', true],
  ['Zelensky', 'Zelenko', false],
  ['Putin', 'Pushkin', false],
  ['Lukashenko', 'Lukashevich', false],
  ['Kiev', 'Kyiv', false],
]
for (const [a, b, same] of TRANSLIT_CASES) {
  test(`translitKey: ${a} ${same ? '=' : '≠'} ${b}`, () => {
    assert.equal(translitKey(a) === translitKey(b), same, `${translitKey(a)} vs ${translitKey(b)}`)
  })
}

const A = docWith('a', [
  ['PER', 'Alexander Lukashenko', ['Lukashenko']],
  ['PER', 'Vladimir Putin', ['Putin']],
  ['ORG', 'Kremlin'],
  ['LOC', 'Kyiv', ['Kiev']],
  ['PER', 'Hillary Clinton'],
])
const B = docWith('b', [
  ['PER', 'Volodymyr Zelenskyy', ['Selenskyj']],
  ['PER', 'Svetlana Tikhanovskaya', ['Svetlana Tichanovskaya']],
  ['ORG', 'GardServis', ['BelSecurityGroup']],
  ['ORG', 'Wagner Group', ['Group Wagner', 'Wagner']],
  ['LOC', 'Kremlin'],
  ['PER', 'Bill Clinton'],
  ['PER', 'Viktor Lukashenko'],
])
const C = docWith('c', [
  ['PER', 'Wolodymyr Selenskyj'],
  ['PER', 'Tichanowskaja'],
  ['LOC', 'Kiew'],
  ['ORG', 'BelSecurityGroup'],
  ['ORG', 'Group Wagner'],
  ['PER', 'Putin'],
  ['PER', 'Kremlin'],
  ['PER', 'Clinton'],
  ['PER', 'Svetlana Tikhanovskaya'],
])
const docs = [A, B, C]
const links = linkEntities(docs)

const SAME: [string, string, string, string][] = [
  ['b', 'Volodymyr Zelenskyy', 'c', 'Wolodymyr Selenskyj'],
  ['b', 'Svetlana Tikhanovskaya', 'c', 'Svetlana Tikhanovskaya'],
  ['b', 'Svetlana Tikhanovskaya', 'c', 'Tichanowskaja'],
  ['a', 'Kyiv', 'c', 'Kiew'],
  ['b', 'GardServis', 'c', 'BelSecurityGroup'],
  ['b', 'Wagner Group', 'c', 'Group Wagner'],
  ['a', 'Vladimir Putin', 'c', 'Putin'],
  ['a', 'Kremlin', 'b', 'Kremlin'],
]
for (const [da, na, db, nb] of SAME) {
  test(`linkEntities: ${na} (${da}) = ${nb} (${db})`, () => {
    const x = identityOf(links, docs, da, na)
    assert.ok(x)
    assert.equal(identityOf(links, docs, db, nb), x)
  })
}

const APART: [string, string, string, string][] = [
  ['a', 'Hillary Clinton', 'b', 'Bill Clinton'],
  ['a', 'Hillary Clinton', 'c', 'Clinton'],
  ['b', 'Bill Clinton', 'c', 'Clinton'],
  ['a', 'Alexander Lukashenko', 'b', 'Viktor Lukashenko'],
  ['a', 'Kremlin', 'c', 'Kremlin'],
]
for (const [da, na, db, nb] of APART) {
  test(`linkEntities: ${na} (${da}) ≠ ${nb} (${db})`, () => {
    assert.notEqual(identityOf(links, docs, da, na), identityOf(links, docs, db, nb))
  })
}

test('linkEntities: readable stable ids, preferred canonical names, every merge explained, every member once', () => {
  const byId = new Map(links.map((l) => [l.id, l]))
  assert.equal(byId.get('loc:kyiv')?.name, 'Kyiv')
  assert.ok(byId.get('loc:kyiv')!.merges.some((r) => r.startsWith('alias table:')))
  assert.equal(byId.get('per:volodymyr-zelenskyy')?.name, 'Volodymyr Zelenskyy')
  assert.ok(byId.get('per:volodymyr-zelenskyy')!.aliases.includes('Wolodymyr Selenskyj'))
  assert.ok(byId.get('per:volodymyr-zelenskyy')!.merges.some((r) => r.includes('transliteration key')))
  assert.equal(byId.get('org:kremlin')?.type, 'ORG')
  assert.equal(byId.get('org:gardservis')?.name, 'GardServis')
  assert.equal(byId.get('org:wagner-group')?.name, 'Wagner Group')
  for (const l of links) if (l.members.length > 1) assert.ok(l.merges.length > 0, `${l.id} has no reason`)
  const all = links.flatMap((l) => l.members.map((m) => `${m.article}/${m.entity}`))
  assert.equal(new Set(all).size, all.length)
  assert.equal(all.length, docs.reduce((n, d) => n + d.layers.entities!.length, 0))
  assert.equal(new Set(links.map((l) => l.id)).size, links.length)
  assert.deepEqual(linkEntities(docs).map((l) => l.id), links.map((l) => l.id))
})

test('linkEntities: a surname joins one of several namesakes only when the role agrees', () => {
  const d1 = docWith('x', [['PER', 'Hillary Clinton', [], ['Secretary of State']], ['PER', 'Bill Clinton', [], ['former president']]])
  const d2 = docWith('y', [['PER', 'Clinton', [], ['president']]])
  const ls = linkEntities([d1, d2])
  assert.equal(identityOf(ls, [d1, d2], 'y', 'Clinton'), identityOf(ls, [d1, d2], 'x', 'Bill Clinton'))
  assert.notEqual(identityOf(ls, [d1, d2], 'y', 'Clinton'), identityOf(ls, [d1, d2], 'x', 'Hillary Clinton'))
})

test('linkEntities: no docs, no entities', () => {
  assert.deepEqual(linkEntities([]), [])
  assert.deepEqual(linkEntities([createDoc('empty')]), [])
})

test('linkEntities: an initial or short first name joins the only compatible namesake, never two', () => {
  const CASES: [docs: [string, E[]][], a: [string, string], b: [string, string], same: boolean][] = [
    [[['x', [['PER', 'John Smith']]], ['y', [['PER', 'J. Smith']]]], ['x', 'John Smith'], ['y', 'J. Smith'], true],
    [[['x', [['PER', 'John Smith'], ['PER', 'Jane Smith']]], ['y', [['PER', 'J. Smith']]]], ['x', 'John Smith'], ['y', 'J. Smith'], false],
    [[['x', [['PER', 'John Smith'], ['PER', 'Jane Smith']]], ['y', [['PER', 'J. Smith']]]], ['x', 'Jane Smith'], ['y', 'J. Smith'], false],
    [[['x', [['PER', 'Alexander Lukashenko']]], ['y', [['PER', 'Alla Lukashenko']]]], ['x', 'Alexander Lukashenko'], ['y', 'Alla Lukashenko'], false],
    [[['x', [['PER', 'Alexander Lukashenko']]], ['y', [['PER', 'Alex Lukashenko']]]], ['x', 'Alexander Lukashenko'], ['y', 'Alex Lukashenko'], true],
    [[['x', [['PER', 'Bill Clinton']]], ['y', [['PER', 'Hillary Clinton']]], ['z', [['PER', 'B. Clinton']]]], ['x', 'Bill Clinton'], ['z', 'B. Clinton'], true],
    [[['x', [['PER', 'Bill Clinton']]], ['y', [['PER', 'Hillary Clinton']]], ['z', [['PER', 'B. Clinton']]]], ['y', 'Hillary Clinton'], ['z', 'B. Clinton'], false],
  ]
  for (const [spec, [da, na], [db, nb], same] of CASES) {
    const ds = spec.map(([id, es]) => docWith(id, es))
    const ls = linkEntities(ds)
    const x = identityOf(ls, ds, da, na)
    assert.ok(x)
    assert.equal(x === identityOf(ls, ds, db, nb), same, `${na} ~ ${nb}`)
  }
})
