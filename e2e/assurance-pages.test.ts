import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

/**
 * The quality assurance pages the other browser stories do not fill in, read as the business unit
 * from the hub's links: cycles and their results, frameworks, overdue returns, case audits, the
 * voice records, surveys, the quadrant and the settings. Every page is checked with axe.
 */
const running = startHubAndBrowser()

describe('quality assurance pages in the browser', () => {
  it('the business unit reads every part of quality assurance from the hub', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['business-unit'])
    const hub = async () => {
      await page.goto('/assurance')
      await new HubPage(page, 'Quality assurance').verifyOnPage()
    }
    const follow = async (link: string | RegExp, heading: string | RegExp) => {
      await page.getByRole('link', { name: link }).first().click()
      return new HubPage(page, heading).verifyOnPage()
    }

    await hub()
    await follow('Section 11 audits', 'Audit cycles')
    await follow('Section 11 2016/17', 'Section 11 2016/17')
    await follow(/Results of Section 11 2016\/17/, 'Section 11 2016/17: results')
    assert.ok(await page.getByRole('link', { name: 'Download as Excel (XLSX)' }).isVisible())
    await page.goto('/assurance/cycles/new')
    await new HubPage(page, 'Start a cycle').verifyOnPage()
    await follow('Section 11 standards', 'Start a cycle')
    await page.goto('/assurance/overdue')
    await new HubPage(page, /overdue/i).verifyOnPage()

    await hub()
    await follow('Schools’ safeguarding audit', 'Audit cycles')
    await follow('Schools’ safeguarding audit 2016/17', 'Schools’ safeguarding audit 2016/17')
    await follow(/Results of Schools’ safeguarding audit 2016\/17/, 'Schools’ safeguarding audit 2016/17: results')

    await hub()
    await follow('Audit frameworks', /frameworks/i)
    await follow('Section 11 standards', 'Section 11 standards')

    await hub()
    await follow('Case audits', 'Case audits')
    await follow('Multi-agency neglect audit', /Multi-agency neglect audit/)

    await hub()
    await follow('Voice of practitioners, children and families', /Voice of practitioners/)
    await follow('Growing up in Oxfordshire: young people on neglect', /Growing up in Oxfordshire/)

    await hub()
    await follow('Practitioner surveys', 'Practitioner surveys')
    await follow('Neglect: what practitioners told us', /Neglect: what practitioners told us/)

    await hub()
    await follow('The quadrant of evidence', /Quadrant of evidence/)
    await page.getByLabel('Theme').selectOption({ label: 'Neglect' })
    await page.getByLabel('Reporting year').selectOption({ label: '2016/17' })
    await page.getByRole('button', { name: 'Show the evidence' }).click()
    await new HubPage(page, 'Quadrant of evidence: Neglect, 2016/17').verifyOnPage()
    assert.ok(await page.getByText('Evidence in 4 of the 4 quarters').isVisible())

    await hub()
    await follow('Settings', /settings|audit subgroup/i)
  })
})
