import { eq } from 'drizzle-orm'
import type { Database } from './index.ts'
import { registry } from '../app.ts'
import { recordAudit } from '../platform/audit.ts'
import type { SeedResult } from '../platform/modules.ts'
import { hashPassword } from '../platform/passwords.ts'
import { systemActor, type Role } from '../platform/permissions.ts'
import { partnerships, userRoles, users } from '../platform/schema.ts'

/**
 * The demo partnership: the board of the seed cabinet paper (Oxfordshire, 2016/17). The platform
 * creates the partnership and one account per role; each module loads its own demo data through
 * its registration's `seed`, and may link the demo accounts to its records.
 */
export const demoPassword = 'board-demo-password'
export const demoLocalAuthorityCode = 'E10000025'

export const demoAccounts: { email: string; name: string; role: Role }[] = [
  { email: 'admin@oscb.example', name: 'Priya Shah', role: 'administrator' },
  { email: 'business.unit@oscb.example', name: 'Tom Whitfield', role: 'business-unit' },
  { email: 'chair@oscb.example', name: 'Helen Ashworth', role: 'chair' },
  { email: 'board.member@oscb.example', name: 'David Okafor', role: 'board-member' },
  { email: 'subgroup.member@oscb.example', name: 'Grace Lindqvist', role: 'subgroup-member' },
  { email: 'agency.lead@oscb.example', name: 'Sam Patel', role: 'agency-lead' },
  { email: 'trainer@oscb.example', name: 'Ruth Evans', role: 'trainer' },
  { email: 'read.only@oscb.example', name: 'Mark Bennett', role: 'read-only' },
]

export interface SeedOptions {
  /** Tests make several partnerships; the demo uses the seed paper's. */
  name?: string
  shortName?: string
  area?: string
  localAuthorityCode?: string
  emailDomain?: string
  /** The demo at full scale (SeedContext.bulk): by default, only for the demo partnership itself. */
  bulk?: boolean
}

/** Loads the demo partnership once. Returns its id, and whether it was created now. */
export async function seedDemoData(db: Database, options: SeedOptions = {}) {
  const code = options.localAuthorityCode ?? demoLocalAuthorityCode
  const [existing] = await db
    .select({ id: partnerships.id })
    .from(partnerships)
    .where(eq(partnerships.localAuthorityCode, code))
  if (existing) return { partnershipId: existing.id, created: false }

  const [partnership] = await db
    .insert(partnerships)
    .values({
      name: options.name ?? 'Oxfordshire Safeguarding Children Board',
      shortName: options.shortName ?? 'OSCB',
      area: options.area ?? 'Oxfordshire',
      localAuthorityCode: code,
      yearStartMonth: 4,
      terminology: 'board',
    })
    .returning()
  const partnershipId = partnership!.id
  const actor = systemActor(partnershipId, 'Demo data')
  await recordAudit(db, actor, {
    action: 'created',
    recordType: 'partnership',
    recordId: partnershipId,
    summary: 'Loaded the demo partnership',
  })

  const emailDomain = options.emailDomain ?? 'oscb.example'
  const accountLinks: NonNullable<SeedResult['accountLinks']> = {}
  const bulk = options.bulk ?? code === demoLocalAuthorityCode
  for (const module of registry.modules) {
    const result = await module.seed?.(db, { partnershipId, actor, emailDomain, registry, bulk })
    Object.assign(accountLinks, result?.accountLinks)
  }

  const passwordHash = await hashPassword(demoPassword)
  for (const account of demoAccounts) {
    const [localPart] = account.email.split('@')
    const email = `${localPart}@${emailDomain}`
    const [user] = await db
      .insert(users)
      .values({
        partnershipId,
        email,
        name: account.name,
        passwordHash,
        status: 'active',
        agencyId: accountLinks[localPart!]?.agencyId ?? null,
        personId: accountLinks[localPart!]?.personId ?? null,
      })
      .returning()
    await db.insert(userRoles).values({ userId: user!.id, role: account.role })
    await recordAudit(db, actor, {
      action: 'created',
      recordType: 'user',
      recordId: user!.id,
      summary: `Created demo account for ${account.name}`,
      after: { email, roles: [account.role] },
    })
  }
  return { partnershipId, created: true }
}
