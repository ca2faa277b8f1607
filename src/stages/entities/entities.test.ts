import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Doc } from '../../doc/doc.js'
import { entitiesStage, entityAt, findEntityByRole } from './index.js'
import { makeDoc, type TagSpec } from './test-doc.js'

function run(text: string, tags: readonly TagSpec[]): Doc {
  return entitiesStage.run(makeDoc(text, tags), {})
}
/** Entities as "TYPE name [aliases]" lines, MISC left out. */
function summary(doc: Doc): string[] {
  return (doc.layers.entities ?? []).filter((e) => e.type !== 'MISC').map((e) => `${e.type} ${e.name}${e.aliases.length ? ` [${[...e.aliases].sort().join(', ')}]` : ''}`)
}

const CLUSTER_CASES: [string, string, TagSpec[], string[]][] = [
  ['a surname joins the full name', 'Alexander Lukashenko (69) hugged Putin. Later Lukashenko said no.', [['Alexander Lukashenko', 'PER'], ['Lukashenko', 'PER'], ['Putin', 'PER']], ['PER Alexander Lukashenko [Lukashenko]', 'PER Putin']],
  ['a surname before the full name joins it too', 'Putin’s friend worries Selenskyj. Ukrainian President Volodymyr Zelenskyy appealed.', [['Putin', 'PER'], ['Selenskyj', 'PER'], ['Volodymyr Zelenskyy', 'PER']], ['PER Putin', 'PER Volodymyr Zelenskyy [Selenskyj]']],
  ['two people with one surname stay apart; the surname goes to the nearest one before it', 'Hillary Clinton met Bill Clinton. Clinton said he was glad.', [['Hillary Clinton', 'PER'], ['Bill Clinton', 'PER'], ['Clinton', 'PER']], ['PER Hillary Clinton', 'PER Bill Clinton [Clinton]']],
  ['same surname, different first names', 'Alexander Lukashenko and his son Viktor Lukashenko came.', [['Alexander Lukashenko', 'PER'], ['Viktor Lukashenko', 'PER']], ['PER Alexander Lukashenko', 'PER Viktor Lukashenko']],
  ['transliterated full names join', 'Svetlana Tikhanovskaya spoke. Later Svetlana Tichanovskaya left.', [['Svetlana Tikhanovskaya', 'PER'], ['Svetlana Tichanovskaya', 'PER']], ['PER Svetlana Tikhanovskaya [Svetlana Tichanovskaya]']],
  ['ORG and LOC readings of one string are one ORG, by vote', 'The Kremlin said no. Pressure from the Kremlin grew. The Kremlin denied it.', [['Kremlin', 'ORG', 0], ['Kremlin', 'LOC', 1], ['Kremlin', 'ORG', 2]], ['ORG Kremlin']],
  ['a seat of power is an ORG even when tagged LOC', 'The Kremlin said no. Pressure from the Kremlin grew.', [['Kremlin', 'LOC']], ['ORG Kremlin']],
  ['org word-order variants', 'modeled on the Russian “Wagner Group”. The “Group Wagner” is brutal. It opposes “Wagner”. The “Wagner Group” again.', [['Wagner Group', 'ORG'], ['Group Wagner', 'ORG'], ['Wagner', 'ORG']], ['ORG Wagner Group [Group Wagner, Wagner]']],
  ['a stated former name, untagged, becomes an alias', 'That company “GardServis” was registered in 2019 and was originally called “BelSecurityGroup”. GardServis grew.', [['GardServis', 'ORG']], ['ORG GardServis [BelSecurityGroup]']],
  ['renamed: the new name is canonical', 'Twitter was renamed X Corp in 2023.', [['Twitter', 'ORG']], ['ORG X Corp [Twitter]']],
  ['an acronym in parentheses after an org', 'The National Security Council (NSC) met. The NSC said so.', [['National Security Council', 'ORG']], ['ORG National Security Council [NSC]']],
  ['a shorter org name joins the only longer one that contains it', 'The US National Security Council said so. The National Security Council met.', [['US National Security Council', 'ORG'], ['National Security Council', 'ORG']], ['ORG US National Security Council [National Security Council]']],
  ['exonyms from the alias table, modern form canonical', 'Kiev has strengthened its defenses. An offensive on Kyiv could come.', [['Kiev', 'LOC'], ['Kyiv', 'LOC']], ['LOC Kyiv [Kiev]']],
  ['a PER is never merged with an ORG of a similar name', 'Richard Wagner wrote operas. The Wagner Group fights.', [['Richard Wagner', 'PER'], ['Wagner Group', 'ORG']], ['PER Richard Wagner', 'ORG Wagner Group']],
  ['possessives and a leading "the" are not part of the name', 'Putin’s troops left. the Kremlin’s view.', [['Putin’s', 'PER'], ['the Kremlin’s', 'ORG']], ['PER Putin', 'ORG Kremlin']],
  ['titles inside a PER span are dropped', 'President Vladimir Putin came. Putin left.', [['President Vladimir Putin', 'PER'], ['Putin', 'PER']], ['PER Vladimir Putin [Putin]']],
  ['no mentions, no entities', 'Nothing to see here.', [], []],
]

for (const [what, text, tags, expected] of CLUSTER_CASES) {
  test(`entities: ${what}`, () => {
    assert.deepEqual(summary(run(text, tags)), expected)
  })
}

test('entities: an untagged repeat of a known name or surname becomes a mention', () => {
  const doc = run('The political scientist Alla Leukavets spoke. “It is not certain,” says Leukavets. Then Belarus reacted.', [['Alla Leukavets', 'PER'], ['Belarus', 'LOC', 0]])
  const ms = doc.layers.mentions!
  assert.deepEqual(ms.map((m) => m.text), ['Alla Leukavets', 'Leukavets', 'Belarus'])
  assert.equal(ms[0]!.entity, ms[1]!.entity)
  assert.deepEqual(summary(doc), ['PER Alla Leukavets [Leukavets]', 'LOC Belarus'])
})

test('entities: every mention points at its entity and the entity lists it back', () => {
  const doc = run('Alexander Lukashenko met Putin in Minsk. Lukashenko smiled.', [['Alexander Lukashenko', 'PER'], ['Lukashenko', 'PER'], ['Putin', 'PER'], ['Minsk', 'LOC']])
  const ms = doc.layers.mentions!
  const es = doc.layers.entities!
  ms.forEach((m, i) => {
    assert.equal(doc.text.slice(m.start, m.end), m.text)
    assert.ok(es[m.entity!]!.mentions.includes(i))
  })
})

type AttrCase = [string, string, TagSpec[], string, [string, string][]]
const ATTRIBUTE_CASES: AttrCase[] = [
  ['age in parentheses', 'Alexander Lukashenko (69) seemed thrilled.', [['Alexander Lukashenko', 'PER']], 'Alexander Lukashenko', [['age', '69'], ['gender', 'm']]],
  ['age between commas', 'John Smith, 57, said so.', [['John Smith', 'PER']], 'John Smith', [['age', '57'], ['gender', 'm']]],
  ['apposition with role and affiliation', '“It failed,” Ulrich Schmid (57), professor of Russian culture and society at the University of St. Gallen, told Blick.', [['Ulrich Schmid', 'PER'], ['University of St. Gallen', 'ORG'], ['Blick', 'ORG']], 'Ulrich Schmid', [['age', '57'], ['role', 'professor of Russian culture and society'], ['affiliation', 'University of St. Gallen'], ['gender', 'm']]],
  ['nationality and capitalised role before the name', 'Ukrainian President Volodymyr Zelenskyy has appealed.', [['Volodymyr Zelenskyy', 'PER']], 'Volodymyr Zelenskyy', [['nationality', 'Ukrainian'], ['role', 'President'], ['title', 'President'], ['gender', 'm']]],
  ['descriptive adjectives are not part of the role', 'According to exiled Belarusian opposition leader Svetlana Tikhanovskaya, it would lead to unrest.', [['Svetlana Tikhanovskaya', 'PER']], 'Svetlana Tikhanovskaya', [['nationality', 'Belarusian'], ['role', 'opposition leader'], ['gender', 'f']]],
  ['an acronym before the role is the affiliation', '“They prepare,” says FU conflict observer Nikita Gerasimov Berlin to watson.', [['FU', 'ORG'], ['Nikita Gerasimov', 'PER'], ['Berlin', 'LOC']], 'Nikita Gerasimov', [['affiliation', 'FU'], ['role', 'conflict observer'], ['gender', 'm']]],
  ['a place before the role is part of it', 'Belarus expert Leukavets also points out that it is early.', [['Belarus', 'LOC'], ['Leukavets', 'PER']], 'Leukavets', [['role', 'Belarus expert']]],
  ['an org before the role is the affiliation', 'Kremlin spokesman Dmitry Peskov denied it.', [['Kremlin', 'ORG'], ['Dmitry Peskov', 'PER']], 'Dmitry Peskov', [['affiliation', 'Kremlin'], ['role', 'spokesman'], ['gender', 'm']]],
  ['honorific gives title and gender', 'Mrs. Jane Doe arrived.', [['Jane Doe', 'PER']], 'Jane Doe', [['title', 'Mrs.'], ['gender', 'f']]],
  ['gender from pronouns when the first name is unknown', 'Xyzzy Quux arrived. She said it was late.', [['Xyzzy Quux', 'PER']], 'Xyzzy Quux', [['gender', 'f']]],
  ['the expert in focus gets the affiliation', 'The political scientist Alla Leukavets spoke. “It is uncertain,” says Leukavets. The expert conducts research at the “Stockholm Center for Eastern European Studies”.', [['Alla Leukavets', 'PER'], ['Leukavets', 'PER'], ['Stockholm Center for Eastern European Studies', 'ORG']], 'Alla Leukavets', [['role', 'political scientist'], ['gender', 'f'], ['affiliation', 'Stockholm Center for Eastern European Studies']]],
  ['no false role from a following clause', 'According to Leukavets, Belarusian authorities continue to purge.', [['Leukavets', 'PER']], 'Leukavets', []],
]

for (const [what, text, tags, person, expected] of ATTRIBUTE_CASES) {
  test(`attributes: ${what}`, () => {
    const doc = run(text, tags)
    const e = doc.layers.entities!.find((x) => x.name === person)
    assert.ok(e, `no entity named ${person}`)
    assert.deepEqual(e.attributes.map((a) => [a.name, a.value]), expected)
    for (const a of e.attributes) {
      if (a.name === 'gender' || a.name === 'affiliation') continue
      assert.equal(doc.text.slice(a.start, a.end), a.value, `${a.name} span`)
    }
  })
}

test('lookups: entityAt and findEntityByRole ("the expert" → the latest person with an expert-class role)', () => {
  const text = 'The political scientist Alla Leukavets spoke. Ukrainian President Volodymyr Zelenskyy replied. The conflict observer Nikita Gerasimov said no. Zelenskyy left. “Too early,” says the expert.'
  const doc = run(text, [['Alla Leukavets', 'PER'], ['Volodymyr Zelenskyy', 'PER'], ['Nikita Gerasimov', 'PER'], ['Zelenskyy', 'PER']])
  const es = doc.layers.entities!
  const id = (n: string) => es.findIndex((e) => e.name === n)
  assert.equal(entityAt(doc, text.indexOf('Leukavets') + 2), id('Alla Leukavets'))
  assert.equal(entityAt(doc, text.indexOf('spoke')), undefined)
  const before = text.indexOf('says the expert')
  assert.equal(findEntityByRole(doc, 'the expert', before), id('Nikita Gerasimov'))
  assert.equal(findEntityByRole(doc, 'political scientist', before), id('Alla Leukavets'))
  assert.equal(findEntityByRole(doc, 'president', before), id('Volodymyr Zelenskyy'))
  assert.equal(findEntityByRole(doc, 'the expert', text.indexOf('Ukrainian')), id('Alla Leukavets'))
  assert.equal(findEntityByRole(doc, 'the lawyer', before), undefined)
})

test('bounded: a large doc with thousands of mentions is processed whole', () => {
  const para = 'Alexander Lukashenko met Vladimir Putin in Minsk. Lukashenko said the Kremlin agreed. Putin left for Moscow. '
  const text = para.repeat(3000)
  const doc = run(text, [['Alexander Lukashenko', 'PER'], ['Lukashenko', 'PER'], ['Vladimir Putin', 'PER'], ['Putin', 'PER'], ['Minsk', 'LOC'], ['Moscow', 'LOC'], ['Kremlin', 'ORG']])
  assert.equal(doc.layers.mentions!.length, 7 * 3000)
  assert.deepEqual(summary(doc), ['PER Alexander Lukashenko [Lukashenko]', 'PER Vladimir Putin [Putin]', 'LOC Minsk', 'ORG Kremlin', 'LOC Moscow'])
})
