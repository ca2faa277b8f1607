// `dossier`: a thin command line over the library (src/index.ts) and the views (src/views).
// Exit codes: 0 all good, 1 some inputs failed (or nothing found), 2 usage error.
import { createEngine, type AddItemResult, type Engine } from '../index.js'
import { bool, int, isoDate, parse, str, UsageError, type Options, type Parsed } from './args.js'
import { printBrief, runDemo } from './demo.js'
import * as out from './format.js'
import { ProgressLine } from './progress.js'
import { openStore } from '../store/open-store.js'
import type { Store } from '../store/store.js'
import { CUE_TYPES, QUOTE_KINDS, type CueType, type QuoteKind } from '../doc/layers.js'
import { exportStore } from '../export/export.js'
import { articlePage, assessmentBoard, entityDossier, listEntities, listQuotes, storyList, timeline } from '../views/index.js'

interface Command {
  readonly summary: string
  readonly usage: string
  readonly options: Options
  run(p: Parsed): Promise<number>
}

const DEFAULT_DB = 'dossier.db'
const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC']

/** The store a command uses: --db, else $DOSSIER_DB, else ./dossier.db. */
const storeSpec = (p: Parsed): string => str(p, 'db') ?? process.env['DOSSIER_DB'] ?? DEFAULT_DB

async function withStore<T>(p: Parsed, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(storeSpec(p))
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

async function withEngine<T>(p: Parsed, fn: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await createEngine({ store: storeSpec(p) })
  try {
    return await fn(engine)
  } finally {
    await engine.close()
  }
}

function emit(p: Parsed, data: unknown, text: () => string): void {
  process.stdout.write(bool(p, 'json') ? `${JSON.stringify(data, null, 2)}\n` : text())
}

const commands: Record<string, Command> = {
  add: {
    summary: 'ingest files, folders, URLs, feeds or - (stdin) into the store',
    usage: 'dossier add <paths|urls|->... [--published DATE] [--outlet NAME] [--title T] [--author A] [--language L] [--no-relink] [--db FILE] [--json]',
    options: {
      published: { type: 'string' },
      outlet: { type: 'string' },
      title: { type: 'string' },
      author: { type: 'string' },
      language: { type: 'string' },
      url: { type: 'string' },
      'max-bytes': { type: 'string' },
      'no-progress': { type: 'boolean', default: false },
      // many small adds in a row (a shell loop): link once at the end with `dossier relink`
      'no-relink': { type: 'boolean', default: false },
    },
    async run(p) {
      if (p.positionals.length === 0) throw new UsageError('add needs at least one path, URL or -')
      const overrides = Object.fromEntries(
        Object.entries({ published: isoDate(p, 'published'), outlet: str(p, 'outlet'), title: str(p, 'title'), author: str(p, 'author'), language: str(p, 'language'), url: str(p, 'url') }).filter(([, v]) => v !== undefined),
      )
      const maxBytes = int(p, 'max-bytes')
      const progress = new ProgressLine(!bool(p, 'json') && !bool(p, 'no-progress'))
      return withEngine(p, async (engine) => {
        const summary = await engine.add(p.positionals, {
          overrides,
          ingest: maxBytes === undefined ? {} : { maxBytes },
          onItem: (r: AddItemResult) => progress.tick(r),
          relink: !bool(p, 'no-relink'),
        })
        progress.done()
        emit(p, summary, () => out.addSummary(summary))
        return summary.failed.length > 0 ? 1 : 0
      })
    },
  },
  relink: {
    summary: 'recompute the cross-article links (identities, questions, stories) over every stored article',
    usage: 'dossier relink [--db FILE] [--json]',
    options: {},
    run: (p) => withEngine(p, async (engine) => {
      const links = await engine.relink()
      const counts = { entities: links.entities.length, questions: links.questions.length, stories: links.stories.length }
      emit(p, counts, () => out.linkCounts(counts))
      return 0
    }),
  },
  reprocess: {
    summary: 'run the pipeline again over every stored article (after an upgrade): same text, metadata and blocks, new annotations; then relink',
    usage: 'dossier reprocess [--db FILE] [--json]',
    options: {},
    run: (p) => withEngine(p, async (engine) => {
      const summary = await engine.reprocess()
      emit(p, summary, () => out.reprocessSummary(summary))
      return summary.failed.length > 0 ? 1 : 0
    }),
  },
  articles: {
    summary: 'list stored articles',
    usage: 'dossier articles [--db FILE] [--json]',
    options: {},
    run: (p) => withStore(p, async (store) => {
      const list = await store.listArticles()
      emit(p, list, () => out.articleList(list))
      return 0
    }),
  },
  show: {
    summary: 'one article with its typed blocks',
    usage: 'dossier show <id> [--db FILE] [--json]',
    options: {},
    run: (p) => withStore(p, async (store) => {
      const id = p.positionals[0]
      if (!id) throw new UsageError('show needs an article id (see `dossier articles`)')
      const page = await articlePage(store, id)
      if (!page) {
        process.stderr.write(`dossier: no article with id "${id}"\n`)
        return 1
      }
      emit(p, page, () => out.articleView(page))
      return 0
    }),
  },
  search: {
    summary: 'full-text search, ranked, with highlighted snippets',
    usage: 'dossier search <query> [--limit N] [--db FILE] [--json]',
    options: { limit: { type: 'string' } },
    run: (p) => withStore(p, async (store) => {
      const q = p.positionals.join(' ').trim()
      if (!q) throw new UsageError('search needs a query')
      const hits = await store.search(q, { limit: int(p, 'limit') ?? 20, mark: bool(p, 'json') ? ['<mark>', '</mark>'] : process.stdout.isTTY ? ['\x1b[1m', '\x1b[0m'] : ['**', '**'] })
      emit(p, hits, () => out.searchHits(hits))
      return hits.length > 0 ? 0 : 1
    }),
  },
  entities: {
    summary: 'people, organizations and places, with mention counts and articles',
    usage: 'dossier entities [--type PER|ORG|LOC|MISC] [--limit N] [--db FILE] [--json]',
    options: { type: { type: 'string' }, limit: { type: 'string' } },
    run: (p) => withStore(p, async (store) => {
      const type = str(p, 'type')?.toUpperCase()
      if (type && !ENTITY_TYPES.includes(type)) throw new UsageError(`--type is one of ${ENTITY_TYPES.join(', ')}`)
      const list = await listEntities(store, { type, limit: int(p, 'limit') })
      emit(p, list, () => out.entityList(list))
      return 0
    }),
  },
  entity: {
    summary: 'the dossier of one entity: names, attributes with sources, quotes, assessments, articles',
    usage: 'dossier entity <name-or-alias> [--db FILE] [--json]',
    options: {},
    run: (p) => withStore(p, async (store) => {
      const name = p.positionals.join(' ').trim()
      if (!name) throw new UsageError('entity needs a name or alias')
      const d = await entityDossier(store, name)
      if (!d) {
        process.stderr.write(`dossier: no entity named "${name}"\n`)
        return 1
      }
      emit(p, d, () => out.dossier(d))
      return 0
    }),
  },
  quotes: {
    summary: 'who said what',
    usage: `dossier quotes [--speaker NAME] [--about NAME] [--kind ${QUOTE_KINDS.join('|')}] [--cue-type ${CUE_TYPES.join('|')}] [--limit N] [--db FILE] [--json]`,
    options: { speaker: { type: 'string' }, about: { type: 'string' }, kind: { type: 'string' }, 'cue-type': { type: 'string' }, limit: { type: 'string' } },
    run: (p) => withStore(p, async (store) => {
      const kind = str(p, 'kind') as QuoteKind | undefined
      if (kind && !QUOTE_KINDS.includes(kind)) throw new UsageError(`--kind is one of ${QUOTE_KINDS.join(', ')}`)
      const cueType = str(p, 'cue-type') as CueType | undefined
      if (cueType && !CUE_TYPES.includes(cueType)) throw new UsageError(`--cue-type is one of ${CUE_TYPES.join(', ')}`)
      const list = await listQuotes(store, { speaker: str(p, 'speaker'), about: str(p, 'about'), kind, cueType, limit: int(p, 'limit') })
      emit(p, list, () => out.quoteList(list))
      return 0
    }),
  },
  timeline: {
    summary: 'dated events across articles, in date order',
    usage: 'dossier timeline [--about NAME] [--db FILE] [--json]',
    options: { about: { type: 'string' } },
    run: (p) => withStore(p, async (store) => {
      const list = await timeline(store, { about: str(p, 'about') })
      emit(p, list, () => out.timelineView(list))
      return 0
    }),
  },
  assessments: {
    summary: 'per question: who judged what, how likely, when, from which article',
    usage: 'dossier assessments [--about NAME] [--db FILE] [--json]',
    options: { about: { type: 'string' } },
    run: (p) => withStore(p, async (store) => {
      const board = await assessmentBoard(store, { about: str(p, 'about') })
      emit(p, board, () => out.board(board))
      return 0
    }),
  },
  stories: {
    summary: 'articles grouped by story, with copies traced to their origin',
    usage: 'dossier stories [--db FILE] [--json]',
    options: {},
    run: (p) => withStore(p, async (store) => {
      const list = await storyList(store)
      emit(p, list, () => out.stories(list))
      return 0
    }),
  },
  export: {
    summary: 'the whole store as one versioned JSON document (docs/export-schema.md)',
    usage: 'dossier export [--json] [--db FILE]',
    options: {},
    run: (p) => withStore(p, async (store) => {
      const data = await exportStore(store)
      process.stdout.write(`${JSON.stringify(data, null, 2)}\n`)
      return 0
    }),
  },
  serve: {
    summary: 'the web UI and JSON API on http://HOST:PORT',
    usage: 'dossier serve [--port 8080] [--host 127.0.0.1] [--db FILE]',
    options: { port: { type: 'string' }, host: { type: 'string' } },
    async run(p) {
      const store = await openStore(storeSpec(p))
      const { startServer } = await import('../web/server.js')
      const server = await startServer(store, { port: int(p, 'port') ?? 8080, host: str(p, 'host') ?? '127.0.0.1' })
      process.stdout.write(`Dossier on ${server.url} (Ctrl-C to stop)\n`)
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve)
        process.once('SIGTERM', resolve)
      })
      await server.close()
      await store.close()
      return 0
    },
  },
  demo: {
    summary: 'load the seed articles into a fresh store and print a readable brief',
    usage: 'dossier demo [--db FILE] [--seeds DIR] [--json]',
    options: { seeds: { type: 'string' } },
    async run(p) {
      const db = str(p, 'db') ?? 'dossier-demo.db'
      const result = await runDemo({ db, seedsDir: str(p, 'seeds') })
      if (bool(p, 'json')) process.stdout.write(`${JSON.stringify(result.brief, null, 2)}\n`)
      else process.stdout.write(printBrief(result.brief, db))
      return result.failed > 0 ? 1 : 0
    },
  },
}

function help(): string {
  const width = Math.max(...Object.keys(commands).map((c) => c.length))
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  return `dossier: who said what, about whom, when, and how sure they were\n\nUsage: dossier <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nEvery command takes --db FILE (default ./dossier.db, or $DOSSIER_DB; a postgres:// URL uses PostgreSQL)\nand --json for machine-readable output. \`dossier <command> --help\` shows a command's options.\n`
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help())
    return name ? 0 : 2
  }
  const cmd = commands[name]
  if (!cmd) {
    process.stderr.write(`dossier: unknown command "${name}"\n\n${help()}`)
    return 2
  }
  try {
    const p = parse(rest, cmd.options)
    if (bool(p, 'help')) {
      process.stdout.write(`${cmd.summary}\n\nUsage: ${cmd.usage}\n`)
      return 0
    }
    return await cmd.run(p)
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`dossier ${name}: ${err.message}\nUsage: ${cmd.usage}\n`)
      return 2
    }
    process.stderr.write(`dossier ${name}: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
}
