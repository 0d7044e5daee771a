import type { FastifyInstance, FastifyRequest } from 'fastify'
import { countAudit, listAudit, type AuditFilter } from '../audit.ts'
import { ValidationError } from '../errors.ts'
import { filterQuery, pagination, type Query } from '../lists.ts'
import { listUsers } from '../accounts/users.ts'
import { dateInput } from '../forms.ts'
import { isUuid } from '../tokens.ts'
import { requireActor } from '../http.ts'
import { sendCsv } from '../exports.ts'
import { errorList } from '../forms.ts'
import { namesIn } from './history.ts'
import { auditActionLabels, auditCsvRows, auditRows, recordTypeLabel, type RecordTypes } from './presenters.ts'

const pageSize = 50

const londonOffset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })

/**
 * The log shows London times, so a day in the filter is a London day: in summer it starts at
 * 11pm UTC the evening before. Clocks change at 1am UTC, so the offset at UTC midnight is the day's.
 */
function startOfLondonDay(isoDate: string): Date {
  const utcMidnight = new Date(`${isoDate}T00:00:00Z`)
  const offset = londonOffset.formatToParts(utcMidnight).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const hours = Number(offset.match(/GMT([+-]\d+)/)?.[1] ?? 0)
  return new Date(utcMidnight.getTime() - hours * 3_600_000)
}

/** Reads the filter from the query string; a bad date is reported, not ignored. */
function readFilter(request: FastifyRequest, recordTypes: RecordTypes) {
  const query = (request.query ?? {}) as Query
  const errors: Record<string, string> = {}
  const filter: AuditFilter = {}
  if (query.actor && isUuid(query.actor)) filter.actorUserId = query.actor
  if (query.action && Object.hasOwn(auditActionLabels, query.action)) filter.action = query.action
  if (query.recordType && recordTypes.has(query.recordType)) filter.recordType = query.recordType
  if (query.recordId) filter.recordId = query.recordId.slice(0, 100)
  const from = dateInput(query, 'from', 'the from date', { required: false, min: '2000-01-01', max: '2100-12-31' })
  const to = dateInput(query, 'to', 'the to date', { required: false, min: '2000-01-01', max: '2100-12-31' })
  if (from.error) errors['from-day'] = from.error
  if (to.error) errors['to-day'] = to.error
  if (from.value) filter.from = startOfLondonDay(from.value)
  if (to.value) filter.to = startOfLondonDay(new Date(Date.parse(to.value) + 86_400_000).toISOString().slice(0, 10))
  if (filter.from && filter.to && filter.from >= filter.to)
    errors['to-day'] = 'The to date must be the same as or after the from date'
  return { filter, errors, query }
}

const n = (value: number) => value.toLocaleString('en-GB')

export async function auditLogRoutes(app: FastifyInstance) {
  const recordTypes = app.registry.recordTypes
  app.get('/audit-log', { config: { permission: 'audit:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const { filter, errors, query } = readFilter(request, recordTypes)
    const hasErrors = Object.keys(errors).length > 0
    const page = Math.max(1, Math.min(100_000, Number.parseInt(query.page ?? '1', 10) || 1))
    const [rows, total, users] = await Promise.all([
      hasErrors ? [] : listAudit(app.db, actor.partnershipId, filter, pageSize, (page - 1) * pageSize),
      hasErrors ? 0 : countAudit(app.db, actor.partnershipId, filter),
      listUsers(app.db, actor.partnershipId),
    ])
    // "Showing 1 to 50 of 1,270 entries": numbers as GOV.UK writes them, as in every list's count line.
    const [from, to] = [total ? (page - 1) * pageSize + 1 : 0, (page - 1) * pageSize + rows.length]
    const countText = `Showing ${n(from)} to ${n(to)} of ${n(total)} ${total === 1 ? 'entry' : 'entries'}.`
    return reply.code(hasErrors ? 400 : 200).view('platform/audit-log/views/audit-log.njk', {
      rows: auditRows(rows, recordTypes, await namesIn(app, actor.partnershipId, rows)),
      total,
      countText,
      pagination: pagination(page, pageSize, total, query),
      query,
      errors,
      errorList: errorList(errors),
      actorItems: [
        { value: '', text: 'Anyone' },
        ...users.map((u) => ({ value: u.id, text: u.name, selected: u.id === query.actor })),
      ],
      actionItems: [
        { value: '', text: 'Anything' },
        ...Object.entries(auditActionLabels).map(([value, text]) => ({
          value,
          text,
          selected: value === query.action,
        })),
      ],
      recordTypeItems: [
        { value: '', text: 'Any' },
        ...[...recordTypes.keys()].map((t) => ({
          value: t,
          text: recordTypeLabel(recordTypes, t),
          selected: t === query.recordType,
        })),
      ],
      downloadHref: `/audit-log/download.csv${filterQuery(query)}`,
    })
  })

  app.get('/audit-log/download.csv', { config: { permission: 'audit:read' } }, async (request, reply) => {
    const actor = requireActor(request)
    const { filter, errors } = readFilter(request, recordTypes)
    // The problem page lists what is wrong, as the log's own page would.
    if (Object.keys(errors).length) throw new ValidationError(errors)
    const rows = await listAudit(app.db, actor.partnershipId, filter, 100_000)
    return sendCsv(reply, 'audit-log.csv', auditCsvRows(rows))
  })
}
