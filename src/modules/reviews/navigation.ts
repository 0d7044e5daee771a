import type { Permission } from '../../platform/permissions.ts'

/** The case reviews pages' own navigation (an item with a permission only for those who have it: _reviews.njk). */
export function reviewsNavigation(current: string) {
  const items: { text: string; href: string; permission?: Permission }[] = [
    { text: 'Cases', href: '/case-reviews', permission: 'reviews:read' },
    { text: 'Clocks due soon or overdue', href: '/case-reviews/clocks', permission: 'reviews:read' },
    // An agency lead reaches this one alone: their agency's recommendations.
    { text: 'Recommendations', href: '/case-reviews/recommendations', permission: 'reviews:recommendations' },
    { text: 'Themes across reviews', href: '/case-reviews/themes', permission: 'reviews:read' },
    { text: 'Who can see case reviews', href: '/case-reviews/settings', permission: 'reviews:settings' },
  ]
  return items.map((item) => ({ ...item, active: current === item.href }))
}
