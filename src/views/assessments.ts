import type { Band } from '../doc/layers.js'
import type { Store } from '../store/store.js'
import { bandRank, medianBand } from './bands.js'
import type { ArticleRef, Corpus, EntityRef } from './corpus.js'
import { loadCorpus, mentionsIn, perCorpus } from './corpus.js'
import { foldKey } from './fold.js'
import { quoteId } from './quotes.js'
import { questionSummary } from '../link/questions.js'

export interface AssessmentView {
  /** "<article>:a<index>" */
  readonly id: string
  readonly article: ArticleRef
  readonly holder: EntityRef | null
  readonly holderName: string | null
  readonly proposition: string
  readonly normalized: string
  readonly band: Band
  readonly cue: string
  readonly start: number
  readonly end: number
  readonly horizon: string | null
  /** When the judgement was made: the article's publication date. */
  readonly date: string | null
  /** The quote it was said in, as a quote id. */
  readonly quote: string | null
  /** Question id (null when no question groups it). */
  readonly question: string | null
  /** The band read as an answer to its question: flipped where the statement reads the other way round
   * ("does not want to be drawn into the war", likely → unlikely on "Will Belarus enter the war?"). */
  readonly answer: Band
  /** Entities mentioned in the proposition. */
  readonly about: readonly EntityRef[]
}

export interface HolderRow {
  readonly holder: EntityRef | null
  readonly name: string
  /** This holder's bands on this question, in article order. */
  readonly bands: readonly Band[]
  /** The holder's overall band (lower median of directional bands; 'uncertain' when none has a direction). */
  readonly band: Band
  readonly assessments: readonly AssessmentView[]
}

export interface QuestionBoard {
  readonly id: string
  readonly text: string
  readonly holders: readonly HolderRow[]
  /** Lowest and highest directional band held, and how many scale steps apart they are; null bounds when none. */
  readonly spread: { readonly low: Band | null; readonly high: Band | null; readonly steps: number; readonly uncertain: number }
  /** Where the holders lean: the lower median of the holders' bands. */
  readonly leaning: Band
}

export const assessmentId = (article: string, index: number) => `${article}:a${index}`

/** Every assessment as the views show it (built once per corpus). */
export const allAssessments: (corpus: Corpus) => readonly AssessmentView[] = perCorpus((corpus) => {
  const questionOf = new Map<string, string>()
  const answerOf = new Map<string, Band>()
  const docs = [...corpus.docs.values()]
  for (const q of corpus.links.questions) {
    for (const a of q.assessments) questionOf.set(assessmentId(a.article, a.assessment), q.id)
    for (const h of questionSummary(q, docs).holders) answerOf.set(assessmentId(h.article, h.assessment), h.answer)
  }
  const out: AssessmentView[] = []
  for (const doc of corpus.docs.values()) {
    for (const [i, a] of (doc.layers.assessments ?? []).entries()) {
      const id = assessmentId(doc.id, i)
      const holder = corpus.ref(corpus.globalOf(doc.id, a.holderEntity))
      out.push({
        id, article: corpus.articleRef(doc.id), holder, holderName: a.holderName ?? holder?.name ?? null,
        proposition: a.proposition, normalized: a.normalized, band: a.band, cue: a.cue.text, start: a.start, end: a.end,
        horizon: a.horizon ?? null, date: corpus.articleRef(doc.id).published,
        quote: a.quote === undefined ? null : quoteId(doc.id, a.quote), question: questionOf.get(id) ?? null,
        answer: answerOf.get(id) ?? a.band,
        about: mentionsIn(corpus, doc, a.start, a.end).map((x) => corpus.ref(x)).filter((r): r is EntityRef => r !== null),
      })
    }
  }
  return out
})

function board(id: string, text: string, items: readonly AssessmentView[]): QuestionBoard {
  const rows = new Map<string, AssessmentView[]>()
  for (const a of items) {
    const k = a.holder?.id ?? `name:${foldKey(a.holderName ?? '')}`
    rows.set(k, [...(rows.get(k) ?? []), a])
  }
  const holders: HolderRow[] = [...rows.values()].map((as) => ({
    holder: as[0]!.holder,
    name: as[0]!.holder?.name ?? as[0]!.holderName ?? 'unattributed',
    bands: as.map((a) => a.answer),
    band: medianBand(as.map((a) => a.answer)),
    assessments: as,
  }))
  const ranks = items.map((a) => bandRank(a.answer)).filter((r): r is number => r !== null)
  const low = ranks.length ? Math.min(...ranks) : null
  const high = ranks.length ? Math.max(...ranks) : null
  const sorted = items.filter((a) => bandRank(a.answer) !== null).sort((a, b) => bandRank(a.answer)! - bandRank(b.answer)!)
  return {
    id, text, holders,
    spread: {
      low: low === null ? null : sorted[0]!.answer,
      high: high === null ? null : sorted[sorted.length - 1]!.answer,
      steps: low === null || high === null ? 0 : high - low,
      uncertain: items.filter((a) => a.answer === 'uncertain').length,
    },
    leaning: medianBand(holders.map((h) => h.band)),
  }
}

/**
 * One board per question from the links; assessments no question groups get a board of their own
 * (id "q:<assessment id>", text = the proposition), so nothing is hidden before linking has run.
 */
export function buildBoards(corpus: Corpus): QuestionBoard[] {
  const all = allAssessments(corpus)
  const byId = new Map(all.map((a) => [a.id, a]))
  const boards = corpus.links.questions.map((q) =>
    board(q.id, q.text, q.assessments.map((a) => byId.get(assessmentId(a.article, a.assessment))).filter((a): a is AssessmentView => a !== undefined)))
  for (const a of all) if (a.question === null) boards.push(board(`q:${a.id}`, a.proposition, [a]))
  return boards
}

export function filterBoards(corpus: Corpus, boards: readonly QuestionBoard[], about?: string): QuestionBoard[] {
  if (!about) return [...boards]
  const g = corpus.find(about)
  const f = foldKey(about)
  return boards.filter((b) =>
    g
      ? b.holders.some((h) => h.holder?.id === g.id || h.assessments.some((a) => a.about.some((x) => x.id === g.id))) || foldKey(b.text).includes(foldKey(g.name))
      : foldKey(b.text).includes(f) || b.holders.some((h) => foldKey(h.name).includes(f)))
}

export async function assessmentBoard(store: Store, query: { about?: string } = {}): Promise<QuestionBoard[]> {
  const corpus = await loadCorpus(store)
  return filterBoards(corpus, buildBoards(corpus), query.about)
}
