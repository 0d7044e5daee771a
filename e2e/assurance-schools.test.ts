import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { demoEmail } from '../test/helpers/app.ts'
import { signedInPerson, startHubAndBrowser } from './helpers/people.ts'
import { HubPage } from './pages/page.ts'

/** The business unit opens quality assurance, imports a list of schools and finds one: every page checked with axe. */
const running = startHubAndBrowser()

describe('schools in the browser', () => {
  let folder: string
  let file: string
  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'schools-'))
    file = join(folder, 'new-schools.csv')
    await writeFile(
      file,
      'URN,School name,Designated safeguarding lead,DSL email\r\n980001,Browser Test Primary School,Ann Example,ann@browser-test.example\r\n',
    )
  })
  after(() => rm(folder, { recursive: true, force: true }))

  it('the business unit goes from the hub to the schools, imports one and finds it', async (t) => {
    const { page } = await signedInPerson(t, running, demoEmail['business-unit'])
    await page.goto('/assurance')
    await new HubPage(page, 'Quality assurance').verifyOnPage()
    await page.getByRole('link', { name: 'Schools and colleges' }).click()
    await new HubPage(page, 'Schools and colleges').verifyOnPage()
    await page.getByRole('button', { name: 'Import schools' }).click()
    await new HubPage(page, 'Import schools and colleges').verifyOnPage()
    await page.getByLabel('Upload a file').setInputFiles(file)
    await page.getByRole('button', { name: 'Upload and check' }).click()
    const importButton = page.getByRole('button', { name: 'Import 1 row' })
    await importButton.waitFor()
    const batch = await new HubPage(page, 'new-schools.csv').verifyOnPage()
    await importButton.click()
    await page.getByText('The file has been imported').waitFor()
    await batch.verifyOnPage()

    await page.goto('/assurance/schools')
    await page.getByLabel('Name or URN contains').fill('980001')
    await page.getByRole('button', { name: 'Apply filters' }).click()
    await new HubPage(page, 'Schools and colleges').verifyOnPage()
    assert.ok(await page.getByRole('link', { name: 'Browser Test Primary School' }).isVisible())
    assert.ok(await page.getByText('ann@browser-test.example').isVisible())
  })
})
