import { test } from 'node:test'
import assert from 'node:assert/strict'
import { datesStage } from '../dates/index.js'
import { makeDoc } from '../dates/test-doc.js'
import { eventsStage } from './index.js'

const ENTITIES = [
  { name: 'Belarus', type: 'LOC' as const },
  { name: 'Russia', type: 'LOC' as const },
  { name: 'Kyiv', type: 'LOC' as const },
  { name: 'Putin', type: 'PER' as const },
]

function events(text: string, published = '2022-12-20'): [string, string, string, string[]][] {
  const doc = datesStage.run(makeDoc([text], { meta: { published }, entities: ENTITIES }), {})
  const out = eventsStage.run(doc, {})
  return (out.layers.events ?? []).map((e) => [
    out.layers.dates![e.date]!.text,
    e.status,
    e.text,
    e.actors.map((a) => out.layers.entities![a]!.name),
  ])
}

// [sentence, [[date text, status, clause, actors]]]
const CASES: [string, [string, string, string, string[]][]][] = [
  ['Putin came to Belarus on Monday.', [['on Monday', 'happened', 'Putin came to Belarus on Monday', ['Putin', 'Belarus']]]],
  [
    'The Ukrainian government has recently expressed fears that a Russian offensive on Kyiv could come from Belarusian territory in the early months of 2023, after Belarus announced in October that it was entering into an alliance with Russia.',
    [
      ['the early months of 2023', 'feared', 'The Ukrainian government has recently expressed fears that a Russian offensive on Kyiv could come from Belarusian territory in the early months of 2023', ['Kyiv']],
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
]

test('events: clause, status and actors per date', () => {
  const wrong = CASES.flatMap(([text, expected]) => {
    const got = events(text)
    return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${text}\n   got ${JSON.stringify(got)}\n  want ${JSON.stringify(expected)}`]
  })
  assert.deepEqual(wrong, [])
})
