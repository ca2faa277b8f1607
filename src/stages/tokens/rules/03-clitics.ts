// Clitics split off the end of a word, as CoNLL/Penn do ("Putin’s" -> "Putin" "’s", "don't" -> "do" "n't").
// Belongs here: endings that are their own token in CoNLL, lower case, with a straight apostrophe (curly ones are folded).
export const CLITICS: readonly string[] = ["n't", "'s", "'re", "'ve", "'ll", "'m", "'d"]

/** Length of the clitic at the end of `word`, or 0. A bare "'s" / "’s" stays whole. */
export function cliticLength(word: string): number {
  const n = word.length
  if (n < 3) return 0
  const last = word.charCodeAt(n - 1) | 0x20
  // fast exit: every clitic ends in s, t, e, l, m or d
  if (last !== 0x73 && last !== 0x74 && last !== 0x65 && last !== 0x6c && last !== 0x6d && last !== 0x64) return 0
  const tail = word.slice(-3).toLowerCase().replace('’', "'")
  for (const c of CLITICS) {
    if (tail.endsWith(c) && n > c.length) {
      // "n't" needs a letter before it that is not the apostrophe itself ("can't" -> "ca" "n't", as Penn)
      return c.length
    }
  }
  return 0
}
