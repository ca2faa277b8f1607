import type { Band } from '../doc/layers.js'

// The ICD 203 likelihood scale (US Intelligence Community Directive 203, 2015): each band's probability range
// in percent, lowest first. 'uncertain' is Dossier's own band for judgements with no direction; it has no range.
export const ICD203: readonly { readonly band: Band; readonly low: number; readonly high: number }[] = [
  { band: 'almost no chance', low: 1, high: 5 },
  { band: 'very unlikely', low: 5, high: 20 },
  { band: 'unlikely', low: 20, high: 45 },
  { band: 'roughly even chance', low: 45, high: 55 },
  { band: 'likely', low: 55, high: 80 },
  { band: 'very likely', low: 80, high: 95 },
  { band: 'almost certain', low: 95, high: 99 },
]

/** Position on the scale (0 = almost no chance … 6 = almost certain), or null for 'uncertain'. */
export function bandRank(band: Band): number | null {
  const i = ICD203.findIndex((b) => b.band === band)
  return i < 0 ? null : i
}

export function bandAt(rank: number): Band {
  return ICD203[Math.max(0, Math.min(ICD203.length - 1, Math.round(rank)))]!.band
}

/** Lower median of the directional bands; 'uncertain' when none has a direction. */
export function medianBand(bands: readonly Band[]): Band {
  const ranks = bands.map(bandRank).filter((r): r is number => r !== null).sort((a, b) => a - b)
  if (ranks.length === 0) return 'uncertain'
  return bandAt(ranks[Math.floor((ranks.length - 1) / 2)]!)
}
