// Generalizing clean-up of Readability's paragraphs: what a reader would not call the article body.
import type { Paragraph } from './html.js'

export function cleanParagraphs(paras: Paragraph[]): Paragraph[] {
  return paras
}
