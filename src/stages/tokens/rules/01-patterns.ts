// Token patterns, tried in this order at each position (first match wins). Defined once here so the scan
// loop never builds a regex. Each one says why it exists; CoNLL-2003 conventions are the reference, since the
// NER tagger is trained on CoNLL tokens.

/** Web addresses and e-mails stay whole: splitting them at dots would create fake sentence ends. */
export const URL = /(?:https?:\/\/|www\.)[^\s"“”<>«»]+[^\s"“”<>«».,;:!?)'’]|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/uy

/** Bare domain names like "watson.ch" or "t-online.de": one token (lower-case host + known top-level domain). */
export const DOMAIN = /[\p{Ll}\p{N}][\p{Ll}\p{N}-]*(?:\.[\p{Ll}\p{N}-]+)*\.(?:com|org|net|ch|de|at|uk|fr|ru|ua|by|io|eu|gov|edu|info)(?![\p{L}\p{N}])/uy

/** Letter-dot acronyms (U.S., e.g., U.S.A.): the final period belongs to the token, as in CoNLL ("U.S."). */
export const ACRONYM = /(?:\p{L}\.){2,}/uy

/**
 * Numbers, dates and codes: digits with internal separators stay one token, as CoNLL writes
 * "1,000", "2.5", "1996-08-22", "3/8", "5-1/2", "24th", "1990s", "12-month", "MiG-19".
 */
export const NUMBER = /\p{N}+(?:[.,:/-]\p{N}+)*(?:-?\p{L}+)?(?:-\p{L}+)*/uy

/**
 * Words: letters (and digits, combining marks) with internal hyphens or apostrophes ("German-born",
 * "O'Brien", "Putin’s" before the clitic rule splits it). Periods never join words here ("roots.Image").
 */
export const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}_]*(?:[-'’‐][\p{L}\p{M}\p{N}]+)*/uy

/** Quotation marks of every style, each its own `quote` token. Straight ' is a quote only when not inside a word. */
export const QUOTE = /``|''|[“”„‟«»‹›‘’‚'"]/uy

/** Runs of periods/ellipsis and double hyphens stay one token ("...", "--"), as in CoNLL. */
export const PUNCT_RUN = /\.{2,}|-{2,}|…|[!?]{2,}/uy

/** Single punctuation marks and dashes. */
export const PUNCT = /[.,;:!?()[\]{}\-–—‒―\/\\|·•]/uy

/** Anything else that is not a space is a one-character symbol ($, %, €, &, emoji...). Surrogate pairs stay whole. */
export const SYMBOL = /[\uD800-\uDBFF][\uDC00-\uDFFF]|\S/uy

/** Whitespace skipped between tokens (includes no-break and other Unicode spaces). */
export const SPACE = /\s+/uy
