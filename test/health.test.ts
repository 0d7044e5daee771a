import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { buildTestApp } from './helpers/app.ts'
import { drivers } from './helpers/database.ts'

for (const driver of drivers) {
  describe(`health check on ${driver}`, () => {
    it('reports the app and its database as up, for a load balancer', async (t) => {
      const { app } = await buildTestApp(t, { driver })
      const response = await app.inject('/health')
      assert.equal(response.statusCode, 200)
      const body = response.json() as {
        status: string
        database: { status: string; driver: string; latencyMs: number }
      }
      assert.equal(body.status, 'ok')
      assert.equal(body.database.status, 'ok')
      assert.equal(body.database.driver, driver)
      assert.ok(body.database.latencyMs >= 0)
    })

    it('reports 503 when the database cannot be reached', async (t) => {
      const { app, database } = await buildTestApp(t, { driver })
      const ping = database.ping
      database.ping = async () => {
        throw new Error('connection refused')
      }
      t.after(() => {
        database.ping = ping
      })
      const response = await app.inject('/health')
      assert.equal(response.statusCode, 503)
      assert.equal(response.json().database.status, 'unreachable')
    })
  })
}
