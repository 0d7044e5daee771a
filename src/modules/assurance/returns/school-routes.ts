import type { FastifyInstance } from 'fastify'
import type { Database } from '../../../db/index.ts'
import type { FormRequest } from '../../../platform/form-route.ts'
import { linkActor } from '../../../platform/permissions.ts'
import { publicPartnership } from '../../../platform/public-site.ts'
import { readSignedLink, touchSignedLink } from '../../../platform/signed-links.ts'
import { linkNotValid } from '../../learning/links/not-valid.ts'
import { returnRecordType } from '../access.ts'
import { fillInRoutes, type Responder } from './fill-in.ts'
import { mayFillIn, noticeOf } from './lifecycle.ts'
import { returnSummary, taskItems } from './presenters.ts'
import { views } from './routes.ts'
import { returnForLink } from './service.ts'

/**
 * A school's audit return without an account: the link emailed when a schools' cycle opens (helper
 * B's cycles make it: purpose `school-audit-return`, record type `audit-return`) opens that one return
 * on the public site, the same pages and service as the signed-in ones. The return comes from the
 * link, never the address. A link expired, revoked or made for something else gets "This link has
 * expired or is not valid". Changes are audited as made by the school through its link. Schools
 * attach no files (their evidence is written), and add no actions: the business unit follows up.
 */
export const schoolLinkPurpose = 'school-audit-return'
export const schoolAuditHref = (token: string) => `/school-audit/${token}`

const publicLayout = 'views/public-layout.njk'
const notValid = () => linkNotValid(`${views}/link-not-valid.njk`)

/** A school answers a few pages at a time: a burst from one address is not a school filling in its audit. */
const rateLimit = { max: 30, timeWindow: '1 minute' }

export async function openSchoolLink(db: Database, partnershipId: string, token: string) {
  const link = await readSignedLink(db, token, schoolLinkPurpose)
  if (!link || link.partnershipId !== partnershipId || link.recordType !== returnRecordType) return null
  return returnForLink(db, partnershipId, link.recordId)
}

export async function schoolRoutes(app: FastifyInstance) {
  const db = app.db

  const open = async ({ raw, params }: Pick<FormRequest, 'raw' | 'params'>): Promise<Responder> => {
    const partnership = await publicPartnership(raw)
    const ret = await openSchoolLink(db, partnership.id, params.token!).catch(() => null)
    if (!ret) throw notValid()
    await touchSignedLink(db, params.token!)
    return {
      ret,
      actor: linkActor(partnership.id, `${ret.agencyName}, by its audit link`),
      base: schoolAuditHref(params.token!),
      layout: publicLayout,
      signedIn: false,
    }
  }

  app.get('/school-audit/:token', { config: { publicSite: true } }, async (request, reply) => {
    const responder = await open({ raw: request, params: request.params as Record<string, string> })
    const { ret, base } = responder
    const canFillIn = mayFillIn(ret.status)
    const query = request.query as Record<string, string>
    return reply.view(`${views}/return.njk`, {
      ...responder,
      summary: returnSummary(ret, { moderator: false }),
      tasks: canFillIn ? taskItems(ret, { base, fillIn: true, moderate: false }) : [],
      canFillIn,
      flash: query.saved ? 'Your answers have been saved' : query.submitted ? 'The return has been submitted' : null,
      notice: noticeOf(query.notice),
    })
  })

  fillInRoutes(app, { prefix: '/school-audit/:token', access: { publicSite: true }, rateLimit, open })
}
