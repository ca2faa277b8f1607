// BILOU labels over the four CoNLL types, with the transitions that are legal between them.
import type { EntityType } from '../../doc/layers.js'

export const TYPES: readonly EntityType[] = ['PER', 'ORG', 'LOC', 'MISC']
export const LABELS: readonly string[] = ['O', ...TYPES.flatMap((t) => ['B-' + t, 'I-' + t, 'L-' + t, 'U-' + t])]
export const NL = LABELS.length
export const LABEL_ID = new Map(LABELS.map((l, i) => [l, i]))

/** allowed[prev * NL + cur]; prev = NL means "sentence start". END_OK[cur] says whether a sentence may end there. */
export const ALLOWED = new Uint8Array((NL + 1) * NL)
export const END_OK = new Uint8Array(NL)
for (let p = 0; p <= NL; p++) {
  const pl = p === NL ? 'O' : LABELS[p]!
  for (let c = 0; c < NL; c++) {
    const cl = LABELS[c]!
    const open = pl[0] === 'B' || pl[0] === 'I'
    let ok: boolean
    if (open) ok = (cl[0] === 'I' || cl[0] === 'L') && cl.slice(2) === pl.slice(2)
    else ok = cl === 'O' || cl[0] === 'B' || cl[0] === 'U'
    ALLOWED[p * NL + c] = ok ? 1 : 0
  }
}
for (let c = 0; c < NL; c++) END_OK[c] = LABELS[c]![0] === 'B' || LABELS[c]![0] === 'I' ? 0 : 1

/** IOB1/IOB2 tags to BILOU label ids (a new B- or a type change starts a new entity). */
export function iobToBilou(tags: readonly string[]): number[] {
  const spans = iobSpans(tags)
  const out = tags.map(() => 0)
  for (const [s, e, t] of spans) {
    if (e - s === 1) out[s] = LABEL_ID.get('U-' + t)!
    else {
      out[s] = LABEL_ID.get('B-' + t)!
      for (let k = s + 1; k < e - 1; k++) out[k] = LABEL_ID.get('I-' + t)!
      out[e - 1] = LABEL_ID.get('L-' + t)!
    }
  }
  return out
}

/** Entity spans [start, end, type] from IOB tags, as conlleval reads them. */
export function iobSpans(tags: readonly string[]): [number, number, string][] {
  const out: [number, number, string][] = []
  let start = -1
  let type = ''
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : 'O'
    const t = tag === 'O' ? '' : tag.slice(2)
    const begins = tag !== 'O' && (tag[0] === 'B' || t !== type || start < 0)
    if (start >= 0 && (tag === 'O' || begins)) {
      out.push([start, i, type])
      start = -1
      type = ''
    }
    if (tag !== 'O' && start < 0) {
      start = i
      type = t
    }
  }
  return out
}

/** BILOU label ids back to IOB2 strings. */
export function bilouToIob(ids: readonly number[]): string[] {
  return ids.map((id) => {
    const l = LABELS[id]!
    if (l === 'O') return 'O'
    const t = l.slice(2)
    return (l[0] === 'B' || l[0] === 'U' ? 'B-' : 'I-') + t
  })
}
