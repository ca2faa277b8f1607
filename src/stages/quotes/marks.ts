// Pass 1: pairs quotation marks inside each readable block into quoted spans. Any style: “ ” „ “ « » ‘ ’ " '
// and PTB `` ''. Apostrophes (Putin’s, don’t, officials’) are told apart from single quotes by the letters
// around them. A span never crosses a block: an unclosed quote ends at its block's end (the cap that keeps
// an unbalanced article from producing one document-long quote), and continues as a new span of the same
// group when the next block opens with a quotation mark again (the multi-paragraph convention).
import type { Span } from '../../doc/layers.js'

/** Most paragraphs one unclosed quote may continue across (each paragraph re-opening with a mark). */
const MAX_GROUP_BLOCKS = 6

const LETTER = /[\p{L}\p{N}]/u

export interface QuotedSpan {
  /** Span including the marks (or from the block start when the opening mark is missing). */
  readonly start: number
  readonly end: number
  /** The words between the marks. */
  readonly innerStart: number
  readonly innerEnd: number
  readonly block: number
  /** Spans of one multi-paragraph quote share a group id. */
  readonly group: number
  readonly openMissing: boolean
  readonly closeMissing: boolean
  readonly single: boolean
}

type Style = 'curly' | 'low' | 'guillemet' | 'straight' | 'ptb' | 'single'
interface Open {
  pos: number
  len: number
  style: Style
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch)
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end
  while (e > start && /\s/.test(text[e - 1]!)) e--
  return e
}

function firstNonSpace(text: string, start: number, end: number): number {
  let i = start
  while (i < end && /\s/.test(text[i]!)) i++
  return i
}

/** The characters the pairing loop reads as marks: " ' ` « » and ‘ ‚ ’ “ ” „ (U+2018-U+201E); every other character is skipped. */
const MARK = /["'`\u00ab\u00bb\u2018-\u201e]/g

function isOpenerAt(text: string, i: number): boolean {
  const ch = text[i]
  return ch === '“' || ch === '„' || ch === '«' || ch === '"' || text.startsWith('``', i)
}

/**
 * Quoted spans of the given blocks (indices into `blocks`, in text order). Blocks not listed are ignored.
 */
export function findQuotedSpans(text: string, blocks: readonly Span[], readable: readonly number[]): QuotedSpan[] {
  const out: QuotedSpan[] = []
  let group = 0
  let carry: { group: number; count: number } | null = null
  let nextMark = -1
  let searchedFrom = 0
  // the block being read, where its next quote may start (after the last one), and the group an open quote continues
  let bi = -1
  let segStart = 0
  let openGroup = -1
  // (one function for the whole text, not one per block: it reads the three above)
  const emit = (o: Open | null, closePos: number, closeLen: number, missingClose: boolean): void => {
    const start = o ? o.pos : segStart
    const innerStart = o ? o.pos + o.len : segStart
    const innerEnd = missingClose ? trimEnd(text, innerStart, closePos) : closePos
    const end = missingClose ? innerEnd : closePos + closeLen
    if (innerEnd > innerStart) {
      let g = openGroup
      if (g < 0) g = ++group
      out.push({ start, end, innerStart, innerEnd, block: bi, group: g, openMissing: o === null, closeMissing: missingClose, single: o?.style === 'single' })
    }
    openGroup = -1
    segStart = end
  }
  for (let r = 0; r < readable.length; r++) {
    bi = readable[r]!
    const b = blocks[bi]!
    let open: Open | null = null
    segStart = firstNonSpace(text, b.start, b.end)
    openGroup = -1
    let endedOpen = false
    // a paragraph continuing an unclosed quote of the previous one
    const first = firstNonSpace(text, b.start, b.end)
    const prevCarry: { group: number; count: number } | null = carry
    const continuing: boolean = prevCarry !== null && prevCarry.count < MAX_GROUP_BLOCKS && isOpenerAt(text, first)
    const continuedGroup: number = continuing && prevCarry ? prevCarry.group : -1
    const continuedCount: number = continuing && prevCarry ? prevCarry.count : 0
    carry = null
    for (let i = b.start; i < b.end; i++) {
      // most characters are no mark of any style: jump to the next one (a native regex search from searchedFrom,
      // valid while i lies between the two; blocks in text order search the text once)
      if (nextMark < i || searchedFrom > i) {
        MARK.lastIndex = searchedFrom = i
        nextMark = MARK.exec(text)?.index ?? text.length
      }
      if (nextMark >= b.end) break
      i = nextMark
      const ch = text[i]!
      const prev = i > 0 ? text[i - 1] : undefined
      const next = text[i + 1]
      let kind: 'open' | 'close' | 'either' | null = null
      let style: Style = 'curly'
      let len = 1
      if (ch === '`' && next === '`') {
        kind = 'open'
        style = 'ptb'
        len = 2
      } else if (ch === "'" && next === "'") {
        // '' closes a `` (PTB) and, in NYT style, both opens and closes: it opens when nothing is open and
        // it starts a word ('' after a space or at the paragraph start, a letter after it)
        style = 'ptb'
        len = 2
        const after = text[i + 2]
        kind = !open && (prev === undefined || i === b.start || /[\s(\[—–-]/.test(prev)) && after !== undefined && !/\s/.test(after) ? 'open' : 'close'
      } else if (ch === '“') {
        if (open && open.style === 'low') kind = 'close'
        else kind = 'open'
      } else if (ch === '”') kind = 'close'
      else if (ch === '„') {
        kind = 'open'
        style = 'low'
      } else if (ch === '«') {
        kind = 'open'
        style = 'guillemet'
      } else if (ch === '»') kind = 'close'
      else if (ch === '"') {
        style = 'straight'
        if (open) kind = 'close'
        else kind = !next || /\s/.test(next) ? 'close' : 'open'
      } else if (ch === '‘' || ch === '‚') {
        if (isLetter(prev) || /\d/.test(next ?? '')) continue // o‘clock, ‘90s
        if (open) continue // nested single quote: part of the content
        kind = 'open'
        style = 'single'
      } else if (ch === '’' || ch === "'") {
        if (isLetter(prev) && isLetter(next)) continue // don’t, Putin’s
        if (ch === "'" && !open && !isLetter(prev) && next && !/\s/.test(next)) {
          kind = 'open'
          style = 'single'
        } else if (open && open.style === 'single') {
          kind = 'close'
          style = 'single'
        } else continue // plural possessive or a nested closing single
      } else continue
      if (kind === 'open') {
        if (open && open.style !== 'single') {
          // a new opening mark while one is open: the earlier quote was never closed
          emit(open, i, 0, true)
        }
        if (open && open.style === 'single' && style !== 'single') open = null // the single was an apostrophe
        open = { pos: i, len, style }
        if (i === first && continuedGroup >= 0) openGroup = continuedGroup
      } else {
        if (open && open.style === 'single' && style !== 'single' && ch !== "'") {
          open = null // a double closer after a lone single: the single was an apostrophe
        }
        if (open) emit(open, i, len, false)
        else if (style !== 'single') emit(null, i, len, false)
        open = null
      }
      i += len - 1
    }
    if (open && open.style !== 'single') {
      const g = openGroup >= 0 ? openGroup : group + 1
      emit(open, b.end, 0, true)
      endedOpen = true
      carry = { group: g, count: (openGroup >= 0 || continuedGroup === g ? continuedCount : 0) + 1 }
    }
    if (!endedOpen) carry = null
  }
  return out
}
