import { test } from 'node:test'
import assert from 'node:assert/strict'
import { firstNameGender, gazetteerTags, isFirstName } from './index.js'

const NAMES: [string, boolean, 'f' | 'm' | undefined][] = [
  ['Alla', true, 'f'],
  ['Vladimir', true, 'm'],
  ['Ulrich', true, 'm'],
  ['ALLA', true, 'f'],
  ['Belarus', false, undefined],
  ['the', false, undefined],
]

test('first names and their gender', () => {
  for (const [w, isName, g] of NAMES) {
    assert.equal(isFirstName(w), isName, w)
    assert.equal(firstNameGender(w), g, w)
  }
})

const TAGS: [string[], string[][]][] = [
  [['in', 'Belarus', 'and', 'Minsk'], [[], ['country:U'], [], ['city:U']]],
  [['the', 'United', 'States'], [[], ['country:B', 'orgword'], ['country:L']]],
  [['Wagner', 'Group'], [['org:B'], ['orgword', 'org:L']]],
  [['belarus'], [[]]],
]

test('gazetteerTags marks phrases that start capitalised', () => {
  for (const [words, want] of TAGS) {
    const got = gazetteerTags(words).map((t) => t.filter((x) => !['female', 'male'].includes(x)).sort())
    assert.deepEqual(got, want.map((t) => [...t].sort()), words.join(' '))
  }
})
