// `<file>.meta.json` beside an input: metadata a person gives for an article that cannot carry its own.
import { z } from 'zod'
import type { ArticleMeta } from '../doc/doc.js'

/** ISO date or date-time (2022-12-20, 2022-12-20T10:00:00Z): what `published` means everywhere in Dossier. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/

export const SidecarSchema = z.strictObject({
  title: z.string().min(1).optional(),
  outlet: z.string().min(1).optional(),
  url: z.url().optional(),
  published: z.string().regex(ISO_DATE, 'expected an ISO date like 2022-12-20').optional(),
  author: z.string().min(1).optional(),
  language: z.string().regex(/^[a-z]{2}$/, 'expected an ISO 639-1 code like "en"').optional(),
})

export class SidecarError extends Error {}

/** Parses and validates a sidecar's JSON text; throws SidecarError naming the file and the bad field. */
export function parseSidecar(path: string, json: string): Partial<ArticleMeta> {
  let data: unknown
  try {
    data = JSON.parse(json)
  } catch (err) {
    throw new SidecarError(`${path}: invalid JSON (${(err as Error).message})`)
  }
  const r = SidecarSchema.safeParse(data)
  if (!r.success) {
    const issues = r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
    throw new SidecarError(`${path}: bad metadata: ${issues}`)
  }
  return Object.fromEntries(Object.entries(r.data).filter(([, v]) => v !== undefined)) as Partial<ArticleMeta>
}
