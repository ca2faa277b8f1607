import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A usage error: the CLI prints it with the command's help and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

export type Options = NonNullable<ParseArgsConfig['options']>

/** Options every command takes. */
export const COMMON: Options = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
}

export interface Parsed {
  readonly values: Record<string, string | boolean | string[] | undefined>
  readonly positionals: string[]
}

export function parse(argv: string[], options: Options): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: { ...COMMON, ...options }, allowPositionals: true, strict: true })
    return { values: values as Parsed['values'], positionals }
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err))
  }
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.values[name]
  return typeof v === 'string' ? v : undefined
}

export function bool(p: Parsed, name: string): boolean {
  return p.values[name] === true
}

export function int(p: Parsed, name: string): number | undefined {
  const v = str(p, name)
  if (v === undefined) return undefined
  const n = Number(v)
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} takes a whole number, got "${v}"`)
  return n
}

/** Accepts YYYY, YYYY-MM, YYYY-MM-DD or a full ISO date-time; refuses anything else. */
export function isoDate(p: Parsed, name: string): string | undefined {
  const v = str(p, name)
  if (v === undefined) return undefined
  if (!/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.test(v) || Number.isNaN(Date.parse(v.length === 4 ? `${v}-01-01` : v.length === 7 ? `${v}-01` : v))) {
    throw new UsageError(`--${name} takes a date like 2023-01-25, got "${v}"`)
  }
  return v
}
