// Step 3: names the text itself says are one: "X was originally called Y", "X, formerly Y", "X, also known as
// Y", "X (Y)" after an org name. Y becomes a mention (added when the tagger missed it) linked to X; the
// earlier name is marked secondary so it is never chosen as canonical.
import { acronymFits, cleanName, foldName } from './names.js'
import { sentenceAt, sortMentions, type Work, type WorkMention } from './work.js'

/** Phrases that introduce another name of what was just named. Group 1 set = the name after it is the newer one. */
const TRIGGER_RE =
  /\b(?:(?:was|were|is|had been|has been)\s+)?(?:(renamed(?:\s+(?:to|as))?|now\s+(?:called|named|known\s+as))|(?:originally|formerly|previously|once|first)\s+(?:called|named|known\s+as)|(?:also|better|formerly|previously)\s+known\s+as|a\.k\.a\.?|aka|formerly|previously)\s+/gi
/** An untagged name right after a trigger: capitalised words (with of/for/and/the inside), optionally quoted. */
const NAME_AFTER_RE = /^["“„‘'«]?(\p{Lu}[\p{L}\p{N}\-.&]*(?:\s+(?:of|for|and|the|\p{Lu}[\p{L}\p{N}\-.&]*))*)/u
/** "(NSC)": an acronym in parentheses right after an org name, at least two capitals. */
const PAREN_ACRONYM_RE = /^\s*\(\s*((?=[^)]*\p{Lu}[^)]*\p{Lu})[\p{Lu}][\p{L}.&-]{1,11})\s*\)/u
/** How far after a trigger the next name may start (quotes, spaces). */
const MAX_GAP = 3

export function statedAliases(work: Work): void {
  const { text } = work
  let ms = work.mentions // sorted by start
  const added: WorkMention[] = []
  // Index mentions by start for quick "the mention starting here" look-ups.
  const byStart = new Map<number, WorkMention>()
  for (const m of ms) byStart.set(m.start, m)
  const near = (from: number): WorkMention | undefined => {
    for (let i = from; i <= from + MAX_GAP; i++) {
      const m = byStart.get(i)
      if (m) return m
    }
    return undefined
  }

  TRIGGER_RE.lastIndex = 0
  let cursor = 0 // index of the first mention ending after the previous trigger: keeps the scan linear
  for (let t = TRIGGER_RE.exec(text); t; t = TRIGGER_RE.exec(text)) {
    const ts = t.index
    const te = ts + t[0].length
    while (cursor < ms.length && ms[cursor]!.end <= ts) cursor++
    const x = ms[cursor - 1]
    const sent = sentenceAt(work.sentences, ts)
    if (!x || !sent || x.start < sent.start) continue
    let y = near(te)
    if (!y) {
      const nm = NAME_AFTER_RE.exec(text.slice(te, te + 120))
      if (!nm) continue
      const lead = nm[0].length - nm[1]!.length
      const name = cleanName(nm[1]!)
      if (!name) continue
      y = { start: te + lead, end: te + lead + name.length, type: x.type, name, secondary: false, added: true }
      added.push(y)
      byStart.set(y.start, y)
    }
    if (y === x) continue
    // A person is never another name of a place or an org (nor the reverse).
    if (!y.added && (x.type === 'PER') !== (y.type === 'PER')) continue
    const renamed = t[1] !== undefined
    if (renamed) x.secondary = true
    else y.secondary = true
    y.type = x.type
    work.links.push({ a: x, b: y, reason: `stated in text: "${t[0].trim()}"` })
  }

  for (const x of ms) {
    if (x.type === 'PER') continue
    const after = text.slice(x.end, x.end + 40)
    const open = /^\s*\(\s*/.exec(after)
    if (!open) continue
    const inner = byStart.get(x.end + open[0].length)
    if (inner && /^\s*\)/.test(text.slice(inner.end, inner.end + 3)) && inner.type === x.type && (!/^\p{Lu}[\p{Lu}.&]+$/u.test(inner.name) || acronymFits(inner.name, x.name))) {
      inner.secondary = true
      work.links.push({ a: x, b: inner, reason: 'stated in text: "X (Y)"' })
      continue
    }
    const ac = PAREN_ACRONYM_RE.exec(after)
    if (!ac || inner || !acronymFits(ac[1]!, x.name)) continue
    const start = x.end + ac[0].indexOf(ac[1]!)
    const y: WorkMention = { start, end: start + ac[1]!.length, type: x.type, name: ac[1]!, secondary: true, added: true }
    added.push(y)
    work.links.push({ a: x, b: y, reason: 'stated in text: "X (Y)"' })
  }

  if (added.length) ms = sortMentions([...ms, ...added])
  // Every other mention of a stated alias takes its type.
  const retype = new Map<string, WorkMention['type']>()
  for (const l of work.links) retype.set(foldName(l.b.name), l.b.type)
  for (const m of ms) {
    const t = retype.get(foldName(m.name))
    if (t) m.type = t
  }
  work.mentions = ms
}
