// Test helper (run as a child process by store.test.ts): adds articles to a SQLite file in an endless
// loop and prints the number of each committed article, so the parent can SIGKILL it mid-batch.
import { docFromParts } from '../store.contract.js'
import { openSqliteStore } from './store.js'

const [file, blocks] = process.argv.slice(2)
if (!file || !blocks) throw new Error('usage: crash-child.ts <db file> <blocks per article>')
const store = openSqliteStore(file)
await store.migrate()
for (let i = 0; ; i++) {
  const parts = Array.from({ length: Number(blocks) }, (_, j) => ['body', `Article ${i} paragraph ${j}: the quick brown fox.`] as const)
  await store.addDoc(docFromParts(parts, { title: `Article ${i}` }))
  process.stdout.write(`${i}\n`)
}
