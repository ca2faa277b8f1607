// Clean-up of Readability's paragraphs before they become the article text. Kept as the identity on purpose:
// measured on the whole article-extraction benchmark (`npm run eval -- extract`, F1 0.959 without it), dropping
// repeated short paragraphs (-0.001), URL/e-mail-only paragraphs (-0.005) or leading/trailing runs of ≤4-word
// menu items (-0.005) each lowered F1, because the reference bodies keep such lines. Furniture is instead typed
// (caption, boilerplate, byline, ...) by the blocks stage, which never deletes text.
import type { Paragraph } from './html.js'

export function cleanParagraphs(input: Paragraph[]): Paragraph[] {
  return input
}
