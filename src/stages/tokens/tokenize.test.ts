import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createDoc } from '../../doc/doc.js'
import { tokenize, tokensStage } from './index.js'

const words = (s: string): string[] => tokenize(s).map((t) => s.slice(t.start, t.end))

const CASES: [string, string[]][] = [
  ['Putin’s favor.”', ['Putin', '’s', 'favor', '.', '”']],
  ["Putin's war", ['Putin', "'s", 'war']],
  ["don't", ['do', "n't"]],
  ['Dr. J. R. Smith', ['Dr.', 'J.', 'R.', 'Smith']],
  ['the U.S. said', ['the', 'U.S.', 'said']],
  ['Gen. Gerasimov, St. Gallen, Sept. 5', ['Gen.', 'Gerasimov', ',', 'St.', 'Gallen', ',', 'Sept.', '5']],
  ['1,000 and 2.5% on 2022-02-24.', ['1,000', 'and', '2.5', '%', 'on', '2022-02-24', '.']],
  ['roots.Image: IMAGO/SNA', ['roots', '.', 'Image', ':', 'IMAGO', '/', 'SNA']],
  ['„Hallo“ «x» ‘y’ "z"', ['„', 'Hallo', '“', '«', 'x', '»', '‘', 'y', '’', '"', 'z', '"']],
  ["'There is'", ["'", 'There', 'is', "'"]],
  ['war – or rather — peace -- now', ['war', '–', 'or', 'rather', '—', 'peace', '--', 'now']],
  ["O'Brien, German-born, MiG-19, 1990s", ["O'Brien", ',', 'German-born', ',', 'MiG-19', ',', '1990s']],
  ['wait... what', ['wait', '...', 'what']],
  ['see watson.ch or https://x.com/a.', ['see', 'watson.ch', 'or', 'https://x.com/a', '.']],
  ['No. 1 but no.', ['No.', '1', 'but', 'no', '.']],
  ['Лукашенко и Путин', ['Лукашенко', 'и', 'Путин']],
  ['', []],
]

test('tokenize splits news text the CoNLL way', () => {
  for (const [input, expected] of CASES) assert.deepEqual(words(input), expected, input)
})

test('token kinds', () => {
  const s = '“A 5 $ ,'
  assert.deepEqual(tokenize(s).map((t) => t.kind), ['quote', 'word', 'number', 'symbol', 'punct'])
})

test('tokenize honours start/end and offsets point into the text', () => {
  const s = 'xx Hello world. yy'
  const t = tokenize(s, 3, 15)
  assert.deepEqual(t.map((k) => s.slice(k.start, k.end)), ['Hello', 'world', '.'])
})

test('tokensStage assigns tokens that round-trip', () => {
  const doc = tokensStage.run(createDoc('Putin met Lukashenko in Minsk.'), {})
  const toks = doc.layers.tokens ?? []
  assert.equal(toks.map((t) => doc.text.slice(t.start, t.end)).join(' '), 'Putin met Lukashenko in Minsk .')
})

test('bad input: all caps, CJK, a long text do not crash', () => {
  assert.deepEqual(words('PUTIN’S WAR'), ['PUTIN', '’S', 'WAR'])
  assert.ok(tokenize('普京和卢卡申科在明斯克会面。').length > 0)
  const big = 'Putin met Lukashenko in Minsk. '.repeat(20000)
  assert.equal(tokenize(big).length, 6 * 20000)
})
