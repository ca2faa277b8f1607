// Every annotation Dossier makes is a layer of stand-off records pointing into one immutable text.
// Offsets are UTF-16 code-unit indices into `Doc.text` (what String#slice uses), end-exclusive.
// Layers hold plain data only (JSON-serialisable) so a Doc can be stored, exported and diffed.

export interface Span {
  readonly start: number
  readonly end: number
}

/** The kinds of block an article is cleaned into. Only `headline`, `subhead` and `body` are read by NLP stages. */
export type BlockType =
  | 'headline'
  | 'subhead'
  | 'body'
  | 'caption'
  | 'byline'
  | 'source_line'
  | 'author_bio'
  | 'boilerplate'

export interface Block extends Span {
  readonly type: BlockType
  /** For captions: the photo credit inside the block ("Image: IMAGO / ITAR-TASS"), as a span into the text. */
  readonly credit?: Span & { readonly text: string }
}

export interface Token extends Span {
  /** Coarse class used by later stages: word, number, punct, quote (quotation mark), space-free symbol. */
  readonly kind: 'word' | 'number' | 'punct' | 'quote' | 'symbol'
}

export type Sentence = Span

export type EntityType = 'PER' | 'ORG' | 'LOC' | 'MISC'

/** One occurrence of a name in the text, as the tagger found it. */
export interface Mention extends Span {
  readonly type: EntityType
  readonly text: string
  /** Index into the `entities` layer once mentions are clustered within the article. */
  readonly entity?: number
}

export interface Attribute extends Span {
  /** age, role, affiliation, nationality, title, gender, ... */
  readonly name: string
  readonly value: string
}

/** One entity within one article: the cluster of its mentions. Cross-article identity lives in src/link. */
export interface DocEntity {
  readonly id: number
  readonly type: EntityType
  /** Canonical name: the longest full form seen in the article. */
  readonly name: string
  readonly aliases: readonly string[]
  readonly mentions: readonly number[] // indices into the `mentions` layer
  readonly attributes: readonly Attribute[]
  /** 'f' | 'm' when the text or first-name lists tell; used by pronoun resolution. */
  readonly gender?: 'f' | 'm'
}

export const QUOTE_KINDS = ['direct', 'indirect', 'mixed'] as const
export type QuoteKind = (typeof QUOTE_KINDS)[number]

/**
 * What a quote's cue reports, from the cue lexicon (src/lexicon/cues): `speech` words said ('said', 'told',
 * 'pointed out'); `belief` what someone thinks ('believes', 'fears'); `finding` what a poll or study shows ('found',
 * 'shows'); `directive` what someone asks for ('urged', 'demanded'); `act` a stance taken by an act ('called it',
 * 'accused', 'rejected the notion'); `source` a source phrase ('according to'); `noun` a verb with a saying noun
 * ('expressed fears that'). Absent for a cue outside the lexicon that the learned tagger found.
 */
export const CUE_TYPES = ['speech', 'belief', 'finding', 'directive', 'act', 'source', 'noun'] as const
export type CueType = (typeof CUE_TYPES)[number]

export interface Quote extends Span {
  readonly kind: QuoteKind
  readonly text: string
  readonly cue?: Span & { readonly text: string; readonly lemma: string; readonly tense?: 'past' | 'present' | 'future'; readonly type?: CueType }
  /** The words that name the speaker here ("he", "the expert", "Russian officials"). */
  readonly speakerMention?: Span & { readonly text: string }
  /** Index into the `entities` layer, or null when the engine cannot tell. */
  readonly speakerEntity: number | null
  /** Display name of the speaker: the entity's name, or the mention text for unresolved group speakers. */
  readonly speakerName: string | null
  readonly medium?: Span & { readonly text: string }
  /** Index into the `blocks` layer. */
  readonly block: number
}

export type DatePrecision =
  | 'day'
  | 'week'
  | 'month'
  | 'part-of-month'
  | 'season'
  | 'part-of-year'
  | 'year'
  | 'decade'
  | 'time'

export interface DateMention extends Span {
  readonly text: string
  /** ISO, as precise as known: "2022", "2022-10", "2022-10-15". Null when it cannot be resolved safely. */
  readonly value: string | null
  readonly precision: DatePrecision
  /** Open or closed range ends, ISO. */
  readonly from?: string
  readonly to?: string
  readonly relative: boolean
  readonly source: 'body' | 'caption' | 'headline'
}

export type EventStatus = 'happened' | 'ongoing' | 'planned' | 'feared' | 'hypothetical' | 'reported'

export interface Event extends Span {
  readonly text: string
  readonly date: number // index into `dates`
  readonly status: EventStatus
  readonly actors: readonly number[] // indices into `entities`
}

export type Band =
  | 'almost no chance'
  | 'very unlikely'
  | 'unlikely'
  | 'roughly even chance'
  | 'likely'
  | 'very likely'
  | 'almost certain'
  | 'uncertain'

export interface Assessment extends Span {
  readonly proposition: string
  readonly normalized: string
  readonly band: Band
  readonly cue: Span & { readonly text: string }
  readonly holderEntity: number | null
  readonly holderName: string | null
  readonly horizon?: string
  readonly quote?: number // index into `quotes`
}

export interface Layers {
  blocks: readonly Block[]
  tokens: readonly Token[]
  sentences: readonly Sentence[]
  mentions: readonly Mention[]
  entities: readonly DocEntity[]
  quotes: readonly Quote[]
  dates: readonly DateMention[]
  events: readonly Event[]
  assessments: readonly Assessment[]
}

export type LayerName = keyof Layers

export const LAYER_NAMES: readonly LayerName[] = [
  'blocks',
  'tokens',
  'sentences',
  'mentions',
  'entities',
  'quotes',
  'dates',
  'events',
  'assessments',
]
