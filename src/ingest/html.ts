// HTML → article: main text via @mozilla/readability on linkedom, metadata from <title>, Open Graph,
// JSON-LD (NewsArticle and kin) and <meta> tags, and typed block hints (h2/h3 → subhead, figcaption → caption).
import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { ArticleMeta } from '../doc/doc.js'
import type { Block, BlockType } from '../doc/layers.js'

/** JSON-LD @type values that describe an article page. */
const ARTICLE_TYPES = new Set([
  'NewsArticle', 'Article', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle', 'BackgroundNewsArticle',
  'BlogPosting', 'LiveBlogPosting', 'TechArticle', 'ScholarlyArticle', 'Report', 'WebPage',
])
/** Elements that end the paragraph being collected. */
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'MAIN', 'NAV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'UL', 'OL', 'LI', 'DL', 'DT', 'DD', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'THEAD', 'TBODY', 'TR',
  'TD', 'TH', 'BR', 'HR', 'ADDRESS', 'CAPTION', 'DETAILS', 'SUMMARY',
])
/** Headings kept as subhead hints (h1 inside the content is nearly always a repeated title or a section head). */
const SUBHEAD_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6'])
/** Elements whose text is never article text. */
const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'IFRAME', 'OBJECT'])
/** Minimum length of Readability's text for a page to count as having an article. */
const MIN_ARTICLE_CHARS = 140

// Minimal structural view of linkedom nodes (the project compiles without the DOM lib).
interface DomNode {
  readonly nodeType: number
  readonly nodeName: string
  readonly textContent: string | null
  readonly childNodes: ArrayLike<DomNode>
  getAttribute?(name: string): string | null
}
interface DomDoc {
  querySelector(sel: string): (DomNode & { getAttribute(n: string): string | null }) | null
  querySelectorAll(sel: string): ArrayLike<DomNode & { getAttribute(n: string): string | null }>
  readonly documentElement: (DomNode & { getAttribute(n: string): string | null }) | null
  readonly title?: string
}

export interface ExtractedHtml {
  readonly text: string
  readonly meta: ArticleMeta
  readonly blocks: Block[]
}

export interface Paragraph {
  text: string
  type: BlockType
}

export class NoArticleError extends Error {}

function clean(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim()
}

type Json = null | string | number | boolean | Json[] | { [k: string]: Json }

function asName(v: Json | undefined): string | undefined {
  if (v == null) return undefined
  if (typeof v === 'string') return clean(v) || undefined
  if (Array.isArray(v)) {
    const names = v.map(asName).filter((x): x is string => !!x)
    return names.length ? names.join(', ') : undefined
  }
  if (typeof v === 'object') return asName(v['name'] ?? undefined)
  return undefined
}

function jsonLdArticle(doc: DomDoc): Record<string, Json> | undefined {
  const found: Record<string, Json>[] = []
  const visit = (v: Json): void => {
    if (Array.isArray(v)) return v.forEach(visit)
    if (!v || typeof v !== 'object') return
    const t = v['@type']
    const types = Array.isArray(t) ? t : [t]
    if (types.some((x) => typeof x === 'string' && ARTICLE_TYPES.has(x))) found.push(v)
    const graph = v['@graph']
    if (graph) visit(graph)
  }
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]')
  for (let i = 0; i < scripts.length; i++) {
    try {
      visit(JSON.parse(scripts[i]!.textContent ?? '') as Json)
    } catch {
      // broken JSON-LD is common; ignore it
    }
  }
  // Prefer a real article type over a generic WebPage.
  return found.find((f) => f['@type'] !== 'WebPage') ?? found[0]
}

function metaContent(doc: DomDoc, ...selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const v = clean(doc.querySelector(sel)?.getAttribute('content'))
    if (v) return v
  }
  return undefined
}

/** Metadata from the page head. Must run before Readability, which rewrites the document. */
export function htmlMeta(doc: DomDoc, url?: string): ArticleMeta {
  const ld = jsonLdArticle(doc)
  const str = (v: Json | undefined): string | undefined => (typeof v === 'string' ? clean(v) || undefined : undefined)
  const publisher = ld?.['publisher']
  const titleTag = clean(doc.querySelector('title')?.textContent)
  const lang = clean(doc.documentElement?.getAttribute('lang')).toLowerCase().split(/[-_]/)[0]
  const meta: Record<string, string | undefined> = {
    title: str(ld?.['headline']) ?? metaContent(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]') ?? (titleTag || undefined),
    outlet: asName(publisher ?? undefined) ?? metaContent(doc, 'meta[property="og:site_name"]', 'meta[name="application-name"]'),
    url: url ?? metaContent(doc, 'meta[property="og:url"]') ?? (clean(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) || undefined),
    published:
      str(ld?.['datePublished']) ??
      metaContent(doc, 'meta[property="article:published_time"]', 'meta[name="pubdate"]', 'meta[name="date"]', 'meta[itemprop="datePublished"]', 'meta[name="DC.date.issued"]') ??
      (clean(doc.querySelector('time[datetime]')?.getAttribute('datetime')) || undefined),
    author: asName(ld?.['author'] ?? undefined) ?? metaContent(doc, 'meta[name="author"]', 'meta[property="article:author"]'),
    language: lang && /^[a-z]{2}$/.test(lang) ? lang : undefined,
  }
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(meta)) if (v) out[k] = v
  const result: ArticleMeta = { ...out } as ArticleMeta
  if (ld && typeof ld['@type'] === 'string') return { ...result, extra: { jsonLdType: ld['@type'] } }
  return result
}

/** Walks a content tree into paragraphs, typing headings as subheads and figcaptions as captions. */
export function paragraphsOf(root: DomNode): Paragraph[] {
  const out: Paragraph[] = []
  let buf = ''
  let type: BlockType = 'body'
  const flush = (): void => {
    const t = clean(buf)
    if (t) out.push({ text: t, type })
    buf = ''
    type = 'body'
  }
  const walk = (node: DomNode, inherited: BlockType): void => {
    if (node.nodeType === 3) {
      buf += node.textContent ?? ''
      if (inherited !== 'body') type = inherited
      return
    }
    if (node.nodeType !== 1) return
    const tag = node.nodeName.toUpperCase()
    if (SKIP_TAGS.has(tag)) return
    const isBlock = BLOCK_TAGS.has(tag)
    const own: BlockType = SUBHEAD_TAGS.has(tag) ? 'subhead' : tag === 'FIGCAPTION' ? 'caption' : inherited
    if (isBlock) flush()
    const kids = node.childNodes
    for (let i = 0; i < kids.length; i++) walk(kids[i]!, own)
    if (isBlock) flush()
    else if (tag === 'IMG' || tag === 'INPUT') buf += ' '
  }
  walk(root, 'body')
  flush()
  return out
}

/** Joins a headline and paragraphs into the article text ("\n\n" between) with block hints. */
export function assemble(title: string | undefined, paras: readonly Paragraph[]): { text: string; blocks: Block[] } {
  const blocks: Block[] = []
  let text = ''
  const push = (t: string, type: BlockType): void => {
    if (text) text += '\n\n'
    blocks.push({ start: text.length, end: text.length + t.length, type })
    text += t
  }
  if (title) push(title, 'headline')
  for (const p of paras) push(p.text, p.type)
  return { text, blocks }
}

/** Extracts the article from an HTML page. Throws NoArticleError when the page holds no article text. */
export function extractHtml(html: string, url?: string): ExtractedHtml {
  const { document } = parseHTML(html) as unknown as { document: DomDoc }
  const meta = htmlMeta(document, url)
  const reader = new Readability(document as never, { serializer: (n: unknown) => n as DomNode })
  const parsed = reader.parse()
  const root = parsed?.content
  // Readability's paragraphs are kept as they are. Measured on the whole article-extraction benchmark
  // (`npm run eval -- extract`), dropping repeated short paragraphs (-0.001 F1), URL/e-mail-only paragraphs
  // (-0.005) or leading/trailing runs of short menu items (-0.005) each lowered F1: the reference bodies keep
  // such lines. Furniture is typed instead (caption, boilerplate, byline) by the blocks stage, which deletes nothing.
  let paras = root ? paragraphsOf(root) : []
  const bodyChars = paras.reduce((n, p) => n + (p.type === 'body' ? p.text.length : 0), 0)
  if (bodyChars < MIN_ARTICLE_CHARS) throw new NoArticleError(`no article text found (${bodyChars} characters of body text)`)
  let title = meta.title ?? (clean(parsed?.title) || undefined)
  // Readability often keeps the page's own headline as the first paragraph: drop the duplicate.
  if (title && paras[0] && clean(paras[0].text).toLowerCase() === title.toLowerCase()) paras = paras.slice(1)
  if (!title && paras[0]?.type === 'subhead') {
    title = paras[0].text
    paras = paras.slice(1)
  }
  const { text, blocks } = assemble(title, paras)
  const m: ArticleMeta = {
    ...meta,
    ...(title ? { title } : {}),
    ...(!meta.author && parsed?.byline ? { author: clean(parsed.byline) } : {}),
    ...(!meta.outlet && parsed?.siteName ? { outlet: clean(parsed.siteName) } : {}),
    ...(!meta.published && parsed?.publishedTime ? { published: clean(parsed.publishedTime) } : {}),
    ...(!meta.language && parsed?.lang ? langOf(parsed.lang) : {}),
  }
  return { text, meta: m, blocks }
}

function langOf(lang: string): { language?: string } {
  const l = lang.toLowerCase().split(/[-_]/)[0] ?? ''
  return /^[a-z]{2}$/.test(l) ? { language: l } : {}
}
