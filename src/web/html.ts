// A tiny HTML builder: every interpolated value is escaped unless it is already Safe (built by `html`),
// arrays are joined, and null/undefined/false render as nothing. No framework, no build step.

export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!)
}

function render(v: unknown): string {
  if (v === null || v === undefined || v === false) return ''
  if (v instanceof Safe) return v.value
  if (Array.isArray(v)) return v.map(render).join('')
  return esc(String(v))
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Safe {
  let out = strings[0] ?? ''
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '')
  return new Safe(out)
}

/** Trusted markup (only for strings this module's callers build themselves). */
export const raw = (s: string) => new Safe(s)

/** A URL path with each segment encoded, and an optional query (empty values dropped). */
export function href(path: string, query: Record<string, string | undefined> = {}): string {
  const q = Object.entries(query).filter(([, v]) => v !== undefined && v !== '') as [string, string][]
  return q.length ? `${path}?${new URLSearchParams(q).toString()}` : path
}
