// Bytes → text. Charset precedence follows the HTML spec's sniffing order, simplified:
// BOM, then the charset the transport declared (HTTP Content-Type), then a <meta charset> / XML
// declaration in the first bytes, then strict UTF-8, then windows-1252 (what browsers fall back to).

/** Bytes scanned when deciding if a file is binary or looking for an in-document charset declaration. */
const SNIFF_BYTES = 4096
/** Share of control characters (besides tab, newline, CR, form feed, ESC) above which a file is called binary. */
const MAX_CONTROL_SHARE = 0.1

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i
const XML_ENCODING = /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i

export interface Decoded {
  readonly text: string
  /** The charset the text was decoded from (WHATWG label as given or detected). */
  readonly charset: string
  /** How the charset was chosen: bom, declared (transport), document (meta/xml), utf-8, fallback. */
  readonly via: 'bom' | 'declared' | 'document' | 'utf-8' | 'fallback'
}

export class DecodeError extends Error {}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/** True when the bytes look like a binary file (a NUL byte, or many control characters), not text. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bomCharset(bytes)?.startsWith('utf-16')) return false
  const n = Math.min(bytes.length, SNIFF_BYTES)
  if (n === 0) return false
  let control = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!
    if (b === 0) return true
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++
  }
  return control / n > MAX_CONTROL_SHARE
}

/** Pulls `charset=` out of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const m = contentType?.match(/charset\s*=\s*"?([\w.:-]+)/i)
  return m?.[1]
}

// Node's TextDecoder treats windows-1252 as latin1, so C1 bytes 0x80-0x9F come out as control characters:
// map them to what windows-1252 (and every browser) means. Undefined slots (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay.
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178'

function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] ?? c)
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  if (/^(windows-1252|cp1252|x-cp1252|latin1|iso-8859-1|iso8859-1|iso_8859-1|us-ascii|ascii|l1)$/i.test(label)) {
    return fixC1(new TextDecoder('latin1').decode(bytes))
  }
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes)
  } catch {
    return null // unknown label (RangeError) or invalid bytes under fatal (TypeError)
  }
}

/** Decodes bytes to a string; `declared` is the transport's charset (HTTP header), if any. */
export function decodeBytes(bytes: Uint8Array, declared?: string): Decoded {
  const bom = bomCharset(bytes)
  if (bom) return { text: tryDecode(bytes, bom, false) ?? '', charset: bom, via: 'bom' }
  if (declared && !/^utf-?8$/i.test(declared)) {
    const t = tryDecode(bytes, declared, false)
    if (t !== null) return { text: t, charset: declared.toLowerCase(), via: 'declared' }
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, SNIFF_BYTES))
  const inDoc = head.match(XML_ENCODING)?.[1] ?? head.match(META_CHARSET)?.[1]
  if (inDoc && !/^utf-?8$/i.test(inDoc)) {
    // A page that says latin-1 but is valid UTF-8 is far more often mislabelled UTF-8 than real latin-1 with
    // accidental valid sequences, so strict UTF-8 wins when it decodes and has non-ASCII bytes.
    const utf8 = tryDecode(bytes, 'utf-8', true)
    if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) return { text: utf8, charset: 'utf-8', via: 'utf-8' }
    const t = tryDecode(bytes, inDoc, false)
    if (t !== null) return { text: t, charset: inDoc.toLowerCase(), via: 'document' }
  }
  const utf8 = tryDecode(bytes, 'utf-8', true)
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', via: declared || inDoc ? 'declared' : 'utf-8' }
  return { text: tryDecode(bytes, 'windows-1252', false) ?? '', charset: 'windows-1252', via: 'fallback' }
}
