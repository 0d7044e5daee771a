import assert from 'node:assert/strict'
import { it } from 'node:test'
import { requestForLog } from './logging.ts'

it('keeps one-time tokens and search terms out of request logs', () => {
  assert.deepEqual(requestForLog({ method: 'GET', url: '/accept-invite/abc123secret' }), {
    method: 'GET',
    url: '/accept-invite/[token]',
    route: undefined,
  })
  assert.deepEqual(
    requestForLog({ method: 'POST', url: '/reset-password/xyz?x=1', routeOptions: { url: '/reset-password/:token' } }),
    {
      method: 'POST',
      url: '/reset-password/[token]',
      route: '/reset-password/:token',
    },
  )
  assert.equal(requestForLog({ method: 'GET', url: '/directory/people?search=Jane+Smith' }).url, '/directory/people')
})
