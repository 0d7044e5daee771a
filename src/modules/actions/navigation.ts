import type { Permission } from '../../platform/permissions.ts'

/** The tracker's own navigation above its lists: "All actions" only for those who may read them. */
export function actionsNavigation(current: string) {
  const items: { text: string; href: string; permission?: Permission }[] = [
    { text: 'All actions', href: '/actions', permission: 'actions:read' },
    { text: 'My actions', href: '/actions/mine' },
  ]
  return items.map((item) => ({ ...item, active: current === item.href }))
}
