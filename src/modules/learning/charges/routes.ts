import type { FastifyInstance, FastifyRequest } from 'fastify'
import { sendCsv, sendXlsx } from '../../../platform/exports.ts'
import { requireActor } from '../../../platform/http.ts'
import type { Query } from '../../../platform/lists.ts'
import { yearsBetween } from '../../../platform/reporting-years.ts'
import { yearChoices } from '../../../platform/year-picker.ts'
import { learningNavigation } from '../navigation.ts'
import {
  agencyRows,
  agencyTable,
  agencyTotalRow,
  chargedBookingRows,
  chargedBookingTable,
  periodQuery,
  readPeriod,
} from './presenters.ts'
import { chargedBookings, chargesByAgency, reportYears } from './service.ts'

const views = 'modules/learning/charges/views'
const access = { permission: 'learning:manage' } as const

/**
 * The non-attendance charges report, for a reporting year or any dates: per agency on the page and
 * in CSV and XLSX, and the bookings behind it (learning:manage: it names people).
 */
export async function chargeRoutes(app: FastifyInstance) {
  const db = app.db

  async function report(request: FastifyRequest) {
    const actor = requireActor(request)
    const query = request.query as Query
    const { startMonth, dates } = await reportYears(db, actor.partnershipId)
    const { period, year, errors } = readPeriod(query, startMonth)
    const [byAgency, behind] = await Promise.all([
      chargesByAgency(db, actor.partnershipId, period),
      chargedBookings(db, actor.partnershipId, period),
    ])
    return { query, startMonth, dates, period, year, errors, byAgency, behind }
  }

  app.get('/learning/charges', { config: access }, async (request, reply) => {
    const r = await report(request)
    const download = periodQuery(r.period, r.year, r.query)
    return reply.view(`${views}/report.njk`, {
      subNavigation: learningNavigation('/learning/charges'),
      period: r.period,
      years: yearChoices(yearsBetween(r.dates, r.startMonth), r.year),
      values: r.query,
      errors: r.errors,
      errorList: Object.entries(r.errors).map(([field, text]) => ({ text, href: `#${field}` })),
      agencyRows: r.byAgency.length ? [...agencyRows(r.byAgency), agencyTotalRow(r.byAgency)] : [],
      bookingRows: chargedBookingRows(r.behind),
      downloads: {
        csv: `/learning/charges.csv${download}`,
        xlsx: `/learning/charges.xlsx${download}`,
        bookings: `/learning/charges/bookings.csv${download}`,
      },
    })
  })

  app.get('/learning/charges.csv', { config: access }, async (request, reply) => {
    const r = await report(request)
    return sendCsv(reply, 'non-attendance-charges.csv', agencyTable(r.byAgency))
  })

  app.get('/learning/charges.xlsx', { config: access }, async (request, reply) => {
    const r = await report(request)
    return sendXlsx(reply, 'non-attendance-charges.xlsx', agencyTable(r.byAgency), 'Charges by agency')
  })

  app.get('/learning/charges/bookings.csv', { config: access }, async (request, reply) => {
    const r = await report(request)
    return sendCsv(reply, 'non-attendance-bookings.csv', chargedBookingTable(r.behind))
  })
}
