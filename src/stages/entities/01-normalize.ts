// Step 1: clean mention spans (possessives, a leading "the", edge quotes, titles inside PER spans) and vote
// one type per name across the document, so "Kremlin" tagged ORG here and LOC there is one ORG.
import type { EntityType, Mention } from '../../doc/layers.js'
import { lexicon } from './lexicon.js'
import { cleanName, foldName, nameWords, surnameOf } from './names.js'
import type { Work, WorkMention } from './work.js'

/** Leading characters never part of a name. */
const LEAD_RE = /^(?:[\s"“”„‘’'«»(\[]|the\s+)+/  // "The" is kept: "The Hague", "The Washington Post"
/** Trailing characters never part of a name: possessive endings, quotes, punctuation. */
const TRAIL_RE = /(?:['’]s|[\s"“”„‘’'«»)\],.;:!?])+$/

/** Shrinks a span to the name inside it; returns undefined when nothing is left. */
function shrink(text: string, start: number, end: number): { start: number; end: number } | undefined {
  const s = text.slice(start, end)
  const lead = LEAD_RE.exec(s)?.[0].length ?? 0
  const rest = s.slice(lead)
  const trail = TRAIL_RE.exec(rest)?.[0].length ?? 0
  const a = start + lead
  const b = end - trail
  return b > a ? { start: a, end: b } : undefined
}

/** For PER spans, drops leading honorifics, role nouns and nationality words ("President Vladimir Putin"). */
function dropTitles(text: string, start: number, end: number): number {
  const lx = lexicon()
  let s = start
  for (let guard = 0; guard < 4; guard++) {
    const m = /^(\S+)\s+(?=\S)/.exec(text.slice(s, end))
    if (!m) break
    const w = m[1]!
    const lw = w.toLowerCase()
    if (lx.honorifics.has(w) || lx.roles.has(lw) || lx.nationalities.has(w)) s += m[0].length
    else break
  }
  return s
}

export function normalizeMentions(work: Work, tagged: readonly Mention[]): void {
  const out: WorkMention[] = []
  for (const m of tagged) {
    const span = shrink(work.text, m.start, m.end)
    if (!span) continue
    const start = m.type === 'PER' ? dropTitles(work.text, span.start, span.end) : span.start
    const name = cleanName(work.text.slice(start, span.end))
    if (!name || !/\p{L}/u.test(name)) continue
    out.push({ start, end: span.end, type: m.type, name, secondary: false, added: false })
  }
  work.mentions = out
  voteTypes(work.mentions)
}

const TYPE_ORDER: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC']

/** Majority type per folded name; surname-only mentions also count the votes of the full PER names they end. */
export function voteTypes(ms: WorkMention[]): void {
  const lx = lexicon()
  const votes = new Map<string, Map<EntityType, number>>()
  const firstType = new Map<string, EntityType>()
  const add = (key: string, t: EntityType, n: number) => {
    let v = votes.get(key)
    if (!v) votes.set(key, (v = new Map()))
    v.set(t, (v.get(t) ?? 0) + n)
  }
  for (const m of ms) {
    const key = foldName(m.name)
    add(key, m.type, 1)
    if (!firstType.has(key)) firstType.set(key, m.type)
    if (m.type === 'PER' && nameWords(m.name).length > 1) {
      const sur = surnameOf(m.name)
      if (sur) add(foldName(sur), 'PER', 1)
    }
  }
  for (const m of ms) {
    const key = foldName(m.name)
    const v = votes.get(key)!
    let best: EntityType = firstType.get(key) ?? m.type
    let bestN = v.get(best) ?? 0
    for (const t of TYPE_ORDER) {
      const n = v.get(t) ?? 0
      if (n > bestN) {
        best = t
        bestN = n
      }
    }
    // Seats of institutions (Kremlin, White House) are the institution: never a person, ORG over LOC.
    if (lx.metonyms.has(key)) best = 'ORG'
    m.type = best
  }
}
