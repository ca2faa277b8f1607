// The acceptance check: the whole engine on the two seed articles, scored against the careful reader's
// gold file through the export. Every section must pass in full except where a floor says otherwise.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync } from 'node:fs'
import { DEFAULT_GOLD, scoreSeeds } from '../src/eval/seeds.js'

test('seeds: the engine extracts what a careful reader does', { skip: !existsSync(DEFAULT_GOLD) && `no gold file at ${DEFAULT_GOLD}` }, async () => {
  const r = await scoreSeeds()
  const failures = Object.entries(r.sections).flatMap(([name, s]) => s.failures.map((f) => `${name}: ${f}`))
  // Every gold item in every section, listed on failure so a regression says what broke.
  assert.deepEqual(failures, [])
  for (const name of ['blocks', 'entities', 'attributes', 'quotes', 'timeline', 'assessments', 'identity', 'stories', 'questions']) {
    assert.ok((r.sections[name]?.total ?? 0) > 0, `section ${name} was scored`)
  }
  // The floor: at least 33 of the 35 gold quotes with the right speaker, none with a wrong one.
  assert.ok(r.quotes.right_speaker >= 33, `right speaker on ${r.quotes.right_speaker}/${r.quotes.gold}`)
  assert.equal(r.quotes.wrong_speaker, 0)
})
