import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage, Table } from './pages/page.ts'
import { ReportPage, ReportsPage } from './pages/reports.ts'

/**
 * The case review section in a real browser: a member of the Case Review and Governance subgroup
 * opens the subgroup's 2016/17 report (its tables and narrative checked by axe), follows a figure
 * to the reviews it counts, sorts them and downloads them. Axe runs on every page visited.
 */
const running = startHubAndBrowser()
const subgroupReport = 'Case Review and Governance annual report 2016/17'
const workedOn = 'Serious case reviews and practice reviews worked on'

describe('the case review figures, in the browser', () => {
  it('a subgroup member follows a figure from the subgroup’s report to the reviews behind it, and downloads them', async (t) => {
    const member = await signedInPerson(t, running, demoEmail['subgroup-member'])
    await member.home.openMenuItem('Reports')
    const reports = await new ReportsPage(member.page).verifyOnPage()
    await reports.chooseYear('2016/17')
    await reports.verifyOnPage()
    await reports.openReport(subgroupReport)
    const report = await new ReportPage(member.page, subgroupReport).verifyOnPage()
    assert.match(
      await report.narrative(),
      /The OSCB has worked on 5 serious case reviews since the last report to the Board/,
    )

    await member.page.getByRole('link', { name: `See the records for ${workedOn}`, exact: true }).click()
    const list = await new HubPage(member.page, workedOn).verifyOnPage()
    const table = new Table(member.page.getByRole('table'))
    assert.deepEqual(await table.column('Reference'), ['Child K', 'Child L', 'Child N', 'Child O', 'Family M'])
    assert.deepEqual(await table.column('At the year’s end'), [
      'Published',
      'Published',
      'Active',
      'Completed as far as possible: awaiting a parallel process',
      'Published',
    ])

    await table.sortBy('Published')
    await list.verifyOnPage()
    assert.equal(await table.sortDirection('Published'), 'ascending')
    assert.deepEqual((await table.column('Reference')).slice(-3), ['Child K', 'Child L', 'Family M'])

    const file = await list.download('Download as CSV')
    assert.equal(file.filename, 'worked-on-2016-17.csv')
    assert.equal(file.text.trim().split('\n').length, 6, 'a header and the five reviews')
  })
})
