import { serve } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createApp } from '../api/app.js'
import type { Store } from '../store/store.js'

export interface RunningServer {
  /** Base URL, e.g. "http://127.0.0.1:8787". */
  readonly url: string
  readonly port: number
  close(): Promise<void>
}

/** Serves the web UI and the JSON API for a store. Port 0 picks a free port (tests); resolves once listening. */
export function startServer(store: Store, options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const app = createApp(store)
  const host = options.host ?? '127.0.0.1'
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, (info: AddressInfo) => {
      const shown = host.includes(':') ? `[${host}]` : host
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((done, fail) => server.close((err) => (err ? fail(err) : done()))),
      })
    })
    server.once('error', reject)
  })
}
