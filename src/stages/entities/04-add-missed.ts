// Step 3: exact repeats of a known name (or a known person's surname) that the tagger left untagged become
// mentions too. One pass over the tokens with a cursor over the sorted mentions: linear in the text.
import type { BlockType, EntityType, Token } from '../../doc/layers.js'
import { nameWords } from './names.js'
import { sortMentions, type Work, type WorkMention } from './work.js'

/** Blocks whose text is article content; repeats in bylines, bios and boilerplate are not added. */
const CONTENT_BLOCKS: ReadonlySet<BlockType> = new Set(['headline', 'subhead', 'body', 'caption'])
/** Known names shorter than this (in characters) are too ambiguous to add on their own ("US", "EU" are tagged anyway). */
const MIN_SINGLE_WORD_LENGTH = 3

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
  for (const m of ms) {
    const words = nameWords(m.name)
    remember(words, m.type, m.name)
    if (m.type === 'PER' && words.length > 1) remember([words[words.length - 1]!], 'PER', words[words.length - 1]!)
  }
  if (known.size === 0) return

  const blocks = work.doc.layers.blocks
  // Block look-up per token would be quadratic on many blocks: walk the sorted blocks with a cursor instead.
  const sortedBlocks = blocks ? [...blocks].sort((a, b) => a.start - b.start) : undefined
  let bi = 0
  const inContent = (t: Token): boolean => {
    if (!sortedBlocks) return true
    while (bi < sortedBlocks.length && sortedBlocks[bi]!.end <= t.start) bi++
    const b = sortedBlocks[bi]
    return !!b && t.start >= b.start && t.end <= b.end && CONTENT_BLOCKS.has(b.type)
  }
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
    const cands = known.get(tok(i))
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
      if (glued(after) && after!.start - end <= 1) continue
      if (glued(before) && t.start - before!.end <= 1 && !sentenceStarts.has(before!.start)) continue
      if (!inContent(t)) break
      added.push({ start: t.start, end, type: c.type, name: c.name, secondary: false, added: true })
      i += n - 1
      break
    }
  }
  if (added.length) work.mentions = sortMentions([...ms, ...added])
}

