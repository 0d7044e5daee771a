import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ForbiddenError, NotFoundError, StaleEditError, ValidationError } from '../src/platform/errors.ts'
import { buildTestApp, productionEnv } from './helpers/app.ts'

/**
 * The one error handler: each kind of failure becomes its page and status, in the service's
 * layout; a crash hides its details in production and shows them in development.
 */

async function appThatFails(t: Parameters<typeof buildTestApp>[0], env: Record<string, string>) {
  const testApp = await buildTestApp(t, { env })
  const failures: Record<string, () => never> = {
    crash: () => {
      throw new Error('the database said something internal about table secrets')
    },
    'not-found': () => {
      throw new NotFoundError()
    },
    forbidden: () => {
      throw new ForbiddenError()
    },
    stale: () => {
      throw new StaleEditError()
    },
    invalid: () => {
      throw new ValidationError({ name: 'Enter a name' })
    },
  }
  for (const [name, fail] of Object.entries(failures)) {
    testApp.app.get(`/fail/${name}`, { config: { public: true } }, async () => fail())
  }
  return testApp.app
}

for (const [mode, env] of [
  ['development', { NODE_ENV: 'development' }],
  ['production', productionEnv],
] as const) {
  describe(`error pages in ${mode}`, () => {
    it('a crash gives the 500 page in the service’s layout, with details only in development', async (t) => {
      const app = await appThatFails(t, env)
      const response = await app.inject('/fail/crash')
      assert.equal(response.statusCode, 500)
      assert.match(response.body, /<h1 class="govuk-heading-l">Sorry, there is a problem with the service<\/h1>/)
      assert.match(response.body, /Skip to main content/)
      assert.equal(response.body.includes('table secrets'), mode === 'development')
    })

    it('each expected failure has its own page and status', async (t) => {
      const app = await appThatFails(t, env)
      const expectations: [string, number, string][] = [
        ['/fail/not-found', 404, 'Page not found'],
        ['/no/such/page', 404, 'Page not found'],
        ['/fail/forbidden', 403, 'You do not have permission to see this page'],
        ['/fail/stale', 409, 'This record has changed'],
        ['/fail/invalid', 400, 'Enter a name'],
      ]
      for (const [url, status, text] of expectations) {
        const response = await app.inject(url)
        assert.equal(response.statusCode, status, url)
        assert.ok(response.body.includes(text), `${url} says “${text}”`)
        assert.match(response.headers['content-type'] as string, /text\/html/)
      }
    })
  })
}
