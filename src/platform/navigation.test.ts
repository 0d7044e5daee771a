import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { SignedInUser } from './accounts/sessions.ts'
import type { Registry } from './modules.ts'
import { mainNavigation } from './navigation.ts'

/** The service navigation marks the section a page is in: one section, the nearest, never two. */

const registry = {
  navigation: [
    { href: '/', text: 'Home', permission: null, order: 0 },
    { href: '/actions', text: 'Actions', permission: 'actions:read', order: 45 },
    { href: '/actions/mine', text: 'My actions', permission: null, order: 46 },
  ],
} as unknown as Registry

const person = (permissions: string[]) =>
  ({ kind: 'user', grants: new Map(permissions.map((p) => [p, new Set()])) }) as unknown as SignedInUser

const marked = (actor: SignedInUser, path: string) =>
  mainNavigation(registry, actor, path)
    .filter((item) => item.active)
    .map((item) => item.text)

describe('mainNavigation', () => {
  const reader = person(['actions:read'])

  it('marks the nearest section when one address lies within another', () => {
    assert.deepEqual(marked(reader, '/actions/mine'), ['My actions'])
    assert.deepEqual(marked(reader, '/actions/8c3f6f1e-2a8e-4a7b-9d55-7b1f0f6c1a11'), ['Actions'])
    assert.deepEqual(marked(reader, '/actions'), ['Actions'])
    assert.deepEqual(marked(reader, '/'), ['Home'])
    assert.deepEqual(marked(reader, '/directory'), [])
  })

  it('shows only the sections the person may open, and marks their own section for someone without the wider one', () => {
    const owner = person([])
    assert.deepEqual(
      mainNavigation(registry, owner, '/actions/mine').map((item) => [item.text, item.active]),
      [
        ['Home', false],
        ['My actions', true],
      ],
    )
  })
})
