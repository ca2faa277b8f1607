// The default pipeline, in order. Order matters here and only here: each stage's `requires` must be
// assigned by one above it, which `createPipeline` checks before anything runs.
import { blocksStage } from '../stages/blocks/index.js'
import { languageStage } from '../stages/language/index.js'
import { tokensStage } from '../stages/tokens/index.js'
import { sentencesStage } from '../stages/sentences/index.js'
import { mentionsStage } from '../stages/mentions/index.js'
import { entitiesStage } from '../stages/entities/index.js'
import { quotesStage } from '../stages/quotes/index.js'
import { datesStage } from '../stages/dates/index.js'
import { eventsStage } from '../stages/events/index.js'
import { assessmentsStage } from '../stages/assessments/index.js'
import type { Stage } from './stage.js'

export function defaultStages(): Stage[] {
  return [
    blocksStage, // typed blocks: headline, subhead, body, caption (+credit), byline, source_line, author_bio, boilerplate
    languageStage, // meta.language
    tokensStage,
    sentencesStage, // never across a block
    mentionsStage, // NER: PER/ORG/LOC/MISC
    entitiesStage, // mentions clustered into article-level entities with attributes
    quotesStage, // direct/indirect/mixed with resolved speakers
    datesStage, // resolved against meta.published
    eventsStage, // the clause each date anchors
    assessmentsStage, // estimative language on the ICD 203 scale
  ]
}
