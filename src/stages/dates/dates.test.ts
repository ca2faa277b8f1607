import { test } from 'node:test'
import assert from 'node:assert/strict'
import { datesStage } from './index.js'
import { makeDoc } from './test-doc.js'
import type { DateMention } from '../../doc/layers.js'

const PUB = '2022-12-20' // a Tuesday

function dates(text: string, published: string | undefined = PUB, referenceDate?: string): DateMention[] {
  const doc = makeDoc([text], { meta: published ? { published } : {} })
  const out = datesStage.run(doc, referenceDate ? { referenceDate } : {})
  return [...(out.layers.dates ?? [])]
}
const brief = (d: DateMention): string =>
  `${d.text}=${d.value}/${d.precision}${d.from ? ` from ${d.from}` : ''}${d.to ? ` to ${d.to}` : ''}`

// [sentence, expected dates (text=value/precision [from x] [to y]), published]
const CASES: [string, string[], string?][] = [
  ['The Kremlin boss came to Belarus on Monday.', ['on Monday=2022-12-19/day']],
  ['He will travel to Minsk on Monday.', ['on Monday=2022-12-26/day']],
  ['Putin was last in Belarus three years ago.', ['three years ago=2019/year']],
  ['Since 1996, there has been a state union.', ['1996=1996/year from 1996']],
  ['Protests broke out in his own country in 2020.', ['2020=2020/year']],
  ['Police detain participants after 2020 elections.', ['2020=2020/year']],
  ['They announced a joint military unit in mid-October, he said.', ['mid-October=2022-10/part-of-month']],
  ['An offensive could come in the early months of 2023.', ['the early months of 2023=2023/part-of-year']],
  ['Equipment has been transported since the beginning of 2023.', ['the beginning of 2023=2023-01/part-of-year from 2023-01']],
  ['Even before the invasion on February 24, Moscow held exercises.', ['February 24=2022-02-24/day']],
  ['By February 1, Belarus and Russia hold exercises.', ['February 1=2023-02-01/day to 2023-02-01'], '2023-01-25'],
  ['The firm was registered in November 2019.', ['November 2019=2019-11/month']],
  ['Troops during joint maneuvers in December 2022.', ['December 2022=2022-12/month']],
  ['Belarus announced in October that it was entering an alliance.', ['October=2022-10/month']],
  ['Over the past few months, the number has increased.', ['past few months=2022-10/month from 2022-10 to 2023-01-25'], '2023-01-25'],
  ['He spoke yesterday.', ['yesterday=2022-12-19/day']],
  ['Prices rose last month.', ['last month=2022-11/month']],
  ['It happened two weeks ago.', ['two weeks ago=2022-12-06/week']],
  ['The summit takes place in spring 2024.', ['spring 2024=2024/season']],
  ['It was common in the 1990s.', ['the 1990s=1990/decade from 1990 to 1999']],
  ['He ruled from 1994-2020.', ['1994-2020=1994/year from 1994 to 2020']],
  ['The talks ran from March 3 to March 5, 2021.', ['March 3 to March 5, 2021=2021-03-03/day from 2021-03-03 to 2021-03-05']],
  ['The law was passed on 5 January 2021.', ['on 5 January 2021=2021-01-05/day']],
  ['It will end by the end of 2023.', ['the end of 2023=2023-12/part-of-year to 2023-12']],
  ['Elections are due in late 2024.', ['late 2024=2024/part-of-year']],
  // must not match
  ['Theresa May said she would stay.', []],
  ['Troops may march on the capital.', []],
  ['The Russian “Group Wagner” is considered brutal.', []],
  ['The firm has over 1,000 members.', []],
  ['Alexander Lukashenko (69) seemed thrilled.', []],
  ['The army sent 2000 soldiers to the border.', []],
  ['The code 20231 was entered.', []],
  ['Now he is trying to take over Belarus.', []],
  ['The note was dated 03/04/05.', ['03/04/05=null/day']],
]

test('dates: table with an injected publication date', () => {
  const wrong = CASES.flatMap(([text, expected, pub]) => {
    const got = dates(text, pub ?? PUB).map(brief)
    return JSON.stringify(got) === JSON.stringify(expected) ? [] : [`${text}\n   got ${JSON.stringify(got)}\n  want ${JSON.stringify(expected)}`]
  })
  assert.deepEqual(wrong, [])
})

test('dates: captions are marked and their photo credit is skipped', () => {
  const doc = makeDoc([['headline', 'Talks in Minsk on Monday'], ['caption', 'Troops during maneuvers in December 2022.Image: IMAGO 2021']], { meta: { published: PUB } })
  const withCredit = { ...doc, layers: { ...doc.layers, blocks: doc.layers.blocks!.map((b) => (b.type === 'caption' ? { ...b, credit: { start: b.end - 12, end: b.end, text: 'IMAGO 2021' } } : b)) } }
  const out = datesStage.run(withCredit, {}).layers.dates ?? []
  assert.deepEqual(out.map((d) => [d.text, d.source]), [['on Monday', 'headline'], ['December 2022', 'caption']])
})

test('dates: resolves against ctx.referenceDate when the article gives no date', () => {
  assert.deepEqual(dates('He came on Monday.', undefined, '2022-12-20').map(brief), ['on Monday=2022-12-19/day'])
})

test('dates: with no publication date, infers bounds and leaves reference-dependent values null', () => {
  const doc = makeDoc(['Equipment has been moved since the beginning of 2023. He came on Monday. It was registered in November 2019.'])
  const out = datesStage.run(doc, {})
  assert.equal(out.meta.publishedInferred?.after, '2023-01-01')
  assert.equal(out.meta.publishedInferred?.before, undefined)
  assert.deepEqual(out.layers.dates?.map(brief), ['the beginning of 2023=2023-01/part-of-year from 2023-01', 'on Monday=null/day', 'November 2019=2019-11/month'])
})

test('dates: with tight inferred bounds, a relative year resolves', () => {
  const doc = makeDoc(['The protests of December 2022 were crushed. Talks will start on December 30, 2022. He was there three years ago.'])
  const out = datesStage.run(doc, {})
  assert.deepEqual(out.meta.publishedInferred && [out.meta.publishedInferred.after, out.meta.publishedInferred.before], ['2022-12-01', '2022-12-30'])
  assert.deepEqual(out.layers.dates?.map(brief).at(-1), 'three years ago=2019/year')
})

test('dates: hundreds of dates and year-only noise stay fast and bounded', () => {
  const text = Array.from({ length: 300 }, (_, i) => `It happened on March ${(i % 28) + 1}, ${1990 + (i % 30)}.`).join(' ')
  const out = dates(text)
  assert.equal(out.length, 300)
  assert.equal(out[0]?.value, '1990-03-01')
})
