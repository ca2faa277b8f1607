import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createDoc } from '../../doc/doc.js'
import { createPipeline } from '../../pipeline/pipeline.js'
import { blocksStage } from '../blocks/index.js'
import { languageStage } from './index.js'

const pipeline = createPipeline([blocksStage, languageStage])
const lang = (text: string, meta = {}): string | undefined => pipeline.run(createDoc(text, meta)).meta.language

describe('language.v1', () => {
  const cases: [string, string][] = [
    ['Council approves cycle lanes\n\nThe city council voted on Monday to build twelve kilometres of protected cycle lanes by 2025.', 'en'],
    ['Stadtrat beschließt Radwege\n\nDer Stadtrat hat am Montag beschlossen, bis 2025 zwölf Kilometer geschützte Radwege zu bauen.', 'de'],
    ['Le conseil approuve les pistes cyclables\n\nLe conseil municipal a voté lundi la construction de douze kilomètres de pistes cyclables protégées.', 'fr'],
    ['', 'und'],
    ['12 34 56', 'und'],
  ]
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text.slice(0, 30))} → ${expected}`, () => assert.equal(lang(text), expected))
  }

  it('gives a code or "und" for very short text without crashing', () => {
    const got = lang('ok')
    assert.ok(got === 'und' || /^[a-z]{2}$/.test(got ?? ''), String(got))
  })

  it('keeps a declared language', () => {
    assert.equal(lang('The city council voted on Monday to build new cycle lanes.', { language: 'de' }), 'de')
  })

  it('reads body text, not captions or furniture', () => {
    const text = 'Der Stadtrat hat am Montag beschlossen, bis 2025 zwölf Kilometer geschützte Radwege zu bauen.\nA photo of the town hall with the new cycle lanes and many people. Photo: John Smith\nShare on Facebook'
    assert.equal(lang(text), 'de')
  })
})
