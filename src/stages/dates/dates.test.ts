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
  // year of a month without one: future and future-in-the-past clauses take the next occurrence
  ['Senate Majority Leader Chuck Schumer said in a statement that the chamber would take up the bill in July.', ['July=2023-07/month'], '2023-05-16'],
  ["Moldova's government said on Thursday it would ration gas from December if talks failed.", ['on Thursday=2023-11-02/day', 'December=2023-12/month from 2023-12'], '2023-11-03'],
  ['The minister warned that reserves would last only until the end of January.', ['the end of January=2024-01/part-of-month to 2024-01'], '2023-11-03'],
  ['The plant is expected to reopen in February.', ['February=2024-02/month'], '2023-05-16'],
  ['She plans to run in April.', ['April=2024-04/month'], '2023-05-16'],
  ['Soldiers will be stationed in Belarus in March.', ['March=2024-03/month'], '2023-05-16'],
  ['He promised to finish the bridge by February.', ['February=2024-02/month to 2024-02'], '2023-05-16'],
  ['He said in January that the vote would be held in March.', ['January=2023-01/month', 'March=2023-03/month'], '2023-05-16'],
  ['The vote was scheduled for March but was postponed.', ['March=2023-03/month'], '2023-05-16'],
  ['In October, she said Moldova would never again depend on one supplier.', ['October=2023-10/month'], '2023-11-03'],
  ['He may wait until February to decide.', ['February=2016-02/month to 2016-02'], '2015-12-20'],
  ['Through the end of September, he had raised $3 million.', ['the end of September=2015-09/part-of-month to 2015-09'], '2015-11-16'],
  ['Clinton will take the stage after good news since their October 13 debate.', ['October 13=2015-10-13/day from 2015-10-13'], '2015-11-13'],
  ['The office had projected last August a smaller deficit.', ['August=2015-08/month'], '2016-01-20'],
  ['Make no mistake, this November we will win.', ['November=2016-11/month'], '2016-07-27'],
  ['The polls, in February and October, showed a tie.', ['February=2016-02/month', 'October=2015-10/month'], '2016-05-12'],
  ['WASHINGTON, Dec 8 (UPI) — The senator spoke.', ['Dec 8=2015-12-08/day'], '2015-12-07'],
  // weekdays: the publication's own weekday is that day; the verb of saying governs "said Sunday she will"
  ['Voters go to the polls Tuesday.', ['Tuesday=2016-03-01/day'], '2016-03-01'],
  ['The chair announced Sunday she will resign.', ['Sunday=2016-07-24/day'], '2016-07-25'],
  ['The convention begins next Tuesday.', ['next Tuesday=2024-05-21/day'], '2024-05-16'],
  // quarters, fiscal years, decades and seasons without a year
  ['Profits rose in the third quarter.', ['the third quarter=2022-07/part-of-year from 2022-07 to 2022-09'], '2023-05-16'],
  ['The company expects growth in the fourth quarter.', ['the fourth quarter=2023-10/part-of-year from 2023-10 to 2023-12'], '2023-05-16'],
  ['Revenue in Q3 2024 beat forecasts, and 2025 Q1 looks weak.', ['Q3 2024=2024-07/part-of-year from 2024-07 to 2024-09', '2025 Q1=2025-01/part-of-year from 2025-01 to 2025-03'], '2024-11-01'],
  ['Sales have grown since the second quarter of 2023.', ['the second quarter of 2023=2023-04/part-of-year from 2023-04'], '2024-11-01'],
  ['The outlook for the third quarter of fiscal 2025 is weak.', ['the third quarter of fiscal 2025=2025/part-of-year'], '2024-11-01'],
  ['Sales in fiscal 2025 and FY26 will rise.', ['fiscal 2025=2025/year', 'FY26=2026/year'], '2024-11-01'],
  ['Sales will double by the end of the decade.', ['the end of the decade=2029/year to 2029'], '2024-05-16'],
  ['Growth slowed over the past decade.', ['the past decade=2014/year from 2014 to 2024-05-16'], '2024-05-16'],
  ['Russia will launch a new offensive in the summer.', ['the summer=2024/season'], '2023-11-20'],
  ['The plant closed in the summer.', ['the summer=2023/season'], '2023-11-20'],
  ['A full cut-off this winter is unlikely.', ['this winter=2023/season'], '2023-11-03'],
  ['He entered the race last summer.', ['last summer=2015/season'], '2016-01-05'],
  ['Since the 1990s the town has shrunk.', ['the 1990s=1990/decade from 1990'], '2023-11-03'],
  ['We will decide within two weeks.', ['within two weeks=2023-05-30/week to 2023-05-30'], '2023-05-16'],
  // must not match
  ['The storm kept the fleet in port for three days.', []],
  ['After this fall in prices, demand rose.', []],
  ['Her campaign got 24/7 coverage.', []],
  ['They spoke six days before voters go to the polls, a year earlier than planned.', []],
  ['Officials expect most results by midnight, and polls close at 7 pm.', []],
  ['Cruz pulled in a quarter of the electorate.', []],
  ['Revenue rose to 4.2 billion euros, or $1.28 a share, and the vote was 5 to 4.', []],
  ['Three years later, the plant closed after eight years of losses.', []],
  ['The poll was taken Wednesday through Sunday.', ['Wednesday through Sunday=2022-12-14/day from 2022-12-14 to 2022-12-18']],
  ['Talks will run Monday through Wednesday.', ['Monday through Wednesday=2022-12-26/day from 2022-12-26 to 2022-12-28']],
  ['The senator spoke Monday night and again on Tuesday.', ['Monday night=2022-12-19/day', 'on Tuesday=2022-12-20/day']],
  ['Polls close at 7:30 pm on Nov 8, and officials said they expected results soon.', ['at 7:30 pm on Nov 8=2022-11-08T19:30/time'], '2022-11-03'],
  ['Even before the invasion on February 24, Moscow held exercises.', ['February 24=2022-02-24/day']],
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
