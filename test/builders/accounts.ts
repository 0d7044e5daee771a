import type { Database } from '../../src/db/index.ts'
import { registry } from '../../src/app.ts'
import { seedDemoData, type SeedOptions } from '../../src/db/seed.ts'
import { issueToken, setPasswordWithToken, spendTokens } from '../../src/platform/accounts/one-time-links.ts'
import { inviteUser, type UserInput } from '../../src/platform/accounts/users.ts'
import type { Role } from '../../src/platform/permissions.ts'
import { builderActor, nextNumber, pick } from './names.ts'

/** Accounts and partnerships, made as the app makes them. */

const names = ['Morgan Ellis', 'Sasha Nowak', 'Priti Banerjee', 'Conor Walsh', 'Ife Adebayo', 'Tamsin Hale']

/**
 * An account, invited as an administrator would invite it (audit row, invitation email and all).
 * With a password it also accepts the invitation, so it is active and can sign in with it.
 */
export async function insertUser(
  db: Database,
  partnershipId: string,
  overrides: Partial<UserInput> & { roles?: Role[]; password?: string } = {},
) {
  const n = nextNumber()
  const { password, ...rest } = overrides
  const name = pick(names, n)
  const input: UserInput = {
    name,
    email: `${name.toLowerCase().replace(/\W+/g, '.')}.${n}@builders.example`,
    roles: ['read-only'],
    agencyId: null,
    personId: null,
    ...rest,
  }
  const id = await inviteUser(db, builderActor(partnershipId), registry.accountDirectory, input, 'http://hub.test')
  if (password !== undefined) {
    // As if they followed the invitation: the emailed link is spent and a fresh one sets the password.
    await spendTokens(db, id)
    await setPasswordWithToken(db, await issueToken(db, id, 'invite', 60), 'invite', password, 'http://hub.test')
  }
  return { id, ...input, email: input.email.toLowerCase(), status: password === undefined ? 'invited' : 'active' }
}

const counties = ['Buckinghamshire', 'Berkshire', 'Wiltshire', 'Gloucestershire', 'Northamptonshire']

/**
 * Another partnership on the same deployment, holding its own copy of the demo data (its agencies,
 * people, groups and accounts), for tests that one partnership never sees another's records.
 */
export async function insertPartnership(db: Database, overrides: SeedOptions = {}) {
  const n = nextNumber()
  const county = pick(counties, n)
  const options = {
    name: `${county} Safeguarding Children Partnership`,
    shortName: `${county.charAt(0)}SCP`,
    area: county,
    localAuthorityCode: `T${String(n).padStart(8, '0')}`,
    emailDomain: `partnership${n}.example`,
    ...overrides,
  }
  const { partnershipId, created } = await seedDemoData(db, options)
  if (!created) throw new Error(`A partnership with local authority code ${options.localAuthorityCode} already exists`)
  return { partnershipId, ...options }
}
