import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { Figure } from '../../platform/figures.ts'
import { draftPaper, paperDocument } from './cabinet-paper/content.ts'
import { differences, hasDifferences } from './differences.ts'
import { reportDocument } from './document.ts'
import { fileName } from './outputs.ts'
import type { ReportSnapshot } from './snapshot.ts'
import { canMove, isEditable } from './workflow.ts'

function figure(name: string, value: number): Figure {
  return {
    module: 'partnership',
    key: name,
    name: `partnership.${name}`,
    label: `Label ${name}`,
    definition: 'What it counts',
    unit: 'count',
    value,
    display: String(value),
    prose: String(value),
    link: `/records/${name}`,
    problem: null,
  }
}

function snapshot(values: { members: number; text: string; rows: string[][] }): ReportSnapshot {
  return {
    title: 'Annual report 2016/17',
    year: { label: '2016/17', start: '2016-04-01', end: '2017-03-31' },
    groupName: null,
    sections: [
      {
        name: 'partnership.structure',
        title: 'The board',
        figures: [figure('members', values.members)],
        narrative: [
          {
            slot: 'introduction',
            label: 'Introduction',
            hint: null,
            required: true,
            markdown: values.text,
            resolved: values.text,
          },
          { slot: 'changes', label: 'Changes', hint: null, required: false, markdown: '', resolved: '' },
        ],
        tables: [{ caption: 'Members', head: ['Name'], rows: values.rows }],
        charts: [],
        problems: [],
      },
    ],
    previousYear: { label: '2015/16', figures: { 'partnership.members': '20' } },
    assembledAt: '2017-06-01T00:00:00Z',
  }
}

describe('the report workflow', () => {
  it('allows only the moves in the table', () => {
    assert.ok(canMove('draft', 'submit'))
    assert.ok(!canMove('draft', 'approve'))
    assert.ok(canMove('submitted', 'approve'))
    assert.ok(canMove('submitted', 'return'))
    assert.ok(!canMove('submitted', 'publish'))
    assert.ok(canMove('approved', 'publish'))
    assert.ok(canMove('approved', 'correct'))
    assert.ok(canMove('published', 'correct'))
    assert.ok(!canMove('published', 'publish'))
    assert.ok(isEditable('draft'))
    assert.ok(!isEditable('submitted'))
  })
})

describe('differences between versions', () => {
  it('lists changed figures, narrative word by word and table rows', () => {
    const before = snapshot({ members: 22, text: 'The board met four times.', rows: [['Ann'], ['Bob']] })
    const after = snapshot({ members: 23, text: 'The board met five times.', rows: [['Ann'], ['Cat']] })
    const d = differences(before, after)
    assert.deepEqual(d.figures, [{ section: 'The board', label: 'Label members', before: '22', after: '23' }])
    assert.equal(d.narrative.length, 1)
    const parts = d.narrative[0]!.parts
    assert.ok(parts.some((p) => p.change === 'removed' && p.text.includes('four')))
    assert.ok(parts.some((p) => p.change === 'added' && p.text.includes('five')))
    assert.deepEqual(d.tables, [{ section: 'The board', caption: 'Members', added: ['Cat'], removed: ['Bob'] }])
    assert.ok(!hasDifferences(differences(before, before)))
  })
})

describe('the report as a document', () => {
  it('shows last year’s value only where it differs, and skips empty narrative', () => {
    const same = reportDocument(snapshot({ members: 20, text: 'Text', rows: [] }), 'Draft')
    const figures = same.blocks.find((b) => b.type === 'figures')
    assert.ok(figures && figures.type === 'figures')
    assert.equal(figures.items[0]!.previous, undefined)
    const changed = reportDocument(snapshot({ members: 22, text: 'Text', rows: [] }), 'Draft')
    const items = changed.blocks.find((b) => b.type === 'figures')
    assert.ok(items && items.type === 'figures' && items.items[0]!.previous === '20')
    assert.ok(!changed.blocks.some((b) => b.type === 'heading' && b.text === 'Changes'))
    assert.deepEqual(changed.subtitle, ['1 April 2016 to 31 March 2017', 'Draft'])
  })

  it('names downloaded files from the title', () => {
    assert.equal(fileName('Oxfordshire annual report 2016/17', 'pdf'), 'oxfordshire-annual-report-2016-17.pdf')
    assert.equal(fileName('“’”', 'docx'), 'document.docx')
  })
})

describe('the cabinet paper', () => {
  const paper = draftPaper({
    partnership: { name: 'Oxfordshire Safeguarding Children Board', shortName: 'OSCB', area: 'Oxfordshire' },
    year: '2016/17',
    annual: snapshot({ members: 22, text: 'First paragraph.\n\nSecond paragraph.', rows: [] }),
    subgroups: [
      {
        groupName: 'Case Review and Governance',
        snapshot: snapshot({ members: 7, text: 'The subgroup reviews cases.', rows: [] }),
      },
    ],
    chair: { name: 'Helen Ashworth', independent: true },
    meeting: 'Cabinet',
    today: new Date('2017-09-15T12:00:00Z'),
  })

  it('is drafted in the form of the seed paper', () => {
    assert.equal(paper.title, 'Annual reports from the OSCB – 2016/17')
    assert.equal(
      paper.byline,
      'Two reports submitted by the Independent Chair of the Oxfordshire Safeguarding Children Board',
    )
    assert.deepEqual(
      paper.sections.map((s) => s.heading),
      [
        'Introduction',
        'The OSCB Annual Report 2016/17',
        'The Case Review and Governance subgroup annual report',
        'Financial and staff implications',
        'Equalities implications',
      ],
    )
    assert.deepEqual(paper.sections[1]!.paragraphs, ['First paragraph.', 'Second paragraph.'])
    assert.equal(paper.recommendation, 'The Cabinet is RECOMMENDED to note the reports.')
    assert.equal(paper.author.name, 'Helen Ashworth')
    assert.equal(paper.dated, 'September 2017')
  })

  it('numbers its paragraphs straight through, the recommendation last', () => {
    const document = paperDocument(paper, { name: 'Cabinet', date: '2017-10-17' }, '')
    const numbers = document.blocks.flatMap((b) => (b.type === 'numbered' ? [b.number] : []))
    assert.deepEqual(numbers, [1, 2, 3, 4, 5, 6, 7])
    const last = document.blocks.filter((b) => b.type === 'numbered').at(-1)
    assert.ok(last?.type === 'numbered' && last.markdown.includes('RECOMMENDED'))
    assert.equal(document.subtitle[0], 'CABINET – 17 OCTOBER 2017')
  })

  it('says a paragraph a subgroup’s report carries once, under the subgroup, as the seed paper does', () => {
    const reviews = 'The OSCB has worked on 5 serious case reviews.'
    const twice = draftPaper({
      partnership: { name: 'Oxfordshire Safeguarding Children Board', shortName: 'OSCB', area: 'Oxfordshire' },
      year: '2016/17',
      annual: snapshot({ members: 22, text: `The board met four times.\n\n${reviews}`, rows: [] }),
      subgroups: [
        { groupName: 'Case Review and Governance', snapshot: snapshot({ members: 7, text: reviews, rows: [] }) },
        { groupName: 'Another', snapshot: snapshot({ members: 5, text: `${reviews}\n\nIts own.`, rows: [] }) },
      ],
      chair: null,
      meeting: 'Cabinet',
      today: new Date('2017-09-15T12:00:00Z'),
    })
    assert.deepEqual(
      twice.sections.slice(1, 4).map((s) => s.paragraphs),
      [['The board met four times.'], [reviews], ['Its own.']],
    )
  })
})
