import { createDoc, withLayers } from '../../doc/doc.js'
import type { ArticleMeta, Doc } from '../../doc/doc.js'
import type {
  Assessment, Attribute, Band, Block, BlockType, CueType, DateMention, DatePrecision, DocEntity, EntityType, Event, EventStatus,
  Mention, Quote, QuoteKind, Sentence, Span, Token,
} from '../../doc/layers.js'
import type { Links, Store } from '../../store/store.js'
import { createMemoryStore } from './memory-store.js'

// Hand-made annotated Docs for tests of the read side: two short articles about Belarus written in the style of
// ../shared/seeds (not copied from them), with entities, quotes, dates, events, assessments, and the links that
// join "Selenskyj" and "Volodymyr Zelenskyy" across them. Spans are found by searching the text, so the
// fixture stays right if a sentence is edited.

const TOKEN = /[\p{L}\p{N}]+(?:[’'.-][\p{L}\p{N}]+)*|[“”‘’"«»]|[^\s\p{L}\p{N}]/gu
const SENTENCE_END = /[.!?]["”’]?(?=\s|$)/g

/** Builds one Doc block by block; every span is located by its text, so offsets are always consistent. */
export class DocBuilder {
  private text = ''
  private readonly blocks: Block[] = []
  private readonly mentions: Mention[] = []
  private readonly entities: DocEntity[] = []
  private readonly quotes: Quote[] = []
  private readonly dates: DateMention[] = []
  private readonly events: Event[] = []
  private readonly assessments: Assessment[] = []

  constructor(private readonly id: string, private readonly meta: ArticleMeta) {}

  block(type: BlockType, text: string, credit?: string): this {
    if (this.text.length > 0) this.text += '\n'
    const start = this.text.length
    this.text += text
    const block: Block = { type, start, end: this.text.length }
    if (credit !== undefined) {
      const at = this.text.indexOf(credit, start)
      if (at < 0) throw new Error(`credit "${credit}" not in block`)
      this.blocks.push({ ...block, credit: { start: at, end: at + credit.length, text: credit } })
    } else this.blocks.push(block)
    return this
  }

  /** The span of `needle`: the occurrence nearest to `near` (default: the first). */
  span(needle: string, near = 0): Span {
    let best = -1
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1)) {
      if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at
    }
    if (best < 0) throw new Error(`"${needle}" not found in ${this.id}`)
    return { start: best, end: best + needle.length }
  }

  /** An entity whose mentions are every occurrence of any of `forms` (longest forms claim text first). */
  entity(type: EntityType, name: string, forms: readonly string[], attributes: readonly { name: string; value: string; text: string }[] = [], gender?: 'f' | 'm'): number {
    const index = this.entities.length
    const taken: Span[] = this.mentions.map((m) => m)
    const mentionIdx: number[] = []
    for (const form of [...forms].sort((a, b) => b.length - a.length)) {
      for (let at = this.text.indexOf(form); at >= 0; at = this.text.indexOf(form, at + 1)) {
        const s = { start: at, end: at + form.length }
        if (taken.some((t) => t.start < s.end && s.start < t.end)) continue
        const before = this.text[at - 1] ?? ' '
        const after = this.text[s.end] ?? ' '
        if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue
        taken.push(s)
        mentionIdx.push(this.mentions.length)
        this.mentions.push({ ...s, type, text: form, entity: index })
      }
    }
    if (mentionIdx.length === 0) throw new Error(`entity ${name}: no mention found in ${this.id}`)
    const attrs: Attribute[] = attributes.map((a) => ({ ...this.span(a.text), name: a.name, value: a.value }))
    const aliases = forms.filter((f) => f !== name)
    this.entities.push({ id: index, type, name, aliases, mentions: mentionIdx, attributes: attrs, ...(gender ? { gender } : {}) })
    return index
  }

  quote(q: { kind: QuoteKind; text: string; cue?: string; lemma?: string; cueType?: CueType; speaker: number | null; speakerMention?: string; speakerName?: string; medium?: string }): number {
    const s = this.span(q.text)
    const near = (needle: string) => this.span(needle, s.end)
    const speakerName = q.speakerName ?? (q.speaker === null ? null : (this.entities[q.speaker]?.name ?? null))
    const block = this.blocks.findIndex((b) => b.start <= s.start && s.end <= b.end)
    this.quotes.push({
      ...s,
      kind: q.kind,
      text: q.text,
      ...(q.cue ? { cue: { ...near(q.cue), text: q.cue, lemma: q.lemma ?? q.cue.replace(/s$/, ''), ...(q.cueType ? { type: q.cueType } : {}) } } : {}),
      ...(q.speakerMention ? { speakerMention: { ...near(q.speakerMention), text: q.speakerMention } } : {}),
      speakerEntity: q.speaker,
      speakerName,
      ...(q.medium ? { medium: { ...near(q.medium), text: q.medium } } : {}),
      block,
    })
    return this.quotes.length - 1
  }

  date(text: string, value: string | null, precision: DatePrecision, relative = false): number {
    const s = this.span(text)
    const block = this.blocks.find((b) => b.start <= s.start && s.end <= b.end)
    const source = block?.type === 'caption' ? 'caption' : block?.type === 'headline' ? 'headline' : 'body'
    this.dates.push({ ...s, text, value, precision, relative, source })
    return this.dates.length - 1
  }

  event(text: string, date: number, status: EventStatus, actors: readonly number[]): number {
    this.events.push({ ...this.span(text), text, date, status, actors })
    return this.events.length - 1
  }

  assessment(a: { proposition: string; normalized?: string; band: Band; cue: string; holder: number | null; holderName?: string; quote?: number }): number {
    const s = this.span(a.proposition)
    const cue = this.span(a.cue, s.start)
    const start = Math.min(s.start, cue.start)
    const end = Math.max(s.end, cue.end)
    this.assessments.push({
      start, end,
      proposition: a.proposition,
      normalized: a.normalized ?? a.proposition.toLowerCase(),
      band: a.band,
      cue: { ...cue, text: a.cue },
      holderEntity: a.holder,
      holderName: a.holderName ?? (a.holder === null ? null : (this.entities[a.holder]?.name ?? null)),
      ...(a.quote !== undefined ? { quote: a.quote } : {}),
    })
    return this.assessments.length - 1
  }

  build(): Doc {
    const text = this.text
    const tokens: Token[] = [...text.matchAll(TOKEN)].map((m) => {
      const t = m[0]
      const kind: Token['kind'] = /^[“”‘’"«»]$/.test(t) ? 'quote' : /^\p{N}+$/u.test(t) ? 'number' : /^[\p{L}\p{N}]/u.test(t) ? 'word' : 'punct'
      return { start: m.index, end: m.index + t.length, kind }
    })
    const sentences: Sentence[] = []
    for (const b of this.blocks) {
      let from = b.start
      const chunk = text.slice(b.start, b.end)
      for (const m of chunk.matchAll(SENTENCE_END)) {
        const end = b.start + m.index + m[0].length
        sentences.push({ start: from, end })
        from = end + 1
      }
      if (from < b.end) sentences.push({ start: from, end: b.end })
    }
    // Mentions are stored in text order; entities point at them by index, so remap after sorting.
    const order = this.mentions.map((_, i) => i).sort((a, b) => this.mentions[a]!.start - this.mentions[b]!.start)
    const newIndex = new Map(order.map((old, i) => [old, i]))
    const entities = this.entities.map((e) => ({ ...e, mentions: e.mentions.map((m) => newIndex.get(m)!).sort((a, b) => a - b) }))
    const doc = createDoc(text, this.meta, this.id)
    return withLayers(doc, {
      blocks: this.blocks, tokens, sentences, mentions: order.map((i) => this.mentions[i]!),
      entities, quotes: this.quotes, dates: this.dates, events: this.events, assessments: this.assessments,
    })
  }
}

export const ARTICLE_A = 'blick-belarus'
export const ARTICLE_B = 'watson-belarus'

/** Article A: a republished interview piece (origin Blick). */
function articleA(): { doc: Doc; e: Record<string, number> } {
  const b = new DocBuilder(ARTICLE_A, {
    title: 'Lukashenko’s political survival depends on Putin’s favor',
    outlet: '24 Instant News',
    url: 'https://example.org/24-instant-news/lukashenko-survival',
    published: '2022-12-20',
    language: 'en',
    originalSource: 'Blick',
    originalAuthor: 'John Hillig',
  })
  b.block('headline', 'Lukashenko’s political survival depends on Putin’s favor')
    .block('body', 'Alexander Lukashenko (69) hugged Vladimir Putin (70) at Minsk airport on Monday. The Kremlin boss rarely travels to Belarus.')
    .block('body', '“It could be the start of a new plan to include Belarus,” Ulrich Schmid (57), professor of Russian culture and society at the University of St. Gallen, told Blick.')
    .block('subhead', '‘There is considerable pressure from the Kremlin’')
    .block('body', 'When Russia and Belarus announced a joint military unit in mid-October, Lukashenko stressed that it should serve purely defensive purposes.')
    .block('body', 'Ukraine’s president Selenskyj fears that an offensive on Kyiv could come from Belarusian territory.')
    .block('body', 'Schmid does not believe that Lukashenko could suddenly change his mind. “It is very unlikely that Belarus will actively participate in the war,” he said.')
    .block('byline', 'John Hillig')
    .block('source_line', 'Source: Blick')
  const e = {
    lukashenko: b.entity('PER', 'Alexander Lukashenko', ['Alexander Lukashenko', 'Lukashenko'], [{ name: 'age', value: '69', text: '69' }], 'm'),
    putin: b.entity('PER', 'Vladimir Putin', ['Vladimir Putin', 'The Kremlin boss'], [{ name: 'age', value: '70', text: '70' }], 'm'),
    schmid: b.entity('PER', 'Ulrich Schmid', ['Ulrich Schmid', 'Schmid'], [
      { name: 'age', value: '57', text: '57' },
      { name: 'role', value: 'professor of Russian culture and society', text: 'professor of Russian culture and society' },
      { name: 'affiliation', value: 'University of St. Gallen', text: 'University of St. Gallen' },
    ], 'm'),
    unisg: b.entity('ORG', 'University of St. Gallen', ['University of St. Gallen']),
    blick: b.entity('ORG', 'Blick', ['Blick']),
    kremlin: b.entity('ORG', 'Kremlin', ['Kremlin']),
    belarus: b.entity('LOC', 'Belarus', ['Belarus']),
    russia: b.entity('LOC', 'Russia', ['Russia']),
    kyiv: b.entity('LOC', 'Kyiv', ['Kyiv']),
    minsk: b.entity('LOC', 'Minsk', ['Minsk']),
    selenskyj: b.entity('PER', 'Selenskyj', ['Selenskyj'], [{ name: 'role', value: 'Ukraine’s president', text: 'Ukraine’s president' }], 'm'),
  }
  b.quote({ kind: 'direct', text: 'It could be the start of a new plan to include Belarus', cue: 'told', lemma: 'tell', cueType: 'speech', speaker: e.schmid, speakerMention: 'Ulrich Schmid', medium: 'Blick' })
  b.quote({ kind: 'direct', text: 'It is very unlikely that Belarus will actively participate in the war', cue: 'said', lemma: 'say', cueType: 'speech', speaker: e.schmid, speakerMention: 'he' })
  b.quote({ kind: 'indirect', text: 'that it should serve purely defensive purposes', cue: 'stressed', lemma: 'stress', cueType: 'speech', speaker: e.lukashenko, speakerMention: 'Lukashenko' })
  const monday = b.date('Monday', '2022-12-19', 'day', true)
  const october = b.date('mid-October', '2022-10', 'part-of-month', true)
  b.event('hugged Vladimir Putin (70) at Minsk airport', monday, 'happened', [e.lukashenko, e.putin])
  b.event('Russia and Belarus announced a joint military unit', october, 'happened', [e.russia, e.belarus])
  b.assessment({
    proposition: 'Belarus will actively participate in the war',
    normalized: 'belarus actively participate in the war',
    band: 'very unlikely', cue: 'very unlikely', holder: e.schmid, quote: 1,
  })
  return { doc: b.build(), e }
}

/** Article B: a second outlet's piece on the same story, naming the Ukrainian president differently. */
function articleB(): { doc: Doc; e: Record<string, number> } {
  const b = new DocBuilder(ARTICLE_B, {
    title: 'Belarus worries Zelenskyy – will it enter the war?',
    outlet: 'watson',
    sourcePath: 'inbox/watson-belarus.html',
    published: '2023-01-20',
    language: 'en',
  })
  b.block('headline', 'Belarus worries Zelenskyy – will it enter the war?')
    .block('caption', 'Vladimir Putin and Alexander Lukashenko on a boat trip. Image: imago images', 'Image: imago images')
    .block('body', 'Ukrainian President Volodymyr Zelenskyy has repeatedly appealed to Belarusians not to be drawn into the war.')
    .block('body', '“It is not certain that Belarus will be drawn into the war by Russia in the short term,” says Alla Leukavets. The expert conducts research at the Stockholm Center for Eastern European Studies.')
    .block('body', 'In mid-October 2022 Russia and Belarus announced a joint military unit, Leukavets recalls.')
    .block('body', 'Nikita Gerasimov does not assume that Russia will launch a second large-scale offensive on Kyiv.')
  const e = {
    zelenskyy: b.entity('PER', 'Volodymyr Zelenskyy', ['Volodymyr Zelenskyy', 'Zelenskyy'], [{ name: 'role', value: 'Ukrainian President', text: 'Ukrainian President' }], 'm'),
    putin: b.entity('PER', 'Vladimir Putin', ['Vladimir Putin']),
    lukashenko: b.entity('PER', 'Alexander Lukashenko', ['Alexander Lukashenko']),
    leukavets: b.entity('PER', 'Alla Leukavets', ['Alla Leukavets', 'Leukavets'], [
      { name: 'role', value: 'expert', text: 'The expert' },
      { name: 'affiliation', value: 'Stockholm Center for Eastern European Studies', text: 'Stockholm Center for Eastern European Studies' },
    ], 'f'),
    gerasimov: b.entity('PER', 'Nikita Gerasimov', ['Nikita Gerasimov']),
    scees: b.entity('ORG', 'Stockholm Center for Eastern European Studies', ['Stockholm Center for Eastern European Studies']),
    belarus: b.entity('LOC', 'Belarus', ['Belarus']),
    russia: b.entity('LOC', 'Russia', ['Russia']),
    kyiv: b.entity('LOC', 'Kyiv', ['Kyiv']),
  }
  b.quote({ kind: 'direct', text: 'It is not certain that Belarus will be drawn into the war by Russia in the short term', cue: 'says', lemma: 'say', cueType: 'speech', speaker: e.leukavets, speakerMention: 'Alla Leukavets' })
  b.quote({ kind: 'indirect', text: 'that Russia will launch a second large-scale offensive on Kyiv', cue: 'does not assume', lemma: 'assume', cueType: 'belief', speaker: e.gerasimov, speakerMention: 'Nikita Gerasimov' })
  const october = b.date('mid-October 2022', '2022-10', 'part-of-month')
  b.event('Russia and Belarus announced a joint military unit', october, 'happened', [e.russia, e.belarus])
  b.assessment({
    proposition: 'Belarus will be drawn into the war by Russia in the short term',
    normalized: 'belarus drawn into the war by russia in the short term',
    band: 'uncertain', cue: 'not certain', holder: e.leukavets, quote: 0,
  })
  b.assessment({
    proposition: 'Russia will launch a second large-scale offensive on Kyiv',
    normalized: 'russia launch second offensive on kyiv',
    band: 'unlikely', cue: 'does not assume', holder: e.gerasimov, quote: 1,
  })
  return { doc: b.build(), e }
}

export interface Fixture {
  readonly docs: readonly Doc[]
  readonly links: Links
}

export function buildFixture(): Fixture {
  const A = articleA()
  const B = articleB()
  const a = (k: string) => ({ article: ARTICLE_A, entity: A.e[k] as number })
  const bm = (k: string) => ({ article: ARTICLE_B, entity: B.e[k] as number })
  const links: Links = {
    entities: [
      { id: 'per-alexander-lukashenko', type: 'PER', name: 'Alexander Lukashenko', aliases: ['Lukashenko'], members: [a('lukashenko'), bm('lukashenko')], merges: ['same full name'] },
      { id: 'per-vladimir-putin', type: 'PER', name: 'Vladimir Putin', aliases: ['Putin', 'The Kremlin boss'], members: [a('putin'), bm('putin')], merges: ['same full name'] },
      { id: 'per-volodymyr-zelenskyy', type: 'PER', name: 'Volodymyr Zelenskyy', aliases: ['Zelenskyy', 'Selenskyj'], members: [a('selenskyj'), bm('zelenskyy')], merges: ['transliteration key zelenskyj'] },
      { id: 'per-ulrich-schmid', type: 'PER', name: 'Ulrich Schmid', aliases: ['Schmid'], members: [a('schmid')], merges: [] },
      { id: 'per-alla-leukavets', type: 'PER', name: 'Alla Leukavets', aliases: ['Leukavets'], members: [bm('leukavets')], merges: [] },
      { id: 'per-nikita-gerasimov', type: 'PER', name: 'Nikita Gerasimov', aliases: ['Gerasimov'], members: [bm('gerasimov')], merges: [] },
      { id: 'org-university-of-st-gallen', type: 'ORG', name: 'University of St. Gallen', aliases: [], members: [a('unisg')], merges: [] },
      { id: 'org-blick', type: 'ORG', name: 'Blick', aliases: [], members: [a('blick')], merges: [] },
      { id: 'org-kremlin', type: 'ORG', name: 'Kremlin', aliases: [], members: [a('kremlin')], merges: [] },
      { id: 'org-stockholm-center', type: 'ORG', name: 'Stockholm Center for Eastern European Studies', aliases: [], members: [bm('scees')], merges: [] },
      { id: 'loc-belarus', type: 'LOC', name: 'Belarus', aliases: [], members: [a('belarus'), bm('belarus')], merges: ['same name'] },
      { id: 'loc-russia', type: 'LOC', name: 'Russia', aliases: [], members: [a('russia'), bm('russia')], merges: ['same name'] },
      { id: 'loc-kyiv', type: 'LOC', name: 'Kyiv', aliases: ['Kiev'], members: [a('kyiv'), bm('kyiv')], merges: ['same name'] },
      // Minsk (article A) is deliberately left unlinked: views must still show local entities no link covers.
    ],
    questions: [
      {
        id: 'q-belarus-enters-war',
        text: 'Will Belarus actively enter the war in Ukraine?',
        assessments: [{ article: ARTICLE_A, assessment: 0 }, { article: ARTICLE_B, assessment: 0 }],
      },
      { id: 'q-offensive-on-kyiv', text: 'Will Russia launch a second offensive on Kyiv?', assessments: [{ article: ARTICLE_B, assessment: 1 }] },
    ],
    stories: [
      {
        id: 'story-belarus-war',
        title: 'Will Belarus enter the war in Ukraine?',
        articles: [ARTICLE_A, ARTICLE_B],
        provenance: [{ article: ARTICLE_A, origin: 'Blick', reason: 'source line “Source: Blick”' }],
      },
    ],
  }
  return { docs: [A.doc, B.doc], links }
}

/** A migrated in-memory store holding the fixture's two Docs and links. */
export async function fixtureStore(): Promise<Store> {
  const f = buildFixture()
  const store = createMemoryStore()
  await store.migrate()
  for (const d of f.docs) await store.addDoc(d)
  await store.saveLinks(f.links)
  return store
}
