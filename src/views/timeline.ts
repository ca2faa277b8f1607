import type { DatePrecision, EventStatus } from '../doc/layers.js'
import type { Store } from '../store/store.js'
import type { ArticleRef, Corpus, EntityRef } from './corpus.js'
import { loadCorpus, mentionsIn, perCorpus } from './corpus.js'
import { foldKey } from './fold.js'

// Two events from different articles fold into one timeline entry when they carry the same date value and
// either share most of their actors or say nearly the same thing. Thresholds are Jaccard overlaps:
// 0.5 on actors means "at least half of the union" (two-actor events sharing both, or 1 of 2);
// 0.6 on words keeps paraphrases with a few changed words together while "X met Y" vs "X phoned Y" stay apart
// unless the actors agree.
const ACTOR_OVERLAP = 0.5
const TEXT_OVERLAP = 0.6

export interface TimelineSource {
  /** "<article>:e<index>" */
  readonly event: string
  readonly article: ArticleRef
  readonly text: string
  readonly start: number
  readonly end: number
  readonly status: EventStatus
  /** The date words in this article ("mid-October"). */
  readonly dateText: string | null
}

export interface TimelineEntry {
  /** Id of the first source event. */
  readonly id: string
  /** ISO, as precise as known ("2022", "2022-10", "2022-10-15"); null when the date could not be resolved. */
  readonly date: string | null
  readonly precision: DatePrecision | null
  readonly text: string
  readonly status: EventStatus
  readonly actors: readonly EntityRef[]
  /** One per article that reports the event; more than one when duplicates were folded. */
  readonly sources: readonly TimelineSource[]
}

export const eventId = (article: string, index: number) => `${article}:e${index}`

function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0
  let shared = 0
  for (const x of a) if (b.has(x)) shared++
  return shared / (a.size + b.size - shared)
}

const words = (s: string) => new Set(foldKey(s).split(' ').filter((w) => w.length > 2))

interface Raw {
  entry: TimelineEntry
  actorIds: Set<string>
  mentioned: Set<string>
  words: Set<string>
}

/** All events in date order (undated last), duplicates folded (built once per corpus). */
export const buildTimeline: (corpus: Corpus) => readonly (TimelineEntry & { readonly mentioned: readonly string[] })[] = perCorpus((corpus) => {
  const raws: Raw[] = []
  for (const doc of corpus.docs.values()) {
    const dates = doc.layers.dates ?? []
    for (const [i, ev] of (doc.layers.events ?? []).entries()) {
      const d = dates[ev.date]
      const actorIds = ev.actors.map((a) => corpus.globalOf(doc.id, a)).filter((x): x is string => x !== null)
      const source: TimelineSource = {
        event: eventId(doc.id, i), article: corpus.articleRef(doc.id), text: ev.text, start: ev.start, end: ev.end,
        status: ev.status, dateText: d?.text ?? null,
      }
      raws.push({
        entry: {
          id: source.event, date: d?.value ?? null, precision: d?.precision ?? null, text: ev.text, status: ev.status,
          actors: [...new Set(actorIds)].map((id) => corpus.ref(id)).filter((r): r is EntityRef => r !== null),
          sources: [source],
        },
        actorIds: new Set(actorIds),
        mentioned: new Set([...actorIds, ...mentionsIn(corpus, doc, ev.start, ev.end)]),
        words: words(ev.text),
      })
    }
  }
  // only entries of one date fold together: each looks among the earlier entries of its date, in order
  const merged: Raw[] = []
  const byDate = new Map<string, Raw[]>()
  for (const r of raws) {
    const date = r.entry.date
    const sameDate = date === null ? undefined : byDate.get(date)
    const twin = sameDate?.find((m) =>
      !m.entry.sources.some((s) => s.article.id === r.entry.sources[0]!.article.id) &&
      (jaccard(m.actorIds, r.actorIds) >= ACTOR_OVERLAP || jaccard(m.words, r.words) >= TEXT_OVERLAP))
    if (!twin) {
      merged.push(r)
      if (date === null) continue
      if (sameDate) sameDate.push(r)
      else byDate.set(date, [r])
      continue
    }
    for (const a of r.actorIds) twin.actorIds.add(a)
    for (const a of r.mentioned) twin.mentioned.add(a)
    twin.entry = {
      ...twin.entry,
      actors: [...twin.actorIds].map((id) => corpus.ref(id)).filter((x): x is EntityRef => x !== null),
      sources: [...twin.entry.sources, ...r.entry.sources],
    }
  }
  const published = (e: TimelineEntry) => e.sources[0]?.article.published ?? ''
  merged.sort((a, b) => {
    const x = a.entry.date
    const y = b.entry.date
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1
    return x < y ? -1 : x > y ? 1 : published(a.entry) < published(b.entry) ? -1 : published(a.entry) > published(b.entry) ? 1 : 0
  })
  return merged.map((m) => ({ ...m.entry, mentioned: [...m.mentioned] }))
})

export function filterTimeline(corpus: Corpus, entries: ReturnType<typeof buildTimeline>, about?: string): TimelineEntry[] {
  let out = entries
  if (about) {
    const g = corpus.find(about)
    const f = foldKey(about)
    out = out.filter((e) => (g ? e.mentioned.includes(g.id) : foldKey(e.text).includes(f)))
  }
  return out.map(({ mentioned: _m, ...e }) => e)
}

export async function timeline(store: Store, query: { about?: string } = {}): Promise<TimelineEntry[]> {
  const corpus = await loadCorpus(store)
  return filterTimeline(corpus, buildTimeline(corpus), query.about)
}
