import type { Doc } from '../doc/doc.js'
import { spanInBounds } from '../doc/doc.js'
import type { LayerName } from '../doc/layers.js'
import { PipelineError } from './errors.js'
import type { Stage, StageContext } from './stage.js'

export interface Pipeline {
  readonly stages: readonly Stage[]
  run(doc: Doc, ctx?: StageContext): Doc
}

/** Checks that each stage's `requires` are assigned by an earlier stage (or given up front). */
export function checkOrder(stages: readonly Stage[], given: readonly LayerName[] = []): void {
  const have = new Set<LayerName>(given)
  const names = new Set<string>()
  for (const stage of stages) {
    if (names.has(stage.name)) throw new PipelineError('E_DUPLICATE_STAGE', stage.name, 'appears twice in the pipeline')
    names.add(stage.name)
    const missing = stage.requires.filter((l) => !have.has(l))
    if (missing.length > 0) {
      throw new PipelineError('E_ORDER', stage.name, `requires ${missing.map((m) => `"${m}"`).join(', ')}, which no earlier stage assigns`)
    }
    for (const l of stage.assigns) have.add(l)
  }
}

function checkSpans(stage: Stage, doc: Doc): void {
  for (const name of stage.assigns) {
    const items = doc.layers[name] as readonly { start?: number; end?: number }[] | undefined
    if (!Array.isArray(items)) throw new PipelineError('E_BAD_RETURN', stage.name, `did not assign layer "${name}"`)
    for (const item of items) {
      // Layers of spans are checked; records that are not spans themselves (entities) have no offsets.
      if (item.start === undefined && item.end === undefined) continue
      if (!spanInBounds(doc, item as { start: number; end: number })) {
        throw new PipelineError('E_SPAN', stage.name, `layer "${name}" has span [${item.start}, ${item.end}) outside a text of length ${doc.text.length}`)
      }
    }
  }
}

export interface PipelineOptions {
  /** Layers the input Docs already carry (e.g. gold blocks in evaluation). */
  readonly given?: readonly LayerName[]
  /** Check every assigned span against the text after each stage (on in tests, cheap enough to keep on). */
  readonly checkSpans?: boolean
}

/** The runner: a short loop that names the failing stage. */
export function createPipeline(stages: readonly Stage[], options: PipelineOptions = {}): Pipeline {
  checkOrder(stages, options.given)
  const verify = options.checkSpans ?? true
  return {
    stages,
    run(input: Doc, ctx: StageContext = {}): Doc {
      let doc = input
      for (const stage of stages) {
        let out: Doc
        try {
          out = stage.run(doc, ctx)
        } catch (err) {
          if (err instanceof PipelineError) throw err
          const reason = err instanceof Error ? err.message : String(err)
          throw new PipelineError('E_STAGE_FAILED', stage.name, `failed on doc ${doc.id}: ${reason}`, { cause: err })
        }
        if (!out || typeof out.text !== 'string' || out.text !== doc.text) {
          throw new PipelineError('E_BAD_RETURN', stage.name, 'must return a Doc with the same text')
        }
        if (verify) checkSpans(stage, out)
        doc = out
      }
      return doc
    },
  }
}
