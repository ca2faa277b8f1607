// The entities stage: mentions of one entity within an article become one DocEntity with a canonical name,
// aliases and attributes. The steps run in the order of their file numbers; each reads and updates `Work`.
import { layer, withLayers } from '../../doc/doc.js'
import type { DocEntity, Mention } from '../../doc/layers.js'
import type { Stage } from '../../pipeline/stage.js'
import { normalizeMentions } from './01-normalize.js'
import { orgCues } from './02-org-cues.js'
import { statedAliases } from './03-stated-aliases.js'
import { addMissed } from './04-add-missed.js'
import { cluster } from './05-cluster.js'
import { attributes, focusAffiliations } from './06-attributes.js'
import { genders } from './07-gender.js'
import { descriptorAges } from './08-descriptors.js'
import type { Work } from './work.js'
import type { Doc } from '../../doc/doc.js'

export { entityAt, findEntityByRole, resolveDescriptor } from './lookup.js'
export { translitKey, nameKey, foldName, aliasEntry, firstNamesCompatible, orgKey, surnameOf, nameWords } from './names.js'

/** Runs the steps over a Doc that has blocks, tokens, sentences and mentions; returns entities and mentions. */
export function extractEntities(doc: Doc): { entities: DocEntity[]; mentions: Mention[] } {
  const work: Work = {
    doc,
    text: doc.text,
    tokens: layer(doc, 'tokens'),
    sentences: layer(doc, 'sentences'),
    mentions: [],
    links: [],
  }
  normalizeMentions(work, layer(doc, 'mentions'))
  orgCues(work)
  statedAliases(work)
  addMissed(work)
  const entities = cluster(work)
  const mentionEntity: number[] = new Array<number>(work.mentions.length).fill(-1)
  entities.forEach((e, i) => {
    for (const m of e.mentions) mentionEntity[m] = i
  })
  attributes(work, entities)
  genders(work, entities, mentionEntity)
  focusAffiliations(work, entities, mentionEntity)
  descriptorAges(work, entities, mentionEntity)
  const mentions: Mention[] = work.mentions.map((m, i) => ({
    start: m.start,
    end: m.end,
    type: entities[mentionEntity[i]!]!.type,
    text: doc.text.slice(m.start, m.end),
    entity: mentionEntity[i]!,
  }))
  const out: DocEntity[] = entities.map((e, id) => ({
    id,
    type: e.type,
    name: e.name,
    aliases: e.aliases,
    mentions: e.mentions,
    attributes: e.attributes,
    ...(e.gender ? { gender: e.gender } : {}),
  }))
  return { entities: out, mentions }
}

export const entitiesStage: Stage = {
  name: 'entities.v1',
  requires: ['blocks', 'tokens', 'sentences', 'mentions'],
  assigns: ['entities', 'mentions'],
  run(doc) {
    const { entities, mentions } = extractEntities(doc)
    return withLayers(doc, { entities, mentions })
  },
}
