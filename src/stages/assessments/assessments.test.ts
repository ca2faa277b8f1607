import { test } from 'node:test'
import assert from 'node:assert/strict'
import { makeDoc } from '../dates/test-doc.js'
import type { TestQuote } from '../dates/test-doc.js'
import { assessmentsStage } from './index.js'

const PEOPLE = [
  { name: 'Ulrich Schmid', type: 'PER' as const, aliases: ['Schmid'] },
  { name: 'Alla Leukavets', type: 'PER' as const, aliases: ['Leukavets'] },
  { name: 'Nikita Gerasimov', type: 'PER' as const, aliases: ['Gerasimov'] },
  { name: 'Belarus', type: 'LOC' as const },
]

type Row = [proposition: string, band: string, holder: string | null, cue: string]

function assess(paragraphs: string[], quotes: TestQuote[] = []): Row[] {
  const doc = makeDoc(paragraphs, { entities: PEOPLE, quotes })
  const out = assessmentsStage.run(doc, {})
  return (out.layers.assessments ?? []).map((a) => [a.proposition, a.band, a.holderName, a.cue.text])
}

// [paragraphs, quotes, expected rows]
const CASES: [string[], TestQuote[], Row[]][] = [
  [
    ['Schmid does not believe that Lukashenko could suddenly change his mind. “It is very unlikely that Belarus will actively participate in the war. There is pressure.”'],
    [
      { content: 'Lukashenko could suddenly change his mind', speaker: 'Ulrich Schmid', kind: 'indirect' },
      { content: 'It is very unlikely that Belarus will actively participate in the war. There is pressure.', speaker: 'Ulrich Schmid' },
    ],
    [
      ['Lukashenko could suddenly change his mind', 'unlikely', 'Ulrich Schmid', 'does not believe that'],
      ['Belarus will actively participate in the war', 'very unlikely', 'Ulrich Schmid', 'It is very unlikely that'],
    ],
  ],
  [
    ['It could be the start of a new plan to include Belarus,” Schmid told Blick.'],
    [{ content: 'It could be the start of a new plan to include Belarus', speaker: 'Ulrich Schmid' }],
    [['It could be the start of a new plan to include Belarus', 'roughly even chance', 'Ulrich Schmid', 'could']],
  ],
  [
    ['“It is not certain that Belarus will be drawn into the war by Russia in the short term,” says Leukavets.'],
    [{ content: 'It is not certain that Belarus will be drawn into the war by Russia in the short term', speaker: 'Alla Leukavets' }],
    [['Belarus will be drawn into the war by Russia in the short term', 'uncertain', 'Alla Leukavets', 'It is not certain that']],
  ],
  [
    ['“Both Lukashenko and the Kremlin are aware of this scenario,” says Leukavets. Therefore, the decision on Belarus’ direct participation in the war will most likely be seen as a last resort.'],
    [{ content: 'Both Lukashenko and the Kremlin are aware of this scenario', speaker: 'Alla Leukavets' }],
    [['the decision on Belarus’ direct participation in the war will most likely be seen as a last resort', 'likely', 'Alla Leukavets', 'most likely']],
  ],
  [
    ['He does not assume that Russia will launch a second large-scale offensive on Kyiv.'],
    [{ content: 'Russia will launch a second large-scale offensive on Kyiv', speaker: 'Nikita Gerasimov', kind: 'indirect' }],
    [['Russia will launch a second large-scale offensive on Kyiv', 'unlikely', 'Nikita Gerasimov', 'does not assume that']],
  ],
  [
    ['“It seems more likely to me that Russian troops will undertake ‘local operations’ in northern Ukraine – for the purpose of distraction.”'],
    [{ content: 'It seems more likely to me that Russian troops will undertake ‘local operations’ in northern Ukraine – for the purpose of distraction.', speaker: 'Nikita Gerasimov' }],
    [['Russian troops will undertake ‘local operations’ in northern Ukraine', 'likely', 'Nikita Gerasimov', 'It seems more likely to me that']],
  ],
  [
    ['According to Gerasimov’s observations, the Belarusian troops will not directly participate in the hostilities.'],
    [],
    [['the Belarusian troops will not directly participate in the hostilities', 'unlikely', 'Nikita Gerasimov', 'According to Gerasimov’s observations']],
  ],
  [
    ['On the other hand, it is most likely under pressure from “big brother Russia” to provide active support, says the expert.'],
    [{ content: 'it is most likely under pressure from “big brother Russia” to provide active support', speaker: 'Nikita Gerasimov', kind: 'mixed' }],
    [['it is most likely under pressure from “big brother Russia” to provide active support', 'likely', 'Nikita Gerasimov', 'most likely']],
  ],
  [
    ['“How long he will be able to do that remains uncertain,” says Gerasimov.'],
    [{ content: 'How long he will be able to do that remains uncertain', speaker: 'Nikita Gerasimov' }],
    [['How long he will be able to do that', 'uncertain', 'Nikita Gerasimov', 'remains uncertain']],
  ],
  [
    ['Belarus expert Leukavets also points out that it is still too early to assess the purpose and power of this formation.'],
    [],
    [['the purpose and power of this formation', 'uncertain', 'Alla Leukavets', 'it is still too early to assess']],
  ],
  // must not match: narration modals, attributive adjectives, "May" the month, ability, "make sure"
  [['Russia could plan local operations from Belarusian soil.'], [], []],
  [['Putin’s authority has been damaged by the uncertain course of the war.'], [], []],
  [['The likely winner was announced in May.'], [], []],
  [['It is possible to buy tickets online. Officials will make sure that it works.'], [], []],
  [['Thousands of soldiers will be stationed in Belarus.'], [], []],
  // a bare possibility reads as a roughly even chance, whatever frames it
  [['Schmid also thinks it possible that Russia will launch a new offensive in the summer.'], [], [['Russia will launch a new offensive in the summer', 'roughly even chance', 'Ulrich Schmid', 'thinks it possible that']]],
  [['Schmid does not think it likely that Belarus will join the war.'], [], [['Belarus will join the war', 'unlikely', 'Ulrich Schmid', 'think it likely that']]],
  [['Schmid said there is a real possibility that Belarus will join the war.'], [], [['Belarus will join the war', 'roughly even chance', 'Ulrich Schmid', 'there is a real possibility that']]],
  [['Leukavets said it is possible that the talks collapse.'], [], [['the talks collapse', 'roughly even chance', 'Alla Leukavets', 'it is possible that']]],
  [['Leukavets said it is conceivable that the talks collapse.'], [], [['the talks collapse', 'unlikely', 'Alla Leukavets', 'it is conceivable that']]],
  [['Leukavets does not rule out that Minsk sends troops.'], [], [['Minsk sends troops', 'roughly even chance', 'Alla Leukavets', 'does not rule out that']]],
  [
    ['“A new offensive cannot be ruled out,” Gerasimov said.'],
    [{ content: 'A new offensive cannot be ruled out', speaker: 'Nikita Gerasimov' }],
    [['A new offensive', 'roughly even chance', 'Nikita Gerasimov', 'cannot be ruled out']],
  ],
  [['Schmid said there is little chance that the sanctions will be lifted.'], [], [['the sanctions will be lifted', 'very unlikely', 'Ulrich Schmid', 'there is little chance that']]],
  [['Leukavets told analysts that she expected the van business to turn a profit in 2025.'], [], [['the van business to turn a profit in 2025', 'likely', 'Alla Leukavets', 'expected']]],
  [['The plant is expected to reopen in 2025, as expected by Schmid.'], [], []],
  [['“It is still too early to call this one,” Gerasimov said.'], [{ content: 'It is still too early to call this one', speaker: 'Nikita Gerasimov' }], [['this one', 'uncertain', 'Nikita Gerasimov', 'It is still too early to call']]],
  [['Analysts at Cowen said it was "highly unlikely" that the bill would clear the House this year.'], [], [['the bill would clear the House this year', 'very unlikely', null, 'it was "highly unlikely" that']]],
  // a chance without what it is a chance of, or a possibility talked about, is no judgement
  [['Schmid has a good chance to win the prize.'], [], []],
  [['The possibility of talks was discussed in Minsk.'], [], []],
  // other shapes
  [['Schmid said it is unlikely that Belarus will not stay neutral.'], [], [['Belarus will not stay neutral', 'likely', 'Ulrich Schmid', 'it is unlikely that']]],
  [['Analysts doubt that the offensive will succeed.'], [], [['the offensive will succeed', 'unlikely', null, 'doubt that']]],
]

test('assessments: cue, proposition, band and holder', () => {
  const wrong = CASES.flatMap(([paras, quotes, expected]) => {
    const got = assess(paras, quotes)
    return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${paras[0]}\n   got ${JSON.stringify(got)}\n  want ${JSON.stringify(expected)}`]
  })
  assert.deepEqual(wrong, [])
})

test('assessments: normalized proposition is the positive form without hedges; horizon is kept', () => {
  const doc = makeDoc(['“It is not certain that Belarus won’t be drawn into the war in the short term,” says Leukavets.'], { entities: PEOPLE })
  const a = assessmentsStage.run(doc, {}).layers.assessments?.[0]
  assert.equal(a?.band, 'uncertain')
  assert.equal(a?.horizon, 'in the short term')
  const doc2 = makeDoc(['According to Gerasimov, the Belarusian troops will most likely not directly participate.'], { entities: PEOPLE })
  const b = assessmentsStage.run(doc2, {}).layers.assessments?.[0]
  assert.deepEqual([b?.band, b?.normalized], ['unlikely', 'the belarusian troops will directly participate'])
})
