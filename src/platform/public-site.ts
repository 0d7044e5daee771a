import { asc, eq } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import type { Database } from '../db/index.ts'
import { NotFoundError } from './errors.ts'
import { publicHomePath, publicNavigation } from './navigation.ts'
import { partnerships } from './schema.ts'

/**
 * The public site: pages for people without an account (practitioners, the public, cabinet
 * members) on the public layout (views/public-layout.njk). A route declares itself one with
 * `config: { publicSite: true }`; the platform then resolves the partnership the page belongs to
 * before the route runs, gives the layout its name and the public navigation, and the route reads
 * the partnership with `publicPartnership(request)` to show that partnership's records only.
 *
 * Which partnership: the one whose local authority code is PUBLIC_PARTNERSHIP, or, when that is
 * not set, the deployment's only partnership. With none, or several and no setting, a public page
 * is a 404: a guess could show one partnership's pages under another's name. Mapping host names to
 * partnerships comes with "many partnerships in one deployment"
 * (docs/decisions/0018-public-pages-and-signed-links.md).
 */

export interface PublicPartnership {
  id: string
  name: string
  shortName: string
  localAuthorityCode: string
}

/** How long a process keeps what it resolved: a renamed partnership shows on public pages within this. */
export const publicPartnershipCacheMs = 60_000

type Resolution = { partnership: PublicPartnership | null; problem: string | null }

const cache = new WeakMap<Database, { at: number; code: string | null; resolution: Resolution }>()

async function resolve(db: Database, code: string | null): Promise<Resolution> {
  const columns = {
    id: partnerships.id,
    name: partnerships.name,
    shortName: partnerships.shortName,
    localAuthorityCode: partnerships.localAuthorityCode,
  }
  if (code) {
    const [partnership] = await db.select(columns).from(partnerships).where(eq(partnerships.localAuthorityCode, code))
    return partnership
      ? { partnership, problem: null }
      : { partnership: null, problem: 'PUBLIC_PARTNERSHIP names no partnership in this deployment' }
  }
  // Two rows are enough to know there is more than one.
  const rows = await db.select(columns).from(partnerships).orderBy(asc(partnerships.createdAt)).limit(2)
  if (rows.length === 1) return { partnership: rows[0]!, problem: null }
  return {
    partnership: null,
    problem: rows.length
      ? 'PUBLIC_PARTNERSHIP is not set and this deployment holds more than one partnership'
      : 'This deployment holds no partnership yet',
  }
}

/** The partnership whose public site this is (cached per process briefly); a 404 page when there is none. */
export async function publicPartnership(request: FastifyRequest): Promise<PublicPartnership> {
  const { db, config } = request.server
  const now = Date.now()
  let entry = cache.get(db)
  if (!entry || entry.code !== config.publicPartnership || now - entry.at > publicPartnershipCacheMs) {
    entry = { at: now, code: config.publicPartnership, resolution: await resolve(db, config.publicPartnership) }
    cache.set(db, entry)
    // Said once per resolution, for whoever runs the deployment; no personal data.
    if (entry.resolution.problem) request.log.warn({ problem: entry.resolution.problem }, 'no public partnership')
  }
  if (!entry.resolution.partnership) throw new NotFoundError()
  return entry.resolution.partnership
}

/** Forgets what was resolved, so the next public page looks again (after a partnership is added or renamed). */
export function forgetPublicPartnership(db: Database) {
  cache.delete(db)
}

/** What the public layout shows: the partnership's name, the home page and the public navigation. */
export async function publicSiteLocals(request: FastifyRequest, path: string) {
  const partnership = await publicPartnership(request)
  return { name: partnership.name, home: publicHomePath, navigation: publicNavigation(request.server.registry, path) }
}
