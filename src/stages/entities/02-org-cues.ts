// Step 2: a quoted name right after or before an org noun ("the mercenary group “Mozart”", "the company
// “GardServis”", "the “Mozart” group") is an organisation even when the tagger missed it: it becomes an ORG
// mention; so does an untagged acronym before a person's role ("FU conflict observer Nikita Gerasimov"), and
// the article's own outlet (meta.outlet, meta.originalSource) where the text names it ("in an interview with watson").
import { lexicon } from './lexicon.js'
import { orgAcronym, quotedBeforeOrgNoun, roleAfter } from './org-rules.js'
import { cleanName, foldName } from './names.js'
import { inContentBlock, inCredit, sortMentions, type Work, type WorkMention } from './work.js'

/** A quoted capitalised name: one to five words, closed by a quotation mark. */
const QUOTED_NAME_RE = /^["“„‘'«](\p{Lu}[\p{L}\p{N}-]*(?: \p{Lu}[\p{L}\p{N}-]*){0,4})["”’'»]/u

/** A word in capitals (a possible acronym), bounded by non-letters. */
const ACRONYM_WORD_RE = /(?<![\p{L}\p{N}&.])\p{Lu}[\p{Lu}&]{1,5}(?![\p{L}\p{N}&])/gu
/** A quoted capitalised name of one to five words anywhere in the text (group 1: the name). */
const QUOTED_NAME_ANYWHERE_RE = /["“„‘«](\p{Lu}[\p{L}\p{N}-]*(?: \p{Lu}[\p{L}\p{N}-]*){0,4})["”’»]/gu

/** Outlet names shorter than this are too ambiguous to look for in the text. */
const MIN_OUTLET_LENGTH = 3

let cueRe: RegExp | undefined

/** "group “", "company “": an org noun, then an opening quote and a capital. Built once from the list. */
function cueRegex(): RegExp {
  if (!cueRe) {
    const nouns = [...lexicon().orgNouns].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    cueRe = new RegExp(`(?<![\\p{L}-])(?:${nouns.join('|')})\\s+(?=["“„‘'«]\\p{Lu})`, 'gu')
  }
  cueRe.lastIndex = 0
  return cueRe
}

export function orgCues(work: Work): void {
  const { text } = work
  const re = cueRegex()
  const starts = new Set(work.mentions.map((m) => m.start))
  const added: WorkMention[] = []
  for (let r = re.exec(text); r; r = re.exec(text)) {
    const at = r.index + r[0].length
    const q = QUOTED_NAME_RE.exec(text.slice(at, at + 80))
    if (!q) continue
    const start = at + 1
    if (starts.has(start)) continue // tagged already: its type is voted in step 1
    const name = cleanName(q[1]!)
    const m: WorkMention = { start, end: start + name.length, type: 'ORG', name, secondary: false, added: true }
    added.push(m)
  }
  // "FU conflict observer Nikita Gerasimov": an untagged acronym before a person's role is the person's org.
  const perStarts = new Set(work.mentions.filter((m) => m.type === 'PER').map((m) => m.start))
  const covered = (a: number, b: number) => work.mentions.some((m) => m.start < b && a < m.end)
  ACRONYM_WORD_RE.lastIndex = 0
  for (let r = ACRONYM_WORD_RE.exec(text); r; r = ACRONYM_WORD_RE.exec(text)) {
    const start = r.index
    const end = start + r[0].length
    if (starts.has(start) || !orgAcronym(r[0])) continue
    const roleEnd = roleAfter(text, end)
    if (roleEnd < 0 || !perStarts.has(roleEnd + 1) || text[roleEnd] !== ' ') continue
    if (!inContentBlock(work.doc, start) || inCredit(work.doc, start) || covered(start, end)) continue
    added.push({ start, end, type: 'ORG', name: r[0], secondary: false, added: true })
  }
  // "the “Mozart” group": an untagged quoted name before an org noun.
  QUOTED_NAME_ANYWHERE_RE.lastIndex = 0
  for (let r = QUOTED_NAME_ANYWHERE_RE.exec(text); r; r = QUOTED_NAME_ANYWHERE_RE.exec(text)) {
    const start = r.index + 1
    const end = start + r[1]!.length
    if (starts.has(start) || !quotedBeforeOrgNoun(text, start, end) || covered(start, end)) continue
    if (!inContentBlock(work.doc, start) || inCredit(work.doc, start)) continue
    added.push({ start, end, type: 'ORG', name: cleanName(r[1]!), secondary: false, added: true })
  }
  for (const outlet of new Set([work.doc.meta.outlet, work.doc.meta.originalSource])) {
    if (!outlet || outlet.length < MIN_OUTLET_LENGTH) continue
    // The outlet is an org wherever it is tagged ("NEW YORK (Market Street) -" read as a place).
    const fo = foldName(outlet)
    for (const m of work.mentions) if (foldName(m.name) === fo) m.type = 'ORG'
    const esc = outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const ore = new RegExp(`(?<![\\p{L}\\p{N}])${esc}(?![\\p{L}\\p{N}])`, 'gu')
    for (let r = ore.exec(text); r; r = ore.exec(text)) {
      if (starts.has(r.index) || !inContentBlock(work.doc, r.index) || inCredit(work.doc, r.index)) continue
      added.push({ start: r.index, end: r.index + outlet.length, type: 'ORG', name: outlet, secondary: false, added: true })
    }
  }
  if (added.length) work.mentions = sortMentions([...work.mentions, ...added])
}
