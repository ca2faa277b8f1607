import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Doc } from '../../doc/doc.js'
import { entitiesStage, entityAt, findEntityByRole, resolveDescriptor } from './index.js'
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

const CLUSTER_CASES_2: [string, string, TagSpec[], string[]][] = [
  ['a dateline in capitals: the normally cased spelling is canonical, the capitals an alias', 'CHISINAU, Nov 3 - Moldova said no. Talks in Chisinau failed.', [['CHISINAU', 'LOC'], ['Chisinau', 'LOC'], ['Moldova', 'LOC']], ['LOC Chisinau [CHISINAU]', 'LOC Moldova']],
  ['a dateline only in capitals is shown in title case', 'WASHINGTON — Senate Democrats pushed for a vote.', [['WASHINGTON', 'LOC'], ['Senate', 'ORG']], ['LOC Washington [WASHINGTON]', 'ORG Senate']],
  ['a multiword dateline', 'NEW YORK (Reuters) - Stocks fell.', [['NEW YORK', 'LOC'], ['Reuters', 'ORG']], ['LOC New York [NEW YORK]', 'ORG Reuters']],
  ['an acronym in running text keeps its capitals', 'The NATO summit ended. NATO said so.', [['NATO', 'ORG']], ['ORG NATO']],
  ['an org name cut before "on" rejoins when the acronym after it fits', 'Gustav Gressel of the European Council on Foreign Relations (ECFR) spoke. The ECFR said no.', [['Gustav Gressel', 'PER'], ['European Council', 'ORG'], ['ECFR', 'ORG']], ['PER Gustav Gressel', 'ORG European Council on Foreign Relations [ECFR]']],
  ['an institution head takes its capitalised complement', 'The Council on Foreign Relations published it.', [['Council', 'ORG']], ['ORG Council on Foreign Relations']],
  ['"and" joins a tail only after an of-phrase', 'The Department of Health and Human Services said so.', [['Department of Health', 'ORG']], ['ORG Department of Health and Human Services']],
  ['a weekday after "on" is no part of the name', 'The Commission on Tuesday approved it.', [['Commission', 'ORG']], ['ORG Commission']],
  ['two orgs joined by "and" stay two', 'Apple and Microsoft agreed.', [['Apple', 'ORG'], ['Microsoft', 'ORG']], ['ORG Apple', 'ORG Microsoft']],
  ['names in a credit line are not the article\'s', 'Moldova said no.\nPhoto: Reuters / Vladislav Culiomza', [['Moldova', 'LOC'], ['Reuters', 'ORG'], ['Vladislav Culiomza', 'PER']], ['LOC Moldova']],
  ['"Image by" credits too', 'Kyiv was calm.\nImage by Jane Doe/AFP', [['Kyiv', 'LOC'], ['Jane Doe', 'PER'], ['AFP', 'ORG']], ['LOC Kyiv']],
]

for (const [what, text, tags, expected] of CLUSTER_CASES_2) {
  test(`entities: ${what}`, () => {
    assert.deepEqual(summary(run(text, tags)), expected)
  })
}

const CALENDAR_CASES: [string, TagSpec[], string][] = [
  ['Koval does not believe the talks will collapse before Christmas.', [['Koval', 'PER'], ['Christmas', 'LOC']], 'Christmas'],
  ['The vote is set for Thanksgiving week.', [['Thanksgiving', 'PER']], 'Thanksgiving'],
  ['Shops close on Boxing Day.', [['Boxing Day', 'ORG']], 'Boxing Day'],
  ['Nordwind will report results on Feb. 12.', [['Feb', 'ORG']], 'Feb'],
]
for (const [text, tags, name] of CALENDAR_CASES) {
  test(`entities: holidays and calendar names are MISC (${name})`, () => {
    const e = run(text, tags).layers.entities!.find((x) => x.name === name)
    assert.equal(e?.type, 'MISC')
  })
}

test('entities: a repeat inside a caption credit is not added as a mention', () => {
  const text = 'Talks with Reuters went on.\nKiev at night. Image: Reuters / Efrem Lukatsky'
  const credit = text.indexOf('Image:')
  const doc = entitiesStage.run(makeDoc(text, [['Reuters', 'ORG', 0], ['Kiev', 'LOC']], [
    { start: 0, end: 27, type: 'body' },
    { start: 28, end: text.length, type: 'caption', credit: { start: credit, end: text.length, text: text.slice(credit) } },
  ]), {})
  assert.deepEqual(doc.layers.mentions!.map((m) => m.text), ['Reuters', 'Kiev'])
})

const ATTRIBUTE_CASES_2: AttrCase[] = [
  ['abbreviated title written out; "of Ohio" after a senator is the constituency; a possessive apposition gives the role', 'Sen. Sherrod Brown of Ohio, the bill\'s lead sponsor, told CNN.', [['Sherrod Brown', 'PER'], ['Ohio', 'LOC'], ['CNN', 'ORG']], 'Sherrod Brown', [['title', 'Senator'], ['constituency', 'Ohio'], ['role', 'lead sponsor'], ['gender', 'm']]],
  ['title before initials', 'Sen. J.D. Vance, who co-sponsored the bill, spoke.', [['J.D. Vance', 'PER']], 'J.D. Vance', [['title', 'Senator']]],
  ['a two-word abbreviated title', 'Lt. Gov. Jane Doe spoke.', [['Jane Doe', 'PER']], 'Jane Doe', [['title', 'Lieutenant Governor'], ['gender', 'f']]],
  ['Dr. and Gen. are written out', 'Gen. Mark Milley met Dr. Jill Biden.', [['Mark Milley', 'PER'], ['Jill Biden', 'PER']], 'Mark Milley', [['title', 'General'], ['gender', 'm']]],
  ['"of the ORG" after a name is the affiliation', 'Military expert Gustav Gressel of the European Council on Foreign Relations (ECFR) sees little room.', [['Gustav Gressel', 'PER'], ['European Council', 'ORG'], ['ECFR', 'ORG']], 'Gustav Gressel', [['role', 'Military expert'], ['affiliation', 'European Council on Foreign Relations'], ['gender', 'm']]],
  ['"of a place" after someone who holds no seat is no constituency', 'Tom Smith of Boston, a retired lawyer, said so.', [['Tom Smith', 'PER'], ['Boston', 'LOC']], 'Tom Smith', [['role', 'retired lawyer'], ['gender', 'm']]],
  ['party code and state', 'Sen. Sherrod Brown (D-Ohio) spoke.', [['Sherrod Brown', 'PER']], 'Sherrod Brown', [['title', 'Senator'], ['party', 'Democrat'], ['constituency', 'Ohio'], ['gender', 'm']]],
  ['party word before a title', 'Republican Sen. J.D. Vance spoke.', [['J.D. Vance', 'PER']], 'J.D. Vance', [['party', 'Republican'], ['title', 'Senator']]],
  ['party noun as apposition', 'Jane Doe, a Democrat, said so.', [['Jane Doe', 'PER']], 'Jane Doe', [['party', 'Democrat'], ['gender', 'f']]],
  ['"the 45-year-old said" gives the person in focus an age', 'Ukraine\'s President Volodymyr Zelenskyy ruled it out. In an address, the 45-year-old said no.', [['Volodymyr Zelenskyy', 'PER'], ['Ukraine', 'LOC']], 'Volodymyr Zelenskyy', [['affiliation', 'Ukraine'], ['role', 'President'], ['title', 'President'], ['gender', 'm'], ['age', '45']]],
  ['"45-year-old X" gives X an age', 'Yesterday 45-year-old Jane Doe won.', [['Jane Doe', 'PER']], 'Jane Doe', [['gender', 'f'], ['age', '45']]],
  ['"X, a 45-year-old former regulator" gives age and role', 'Victor Parlicov, a 45-year-old former regulator, said so.', [['Victor Parlicov', 'PER']], 'Victor Parlicov', [['role', 'former regulator'], ['gender', 'm'], ['age', '45']]],
  ['"a 45-year-old man" on its own is someone new', 'Jane Doe spoke. Police said a 45-year-old man was arrested.', [['Jane Doe', 'PER']], 'Jane Doe', [['gender', 'f']]],
  ['"the 45-year-old treaty" is no person', 'Jane Doe spoke. She praised the 45-year-old treaty.', [['Jane Doe', 'PER']], 'Jane Doe', [['gender', 'f']]],
]

for (const [what, text, tags, person, expected] of ATTRIBUTE_CASES_2) {
  test(`attributes: ${what}`, () => {
    const doc = run(text, tags)
    const e = doc.layers.entities!.find((x) => x.name === person)
    assert.ok(e, `no entity named ${person}`)
    assert.deepEqual(e.attributes.map((a) => [a.name, a.value]), expected)
    for (const a of e.attributes) {
      if (['gender', 'affiliation', 'title', 'party'].includes(a.name)) continue
      assert.equal(doc.text.slice(a.start, a.end), a.value, `${a.name} span`)
    }
  })
}

test('resolveDescriptor: a modifier the role attribute lacks still finds the role by class ("the Fed chair")', () => {
  const text = 'Federal Reserve Chair Jerome H. Powell spoke. Mr. Powell left. Analyst Jane Doe said no. The Fed chair added more.'
  const doc = run(text, [['Federal Reserve', 'ORG'], ['Jerome H. Powell', 'PER'], ['Powell', 'PER'], ['Jane Doe', 'PER']])
  const es = doc.layers.entities!
  assert.equal(resolveDescriptor(doc, 'The Fed chair', text.indexOf('The Fed')), es.findIndex((e) => e.name === 'Jerome H. Powell'))
})

test('resolveDescriptor: "the 45-year-old", "the former minister", "the Democrat", "the Ukrainian", "the senator"', () => {
  const text = 'Energy Minister Victor Parlicov, 45, spoke. Sen. Jane Doe (D-Ohio) agreed. Ukrainian President Volodymyr Zelenskyy replied. Then it rained.'
  const doc = run(text, [['Victor Parlicov', 'PER'], ['Jane Doe', 'PER'], ['Volodymyr Zelenskyy', 'PER']])
  const es = doc.layers.entities!
  const id = (n: string) => es.findIndex((e) => e.name === n)
  const end = text.length
  const cases: [string, number, number | undefined][] = [
    ['the 45-year-old', end, id('Victor Parlicov')],
    ['the former minister', end, id('Victor Parlicov')],
    ['the former energy minister', end, id('Victor Parlicov')],
    ['the Democrat', end, id('Jane Doe')],
    ['the Ukrainian', end, id('Volodymyr Zelenskyy')],
    ['the senator', end, id('Jane Doe')],
    ['the president', end, id('Volodymyr Zelenskyy')],
    ['the woman', end, id('Jane Doe')],
    ['the 60-year-old', end, id('Volodymyr Zelenskyy')],
    ['the Democrat', text.indexOf('Sen.'), undefined],
    ['the lawyer', end, undefined],
    ['the Ukrainian energy minister', end, id('Victor Parlicov')],
    ['the weather', end, undefined],
  ]
  for (const [phrase, before, want] of cases) assert.equal(resolveDescriptor(doc, phrase, before), want, phrase)
})

const CLUSTER_CASES_3: [string, string, TagSpec[], string[]][] = [
  ['a one-word company name joins the only company name it starts that ends in a legal form', 'JPMorgan Chase & Co. slipped. JPMorgan has set aside money.', [['JPMorgan Chase & Co.', 'ORG'], ['JPMorgan', 'ORG']], ['ORG JPMorgan Chase & Co. [JPMorgan]']],
  ['... or in an org head word', 'Nordwind Motors raised its forecast. Nordwind plans more.', [['Nordwind Motors', 'ORG'], ['Nordwind', 'ORG']], ['ORG Nordwind Motors [Nordwind]']],
  ['... but a body of state is not its committee', 'The Senate voted. The Senate Armed Services Committee met.', [['Senate', 'ORG'], ['Senate Armed Services Committee', 'ORG']], ['ORG Senate', 'ORG Senate Armed Services Committee']],
  ['... but not a longer name without a legal form', 'Apple Music grew. Apple fell.', [['Apple Music', 'ORG'], ['Apple', 'ORG']], ['ORG Apple Music', 'ORG Apple']],
  ['a shared surname goes to the person a following pronoun agrees with', 'Hillary Clinton spoke. Bill Clinton spoke. Mrs. Clinton left. Clinton later said that he was grateful.', [['Hillary Clinton', 'PER'], ['Bill Clinton', 'PER'], ['Clinton', 'PER']], ['PER Hillary Clinton [Clinton]', 'PER Bill Clinton [Clinton]']],
  ['a lone surname whose honorific says another gender does not join the only full name', 'Michelle Obama spoke. Mr. Obama said he agreed. Obama left.', [['Michelle Obama', 'PER'], ['Obama', 'PER']], ['PER Michelle Obama', 'PER Obama']],
  ['a surname with a particle joins the full name', 'Chandler Van Voorhis founded it. Mr. Van Voorhis said so.', [['Chandler Van Voorhis', 'PER'], ['Van Voorhis', 'PER']], ['PER Chandler Van Voorhis [Van Voorhis]']],
  ['a role noun that is someone\'s surname stays a person', 'He worked for Jim Justice. Mr. Justice paid.', [['Jim Justice', 'PER'], ['Justice', 'PER']], ['PER Jim Justice [Justice]']],
  ['ampersand names and index numbers', 'The S&P 500 rose 0.3 percent.', [['P', 'ORG']], ['ORG S&P 500']],
  ['two org pieces with one space between are one org', 'The Nasdaq Composite gained.', [['Nasdaq', 'MISC'], ['Composite', 'ORG']], ['ORG Nasdaq Composite']],
  ['... but an org and a party group stay apart', 'Senate Democrats pushed.', [['Senate', 'ORG'], ['Democrats', 'ORG']], ['ORG Senate', 'ORG Democrats']],
  ['a name followed by an institution head is that org', 'He is dean of the Clinton School of Public Service.', [['Clinton', 'PER'], ['Public Service', 'ORG']], ['ORG Clinton School of Public Service']],
  ['an AP state abbreviation names the state', 'LITTLE ROCK, Ark. — It rained in Arkansas. Roanoke, Va. is far.', [['LITTLE ROCK', 'LOC'], ['Ark', 'LOC'], ['Arkansas', 'LOC'], ['Roanoke', 'LOC'], ['Va', 'PER']], ['LOC Little Rock [LITTLE ROCK]', 'LOC Arkansas', 'LOC Roanoke', 'LOC Virginia']],
  ['a person span ending in a newspaper word is an org', 'The Charlotte Observer found it.', [['Charlotte Observer', 'PER']], ['ORG Charlotte Observer']],
  ['a lone word read as a person and as a place, with no person cue, is the place', 'Charlotte struggles. Poor children in Charlotte suffer. But for Charlotte it is hard.', [['Charlotte', 'PER', 0], ['Charlotte', 'LOC', 1], ['Charlotte', 'PER', 2]], ['LOC Charlotte']],
  ['... but not a name written after a title', 'President Obama spoke in Obama, Japan. Obama left.', [['Obama', 'PER', 0], ['Obama', 'LOC', 1], ['Obama', 'PER', 2], ['Japan', 'LOC']], ['PER Obama', 'LOC Japan']],
  ['a full name tagged MISC with a known first name and a surname people have here is a person', 'Ivana Trump spoke about Donald Trump’s divorce. Ivana Trump left.', [['Ivana Trump', 'PER'], ['Donald Trump', 'MISC']], ['PER Ivana Trump', 'PER Donald Trump']],
  ['a place before a title inside a person span is cut off', 'Charlotte Mayor Jennifer Roberts spoke.', [['Charlotte Mayor Jennifer Roberts', 'PER']], ['PER Jennifer Roberts']],
  ['... but a surname that is a role noun is not', 'Martin Luther King Jr. spoke.', [['Martin Luther King Jr.', 'PER']], ['PER Martin Luther King Jr.']],
  ['"The X" at a sentence start is not canonical when "X" is written', 'The Human Rights Council met. Critics of the Human Rights Council said no. The Human Rights Council replied.', [['The Human Rights Council', 'ORG', 0], ['Human Rights Council', 'ORG', 1]], ['ORG Human Rights Council [The Human Rights Council]']],
]

test('entities: the outlet is an org wherever it is tagged', () => {
  const doc = makeDoc('NEW YORK, March 20 (Market Street) - Stocks fell.', [['NEW YORK', 'LOC'], ['Market Street', 'LOC']])
  assert.deepEqual(summary(entitiesStage.run({ ...doc, meta: { ...doc.meta, outlet: 'Market Street' } }, {})), ['LOC New York [NEW YORK]', 'ORG Market Street'])
})

for (const [what, text, tags, expected] of CLUSTER_CASES_3) {
  test(`entities: ${what}`, () => {
    const doc = entitiesStage.run(makeDoc(text, tags), {})
    assert.deepEqual(summary(doc), expected)
  })
}

const ATTRIBUTE_CASES_3: AttrCase[] = [
  ['a role set off by commas before the name, with the possessor org as affiliation', 'Apple\'s chief executive, Tim Cook, said so.', [['Apple', 'ORG'], ['Tim Cook', 'PER']], 'Tim Cook', [['affiliation', 'Apple'], ['role', 'chief executive'], ['gender', 'm']]],
  ['... but not a role before a comma that starts a new clause', 'When asked about the minister, Putin said no.', [['Putin', 'PER']], 'Putin', []],
  ['a capitalised "Former" is not part of the title', 'Former Secretary of State Hillary Clinton spoke.', [['Hillary Clinton', 'PER']], 'Hillary Clinton', [['role', 'Secretary of State'], ['title', 'Secretary of State'], ['gender', 'f']]],
  ['a party adjective and a role in one apposition', 'Hillary Clinton, the Democratic nominee, spoke.', [['Hillary Clinton', 'PER']], 'Hillary Clinton', [['party', 'Democrat'], ['role', 'nominee'], ['gender', 'f']]],
  ['"who serves as" states the role', 'Chelsea Clinton, who serves as vice chair of the Clinton Foundation, spoke.', [['Chelsea Clinton', 'PER'], ['Clinton Foundation', 'ORG']], 'Chelsea Clinton', [['role', 'vice chair'], ['affiliation', 'Clinton Foundation'], ['gender', 'f']]],
  ['a state in parentheses and postal codes in party tags', 'Sen. Marco Rubio (Fla.) and Gov. Mike Pence (R-IN) spoke.', [['Marco Rubio', 'PER'], ['Mike Pence', 'PER']], 'Mike Pence', [['title', 'Governor'], ['party', 'Republican'], ['constituency', 'Indiana'], ['gender', 'm']]],
  ['an AP abbreviation without its period in a party tag', 'Sen. Ted Cruz (R-Tex) is endorsing him.', [['Ted Cruz', 'PER']], 'Ted Cruz', [['title', 'Senator'], ['party', 'Republican'], ['constituency', 'Texas'], ['gender', 'm']]],
  ['a capitalised role at a sentence start is no title', 'Chief executive Lena Vogt told analysts.', [['Lena Vogt', 'PER']], 'Lena Vogt', [['role', 'Chief executive'], ['gender', 'f']]],
  ['"analyst at" a name the tagger read as a place is the affiliation', 'Jonas Keller, an analyst at Bankhaus Meyer, said so.', [['Jonas Keller', 'PER'], ['Bankhaus Meyer', 'LOC']], 'Jonas Keller', [['role', 'analyst'], ['affiliation', 'Bankhaus Meyer'], ['gender', 'm']]],
  ['"a 25-year-old court file on X" gives X no age', 'The judge opened a 25-year-old court file on Donald Trump.', [['Donald Trump', 'PER']], 'Donald Trump', [['gender', 'm']]],
]

for (const [what, text, tags, person, expected] of ATTRIBUTE_CASES_3) {
  test(`attributes: ${what}`, () => {
    const doc = run(text, tags)
    const e = doc.layers.entities!.find((x) => x.name === person)
    assert.ok(e, `no entity named ${person}`)
    assert.deepEqual(e.attributes.map((a) => [a.name, a.value]), expected)
  })
}

// The tagger's type of a name cue gives way to the text's cues (whatever model tagged the article).
const ORG_CUE_CASES: [string, string, TagSpec[], string[]][] = [
  ['a quoted name with an org head is an ORG; "Wagner" inside it tagged PER', 'It copies the Russian “Wagner Group”. The Russian “Group Wagner” is brutal. It opposes “Wagner”. Wagner fights on.', [['Wagner Group', 'ORG'], ['Wagner', 'PER']], ['ORG Wagner Group [Group Wagner, Wagner]']],
  ['a quoted name with an org head is an ORG; the whole tagged MISC', 'It copies the Russian “Wagner Group”. The Russian “Group Wagner” is brutal.', [['Wagner Group', 'ORG'], ['Group Wagner', 'MISC']], ['ORG Wagner Group [Group Wagner]']],
  ['an untagged quoted org name becomes a mention and joins its variant', 'The “Group Wagner” is brutal. Later the Wagner Group left.', [['Wagner Group', 'ORG']], ['ORG Wagner Group [Group Wagner]']],
  ['the longest headed form is canonical over a more frequent bare word', 'Wagner came. Wagner left. Wagner won. The Wagner Group said so.', [['Wagner Group', 'ORG'], ['Wagner', 'ORG']], ['ORG Wagner Group [Wagner]']],
  ['a company named by its bare word and its head form', 'Acme grew. Acme hired. The Acme Company said so.', [['Acme Company', 'ORG'], ['Acme', 'ORG']], ['ORG Acme Company [Acme]']],
  ['a bare word that is no part of the headed name keeps its own entity', 'Nato met. The Wagner Group said so.', [['Wagner Group', 'ORG'], ['Nato', 'ORG']], ['ORG Nato', 'ORG Wagner Group']],
  ['a quoted name before an org noun is an ORG', 'Gerasimov cites the Ukrainian “Mozart” group. “Mozart” did nothing.', [['Gerasimov', 'PER'], ['Mozart', 'PER']], ['PER Gerasimov', 'ORG Mozart']],
  ['an acronym before a role noun is an ORG, tagged MISC', 'says FU conflict observer Nikita Gerasimov Berlin to watson.', [['FU', 'MISC'], ['Nikita Gerasimov', 'PER']], ['ORG FU', 'PER Nikita Gerasimov']],
  ['an acronym before a role noun is an ORG, tagged PER', 'CNN anchor Jake Tapper asked.', [['CNN', 'PER'], ['Jake Tapper', 'PER']], ['ORG CNN', 'PER Jake Tapper']],
  ['an untagged acronym before a person\'s role is an ORG', 'NYU professor Jay Rosen wrote it.', [['Jay Rosen', 'PER']], ['ORG NYU', 'PER Jay Rosen']],
  ['a country code before a role stays a place', 'US officials met UK Foreign Secretary James Cleverly.', [['US', 'LOC'], ['UK', 'LOC'], ['James Cleverly', 'PER']], ['LOC US', 'LOC UK', 'PER James Cleverly']],
  ['a person before a role is no org', 'Trump adviser Stephen Miller spoke.', [['Trump', 'PER'], ['Stephen Miller', 'PER']], ['PER Trump', 'PER Stephen Miller']],
]

for (const [what, text, tags, expected] of ORG_CUE_CASES) {
  test(`entities: ${what}`, () => {
    assert.deepEqual(summary(run(text, tags)), expected)
  })
}

const ORG_AFFILIATION_CASES: [string, string, TagSpec[], string, string][] = [
  ['FU tagged MISC', '“They prepare,” says FU conflict observer Nikita Gerasimov Berlin to watson.', [['FU', 'MISC'], ['Nikita Gerasimov', 'PER']], 'Nikita Gerasimov', 'FU'],
  ['FU untagged', '“They prepare,” says FU conflict observer Nikita Gerasimov Berlin to watson.', [['Nikita Gerasimov', 'PER']], 'Nikita Gerasimov', 'FU'],
  ['CNN tagged PER', 'CNN anchor Jake Tapper asked.', [['CNN', 'PER'], ['Jake Tapper', 'PER']], 'Jake Tapper', 'CNN'],
  ['NYU untagged', 'NYU professor Jay Rosen wrote it.', [['Jay Rosen', 'PER']], 'Jay Rosen', 'NYU'],
]

for (const [what, text, tags, person, org] of ORG_AFFILIATION_CASES) {
  test(`attributes: an acronym before a role noun is the person's affiliation (${what})`, () => {
    const e = run(text, tags).layers.entities!.find((x) => x.name === person)
    assert.ok(e, `no entity named ${person}`)
    assert.deepEqual(e.attributes.filter((a) => a.name === 'affiliation').map((a) => a.value), [org])
  })
}

// General repairs of the tagger's spans and types (any model).
const REPAIR_CASES: [string, string, TagSpec[], string[]][] = [
  ['a dateline in capitals that the gazetteer knows is a place', 'HAMBURG — Nordwind Motors raised its forecast.', [['HAMBURG', 'ORG'], ['Nordwind Motors', 'ORG']], ['LOC Hamburg [HAMBURG]', 'ORG Nordwind Motors']],
  ['a multiword dateline tagged ORG', 'NEW YORK (Reuters) - Stocks fell.', [['NEW YORK', 'ORG'], ['Reuters', 'ORG']], ['LOC New York [NEW YORK]', 'ORG Reuters']],
  ['an unknown caps org at a line start stays an org', 'ACME, the maker of anvils, grew.', [['ACME', 'ORG']], ['ORG Acme [ACME]']],
  ['a legal form after an org joins it', 'Goldman Sachs Group Inc. analysts are cautious.', [['Goldman Sachs Group', 'ORG']], ['ORG Goldman Sachs Group Inc.']],
  ['a person name before capitalised words ending in an institution head is an org', 'They marked the anniversary of the Clinton Presidential Center on Saturday.', [['Clinton', 'PER']], ['ORG Clinton Presidential Center']],
  ['a person before a capitalised non-head word stays a person', 'Bill Clinton Tuesday said no.', [['Bill Clinton', 'PER']], ['PER Bill Clinton']],
]

for (const [what, text, tags, expected] of REPAIR_CASES) {
  test(`entities: ${what}`, () => {
    assert.deepEqual(summary(run(text, tags)), expected)
  })
}
