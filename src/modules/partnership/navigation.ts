/** The directory's sub-navigation (MOJ pattern). */
export function directoryNavigation(current: string) {
  return [
    { text: 'Partnership', href: '/directory/partnership' },
    { text: 'Agencies', href: '/directory/agencies' },
    { text: 'People', href: '/directory/people' },
    { text: 'Groups', href: '/directory/groups' },
    { text: 'Memberships', href: '/directory/memberships' },
  ].map((item) => ({ ...item, active: item.href === current }))
}
