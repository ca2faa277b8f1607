import type { CueType, QuoteKind } from '../doc/layers.js'
import type { Store } from '../store/store.js'
import type { ArticleRef, Corpus, EntityRef } from './corpus.js'
import { loadCorpus, mentionsIn, perCorpus, snippet } from './corpus.js'
import { foldKey } from './fold.js'

export interface QuoteView {
  /** "<article>:q<index>" */
  readonly id: string
  readonly article: ArticleRef
  readonly kind: QuoteKind
  readonly text: string
  readonly start: number
  readonly end: number
  readonly cue: string | null
  /** What the cue reports (CueType: speech, belief, finding, directive, act, source, noun); null without a lexicon cue. */
  readonly cueType: CueType | null
  readonly speaker: EntityRef | null
  /** The speaker's display name even when no entity is resolved ("Russian officials"). */
  readonly speakerName: string | null
  /** The words that name the speaker at this place ("he", "the expert"). */
  readonly speakerMention: string | null
  readonly medium: string | null
  /** Entities mentioned inside the quoted text. */
  readonly about: readonly EntityRef[]
  /** The paragraph around the quote, for display. */
  readonly context: string
}

export interface QuoteQuery {
  /** Entity id, name or alias; falls back to a substring of the speaker's display name. */
  readonly speaker?: string
  /** Entity mentioned in the quote's text; falls back to a substring of the text. */
  readonly about?: string
  readonly kind?: QuoteKind
  /** Only quotes whose cue is of this type ('speech' for words said, 'act' for stances taken by an act, ...). */
  readonly cueType?: CueType
  readonly limit?: number
}

export const quoteId = (article: string, index: number) => `${article}:q${index}`

/** Every quote in the corpus, articles in store order, quotes in text order (built once per corpus). */
export const allQuotes: (corpus: Corpus) => readonly QuoteView[] = perCorpus((corpus) => {
  const out: QuoteView[] = []
  for (const doc of corpus.docs.values()) {
    for (const [i, q] of (doc.layers.quotes ?? []).entries()) {
      const speakerId = corpus.globalOf(doc.id, q.speakerEntity)
      out.push({
        id: quoteId(doc.id, i),
        article: corpus.articleRef(doc.id),
        kind: q.kind,
        text: q.text,
        start: q.start,
        end: q.end,
        cue: q.cue?.text ?? null,
        cueType: q.cue?.type ?? null,
        speaker: corpus.ref(speakerId),
        speakerName: q.speakerName ?? corpus.ref(speakerId)?.name ?? null,
        speakerMention: q.speakerMention?.text ?? null,
        medium: q.medium?.text ?? null,
        about: mentionsIn(corpus, doc, q.start, q.end).map((id) => corpus.ref(id)).filter((r): r is EntityRef => r !== null),
        context: snippet(doc.text, Math.min(q.start, q.speakerMention?.start ?? q.start), Math.max(q.end, q.speakerMention?.end ?? q.end), 160),
      })
    }
  }
  return out
})

export function filterQuotes(corpus: Corpus, quotes: readonly QuoteView[], query: QuoteQuery): QuoteView[] {
  let out = [...quotes]
  if (query.speaker) {
    const g = corpus.find(query.speaker)
    const f = foldKey(query.speaker)
    out = out.filter((q) => (g ? q.speaker?.id === g.id : foldKey(q.speakerName ?? '').includes(f)))
  }
  if (query.about) {
    const g = corpus.find(query.about)
    const f = foldKey(query.about)
    out = out.filter((q) => (g ? q.about.some((a) => a.id === g.id) : foldKey(q.text).includes(f)))
  }
  if (query.kind) out = out.filter((q) => q.kind === query.kind)
  if (query.cueType) out = out.filter((q) => q.cueType === query.cueType)
  if (query.limit !== undefined) out = out.slice(0, query.limit)
  return out
}

export async function listQuotes(store: Store, query: QuoteQuery = {}): Promise<QuoteView[]> {
  const corpus = await loadCorpus(store)
  return filterQuotes(corpus, allQuotes(corpus), query)
}
