import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { performanceModule } from '../src/modules/performance/index.ts'
import { businessPlanSection } from '../src/modules/performance/plan/section.ts'
import { reportingYear } from '../src/platform/reporting-years.ts'
import { startingText } from '../src/platform/sections.ts'
import { parseCsv } from './helpers/csv.ts'
import { textOf } from './helpers/html.ts'
import { officerForSuite } from './helpers/records.ts'
import { demoReports, documentPart, figureRow, narrativeText } from './helpers/reports.ts'

/**
 * Issue 14's business plan in the generated 2016/17 annual report and the cabinet paper drafted
 * from it, read from what the app renders for the demo: the evaluation of the year's priorities
 * (¶8), the areas for improvement (¶11), the three aims for 2017/18 as one paragraph with its list
 * (¶12), and the messages for multi-agency work (¶13); every figure links to exactly its records.
 */
const evaluation =
  /The annual report evaluates performance against the priorities set out in the Business Plan for 2016\/17\. Of its 4 priorities, 3 were achieved and 1 partly achieved\. Of the 8 actions raised under its priorities, 7 were complete at the year’s end and 1 was overdue\./
const areas =
  /There are, however, areas for improvement\. Quality assurance work shows that partners must keep working on long-term neglect and do more to protect vulnerable adolescents at risk of exploitation\./
const aimsIntro = 'The annual report directs the OSCB towards the following aims for 2017/18:'
const aims = [
  'Improving the effectiveness of the board; collaboration with Oxfordshire Safeguarding Adults Board (OSAB) and engagement with local communities including the voluntary and community sector',
  'Improving practice in tackling neglect and safeguarding adolescents at risk of exploitation',
  'Taking robust action following learning; to ensure continuous improvement and to assess risk and capacity across the partnership',
]
const messagesIntro = 'The annual report presents the following messages for multi-agency work going forward:'
const messages = [
  'Make sure thresholds are well understood',
  'Stay alert to emerging pressures and concerns: safety online, self-harm, modern slavery, transgender young people and the possible radicalisation of children',
  'Manage and improve transitions for young people',
  'Plan for children’s long-term needs across agencies',
]

/** The items of the bullet list that follows a line, in the HTML as rendered. */
function listAfter(html: string, line: string) {
  const at = html.indexOf(line)
  assert.notEqual(at, -1, `no “${line}”`)
  const list = html.slice(at).match(/^[^<]*<\/p>\s*<ul class="govuk-list govuk-list--bullet">([\s\S]*?)<\/ul>/)
  assert.ok(list, `a bullet list straight after “${line}”`)
  return [...list[1]!.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, item]) => textOf(item!))
}

/** The numbered paragraphs of the cabinet paper, each as its HTML. */
function paperParagraphs(html: string) {
  return html
    .split(/<li value="\d+">/)
    .slice(1)
    .map((part) => part.split(/<\/li>\s*(?=<li value=|<\/ol>)/)[0]!)
}

const count = (text: string) => Number(text.replace(/,/g, ''))

describe('the 2016/17 report’s business plan section, from the demo', () => {
  const shared = officerForSuite()

  it('evaluates the year’s priorities, names the areas for improvement, the aims for 2017/18 and the messages', async () => {
    const { officer, testApp } = shared
    const { draft2016 } = await demoReports(testApp)
    const page = await officer.get(`/reports/${draft2016}`)
    assert.equal(page.statusCode, 200)
    const document = documentPart(page.body)
    assert.match(document, /<h2[^>]*>Business plan priorities<\/h2>/)
    const narrative = narrativeText(page.body)
    assert.match(narrative, evaluation)
    assert.match(narrative, areas)
    assert.deepEqual(listAfter(document, aimsIntro), aims)
    assert.deepEqual(listAfter(document, messagesIntro), messages)
    const table = textOf(document)
    assert.match(
      table,
      /3\. Tackling neglect Partly achieved The neglect toolkit was relaunched with multi-agency training, .* 1 1 1/,
    )
  })

  it('carries the paragraphs into the cabinet paper, each list in the same numbered paragraph as its line', async () => {
    const { officer, testApp } = shared
    const { draft2016 } = await demoReports(testApp)
    const paper = await officer.get(`/reports/${draft2016}/cabinet-paper`)
    assert.equal(paper.statusCode, 200)
    const paragraphs = paperParagraphs(paper.body)
    const numbered = (pattern: RegExp | string) => {
      const found = paragraphs.filter((p) =>
        typeof pattern === 'string' ? p.includes(pattern) : pattern.test(textOf(p)),
      )
      assert.equal(found.length, 1, `one numbered paragraph says ${String(pattern)}`)
      return found[0]!
    }
    numbered(evaluation)
    numbered(areas)
    assert.deepEqual(listAfter(numbered(aimsIntro), aimsIntro), aims)
    assert.deepEqual(listAfter(numbered(messagesIntro), messagesIntro), messages)
  })

  it('links every figure to a page of exactly the records it counts', async () => {
    const { officer, testApp } = shared
    const { draft2016 } = await demoReports(testApp)
    const page = await officer.get(`/reports/${draft2016}`)
    const labels = new Map(performanceModule.figures!.map((f) => [f.key, f.label]))
    const values = new Map<string, number>()
    for (const key of businessPlanSection.figures) {
      const row = figureRow(page.body, labels.get(key)!)
      assert.ok(row.link, `${key} links to its records`)
      const link = row.link.replace(/&amp;/g, '&')
      const list = await officer.get(link)
      assert.equal(list.statusCode, 200, link)
      const shown = link.startsWith('/business-plan/actions')
        ? parseCsv((await officer.get(link.replace('/actions?', '/actions.csv?'))).body).length - 1
        : (textOf(list.body).match(/Priority \d+: /g) ?? []).length
      assert.equal(shown, count(row.thisYear), `${key}: the report says ${row.thisYear}; ${link} shows ${shown}`)
      values.set(key, shown)
    }
    assert.deepEqual(Object.fromEntries(values), {
      priorities: 4,
      'priorities-achieved': 3,
      'priorities-partly-achieved': 1,
      'priorities-not-achieved': 0,
      'priorities-not-evaluated': 0,
      'plan-actions': 8,
      'plan-actions-complete': 7,
      'plan-actions-open': 1,
      'plan-actions-overdue': 1,
    })
  })

  it('says in words that a year has no plan, and that the next year’s aims are not yet set', async () => {
    const { testApp } = shared
    const context = { partnershipId: testApp.partnershipId, year: reportingYear(2013), group: null }
    const drafted = await Promise.all(
      businessPlanSection.narrative.map((slot) => startingText(testApp.database.db, slot, context)),
    )
    assert.deepEqual(drafted, [
      'The OSCB had no business plan for 2013/14.',
      '',
      'The OSCB’s aims for 2014/15 have not yet been set in a business plan.',
      '',
    ])
    const later = { ...context, year: reportingYear(2017) }
    const evaluated = await startingText(testApp.database.db, businessPlanSection.narrative[0]!, later)
    assert.equal(
      evaluated,
      'The annual report evaluates performance against the priorities set out in the Business Plan for 2017/18. None of its {{performance.priorities}} priorities has yet been evaluated. The action raised under its priorities was complete at the year’s end.',
    )
  })
})
