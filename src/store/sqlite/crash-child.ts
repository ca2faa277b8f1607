// Test helper (run as a child process by store.test.ts): adds articles to a SQLite file in a loop and
// prints the number of each committed article. After <crash after> commits it SIGKILLs itself from
// inside the next article's transaction (a SQL function called by a trigger halfway through its
// blocks), so the kill lands mid-write every time instead of by luck of timing.
import { docFromParts } from '../store.contract.js'
import { openSqliteStore } from './store.js'

const [file, blocks, crashAfter] = process.argv.slice(2).map((a, i) => (i === 0 ? a : Number(a))) as [string, number, number]
if (!file || !blocks || crashAfter === undefined) throw new Error('usage: crash-child.ts <db file> <blocks per article> <crash after n articles>')
const store = openSqliteStore(file)
await store.migrate()
store.db.function('crash_now', () => {
  process.kill(process.pid, 'SIGKILL')
  return 0
})
for (let i = 0; ; i++) {
  if (i === crashAfter) {
    store.db.exec(`CREATE TEMP TRIGGER crash_midway AFTER INSERT ON blocks WHEN new.idx = ${Math.floor(blocks / 2)} BEGIN SELECT crash_now(); END`)
  }
  const parts = Array.from({ length: blocks }, (_, j) => ['body', `Article ${i} paragraph ${j}: the quick brown fox.`] as const)
  await store.addDoc(docFromParts(parts, { title: `Article ${i}` }))
  process.stdout.write(`${i}\n`)
}
