import { z } from 'zod'
import { CUE_TYPES, QUOTE_KINDS } from '../doc/layers.js'

// The versioned JSON export: how Dossier's output is checked from outside. Keys are a contract
// (docs/export-schema.md): fields may be added (minor version), never renamed or removed (that is a major version).

export const EXPORT_VERSION = '1.1.0'

const span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }
const nullableString = z.string().nullable()

export const BAND_VALUES = ['almost no chance', 'very unlikely', 'unlikely', 'roughly even chance', 'likely', 'very likely', 'almost certain', 'uncertain'] as const
export const BLOCK_TYPES = ['headline', 'subhead', 'body', 'caption', 'byline', 'source_line', 'author_bio', 'boilerplate'] as const

export const ExportBlockSchema = z.object({ type: z.enum(BLOCK_TYPES), text: z.string(), ...span, credit: nullableString })

export const ExportArticleSchema = z.object({
  id: z.string(),
  source_path: nullableString,
  url: nullableString,
  title: nullableString,
  outlet: nullableString,
  published: nullableString,
  published_inferred: z.object({ after: z.string().optional(), before: z.string().optional(), reason: z.string() }).nullable(),
  language: nullableString,
  author: nullableString,
  original_source: nullableString,
  original_author: nullableString,
  content_hash: z.string(),
  blocks: z.array(ExportBlockSchema),
})

export const ExportEntitySchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  attributes: z.array(z.object({ name: z.string(), value: z.string(), article: z.string(), ...span })),
  mentions: z.array(z.object({ article: z.string(), ...span, text: z.string() })),
  merges: z.array(z.string()),
})

export const ExportQuoteSchema = z.object({
  id: z.string(),
  article: z.string(),
  kind: z.enum(QUOTE_KINDS),
  text: z.string(),
  ...span,
  cue: nullableString,
  cue_lemma: nullableString,
  cue_type: z.enum(CUE_TYPES).nullable(),
  cue_start: z.number().int().nullable(),
  cue_end: z.number().int().nullable(),
  speaker_mention: nullableString,
  speaker_mention_start: z.number().int().nullable(),
  speaker_mention_end: z.number().int().nullable(),
  speaker_entity: nullableString,
  speaker_name: nullableString,
  medium: nullableString,
  block: z.number().int(),
})

export const ExportEventSchema = z.object({
  id: z.string(),
  article: z.string(),
  date: nullableString,
  precision: nullableString,
  date_text: nullableString,
  text: z.string(),
  ...span,
  status: z.enum(['happened', 'ongoing', 'planned', 'feared', 'hypothetical', 'reported']),
  actors: z.array(z.string()),
})

export const ExportAssessmentSchema = z.object({
  id: z.string(),
  article: z.string(),
  holder_entity: nullableString,
  holder_name: nullableString,
  proposition: z.string(),
  normalized: z.string(),
  ...span,
  band: z.enum(BAND_VALUES),
  cue: z.string(),
  horizon: nullableString,
  quote: nullableString,
  question: nullableString,
})

export const ExportQuestionSchema = z.object({ id: z.string(), text: z.string(), assessments: z.array(z.string()) })

export const ExportStorySchema = z.object({
  id: z.string(),
  title: z.string(),
  articles: z.array(z.string()),
  provenance: z.array(z.object({ article: z.string(), origin: z.string(), reason: z.string() })),
})

export const DossierExportSchema = z.object({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version must be semver (major.minor.patch)'),
  generated_at: z.string(),
  articles: z.array(ExportArticleSchema),
  entities: z.array(ExportEntitySchema),
  quotes: z.array(ExportQuoteSchema),
  events: z.array(ExportEventSchema),
  assessments: z.array(ExportAssessmentSchema),
  questions: z.array(ExportQuestionSchema),
  stories: z.array(ExportStorySchema),
})

export type DossierExport = z.infer<typeof DossierExportSchema>
