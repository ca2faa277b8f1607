// Name matching for lookups: case- and diacritic-insensitive, punctuation and spacing ignored,
// so "zelenskyy", "Zelenskyy" and "Zelénskyy" meet, and "St. Gallen" matches "St Gallen".

export function foldKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
