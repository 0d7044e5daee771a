import { defineModule, everyRole } from '../modules.ts'
import { dayWithWeekday } from '../views.ts'
import { changeKindLabels } from './presenters.ts'
import { bankHolidayRoutes } from './routes.ts'
import { addChange, listChanges, type ChangeKind } from './service.ts'

/**
 * Bank holidays: the England and Wales table every working-day deadline counts with, and the
 * partnership's own changes to it (a day added, a table holiday kept as a working day). Part of
 * the platform; working-days.ts `partnershipCalendar` applies the changes.
 */
export const bankHolidaysModule = defineModule({
  name: 'bank-holidays',
  permissions: {
    'calendar:read': {
      description: 'See the bank holidays that deadlines in working days skip',
      roles: everyRole(),
    },
    'calendar:manage': {
      description: 'Add a bank holiday, or keep one as a working day, for the partnership',
      roles: { administrator: true, 'business-unit': true },
    },
  },
  routes: bankHolidayRoutes,
  navigation: [{ href: '/bank-holidays', text: 'Bank holidays', permission: 'calendar:manage', order: 930 }],
  recordTypes: {
    'working-day-change': {
      label: 'Bank holiday change',
      href: () => '/bank-holidays',
      fields: { day: 'Date', kind: 'Change', name: 'Name or reason' },
      formats: {
        day: (value) => dayWithWeekday(String(value)),
        kind: (value) => changeKindLabels[value as ChangeKind] ?? String(value),
      },
    },
  },
  // New Year's Day 2031, after the built-in table ends: how a partnership adds a day announced later.
  seed: async (db, { actor }) => {
    await addChange(db, actor, 'holiday', { day: '2031-01-01', name: 'New Year’s Day' })
  },
  matrixIds: async (db, partnershipId) => {
    const [change] = await listChanges(db, partnershipId)
    return { '/bank-holidays/:id': change!.id }
  },
})
