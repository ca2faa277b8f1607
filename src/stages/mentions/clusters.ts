// Word clusters for the NER features: Brown bit paths induced by scripts/build-clusters.ts from unlabelled news
// text and committed as models/ner/clusters.tsv.gz ("path<TAB>word" lines). A word's cluster features are
// prefixes of its path (coarse to fine), as in Ratinov & Roth (2009).
import { existsSync, readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'

/** Path prefix lengths used as features (Ratinov & Roth 2009 use 4, 6, 10, 20). */
export const CLUSTER_PREFIXES: readonly number[] = [4, 6, 10, 20]

/**
 * The form a word is clustered and looked up under: typographic quotes and apostrophes as ASCII (raw news text
 * has ’ where CoNLL has '), every digit as 0 (numbers cluster by shape, not value).
 */
export function clusterKey(w: string): string {
  let out = w
  if (/[\u2018\u2019\u201a\u201b\u2032]/.test(out)) out = out.replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
  if (/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/.test(out)) out = out.replace(/[\u201c\u201d\u201e\u201f\u00ab\u00bb]/g, '"')
  if (/\d/.test(out)) out = out.replace(/\d/g, '0')
  return out
}

/** Parses the committed cluster file into word -> path. */
export function parseClusters(text: string): Map<string, string> {
  const m = new Map<string, string>()
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t')
    if (tab > 0) m.set(line.slice(tab + 1), line.slice(0, tab))
  }
  return m
}

export function readClusters(path: string): Map<string, string> | undefined {
  if (!existsSync(path)) return undefined
  const buf = readFileSync(path)
  return parseClusters((path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8'))
}

/**
 * Path of a word: its own form, else (capitalised or all-caps words) its title-case and lower-case forms, so
 * "RUSSIA" in a headline finds "Russia" and a sentence-initial "The" finds "the".
 */
export function clusterPath(clusters: ReadonlyMap<string, string>, w: string): string | undefined {
  const k = clusterKey(w)
  const p = clusters.get(k)
  if (p !== undefined) return p
  if (k.length > 1 && k === k.toUpperCase()) {
    const t = clusters.get(k[0] + k.slice(1).toLowerCase())
    if (t !== undefined) return t
  }
  const lo = k.toLowerCase()
  return lo !== k ? clusters.get(lo) : undefined
}
