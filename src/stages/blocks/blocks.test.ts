import assert from 'node:assert/strict'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, it } from 'node:test'
import { createDoc, type Doc } from '../../doc/doc.js'
import type { Block, BlockType } from '../../doc/layers.js'
import { blocksStage } from './index.js'

const SHARED = resolve('../shared')
const run = (text: string, meta = {}, hints?: Block[]): Doc => {
  const doc = createDoc(text, meta)
  return blocksStage.run(hints ? { ...doc, layers: { blocks: hints } } : doc, {})
}
const typed = (d: Doc): [BlockType, string][] => (d.layers.blocks ?? []).map((b) => [b.type, d.text.slice(b.start, b.end)])
const fold = (s: string): string => s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim()

/** Every non-space character lies in exactly one block; blocks are ordered and in bounds. */
function assertTiles(d: Doc): void {
  const owner = new Array<number>(d.text.length).fill(0)
  for (const b of d.layers.blocks ?? []) {
    assert.ok(b.start < b.end && b.start >= 0 && b.end <= d.text.length, `bad span ${b.start}-${b.end}`)
    for (let i = b.start; i < b.end; i++) owner[i]!++
    if (b.credit) assert.ok(b.credit.start >= b.start && b.credit.end <= b.end && d.text.slice(b.credit.start, b.credit.end) === b.credit.text)
  }
  for (let i = 0; i < d.text.length; i++) {
    if (/\S/.test(d.text[i]!)) assert.equal(owner[i], 1, `char ${i} ${JSON.stringify(d.text.slice(i, i + 20))} is in ${owner[i]} blocks`)
  }
}

describe('blocks.v1 on the seed articles (acceptance gold)', () => {
  const goldPath = join(SHARED, 'acceptance/seeds.gold.json')
  const gold = existsSync(goldPath)
    ? (JSON.parse(readFileSync(goldPath, 'utf8')) as { articles: { file: string; outlet?: string; not_body?: string[]; headlines?: string[]; captions?: string[]; original_source?: string; original_author?: string }[] }).articles
    : []
  if (gold.length === 0) it('needs ../shared/acceptance/seeds.gold.json', { skip: 'gold file missing' }, () => {})
  for (const g of gold) {
    it(g.file, () => {
      const d = run(readFileSync(join(SHARED, 'seeds', g.file), 'utf8'), g.outlet ? { outlet: g.outlet } : {})
      assertTiles(d)
      const blocks = typed(d)
      const heads = blocks.filter(([t]) => t === 'headline' || t === 'subhead').map(([, s]) => fold(s))
      assert.deepEqual(heads, (g.headlines ?? []).map(fold))
      if (g.captions) assert.deepEqual(blocks.filter(([t]) => t === 'caption').map(([, s]) => fold(s)), g.captions.map(fold))
      for (const frag of g.not_body ?? []) {
        const hit = blocks.find(([, s]) => fold(s).includes(fold(frag)))
        assert.ok(hit, `fragment ${frag} is in some block`)
        assert.notEqual(hit[0], 'body', `${frag} is not body`)
      }
      assert.equal(d.meta.originalSource, g.original_source)
      assert.equal(d.meta.originalAuthor, g.original_author)
    })
  }
})

describe('blocks.v1 on hand-made shapes', () => {
  const cases: [string, string, [BlockType, string][]][] = [
    [
      'bio glued to the next headline, byline and source line',
      'Para one has enough words to count as the running text of a real article here.\nJane Roe\nSource: Dagbladet\n\nI am Tom Poe, a passionate journalist covering politics.Storm hits coast – are we ready?',
      [
        ['body', 'Para one has enough words to count as the running text of a real article here.'],
        ['byline', 'Jane Roe'],
        ['source_line', 'Source: Dagbladet'],
        ['author_bio', 'I am Tom Poe, a passionate journalist covering politics.'],
        ['headline', 'Storm hits coast – are we ready?'],
      ],
    ],
    [
      'web copy with a By-line, share buttons and a credit glued to a caption',
      'Markets rally on rate hopes\n\nBy Ana Lima\n\nShare on Facebook\n\nStocks rose on Friday as traders bet that the central bank would cut rates before the summer.\n\nTraders on the floor in New York.Photo: Reuters / Jo Bloggs\n\nAnalysts said the move was driven mostly by technology shares and banks in the afternoon.\n\nRead more: Why rates matter',
      [
        ['headline', 'Markets rally on rate hopes'],
        ['byline', 'By Ana Lima'],
        ['boilerplate', 'Share on Facebook'],
        ['body', 'Stocks rose on Friday as traders bet that the central bank would cut rates before the summer.'],
        ['caption', 'Traders on the floor in New York.Photo: Reuters / Jo Bloggs'],
        ['body', 'Analysts said the move was driven mostly by technology shares and banks in the afternoon.'],
        ['boilerplate', 'Read more: Why rates matter'],
      ],
    ],
    [
      'a credit alone on its line is a caption made of its credit',
      'Gas talks stall\n\nThe talks ended without a deal on Thursday, and both sides said they would meet again next week.\n\nPhoto: Reuters / Vladislav Culiomza',
      [
        ['headline', 'Gas talks stall'],
        ['body', 'The talks ended without a deal on Thursday, and both sides said they would meet again next week.'],
        ['caption', 'Photo: Reuters / Vladislav Culiomza'],
      ],
    ],
    [
      'short sentences between paragraphs stay body',
      'Council votes on budget.\n\nThe city council met on Monday evening to vote on the budget for the coming year, after weeks of debate.\nHe declined to comment.\nThe mayor said the vote was close but fair, and that the budget would be published next week.',
      [
        ['headline', 'Council votes on budget.'],
        ['body', 'The city council met on Monday evening to vote on the budget for the coming year, after weeks of debate.'],
        ['body', 'He declined to comment.'],
        ['body', 'The mayor said the vote was close but fair, and that the budget would be published next week.'],
      ],
    ],
  ]
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const d = run(text)
      assertTiles(d)
      assert.deepEqual(typed(d), expected)
    })
  }

  it('sets title, originalSource and originalAuthor, keeping a given title', () => {
    const text = 'Storm hits coast\n\nThe storm reached the coast on Monday night and cut power to many thousands of homes.\nJane Roe\nSource: Dagbladet'
    const d = run(text)
    assert.equal(d.meta.title, 'Storm hits coast')
    assert.equal(d.meta.originalSource, 'Dagbladet')
    assert.equal(d.meta.originalAuthor, 'Jane Roe')
    assert.equal(run(text, { title: 'Given' }).meta.title, 'Given')
  })

  it('starts from HTML hints and types the credit of a hinted caption', () => {
    const text = 'Title here\n\nBody text of the article that runs on for a while.\n\nA boat. Photo: Ann Lee\n\nRead more'
    const span = (s: string, type: BlockType): Block => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, type })
    const hints: Block[] = [
      span('Title here', 'headline'),
      span('Body text of the article that runs on for a while.', 'body'),
      span('A boat. Photo: Ann Lee', 'caption'),
      span('Read more', 'body'),
    ]
    const d = run(text, {}, hints)
    assertTiles(d)
    assert.deepEqual(typed(d).map(([t]) => t), ['headline', 'body', 'caption', 'boilerplate'])
    assert.equal(d.layers.blocks?.[2]?.credit?.text, 'Photo: Ann Lee')
  })
})

describe('blocks.v1 on PolNeAR dev texts', () => {
  const dir = join(SHARED, 'data/polnear/dev')
  it('first line is the headline, nearly all paragraphs body, blocks tile the text', { skip: existsSync(dir) ? false : `${dir} missing` }, () => {
    let paras = 0
    let body = 0
    let headlines = 0
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()
    for (const f of files) {
      const { text } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { text: string }
      const d = run(text)
      assertTiles(d)
      const bl = d.layers.blocks ?? []
      if (bl[0]?.type === 'headline') headlines++
      for (const b of bl.slice(1)) {
        paras++
        if (b.type === 'body') body++
      }
    }
    assert.ok(headlines >= files.length * 0.95, `${headlines}/${files.length} first lines are headlines`)
    assert.ok(body / paras >= 0.97, `${body}/${paras} paragraphs are body`)
  })
})
