import type { DocumentModel } from '../../src/platform/documents/model.ts'

/**
 * A document with one of every kind of block, as the reports module would freeze it: headings,
 * narrative (with the things an officer might paste that must never run), a committee paper's
 * numbered paragraphs, figures with last year's values, a table, a chart and the paper's details.
 */
export const hostileMarkdown = [
  'The board met **six times** and its subgroups _twelve_; see [the guidance](https://www.gov.uk/government/publications/working-together-to-safeguard-children--2).',
  '',
  '<script>alert("narrative")</script> <img src=x onerror=alert(1)> [a trick](javascript:alert(1))',
  '',
  '- Learning from reviews',
  '- Training for practitioners',
  '',
  '3. Neglect',
  '4. Child sexual exploitation',
  '',
  '> Children told us they want to be listened to.',
  '',
  '| Subgroup | Meetings |',
  '| --- | ---: |',
  '| Learning and improvement | 6 |',
].join('\n')

/** A bar chart drawn by hand, standing in for platform/charts.ts output. */
export const sampleChartSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">
  <rect x="0" y="0" width="400" height="200" fill="#ffffff"/>
  <rect x="40" y="60" width="80" height="120" fill="#1d70b8"/>
  <rect x="160" y="100" width="80" height="80" fill="#1d70b8"/>
  <rect x="280" y="40" width="80" height="140" fill="#1d70b8"/>
  <text x="80" y="195" text-anchor="middle" font-size="12">2014/15</text>
  <text x="200" y="195" text-anchor="middle" font-size="12">2015/16</text>
  <text x="320" y="195" text-anchor="middle" font-size="12">2016/17</text>
</svg>`

export function buildDocumentModel(overrides: Partial<DocumentModel> = {}): DocumentModel {
  return {
    title: 'Oxfordshire Safeguarding Children Board annual report 2016/17',
    subtitle: ['1 April 2016 to 31 March 2017', 'Approved 5 September 2017'],
    blocks: [
      { type: 'heading', level: 2, text: 'How the board works' },
      { type: 'markdown', markdown: hostileMarkdown },
      {
        type: 'figures',
        caption: 'The board in numbers',
        items: [
          {
            name: 'partnership.board-members',
            label: 'Board members',
            display: '34',
            previous: '31',
            link: '/directory/people?group=board',
          },
          {
            name: 'partnership.agencies',
            label: 'Member agencies',
            display: '21',
            previous: '21',
            link: '/directory/agencies',
          },
          { name: 'partnership.funding', label: 'Funding received', display: '£1,234,500', link: null },
        ],
      },
      { type: 'heading', level: 3, text: 'Members by agency' },
      {
        type: 'table',
        caption: 'Members by agency',
        head: ['Agency', 'Members'],
        rows: [
          ['Oxford Health NHS Foundation Trust', '4'],
          ['Thames Valley Police', '3'],
        ],
        numericColumns: [1],
      },
      {
        type: 'chart',
        title: 'Board members each year',
        description: 'Board members rose from 28 in 2014/15 to 34 in 2016/17, after a dip to 24 in 2015/16.',
        svg: sampleChartSvg,
        table: {
          head: ['Year', 'Board members'],
          rows: [
            ['2014/15', '28'],
            ['2015/16', '24'],
            ['2016/17', '34'],
          ],
          numericColumns: [1],
        },
      },
      { type: 'heading', level: 2, text: 'The cabinet paper' },
      { type: 'heading', level: 4, text: 'Introduction' },
      { type: 'numbered', number: 1, markdown: 'This paper presents the annual report of the board.' },
      { type: 'numbered', number: 2, markdown: 'The board is independent.\n\nIt reports to the Chief Executive.' },
      {
        type: 'details',
        items: [
          { label: 'Author', value: 'Independent chair' },
          { label: 'Contact officer', value: 'Business unit manager, 01865 000000' },
        ],
      },
    ],
    ...overrides,
  }
}
