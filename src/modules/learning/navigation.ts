/** The learning pages' own navigation, shown above each of them. */
export function learningNavigation(current: string) {
  return [
    { text: 'Events', href: '/learning/events' },
    { href: '/learning/courses', text: 'Courses' },
    { href: '/learning/reach', text: 'Reach' },
  ].map((item) => ({ ...item, active: current === item.href }))
}
