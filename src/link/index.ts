// Cross-article linking: entity identities, questions and stories are recomputed from every stored Doc
// and saved whole, so adding an article can merge identities or regroup stories consistently.
import type { Doc } from '../doc/doc.js'
import type { LayerName } from '../doc/layers.js'
import type { Links, Store } from '../store/store.js'
import { linkEntities } from './entities.js'
import { groupQuestions } from './questions.js'
import { groupStories } from './stories.js'

export function computeLinks(docs: readonly Doc[]): Links {
  const entities = linkEntities(docs)
  const questions = groupQuestions(docs, entities)
  const stories = groupStories(docs)
  return { entities, questions, stories }
}

/** The layers the linkers read (with each Doc's text and meta): relink loads only these. */
export const LINK_LAYERS: readonly LayerName[] = ['blocks', 'mentions', 'entities', 'assessments']

export async function relink(store: Store): Promise<Links> {
  const docs: Doc[] = []
  for await (const doc of store.docs({ layers: LINK_LAYERS })) docs.push(doc)
  const links = computeLinks(docs)
  await store.saveLinks(links)
  return links
}
