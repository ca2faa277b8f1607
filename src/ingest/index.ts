// Ingest: inputs (files, folders, URLs, feeds, '-') → articles. Each input yields one or more items; a bad
// input yields {ok:false} with one clear reason naming it, and the iteration goes on.
import { readFile, readdir, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { parseHTML } from 'linkedom'
import type { ArticleMeta } from '../doc/doc.js'
import { normalizeText } from '../doc/doc.js'
import type { Block } from '../doc/layers.js'
import { decodeBytes, looksBinary } from './decode.js'
import { DEFAULT_MAX_BYTES, fetchUrl, formatBytes, type FetchOptions } from './fetch.js'
import { looksLikeFeed, parseFeed, type FeedItem } from './feed.js'
import { assemble, extractHtml, paragraphsOf } from './html.js'
import { parseSidecar } from './sidecar.js'

export type { FetchOptions } from './fetch.js'
export { fetchUrl, FetchError } from './fetch.js'
export { decodeBytes, looksBinary } from './decode.js'
export { extractHtml, NoArticleError } from './html.js'
export { parseFeed, looksLikeFeed } from './feed.js'
export { parseSidecar, SidecarError } from './sidecar.js'

export interface IngestedArticle {
  /** The path, URL, 'feed-url#item-3', or '-' it came from. */
  input: string
  /** Headline first (when known), then paragraphs separated by blank lines; captions as their own paragraphs. */
  text: string
  meta: ArticleMeta
  /** Typed hints from HTML structure, offsets into `text`. */
  blocks?: Block[]
}
export type IngestItem = { ok: true; article: IngestedArticle } | { ok: false; input: string; reason: string }
export interface IngestOptions {
  overrides?: Partial<ArticleMeta>
  fetch?: FetchOptions
  /** Size cap for files, standard input and downloads (default 5 MB). */
  maxBytes?: number
  stdin?: NodeJS.ReadableStream
}

/** File extensions read as HTML pages / as feeds; anything else is sniffed, then read as plain text. */
const HTML_EXT = new Set(['.html', '.htm', '.xhtml', '.shtml'])
const FEED_EXT = new Set(['.rss', '.atom', '.xml'])
const SIDECAR_SUFFIX = '.meta.json'
const HTML_SNIFF = /^\s*(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i

type Kind = 'html' | 'feed' | 'text'

class InputError extends Error {}

function kindOf(text: string, ext: string, contentType = ''): Kind {
  if (looksLikeFeed(text)) return 'feed'
  if (HTML_EXT.has(ext) || /html/i.test(contentType) || HTML_SNIFF.test(text)) return 'html'
  if (FEED_EXT.has(ext) || /(rss|atom)\+xml/i.test(contentType)) return 'feed'
  return 'text'
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as T
}

function fail(input: string, reason: string): IngestItem {
  return { ok: false, input, reason: reason.startsWith(input) ? reason : `${input}: ${reason}` }
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

function fileError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'no such file or directory'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'EISDIR') return 'is a directory'
  return message(err)
}

/** Turns one decoded document into articles (a feed gives several). */
async function* fromDocument(input: string, raw: string, kind: Kind, meta: Partial<ArticleMeta>, options: IngestOptions): AsyncGenerator<IngestItem> {
  if (kind === 'feed') {
    yield* fromFeed(input, raw, options)
    return
  }
  if (raw.trim() === '') throw new InputError('empty file')
  if (kind === 'html') {
    const ex = extractHtml(raw, meta.url)
    yield { ok: true, article: { input, text: ex.text, meta: compact({ ...ex.meta, ...meta, ...options.overrides }), blocks: ex.blocks } }
    return
  }
  const text = normalizeText(raw)
  yield { ok: true, article: { input, text, meta: compact({ ...meta, ...options.overrides }) } }
}

function fromBytes(bytes: Uint8Array, maxBytes: number, declared?: string): { text: string; charset: string } {
  if (bytes.length === 0) throw new InputError('empty file')
  if (bytes.length > maxBytes) throw new InputError(`larger than the ${formatBytes(maxBytes)} limit (${formatBytes(bytes.length)})`)
  if (looksBinary(bytes)) throw new InputError('binary file, not text')
  const d = decodeBytes(bytes, declared)
  return { text: d.text, charset: d.charset }
}

function charsetMeta(charset: string): Partial<ArticleMeta> {
  return charset === 'utf-8' ? {} : { extra: { charset } }
}

async function* fromFile(path: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  try {
    const st = await stat(path)
    if (st.size > maxBytes) throw new InputError(`larger than the ${formatBytes(maxBytes)} limit (${formatBytes(st.size)})`)
    let bytes: Uint8Array
    try {
      bytes = await readFile(path)
    } catch (err) {
      throw new InputError(fileError(err))
    }
    let side: Partial<ArticleMeta> = {}
    const sidecarPath = path + SIDECAR_SUFFIX
    const sidecarAlt = path.replace(/\.[^./]+$/, '') + SIDECAR_SUFFIX
    for (const p of sidecarPath === sidecarAlt ? [sidecarPath] : [sidecarPath, sidecarAlt]) {
      let json: string
      try {
        json = await readFile(p, 'utf8')
      } catch {
        continue
      }
      side = parseSidecar(p, json)
      break
    }
    const { text, charset } = fromBytes(bytes, maxBytes)
    const kind = kindOf(text, extname(path).toLowerCase())
    yield* fromDocument(path, text, kind, { sourcePath: path, ...charsetMeta(charset), ...side }, options)
  } catch (err) {
    yield fail(path, err instanceof InputError ? err.message : (err as NodeJS.ErrnoException).code ? fileError(err) : message(err))
  }
}

async function* fromUrl(url: string, options: IngestOptions, extra: Partial<ArticleMeta> = {}): AsyncGenerator<IngestItem> {
  try {
    const res = await fetchUrl(url, { ...options.fetch, maxBytes: options.fetch?.maxBytes ?? options.maxBytes ?? DEFAULT_MAX_BYTES })
    if (res.bytes.length > 0 && looksBinary(res.bytes)) throw new InputError('binary content, not text')
    let path = ''
    try {
      path = new URL(res.url).pathname
    } catch {
      // keep ''
    }
    const kind = kindOf(res.text, extname(path).toLowerCase(), res.contentType)
    if (res.text.trim() === '') throw new InputError('empty response')
    yield* fromDocument(url, res.text, kind, { url: res.url || url, ...extra }, options)
  } catch (err) {
    yield fail(url, message(err))
  }
}

/** An item with its own HTML content becomes an article directly; otherwise its link is fetched. */
async function* fromFeed(input: string, xml: string, options: IngestOptions): AsyncGenerator<IngestItem> {
  const feed = parseFeed(xml)
  if (feed.items.length === 0) throw new InputError('feed has no items')
  // Start every needed fetch now; fetchUrl's per-host limit keeps it polite. Results are yielded in feed order.
  const pending = feed.items.map((item, i) => {
    const name = `${input}#item-${i + 1}`
    const meta = compact<Partial<ArticleMeta>>({ title: item.title, url: item.link, published: item.published, author: item.author, outlet: feed.title })
    if (item.content) return Promise.resolve(fromItemContent(name, item, meta, options))
    if (item.link && /^https?:\/\//i.test(item.link)) return collect(fromUrl(item.link, options, meta)).then((r) => r.map((x) => (x.ok ? { ...x, article: { ...x.article, input: name } } : fail(name, x.reason))))
    if (item.summary) return Promise.resolve(fromItemContent(name, { ...item, content: item.summary }, meta, options))
    return Promise.resolve([fail(name, 'feed item has no content and no link')])
  })
  for (const p of pending) yield* await p
}

function fromItemContent(name: string, item: FeedItem, meta: Partial<ArticleMeta>, options: IngestOptions): IngestItem[] {
  const { document } = parseHTML(`<html><body>${item.content ?? ''}</body></html>`) as unknown as { document: { body: Parameters<typeof paragraphsOf>[0] } }
  const paras = paragraphsOf(document.body)
  if (paras.length === 0) return [fail(name, 'feed item content is empty')]
  const { text, blocks } = assemble(item.title, paras)
  return [{ ok: true, article: { input: name, text, meta: compact({ ...meta, ...options.overrides }), blocks } }]
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const x of it) out.push(x)
  return out
}

/** Every file under a folder, recursively, sorted; hidden entries and `.meta.json` sidecars are skipped. */
async function listFolder(dir: string): Promise<string[]> {
  const out: string[] = []
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.endsWith(SIDECAR_SUFFIX)) continue
    const p = join(dir, e.name)
    if (e.isDirectory()) out.push(...(await listFolder(p)))
    else out.push(p)
  }
  return out
}

async function* fromStdin(options: IngestOptions): AsyncGenerator<IngestItem> {
  const stream = options.stdin ?? process.stdin
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  try {
    const chunks: Buffer[] = []
    let size = 0
    for await (const c of stream) {
      const b = typeof c === 'string' ? Buffer.from(c) : (c as Buffer)
      size += b.length
      if (size > maxBytes) throw new InputError(`larger than the ${formatBytes(maxBytes)} limit`)
      chunks.push(b)
    }
    const { text } = fromBytes(Buffer.concat(chunks), maxBytes)
    yield* fromDocument('-', text, kindOf(text, ''), {}, options)
  } catch (err) {
    yield fail('-', message(err))
  }
}

/** Reads each input in order and yields its articles (or a failure naming it). */
export async function* ingest(inputs: string[], options: IngestOptions = {}): AsyncIterable<IngestItem> {
  for (const input of inputs) {
    if (input === '-') {
      yield* fromStdin(options)
    } else if (/^https?:\/\//i.test(input)) {
      yield* fromUrl(input, options)
    } else {
      let isDir = false
      try {
        isDir = (await stat(input)).isDirectory()
      } catch {
        // fromFile reports the error
      }
      if (!isDir) {
        yield* fromFile(input, options)
        continue
      }
      let files: string[]
      try {
        files = await listFolder(input)
      } catch (err) {
        yield fail(input, fileError(err))
        continue
      }
      if (files.length === 0) yield fail(input, `folder has no files (${basename(input)})`)
      for (const f of files) yield* fromFile(f, options)
    }
  }
}
