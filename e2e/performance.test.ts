import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

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

describe('performance data in the browser', () => {
  let folder: string
  let file: string

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'performance-e2e-'))
    file = join(folder, 'characteristics-of-children-in-need-2017-18.csv')
    await writeFile(file, departmentFile())
  })
  after(() => rm(folder, { recursive: true, force: true }))

  it('the business unit imports the department’s file, reads the scorecard and the exceptions, edits the neighbours and opens an indicator', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['business-unit'])

    // Import: upload, check, import.
    const opened = await page.goto('/performance/import/dfe')
    // The import, scorecard and neighbours pages come from their own branches; until they are merged there is nothing to drive.
    if (opened?.status() === 404) return t.skip('the performance pages are not in this branch yet')
    await new HubPage(page, /department/i).verifyOnPage()
    await page.getByLabel('Upload a file').setInputFiles(file)
    await page.getByRole('button', { name: 'Upload and check' }).click()
    await page.getByRole('button', { name: /^Import \d+ rows?$/ }).click()
    await page.getByText('The file has been imported').waitFor()
    await new HubPage(page, /department/i).verifyOnPage()

    // The scorecard for 2017/18 has the new values; the exceptions say why in a sentence.
    await page.goto('/performance?year=2017-18')
    await new HubPage(page, /scorecard|performance/i).verifyOnPage()
    const cppRow = page.getByRole('row', { name: /Child protection plans per 10,000 children/ }).first()
    assert.match(await cppRow.innerText(), /47\.9/)
    assert.match(await cppRow.innerText(), new RegExp(averageOfTen.replace('.', '\\.')))

    await page.goto('/performance/exceptions?year=2017-18')
    await new HubPage(page, /exceptions/i).verifyOnPage()
    assert.ok(
      await page
        .getByText(/Children subject to child protection plans rose by [\d.]+% from 2014\/15 to 2017\/18/)
        .first()
        .isVisible(),
    )

    // The neighbours: Central Bedfordshire leaves, and the average changes.
    await page.goto('/performance/neighbours')
    const editor = await new HubPage(page, /statistical neighbours/i).verifyOnPage()
    await page.getByRole('button', { name: /Remove Central Bedfordshire/ }).click()
    await editor.verifyOnPage()
    assert.equal(await page.getByRole('button', { name: /Remove Central Bedfordshire/ }).count(), 0, 'no longer listed')
    await page.goto('/performance?year=2017-18')
    await new HubPage(page, /scorecard|performance/i).verifyOnPage()
    const changed = await page
      .getByRole('row', { name: /Child protection plans per 10,000 children/ })
      .first()
      .innerText()
    assert.match(changed, new RegExp(averageOfNine.replace('.', '\\.')), `the average of nine is ${averageOfNine}`)
    assert.doesNotMatch(changed, new RegExp(`\\b${averageOfTen.replace('.', '\\.')}\\b`))

    // The indicator's page: the chart against its comparators, with the same numbers in a table.
    await page.getByRole('link', { name: 'Child protection plans per 10,000 children' }).first().click()
    await new HubPage(page, 'Child protection plans per 10,000 children').verifyOnPage()
    assert.ok(
      await page
        .getByRole('img', { name: /Child protection plans per 10,000 children/ })
        .first()
        .isVisible(),
    )
    assert.ok(await page.getByRole('cell', { name: '47.9', exact: true }).first().isVisible())
  })
})
