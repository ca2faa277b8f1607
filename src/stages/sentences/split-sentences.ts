import type { Sentence, Token } from '../../doc/layers.js'
import { tokenize } from '../tokens/tokenize.js'

// Tunables and patterns, with the reason for each.
/** Tokens that end a sentence. Abbreviations and initials never get here: the tokenizer keeps their period inside a word token. */
const TERMINAL = /^(?:[.!?]+|…|\.{3,})$/
/** Closing marks that stay with the sentence they follow ("...favor.”", "(...)."). */
const CLOSERS = new Set(['”', '’', '"', "'", '»', '›', ')', ']', '}', "''"])
/** A sentence may start after a terminal only with one of these: upper case, a digit, an opening mark, or a dash. */
const STARTER = /^[\p{Lu}\p{Lt}\p{N}“‘"'„«‹(\[¿¡–—\-]|^[^\p{L}\p{N}\p{P}\p{S}]/u
/** An acronym with a period that ends the line or the block ends a sentence too ("... in the U.S.\n"). */
const NEWLINE = /\n/

function trimmed(text: string, start: number, end: number): Sentence {
  let s = start
  let e = end
  while (s < e && /\s/.test(text[s]!)) s++
  while (e > s && /\s/.test(text[e - 1]!)) e--
  return { start: s, end: e }
}

/**
 * Splits `text[start, end)` (one block) into sentences. Never returns an empty list: a block with no tokens
 * yields its trimmed span. A line break inside the block always ends a sentence; a headline without final
 * punctuation is one sentence.
 */
export function splitSentences(text: string, start: number, end: number, tokens?: readonly Token[]): Sentence[] {
  const toks = tokens ? tokens.filter((t) => t.start >= start && t.end <= end) : tokenize(text, start, end)
  const out: Sentence[] = []
  if (toks.length === 0) return [trimmed(text, start, end)]
  let sStart = toks[0]!.start
  let i = 0
  while (i < toks.length) {
    const t = toks[i]!
    const next = toks[i + 1]
    if (next && NEWLINE.test(text.slice(t.end, next.start))) {
      out.push({ start: sStart, end: t.end })
      sStart = next.start
      i++
      continue
    }
    const s = text.slice(t.start, t.end)
    if (TERMINAL.test(s)) {
      // absorb closing quotes/brackets glued to the terminal
      let last = i
      while (last + 1 < toks.length) {
        const c = toks[last + 1]!
        if (c.start !== toks[last]!.end) break
        if (!CLOSERS.has(text.slice(c.start, c.end))) break
        last++
      }
      const after = toks[last + 1]
      if (!after) {
        i = last + 1
        break
      }
      const afterText = text.slice(after.start, after.end)
      const gap = text.slice(toks[last]!.end, after.start)
      // a new sentence needs a plausible start: a space then an upper-case word, digit or opening mark;
      // "roots.Image:" (no space, capital next) is a glued caption and splits too
      if (STARTER.test(afterText) && (gap.length > 0 || /^\p{Lu}/u.test(afterText))) {
        out.push({ start: sStart, end: toks[last]!.end })
        sStart = after.start
      }
      i = last + 1
      continue
    }
    i++
  }
  out.push({ start: sStart, end: toks[toks.length - 1]!.end })
  return out
}
