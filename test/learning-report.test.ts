import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { learningSection } from '../src/modules/learning/reach/section.ts'
import { learningModule } from '../src/modules/learning/index.ts'
import { parseCsv } from './helpers/csv.ts'
import { textOf } from './helpers/html.ts'
import { officerForSuite } from './helpers/records.ts'
import { demoReports, documentPart, figureRow, narrativeText } from './helpers/reports.ts'

/**
 * Issue 12's "done means", read from what the app generates for the demo, never from the database:
 * the 2016/17 annual report's Learning and development section and the cabinet paper drafted from
 * it say what the seed paper says ("over 150", "over 9,000", "over 4,000", "about 150"), and every
 * learning figure in the report links to a list of exactly the records it counts.
 */
const trainingParagraph = [
  /delivered over 150 free safeguarding training and learning events, plus online learning/,
  /reached over 9,000 members of the workforce/,
  /termly newsletters to over 4,000 members of the multi-agency workforce, and e-bulletins to educational settings/,
  /It ran 4 learning events, for about 150 delegates each time/,
]

const count = (text: string) => Number(text.replace(/,/g, ''))

describe('the 2016/17 report’s learning section, from the demo', () => {
  const shared = officerForSuite()

  it('reads as the seed paper’s training paragraph, in the report and in the cabinet paper', async () => {
    const { officer, testApp } = shared
    const { draft2016 } = await demoReports(testApp)
    const page = await officer.get(`/reports/${draft2016}`)
    assert.equal(page.statusCode, 200)
    assert.match(documentPart(page.body), /<h2[^>]*>Learning and development<\/h2>/)
    const narrative = narrativeText(page.body)
    for (const phrase of trainingParagraph) assert.match(narrative, phrase)

    const paper = await officer.get(`/reports/${draft2016}/cabinet-paper`)
    assert.equal(paper.statusCode, 200)
    const paperText = textOf(paper.body)
    for (const phrase of trainingParagraph) assert.match(paperText, phrase)
  })

  it('links every learning figure to a list of exactly the records it counts', async () => {
    const { officer, testApp } = shared
    const { draft2016 } = await demoReports(testApp)
    const page = await officer.get(`/reports/${draft2016}`)
    const labels = new Map(learningModule.figures!.map((f) => [f.key, f.label]))
    const values = new Map<string, number>()
    for (const key of learningSection.figures) {
      const row = figureRow(page.body, labels.get(key)!.replace(/[()]/g, '\\$&'))
      assert.ok(row.link, `${key} links to its records`)
      const link = row.link.replace(/&amp;/g, '&')
      values.set(key, count(row.thisYear))
      const list = await officer.get(link)
      assert.equal(list.statusCode, 200, link)
      const status = textOf(list.body.match(/<p class="govuk-body" role="status">([\s\S]*?)<\/p>/)?.[1] ?? '')
      const listed = count(status.match(/(?:^|of )([\d,]+) [a-z]+\./)?.[1] ?? '0')
      const [path, query = ''] = link.split('?')
      const csv = parseCsv((await officer.get(`${path}.csv?${query}`)).body)
      assert.equal(csv.length - 1, listed, `${link}: the download has every record the page counts`)
      if (key === 'learning-event-average') {
        // Its list is the learning events; the figure is their delegates shared between them.
        assert.equal(listed, values.get('learning-events'), status)
        continue
      }
      assert.equal(listed, count(row.thisYear), `${key}: the report says ${row.thisYear}; ${link} lists ${status}`)
    }
    // The seed paper's year, as the records have it.
    assert.ok(values.get('events-delivered')! > 150)
    assert.ok(values.get('people-trained')! > 9000 && values.get('people-trained')! < 10_000)
    assert.ok(values.get('largest-list-subscribers')! > 4000)
    assert.equal(values.get('learning-events'), 4)
    const average = values.get('learning-event-average')!
    assert.ok(average >= 137.5 && average < 162.5, `about 150: ${average}`)
  })
})
