import type { FastifyInstance } from 'fastify'
import { formRoute } from '../form-route.ts'
import { dateParts } from '../forms.ts'
import { listRoute, wholeList } from '../list-route.ts'
import type { Query } from '../lists.ts'
import { londonParts } from '../london-time.ts'
import { can } from '../permissions.ts'
import { changeDay, holidaySchema, removeSchema, workingDaySchema } from './forms.ts'
import { calendarYears, changeSummary, holidayCsv, holidayRows, readYear, removalEffect } from './presenters.ts'
import { addChange, bankHolidaysIn, dayField, getChange, listChanges, removeChange, tableHoliday } from './service.ts'

const views = 'platform/bank-holidays/views'
const manage = { permission: 'calendar:manage' } as const

const today = () => londonParts(new Date()).date

/** Back to the year of the day just changed, saying what happened. */
const listOf = (day: string, done: 'added' | 'kept' | 'removed') => `/bank-holidays?year=${day.slice(0, 4)}&${done}=1`

function banner(query: Query) {
  if (query.added) return 'Bank holiday added'
  if (query.kept) return 'Bank holiday kept as a working day'
  if (query.removed) return 'Change removed: the day is as the England and Wales table has it'
  return null
}

export async function bankHolidayRoutes(app: FastifyInstance) {
  const db = app.db

  listRoute(app, {
    path: '/bank-holidays',
    permission: 'calendar:read',
    template: `${views}/bank-holidays.njk`,
    list: {
      columns: [
        { key: 'day', text: 'Date' },
        { key: 'name', text: 'Name' },
        { key: null, text: 'Source' },
      ],
      defaultSort: 'day',
      download: '/bank-holidays.csv',
      noun: ['bank holiday', 'bank holidays'],
    },
    filter: (query) => ({ year: readYear(query.year, today()) }),
    load: async (actor, { year, sort, direction }) => {
      const rows = await bankHolidaysIn(db, actor.partnershipId, year)
      const order = direction === 'asc' ? 1 : -1
      return wholeList(rows.sort((a, b) => order * (a[sort].localeCompare(b[sort]) || a.day.localeCompare(b.day))))
    },
    rows: (rows, actor) => holidayRows(rows, can(actor, 'calendar:manage')),
    csv: holidayCsv,
    context: async (actor, query) => {
      const year = readYear(query.year, today())
      const changedYears = (await listChanges(db, actor.partnershipId)).map((c) => Number(c.day.slice(0, 4)))
      return { year, years: calendarYears(year, today(), changedYears), flash: banner(query) }
    },
  })

  // Adding a day and keeping a table holiday as a working day: one form, a day and its name or reason.
  for (const [path, kind, schema, done] of [
    ['/bank-holidays/add', 'holiday', holidaySchema, 'added'],
    ['/bank-holidays/keep-working', 'working-day', workingDaySchema, 'kept'],
  ] as const)
    formRoute(app, {
      path,
      access: manage,
      template: `${views}/change-form.njk`,
      schema,
      extra: changeDay(kind),
      fieldOrder: [dayField, 'name'],
      context: () => ({ kind }),
      // The list's "Keep as a working day" link names the day: the form opens with it filled in.
      initialValues: ({ query }) => (query.day && tableHoliday(query.day) ? dateParts(query.day, 'day') : {}),
      save: async ({ actor }, input) => {
        await addChange(db, actor, kind, input)
        return listOf(input.day, done)
      },
    })

  formRoute(app, {
    path: '/bank-holidays/:id/remove',
    access: manage,
    template: `${views}/remove-change.njk`,
    schema: removeSchema,
    context: async ({ actor, params }) => {
      const change = await getChange(db, actor.partnershipId, params.id!)
      return { change, summary: changeSummary(change), effect: removalEffect(change, tableHoliday(change.day)) }
    },
    initialValues: (_request, { change }) => ({ version: change.version }),
    save: async ({ actor, params }, input) =>
      listOf((await removeChange(db, actor, params.id!, input.version)).day, 'removed'),
  })
}
