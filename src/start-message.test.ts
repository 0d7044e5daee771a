import assert from 'node:assert/strict'
import { it } from 'node:test'
import { loadConfig } from './config.ts'
import { startMessage } from './start-message.ts'

it('says where the app is running and, with the demo partnership, how to sign in', () => {
  assert.equal(
    startMessage(loadConfig({}), 3000),
    'Safeguarding Partnership Hub is running at http://localhost:3000 — sign in as admin@oscb.example with the password board-demo-password (demo data)',
  )
})

it('names no demo account when the demo partnership is not loaded', () => {
  assert.equal(
    startMessage(loadConfig({ SEED_DEMO_DATA: 'false' }), 3000),
    'Safeguarding Partnership Hub is running at http://localhost:3000',
  )
})

it('gives the public address when BASE_URL is set, and the port it got when PORT=0 asked for any', () => {
  assert.match(
    startMessage(loadConfig({ BASE_URL: 'https://hub.example.org' }), 3000),
    /running at https:\/\/hub\.example\.org /,
  )
  assert.match(startMessage(loadConfig({ PORT: '0' }), 54321), /running at http:\/\/localhost:54321 /)
})
