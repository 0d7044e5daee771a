import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { inertSvg, presentDocument } from './presenter.ts'
import { svgSize } from './raster.ts'

/** The document presenter: what the HTML shows is decided here, in TypeScript, and tested here. */
describe('presentDocument', () => {
  it('gives every heading an id from its words, unique within the document, or the one it was given', () => {
    const view = presentDocument({
      title: 'Report',
      subtitle: [],
      blocks: [
        { type: 'heading', level: 2, text: 'Learning & Improvement' },
        { type: 'heading', level: 3, text: 'Learning & improvement' },
        { type: 'heading', level: 3, text: 'Funding', id: 'money' },
        { type: 'heading', level: 4, text: '—' },
      ],
    })
    assert.deepEqual(
      view.blocks.map((block) => (block.type === 'heading' ? block.id : '')),
      ['learning-improvement', 'learning-improvement-2', 'money', 'section'],
    )
  })

  it('keeps numbered paragraphs that follow one another together, with their own numbers', () => {
    const view = presentDocument({
      title: 'Cabinet paper',
      subtitle: [],
      blocks: [
        { type: 'numbered', number: 1, markdown: 'One' },
        { type: 'numbered', number: 2, markdown: 'Two' },
        { type: 'heading', level: 2, text: 'Recommendation' },
        { type: 'numbered', number: 7, markdown: 'Seven' },
      ],
    })
    const numbers = view.blocks.map((block) => (block.type === 'numbered' ? block.paragraphs.map((p) => p.number) : []))
    assert.deepEqual(numbers, [[1, 2], [], [7]])
  })

  it('leaves figure links relative unless given the app’s address, and shows no link where there is none', () => {
    const model = {
      title: 'Report',
      subtitle: [],
      blocks: [
        {
          type: 'figures' as const,
          caption: 'Figures',
          items: [
            { name: 'a.b', label: 'Members', display: '12', link: '/directory/people' },
            { name: 'a.c', label: 'Funding', display: '£1,000', link: null },
          ],
        },
      ],
    }
    const cells = (linkBase?: string) => {
      const block = presentDocument(model, { linkBase }).blocks[0]!
      assert.equal(block.type, 'figures')
      return block.table.rows.map((row) => row.map((cell) => cell.html ?? cell.text))
    }
    assert.equal(
      cells()[0]![2],
      '<a class="govuk-link" href="/directory/people">See the records<span class="govuk-visually-hidden"> for Members</span></a>',
    )
    assert.match(cells('https://hub.example/')[0]![2]!, /href="https:\/\/hub.example\/directory\/people"/)
    assert.equal(cells()[1]![2], '')
  })
})

describe('inertSvg', () => {
  it('takes out scripts, event handlers, links and embedded content, and keeps the drawing', () => {
    const svg = inertSvg(
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="steal()" width="10">' +
        '<script>steal()</script><script href="https://evil.example/x.js"/>' +
        '<a href="javascript:steal()"><rect width="5" height="5" onclick=\'steal()\'/></a>' +
        '<foreignObject><div>html</div></foreignObject><image href="https://evil.example/p.png"/>' +
        '<text x="1" y="2">2016/17</text></svg>',
    )
    assert.equal(
      svg,
      '<svg xmlns="http://www.w3.org/2000/svg" width="10"><rect width="5" height="5"/><text x="1" y="2">2016/17</text></svg>',
    )
  })

  it('keeps the chart one image: the roles Vega gives the marks inside it go, the root’s stays', () => {
    assert.equal(
      inertSvg(
        '<svg role="img" aria-labelledby="c-title"><g class="mark-group" role="graphics-object" aria-roledescription="group mark container">' +
          '<g class="mark-rect" role="graphics-symbol" aria-roledescription="rect mark container"><path d="M0,0h1v1h-1Z"/></g></g></svg>',
      ),
      '<svg role="img" aria-labelledby="c-title"><g class="mark-group"><g class="mark-rect"><path d="M0,0h1v1h-1Z"/></g></g></svg>',
    )
  })
})

describe('svgSize', () => {
  it('reads the size a chart asks for from its width and height, or its viewBox', () => {
    assert.deepEqual(svgSize('<svg width="400" height="200.5">'), { width: 400, height: 200.5 })
    assert.deepEqual(svgSize('<svg viewBox="0 0 640 320">'), { width: 640, height: 320 })
    assert.deepEqual(svgSize('<svg>'), { width: 600, height: 400 })
  })
})
