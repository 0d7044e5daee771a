import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import type { Page } from 'playwright-core'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage, Table } from './pages/page.ts'

/**
 * Performance data in the browser (issue 14's "done means"): the business unit imports a small file
 * in the shape the department publishes (2017/18, on top of the demo's years to 2016/17), sees the
 * scorecard and the exceptions, edits the statistical neighbours and sees their average change,
 * and opens an indicator's page with its chart. Every page is checked with axe. Selectors are the
 * visible text and labels the URL plan's pages show.
 */
const running = startHubAndBrowser()

const oxfordshire = { code: 'E10000025', old: '931', name: 'Oxfordshire', cpp: 47.9, second: 23.4 }
/** Oxfordshire's neighbours in 2017/18: child protection plans per 10,000 and second plans (one suppressed). */
const neighbours = [
  ['E10000002', '825', 'Buckinghamshire', 33.0, '19.1'],
  ['E10000003', '873', 'Cambridgeshire', 37.5, '21.0'],
  ['E10000013', '916', 'Gloucestershire', 41.0, '20.4'],
  ['E10000015', '919', 'Hertfordshire', 35.2, '18.8'],
  ['E10000031', '937', 'Warwickshire', 40.7, '22.5'],
  ['E06000037', '869', 'West Berkshire', 36.8, 'c'],
  ['E06000054', '865', 'Wiltshire', 40.3, '19.9'],
  ['E06000022', '800', 'Bath and North East Somerset', 34.9, '17.6'],
  ['E06000025', '803', 'South Gloucestershire', 39.0, '20.7'],
  ['E06000056', '823', 'Central Bedfordshire', 45.3, '21.3'],
] as const

const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length
const oneDecimal = (value: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(value)
/** 38.4 with all ten; 37.6 once Central Bedfordshire is no longer a neighbour. */
const averageOfTen = oneDecimal(mean(neighbours.map((n) => n[3])))
const averageOfNine = oneDecimal(mean(neighbours.filter((n) => n[2] !== 'Central Bedfordshire').map((n) => n[3])))

/** The department's long format: time period, geographic level, codes and names, one column per measure. */
function departmentFile() {
  const head =
    'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,cpp_rate,cpp_second_percent'
  const place = (level: string, region: [string, string] | null, la: [string, string, string] | null) =>
    ['201718', 'Financial year', level, 'E92000001', 'England', ...(region ?? ['', '']), ...(la ?? ['', '', ''])].join(
      ',',
    )
  const southEast: [string, string] = ['E12000008', 'South East']
  return [
    head,
    `${place('National', null, null)},45.3,20.2`,
    `${place('Regional', southEast, null)},46.2,21.1`,
    `${place('Local authority', southEast, [oxfordshire.code, oxfordshire.old, oxfordshire.name])},${oxfordshire.cpp},${oxfordshire.second}`,
    ...neighbours.map(
      ([code, old, name, cpp, second]) =>
        `${place('Local authority', southEast, [code, old, name])},${oneDecimal(cpp)},${second}`,
    ),
  ].join('\n')
}

const cppName = 'Child protection plans per 10,000 children'
const fileName = 'characteristics-of-children-in-need-2017-18.csv'

/** The child protection plan rate's row of the scorecard on the page, by its columns. */
async function cppOnScorecard(page: Page) {
  const caption = await page.getByRole('heading', { level: 1 }).innerText()
  const table = new Table(page.getByRole('table', { name: caption.replace('Performance scorecard', 'Scorecard') }))
  const row = (await table.column('Indicator')).indexOf(cppName)
  assert.notEqual(row, -1, 'the scorecard lists the child protection plan rate')
  const cell = async (column: string) => (await table.column(column))[row]
  return {
    period: await cell('Period'),
    value: await cell('Value'),
    neighbours: await cell('Statistical neighbours’ average'),
  }
}

describe('performance data in the browser', () => {
  let folder: string
  let file: string

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'performance-e2e-'))
    file = join(folder, fileName)
    await writeFile(file, departmentFile())
  })
  after(() => rm(folder, { recursive: true, force: true }))

  it('the business unit imports the department’s file, reads the scorecard and the exceptions, edits the neighbours and opens an indicator', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['business-unit'])

    // Import: upload, check every row, import.
    await page.goto('/performance/import/dfe')
    await new HubPage(page, 'Import the department’s statistics').verifyOnPage()
    await page.getByLabel('Upload a file').setInputFiles(file)
    await page.getByRole('button', { name: 'Upload and check' }).click()
    const importButton = page.getByRole('button', { name: 'Import 13 rows' })
    await importButton.waitFor()
    const batch = await new HubPage(page, fileName).verifyOnPage()
    await importButton.click()
    await page.getByText('The file has been imported').waitFor()
    await batch.verifyOnPage()

    // The scorecard opens at the newest year, 2017/18, with the file's values; the exceptions say why in a sentence.
    await page.goto('/performance')
    await new HubPage(page, 'Performance scorecard 2017/18').verifyOnPage()
    assert.deepEqual(await cppOnScorecard(page), { period: '2017/18', value: '47.9', neighbours: averageOfTen })
    await page.getByRole('link', { name: /^\d+ exceptions? in 2017\/18$/ }).click()
    await new HubPage(page, 'Exceptions 2017/18').verifyOnPage()
    const growth = oneDecimal((oxfordshire.cpp / 40.8 - 1) * 100) // 40.8 is the demo's 2014/15 value
    assert.ok(
      await page
        .getByText(`Children subject to child protection plans rose by ${growth}% from 2014/15 to 2017/18`)
        .isVisible(),
    )

    // The neighbours: Central Bedfordshire leaves, and the averages change, there and on the scorecard.
    await page.goto('/performance/neighbours')
    const editor = await new HubPage(page, 'Own authority and statistical neighbours').verifyOnPage()
    const averages = new Table(page.getByRole('table', { name: 'The neighbours’ averages' }))
    const cppAverage = async () =>
      (await averages.column('Neighbours’ average'))[(await averages.column('Measure')).indexOf(cppName)]
    assert.equal(await cppAverage(), averageOfTen)
    await page.getByLabel('Neighbour 10', { exact: true }).selectOption({ label: 'Not used' })
    await page.getByRole('button', { name: 'Save neighbours' }).click()
    await editor.verifyOnPage()
    assert.equal(await cppAverage(), averageOfNine)
    assert.equal(await page.getByLabel('Neighbour 10', { exact: true }).inputValue(), '', 'no longer a neighbour')

    await page.goto('/performance?year=2017-18')
    await new HubPage(page, 'Performance scorecard 2017/18').verifyOnPage()
    assert.deepEqual(await cppOnScorecard(page), { period: '2017/18', value: '47.9', neighbours: averageOfNine })

    // The indicator's page: the chart against its comparators, with the same numbers in a table.
    await page.getByRole('link', { name: cppName, exact: true }).click()
    await new HubPage(page, cppName).verifyOnPage()
    assert.ok(
      await page
        .getByRole('img', { name: new RegExp(cppName) })
        .first()
        .isVisible(),
    )
    const numbers = new Table(page.getByRole('table', { name: `${cppName}: the numbers` }))
    const periods = await numbers.column('Period')
    assert.equal(periods.at(-1), '2017/18')
    assert.equal((await numbers.column('Oxfordshire')).at(-1), '47.9')
    assert.equal((await numbers.column('Statistical neighbours’ average')).at(-1), averageOfNine)
  })
})
