import { AssertionError } from 'node:assert'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromiumFlags } from '../../src/platform/documents/chromium.ts'
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core'

/**
 * Debian's Chromium, driven by playwright-core. Each test file launches one browser and closes
 * it when done; each person in a story gets their own context (their own cookies).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumFlags,
  })
}

/** A new person at the keyboard: their own cookies, the hub as base URL, British English. */
export async function newVisitor(browser: Browser, baseUrl: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    ...options,
  })
  // Long enough for a slow CI machine, short enough that a missing element fails the test quickly.
  context.setDefaultTimeout(10_000)
  context.on('page', watchForProblems)
  if (options.javaScriptEnabled === false) withoutScripts.add(context)
  const page = await context.newPage()
  return { context, page }
}

/** Contexts of people whose browser runs no JavaScript. */
const withoutScripts = new WeakSet<BrowserContext>()

const problems = new WeakMap<Page, string[]>()

/**
 * What the browser complains about: a style or script that failed to load or was refused (by the
 * Content Security Policy, for instance) and uncaught script errors. Pages themselves may answer
 * 4xx (a form with errors, the 404 page), so only sub-resources are judged by their status.
 */
function watchForProblems(page: Page) {
  const list: string[] = []
  problems.set(page, list)
  page.on('pageerror', (error) => list.push(`script error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      list.push(`console: ${message.text()}`)
  })
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() >= 400) {
      list.push(`${response.status()} for ${response.url()}`)
    }
  })
  page.on('requestfailed', (request) => {
    // The browser aborts loads still under way when the page moves on (or hands over a download).
    const reason = request.failure()?.errorText ?? ''
    if (request.resourceType() !== 'document' && reason !== 'net::ERR_ABORTED')
      list.push(`failed to load ${request.url()}: ${reason}`)
  })
}

/** Fails if the browser reported a problem since the last check. */
export function assertNoBrowserProblems(page: Page) {
  const list = problems.get(page) ?? []
  const found = list.splice(0)
  if (found.length)
    throw new AssertionError({
      message: `The browser reported problems on ${new URL(page.url()).pathname}:\n  ${found.join('\n  ')}`,
    })
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

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
  nodes: { target: string[]; html: string; all: AxeCheck[]; any: AxeCheck[] }[]
}

interface AxeCheck {
  id: string
  data: unknown
}

/**
 * One finding accepted, narrowly: GOV.UK Frontend's conditional reveals put aria-expanded on the
 * radio or checkbox that reveals a follow-up question. ARIA does not yet allow it on those roles,
 * so axe flags it; GOV.UK keeps it because screen readers announce it and research with their
 * users found it helps (alphagov/govuk-frontend#979, w3c/aria#1404). Only that attribute, on those
 * inputs, is forgiven: any other disallowed attribute, anywhere, still fails.
 */
function isConditionalRevealExpanded(ruleId: string, node: AxeViolation['nodes'][number]) {
  if (ruleId !== 'aria-allowed-attr' || !/class="govuk-(radios|checkboxes)__input"/.test(node.html)) return false
  // The check says which attributes are not allowed: { values: ['aria-expanded="false"'] }.
  const attributes = [...node.all, ...node.any].flatMap((check) => {
    const values = (check.data as { values?: unknown } | null)?.values
    return Array.isArray(values) ? values : [check.data]
  })
  return attributes.length > 0 && attributes.every((a) => String(a).startsWith('aria-expanded'))
}

function withoutAccepted(violations: AxeViolation[]): AxeViolation[] {
  return violations
    .map((v) => ({ ...v, nodes: v.nodes.filter((node) => !isConditionalRevealExpanded(v.id, node)) }))
    .filter((v) => v.nodes.length > 0)
}

/** Runs axe on the page as it is now and fails with a readable list of the violations. */
export async function checkAccessibility(page: Page) {
  await page.waitForLoadState('load')
  const violations = withoutAccepted(
    withoutScripts.has(page.context()) ? await axeWithoutScripts(page) : await runAxe(page),
  )
  if (violations.length) {
    const lines = violations.map(
      (v) =>
        `  - ${v.id} (${v.impact ?? 'unknown impact'}): ${v.help}\n      ${v.nodes.map((n) => n.target.join(' ')).join('\n      ')}`,
    )
    throw new AssertionError({
      message: `Accessibility violations on ${new URL(page.url()).pathname}:\n${lines.join('\n')}`,
    })
  }
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Not page.addScriptTag: the hub's Content Security Policy rightly refuses inline scripts, and
  // we keep it on so that the browser reports any page that breaks it. Evaluating the source
  // from the test's side is outside the page's policy.
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined')
  if (!loaded) await page.evaluate(axeSource)
  return page.evaluate(
    async ({ tags, rules }) => {
      const axe = (
        window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }
      ).axe
      const result = await axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        rules,
        resultTypes: ['violations'],
      })
      return result.violations as AxeViolation[]
    },
    { tags: wcagTags, rules: ruleExceptions },
  )
}

/**
 * axe runs on timers, which never fire in a page whose scripts are off. So the page exactly as
 * served (it ran no script) is shown again in a page where only the test may run scripts — the
 * same address, so its styles load, and a policy of `script-src 'none'` so the hub's own scripts
 * stay off — and axe checks that. One such checker page per browser, used by one check at a time.
 */
const checkers = new WeakMap<
  Browser,
  { page: Promise<Page>; documents: Map<string, string>; queue: Promise<unknown> }
>()

function checkerFor(browser: Browser) {
  let checker = checkers.get(browser)
  if (!checker) {
    const documents = new Map<string, string>()
    const page = browser.newPage().then(async (page) => {
      await page.route(
        (address) => documents.has(address.href),
        (route) =>
          route.fulfill({
            status: 200,
            headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" },
            body: documents.get(route.request().url()),
          }),
      )
      return page
    })
    checker = { page, documents, queue: Promise.resolve() }
    checkers.set(browser, checker)
  }
  return checker
}

async function axeWithoutScripts(page: Page): Promise<AxeViolation[]> {
  const [html, url] = [await page.content(), page.url().split('#')[0]!]
  const checker = checkerFor(page.context().browser()!)
  const check = checker.queue.then(async () => {
    checker.documents.set(url, html)
    try {
      const checkerPage = await checker.page
      await checkerPage.goto(url)
      return await runAxe(checkerPage)
    } finally {
      checker.documents.delete(url)
    }
  })
  checker.queue = check.catch(() => undefined)
  return check
}
