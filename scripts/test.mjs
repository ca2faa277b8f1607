#!/usr/bin/env node
// Runs the whole suite with Node's own test runner (Node 20's --test takes no globs, so we list files here).
// `npm test` runs everything; `npm test -- quotes store` runs the test files whose path contains a word given.
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { spawnSync } from 'node:child_process'

const roots = ['src', 'test']
const filters = process.argv.slice(2)
const files = []
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) walk(p)
    else if (name.endsWith('.test.ts')) files.push(relative(process.cwd(), p))
  }
}
for (const r of roots) { try { walk(r) } catch { /* a missing root is fine */ } }
const chosen = files.filter((f) => filters.length === 0 || filters.some((w) => f.includes(w))).sort()
if (chosen.length === 0) { console.error(`no test files match ${filters.join(' ')}`); process.exit(1) }
const reporter = 'spec'
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', `--test-reporter=${reporter}`, '--test-concurrency=2', ...chosen], { stdio: 'inherit' })
process.exit(r.status ?? 1)
