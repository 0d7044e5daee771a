import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseQueryString } from '../src/platform/http.ts'
import { buildTestApp, demoEmail } from './helpers/app.ts'

/** What the platform checks on every request before a route runs. */
describe('requests the platform turns away', () => {
  it('answers an id that is not a UUID with the 404 page, after sending a signed-out visitor to sign in', async (t) => {
    const { signIn, visitor } = await buildTestApp(t)
    const reader = await signIn(demoEmail['read-only'])
    for (const url of ['/directory/agencies/not-an-id', `/directory/people/${'x'.repeat(36)}`]) {
      const response = await reader.get(url)
      assert.equal(response.statusCode, 404, url)
      assert.match(response.body, /Page not found/)
    }
    const signedOut = await (await visitor()).get('/directory/agencies/not-an-id')
    assert.equal(signedOut.statusCode, 302)
    assert.equal(signedOut.headers.location, '/sign-in?returnTo=%2Fdirectory%2Fagencies%2Fnot-an-id')
  })

  it('refuses a null byte in a query or a form with the 400 page, and changes nothing', async (t) => {
    const { signIn } = await buildTestApp(t)
    const officer = await signIn(demoEmail['business-unit'])
    const search = await officer.get('/directory/people?search=a%00b')
    assert.equal(search.statusCode, 400)
    assert.match(search.body, /There is a problem with your request/)
    await officer.get('/directory/agencies/new')
    const form = await officer.post('/directory/agencies/new', { name: 'Null\u0000Agency', type: 'other' })
    assert.equal(form.statusCode, 400)
    assert.doesNotMatch((await officer.get('/directory/agencies')).body, /NullAgency|Null.Agency/)
  })

  it('reads a repeated query parameter as its first value, so no route sees an array', async (t) => {
    assert.deepEqual(parseQueryString('search=a&search=b&page=2'), { search: 'a', page: '2' })
    const { signIn } = await buildTestApp(t)
    const reader = await signIn(demoEmail['read-only'])
    const response = await reader.get('/directory/people?search=Grace&search=Sam&sort=name&sort=agency')
    assert.equal(response.statusCode, 200)
    assert.match(response.body, /Grace Lindqvist/)
    assert.doesNotMatch(response.body, />Sam Patel</)
  })
})
