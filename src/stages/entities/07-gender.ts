// Step 7: gender of people, for pronoun resolution: an honorific (set in step 6), else the first-name lists,
// else a Slavic feminine surname ending, else the pronouns that follow the person's mentions.
import type { Attribute } from '../../doc/layers.js'
import type { WorkEntity } from './05-cluster.js'
import { firstNameGender } from './lexicon.js'
import { nameWords } from './names.js'
import type { Work } from './work.js'

const MALE_PRONOUNS = new Set(['he', 'him', 'his', 'himself'])
const FEMALE_PRONOUNS = new Set(['she', 'her', 'hers', 'herself'])
/** Feminine endings of Slavic surnames (Tikhanovskaya, Petrova, Zakharova); used only when no first name tells. */
const FEMININE_SURNAME_RE = /(?:ova|eva|yova|ina|aya|aja|skaja|ska|cka)$/
/** A pronoun counts for the last person named at most this many sentences back (0 = same sentence). */
const PRONOUN_SENTENCE_REACH = 1

export function genders(work: Work, entities: WorkEntity[], mentionEntity: readonly number[]): void {
  const { text, tokens, sentences, mentions } = work
  const votes = entities.map(() => ({ f: 0, m: 0, span: undefined as { start: number; end: number } | undefined }))
  let mi = 0
  let si = 0
  let last: { entity: number; sentence: number } | undefined
  for (const t of tokens) {
    while (si < sentences.length - 1 && sentences[si]!.end <= t.start) si++
    while (mi < mentions.length && mentions[mi]!.end <= t.start) {
      const e = entities[mentionEntity[mi]!]
      if (e?.type === 'PER') last = { entity: mentionEntity[mi]!, sentence: si }
      mi++
    }
    if (t.kind !== 'word' || !last || si - last.sentence > PRONOUN_SENTENCE_REACH) continue
    const w = text.slice(t.start, t.end).toLowerCase()
    const v = votes[last.entity]!
    if (MALE_PRONOUNS.has(w)) v.m++
    else if (FEMALE_PRONOUNS.has(w)) v.f++
    else continue
    v.span ??= { start: t.start, end: t.end }
  }
  entities.forEach((e, i) => {
    if (e.type !== 'PER') return
    const add = (g: 'f' | 'm', start: number, end: number) => {
      e.gender = g
      const a: Attribute = { name: 'gender', value: g, start, end }
      e.attributes = [...e.attributes, a]
    }
    if (e.gender) return
    const ws = nameWords(e.name)
    const firstMention = e.mentions.map((k) => mentions[k]!).find((m) => nameWords(m.name).length === ws.length)
    if (ws.length >= 2) {
      const g = firstNameGender(ws[0]!)
      if (g) return add(g, firstMention?.start ?? 0, (firstMention?.start ?? 0) + ws[0]!.length)
      if (FEMININE_SURNAME_RE.test(ws[ws.length - 1]!.toLowerCase())) return add('f', firstMention?.start ?? 0, firstMention?.end ?? 0)
    }
    const v = votes[i]!
    if (v.span && v.f !== v.m) add(v.f > v.m ? 'f' : 'm', v.span.start, v.span.end)
  })
}
