// `npm run eval -- <kind> [args]`: scores one layer against annotated data. Each kind is a module in
// src/eval/ exporting `run(args: string[]): Promise<number>` (the exit code). Evaluations report; they do not gate.
const KINDS: Record<string, string> = {
  extract: '../src/eval/extract.ts',
  ner: '../src/eval/ner.ts',
  quotes: '../src/eval/quotes.ts',
  seeds: '../src/eval/seeds.ts',
  stories: '../src/eval/stories.ts',
}
const [kind, ...args] = process.argv.slice(2)
if (!kind || !(kind in KINDS)) {
  console.error(`usage: npm run eval -- <${Object.keys(KINDS).join('|')}> [path] [--json]`)
  process.exit(2)
}
const mod = (await import(KINDS[kind]!)) as { run(args: string[]): Promise<number> }
process.exitCode = await mod.run(args)
