// `npm run bench -- <kind> [args]`: measures speed and memory. Each kind is bench/<kind>.ts exporting
// `run(args: string[]): Promise<void>`. With no kind, runs them all in turn.
const KINDS = ['ingest', 'ner', 'quotes', 'pipeline'] as const
const [kind, ...args] = process.argv.slice(2)
const chosen = kind ? [kind] : [...KINDS]
for (const k of chosen) {
  if (!(KINDS as readonly string[]).includes(k)) {
    console.error(`usage: npm run bench -- [${KINDS.join('|')}] [args]`)
    process.exit(2)
  }
  const mod = (await import(`./${k}.ts`)) as { run(args: string[]): Promise<void> }
  await mod.run(args)
}
