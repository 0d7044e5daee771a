import type { Permission } from '../../platform/permissions.ts'

/** The learning pages' own navigation, shown above each of them (an item with a permission only to those who have it). */
export function learningNavigation(current: string) {
  const items: { text: string; href: string; permission?: Permission }[] = [
    { text: 'Events', href: '/learning/events' },
    { href: '/learning/courses', text: 'Courses' },
    { href: '/learning/e-learning', text: 'E-learning', permission: 'learning:manage' },
    // People's details and the partnership's settings: shown to those who may manage learning (_learning.njk).
    { href: '/learning/learners', text: 'Learners', permission: 'learning:manage' },
    { href: '/learning/charges', text: 'Charges', permission: 'learning:manage' },
    { href: '/learning/reach', text: 'Reach' },
    { href: '/learning/settings', text: 'Settings', permission: 'learning:manage' },
  ]
  return items.map((item) => ({ ...item, active: current === item.href }))
}
