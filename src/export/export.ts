import type { Store } from '../store/store.js'
import { assessmentId, eventId, loadCorpus, quoteId } from '../views/index.js'
import type { DossierExport } from './schema.js'
import { EXPORT_VERSION } from './schema.js'

export { DossierExportSchema, EXPORT_VERSION } from './schema.js'
export type { DossierExport } from './schema.js'

/**
 * Everything in the store as one JSON document (schema: ./schema.ts, docs/export-schema.md). Offsets are UTF-16
 * code units into the article text, end-exclusive; ids are stable for a given store content:
 * quotes "<article>:q<i>", events "<article>:e<i>", assessments "<article>:a<i>", entities the linker's global ids
 * (or "<article>:n<i>" for a local entity no link covers).
 */
export async function exportStore(store: Store, options: { now?: () => Date } = {}): Promise<DossierExport> {
  const corpus = await loadCorpus(store)
  const now = options.now ?? (() => new Date())
  const summaries = new Map(corpus.articles.map((a) => [a.id, a]))
  const out: DossierExport = {
    version: EXPORT_VERSION,
    generated_at: now().toISOString(),
    articles: [], entities: [], quotes: [], events: [], assessments: [], questions: [], stories: [],
  }
  const questionOf = new Map<string, string>()
  for (const q of corpus.links.questions) for (const a of q.assessments) questionOf.set(assessmentId(a.article, a.assessment), q.id)

  for (const doc of corpus.docs.values()) {
    const s = summaries.get(doc.id)
    const m = doc.meta
    out.articles.push({
      id: doc.id,
      source_path: s?.sourcePath ?? m.sourcePath ?? null,
      url: s?.url ?? m.url ?? null,
      title: s?.title ?? m.title ?? null,
      outlet: s?.outlet ?? m.outlet ?? null,
      published: s?.published ?? m.published ?? null,
      published_inferred: m.publishedInferred ? { ...m.publishedInferred } : null,
      language: s?.language ?? m.language ?? null,
      author: m.author ?? null,
      original_source: s?.originalSource ?? m.originalSource ?? null,
      original_author: s?.originalAuthor ?? m.originalAuthor ?? null,
      content_hash: s?.contentHash ?? m.contentHash ?? '',
      blocks: (doc.layers.blocks ?? []).map((b) => ({ type: b.type, text: doc.text.slice(b.start, b.end), start: b.start, end: b.end, credit: b.credit?.text ?? null })),
    })
    const dates = doc.layers.dates ?? []
    for (const [i, q] of (doc.layers.quotes ?? []).entries()) {
      out.quotes.push({
        id: quoteId(doc.id, i), article: doc.id, kind: q.kind, text: q.text, start: q.start, end: q.end,
        cue: q.cue?.text ?? null, cue_lemma: q.cue?.lemma ?? null, cue_type: q.cue?.type ?? null, cue_start: q.cue?.start ?? null, cue_end: q.cue?.end ?? null,
        speaker_mention: q.speakerMention?.text ?? null, speaker_mention_start: q.speakerMention?.start ?? null, speaker_mention_end: q.speakerMention?.end ?? null,
        speaker_entity: corpus.globalOf(doc.id, q.speakerEntity),
        speaker_name: q.speakerName ?? corpus.ref(corpus.globalOf(doc.id, q.speakerEntity))?.name ?? null,
        medium: q.medium?.text ?? null,
        block: q.block,
      })
    }
    for (const [i, e] of (doc.layers.events ?? []).entries()) {
      const d = dates[e.date]
      out.events.push({
        id: eventId(doc.id, i), article: doc.id, date: d?.value ?? null, precision: d?.precision ?? null, date_text: d?.text ?? null,
        text: e.text, start: e.start, end: e.end, status: e.status,
        actors: [...new Set(e.actors.map((a) => corpus.globalOf(doc.id, a)).filter((x): x is string => x !== null))],
      })
    }
    for (const [i, a] of (doc.layers.assessments ?? []).entries()) {
      const id = assessmentId(doc.id, i)
      out.assessments.push({
        id, article: doc.id, holder_entity: corpus.globalOf(doc.id, a.holderEntity), holder_name: a.holderName,
        proposition: a.proposition, normalized: a.normalized, start: a.start, end: a.end, band: a.band, cue: a.cue.text,
        horizon: a.horizon ?? null, quote: a.quote === undefined ? null : quoteId(doc.id, a.quote), question: questionOf.get(id) ?? null,
      })
    }
  }

  for (const g of corpus.entities) {
    const attributes: DossierExport['entities'][number]['attributes'] = []
    const mentions: DossierExport['entities'][number]['mentions'] = []
    for (const mem of g.members) {
      const doc = corpus.docs.get(mem.article)
      const e = doc?.layers.entities?.[mem.entity]
      if (!doc || !e) continue
      for (const a of e.attributes) attributes.push({ name: a.name, value: a.value, article: doc.id, start: a.start, end: a.end })
      for (const mi of e.mentions) {
        const mention = doc.layers.mentions?.[mi]
        if (mention) mentions.push({ article: doc.id, start: mention.start, end: mention.end, text: mention.text })
      }
    }
    out.entities.push({ id: g.id, type: g.type, name: g.name, aliases: [...g.aliases], attributes, mentions, merges: [...g.merges] })
  }
  for (const q of corpus.links.questions) {
    out.questions.push({ id: q.id, text: q.text, assessments: q.assessments.map((a) => assessmentId(a.article, a.assessment)) })
  }
  for (const s of corpus.links.stories) {
    out.stories.push({ id: s.id, title: s.title, articles: [...s.articles], provenance: s.provenance.map((p) => ({ ...p })) })
  }
  return out
}
