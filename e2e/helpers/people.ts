import { after, before, type TestContext } from 'node:test'
import type { Browser, BrowserContextOptions } from 'playwright-core'
import { demoPassword } from '../../src/db/seed.ts'
import { SignInPage } from '../pages/accounts.ts'
import { HomePage } from '../pages/page.ts'
import { launchBrowser, newVisitor } from './browser.ts'
import { startHub, type RunningHub } from './server.ts'

export interface Running {
  hub: RunningHub
  browser: Browser
}

/** The hub and a browser for this test file: started before its first test, closed after its last. */
export function startHubAndBrowser(): Running {
  const running = {} as Running
  before(async () => {
    ;[running.hub, running.browser] = await Promise.all([startHub(), launchBrowser()])
  })
  after(async () => {
    await running.browser?.close()
    await running.hub?.close()
  })
  return running
}

/** A person at their own browser (their own cookies), closed when the test ends. */
export async function person(t: TestContext, { browser, hub }: Running, options: BrowserContextOptions = {}) {
  const visitor = await newVisitor(browser, hub.baseUrl, options)
  t.after(() => visitor.context.close())
  return visitor.page
}

/** A person who opens the hub, is sent to the sign-in page, signs in and lands on the home page. */
export async function signedInPerson(
  t: TestContext,
  running: Running,
  email: string,
  options: BrowserContextOptions = {},
) {
  const page = await person(t, running, options)
  await page.goto('/')
  await (await new SignInPage(page).verifyOnPage()).signIn(email, demoPassword)
  return { page, home: await new HomePage(page).verifyOnPage() }
}
