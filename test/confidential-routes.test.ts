import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { registry } from '../src/app.ts'
import { confidentialAccess } from '../src/platform/confidential/schema.ts'
import type { RouteDeclaration } from '../src/platform/http.ts'
import { roles, type Role } from '../src/platform/permissions.ts'
import { insertAgency, insertMembership, insertUser } from './builders/index.ts'
import { buildTestApp, demoEmail, type Session, type TestApp } from './helpers/app.ts'
import { routeIds, routeTable } from './helpers/routes.ts'

/**
 * The confidentiality walk: every route that declares `confidential`, as an outsider who holds
 * every role that reads such records (but the business unit and the chair, whom case reviews always
 * name), sits on a group that is not the case review subgroup and leads an agency that owns no
 * recommendation. A route holding a record's id is a 404 to them, GET or POST; a list shows them
 * none of the records' ids. The business unit, whom every case review names, gets no 404 on the
 * same routes, so the walk can fail.
 */

/** The roles that hold a permission, whole or scoped. */
const rolesWith = (route: RouteDeclaration): Role[] =>
  roles.filter((role) => route.permission && registry.permissions.get(route.permission)?.[role] !== undefined)

/** The business unit and the chair see every case review: an outsider is anyone else. */
const alwaysNamed: readonly Role[] = ['business-unit', 'chair']

async function outsiderAccount(testApp: TestApp, confidential: RouteDeclaration[]) {
  const { db } = testApp.database
  const outsiderRoles = [...new Set(confidential.flatMap(rolesWith))].filter((role) => !alwaysNamed.includes(role))
  const agency = await insertAgency(db, testApp.partnershipId)
  // A seat on a group of their own: a group, just not one that sees case reviews.
  const { personId } = await insertMembership(db, testApp.partnershipId, { startsOn: '2015-04-01' })
  const password = 'outside looking in, never through'
  const account = await insertUser(db, testApp.partnershipId, {
    name: 'Olly Outsider',
    roles: outsiderRoles,
    personId,
    agencyId: agency.id,
    password,
  })
  return { ...account, password, roles: outsiderRoles }
}

/** Every confidential record's id in the partnership: what no outsider's page may hold. */
async function confidentialIds(testApp: TestApp) {
  const rows = await testApp.database.db
    .select({ id: confidentialAccess.recordId })
    .from(confidentialAccess)
    .where(eq(confidentialAccess.partnershipId, testApp.partnershipId))
  return rows.map((r) => r.id)
}

/**
 * Where a confidential record lives: its route's path up to the record's id ("/case-reviews",
 * "/assurance/returns"). Every route under it declares `confidential`; a module's other pages
 * beside it ("/assurance/frameworks") need not.
 */
const section = (route: RouteDeclaration) =>
  route.url
    .split('/')
    .slice(
      0,
      route.url.split('/').findIndex((part) => part.startsWith(':')),
    )
    .join('/')
const inSection = (url: string, at: string) => url === at || url.startsWith(`${at}/`) || url.startsWith(`${at}.`)

const request = (session: Session, route: RouteDeclaration, url: string) =>
  route.method === 'GET' ? session.get(url) : session.post(url)

describe('confidential records by every route', () => {
  it('an outsider gets 404 for every record and sees no record’s id in any list; the business unit gets no 404', async (t) => {
    const testApp = await buildTestApp(t)
    const confidential = routeTable(testApp.app).filter((route) => route.confidential)
    const withParam = confidential.filter((route) => route.confidential!.param)
    const lists = confidential.filter((route) => !route.confidential!.param)

    assert.ok(withParam.length > 0, 'at least one confidential route holds a record’s id')
    assert.ok(lists.length > 0, 'at least one confidential route lists records')

    // Declared as the walk needs: a route holding an id names it, and its neighbours declare too.
    const failures: string[] = []
    for (const route of lists)
      if (/:(id|\w+Id)\b/.test(route.url))
        failures.push(`${route.method} ${route.url}: holds an id but declares no param, so nothing guards it`)
    const sections = new Set(withParam.map(section))
    for (const route of routeTable(testApp.app))
      if (!route.confidential && !route.public && [...sections].some((at) => inSection(route.url, at)))
        failures.push(`${route.method} ${route.url}: beside confidential routes, declares no confidential`)

    const concreteUrl = await routeIds(testApp)
    const ids = new Set(await confidentialIds(testApp))
    // The ids the walk fills the routes with (the modules' matrixIds) are confidential records too.
    for (const route of withParam) {
      const at = route.url.split('/').findIndex((part) => part.startsWith(`:${route.confidential!.param}`))
      ids.add(concreteUrl(route.url).split('/')[at]!.slice(0, 36))
    }
    assert.ok(ids.size > 0, 'the demo holds confidential records')
    const leaked = (body: string) => [...ids].filter((id) => body.includes(id))

    const outsider = await outsiderAccount(testApp, confidential)
    const outside = await testApp.signIn(outsider.email, outsider.password, { remoteAddress: '10.1.0.1' })
    let walkedWithPermission = 0
    for (const route of confidential) {
      const url = concreteUrl(route.url)
      const name = `${route.method} ${route.url} as an outsider (${outsider.roles.join(', ')})`
      const response = await request(outside, route, url)
      const permitted = rolesWith(route).some((role) => outsider.roles.includes(role))
      if (!permitted) {
        // Refused by permission before the record is looked at (the permission matrix's 403).
        if (response.statusCode !== 403) failures.push(`${name}: should be 403, got ${response.statusCode}`)
        continue
      }
      if (route.confidential!.param) {
        walkedWithPermission++
        if (response.statusCode !== 404) failures.push(`${name}: should be 404, got ${response.statusCode}`)
      } else if (route.method === 'GET' && ![200, 302, 303].includes(response.statusCode)) {
        failures.push(`${name}: a list should open, got ${response.statusCode}`)
      } else if (response.statusCode >= 500) failures.push(`${name}: failed with ${response.statusCode}`)
      const shown = leaked(response.body)
      if (shown.length) failures.push(`${name}: shows the ids ${shown.join(', ')}`)
    }
    assert.ok(walkedWithPermission > 0, 'the outsider holds the permission of at least one route with an id')

    const inside = await testApp.signIn(demoEmail['business-unit'], undefined, { remoteAddress: '10.1.0.2' })
    let listsShowingIds = 0
    for (const route of confidential) {
      const response = await request(inside, route, concreteUrl(route.url))
      const name = `${route.method} ${route.url} as the business unit`
      if (response.statusCode === 404) failures.push(`${name}: should not be 404`)
      if (response.statusCode >= 500) failures.push(`${name}: failed with ${response.statusCode}`)
      if (!route.confidential!.param && leaked(response.body).length) listsShowingIds++
    }
    assert.deepEqual(failures, [], `${failures.length} confidential route checks failed`)
    assert.ok(listsShowingIds > 0, 'the business unit’s lists show record ids, so their absence above means something')
  })
})
