import { CUE_TYPES, QUOTE_KINDS, type Band } from '../doc/layers.js'
import type { SearchHit } from '../store/store.js'
import type {
  ArticleListItem, ArticlePage, ArticleRef, AssessmentView, EntityDossier, EntityRef, EntitySummary, QuestionBoard, QuoteView,
  StoryPage, StorySummary, TimelineEntry,
} from '../views/index.js'
import { ICD203, bandRank } from '../views/index.js'
import type { Safe } from './html.js'
import { esc, href, html, raw } from './html.js'

// Server-rendered pages: each function takes view data (src/views) and returns escaped HTML.

export type NavKey = 'home' | 'entities' | 'quotes' | 'timeline' | 'assessments' | 'none'
const NAV: readonly [NavKey, string, string][] = [
  ['home', '/', 'Articles & stories'],
  ['entities', '/entities', 'People & organisations'],
  ['quotes', '/quotes', 'Quotes'],
  ['timeline', '/timeline', 'Timeline'],
  ['assessments', '/assessments', 'Assessments'],
]
const ENTITY_TYPES: readonly [string, string][] = [['PER', 'People'], ['ORG', 'Organisations'], ['LOC', 'Places'], ['MISC', 'Other']]

export function layout(title: string, active: NavKey, body: Safe): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Dossier</title><link rel="stylesheet" href="/style.css"></head>
<body><a class="skip" href="#main">Skip to content</a>
<header class="site"><div class="inner"><a class="brand" href="/">Dossier</a>
<nav aria-label="Main"><ul>${NAV.map(([k, path, label]) => html`<li><a href="${path}"${k === active ? raw(' aria-current="page"') : ''}>${label}</a></li>`)}</ul></nav></div></header>
<main id="main" class="inner">${body}</main>
<footer>Dossier — who said what, about whom, when, and how sure they were.</footer>
</body></html>`.value
}

const entityHref = (id: string) => `/entity/${encodeURIComponent(id)}`
const articleHref = (id: string) => `/articles/${encodeURIComponent(id)}`
const storyHref = (id: string) => `/stories/${encodeURIComponent(id)}`

const entityLink = (e: EntityRef | null, fallback?: string | null) =>
  e ? html`<a href="${entityHref(e.id)}">${e.name}</a>` : html`<span>${fallback ?? 'unknown'}</span>`

function articleCite(a: ArticleRef): Safe {
  return html`<a href="${articleHref(a.id)}">${a.title ?? a.id}</a>${a.outlet ? html`, <span class="muted">${a.outlet}</span>` : ''}${
    a.published ? html` <time class="muted" datetime="${a.published}">${a.published}</time>` : ''}`
}

/** "1 article", "2 articles". */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

const empty = (what: string) => html`<p class="empty">${what}</p>`

/** The ICD 203 scale as seven cells with the held band filled; 'uncertain' is a hatched bar. */
export function bandBar(band: Band): Safe {
  const rank = bandRank(band)
  const info = rank === null ? 'uncertain: no direction' : `${band}: ${ICD203[rank]!.low}–${ICD203[rank]!.high}%`
  return html`<span class="band${rank === null ? ' uncertain' : ''}" role="img" aria-label="${info} on the ICD 203 scale" title="${info}">${ICD203.map(
    (_, i) => html`<i class="${i === rank ? 'on' : ''}"></i>`)}</span><span class="bandname">${band}</span>`
}

/** A paragraph with the span [at, at + needle.length) marked. */
function context(text: string, needle: string, at: number): Safe {
  if (at < 0 || text.slice(at, at + needle.length) !== needle) return html`<span class="ctx">${text}</span>`
  return html`<span class="ctx">${text.slice(0, at)}<mark>${needle}</mark>${text.slice(at + needle.length)}</span>`
}

function quoteFigure(q: QuoteView, showArticle = true): Safe {
  return html`<figure class="quote"><blockquote class="${q.kind}" cite="${articleHref(q.article.id)}">${q.kind === 'indirect' ? '' : '“'}${q.text}${q.kind === 'indirect' ? '' : '”'}</blockquote>
<figcaption>— ${entityLink(q.speaker, q.speakerName)}${q.speakerMention && q.speakerMention !== q.speakerName ? html` <span class="muted">(as “${q.speakerMention}”)</span>` : ''}${
    q.cue ? html` <span class="muted">· ${q.cue}${q.cueType ? ` (${q.cueType})` : ''}</span>` : ''}${q.medium ? html` <span class="muted">· to ${q.medium}</span>` : ''} <span class="tag">${q.kind}</span>${
    showArticle ? html`<br>${articleCite(q.article)}` : ''}</figcaption></figure>`
}

function assessmentRow(a: AssessmentView): Safe {
  return html`<li>${bandBar(a.band)} that <em>${a.proposition}</em> <span class="muted">(“${a.cue}”)</span><br>${entityLink(a.holder, a.holderName)} · ${articleCite(a.article)}</li>`
}

function timelineList(entries: readonly TimelineEntry[]): Safe {
  if (entries.length === 0) return empty('No dated events.')
  return html`<ol class="timeline">${entries.map((e) => html`<li><time${e.date ? html` datetime="${e.date}"` : ''}>${e.date ?? 'undated'}</time>
 <span class="muted">(${e.precision ?? 'unknown precision'})</span> — ${e.text} <span class="tag">${e.status}</span>
${e.actors.length ? html`<div class="meta">Actors: ${e.actors.map((a, i) => html`${i ? ', ' : ''}${entityLink(a)}`)}</div>` : ''}
<div class="meta">${e.sources.length > 1 ? `Reported by ${e.sources.length} articles: ` : 'Source: '}${e.sources.map(
    (s, i) => html`${i ? '; ' : ''}${articleCite(s.article)}${s.dateText ? html` <span class="muted">(“${s.dateText}”)</span>` : ''}`)}</div></li>`)}</ol>`
}

function searchForm(q = ''): Safe {
  return html`<form class="search" role="search" action="/search" method="get"><label>Search articles<input type="search" name="q" value="${q}" placeholder="e.g. Belarus war"></label><button type="submit">Search</button></form>`
}

export function homePage(articles: readonly ArticleListItem[], stories: readonly StorySummary[], people: readonly EntitySummary[]): string {
  return layout('Home', 'home', html`<h1>Dossier</h1><p class="muted">${plural(articles.length, 'article')} · ${plural(stories.length, 'story').replace(/storys$/, 'stories')}</p>${searchForm()}
<h2>Stories</h2>${stories.length ? html`<div class="grid">${stories.map((s) => html`<div class="card"><h3><a href="${storyHref(s.id)}">${s.title}</a></h3><p class="meta">${plural(s.articles.length, 'article')}${s.from ? html` · ${s.from}${s.to && s.to !== s.from ? html` – ${s.to}` : ''}` : ''}</p></div>`)}</div>` : empty('No stories yet.')}
<h2>People in the news</h2>${people.length ? html`<ul class="plain">${people.map((p) => html`<li><a href="${entityHref(p.id)}">${p.name}</a> <span class="meta">${plural(p.mentions, 'mention')} in ${plural(p.articles, 'article')}</span></li>`)}</ul>` : empty('No people found yet.')}
<h2>Articles</h2>${articles.length ? html`<ul class="plain">${articles.map((a) => html`<li><a href="${articleHref(a.id)}">${a.title ?? a.id}</a><div class="meta">${[a.outlet, a.published, a.originalSource ? `via ${a.originalSource}` : null].filter(Boolean).join(' · ')} · ${plural(a.quotes, 'quote')} · ${a.entities} entit${a.entities === 1 ? 'y' : 'ies'}</div></li>`)}</ul>` : empty('No articles stored.')}`)
}

export function searchPage(q: string, hits: readonly SearchHit[], open: string, close: string): string {
  const snippet = (s: string) => raw(esc(s).split(esc(open)).join('<mark>').split(esc(close)).join('</mark>'))
  return layout(`Search: ${q}`, 'home', html`<h1>Search</h1>${searchForm(q)}
${q ? html`<p class="muted">${hits.length} result${hits.length === 1 ? '' : 's'} for “${q}”</p>` : ''}
<ul class="plain">${hits.map((h) => html`<li><a href="${articleHref(h.article.id)}">${h.article.title ?? h.article.id}</a> <span class="tag">${h.blockType}</span><div class="ctx">${snippet(h.snippet)}</div></li>`)}</ul>`)
}

export function entitiesPage(entities: readonly EntitySummary[], type: string | undefined): string {
  return layout('People & organisations', 'entities', html`<h1>People & organisations</h1>
<form class="search" method="get" action="/entities"><label>Type<select name="type"><option value="">All</option>${ENTITY_TYPES.map(([t, label]) => html`<option value="${t}"${t === type ? raw(' selected') : ''}>${label}</option>`)}</select></label><button type="submit">Filter</button></form>
${entities.length ? html`<table><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Also called</th><th scope="col">Mentions</th><th scope="col">Articles</th></tr></thead><tbody>${entities.map((e) => html`<tr><td><a href="${entityHref(e.id)}">${e.name}</a></td><td><span class="tag ${e.type}">${e.type}</span></td><td>${e.aliases.join(', ')}</td><td>${e.mentions}</td><td>${e.articles}</td></tr>`)}</tbody></table>` : empty('No entities.')}`)
}

export function dossierPage(d: EntityDossier): string {
  return layout(d.name, 'entities', html`<p class="muted"><a href="/entities">People & organisations</a> ›</p>
<h1>${d.name} <span class="tag ${d.type}">${d.type}</span></h1>
<p class="meta">${plural(d.mentions, 'mention')} in ${plural(d.articles, 'article')}${d.aliases.length ? html` · also called ${d.aliases.join(', ')}` : ''}</p>
<section aria-labelledby="names"><h2 id="names">Names seen</h2><ul class="names plain">${d.names.map((n) => html`<li>${n.text} <span class="muted">×${n.count}</span></li>`)}</ul>
${d.merges.length ? html`<p class="meta">Linked because: ${d.merges.join('; ')}</p>` : ''}</section>
<section aria-labelledby="attrs"><h2 id="attrs">Attributes</h2>${d.attributes.length ? html`<table><thead><tr><th scope="col">Attribute</th><th scope="col">Value</th><th scope="col">Source</th></tr></thead><tbody>${d.attributes.map((a) => html`<tr><td>${a.name}</td><td><strong>${a.value}</strong></td><td>${a.sources.map((s) => html`<div>${articleCite(s.article)}<br>${context(s.context, s.text, s.at)}</div>`)}</td></tr>`)}</tbody></table>` : empty('No attributes stated.')}</section>
<section aria-labelledby="said"><h2 id="said">Quotes by ${d.name}</h2>${d.quotesBy.length ? d.quotesBy.map((q) => quoteFigure(q)) : empty('No quotes attributed.')}</section>
<section aria-labelledby="about"><h2 id="about">Quotes about ${d.name}</h2>${d.quotesAbout.length ? d.quotesAbout.map((q) => quoteFigure(q)) : empty('No quotes mention them.')}</section>
<section aria-labelledby="assess"><h2 id="assess">Assessments held</h2>${d.assessments.length ? html`<ul class="plain">${d.assessments.map(assessmentRow)}</ul>` : empty('No likelihood judgements.')}</section>
<section aria-labelledby="tl"><h2 id="tl">Timeline</h2>${timelineList(d.timeline)}</section>
<section aria-labelledby="arts"><h2 id="arts">Articles</h2><ul class="plain">${d.articleList.map((a) => html`<li>${articleCite(a)} <span class="meta">· ${plural(a.mentions, 'mention')}</span></li>`)}</ul></section>`)
}

export function storyPageHtml(s: StoryPage): string {
  return layout(s.title, 'home', html`<p class="muted"><a href="/">Stories</a> ›</p><h1>${s.title}</h1>
<p class="meta">${plural(s.articles.length, 'article')}${s.from ? html` · ${s.from}${s.to && s.to !== s.from ? html` – ${s.to}` : ''}` : ''}</p>
<h2>Articles</h2><ul class="plain">${s.items.map((a) => html`<li>${articleCite(a)}${a.originalSource ? html`<div class="meta">Republished from ${a.originalSource}${a.originalAuthor ? html` (by ${a.originalAuthor})` : ''}</div>` : ''}${a.copyOf.map((p) => html`<div class="meta">Copy of ${p.originArticle ? articleCite(p.originArticle) : p.origin} — ${p.reason}</div>`)}</li>`)}</ul>
<h2>Provenance</h2>${s.provenance.length ? html`<table><thead><tr><th scope="col">Article</th><th scope="col">Origin</th><th scope="col">Why</th></tr></thead><tbody>${s.provenance.map((p) => html`<tr><td>${articleCite(p.article)}</td><td>${p.originArticle ? articleCite(p.originArticle) : p.origin}</td><td>${p.reason}</td></tr>`)}</tbody></table>` : empty('Every article here is original.')}
<h2>Who appears</h2><ul class="names plain">${s.entities.map((e) => html`<li><a href="${entityHref(e.id)}">${e.name}</a> <span class="muted">×${e.mentions}</span></li>`)}</ul>`)
}

export function quotesPage(quotes: readonly QuoteView[], speaker: string | undefined, kind: string | undefined, about: string | undefined, cueType?: string): string {
  return layout('Quotes', 'quotes', html`<h1>Quotes</h1>
<form class="search" method="get" action="/quotes"><label>Speaker<input type="text" name="speaker" value="${speaker ?? ''}" placeholder="name or alias"></label>
<label>About<input type="text" name="about" value="${about ?? ''}" placeholder="who is mentioned"></label>
<label>Kind<select name="kind"><option value="">Any</option>${QUOTE_KINDS.map((k) => html`<option value="${k}"${k === kind ? raw(' selected') : ''}>${k}</option>`)}</select></label>
<label>Cue<select name="cue_type"><option value="">Any</option>${CUE_TYPES.map((t) => html`<option value="${t}"${t === cueType ? raw(' selected') : ''}>${t}</option>`)}</select></label><button type="submit">Filter</button></form>
<p class="muted">${quotes.length} quote${quotes.length === 1 ? '' : 's'}</p>${quotes.length ? quotes.map((q) => quoteFigure(q)) : empty('No quotes match.')}`)
}

export function timelinePage(entries: readonly TimelineEntry[], about: string | undefined): string {
  return layout('Timeline', 'timeline', html`<h1>Timeline</h1>
<form class="search" method="get" action="/timeline"><label>About<input type="text" name="about" value="${about ?? ''}" placeholder="person, place, organisation"></label><button type="submit">Filter</button></form>
${timelineList(entries)}`)
}

export function assessmentsPage(boards: readonly QuestionBoard[], about: string | undefined): string {
  return layout('Assessments', 'assessments', html`<h1>Assessment board</h1>
<p class="muted">Likelihood judgements on the ICD 203 scale (almost no chance · very unlikely · unlikely · roughly even · likely · very likely · almost certain); a hatched bar is a judgement with no direction.</p>
<form class="search" method="get" action="/assessments"><label>About<input type="text" name="about" value="${about ?? ''}" placeholder="person, place, organisation"></label><button type="submit">Filter</button></form>
${boards.length ? boards.map((b) => html`<section class="card" aria-labelledby="${`q-${b.id}`}"><h2 id="${`q-${b.id}`}" style="margin-top:0">${b.text}</h2>
<p class="leaning">Leaning: ${bandBar(b.leaning)} <span class="meta">· spread ${b.spread.low ? (b.spread.low === b.spread.high ? b.spread.low : `${b.spread.low} to ${b.spread.high}`) : 'none'}${b.spread.uncertain ? ` · ${b.spread.uncertain} without direction` : ''}</span></p>
<table><thead><tr><th scope="col">Holder</th><th scope="col">Band</th><th scope="col">What they said</th><th scope="col">When &amp; where</th></tr></thead><tbody>${b.holders.flatMap((h) => h.assessments.map((a) => html`<tr><td>${entityLink(h.holder, h.name)}</td><td>${bandBar(a.answer)}${a.answer === a.band ? '' : html`<br><span class="muted">${a.band} as worded</span>`}</td><td><em>${a.proposition}</em> <span class="muted">(“${a.cue}”)</span></td><td>${a.date ?? 'undated'}<br>${articleCite(a.article)}</td></tr>`))}</tbody></table></section>`) : empty('No assessments.')}`)
}

function blockText(b: ArticlePage['blocks'][number]): Safe {
  const parts: Safe[] = []
  let at = 0
  for (const q of [...b.quotes].sort((x, y) => x.start - y.start)) {
    if (q.start < at) continue
    parts.push(html`${b.text.slice(at, q.start)}<mark class="q ${q.kind}" title="${`${q.kind} quote${q.speakerName ? ` by ${q.speakerName}` : ''}`}">${b.text.slice(q.start, q.end)}</mark>`)
    at = q.end
  }
  parts.push(html`${b.text.slice(at)}`)
  return html`${parts}`
}

export function articlePageHtml(p: ArticlePage): string {
  const a = p.article
  return layout(a.title ?? a.id, 'home', html`<p class="muted"><a href="/">Articles</a> ›</p><h1>${a.title ?? a.id}</h1>
<p class="meta">${[a.outlet, a.published ?? (p.publishedInferred ? `date unknown (${p.publishedInferred.reason})` : 'date unknown'), p.author ? `by ${p.author}` : null, a.language].filter(Boolean).join(' · ')}${
    a.originalSource ? html` · originally from <strong>${a.originalSource}</strong>${a.originalAuthor ? html` by ${a.originalAuthor}` : ''}` : ''}${
    a.url ? html` · <a href="${a.url}" rel="noopener noreferrer">source</a>` : ''}</p>
${p.stories.length ? html`<p class="meta">Part of: ${p.stories.map((s, i) => html`${i ? ', ' : ''}<a href="${storyHref(s.id)}">${s.title}</a>`)}</p>` : ''}
<h2>Text</h2><p class="legend" aria-hidden="true"><span><mark class="q direct">direct quote</mark></span><span><mark class="q indirect">indirect</mark></span><span><mark class="q mixed">mixed</mark></span></p>
<article class="article card">${p.blocks.map((b) => html`<div class="block ${b.type}"><div class="kind">${b.type.replace('_', ' ')}</div><div class="text">${blockText(b)}${b.credit ? html` <span class="muted">(credit: ${b.credit})</span>` : ''}</div></div>`)}</article>
<h2>Quotes</h2>${p.quotes.length ? p.quotes.map((q) => quoteFigure(q, false)) : empty('No quotes found.')}
<h2>Entities</h2><ul class="names plain">${p.entities.map((e) => html`<li><a href="${entityHref(e.id)}">${e.localName}</a> <span class="tag ${e.type}">${e.type}</span> <span class="muted">×${e.mentions}</span></li>`)}</ul>
<h2>Assessments</h2>${p.assessments.length ? html`<ul class="plain">${p.assessments.map(assessmentRow)}</ul>` : empty('None.')}
<h2>Events</h2>${timelineList(p.events)}`)
}

export function notFoundPage(message: string): string {
  return layout('Not found', 'none', html`<h1>Not found</h1><p>${message}</p><p><a href="/">Back to the start page</a></p>`)
}
