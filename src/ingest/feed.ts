// RSS 2.0 and Atom feeds → items, via fast-xml-parser. One item per <item>/<entry>; the HTML content
// (content:encoded, atom <content>) is kept when present so no fetch is needed.
import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** Tags that may repeat and must always parse as arrays. */
const ARRAY_TAGS = new Set(['item', 'entry', 'link', 'author', 'category', 'dc:creator'])

export interface FeedItem {
  readonly title?: string
  readonly link?: string
  readonly published?: string
  readonly author?: string
  /** Full HTML (or text) content of the item, when the feed carries it. */
  readonly content?: string
  readonly summary?: string
  readonly id?: string
}

export interface Feed {
  readonly kind: 'rss' | 'atom'
  readonly title?: string
  readonly items: FeedItem[]
}

export class FeedError extends Error {}

/** Cheap check on the first bytes: does this text look like an RSS or Atom document? */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2048).replace(/<\?xml[^>]*>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '').trimStart()
  return /^<(rss|rdf:RDF|feed)[\s>]/i.test(head)
}

type Node = Record<string, unknown> | string | undefined

function textOf(v: unknown): string | undefined {
  if (v == null) return undefined
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || undefined
  if (Array.isArray(v)) return textOf(v[0])
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>
    return textOf(o['#text'] ?? o['name'] ?? o['@_href'])
  }
  return undefined
}

function atomLink(v: unknown): string | undefined {
  const links = (Array.isArray(v) ? v : [v]) as Node[]
  const pick = links.find((l) => typeof l === 'object' && (l['@_rel'] === undefined || l['@_rel'] === 'alternate')) ?? links[0]
  return typeof pick === 'string' ? pick.trim() : textOf(pick && (pick as Record<string, unknown>)['@_href'])
}

export function parseFeed(xml: string): Feed {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new FeedError(`malformed feed: ${valid.err.msg} (line ${valid.err.line})`)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    htmlEntities: true,
    isArray: (name) => ARRAY_TAGS.has(name),
  })
  const doc = parser.parse(xml) as Record<string, Record<string, unknown> | undefined>
  const rss = doc['rss'] ?? doc['rdf:RDF']
  if (rss) {
    const channel = (rss['channel'] ?? {}) as Record<string, unknown>
    const raw = (channel['item'] ?? rss['item'] ?? []) as Record<string, unknown>[]
    const items = raw.map((it): FeedItem => clean({
      title: textOf(it['title']),
      link: textOf(it['link']),
      published: textOf(it['pubDate'] ?? it['dc:date']),
      author: textOf(it['dc:creator'] ?? it['author']),
      content: textOf(it['content:encoded']),
      summary: textOf(it['description']),
      id: textOf(it['guid']),
    }))
    return clean({ kind: 'rss', title: textOf(channel['title']), items })
  }
  const feed = doc['feed']
  if (feed) {
    const raw = (feed['entry'] ?? []) as Record<string, unknown>[]
    const items = raw.map((e): FeedItem => clean({
      title: textOf(e['title']),
      link: atomLink(e['link']),
      published: textOf(e['published'] ?? e['updated']),
      author: textOf(e['author']),
      content: textOf(e['content']),
      summary: textOf(e['summary']),
      id: textOf(e['id']),
    }))
    return clean({ kind: 'atom', title: textOf(feed['title']), items })
  }
  throw new FeedError('not an RSS or Atom feed (no <rss> or <feed> root)')
}

function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}
