import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dictionary } from '@zxcvbn-ts/language-common'
import { hashPassword, maximumPasswordLength, passwordProblem, verifyPassword } from './passwords.ts'

const tooEasy = 'Password is too easy to guess. Try three random words'

describe('password rules (NCSC: length and a deny list, no composition rules)', () => {
  it('uses a deny list that holds the common passwords the table below relies on', () => {
    const common = new Set(dictionary['passwords-common'] as string[])
    for (const password of ['password1234', 'qwerty123456', 'administrator']) assert.ok(common.has(password), password)
  })

  const cases: { story: string; password: string; email?: string; problem: string | null }[] = [
    { story: 'no password', password: '', problem: 'Enter a password' },
    { story: 'one character', password: 'x', problem: 'Password must be 12 characters or more' },
    { story: '11 characters', password: 'river-otter', problem: 'Password must be 12 characters or more' },
    { story: '12 characters', password: 'river-otters', problem: null },
    { story: 'three random words', password: 'carpet lantern orchard', problem: null },
    { story: 'no digits, capitals or symbols needed', password: 'allsmallletters', problem: null },
    { story: 'a common password', password: 'password1234', problem: tooEasy },
    { story: 'a common password in capitals', password: 'PASSWORD1234', problem: tooEasy },
    { story: 'another common one', password: 'qwerty123456', problem: tooEasy },
    { story: 'one character repeated', password: 'aaaaaaaaaaaaaaaa', problem: tooEasy },
    { story: 'one symbol repeated', password: '!!!!!!!!!!!!', problem: tooEasy },
    {
      story: 'containing the email’s local part',
      password: 'Priya.Shah-rocks',
      email: 'priya.shah@oscb.example',
      problem: 'Password must not contain your email address',
    },
    {
      story: 'containing a very short local part, which would rule out too much',
      password: 'jolly carpet lantern',
      email: 'jo@oscb.example',
      problem: null,
    },
    {
      story: 'not containing the email’s local part',
      password: 'carpet lantern orchard',
      email: 'priya.shah@oscb.example',
      problem: null,
    },
    { story: 'exactly 256 characters', password: 'ab'.repeat(128), problem: null },
    {
      story: 'over 256 characters',
      password: 'ab'.repeat(128) + 'c',
      problem: `Password must be ${maximumPasswordLength} characters or less`,
    },
  ]
  for (const { story, password, email, problem } of cases) {
    it(`${story}: ${problem ?? 'accepted'}`, () => {
      assert.equal(passwordProblem(password, email), problem)
    })
  }
})

describe('password hashing', () => {
  it('stores an argon2id hash that the same password verifies and a wrong one does not', async () => {
    const hash = await hashPassword('carpet lantern orchard')
    assert.match(hash, /^\$argon2id\$/)
    assert.ok(!hash.includes('carpet'))
    assert.equal(await verifyPassword(hash, 'carpet lantern orchard'), true)
    assert.equal(await verifyPassword(hash, 'carpet lantern orchards'), false)
    assert.equal(await verifyPassword(hash, 'Carpet lantern orchard'), false)
  })

  it('salts each hash, so two people with one password have different hashes', async () => {
    assert.notEqual(await hashPassword('carpet lantern orchard'), await hashPassword('carpet lantern orchard'))
  })

  it('refuses when there is no account or the stored hash is damaged', async () => {
    assert.equal(await verifyPassword(null, 'carpet lantern orchard'), false)
    assert.equal(await verifyPassword('not-a-hash', 'carpet lantern orchard'), false)
  })
})
