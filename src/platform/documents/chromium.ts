import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'

/**
 * One headless Chromium per process, launched on first use and reused: printing the report to
 * PDF and drawing a chart's PNG for Word both need a browser, and launching one costs more than
 * the work. Pages run in their own throw-away context with scripts off and every request
 * refused, so a document can reach nothing outside itself, and at most two run at once so a
 * burst of downloads cannot exhaust the machine's memory.
 */
const defaultPath = '/usr/bin/chromium'
let executablePath = defaultPath
let launched: Promise<Browser> | null = null

/** The flags every headless Chromium here runs with: no sandbox (root in containers), nothing fetched by itself. */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(`PDF needs Chromium: set CHROMIUM_PATH (no browser at ${path})`)
  }
}

/** Where Chromium is (config.chromiumPath); takes effect at the next launch. */
export function configureChromium(options: { executablePath: string }) {
  executablePath = options.executablePath
}

/** Whether a browser can be launched at all, so callers can offer PDF only where it works. */
export function chromiumAvailable() {
  return existsSync(executablePath)
}

function browser(): Promise<Browser> {
  if (!launched) {
    if (!chromiumAvailable()) return Promise.reject(new ChromiumMissingError(executablePath))
    const launching = chromium.launch({ executablePath, args: chromiumFlags })
    launched = launching
    launching.then(
      (b) => b.on('disconnected', () => launched === launching && (launched = null)),
      () => launched === launching && (launched = null),
    )
  }
  return launched
}

const maxPages = 2
let open = 0
const waiting: (() => void)[] = []

async function slot() {
  if (open < maxPages) open++
  else await new Promise<void>((resolve) => waiting.push(resolve))
}

function release() {
  const next = waiting.shift()
  if (next) next()
  else open--
}

/** Runs `work` on a fresh page that can load nothing from the network, and closes it after. */
export async function withOfflinePage<T>(
  work: (page: Page) => Promise<T>,
  options: BrowserContextOptions = {},
): Promise<T> {
  await slot()
  try {
    const context = await (await browser()).newContext({ javaScriptEnabled: false, ...options })
    try {
      context.setDefaultTimeout(30_000)
      await context.route('**/*', (route) => {
        const url = route.request().url()
        return url.startsWith('data:') || url.startsWith('about:') ? route.continue() : route.abort()
      })
      return await work(await context.newPage())
    } finally {
      await context.close()
    }
  } finally {
    release()
  }
}

/** Closes the shared browser: at shutdown and at the end of a test file. */
export async function closeChromium() {
  const current = launched
  launched = null
  if (current) await (await current.catch(() => null))?.close()
}
