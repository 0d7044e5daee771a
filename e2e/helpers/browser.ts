import { AssertionError } from 'node:assert'
import { createRequire } from 'node:module'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

/**
 * Debian's Chromium, driven by playwright-core. Each test file launches one browser and closes
 * it when done; each person in a story gets their own context (their own cookies).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

/** A new person at the keyboard: their own cookies, the hub as base URL, British English. */
export async function newVisitor(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'en-GB', timezoneId: 'Europe/London', ...options })
  // Long enough for a slow CI machine, short enough that a missing element fails the test quickly.
  context.setDefaultTimeout(10_000)
  const page = await context.newPage()
  return { context, page }
}

export type Visitor = { context: BrowserContext; page: Page }

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** WCAG 2.2 AA, as the service promises in its accessibility statement. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/**
 * Rules switched off, each with its reason. Keep this empty unless a rule is wrong for a page
 * and the reason is written here.
 */
const ruleExceptions: Record<string, { enabled: false }> = {}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[] }[]
}

/** Runs axe on the page as it is now and fails with a readable list of the violations. */
export async function checkAccessibility(page: Page) {
  await page.waitForLoadState('load')
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
  if (!loaded) await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(
    async ({ tags, rules }) => {
      const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe
      const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules })
      return result.violations as AxeViolation[]
    },
    { tags: wcagTags, rules: ruleExceptions },
  )
  if (violations.length) {
    const lines = violations.map(
      (v) => `  - ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n      ${v.nodes.map((n) => n.target.join(' ')).join('\n      ')}`,
    )
    throw new AssertionError({ message: `Accessibility violations on ${new URL(page.url()).pathname}:\n${lines.join('\n')}` })
  }
}
