import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import nunjucks from 'nunjucks'
import { codeToWords, configureNunjucks, formatDate, formatDateTime } from './views.ts'

/**
 * Dates are shown as a person in the UK reads them, whatever the server's time zone: GOV.UK style,
 * London time, summer time included. The environment carries only the filters templates use.
 */

describe('formatDate', () => {
  const cases: [input: unknown, shown: string, why: string][] = [
    [new Date('2026-11-25T14:05:00Z'), '25 November 2026', 'in winter (GMT)'],
    [new Date('2026-06-15T12:00:00Z'), '15 June 2026', 'in summer (BST)'],
    [
      new Date('2017-06-14T23:30:00Z'),
      '15 June 2017',
      'half past eleven UTC in summer is already the next day in London',
    ],
    [new Date('2026-12-31T23:30:00Z'), '31 December 2026', 'half past eleven UTC in winter is still the same day'],
    ['2024-09-01', '1 September 2024', 'a stored date (yyyy-mm-dd)'],
    ['2016-04-01T00:00:00.000Z', '1 April 2016', 'an ISO timestamp as text'],
    [null, '', 'no date'],
    [undefined, '', 'no date'],
    ['', '', 'an empty field'],
    ['not a date', '', 'text that is not a date'],
  ]
  for (const [input, shown, why] of cases) {
    it(`${why}: ${JSON.stringify(input)} → “${shown}”`, () => assert.equal(formatDate(input), shown))
  }
})

describe('formatDateTime', () => {
  const cases: [input: string, shown: string, why: string][] = [
    ['2026-01-15T14:05:00Z', '15 January 2026 at 2:05pm', 'in winter London is on UTC'],
    ['2026-06-15T13:05:00Z', '15 June 2026 at 2:05pm', 'in summer London is an hour ahead'],
    ['2026-01-15T00:30:00Z', '15 January 2026 at 12:30am', 'half past midnight is 12:30am, not 0:30am'],
    ['2017-06-14T23:30:00Z', '15 June 2017 at 12:30am', 'midnight in summer time falls on the next UTC day'],
    ['2026-01-15T12:00:00Z', '15 January 2026 at 12:00pm', 'noon'],
    ['2026-03-29T00:59:00Z', '29 March 2026 at 12:59am', 'the last minute of GMT before the clocks go forward'],
    ['2026-03-29T01:00:00Z', '29 March 2026 at 2:00am', 'the first minute of BST'],
    ['2026-10-25T00:30:00Z', '25 October 2026 at 1:30am', 'the first 1:30am of the night the clocks go back (BST)'],
    ['2026-10-25T01:30:00Z', '25 October 2026 at 1:30am', 'the second 1:30am of that night (GMT)'],
  ]
  for (const [input, shown, why] of cases) {
    it(`${why}: ${input} → “${shown}”`, () => assert.equal(formatDateTime(new Date(input)), shown))
  }

  it('shows nothing for no date or a date it cannot read', () => {
    assert.deepEqual([null, undefined, '', 'yesterday'].map(formatDateTime), ['', '', '', ''])
  })
})

describe('codeToWords', () => {
  it('turns a stored code into words with a capital letter, for codes that have no label of their own', () => {
    assert.equal(codeToWords('vice-chair'), 'Vice chair')
    assert.equal(codeToWords('voluntary-and-community-sector'), 'Voluntary and community sector')
    assert.equal(codeToWords('pending'), 'Pending')
    assert.equal(codeToWords(''), '')
  })
})

/** The names of the filters the app's templates use, from every .njk file under src/. */
function filtersUsedInTemplates(): Map<string, string> {
  const root = join(import.meta.dirname, '..')
  const used = new Map<string, string>()
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name)
      if (entry.isDirectory()) visit(path)
      else if (entry.name.endsWith('.njk')) {
        const text = readFileSync(path, 'utf8')
        for (const [tag] of text.matchAll(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g))
          for (const [, name] of tag.matchAll(/\|\s*([A-Za-z_]\w*)/g)) used.set(name!, path.slice(root.length + 1))
      }
    }
  }
  visit(root)
  return used
}

const filtersOf = (env: nunjucks.Environment) => Object.keys((env as unknown as { filters: object }).filters)

describe('the Nunjucks environment', () => {
  it('formats a date and time through the dateTime filter', () => {
    const env = configureNunjucks(new nunjucks.Environment(null, { autoescape: true }))
    assert.equal(
      env.renderString('<time>{{ at | dateTime }}</time>', { at: new Date('2017-06-14T23:30:00Z') }),
      '<time>15 June 2017 at 12:30am</time>',
    )
    assert.equal(env.renderString('{{ at | dateTime }}', { at: null }), '')
  })

  it('has every filter a template uses, and no filter of its own that no template uses', () => {
    const builtIn = new Set(filtersOf(new nunjucks.Environment()))
    const env = configureNunjucks(new nunjucks.Environment())
    const ours = filtersOf(env).filter((name) => !builtIn.has(name))
    const used = filtersUsedInTemplates()
    assert.ok(used.size > 0, 'no template uses a filter: the scan is broken')

    const missing = [...used].filter(([name]) => !filtersOf(env).includes(name)).map(([n, file]) => `${n} (${file})`)
    assert.deepEqual(missing, [], 'templates use filters that are not registered')
    assert.deepEqual(
      ours.filter((name) => !used.has(name)),
      [],
      'filters are registered that no template uses: delete them',
    )
    assert.deepEqual(ours, ['dateTime'])
  })
})
