// `npm run train -- <model>`: trains a statistical model from ../shared/data deterministically and writes
// the artefact under models/. Each model is scripts/train-<model>.ts exporting `run(args): Promise<number>`.
const MODELS = ['ner', 'quotes'] as const
const [model, ...args] = process.argv.slice(2)
if (!model || !(MODELS as readonly string[]).includes(model)) {
  console.error(`usage: npm run train -- <${MODELS.join('|')}> [args]`)
  process.exit(2)
}
const mod = (await import(`./train-${model}.ts`)) as { run(args: string[]): Promise<number> }
process.exitCode = await mod.run(args)
