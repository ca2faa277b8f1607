// Look-ups over a Doc's `entities` and `mentions` layers, for later stages (quote speakers, pronouns).
import type { Doc } from '../../doc/doc.js'
import { findRoleIn } from './06-attributes.js'
import { resolveDescriptorIn } from './08-descriptors.js'
import { lastStartingAtOrBefore } from './work.js'

/** The entity of the mention covering `offset`, if any (mentions are sorted and do not overlap). */
export function entityAt(doc: Doc, offset: number): number | undefined {
  const ms = doc.layers.mentions
  if (!ms) return undefined
  const i = lastStartingAtOrBefore(ms, offset)
  const m = ms[i]
  return m && offset < m.end ? m.entity : undefined
}

/**
 * "the expert" → the person most recently mentioned before `before` whose role matches: the same role noun
 * ("expert", "Belarus expert"), or one of its class in src/lexicon/roles ("political scientist" is an expert).
 */
export function findEntityByRole(doc: Doc, roleNoun: string, before: number): number | undefined {
  const ms = doc.layers.mentions
  const es = doc.layers.entities
  if (!ms || !es) return undefined
  const mentionEntity = ms.map((m) => m.entity ?? -1)
  return findRoleIn({ mentions: ms }, es, mentionEntity, roleNoun, before)
}

/**
 * A descriptor noun phrase ("the 45-year-old", "the former minister", "the Democrat", "the Ukrainian") → the
 * person mentioned before `before` that it points back to: the latest one whose role (same noun, then same
 * class), party, nationality, age and gender fit what the phrase says. Undefined when the phrase names no
 * person (no role noun, party, nationality, person noun or age) or nobody fits.
 */
export function resolveDescriptor(doc: Doc, text: string, before: number): number | undefined {
  const ms = doc.layers.mentions
  const es = doc.layers.entities
  if (!ms || !es) return undefined
  return resolveDescriptorIn(ms, es, ms.map((m) => m.entity ?? -1), text, before)
}
