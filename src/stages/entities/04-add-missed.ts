// Step 4: exact repeats of a known name (or a known person's surname, in any transliteration: "Selenskyj"
// for "Zelenskyy") that the tagger left untagged become mentions too. One pass over the tokens with a cursor over the sorted mentions: linear in the text.
import type { EntityType, Token } from '../../doc/layers.js'
import { ORG_WORDS } from '../../lexicon/gazetteers/lists/org-suffixes.js'
import { nameWords, translitKey } from './names.js'
import { inContentBlock, inCredit, sortMentions, type Work, type WorkMention } from './work.js'

/** Known names shorter than this (in characters) are too ambiguous to add on their own ("US", "EU" are tagged anyway). */
const MIN_SINGLE_WORD_LENGTH = 3
/** A surname matched only by its transliteration key must be at least this long (short keys collide). */
const MIN_TRANSLIT_SURNAME_LENGTH = 5

/** Capitalised org words that a repeat of an org name may carry on either side ("Group Wagner" for "Wagner"). */
const ORG_WORD_SET: ReadonlySet<string> = new Set(ORG_WORDS)

interface Known {
  readonly words: readonly string[]
  readonly type: EntityType
  readonly name: string
}

function isUpper(w: string): boolean {
  return /^\p{Lu}/u.test(w)
}

export function addMissed(work: Work): void {
  const { text, tokens } = work
  const ms = work.mentions
  const known = new Map<string, Known[]>()
  const seen = new Set<string>()
  const remember = (words: string[], type: EntityType, name: string) => {
    if (words.length === 0 || !words.every((w, i) => i === 0 ? isUpper(w) : true)) return
    if (words.length === 1 && words[0]!.length < MIN_SINGLE_WORD_LENGTH) return
    const key = `${type}|${words.join(' ')}`
    if (seen.has(key)) return
    seen.add(key)
    const list = known.get(words[0]!) ?? []
    list.push({ words, type, name })
    list.sort((a, b) => b.words.length - a.words.length)
    known.set(words[0]!, list)
  }
  const surnameKeys = new Set<string>()
  for (const m of ms) {
    const words = nameWords(m.name)
    remember(words, m.type, m.name)
    if (m.type === 'PER' && words.length > 1) {
      const sur = words[words.length - 1]!
      remember([sur], 'PER', sur)
      if (sur.length >= MIN_TRANSLIT_SURNAME_LENGTH) surnameKeys.add(translitKey(sur))
    }
  }
  if (known.size === 0) return

  const mentionStarts = new Set(ms.map((m) => m.start))
  const sentenceStarts = new Set(work.sentences.map((x) => x.start))

  const added: WorkMention[] = []
  let k = 0
  const tok = (i: number) => text.slice(tokens[i]!.start, tokens[i]!.end)
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.kind !== 'word') continue
    while (k < ms.length && ms[k]!.end <= t.start) k++
    const next = ms[k]
    if (next && next.start < t.end) continue // covered by a tagged mention
    const w = tok(i)
    let cands = known.get(w)
    if (!cands && w.length >= MIN_TRANSLIT_SURNAME_LENGTH && isUpper(w) && surnameKeys.has(translitKey(w))) cands = [{ words: [w], type: 'PER', name: w }]
    if (!cands) continue
    for (const c of cands) {
      const n = c.words.length
      if (i + n > tokens.length) continue
      let ok = true
      for (let j = 1; j < n && ok; j++) ok = tok(i + j) === c.words[j]
      if (!ok) continue
      const end = tokens[i + n - 1]!.end
      if (next && next.start < end) continue
      // A capitalised word glued on either side means a longer, different name ("Hans Schmid", "Wagner Street").
      const before = tokens[i - 1]
      const after = tokens[i + n]
      const glued = (x: Token | undefined) => !!x && x.kind === 'word' && isUpper(text.slice(x.start, x.end)) && !mentionStarts.has(x.start)
      let s0 = t.start
      let e0 = end
      // An org repeat with an org word glued on ("Group Wagner") takes it in; any other capitalised word glued
      // on means a longer, different name ("Hans Schmid", "Wagner Street").
      const orgWord = (x: Token | undefined) => c.type === 'ORG' && !!x && ORG_WORD_SET.has(text.slice(x.start, x.end))
      if (glued(after) && after!.start - end <= 1) {
        if (!orgWord(after)) continue
        e0 = after!.end
      }
      if (glued(before) && t.start - before!.end <= 1 && !sentenceStarts.has(before!.start)) {
        if (!orgWord(before)) continue
        s0 = before!.start
      }
      if (!inContentBlock(work.doc, t.start) || inCredit(work.doc, t.start)) break
      added.push({ start: s0, end: e0, type: c.type, name: s0 === t.start && e0 === end ? c.name : text.slice(s0, e0), secondary: false, added: true })
      i += n - 1
      break
    }
  }
  if (added.length) work.mentions = sortMentions([...ms, ...added])
}

