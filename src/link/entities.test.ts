import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createDoc, withLayers, type Doc } from '../doc/doc.js'
import type { Attribute, DocEntity, EntityType } from '../doc/layers.js'
import { translitKey } from '../stages/entities/names.js'
import { isHeadlineRun, isShortening, linkEntities } from './entities.js'

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

/** Article entities with a mention count: [type, name, aliases, mentions]. */
type EM = [type: EntityType, name: string, aliases: string[], mentions: number]
function docWithCounts(id: string, entities: EM[]): Doc {
  const es: DocEntity[] = entities.map(([type, name, aliases, n], i) => ({ id: i, type, name, aliases, mentions: Array.from({ length: n }, (_, k) => k), attributes: [] }))
  return withLayers(createDoc(`article ${id}`, {}, id), { entities: es })
}

const HEADLINE_RUNS: [string, boolean][] = [
  ['Washington Post Hit Piece Exploits Trump Supporter Who Was', true],
  ['Trump Heard What His Fox News Nemesis Just Said', true],
  ['interviewed Washington Post', true],
  ['Win Over Kaine', true],
  ['Remain In European Union', true],
  ['The Washington Post', false],
  ['University of St. Gallen', false],
  ['Bashar al-Assad', false],
  ['Fish and Wildlife Service', false],
  ['Kremlin', false],
]
for (const [name, run] of HEADLINE_RUNS) {
  test(`isHeadlineRun: ${name} → ${run}`, () => assert.equal(isHeadlineRun(name), run))
}

const SHORTENINGS: [string, string, boolean][] = [
  ['New York', 'New York Times', true],
  ['Democratic Party', 'Iowa Democratic Party', true],
  ['The Washington Post', 'Washington Post Hit Piece', true],
  ['Supreme Court Justice Sonia Sotomayor', 'Supreme Court', true],
  ['BelSecurityGroup', 'GardServis', false],
  ['ISIS', 'Islamic State', false],
  ['York Times', 'New York', false],
]
for (const [a, b, short] of SHORTENINGS) {
  test(`isShortening: ${a} / ${b} → ${short}`, () => assert.equal(isShortening(a, b), short))
}

// Tagger noise across articles: each case is a small corpus and two (article, name) pairs that must (not) share an identity.
const NOISE_CASES: [what: string, docs: [string, EM[]][], a: [string, string], b: [string, string], same: boolean][] = [
  ['a headline run-on gives way to the article’s clean name', [['x', [['ORG', 'The Washington Post', [], 5]]], ['y', [['ORG', 'Washington Post Hit Piece Exploits Trump Supporter Who Was', ['The Washington Post'], 2]]]], ['x', 'The Washington Post'], ['y', 'Washington Post Hit Piece Exploits Trump Supporter Who Was'], true],
  ['a shortening stated in one article does not join another article’s name', [['x', [['ORG', 'New York Times', ['New York'], 3]]], ['y', [['LOC', 'New York', [], 3]]]], ['x', 'New York Times'], ['y', 'New York'], false],
  ['a state party is not the national party', [['x', [['ORG', 'Iowa Democratic Party', ['Democratic Party'], 3]]], ['y', [['ORG', 'Democratic Party', [], 3]]]], ['x', 'Iowa Democratic Party'], ['y', 'Democratic Party'], false],
  ['an acronym with two expansions joins neither', [['x', [['ORG', 'Congressional Black Caucus', ['CBC'], 3]]], ['y', [['ORG', 'Canadian Broadcasting Corp', ['CBC'], 3]]]], ['x', 'Congressional Black Caucus'], ['y', 'Canadian Broadcasting Corp'], false],
  ['an acronym with one expansion joins it', [['x', [['ORG', 'Federal Bureau of Investigation', ['FBI'], 3]]], ['y', [['ORG', 'FBI', [], 3]]]], ['x', 'Federal Bureau of Investigation'], ['y', 'FBI'], true],
  ['an alias joins only a name of its type', [['x', [['ORG', 'Supreme Court', ['S.C'], 3]]], ['y', [['LOC', 'S.C', [], 3]]]], ['x', 'Supreme Court'], ['y', 'S.C'], false],
  ['a national qualifier does not change the org', [['x', [['ORG', 'U.S. State Department', [], 3]]], ['y', [['ORG', 'State Department', [], 3]]]], ['x', 'U.S. State Department'], ['y', 'State Department'], true],
  ['an ORG reading of a person’s surname becomes PER by majority and joins the person', [['x', [['PER', 'Barack Obama', ['Obama'], 20]]], ['y', [['ORG', 'Obama', [], 3]]], ['z', [['LOC', 'Obama', [], 2]]]], ['x', 'Barack Obama'], ['y', 'Obama'], true],
  ['... and the LOC reading too', [['x', [['PER', 'Barack Obama', ['Obama'], 20]]], ['y', [['ORG', 'Obama', [], 3]]], ['z', [['LOC', 'Obama', [], 2]]]], ['x', 'Barack Obama'], ['z', 'Obama'], true],
  ['with little PER evidence the ORG reading stays apart from the person', [['x', [['PER', 'Jim Justice', [], 3]]], ['y', [['ORG', 'Justice', [], 2]]]], ['x', 'Jim Justice'], ['y', 'Justice'], false],
  ['a bare surname joins the namesake with most mentions', [['x', [['PER', 'Barack Obama', [], 40], ['PER', 'Michelle Obama', [], 4]]], ['y', [['PER', 'Obama', [], 2]]]], ['x', 'Barack Obama'], ['y', 'Obama'], true],
  ['... not the other namesake', [['x', [['PER', 'Barack Obama', [], 40], ['PER', 'Michelle Obama', [], 4]]], ['y', [['PER', 'Obama', [], 2]]]], ['x', 'Michelle Obama'], ['y', 'Obama'], false],
]
for (const [what, spec, [da, na], [db, nb], same] of NOISE_CASES) {
  test(`linkEntities noise: ${what}`, () => {
    const ds = spec.map(([id, es]) => docWithCounts(id, es))
    const ls = linkEntities(ds)
    const x = identityOf(ls, ds, da, na)
    assert.ok(x)
    assert.equal(x === identityOf(ls, ds, db, nb), same)
  })
}

test('linkEntities noise: identity types and names after corrections', () => {
  const ds = [
    docWithCounts('x', [['ORG', 'Cleveland', [], 4], ['ORG', 'The Washington Post', [], 3]]),
    docWithCounts('y', [['LOC', 'Cleveland', [], 1], ['ORG', 'Washington Post Hit Piece Exploits Trump Supporter Who Was', ['The Washington Post'], 2]]),
    docWithCounts('z', [['PER', 'Barack Obama', [], 20], ['LOC', 'Obama', [], 3]]),
  ]
  const ls = linkEntities(ds)
  const byName = new Map(ls.map((l) => [l.name, l]))
  assert.equal(byName.get('Cleveland')?.type, 'LOC', 'a listed place is LOC whatever the tagger said more often')
  assert.ok(byName.get('The Washington Post')!.members.length === 2 && !byName.get('The Washington Post')!.aliases.some((a) => a.includes('Hit Piece')), 'the run-on joins, and is no alias')
  assert.ok(byName.get('The Washington Post')!.merges.some((r) => r.startsWith('headline run-on')))
  assert.equal(byName.get('Barack Obama')?.type, 'PER')
  assert.ok(byName.get('Barack Obama')!.merges.some((r) => r.startsWith('type by majority over mentions')))
  assert.ok(!ls.some((l) => l.type !== 'PER' && /obama/i.test(l.name)))
})
