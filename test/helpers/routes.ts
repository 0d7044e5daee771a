import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { registry } from '../../src/app.ts'
import { declaredRoutes, type RouteDeclaration } from '../../src/platform/http.ts'
import { insertUser } from '../builders/index.ts'
import type { TestApp } from './app.ts'
import { outboxTo } from './outbox.ts'

/** Every route the app declared, with the permission (or signedIn / public) it declared. */
export function routeTable(app: FastifyInstance): RouteDeclaration[] {
  const routes = (app as unknown as Record<symbol, RouteDeclaration[]>)[declaredRoutes]
  assert.ok(routes && routes.length > 30, 'the route table is missing or suspiciously short')
  return [...routes]
}

/**
 * Fills a route pattern's parameters with real ids, so each route can be walked: the ids each
 * module gives in its registration (`matrixIds`, keyed by the pattern up to the parameter), a
 * throwaway account for the account routes (disabling it breaks nobody's session) and its
 * invitation for the outbox's, and any `more` the test gives. A `:token` not given gets a random
 * one, which no link has.
 */
export async function routeIds(testApp: TestApp, more: Record<string, string> = {}): Promise<(url: string) => string> {
  const { database, partnershipId } = testApp
  const throwaway = await insertUser(database.db, partnershipId, { name: 'Throwaway Account' })
  const [invitation] = await outboxTo(database.db, throwaway.email)
  const ids: Record<string, string> = { '/users/:id': throwaway.id, '/outbox/:id': invitation!.id }
  for (const module of registry.modules) Object.assign(ids, await module.matrixIds?.(database.db, partnershipId))
  Object.assign(ids, more)

  return (url) => {
    let concrete = url
    for (const match of url.matchAll(/:(\w+)/g)) {
      const pattern = url.slice(0, match.index + match[0].length)
      if (match[1] === 'token' && !ids[pattern]) {
        concrete = concrete.replace(':token', randomBytes(16).toString('hex'))
        continue
      }
      assert.ok(ids[pattern], `no id for ${pattern}: add one to its module's matrixIds`)
      concrete = concrete.replace(`:${match[1]}`, ids[pattern]!)
    }
    return concrete
  }
}
