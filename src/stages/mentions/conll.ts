// Reader for CoNLL-2003 files (`token POS chunk tag`, blank line between sentences, -DOCSTART- between documents).
import { readFileSync } from 'node:fs'

export interface ConllSentence {
  readonly words: string[]
  readonly tags: string[]
}
export type ConllDoc = ConllSentence[]

export function parseConll(text: string): ConllDoc[] {
  const docs: ConllDoc[] = []
  let doc: ConllDoc = []
  let words: string[] = []
  let tags: string[] = []
  const flushSentence = (): void => {
    if (words.length) doc.push({ words, tags })
    words = []
    tags = []
  }
  for (const line of text.split('\n')) {
    const l = line.trim()
    if (l.startsWith('-DOCSTART-')) {
      flushSentence()
      if (doc.length) docs.push(doc)
      doc = []
      continue
    }
    if (!l) {
      flushSentence()
      continue
    }
    const parts = l.split(/\s+/)
    words.push(parts[0]!)
    tags.push(parts.length > 1 ? parts[parts.length - 1]! : 'O')
  }
  flushSentence()
  if (doc.length) docs.push(doc)
  return docs
}

export function readConll(path: string): ConllDoc[] {
  return parseConll(readFileSync(path, 'utf8'))
}
