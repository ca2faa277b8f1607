// Network reads for ingest: a timeout, a size cap, a polite per-host concurrency limit, and one clear
// error per URL ("http://x/y: HTTP 404", "http://x/y: timed out after 10s").
import { charsetFromContentType, decodeBytes } from './decode.js'

/** Default per-request timeout: long enough for slow news sites, short enough not to stall a batch. */
export const DEFAULT_TIMEOUT_MS = 10_000
/** Default size cap on one response or file (news pages are well below; protects memory). */
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024
/** Requests in flight per host at once: polite to publishers. */
export const DEFAULT_PER_HOST = 2
const USER_AGENT = 'Dossier/0.1 (+news reader; article extraction)'

export interface FetchOptions {
  timeoutMs?: number
  maxBytes?: number
  perHost?: number
  userAgent?: string
}

export interface Fetched {
  /** The final URL after redirects. */
  readonly url: string
  readonly status: number
  readonly contentType: string
  readonly bytes: Uint8Array
  readonly text: string
  readonly charset: string
}

export class FetchError extends Error {
  constructor(readonly url: string, reason: string) {
    super(`${url}: ${reason}`)
  }
}

// Per-host slots: a counter and a queue of waiters.
const hosts = new Map<string, { active: number; queue: (() => void)[] }>()

async function acquire(host: string, limit: number): Promise<() => void> {
  let h = hosts.get(host)
  if (!h) hosts.set(host, (h = { active: 0, queue: [] }))
  const slot = h
  if (slot.active >= limit) await new Promise<void>((resolve) => slot.queue.push(resolve))
  slot.active++
  return () => {
    slot.active--
    const next = slot.queue.shift()
    if (next) next()
    else if (slot.active === 0) hosts.delete(host)
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${+(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} kB`
}

/** Fetches a URL and decodes it to text; throws FetchError with a message naming the URL. */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<Fetched> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  let host: string
  try {
    host = new URL(url).host
  } catch {
    throw new FetchError(url, 'not a valid URL')
  }
  const release = await acquire(host, options.perHost ?? DEFAULT_PER_HOST)
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, timeoutMs)
  try {
    const res = await fetch(url, {
      signal: controller.signal,
      redirect: 'follow',
      headers: { 'user-agent': options.userAgent ?? USER_AGENT, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/*;q=0.8' },
    })
    if (!res.ok) {
      await res.body?.cancel().catch(() => undefined)
      throw new FetchError(url, `HTTP ${res.status}`)
    }
    const declaredLength = Number(res.headers.get('content-length') ?? NaN)
    if (declaredLength > maxBytes) {
      await res.body?.cancel().catch(() => undefined)
      throw new FetchError(url, `larger than the ${formatBytes(maxBytes)} limit (${formatBytes(declaredLength)})`)
    }
    const chunks: Uint8Array[] = []
    let size = 0
    if (res.body) {
      const reader = res.body.getReader()
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        size += value.byteLength
        if (size > maxBytes) {
          await reader.cancel().catch(() => undefined)
          throw new FetchError(url, `larger than the ${formatBytes(maxBytes)} limit`)
        }
        chunks.push(value)
      }
    }
    const bytes = new Uint8Array(size)
    let at = 0
    for (const c of chunks) {
      bytes.set(c, at)
      at += c.byteLength
    }
    const contentType = res.headers.get('content-type') ?? ''
    const decoded = decodeBytes(bytes, charsetFromContentType(contentType))
    return { url: res.url || url, status: res.status, contentType, bytes, text: decoded.text, charset: decoded.charset }
  } catch (err) {
    if (err instanceof FetchError) throw err
    if (timedOut) throw new FetchError(url, `timed out after ${+(timeoutMs / 1000).toFixed(1)}s`)
    const cause = err instanceof Error ? ((err.cause as Error | undefined)?.message ?? err.message) : String(err)
    throw new FetchError(url, cause)
  } finally {
    clearTimeout(timer)
    release()
  }
}
