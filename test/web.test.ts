import assert from 'node:assert/strict'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { fixtureStore } from '../src/views/testing/fixture.js'
import type { RunningServer } from '../src/web/server.js'
import { startServer } from '../src/web/server.js'

// Drives Debian's chromium through the web UI: home → a person's dossier, checking a quote and an attribute
// with its source are shown. Screenshots go to a temp dir (path printed) for a human to look at.

const CHROMIUM = process.env['DOSSIER_CHROMIUM'] ?? '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const skip = existsSync(CHROMIUM) ? false : `no browser at ${CHROMIUM}`
if (skip) console.log(`# web.test.ts skipped: ${skip}`)

let server: RunningServer
let browser: Browser
const shots = mkdtempSync(join(tmpdir(), 'dossier-web-'))

before(async () => {
  if (skip) return
  const { chromium } = await import('playwright-core')
  server = await startServer(await fixtureStore(), { port: 0, host: '127.0.0.1' })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
})
after(async () => {
  await browser?.close()
  await server?.close()
  if (!skip) console.log(`# screenshots in ${shots}`)
})

test('home → a person\'s dossier shows their quote and an attribute with its source', { skip }, async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
  await page.goto(server.url + '/')
  assert.equal(await page.title(), 'Home · Dossier')
  await page.screenshot({ path: join(shots, 'home.png'), fullPage: true })

  await page.getByRole('link', { name: 'Ulrich Schmid' }).first().click()
  await page.waitForURL(/\/entity\//)
  assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Ulrich Schmid PER')
  const said = page.locator('section[aria-labelledby="said"]')
  assert.match(await said.innerText(), /It could be the start of a new plan to include Belarus/)
  const row = page.locator('section[aria-labelledby="attrs"] tr', { hasText: 'affiliation' })
  const rowText = await row.innerText()
  assert.match(rowText, /University of St\. Gallen/)
  assert.match(rowText, /Lukashenko’s political survival depends on Putin’s favor/)
  assert.match(rowText, /24 Instant News/)
  await page.screenshot({ path: join(shots, 'dossier.png'), fullPage: true })

  await page.getByRole('link', { name: 'Lukashenko’s political survival depends on Putin’s favor' }).first().click()
  await page.waitForURL(/\/articles\//)
  assert.ok((await page.locator('mark.q.direct').count()) >= 2)
  await page.screenshot({ path: join(shots, 'article.png'), fullPage: true })

  for (const [path, name] of [['/assessments', 'assessments'], ['/timeline', 'timeline'], ['/quotes', 'quotes'], ['/stories/story-belarus-war', 'story'], ['/entity/Selenskyj', 'zelenskyy']] as const) {
    await page.goto(server.url + path)
    await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
  }
  await page.close()
})
