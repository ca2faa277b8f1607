// Builds a Doc with hand-listed layers for tests and benches, so the quotes stage can be checked without
// the upstream stages: one block per line (headlines listed by text), sentences from a plain splitter,
// mentions wherever an entity's name or alias occurs (longest first), one entity per listed name.
import type { Doc } from '../../doc/doc.js'
import { createDoc, withLayers } from '../../doc/doc.js'
import type { Block, BlockType, DocEntity, EntityType, Mention, Sentence, Token } from '../../doc/layers.js'

export interface TestEntity {
  readonly name: string
  readonly type?: EntityType
  readonly aliases?: readonly string[]
  readonly gender?: 'f' | 'm'
  readonly roles?: readonly string[]
}

export interface TestDocOptions {
  readonly entities?: readonly TestEntity[]
  /** Lines (exact text) that are headlines or subheads rather than body paragraphs. */
  readonly headlines?: readonly string[]
}

/** Sentence ends: . ! ? (optionally followed by a closing quote) before a space and an upper-case letter or an opening quote; not after a title (Mr., St.). */
const SENTENCE_END = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|Sen|Gov|Rep|Gen|\p{Lu}))[.!?][”"’]?(?=\s+[\p{Lu}“"‘„'])/gu

export function makeTestDoc(text: string, options: TestDocOptions = {}): Doc {
  const doc = createDoc(text)
  const t = doc.text
  const blocks: Block[] = []
  const sentences: Sentence[] = []
  let pos = 0
  let first = true
  for (const line of t.split('\n')) {
    const start = pos
    const end = pos + line.length
    pos = end + 1
    if (line.trim() === '') continue
    const type: BlockType = first || options.headlines?.includes(line) ? (first ? 'headline' : 'subhead') : 'body'
    first = false
    blocks.push({ start, end, type: options.headlines?.includes(line) || type === 'headline' ? type : 'body' })
    let s = start
    for (const m of line.matchAll(SENTENCE_END)) {
      const e = start + m.index + m[0].length
      sentences.push({ start: s, end: e })
      s = e
      while (s < end && /\s/.test(t[s]!)) s++
    }
    if (s < end) sentences.push({ start: s, end })
  }
  const tokens: Token[] = []
  for (const m of t.matchAll(/\S+/g)) tokens.push({ start: m.index, end: m.index + m[0].length, kind: 'word' })
  const ents = options.entities ?? []
  const forms = ents
    .flatMap((e, i) => [e.name, ...(e.aliases ?? [])].map((f) => ({ f, i })))
    .sort((a, b) => b.f.length - a.f.length)
  const taken = new Uint8Array(t.length)
  const mentions: Mention[] = []
  for (const { f, i } of forms) {
    let from = 0
    for (;;) {
      const at = t.indexOf(f, from)
      if (at < 0) break
      from = at + 1
      const end = at + f.length
      if (/[\p{L}\p{N}]/u.test(t[at - 1] ?? '') || /[\p{L}\p{N}]/u.test(t[end] ?? '')) continue
      if (taken.subarray(at, end).some((x) => x === 1)) continue
      taken.fill(1, at, end)
      mentions.push({ start: at, end, type: ents[i]!.type ?? 'PER', text: f, entity: i })
    }
  }
  mentions.sort((a, b) => a.start - b.start)
  const entities: DocEntity[] = ents.map((e, i) => ({
    id: i,
    type: e.type ?? 'PER',
    name: e.name,
    aliases: e.aliases ?? [],
    mentions: mentions.flatMap((m, k) => (m.entity === i ? [k] : [])),
    attributes: (e.roles ?? []).map((r) => ({ start: 0, end: 0, name: 'role', value: r })),
    ...(e.gender ? { gender: e.gender } : {}),
  }))
  return withLayers(doc, { blocks, tokens, sentences, mentions, entities })
}
