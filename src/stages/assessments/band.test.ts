import { test } from 'node:test'
import assert from 'node:assert/strict'
import { bandOf } from './band.js'
import { ESTIMATIVE_PHRASES } from '../../lexicon/estimative/phrases.js'

// [cue as written, expected band]
const CASES: [string, string][] = [
  // ICD 203
  ['almost no chance', 'almost no chance'], ['remote', 'almost no chance'], ['very unlikely', 'very unlikely'],
  ['highly improbable', 'very unlikely'], ['unlikely', 'unlikely'], ['improbable', 'unlikely'], ['improbably', 'unlikely'],
  ['roughly even chance', 'roughly even chance'], ['roughly even odds', 'roughly even chance'], ['likely', 'likely'],
  ['probable', 'likely'], ['probably', 'likely'], ['very likely', 'very likely'], ['highly probable', 'very likely'],
  ['almost certain', 'almost certain'], ['almost certainly', 'almost certain'], ['nearly certain', 'almost certain'],
  // Kent
  ['certain', 'almost certain'], ['almost certainly not', 'very unlikely'], ['probably not', 'unlikely'],
  ['we believe not', 'unlikely'], ['chances about even', 'roughly even chance'], ['chances are about even', 'roughly even chance'],
  ['chances are good', 'likely'], ['chances are slight', 'unlikely'], ['chances are', 'likely'], ['impossible', 'almost no chance'],
  ['highly doubtful', 'very unlikely'], ['doubtful', 'unlikely'], ['we estimate', 'likely'],
  // PHIA
  ['remote chance', 'almost no chance'], ['highly unlikely', 'very unlikely'], ['a realistic possibility', 'roughly even chance'],
  ['highly likely', 'very likely'],
  // usage
  ['extremely unlikely', 'very unlikely'], ['most unlikely', 'very unlikely'], ['increasingly unlikely', 'unlikely'],
  ['rather unlikely', 'unlikely'], ['quite unlikely', 'unlikely'], ['more likely', 'likely'], ['most likely', 'likely'],
  ['quite likely', 'likely'], ['increasingly likely', 'likely'], ['in all likelihood', 'likely'], ['in all probability', 'likely'],
  ['presumably', 'likely'], ['extremely likely', 'very likely'], ['very probably', 'very likely'], ['almost inevitable', 'almost certain'],
  ['inevitable', 'almost certain'], ['virtually certain', 'almost certain'], ['certainly', 'almost certain'], ['undoubtedly', 'almost certain'],
  ['without doubt', 'almost certain'], ['no doubt', 'almost certain'], ['definitely', 'almost certain'], ['bound to', 'almost certain'],
  ['virtually impossible', 'almost no chance'], ['almost impossible', 'almost no chance'], ['no chance', 'almost no chance'],
  ['little chance', 'very unlikely'], ['slim chance', 'very unlikely'], ['small chance', 'unlikely'], ['good chance', 'likely'],
  ['strong chance', 'very likely'], ['even chance', 'roughly even chance'], ['fifty-fifty', 'roughly even chance'],
  ['50-50', 'roughly even chance'], ['toss-up', 'roughly even chance'], ['possible', 'roughly even chance'],
  ['possibly', 'roughly even chance'], ['perhaps', 'roughly even chance'], ['maybe', 'roughly even chance'],
  ['cannot be ruled out', 'roughly even chance'], ["can't be ruled out", 'roughly even chance'], ['could', 'roughly even chance'],
  ['might', 'roughly even chance'], ['may', 'roughly even chance'],
  // bare possibilities and chances
  ['conceivable', 'unlikely'], ['conceivably', 'unlikely'], ['not conceivable', 'almost no chance'], ['it is conceivable that', 'unlikely'],
  ['thinks it possible that', 'roughly even chance'], ['real possibility', 'roughly even chance'], ['a distinct possibility', 'roughly even chance'],
  ['a serious possibility', 'roughly even chance'], ['a strong possibility', 'likely'], ['a real chance', 'roughly even chance'],
  ['a fair chance', 'roughly even chance'], ['a decent chance', 'roughly even chance'], ['an outside chance', 'very unlikely'],
  ['a high probability', 'very likely'], ['a low probability', 'unlikely'], ['a high likelihood', 'very likely'], ['every chance', 'likely'],
  ['there is a chance', 'roughly even chance'], ["there's a chance", 'roughly even chance'], ['there is some chance', 'roughly even chance'],
  ['there is a possibility', 'roughly even chance'], ['there is a risk', 'roughly even chance'], ['cannot be excluded', 'roughly even chance'],
  ['could not be ruled out', 'roughly even chance'], ['has not been ruled out', 'roughly even chance'], ['has been ruled out', 'almost no chance'],
  ['ruled out', 'almost no chance'], ['does not rule out', 'roughly even chance'], ["doesn't rule out that", 'roughly even chance'],
  // beliefs
  ['believes that', 'likely'], ['believe', 'likely'], ['believed', 'likely'], ['thinks', 'likely'], ['I think', 'likely'],
  ['assumes that', 'likely'], ['expects', 'likely'], ['expected', 'likely'], ['suspects that', 'likely'], ['predicts', 'likely'],
  ['is convinced that', 'very likely'], ['are convinced', 'very likely'], ['is confident that', 'very likely'], ['is sure that', 'very likely'],
  ['doubts that', 'unlikely'], ['doubt', 'unlikely'],
  // uncertainty
  ['remains uncertain', 'uncertain'], ['remains unclear', 'uncertain'], ['remains to be seen', 'uncertain'],
  ['remains an open question', 'uncertain'], ['is an open question', 'uncertain'], ['is uncertain', 'uncertain'], ['is unclear', 'uncertain'],
  ['can hardly be estimated', 'uncertain'], ['can hardly be predicted', 'uncertain'], ['is anyone’s guess', 'uncertain'],
  ['unclear whether', 'uncertain'], ['uncertain whether', 'uncertain'], ['unclear if', 'uncertain'], ['not clear whether', 'uncertain'],
  ['not clear if', 'uncertain'], ['too early to assess', 'uncertain'], ['still too early to assess', 'uncertain'], ['too early to say', 'uncertain'],
  ['too early to tell', 'uncertain'], ['too early to judge', 'uncertain'], ['too early to predict', 'uncertain'], ['too soon to say', 'uncertain'],
  ['too soon to tell', 'uncertain'], ['hard to say', 'uncertain'], ['hard to predict', 'uncertain'], ['difficult to say', 'uncertain'],
  ['difficult to predict', 'uncertain'], ['difficult to assess', 'uncertain'], ['impossible to say', 'uncertain'],
  ['impossible to predict', 'uncertain'], ['no one knows', 'uncertain'], ['nobody knows', 'uncertain'], ['uncertain', 'uncertain'],
  // negation flips the hedge
  ['not likely', 'unlikely'], ['not very likely', 'unlikely'], ['is not likely', 'unlikely'], ["isn't likely", 'unlikely'],
  ['not highly likely', 'unlikely'], ['not unlikely', 'roughly even chance'], ['not impossible', 'roughly even chance'],
  ['not certain', 'uncertain'], ['It is not certain that', 'uncertain'], ['not sure', 'uncertain'], ['is not sure', 'uncertain'],
  ['not possible', 'almost no chance'], ['not inevitable', 'uncertain'], ['not certainly', 'uncertain'], ['not definitely', 'uncertain'],
  ['does not believe that', 'unlikely'], ["doesn't believe", 'unlikely'], ['does not assume that', 'unlikely'],
  ["don't think", 'unlikely'], ['do not expect', 'unlikely'], ['never expected', 'unlikely'], ['does not suspect', 'unlikely'],
  ['does not doubt', 'very likely'], ["doesn't doubt that", 'very likely'], ['is not convinced', 'unlikely'],
  ['not probable', 'unlikely'], ['not very probable', 'unlikely'], ['not almost certain', 'uncertain'],
  ['not a realistic possibility', 'unlikely'], ['probably not', 'unlikely'], ['very probably not', 'very unlikely'],
  ['It seems more likely to me that', 'likely'], ['it is very unlikely that', 'very unlikely'], ['will most likely', 'likely'],
  ['is most likely', 'likely'], ['would probably not', 'unlikely'], ['could not', 'roughly even chance'], ['it is possible that', 'roughly even chance'],
  ['it is quite possible', 'roughly even chance'], ['it is highly likely that', 'very likely'], ['we believe', 'likely'],
  ['no longer likely', 'unlikely'], ['hardly likely', 'unlikely'],
  // nothing estimative
  ['said', 'null'], ['will', 'null'], ['clearly', 'null'], ['should', 'null'], ['would', 'null'], ['can', 'null'], ['mayor', 'null'],
  ['likelihood', 'null'], ['uncertainty', 'null'], ['possibility', 'null'],
]

test('estimative lexicon: phrase → band table (at least 150 cases)', () => {
  assert.ok(CASES.length >= 150, `only ${CASES.length} cases`)
  const wrong = CASES.flatMap(([cue, want]) => {
    const got = bandOf(cue)?.band ?? 'null'
    return got === want ? [] : [`${cue}: got ${got}, want ${want}`]
  })
  assert.deepEqual(wrong, [])
})

test('estimative lexicon: every phrase is unique, lower-case and names a source', () => {
  const seen = new Set<string>()
  for (const e of ESTIMATIVE_PHRASES) {
    assert.equal(e.phrase, e.phrase.toLowerCase(), e.phrase)
    assert.ok(!seen.has(e.phrase), `duplicate ${e.phrase}`)
    seen.add(e.phrase)
    assert.ok(['ICD 203', 'Kent', 'PHIA', 'usage'].includes(e.source))
  }
})
