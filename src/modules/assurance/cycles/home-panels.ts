import type { HomePanel } from '../../../platform/modules.ts'
import { formatDate } from '../../../platform/views.ts'
import type { FrameworkKind } from '../audit-schema.ts'
import { overdueReturns, ownReturnsDue } from './lifecycle.ts'

const returnNoun: Record<FrameworkKind, [string, string]> = {
  'section-11': ['section 11 return', 'section 11 returns'],
  schools: ['schools’ audit return', 'schools’ audit returns'],
}

/** The business unit's count of overdue returns, by kind: "3 section 11 returns overdue". */
export const overduePanel: HomePanel = {
  permission: 'assurance:manage',
  load: async (db, actor) => {
    const overdue = await overdueReturns(db, actor)
    const items = (['section-11', 'schools'] as const)
      .map((kind) => ({ kind, count: overdue.filter((r) => r.kind === kind).length }))
      .filter((k) => k.count)
      .map(({ kind, count }) => ({
        text: `${count} ${returnNoun[kind][count === 1 ? 0 : 1]} overdue`,
        href: '/assurance/overdue',
      }))
    return {
      title: 'Audit returns overdue',
      items,
      empty: 'No audit return is overdue.',
      link: { href: '/assurance/cycles', text: 'See the audit cycles' },
    }
  },
}

/** An agency lead's own returns to complete: "Your section 11 return is due on 30 November 2016". */
export const ownReturnPanel: HomePanel = {
  permission: 'assurance:respond',
  load: async (db, actor) => {
    if (!actor.agencyId || !actor.roles.includes('agency-lead')) return null
    const due = await ownReturnsDue(db, actor)
    if (!due.length) return null
    return {
      title: 'Your audit returns',
      items: due.map((r) => ({
        text: `Your ${returnNoun[r.kind][0]} is due on ${formatDate(r.dueOn)}`,
        href: `/assurance/returns/${r.id}`,
        hint: r.cycleName,
      })),
    }
  },
}
