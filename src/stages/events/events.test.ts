import { test } from 'node:test'
import assert from 'node:assert/strict'
import { datesStage } from '../dates/index.js'
import { makeDoc } from '../dates/test-doc.js'
import { eventsStage } from './index.js'

const ENTITIES = [
  { name: 'Senate Democrats', type: 'ORG' as const },
  { name: 'East Palestine', type: 'LOC' as const },
  { name: 'Chuck Schumer', type: 'PER' as const },
  { name: 'Moldova', type: 'LOC' as const },
  { name: 'Tim Ryan', type: 'PER' as const },
  { name: 'Vance', type: 'PER' as const },
  { name: 'Nordwind', type: 'ORG' as const },
  { name: 'Gazprom', type: 'ORG' as const },
  { name: 'Belarus', type: 'LOC' as const },
  { name: 'Russia', type: 'LOC' as const },
  { name: 'Kyiv', type: 'LOC' as const },
  { name: 'Putin', type: 'PER' as const },
]

function events(text: string, published: string = '2022-12-20'): [string, string, string, string[]][] {
  const doc = datesStage.run(makeDoc([text], { meta: { published }, entities: ENTITIES }), {})
  const out = eventsStage.run(doc, {})
  return (out.layers.events ?? []).map((e) => [
    out.layers.dates![e.date]!.text,
    e.status,
    e.text,
    e.actors.map((a) => out.layers.entities![a]!.name),
  ])
}

// [sentence, [[date text, status, clause, actors]], published?]
const CASES: [string, [string, string, string, string[]][], string?][] = [
  ['Putin came to Belarus on Monday.', [['on Monday', 'happened', 'Putin came to Belarus on Monday', ['Putin', 'Belarus']]]],
  [
    'The Ukrainian government has recently expressed fears that a Russian offensive on Kyiv could come from Belarusian territory in the early months of 2023, after Belarus announced in October that it was entering into an alliance with Russia.',
    [
      ['the early months of 2023', 'feared', 'a Russian offensive on Kyiv could come from Belarusian territory in the early months of 2023', ['Kyiv']],
      ['October', 'happened', 'after Belarus announced in October that it was entering into an alliance with Russia', ['Belarus', 'Russia']],
    ],
  ],
  ['Equipment has been regularly transported to Belarus since the beginning of 2023.', [['the beginning of 2023', 'ongoing', 'Equipment has been regularly transported to Belarus since the beginning of 2023', ['Belarus']]]],
  ['Soldiers will be stationed in Belarus in March 2023.', [['March 2023', 'planned', 'Soldiers will be stationed in Belarus in March 2023', ['Belarus']]]],
  ['Russia might attack again in spring 2023.', [['spring 2023', 'hypothetical', 'Russia might attack again in spring 2023', ['Russia']]]],
  ['In 2020, protests swept the country.', [['2020', 'happened', 'In 2020, protests swept the country', []]]],
  ['Even before the invasion on February 24, Moscow held exercises in Belarus, and at the start Putin invaded.', [['February 24', 'happened', 'Even before the invasion on February 24, Moscow held exercises in Belarus', ['Belarus']]]],
  ['According to officials, Russia moved troops in November 2022.', [['November 2022', 'reported', 'According to officials, Russia moved troops in November 2022', ['Russia']]]],
  ['Nothing dated here.', []],
  // a date inside a subject noun phrase anchors that phrase, not the main clause
  [
    'Senate Democrats on Tuesday pushed for a floor vote on a rail safety bill before the August recess, saying the derailment in East Palestine, Ohio, in February showed that current rules were "badly out of date."',
    [
      ['on Tuesday', 'happened', 'Senate Democrats on Tuesday pushed for a floor vote on a rail safety bill before the August recess', ['Senate Democrats']],
      ['February', 'happened', 'the derailment in East Palestine, Ohio, in February', ['East Palestine']],
    ],
    '2023-05-16',
  ],
  ['Russia’s invasion on February 24 was a shock to Kyiv.', [['February 24', 'happened', 'Russia’s invasion on February 24', ['Russia']]]],
  // a date inside a reported clause anchors that clause; "would" after a verb of saying is a reported plan
  [
    'Senate Majority Leader Chuck Schumer said in a statement that the chamber would take up the bill in July.',
    [['July', 'planned', 'the chamber would take up the bill in July', []]],
    '2023-05-16',
  ],
  [
    "Moldova's government said on Thursday it would ration gas from December if talks with Gazprom on a new supply contract failed.",
    [
      ['on Thursday', 'happened', "Moldova's government said on Thursday it would ration gas from December if talks with Gazprom on a new supply contract failed", ['Moldova', 'Gazprom']],
      ['December', 'hypothetical', 'it would ration gas from December if talks with Gazprom on a new supply contract failed', ['Gazprom']],
    ],
    '2023-11-03',
  ],
  [
    'The energy minister warned that reserves would last only until the end of January.',
    [['the end of January', 'feared', 'reserves would last only until the end of January', []]],
    '2023-11-03',
  ],
  ['Putin told reporters on Monday that Russia had won.', [['on Monday', 'happened', 'Putin told reporters on Monday that Russia had won', ['Putin', 'Russia']]]],
  // a second verb with its own tense, a relative clause, a subordinate clause with its own verb
  [
    'Vance campaigned in Youngstown last week and will hold a final rally in Cincinnati on Monday.',
    [
      ['last week', 'happened', 'Vance campaigned in Youngstown last week', ['Vance']],
      ['on Monday', 'planned', 'will hold a final rally in Cincinnati on Monday', []],
    ],
    '2022-11-03',
  ],
  [
    'Democrat Tim Ryan, who ran briefly for president in 2019, told supporters in Akron that the race was close.',
    [['2019', 'happened', 'who ran briefly for president in 2019', ['Tim Ryan']]],
    '2022-11-03',
  ],
  [
    'Nordwind on Thursday raised its forecast after orders for its vans jumped 40 percent in the third quarter.',
    [
      ['on Thursday', 'happened', 'Nordwind on Thursday raised its forecast', ['Nordwind']],
      ['the third quarter', 'happened', 'after orders for its vans jumped 40 percent in the third quarter', []],
    ],
    '2024-10-24',
  ],
  ['He would have turned 80 in March, his family said.', [['March', 'hypothetical', 'He would have turned 80 in March, his family said', []]]],
]

test('events: clause, status and actors per date', () => {
  const wrong = CASES.flatMap(([text, expected, published]) => {
    const got = events(text, published)
    return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${text}\n   got ${JSON.stringify(got)}\n  want ${JSON.stringify(expected)}`]
  })
  assert.deepEqual(wrong, [])
})
