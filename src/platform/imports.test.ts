import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, it } from 'node:test'

/** Every import in src/platform/ (tests aside), resolved: none may reach into src/modules/. */
describe('the platform', () => {
  it('imports no module', () => {
    const platform = import.meta.dirname
    const modules = resolve(platform, '../modules')
    const files = readdirSync(platform, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    )
    assert.ok(files.length > 20, 'the platform seems to have no files')
    const offenders = files.flatMap((file) => {
      const path = join(platform, file)
      const specifiers = [...readFileSync(path, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)]
      return specifiers
        .map((match) => match[1]!)
        .filter((specifier) => specifier.startsWith('.') && resolve(path, '..', specifier).startsWith(modules))
        .map((specifier) => `${relative(platform, path)} imports ${specifier}`)
    })
    assert.deepEqual(offenders, [])
  })
})
