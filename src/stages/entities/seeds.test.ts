// End to end on the two seed articles (../shared/seeds) with the real blocks, tokens, sentences and mentions
// stages: every gold entity is found with its type, canonical name, age, role and affiliation, and the seeds'
// same_entity pairs resolve to one identity across articles without merging different people.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createDoc, type Doc } from '../../doc/doc.js'
import type { DocEntity } from '../../doc/layers.js'
import { createPipeline } from '../../pipeline/pipeline.js'
import { linkEntities } from '../../link/entities.js'
import { blocksStage } from '../blocks/index.js'
import { mentionsStage } from '../mentions/index.js'
import { sentencesStage } from '../sentences/index.js'
import { tokensStage } from '../tokens/index.js'
import { entitiesStage } from './index.js'
import { foldName } from './names.js'

const SHARED = resolve(process.cwd(), '../shared')
const GOLD = join(SHARED, 'acceptance/seeds.gold.json')

interface GoldEntity { type: string; name: string; aliases?: string[]; age?: number; role_any?: string[]; affiliation?: string; affiliation_any?: string[] }
interface Gold { articles: { file: string; outlet: string; original_source?: string; entities: GoldEntity[] }[]; across: { same_entity: [string, string][] } }

const skip = existsSync(GOLD) ? false : `no seeds gold at ${GOLD}`
const gold = skip ? undefined : (JSON.parse(readFileSync(GOLD, 'utf8')) as Gold)
const pipeline = createPipeline([blocksStage, tokensStage, sentencesStage, mentionsStage, entitiesStage])
const docs: Doc[] = gold
  ? gold.articles.map((a) => pipeline.run(createDoc(readFileSync(join(SHARED, 'seeds', a.file), 'utf8'), { outlet: a.outlet, ...(a.original_source ? { originalSource: a.original_source } : {}) }, a.file)))
  : []

const f = (s: string) => foldName(s)
const names = (e: { name: string; aliases: readonly string[] }) => [e.name, ...e.aliases].map(f)

for (const [ai, a] of (gold?.articles ?? []).entries()) {
  for (const ge of a.entities) {
    test(`seeds ${a.file.slice(0, 3)}: ${ge.type} ${ge.name}`, { skip }, () => {
      const es: readonly DocEntity[] = docs[ai]!.layers.entities!
      const e = es.find((x) => x.type === ge.type && (names(x).includes(f(ge.name)) || (ge.aliases ?? []).some((al) => names(x).includes(f(al)))))
      assert.ok(e, 'not found with this type')
      assert.equal(f(e.name), f(ge.name))
      const vals = (n: string) => e.attributes.filter((x) => x.name === n).map((x) => f(x.value))
      if (ge.age !== undefined) assert.ok(vals('age').includes(String(ge.age)), `ages ${vals('age')}`)
      if (ge.role_any) assert.ok(vals('role').some((v) => ge.role_any!.some((r) => v.includes(f(r)) || f(r).includes(v))), `roles ${vals('role')}`)
      const affs = ge.affiliation_any ?? (ge.affiliation ? [ge.affiliation] : [])
      if (affs.length) assert.ok(vals('affiliation').some((v) => affs.some((x) => v.includes(f(x)))), `affiliations ${vals('affiliation')}`)
    })
  }
}

test('seeds: same_entity pairs resolve to one identity; no two gold people merge', { skip }, () => {
  const links = linkEntities(docs)
  for (const [x, y] of gold!.across.same_entity) {
    const gx = links.filter((l) => names(l).includes(f(x)))
    assert.ok(gx.length > 0, `${x} not found`)
    assert.ok(gx.some((l) => names(l).includes(f(y))), `${x} and ${y} are apart`)
  }
  const people = new Set(gold!.articles.flatMap((a) => a.entities.filter((e) => e.type === 'PER').map((e) => f(e.name))))
  for (const l of links) if (l.type === 'PER') assert.ok(names(l).filter((n) => people.has(n)).length <= 1, `${l.id} merges ${names(l).join(', ')}`)
})
