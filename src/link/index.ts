// Cross-article linking: entity identities, questions and stories are recomputed from every stored Doc
// and saved whole, so adding an article can merge identities or regroup stories consistently.
import type { Doc } from '../doc/doc.js'
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

export async function relink(store: Store): Promise<Links> {
  const docs: Doc[] = []
  for await (const doc of store.docs()) docs.push(doc)
  const links = computeLinks(docs)
  await store.saveLinks(links)
  return links
}
