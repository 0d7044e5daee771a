import { and, asc, eq, ne, sql, type SQL } from 'drizzle-orm'
import type { Database } from '../../db/index.ts'
import { matchesWords } from '../../platform/lists.ts'
import type { Actor } from '../../platform/permissions.ts'
import { agencies, people } from '../partnership/schema.ts'
import { ownActions, readableActions } from './access.ts'
import type { StatusFilter } from './labels.ts'
import { actions } from './schema.ts'
import { isOverdue, shownStatusSql, todayInLondon } from './service.ts'

/**
 * The tracker's lists: every action the person may read (/actions) and their own (/actions/mine),
 * filtered by status, owner, agency and source, each page and its downloads from the same query.
 */

export const actionSorts = ['due', 'description', 'source', 'owner', 'agency', 'status'] as const
export type ActionSort = (typeof actionSorts)[number]

export interface ActionFilter {
  /** A shown status ("overdue" included), or "open" for any not complete. */
  status?: StatusFilter
  agencyId?: string
  personId?: string
  sourceType?: string
  /** Words of the description, the source, the owner or the agency. */
  search?: string
  /** Only the person's own actions, open ones first (My actions). */
  mine?: boolean
  /** London's date, which decides "overdue"; today unless a test says otherwise. */
  today?: string
}

export type ActionListFilter = ActionFilter & { sort: ActionSort; direction: 'asc' | 'desc' }

function statusCondition(status: StatusFilter, today: string): SQL {
  if (status === 'open') return ne(actions.status, 'complete')
  if (status === 'overdue') return isOverdue(today)
  if (status === 'complete') return eq(actions.status, 'complete')
  // What the owner said, while it is not overdue: the status column shows the same.
  return and(eq(actions.status, status), sql`${actions.dueOn} >= ${today}`)!
}

function conditions(actor: Actor, filter: ActionFilter, today: string) {
  return and(
    eq(actions.partnershipId, actor.partnershipId),
    readableActions(actor),
    filter.mine ? ownActions(actor) : undefined,
    filter.status ? statusCondition(filter.status, today) : undefined,
    filter.agencyId ? eq(actions.ownerAgencyId, filter.agencyId) : undefined,
    filter.personId ? eq(actions.ownerPersonId, filter.personId) : undefined,
    filter.sourceType ? eq(actions.sourceType, filter.sourceType) : undefined,
    filter.search
      ? matchesWords(filter.search, [actions.description, actions.sourceLabel, people.name, agencies.name])
      : undefined,
  )
}

export const actionColumns = (today: string) => ({
  id: actions.id,
  description: actions.description,
  sourceType: actions.sourceType,
  sourceId: actions.sourceId,
  sourceLabel: actions.sourceLabel,
  sourceHref: actions.sourceHref,
  ownerPersonId: actions.ownerPersonId,
  ownerName: people.name,
  ownerAgencyId: actions.ownerAgencyId,
  agencyName: agencies.name,
  dueOn: actions.dueOn,
  status: actions.status,
  shownStatus: shownStatusSql(today),
  evidence: actions.evidence,
  completedOn: actions.completedOn,
  version: actions.version,
})

/** The most pressing first when sorted by status: overdue, at risk, not started, on track, complete. */
const statusOrder = (today: string) =>
  sql`case ${shownStatusSql(today)} when 'overdue' then 0 when 'at-risk' then 1 when 'not-started' then 2 when 'on-track' then 3 else 4 end`

/** A page of actions (all of them without `page`), in the list's order. */
export function listActions(
  db: Database,
  actor: Actor,
  filter: ActionListFilter,
  page?: { limit: number; offset: number },
) {
  const today = filter.today ?? todayInLondon()
  const order = {
    due: sql`${actions.dueOn}`,
    description: sql`lower(${actions.description})`,
    source: sql`lower(${actions.sourceLabel})`,
    owner: sql`lower(${people.sortName})`,
    agency: sql`lower(${agencies.name})`,
    status: statusOrder(today),
  }[filter.sort]
  return db
    .select(actionColumns(today))
    .from(actions)
    .leftJoin(people, eq(people.id, actions.ownerPersonId))
    .leftJoin(agencies, eq(agencies.id, actions.ownerAgencyId))
    .where(conditions(actor, filter, today))
    .orderBy(
      ...(filter.mine ? [sql`(${actions.status} = 'complete')`] : []),
      filter.direction === 'desc' ? sql`${order} desc nulls last` : sql`${order} asc nulls last`,
      asc(actions.dueOn),
      asc(actions.createdAt),
      asc(actions.id),
    )
    .limit(page?.limit ?? 100_000)
    .offset(page?.offset ?? 0)
}

export type ActionRow = Awaited<ReturnType<typeof listActions>>[number]

export async function countActions(db: Database, actor: Actor, filter: ActionFilter) {
  const today = filter.today ?? todayInLondon()
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(actions)
    .leftJoin(people, eq(people.id, actions.ownerPersonId))
    .leftJoin(agencies, eq(agencies.id, actions.ownerAgencyId))
    .where(conditions(actor, filter, today))
  return row?.count ?? 0
}

/** The owners, agencies and kinds of source among the actions the person may read: the filters' choices. */
export async function actionFilterChoices(db: Database, actor: Actor, options: { mine?: boolean } = {}) {
  const visible = and(
    eq(actions.partnershipId, actor.partnershipId),
    readableActions(actor),
    options.mine ? ownActions(actor) : undefined,
  )
  const [owners, agencyList, sourceTypes] = await Promise.all([
    db
      .selectDistinct({ id: people.id, name: people.name, sortName: people.sortName })
      .from(actions)
      .innerJoin(people, eq(people.id, actions.ownerPersonId))
      .where(visible)
      .orderBy(asc(people.sortName), asc(people.name)),
    db
      .selectDistinct({ id: agencies.id, name: agencies.name })
      .from(actions)
      .innerJoin(agencies, eq(agencies.id, actions.ownerAgencyId))
      .where(visible)
      .orderBy(asc(agencies.name)),
    db.selectDistinct({ type: actions.sourceType }).from(actions).where(visible).orderBy(asc(actions.sourceType)),
  ])
  return {
    owners: owners.map(({ id, name }) => ({ id, name })),
    agencies: agencyList,
    sourceTypes: sourceTypes.map((row) => row.type),
  }
}
