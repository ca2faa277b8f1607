import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Quote } from '../../doc/layers.js'
import { attribute, createQuotesStage, quotesStage } from './index.js'
import { ALLOWED, bestPath, LABELS, marginOf, NL, segments } from './tagger.js'
import { scanTokens, scanWords } from './words.js'
import { findQuotedSpans } from './marks.js'
import { makeTestDoc, type TestDocOptions } from './test-doc.js'

const PEOPLE: TestDocOptions['entities'] = [
  { name: 'Tim Cook', gender: 'm' },
  { name: 'Apple', type: 'ORG' },
  { name: 'Ulrich Schmid', aliases: ['Schmid'], gender: 'm' },
  { name: 'Alexander Lukashenko', aliases: ['Lukashenko'], gender: 'm' },
  { name: 'Alla Leukavets', aliases: ['Leukavets'], gender: 'f' },
  { name: 'Nikita Gerasimov', aliases: ['Gerasimov'], gender: 'm' },
  { name: 'Blick', type: 'ORG' },
  { name: 'Belarus', type: 'LOC' },
  { name: 'US National Security Council', type: 'ORG' },
]

function quotes(text: string, headlines: string[] = []): readonly Quote[] {
  return quotesStage.run(makeTestDoc(text, { entities: PEOPLE, headlines }), {}).layers.quotes!
}
const strictGate = createQuotesStage({ doubtful: 'drop' })
/** The stage with every doubt of the tagger's gate dropping its attribution (the gate's checks one by one). */
function strictQuotes(text: string): readonly Quote[] {
  return strictGate.run(makeTestDoc(text, { entities: PEOPLE }), {}).layers.quotes!
}

// [text, fragment the quote must contain, kind, speaker name, medium]
const FOUND: [string, string, Quote['kind'], string | null, string?][] = [
  ['Intro.\n“It is over,” says Schmid.', 'It is over', 'direct', 'Ulrich Schmid'],
  ['Intro.\nIt could be the start of a plan. He wants Belarus,” Ulrich Schmid (57), professor at the University of St. Gallen, told Blick.', 'start of a plan', 'direct', 'Ulrich Schmid', 'Blick'],
  ['Intro.\nSchmid on Blick: “His survival depends on Putin.” More.', 'His survival depends', 'direct', 'Ulrich Schmid', 'Blick'],
  ['Intro.\nLukashenko knows it. “We cannot do without them,” he admitted at the press conference.', 'We cannot do without', 'direct', 'Alexander Lukashenko', 'the press conference'],
  ['Intro.\nGerasimov says:\n“The city is too well fortified. It holds.”', 'too well fortified', 'direct', 'Nikita Gerasimov'],
  ['Intro.\n“Yet channels report activity in Belarus”says the political scientist Alla Leukavets in an interview with watson.', 'channels report activity', 'direct', 'Alla Leukavets', 'watson'],
  ['Intro.\nAccording to Leukavets, anti-war sentiment in Belarus is very high.', 'anti-war sentiment', 'indirect', 'Alla Leukavets'],
  ['Intro.\nSchmid does not believe that Lukashenko could suddenly change his mind.', 'could suddenly change', 'indirect', 'Ulrich Schmid'],
  ['Intro.\nThe US National Security Council said Belarus “clearly and verifiably” supported Russia.', 'clearly and verifiably', 'mixed', 'US National Security Council'],
  ['Intro.\nAccording to Russian officials, the drills were billed as “purely defensive in nature”.', 'the drills were billed', 'mixed', 'Russian officials'],
  ['Intro.\nAccording to Leukavets, laws were passed.\n“The crisis has not yet been resolved,” says the expert.', 'crisis has not yet', 'direct', 'Alla Leukavets'],
  ['Intro.\n“It is logical,” says Gerasimov. On the other hand, it is under pressure from “big brother Russia” to help, says the expert.', 'it is under pressure', 'mixed', 'Nikita Gerasimov'],
  ['Intro.\nSchmid does not believe that it will happen. “It is very unlikely that Belarus will join the war. There is considerable pressure.”', 'very unlikely', 'direct', 'Ulrich Schmid'],
  ['Intro.\nThe Ukrainian government has recently expressed fears that an offensive could come from the north.', 'an offensive could come', 'indirect', 'Ukrainian government'],
  ['Intro.\nSome said "it is fine," and "we will see." Lukashenko said "no way, never again."', 'no way', 'direct', 'Alexander Lukashenko'],
  // appositive subjects, a second verb of the same subject, titles with a period, a place after the name
  ["Intro.\nApple's chief executive, Tim Cook, said in a statement that the company was working with regulators.", 'the company was working', 'indirect', 'Tim Cook'],
  ["Intro.\nThe university's rector, Ulrich Schmid, said the war has damaged Putin.", 'the war has damaged', 'indirect', 'Ulrich Schmid'],
  ['Intro.\nSchmid, a professor at the University of St. Gallen, said the war has damaged Putin.', 'the war has damaged', 'indirect', 'Ulrich Schmid'],
  ['Intro.\nSchmid, 57, said the war has damaged Putin.', 'the war has damaged', 'indirect', 'Ulrich Schmid'],
  ['Intro.\nIn Minsk, Gerasimov praised the army and said the border is well fortified.', 'the border is well', 'indirect', 'Nikita Gerasimov'],
  ['Intro.\nThe political scientist praised the army and said the border is well fortified.', 'the border is well', 'indirect', null],
  ["Intro.\n''The border is closed,'' Mr. Gerasimov said. ''Nobody crosses it any more.''", 'Nobody crosses', 'direct', 'Nikita Gerasimov'],
  ['Intro.\n“The border is closed,” says observer Nikita Gerasimov Berlin to watson.', 'border is closed', 'direct', 'Nikita Gerasimov', 'watson'],
  // source phrases after 'according to', unnamed group subjects of 'say', relative 'who', ', saying ...'
  ['Intro.\nAccording to a review of FEC filings, the group spent more money on mailings.', 'the group spent', 'indirect', 'a review of FEC filings'],
  ['Intro.\nNearly nine out of 10 say they will need new skills.', 'they will need new skills', 'indirect', 'Nearly nine out of 10'],
  ['Intro.\nThe talks were attended by Gerasimov, who said the border is well fortified.', 'the border is well', 'indirect', 'Nikita Gerasimov'],
  ['Intro.\nGerasimov left the meeting early, saying the border is well fortified.', 'the border is well', 'indirect', 'Nikita Gerasimov'],
  // stances whose object is the attributed content (PolNeAR), beliefs and findings without 'that'
  ['Intro.\nGerasimov called the plan “shameful” on Monday.', 'the plan', 'mixed', 'Nikita Gerasimov'],
  ['Intro.\nLeukavets accused Lukashenko of buying time.', 'Lukashenko of buying time', 'indirect', 'Alla Leukavets'],
  ['Intro.\nSchmid endorsed Leukavets.', 'Leukavets', 'indirect', 'Ulrich Schmid'],
  ['Intro.\nGerasimov declined to comment on the troops.', 'to comment', 'indirect', 'Nikita Gerasimov'],
  ['Intro.\nPolls show Lukashenko far behind in the capital.', 'Lukashenko far behind', 'indirect', 'Polls'],
  ['Intro.\nSome officials think Lukashenko is at risk of losing.', 'Lukashenko is at risk', 'indirect', 'Some officials'],
  ['Intro.\nAccording to her, one important point speaks against it. Leukavets left.', 'one important point', 'indirect', null],
  ['Headline\n‘There is considerable pressure’\nSchmid on Blick: “There is considerable pressure, really.”', '‘There is considerable pressure’', 'direct', 'Ulrich Schmid'],
]

for (const [text, fragment, kind, speaker, medium] of FOUND) {
  test(`finds ${kind} quote "${fragment}" by ${speaker}`, () => {
    const hits = quotes(text, ['‘There is considerable pressure’']).filter((q) => q.text.includes(fragment))
    assert.ok(hits.length > 0, `no quote holds "${fragment}": ${JSON.stringify(quotes(text).map((q) => q.text))}`)
    const q = hits[0]!
    assert.equal(q.kind, kind)
    assert.equal(q.speakerName, speaker)
    if (medium !== undefined) assert.equal(q.medium?.text, medium)
  })
}

// [text, cue, its type]: each quote's cue says what it reports, so users can keep words said apart from stances
const CUE_TYPES_FOUND: [string, string, NonNullable<Quote['cue']>['type']][] = [
  ['Intro.\n“It is over,” says Schmid.', 'says', 'speech'],
  ['Intro.\nSchmid does not believe that Lukashenko could suddenly change his mind.', 'believe', 'belief'],
  ['Intro.\nAccording to Leukavets, anti-war sentiment in Belarus is very high.', 'According to', 'source'],
  ['Intro.\nA new poll found that most voters in Belarus oppose the war.', 'found', 'finding'],
  ['Intro.\nLukashenko rejected the notion that Belarus would send troops to Ukraine.', 'rejected', 'act'],
  ['Intro.\nSchmid urged Lukashenko to stay out of the war in Ukraine.', 'urged', 'directive'],
  ['Intro.\nLeukavets expressed fears that Belarus could be drawn into the war.', 'expressed fears', 'noun'],
]
for (const [text, cue, type] of CUE_TYPES_FOUND) {
  test(`the cue "${cue}" is of type ${type}`, () => {
    const q = quotes(text).find((x) => x.cue?.text === cue)
    assert.ok(q, `no quote with the cue "${cue}": ${JSON.stringify(quotes(text).map((x) => x.cue?.text))}`)
    assert.equal(q.cue?.type, type)
  })
}

// [text, words that must not be reported as (part of) a quote]
const NOT_QUOTES: [string, string][] = [
  ['Intro.\nBelarus is building its own “Wagner Group”.', 'Wagner Group'],
  ['Intro.\nThe expert works at the “Stockholm Center for Eastern European Studies”.', 'Stockholm Center'],
  ['Intro.\nIt is coming into focus as Russia’s “close friend” – or rather “the last close friend”.', 'close friend'],
  ['Intro.\nLukashenko’s power has been weakened, and Putin’s troops don’t move.', 'power'],
  ['Intro.\nApparently, Lukashenko knows that too.', 'too'],
  // cue words that are nouns or parts of names
  ['Intro.\nThe Secretary of State met the governor of the state that voted.', 'voted'],
  ['Intro.\nHis home state reported losses and the report that followed was long.', 'followed'],
  ['Intro.\nGerasimov thinks about it often.', 'about it'],
]
// Words reported after a subject that reads as no speaker are kept with the speaker unresolved, never given to someone
for (const [text, words] of [['Intro.\nExperience has shown that there can be a big difference.', 'big difference']] as const) {
  test(`speaker unresolved in "${text.slice(7, 50)}"`, () => {
    assert.deepEqual(
      quotes(text).filter((q) => q.text.includes(words)).map((q) => [q.speakerMention?.text ?? null, q.speakerEntity, q.speakerName]),
      [[null, null, null]],
    )
  })
}
for (const [text, words] of NOT_QUOTES) {
  test(`no quote in "${text.slice(7, 50)}"`, () => {
    assert.deepEqual(
      quotes(text).filter((q) => q.text.includes(words)).map((q) => q.text),
      [],
    )
  })
}

test('pronoun he skips a female person and mentions inside the quote', () => {
  const q = quotes('Intro.\nGerasimov spoke. Then Leukavets left. “Schmid is wrong,” he says.')
  assert.equal(q[0]?.speakerName, 'Nikita Gerasimov')
})

test('an act verb inside reported content stays part of it; a quoted name there is no quote', () => {
  const q = quotes('Intro.\nThe US National Security Council said Belarus “clearly and verifiably” supported Russia in attacking Lukashenko. Gerasimov cites the group “Mozart” as an example.')
  assert.deepEqual(q.map((x) => [x.kind, x.text, x.speakerName]), [
    ['mixed', 'Belarus “clearly and verifiably” supported Russia in attacking Lukashenko', 'US National Security Council'],
    ['indirect', 'the group “Mozart” as an example', 'Nikita Gerasimov'],
  ])
})

test('“A,” he said, adding, “B”: the second quote has its own cue and the same speaker', () => {
  const q = quotes('Intro.\nGerasimov spoke. “The border is closed for now,” he said, adding, “Nobody will cross it this year.”')
  assert.deepEqual(q.map((x) => [x.cue?.text, x.speakerName]), [['said', 'Nikita Gerasimov'], ['adding', 'Nikita Gerasimov']])
})

test('a stance noun before a comma is no cue; a transitive worry is no belief', () => {
  const q = quotes('Headline: Schmid worries Leukavets\nOn the other hand, it is under pressure from “big brother Russia” to provide active support, says the expert.')
  assert.deepEqual(q.map((x) => [x.kind, x.cue?.text]), [['mixed', 'says']])
})

test('according to her: the pronoun resolves to the last woman', () => {
  const q = quotes('Intro.\nLeukavets spoke. According to her, one important point speaks against it.')
  assert.equal(q[0]?.speakerName, 'Alla Leukavets')
})

test('a pronoun with no compatible person stays unresolved', () => {
  const q = quotes('Intro.\nLeukavets left. “It is wrong,” he says.')
  assert.equal(q[0]?.speakerEntity, null)
  assert.equal(q[0]?.speakerName, null)
})

test('cue lemma, tense and medium', () => {
  const [q] = quotes('Intro.\nSchmid told Blick that the war has damaged Putin.')
  assert.deepEqual([q?.cue?.text, q?.cue?.lemma, q?.cue?.tense, q?.medium?.text], ['told', 'tell', 'past', 'Blick'])
})

// [text, expected quoted-span texts]
const MARKS: [string, string[]][] = [
  ['He said “a” and „b“ and «c» and "d" and ``e\'\'.', ['“a”', '„b“', '«c»', '"d"', "``e''"]],
  ['Putin’s men don’t know the officials’ plan.', []],
  ['Missing opener here,” he said.', ['Missing opener here,”']],
  // NYT style: '' both opens and closes; a nested single quote stays inside
  ["''It works,'' he said. ''Part of it is to say: 'Hey, for real,''' and more.", ["''It works,''", "''Part of it is to say: 'Hey, for real,''"]],
  ["Mr. King's and the voters' plans, he said.", []],
]
for (const [text, expected] of MARKS) {
  test(`marks in "${text}"`, () => {
    const d = makeTestDoc(text)
    const b = d.layers.blocks!
    assert.deepEqual(findQuotedSpans(d.text, b, b.map((_, i) => i)).map((q) => d.text.slice(q.start, q.end)), expected)
  })
}

test('multi-paragraph quote: one speaker for every paragraph', () => {
  const q = quotes('Intro.\n“First part of it.\n“Second part of it,” says Schmid.')
  assert.deepEqual(q.map((x) => x.speakerName), ['Ulrich Schmid', 'Ulrich Schmid'])
})

test('bad input: unbalanced marks, 5,000 paragraphs, one long quote, German', () => {
  const unbalanced = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? '“Open and never closed, says Schmid.' : 'Plain “ text ” with ” stray ‘ marks.')).join('\n')
  const long = Array.from({ length: 5000 }, (_, i) => `Paragraph ${i} says “something ${i}” and Schmid said that it is so.`).join('\n')
  const oneQuote = `“${'This is all one long quote without end. '.repeat(2000)}`
  const german = 'Titel\n„Es ist sehr unwahrscheinlich, dass Belarus in den Krieg eintritt“, sagt Schmid.'
  for (const text of [unbalanced, long, oneQuote, german]) {
    const doc = makeTestDoc(text, { entities: PEOPLE })
    const out = quotesStage.run(doc, {}).layers.quotes!
    const blocks = doc.layers.blocks!
    for (const q of out) {
      const b = blocks[q.block]!
      assert.ok(q.start >= b.start && q.end <= b.end, `quote crosses its block: ${q.text.slice(0, 40)}`)
    }
  }
})

// [text, quoted fragments that must come out as one attribution (same cue)]
const SHARED_CUE: [string, string, string][] = [
  ['Intro.\n“It is over,” Schmid said on Monday. “Nobody will come back to it.”', 'It is over', 'Nobody will come back'],
  ["Intro.\n''It is over,'' he said. ''Nobody will come back to it now.''", 'It is over', 'Nobody will come back'],
  // a name in the attribution's appositive does not break the chain
  ['Intro.\n“It is over,” said Schmid, an adviser to Gerasimov. “Nobody will come back to it.”', 'It is over', 'Nobody will come back'],
  // a nested quote closing with the outer one leaves its mark before the attribution
  ["Intro.\n''She asked me, 'What did he mean by that?''' Schmid said. ''Nobody knew it then.''", 'What did he mean', 'Nobody knew'],
  // a short second part right after the attribution sentence is still the quote's next part
  ["Intro.\n''I like this city more than the other one,'' he said. ''Nice people.''", 'I like this city', 'Nice people'],
  ['Intro.\n“He clearly understands the story of the immigrant,” said Ulrich Schmid, a professor. “He gets it.”', 'clearly understands', 'He gets it'],
  // the attribution ends its paragraph and the next paragraph opens with the quote's continuation
  ['Intro.\n“It is over,” Schmid told Blick in an interview.\n“Nobody will come back to it.”', 'It is over', 'Nobody will come back'],
]
for (const [text, a, b] of SHARED_CUE) {
  test(`a quote broken by its attribution shares the cue: "${a}" / "${b}"`, () => {
    const q = quotes(text)
    const qa = q.find((x) => x.text.includes(a))
    const qb = q.find((x) => x.text.includes(b))
    assert.ok(qa?.cue && qb?.cue, JSON.stringify(q.map((x) => [x.text, x.cue?.text])))
    assert.equal(qb.cue.start, qa.cue.start)
  })
}

// '“A.” ¶ “B,” X notes.': a whole-paragraph quote before the paragraph whose quote is attributed after it takes that cue
const LEADING: [string, string, string][] = [
  ['Intro.\n“Nobody will come back to it.”\n“It is over,” Schmid told Blick.', 'Nobody will come back', 'It is over'],
  ['Intro.\n“Nobody will come back to it. Not now.”\n“It is over,” says Gerasimov.', 'Nobody will come back', 'It is over'],
]
for (const [text, a, b] of LEADING) {
  test(`a quote paragraph before a tail-attributed quote shares its cue: "${a}"`, () => {
    const q = quotes(text)
    const qa = q.find((x) => x.text.includes(a))
    const qb = q.find((x) => x.text.includes(b))
    assert.ok(qa?.cue && qb?.cue, JSON.stringify(q.map((x) => [x.text, x.cue?.text])))
    assert.equal(qa.cue.start, qb.cue.start)
    assert.equal(qa.speakerEntity, qb.speakerEntity)
  })
}

// '..., saying, “...”': a participle cue after a comma takes the clause's subject. [text, fragment, speaker]
const PARTICIPLE: [string, string, string][] = [
  ['Intro.\nSchmid praised Blick, saying, “It is over for them.”', 'It is over', 'Ulrich Schmid'],
  ['Intro.\nLeukavets left the room, adding: “Nobody will come back to it.”', 'Nobody will come back', 'Alla Leukavets'],
]
for (const [text, fragment, speaker] of PARTICIPLE) {
  test(`participle cue before a quote: "${text.slice(7, 50)}"`, () => {
    const q = quotes(text).find((x) => x.kind === 'direct' && x.text.includes(fragment))
    assert.equal(q?.speakerName, speaker)
  })
}

// After a quoted fragment closes in reported content, 'and/but <past verb>' or ', <cue>ing' is the speaker's next act.
// [text, content fragment, the content must end with]
const NEXT_ACT: [string, string, string][] = [
  ['Intro.\nSchmid called the plan “an absolute disgrace,” and threatened to leave the talks.', 'absolute disgrace', 'disgrace,”'],
  ['Intro.\nSchmid said he would offer “a prayer” for Lukashenko but did not say more about it.', 'a prayer', 'for Lukashenko'],
  ['Intro.\nSchmid said the plan was “an absolute disgrace” and then left the room in a hurry.', 'absolute disgrace', 'disgrace”'],
  // no closed fragment before 'and': the content runs on
  ['Intro.\nSchmid said the plan failed and worried the whole region for a long time.', 'plan failed', 'long time'],
]
for (const [text, fragment, ending] of NEXT_ACT) {
  test(`content ends before the next act: "${text.slice(7, 55)}"`, () => {
    const q = quotes(text).find((x) => x.text.includes(fragment))
    assert.ok(q?.text.endsWith(ending), JSON.stringify(q?.text))
  })
}

// A second lexicon verb of the same speaker inside reported content opens an attribution of its own (PolNeAR
// annotates each): [text, first content, second cue, second content]
const COORDINATED: [string, string, string, string][] = [
  ['Intro.\nSchmid said the plan had failed, saying the region needed a new start.', 'the plan had failed', 'saying', 'the region needed a new start'],
  ['Intro.\nSchmid said the talks would resume in May and warned that the ceasefire was fragile.', 'the talks would resume in May', 'warned', 'that the ceasefire was fragile'],
]
for (const [text, first, cue, second] of COORDINATED) {
  test(`a second verb of the speaker splits the content: "${text.slice(7, 60)}"`, () => {
    const qs = quotes(text)
    assert.deepEqual(
      qs.map((q) => [q.text, q.cue?.text, q.speakerName]),
      [
        [first, 'said', 'Ulrich Schmid'],
        [second, cue, 'Ulrich Schmid'],
      ],
    )
  })
}
// ... but not a verb that cues content only before 'that', nor one inside a quotation
for (const text of ['Intro.\nSchmid said the plan failed and worried the whole region for a long time.', 'Intro.\nSchmid said the plan was “a failure, saying nothing about the region” in his view.']) {
  test(`no split: "${text.slice(7, 60)}"`, () => {
    assert.equal(quotes(text).length, 1)
  })
}

// People of a role, in the plural, are a group speaker: reported, unresolved. [text, speaker mention]
for (const [text, mention] of [
  ['Intro.\n“We will stay,” senators said.', 'senators'],
  ['Intro.\n“We will stay,” the negotiators said.', 'the negotiators'],
] as const) {
  test(`plural role speaker: "${text.slice(7, 50)}"`, () => {
    const q = quotes(text).find((x) => x.text.includes('We will stay'))
    assert.deepEqual([q?.speakerMention?.text, q?.speakerEntity], [mention, null])
  })
}

// An attribution set off by commas inside its sentence reports the words before it too, with the same cue (the
// rules' reading; PolNeAR annotates one attribution with both parts)
test('the words before an attribution in commas are its first part', () => {
  const q = createQuotesStage({}, null).run(makeTestDoc('Intro.\nThe pollution had become so bad, Schmid noted, that the most visited page in China was the air monitor.', { entities: PEOPLE }), {}).layers.quotes!
  assert.deepEqual(
    q.map((x) => [x.text, x.cue?.text, x.speakerName]),
    [
      ['The pollution had become so bad', 'noted', 'Ulrich Schmid'],
      ['that the most visited page in China was the air monitor', 'noted', 'Ulrich Schmid'],
    ],
  )
})

// Person nouns heading a speaker phrase (speakers.json roles): the mention is reported, unresolved when no person fits.
const ROLE_SPEAKERS: [string, string][] = [
  ['Intro.\n“We want those people back,” the organizer told them.', 'the organizer'],
  ['Intro.\n“She was collaborative,” said one former executive who requested anonymity.', 'one former executive'],
  ['Intro.\n“There should be a lot of systems,” the businessman replied.', 'the businessman'],
]
for (const [text, mention] of ROLE_SPEAKERS) {
  test(`role speaker "${mention}"`, () => {
    const q = quotes(text).find((x) => x.kind === 'direct')
    assert.equal(q?.speakerMention?.text, mention)
    assert.equal(q?.speakerEntity, null)
  })
}

// A direct quote attributed after it that does not open its sentence: the content runs from the sentence start (mixed).
// [text, kind, content]
const LEAD_IN: [string, Quote['kind'], string][] = [
  ["Intro.\nThe tax plans are ''profoundly irresponsible,'' said Schmid.", 'mixed', "The tax plans are ''profoundly irresponsible,''"],
  ['Intro.\nBehind the scenes, Gerasimov is “activating his network,” said Schmid.', 'mixed', 'Behind the scenes, Gerasimov is “activating his network,”'],
  // the quote opens its sentence: direct, the marks only
  ['Intro.\n“It is over,” said Schmid.', 'direct', '“It is over,”'],
  // a head cue before the quote: not a lead-in
  ['Intro.\nSchmid said: “It is over.”', 'direct', '“It is over.”'],
]
for (const [text, kind, content] of LEAD_IN) {
  test(`lead-in before a tail-attributed quote: "${text.slice(7, 50)}"`, () => {
    const q = quotes(text)[0]
    assert.deepEqual([q?.kind, q?.text], [kind, content])
  })
}

// 'Name: ...' opening a paragraph (headline style) attributes the rest to the name: with a quoted fragment after any
// speaker phrase, without one only in a short headline after a named person; never after a pronoun or a non-speaker
// word. A transcript label in capitals ('"PENCE: ...') is the speaker of the paragraph when the article names them.
// [text, expected [kind, speaker mention, content] or null]
const HEADLINE_COLON: [string, [Quote['kind'], string, string] | null][] = [
  ['Schmid: Lukashenko ‘Cannot Do Without Them’ in the War.\nMore.', ['mixed', 'Schmid', 'Lukashenko ‘Cannot Do Without Them’ in the War']],
  ['Ulrich Schmid: Belarus ‘Under Pressure’\nMore.', ['mixed', 'Ulrich Schmid', 'Belarus ‘Under Pressure’']],
  ['Schmid: Lukashenko Cannot Do Without Them.\nMore.', ['indirect', 'Schmid', 'Lukashenko Cannot Do Without Them']],
  ['Update: Lukashenko ‘Cannot Do Without Them’ in the War.\nMore.', null],
  ['Update: Lukashenko Cannot Do Without Them.\nMore.', null],
  ['Interviewer Nikita Gerasimov spoke with Ulrich Schmid.\n"SCHMID: Well, look, this is serious business for the whole country.', ['direct', 'SCHMID', 'Well, look, this is serious business for the whole country']],
  // the answer goes on in the next paragraphs opened the same way, up to the next label, a bracketed note or a promotion line
  ['Interviewer Nikita Gerasimov spoke with Ulrich Schmid.\n"SCHMID: Well, look, this is serious business.\n"And the country knows it very well by now.\n"GERASIMOV: Thank you very much.\n"Follow Nikita Gerasimov on Twitter @nikita.', ['direct', 'SCHMID', 'Well, look, this is serious business']],
  // a capitalised label nobody in the article is called is no speaker
  ['Interviewer Nikita Gerasimov spoke with Ulrich Schmid.\n"NOTE: Well, look, this is serious business for the whole country.', null],
]
// A headline in title case: a capitalised subject, a capitalised lexicon verb, the rest attributed (a poll or a
// study as the label before a colon too). [text, expected [kind, speaker mention, cue, content] or null]
const HEADLINE_VERB: [string, [Quote['kind'], string, string, string] | null][] = [
  ['New Poll Shows Minor Post-Debate Bump For Clinton.\nMore.', ['indirect', 'New Poll', 'Shows', 'Minor Post-Debate Bump For Clinton']],
  ['Ulrich Schmid Says Lukashenko Cannot Do Without Russia.\nMore.', ['indirect', 'Ulrich Schmid', 'Says', 'Lukashenko Cannot Do Without Russia']],
  ['Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.\nMore.', ['indirect', 'Poll', ':', 'Wealthy Voters Abandon Republican Party for Hillary Clinton']],
  // no lexicon verb; a sentence rather than a title-case line is the rules' ordinary reading
  ['Clinton Breaks With Obama On Lawsuit Bill.\nMore.', null],
  ['New poll shows a minor bump for Clinton after the debate.\nMore.', ['indirect', 'New poll', 'shows', 'a minor bump for Clinton after the debate']],
]
for (const [text, expected] of HEADLINE_VERB) {
  test(`headline verb: "${text.slice(0, 45)}"`, () => {
    const q = quotes(text).find((x) => x.block === 0)
    assert.deepEqual(q ? [q.kind, q.speakerMention?.text, q.cue?.text, q.text] : null, expected)
  })
}

for (const [text, expected] of HEADLINE_COLON) {
  test(`headline-style speaker and colon: "${text.slice(0, 45)}"`, () => {
    const q = quotes(text).find((x) => x.cue?.text === ':')
    assert.deepEqual(q ? [q.kind, q.speakerMention?.text, q.text] : null, expected)
  })
}

test('a transcript answer spans the paragraphs after its label, up to the next label or a promotion line', () => {
  const q = quotes('Interviewer Nikita Gerasimov spoke with Ulrich Schmid.\n"SCHMID: Well, look, this is serious business.\n"And the country knows it very well by now.\n"GERASIMOV: Thank you very much.\n"Follow Nikita Gerasimov on Twitter @nikita.')
  assert.deepEqual(q.filter((x) => x.cue?.text === ':').map((x) => [x.speakerMention?.text, x.text]), [
    ['SCHMID', 'Well, look, this is serious business'],
    ['SCHMID', 'And the country knows it very well by now'],
    ['GERASIMOV', 'Thank you very much'],
  ])
})

// A paragraph that is one quote signed after a dash ('“...” ― Name', reader voices and epigraphs) is that person's.
// [text, expected [speaker mention, content] or null]
const SIGNED: [string, [string, string] | null][] = [
  ['Readers wrote in.\n“He does not understand our lives and never will, I think.” ― Sonya Herridge', ['Sonya Herridge', '“He does not understand our lives and never will, I think.”']],
  ['Readers wrote in.\n”The debate just proved that he is not fit to lead.”― Edwin G. Monroy.', ['Edwin G. Monroy', '”The debate just proved that he is not fit to lead.”']],
  // a dash inside running text after a quote signs nothing
  ['Readers wrote in.\n“He does not understand our lives,” she said ― and then she left the hall.', null],
]
for (const [text, expected] of SIGNED) {
  test(`signed quote: "${text.slice(18, 60)}"`, () => {
    const q = quotes(text).find((x) => x.cue && /[―—–]/.test(x.cue.text))
    assert.deepEqual(q ? [q.speakerMention?.text, q.text] : null, expected)
  })
}

// A quoted fragment in the object of a speaker's verb is a mixed quote cued by that verb; not after 'is', not a
// quoted name, not across a comma. [text, expected [speaker mention, cue, content] or null]
const FRAGMENT: [string, [string, string, string] | null][] = [
  ['Intro.\nSchmid openly admires Lukashenko as a “strong leader,” comparing him to others.', ['Schmid', 'admires', 'Lukashenko as a “strong leader,”']],
  ['Intro.\nGerasimov exhorted voters to "stay at home" and said he would not vote.', ['Gerasimov', 'exhorted', 'voters to "stay at home"']],
  ['Intro.\nThe expert vowed to harshly punish “those who break the rules” in the region.', ['The expert', 'vowed', 'to harshly punish “those who break the rules” in the region']],
  // a speech verb later in the subject's clause: after a coordinated act, after a participle phrase
  ['Intro.\nThe expert outlined his plan and vowed to punish “those who break the rules.”', ['The expert', 'vowed', 'to punish “those who break the rules.”']],
  ['Intro.\nProtesters marching through the streets chanted "What curfew?" and kept going.', ['Protesters', 'chanted', '"What curfew?"']],
  ['Intro.\nLukashenko is a “political survivor” in the eyes of many.', null],
  ['Intro.\nSchmid watched “Shark Tank” with friends.', null],
  // chanting words is saying them (PolNeAR: 'walked onto the stage, chanting “U-S-A!”')
  ['Intro.\nGerasimov walked onto the stage, chanting “we are here to stay.”', ['Gerasimov', 'chanting', '“we are here to stay.”']],
]
for (const [text, expected] of FRAGMENT) {
  test(`quoted fragment in a verb's object: "${text.slice(7, 55)}"`, () => {
    const q = quotes(text).find((x) => x.kind !== 'indirect')
    assert.deepEqual(q ? [q.speakerMention?.text, q.cue?.text, q.text] : null, expected)
  })
}

// Holding a sign is not saying its words: whether or not the sign's words are reported, they are not Gerasimov's
test('a sign’s words are not its holder’s', () => {
  const q = quotes('Intro.\nGerasimov walked onto the stage, holding a sign reading “we are here to stay.”').filter((x) => x.text.includes('here to stay'))
  assert.ok(q.every((x) => x.speakerEntity === null && x.speakerMention === undefined), JSON.stringify(q.map((x) => [x.text, x.speakerMention?.text])))
})

// The gate's content check: a cue ending in 'for' / 'of' takes a position (its object is the content); one ending
// in 'on' / 'about' names a topic, a doubt (kept by default: PolNeAR annotates topics). [text, expected [cue, content] or null]
const POSITION_CUES: [string, [string, string] | null][] = [
  ['Intro.\nLeukavets called for new sanctions against the regime in Minsk.', ['called for', 'new sanctions against the regime in Minsk']],
  ['Intro.\nGerasimov warned of a new offensive from the north before the spring.', ['warned of', 'a new offensive from the north before the spring']],
  ['Intro.\nGerasimov commented on the parade in Minsk.', null],
]
for (const [text, expected] of POSITION_CUES) {
  test(`position or topic after a cue's preposition: "${text.slice(7, 50)}"`, () => {
    const q = strictQuotes(text)[0]
    assert.deepEqual(q ? [q.cue?.text, q.text] : null, expected)
  })
}

// A question or exclamation quote the splitter closes a sentence with still takes the attribution after it.
// [text, fragment, speaker name or null]
const AFTER_QUESTION: [string, string, string | null][] = [
  ['Intro.\n“Have I started writing my speech?” Schmid replied. “Yes, I have.”', 'Have I started', 'Ulrich Schmid'],
  ['Intro.\n“This is over!” Gerasimov said.', 'This is over', 'Nikita Gerasimov'],
  // a long narrative sentence after the quote is no attribution
  ['Intro.\n“Have I started writing my speech?” Schmid and his team worked on the draft all night before the vote.', 'Have I started', null],
]
for (const [text, fragment, speaker] of AFTER_QUESTION) {
  test(`attribution after a question quote: "${text.slice(7, 50)}"`, () => {
    const q = quotes(text).find((x) => x.text.includes(fragment))
    assert.equal(q?.speakerName ?? null, speaker)
  })
}

// The next paragraph's quote keeps the speaker but is an attribution of its own: the cue stands before the first
// quote, or more narration follows the attribution. [text, first fragment, second fragment]
const OWN_CUE: [string, string, string][] = [
  ['Intro.\nSchmid told Blick: “It is over.”\n“Nobody will come back to it.”', 'It is over', 'Nobody will come back'],
  ['Intro.\n“It is over,” Schmid told Blick. He left soon after.\n“Nobody will come back to it.”', 'It is over', 'Nobody will come back'],
  // narration between the attribution and the short quote: not one attribution
  ['Intro.\n“It is over,” Schmid told Blick. He left soon after. “Nobody will come.”', 'It is over', 'Nobody will come'],
]
for (const [text, a, b] of OWN_CUE) {
  test(`the next paragraph's quote has no shared cue: "${text.slice(7, 50)}"`, () => {
    const q = quotes(text)
    const qa = q.find((x) => x.text.includes(a))
    const qb = q.find((x) => x.text.includes(b))
    assert.ok(qa?.cue, JSON.stringify(q.map((x) => [x.text, x.cue?.text])))
    assert.notEqual(qb?.cue?.start, qa.cue.start)
  })
}

// Datelines, time adverbials, initials, naming acts, descriptors, acts without words.
// [text, expected [kind, speaker mention, speaker name, medium or null, content] of every quote]
const SHAPES: [string, [Quote['kind'], string | null, string | null, string | null, string][]][] = [
  [
    'Intro.\nCHISINAU, Nov 3 - Moldova’s government said on Thursday it would ration gas from December.',
    [['indirect', 'Moldova’s government', 'Moldova’s government', null, 'it would ration gas from December']],
  ],
  [
    'Intro.\nWASHINGTON — Senate Democrats on Tuesday pushed for a vote, saying the derailment in East Palestine, Ohio, in February showed that rules were “badly out of date.”',
    [['mixed', 'Senate Democrats', 'Senate Democrats', null, 'the derailment in East Palestine, Ohio, in February showed that rules were “badly out of date.”']],
  ],
  [
    'Intro.\nSen. J.D. Vance, who co-sponsored the bill, called it “a test of whether Washington can still do something useful.”',
    [['direct', 'Sen. J.D. Vance', 'Sen. J.D. Vance', null, '“a test of whether Washington can still do something useful.”']],
  ],
  [
    'Intro.\nThe administration has inspected 3,000 miles of track since March, the agency said on Monday.',
    [['indirect', 'the agency', 'agency', null, 'The administration has inspected 3,000 miles of track since March']],
  ],
  [
    'Intro.\nPresident Nikita Gerasimov ruled out concessions. In a video address, the 45-year-old said that Belarus would fight.',
    [
      ['indirect', 'President Nikita Gerasimov', 'Nikita Gerasimov', null, 'concessions'],
      ['indirect', 'the 45-year-old', 'Nikita Gerasimov', null, 'that Belarus would fight'],
    ],
  ],
  // a stance taken in an act is reported as PolNeAR annotates it (the gate doubts 'rejected' with an object that
  // is nothing said, and keeps it: gate.doubtful)
  ['Intro.\nGerasimov had already rejected a similar offer from Moscow in March.', [['indirect', 'Gerasimov', 'Nikita Gerasimov', null, 'a similar offer from Moscow']]],
  [
    'Intro.\nGerasimov rejected the notion that the border is open.',
    [['indirect', 'Gerasimov', 'Nikita Gerasimov', null, 'the notion that the border is open']],
  ],
  [
    'Intro.\nAccording to Leukavets, an analyst at the institute, a full cut-off is unlikely.',
    [['indirect', 'Leukavets', 'Alla Leukavets', null, 'a full cut-off is unlikely']],
  ],
  // a wish or plan: the 'to ...' clause is what the subject wants (PolNeAR cues want/intend; 'plans' is too often a noun)
  ['Intro.\nLukashenko wants to stay out of the war.', [['indirect', 'Lukashenko', 'Alexander Lukashenko', null, 'to stay out of the war']]],
  ['Intro.\nGerasimov intends to visit Minsk in March.', [['indirect', 'Gerasimov', 'Nikita Gerasimov', null, 'to visit Minsk in March']]],
  // ... but inside content already attributed it is part of that content
  ['Intro.\nGerasimov suspects that Belarus does not want to be drawn into the war.', [['indirect', 'Gerasimov', 'Nikita Gerasimov', null, 'that Belarus does not want to be drawn into the war']]],
  // a subjectless 'asked' attributes the question, to the asker after 'by' or to nobody
  ['Intro.\nAsked whether the border is open, Gerasimov laughed.', [['indirect', null, null, null, 'whether the border is open']]],
  ['Intro.\nWhen asked by Schmid if the border is open, Gerasimov laughed.', [['indirect', 'Schmid', 'Ulrich Schmid', null, 'if the border is open']]],
  // 'asked' with a subject keeps the ordinary rule; 'asked' with no question after it is nothing
  ['Intro.\nGerasimov asked whether the border is open.', [['indirect', 'Gerasimov', 'Nikita Gerasimov', null, 'whether the border is open']]],
  ['Intro.\nAsked, he went home.', []],
  // a subject pronoun after the cue opens the content: no '..., he said' tail, no '..., said she' inversion
  ['Intro.\nAs for Minsk, he said he’s not worried.', [['indirect', 'he', null, null, 'he’s not worried']]],
  // an adverb between subject and cue
  ['Intro.\nGerasimov however said he would welcome talks.', [['indirect', 'Gerasimov', 'Nikita Gerasimov', null, 'he would welcome talks']]],
  ['Intro.\nLeukavets flatly denied that the army is moving.', [['indirect', 'Leukavets', 'Alla Leukavets', null, 'that the army is moving']]],
]
for (const [text, expected] of SHAPES) {
  test(`attribution shape: "${text.slice(7, 60)}"`, () => {
    assert.deepEqual(
      quotes(text).map((q) => [q.kind, q.speakerMention?.text ?? null, q.speakerName, q.medium?.text ?? null, q.text]),
      expected,
    )
  })
}

// Narration that must not come out as anybody's words, with the rules and the learned tagger together: the
// seed sentences the tagger once attributed (cue 'staff', 'that’s', 'conducts research at', a second
// attribution from a medium, 'seems', a preposition phrase, a stance of 'it') and narration of the same shapes.
// [text, words no quote may hold]
const MUST_NOT: [string, string][] = [
  ['Intro.\nGerasimov spoke. The Ukrainian general staff is taking concrete steps and having the border with Belarus solidly fortified.', 'concrete steps'],
  ['Intro.\nGerasimov spoke. And that’s where it comes in handy to set up a “private security company” – modeled on the Russian “Wagner Group”.', 'comes in handy'],
  ['Intro.\nLeukavets spoke. The expert conducts research at the “Stockholm Center for Eastern European Studies”.', 'Stockholm Center'],
  ['Intro.\nLukashenko spoke. “Russia can do without us, but we cannot do without them,” he admitted at the press conference after meeting Putin in Minsk.', 'after meeting Putin'],
  ['Intro.\nLukashenko seems to be buying time and speculating on a post-Putin era.', 'buying time'],
  ['Intro.\nLukashenko seems to be buying time and speculating on a post-Putin era.', 'post-Putin era'],
  ['Intro.\nAt the same time, it can demonstrate to Russia that it supports Moscow’s goals.', 'Moscow’s goals'],
  ['Intro.\nGerasimov spoke. The Belarusian army staff is moving troops to the border near Brest.', 'moving troops'],
  ['Intro.\nSchmid spoke. The professor teaches at the University of St. Gallen in Switzerland.', 'University of St. Gallen'],
  ['Intro.\nLeukavets works for the “Center for Security Studies” in Stockholm.', 'Center for Security'],
  ['Intro.\nLukashenko appears to be waiting for the war to end.', 'waiting for the war'],
  ['Intro.\nSchmid spoke. Putin seems to be losing patience with Minsk and its leader.', 'losing patience'],
  ['Intro.\nLeukavets spoke. That’s why the regime keeps a private army of its own.', 'private army'],
  ['Intro.\n“We will never join the war,” Lukashenko said at a meeting with students in Minsk on Friday.', 'meeting with students'],
]
// An act of something the rules read as no speaker is that thing's stance, as PolNeAR annotates it (its speaker an
// unresolved group, the cue typed 'act' so users can tell it from words said); a bare 'it' stays narration (above).
const STANCES: [string, string, string][] = [
  ['Intro.\nA union representing flight attendants endorsed Hillary Clinton for president.', 'Hillary Clinton for president', 'A union representing flight attendants'],
  ['Intro.\nThe plan supports Moscow’s goals and it serves Minsk too.', 'Moscow’s goals', 'The plan'],
]
for (const [text, words, source] of STANCES) {
  test(`an act of "${source}" is its stance`, () => {
    const q = quotes(text).find((x) => x.text.includes(words))
    assert.ok(q, `no quote holds "${words}"`)
    assert.deepEqual([q.cue?.type, q.speakerMention?.text, q.speakerEntity], ['act', source, null])
  })
}

for (const [text, words] of MUST_NOT) {
  test(`narration is nobody's words: "${words}"`, () => {
    assert.deepEqual(
      quotes(text).filter((q) => q.text.includes(words)).map((q) => [q.text, q.cue?.text, q.speakerName]),
      [],
    )
  })
}

// [labels (O B-SRC I-SRC B-CUE I-CUE B-CON I-CON ids), expected segments]
const SEGMENTS: [number[], [string, number, number][]][] = [
  [[1, 2, 3, 5, 6, 6], [['SRC', 0, 2], ['CUE', 2, 3], ['CON', 3, 6]]],
  [[5, 6, 0, 1, 3, 0], [['CON', 0, 2], ['SRC', 3, 4], ['CUE', 4, 5]]],
  [[5, 5, 0], [['CON', 0, 1], ['CON', 1, 2]]],
  [[0, 0], []],
]
for (const [labels, expected] of SEGMENTS) {
  test(`tagger segments of ${labels.join('')}`, () => assert.deepEqual(segments(labels), expected))
}

test('tagger labels: an I- label never follows O or another role', () => {
  for (let p = 0; p <= NL; p++) for (let c = 0; c < NL; c++) {
    const ok = ALLOWED[p * NL + c] === 1
    const cl = LABELS[c]!
    const pl = p === NL ? 'O' : LABELS[p]!
    assert.equal(ok, cl[0] !== 'I' || pl.slice(2) === cl.slice(2), `${pl} -> ${cl}`)
  }
})

test('rules only (tagger null) and with the committed tagger both keep the seed-style attributions', () => {
  const text = 'Intro.\nSchmid told Blick that the war has damaged Putin.'
  const doc = makeTestDoc(text, { entities: PEOPLE })
  for (const tagger of [null, undefined]) {
    const out = attribute({ text: doc.text, blocks: doc.layers.blocks!, sentences: doc.layers.sentences!, mentions: doc.layers.mentions!, entities: doc.layers.entities!, ...(tagger === null ? { tagger } : {}) })
    assert.deepEqual(out.map((q) => [q.text, q.speakerName]), [['that the war has damaged Putin', 'Ulrich Schmid']])
  }
})

// [text, expected speaker mention, expected speaker name]
const SPEAKERS: [string, string, string | null][] = [
  // a participle after a comma and an adverb takes the clause's subject, never the adverb
  ['Intro.\nGerasimov left the talks early, initially saying the border is well fortified.', 'Gerasimov', 'Nikita Gerasimov'],
  // the noun before a post-nominal adjective heads the phrase: an unnamed group, reported as written
  ['Intro.\n“It is over,” said a person close to Gerasimov.', 'a person close', 'a person close'],
  // a role with a complement is an office of its own, not the last speaker ('the secretary of state' after Schmid spoke)
  ['Intro.\n“It is over,” Schmid said. About 1.1 million people had voted by Friday, according to the secretary of state.', 'the secretary of state', 'secretary of state'],
]
for (const [text, mention, name] of SPEAKERS) {
  test(`speaker "${mention}" in "${text.slice(7, 60)}"`, () => {
    const q = quotes(text).find((x) => x.speakerMention?.text === mention)
    assert.ok(q, JSON.stringify(quotes(text).map((x) => [x.text, x.speakerMention?.text])))
    assert.equal(q.speakerName, name)
  })
}

// The hand-written scanners against the regexes they stand for.
const WORD_SPEC = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*/gu
const TOKEN_SPEC = /[\p{L}\p{N}]+(?:[’'.\-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu
const SCAN_CASES: string[] = [
  'Putin’s all-clear U.S. plan, “in 2023”.',
  '„Es ist sehr unwahrscheinlich“, sagt Schmid – dé-jà vu.',
  "''It works,'' he said -- don't ’tis a..b x- -y 3.5 1,000",
  'Emoji 😀 and 𝐀bc, non\u00a0breaking\u2003space.',
  '',
]
for (const text of SCAN_CASES) {
  test(`scanners match their regexes on "${text.slice(0, 30)}"`, () => {
    for (const [s, e] of [[0, text.length], [3, Math.max(3, text.length - 2)]] as const) {
      const words = [...text.slice(s, e).matchAll(WORD_SPEC)].map((m) => [s + m.index, m[0]])
      const toks = [...text.slice(s, e).matchAll(TOKEN_SPEC)].map((m) => [s + m.index, m[0]])
      assert.deepEqual(scanWords(text, s, e).map((w) => [w.start, w.text]), words)
      assert.deepEqual(scanTokens(text, s, e).map((t) => [t.start, t.text]), toks)
    }
  })
}

test('tagger margin: the score lost when a span is forced outside any attribution', () => {
  // two tokens; token 1 strongly B-CUE (label 3), token 0 O
  const scores = new Float64Array(2 * NL)
  scores[1 * NL + 3] = 5
  const trans = new Float64Array((NL + 1) * NL)
  const best = bestPath(scores, 2, trans)
  assert.deepEqual([...best.labels], [0, 3])
  assert.equal(marginOf(scores, 2, trans, best.score, 1, 2), 5)
  // forcing out a token the model already leaves outside costs nothing
  assert.equal(marginOf(scores, 2, trans, best.score, 0, 1), 0)
})

// The tagger's decoder is unrolled for speed; a plain Viterbi over the same allowed transitions must agree with it
// on labels and path score (seeded random scores and transitions, lengths 1..40).
test('tagger decoder: the unrolled Viterbi finds the same best path as a plain one', () => {
  let seed = 7
  const rand = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 20 - 10
  const plain = (scores: Float64Array, n: number, trans: Float64Array): { labels: number[]; score: number } => {
    const NEG = -Infinity
    const delta: number[][] = []
    const back: number[][] = []
    for (let t = 0; t < n; t++) {
      delta.push([])
      back.push([])
      for (let y = 0; y < NL; y++) {
        let best = NEG
        let arg = 0
        if (t === 0) best = ALLOWED[NL * NL + y] ? trans[NL * NL + y]! : NEG
        else
          for (let p = 0; p < NL; p++) {
            if (!ALLOWED[p * NL + y]) continue
            const v = delta[t - 1]![p]! + trans[p * NL + y]!
            if (v > best) ((best = v), (arg = p))
          }
        delta[t]![y] = best + scores[t * NL + y]!
        back[t]![y] = arg
      }
    }
    let y = 0
    for (let k = 1; k < NL; k++) if (delta[n - 1]![k]! > delta[n - 1]![y]!) y = k
    const score = delta[n - 1]![y]!
    const labels = [y]
    for (let t = n - 1; t > 0; t--) labels.unshift((y = back[t]![y]!))
    return { labels, score }
  }
  for (let round = 0; round < 200; round++) {
    const n = 1 + (round % 40)
    const scores = Float64Array.from({ length: n * NL }, rand)
    const trans = Float64Array.from({ length: (NL + 1) * NL }, rand)
    const got = bestPath(scores, n, trans)
    const want = plain(scores, n, trans)
    assert.deepEqual([...got.labels], want.labels, `round ${round}`)
    assert.ok(Math.abs(got.score - want.score) < 1e-9, `round ${round}: score ${got.score} vs ${want.score}`)
  }
})

test('a pronoun going on into a clause after a cue is no inverted speaker ("X, who ..., said she sees ...")', () => {
  const qs = quotes('Intro.\nLeukavets, who has visited Minsk twice, said she sees troops at the border.')
  assert.deepEqual(
    qs.map((q) => [q.speakerMention?.text ?? null, q.text]).filter(([m]) => m === 'she'),
    [],
  )
  assert.ok(qs.some((q) => q.text === 'she sees troops at the border'))
})
