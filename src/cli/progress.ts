import type { AddItemResult } from '../index.js'

/** Minimum batch size before a progress line appears: a one- or two-file add stays quiet. */
const SHOW_AFTER = 5
/** Redraw at most this often, so progress costs nothing on fast batches. */
const REDRAW_MS = 100

/**
 * A one-line progress display on stderr for batches of unknown size (folders and feeds expand as they
 * are read). Only drawn on a terminal; failures are printed as they happen so none scrolls away.
 */
export class ProgressLine {
  private counts = { added: 0, duplicate: 0, failed: 0 }
  private last = 0
  private drawn = false
  private readonly started = Date.now()
  constructor(private readonly enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) {}

  tick(r: AddItemResult): void {
    this.counts[r.status]++
    if (!this.enabled) return
    if (r.status === 'failed') {
      this.clear()
      this.stream.write(`  failed: ${r.input}: ${r.reason}\n`)
    }
    const n = this.counts.added + this.counts.duplicate + this.counts.failed
    const now = Date.now()
    if (!this.stream.isTTY || n < SHOW_AFTER || now - this.last < REDRAW_MS) return
    this.last = now
    const rate = n / Math.max((now - this.started) / 1000, 0.001)
    this.stream.write(`\r\x1b[K  ${n} articles  [${this.counts.added} added, ${this.counts.duplicate} duplicates, ${this.counts.failed} failed]  ${rate.toFixed(0)}/s`)
    this.drawn = true
  }

  private clear(): void {
    if (this.drawn && this.stream.isTTY) this.stream.write('\r\x1b[K')
    this.drawn = false
  }

  done(): void {
    this.clear()
  }
}
