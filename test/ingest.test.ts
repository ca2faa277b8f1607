import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { ingest, type IngestItem, type IngestOptions } from '../src/ingest/index.js'

const FIX = fileURLToPath(new URL('./fixtures/ingest/', import.meta.url))
const fx = (name: string): string => FIX + name
/** The news page fixture is the golden article coastal-times-1 (one copy of the page for both suites). */
const ARTICLE_HTML = fileURLToPath(new URL('./golden/coastal-times-1/source.html', import.meta.url))

async function all(inputs: string[], options?: IngestOptions): Promise<IngestItem[]> {
  const out: IngestItem[] = []
  for await (const item of ingest(inputs, options)) out.push(item)
  return out
}
async function one(input: string, options?: IngestOptions): Promise<IngestItem> {
  const items = await all([input], options)
  assert.equal(items.length, 1, `one item for ${input}`)
  return items[0]!
}
function ok(item: IngestItem) {
  assert.ok(item.ok, `expected success, got ${item.ok ? '' : item.reason}`)
  return item.article
}
function failed(item: IngestItem): string {
  assert.ok(!item.ok, 'expected a failure')
  return item.reason
}

describe('ingest: files', () => {
  it('reads a .txt as is, with its sidecar metadata', async () => {
    const a = ok(await one(fx('plain.txt')))
    assert.equal(a.text, readFileSync(fx('plain.txt'), 'utf8'))
    assert.equal(a.meta.title, 'Council approves new cycle lanes')
    assert.equal(a.meta.outlet, 'Daily Ledger')
    assert.equal(a.meta.published, '2023-05-02')
    assert.equal(a.meta.language, 'en')
    assert.equal(a.meta.sourcePath, fx('plain.txt'))
    assert.equal(a.blocks, undefined)
  })

  it('applies overrides over sidecar metadata', async () => {
    const a = ok(await one(fx('plain.txt'), { overrides: { outlet: 'Override Post' } }))
    assert.equal(a.meta.outlet, 'Override Post')
  })

  it('extracts an HTML page: text, JSON-LD/OG metadata, block hints', async () => {
    const a = ok(await one(ARTICLE_HTML))
    assert.equal(a.meta.title, 'Harbour reopens after three-day storm')
    assert.equal(a.meta.outlet, 'The Coastal Times')
    assert.equal(a.meta.author, 'Mara Quinn')
    assert.equal(a.meta.published, '2023-03-14T08:30:00Z')
    assert.equal(a.meta.language, 'en')
    assert.ok(a.text.startsWith('Harbour reopens after three-day storm\n\nThe harbour of Porthwen'))
    assert.ok(!a.text.includes('Sport'), 'navigation is not article text')
    assert.ok(!a.text.includes('All rights reserved'), 'footer is not article text')
    const typed = (a.blocks ?? []).map((b) => [b.type, a.text.slice(b.start, b.end).slice(0, 20)])
    const expected: [string, string][] = [
      ['headline', 'Harbour reopens afte'],
      ['body', 'The harbour of Porth'],
      ['body', '“We checked every mo'],
      ['caption', 'Waves breaking over '],
      ['subhead', 'Damage to the pier'],
      ['body', 'The storm damaged pa'],
      ['body', 'Local traders said t'],
    ]
    assert.deepEqual(typed, expected)
  })

  it('reads folders recursively and sorted, skipping hidden files and sidecars', async () => {
    const items = await all([fx('folder')])
    const got = items.map((i) => (i.ok ? [i.article.input.slice(FIX.length), i.article.meta.outlet ?? null] : ['FAIL', i.reason]))
    assert.deepEqual(got, [
      ['folder/a.txt', 'Folder News'],
      ['folder/b.txt', null],
      ['folder/sub/c.txt', null],
    ])
  })

  it('reads standard input with "-"', async () => {
    const a = ok(await one('-', { stdin: Readable.from([Buffer.from('Line one.\nLine two.\n')]) }))
    assert.equal(a.input, '-')
    assert.equal(a.text, 'Line one.\nLine two.\n')
  })

  it('reads RSS with full content, fetching nothing', async () => {
    const items = await all([fx('feed.rss')])
    const a = ok(items[0]!)
    assert.equal(a.input, fx('feed.rss') + '#item-1')
    assert.equal(a.text, 'Bridge closed for repairs\n\nThe old stone bridge will close for six weeks from Monday, the county said.\n\nDrivers are asked to use the bypass.')
    assert.equal(a.meta.author, 'Sam Hale')
    assert.equal(a.meta.url, 'https://example.org/bridge')
    assert.equal(a.meta.outlet, 'Valley Gazette')
    assert.match(failed(items[1]!), /#item-2: feed item has no content and no link/)
  })

  it('reads Atom entries', async () => {
    const a = ok(await one(fx('feed.atom')))
    assert.equal(a.text, 'New school opens\n\nThe new primary school opened its doors to 200 pupils on Friday.')
    assert.equal(a.meta.url, 'https://example.org/school')
    assert.equal(a.meta.author, 'Rita Moss')
    assert.equal(a.meta.published, '2023-09-01T07:00:00Z')
  })

  it('decodes invalid UTF-8 as windows-1252', async () => {
    const a = ok(await one(fx('latin1.txt')))
    assert.equal(a.text, 'Café au lait coûte 2€ à Paris.\n')
    assert.equal(a.meta.extra?.['charset'], 'windows-1252')
  })

  const bad: [string, RegExp, IngestOptions?][] = [
    ['empty.txt', /empty\.txt: empty file$/],
    ['image.bin', /image\.bin: binary file/],
    ['no-article.html', /no-article\.html: no article text found/],
    ['truncated.rss', /truncated\.rss: malformed feed/],
    ['bad-sidecar.txt', /bad-sidecar\.txt\.meta\.json: bad metadata: .*published: expected an ISO date.*colour/],
    ['does-not-exist.txt', /does-not-exist\.txt: no such file or directory/],
    ['plain.txt', /plain\.txt: larger than the 1 kB limit/, { maxBytes: 100 }],
  ]
  for (const [name, reason, options] of bad) {
    it(`refuses ${name} with a clear reason and goes on`, async () => {
      const items = await all([fx(name), fx('folder/b.txt')], options)
      assert.equal(items.length, 2)
      assert.match(failed(items[0]!), reason)
      assert.ok(failed(items[0]!).startsWith(fx(name)), 'the reason names the input')
      assert.ok(items[1]!.ok)
    })
  }
})

describe('ingest: URLs and feeds over HTTP', () => {
  let server: Server
  let base = ''
  const latin1Page = Buffer.from(
    `<html><head><title>Caf\xe9</title></head><body><article><p>${'Le caf\xe9 de la gare a rouvert ses portes lundi apr\xe8s deux ans de travaux. '.repeat(4)}</p></article></body></html>`,
    'latin1',
  )
  before(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? '/'
      if (url === '/article.html') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        res.end(readFileSync(ARTICLE_HTML))
      } else if (url === '/latin1') {
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' })
        res.end(latin1Page)
      } else if (url === '/feed') {
        res.writeHead(200, { 'content-type': 'application/rss+xml' })
        res.end(readFileSync(fx('feed.rss'), 'utf8').replace('LINK2', `${base}/article.html`))
      } else if (url === '/slow') {
        // never answers; the client's timeout must fire
      } else if (url === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' })
        res.end('x'.repeat(5000))
      } else if (url === '/500') {
        res.writeHead(500)
        res.end('oops')
      } else {
        res.writeHead(404)
        res.end('not found')
      }
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  after(() => {
    server.closeAllConnections()
    server.close()
  })

  it('fetches and extracts an HTML page', async () => {
    const a = ok(await one(`${base}/article.html`))
    assert.equal(a.meta.url, `${base}/article.html`)
    assert.equal(a.meta.title, 'Harbour reopens after three-day storm')
  })

  it('decodes the charset the server declares', async () => {
    const a = ok(await one(`${base}/latin1`))
    assert.equal(a.meta.title, 'Café')
    assert.ok(a.text.includes('après deux ans'))
  })

  it('reads a feed URL, fetching the link of an item without content', async () => {
    const items = await all([`${base}/feed`])
    assert.equal(items.length, 2)
    assert.equal(ok(items[0]!).meta.title, 'Bridge closed for repairs')
    const second = ok(items[1]!)
    assert.equal(second.input, `${base}/feed#item-2`)
    assert.ok(second.text.includes('The harbour of Porthwen reopened'))
  })

  const bad: [string, string, IngestOptions?][] = [
    ['/missing', 'HTTP 404'],
    ['/500', 'HTTP 500'],
    ['/slow', 'timed out after 0.3s', { fetch: { timeoutMs: 300 } }],
    ['/big', 'larger than the 3 kB limit', { maxBytes: 3000 }],
  ]
  for (const [path, reason, options] of bad) {
    it(`reports ${path} as "${reason}" and goes on`, async () => {
      const items = await all([`${base}${path}`, `${base}/article.html`], options)
      assert.equal(failed(items[0]!), `${base}${path}: ${reason}`)
      assert.ok(items[1]!.ok)
    })
  }
})
