import type { HomePanel } from '../../../platform/modules.ts'
import { caseReviewGroupIds, caseReviewRoles } from '../access.ts'
import { clocksDue, dueSoonWorkingDays } from './clocks-due.ts'
import { clockDueItems } from './presenters.ts'

/**
 * "Case review clocks" on the home page: the overdue and due soon, of the cases this person sees;
 * nothing for someone the case reviews do not name (a member of another subgroup).
 */
export const clocksPanel: HomePanel = {
  permission: 'reviews:read',
  load: async (db, actor) => {
    const items = clockDueItems(await clocksDue(db, actor))
    if (!items.length) {
      const groups = await caseReviewGroupIds(db, actor.partnershipId)
      const named =
        actor.roles.some((role) => caseReviewRoles.includes(role)) ||
        (actor.groupIds ?? []).some((id) => groups.includes(id))
      if (!named) return null
    }
    return {
      title: 'Case review clocks',
      items,
      empty: `No statutory clocks are overdue or due in the next ${dueSoonWorkingDays} working days.`,
      link: { href: '/case-reviews/clocks', text: 'Clocks due soon or overdue' },
    }
  },
}
