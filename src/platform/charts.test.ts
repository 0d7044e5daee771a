import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { textWidth, wrapLabel } from './chart-text.ts'
import { chartColours, chartSpec, drawChart, drawChartAfresh } from './charts.ts'
import type { ChartInput } from './sections.ts'

/**
 * A report's charts are pictures of numbers that are also in a table beside them: the SVG is one
 * image named by the chart's title and described by its text alternative, and agency names in it
 * are data, never markup.
 */

const agencies = ['Oxfordshire County Council', 'Thames Valley Police', 'Oxford Health NHS Foundation Trust']

const referrals: ChartInput = {
  title: 'Referrals by agency',
  description: 'The police made most referrals, as in the year before.',
  kind: 'bar',
  categoryLabel: 'Agency',
  valueLabel: 'Referrals',
  data: agencies.map((category, i) => ({ category, value: [1250, 9342, 47][i]! })),
}

const attendance: ChartInput = {
  title: 'Attendance at board meetings',
  description: 'Attendance rose in every quarter.',
  kind: 'grouped-bar',
  categoryLabel: 'Quarter',
  valueLabel: 'People attending',
  seriesLabel: 'Year',
  data: ['Q1', 'Q2', 'Q3', 'Q4'].flatMap((category, i) => [
    { category, series: '2015/16', value: 10 + i },
    { category, series: '2016/17', value: 14 + 2 * i },
  ]),
}

const rates: ChartInput = {
  title: 'Children on a child protection plan',
  description: 'The rate in Oxfordshire rose towards the rate for England.',
  kind: 'line',
  categoryLabel: 'Year',
  valueLabel: 'Rate per 10,000 children',
  seriesLabel: 'Area',
  data: ['2013/14', '2014/15', '2015/16', '2016/17'].flatMap((category, i) => [
    { category, series: 'Oxfordshire', value: 35.5 + i },
    { category, series: 'England', value: 42.1 - 0.7 * i },
  ]),
}

/** The opening tag of the root <svg>. */
const rootTag = (svg: string) => svg.match(/^<svg[^>]*>/)?.[0] ?? ''

/** Every tag is well formed: a quote in the data cannot end an attribute early. */
function assertWellFormedTags(svg: string) {
  for (const tag of svg.match(/<[^>]*>/g) ?? []) {
    assert.match(tag, /^<\/?[a-zA-Z][\w:-]*(\s+[\w:-]+="[^"<>]*")*\s*\/?>$/, `malformed tag: ${tag}`)
  }
}

/** The text drawn in the chart, as a reader sees it. */
const drawnText = (svg: string) => [...svg.matchAll(/<text[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]!)

describe('drawChart', () => {
  for (const input of [referrals, attendance, rates]) {
    it(`draws a ${input.kind} chart as one image named by its title and described by its description`, async () => {
      const chart = await drawChart(input)
      const root = rootTag(chart.svg)
      assert.match(root, /role="img"/)
      const titleId = root.match(/aria-labelledby="([^"]+)"/)?.[1]
      const descId = root.match(/aria-describedby="([^"]+)"/)?.[1]
      assert.ok(titleId && descId, 'the svg is labelled and described')
      assert.ok(chart.svg.includes(`<title id="${titleId}">${input.title}</title>`))
      assert.ok(chart.svg.includes(`<desc id="${descId}">${input.description}</desc>`))
      assert.equal(chart.title, input.title)
      assert.equal(chart.description, input.description)
      assertWellFormedTags(chart.svg)
      assert.ok(chart.svg.endsWith('</svg>'))
    })
  }

  it('shows the numbers of a bar chart as a table, row for row, in en-GB numbers', async () => {
    const chart = await drawChart(referrals)
    assert.deepEqual(chart.table, {
      head: ['Agency', 'Referrals'],
      rows: [
        ['Oxfordshire County Council', '1,250'],
        ['Thames Valley Police', '9,342'],
        ['Oxford Health NHS Foundation Trust', '47'],
      ],
      numericColumns: [1],
    })
  })

  it('tables grouped bars and lines with a column per series, and says where a value is missing', async () => {
    assert.deepEqual((await drawChart(attendance)).table, {
      head: ['Quarter', '2015/16', '2016/17'],
      rows: [
        ['Q1', '10', '14'],
        ['Q2', '11', '16'],
        ['Q3', '12', '18'],
        ['Q4', '13', '20'],
      ],
      numericColumns: [1, 2],
    })
    const gap = { ...rates, data: rates.data.filter((d) => !(d.series === 'England' && d.category === '2014/15')) }
    assert.deepEqual((await drawChart(gap)).table.rows, [
      ['2013/14', '35.5', '42.1'],
      ['2014/15', '36.5', 'No data'],
      ['2015/16', '37.5', '40.7'],
      ['2016/17', '38.5', '40'],
    ])
  })

  it('gives a grouped bar chart a legend entry per series, each in its own GOV.UK colour', async () => {
    const chart = await drawChart(attendance)
    const text = drawnText(chart.svg)
    assert.ok(text.includes('Year'), 'the legend is titled by the series label')
    for (const series of ['2015/16', '2016/17']) assert.equal(text.filter((t) => t === series).length, 1, series)
    assert.ok(chart.svg.includes(chartColours[0]!) && chart.svg.includes(chartColours[1]!))
    assert.ok(chart.svg.includes('class="mark-group role-legend"'))
  })

  it('draws a line per series with its points, categories in the order given', async () => {
    const chart = await drawChart(rates)
    const lines = chart.svg.match(/<path d="[^"]*" stroke="#[0-9a-f]{6}" stroke-width="3"\/>/g) ?? []
    assert.deepEqual(
      lines.map((l) => l.match(/stroke="([^"]+)"/)![1]),
      [chartColours[0], chartColours[1]],
      'a line per series',
    )
    const points = chart.svg.split('class="mark-symbol role-mark')[1]?.split('</g>')[0] ?? ''
    assert.equal((points.match(/<path /g) ?? []).length, 8, 'a point for each value')
    const years = drawnText(chart.svg).filter((t) => /^\d{4}\/\d{2}$/.test(t))
    assert.deepEqual(years, ['2013/14', '2014/15', '2015/16', '2016/17'])
  })

  it('escapes agency names: a script or a quote in a label stays text', async () => {
    const hostile: ChartInput = {
      ...attendance,
      title: 'Referrals <script>alert("title")</script>',
      description: 'A "quoted" description & <b>bold</b>',
      data: [
        { category: '<script>alert(1)</script>', series: 'He said "no"', value: 3 },
        { category: 'Agency "A" & <img src=x onerror=alert(1)>', series: "O'Brien & Co", value: 4 },
      ],
    }
    const chart = await drawChart(hostile)
    assert.ok(!/<script|<img|<b>/i.test(chart.svg), 'no markup from the data')
    assert.ok(chart.svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(chart.svg.includes('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</title>'))
    assert.ok(chart.svg.includes('A &quot;quoted&quot; description &amp; &lt;b&gt;bold&lt;/b&gt;</desc>'))
    assertWellFormedTags(chart.svg)
    assert.deepEqual(chart.table.rows[0], ['<script>alert(1)</script>', '3', 'No data'], 'the table escapes when shown')
  })

  it('draws the same chart as the same SVG, fetching nothing', async () => {
    const first = await drawChartAfresh(rates)
    await drawChartAfresh(attendance)
    const again = await drawChartAfresh(structuredClone(rates))
    assert.equal(again.svg, first.svg)
    const urls = [...first.svg.matchAll(/(?:https?:|url\(|href=)[^"\s)]*/g)].map((m) => m[0])
    assert.deepEqual(
      urls.filter((u) => !u.startsWith('http://www.w3.org/')),
      [],
    )
    assert.notEqual((await drawChart(referrals)).svg, first.svg)
  })

  it('keeps the charts drawn lately: the same numbers give the chart already drawn, other numbers their own', async () => {
    const first = drawChart(rates)
    assert.equal(drawChart(structuredClone(rates)), first, 'not drawn again')
    assert.deepEqual(await first, await drawChartAfresh(rates))
    const changed = structuredClone(rates)
    changed.data[0]!.value! += 1
    assert.notEqual((await drawChart(changed)).svg, (await first).svg)
    assert.notEqual(drawChart({ ...rates, title: 'Another title' }), first, 'the title is part of the chart')
  })

  it('sets the text in the service’s system font stack (never GDS Transport) on white, 560 pixels wide', async () => {
    const chart = await drawChart(referrals)
    assert.match(
      chart.svg,
      /font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"/,
    )
    assert.doesNotMatch(chart.svg, /GDS Transport/)
    assert.match(chart.svg, /<rect width="\d+" height="\d+" fill="white"\/>/)
    assert.ok(chart.svg.includes('d="M0,0h560v300h-560Z"'), 'the plot is 560 by 300')
  })

  it('breaks long agency names over lines rather than cutting them short', async () => {
    const chart = await drawChart(referrals)
    const text = drawnText(chart.svg).join(' ')
    assert.ok(!text.includes('…'), 'nothing is cut short')
    assert.match(text, /<tspan[^>]*>Oxford Health NHS<\/tspan><tspan[^>]*>Foundation Trust<\/tspan>/)
  })

  it('turns the labels when there are too many to sit side by side', () => {
    const many = {
      ...referrals,
      data: Array.from({ length: 14 }, (_, i) => ({ category: `Agency number ${i + 1}`, value: i })),
    }
    const spec = chartSpec(many) as { encoding: { x: { axis: { labelAngle: number } } } }
    assert.equal(spec.encoding.x.axis.labelAngle, -45)
  })
})

describe('text widths without a canvas', () => {
  it('estimates Arial-like widths, narrow letters narrower than wide ones', () => {
    assert.ok(textWidth('iiii', 14) < textWidth('WWWW', 14))
    assert.ok(textWidth('Thames Valley Police', 14) < 0.8 * 14 * 'Thames Valley Police'.length * 0.75)
    assert.ok(textWidth('Police', 14, true) > textWidth('Police', 14))
  })

  it('wraps between words, and gives up when one word is too wide', () => {
    assert.deepEqual(wrapLabel('Oxford Health NHS Foundation Trust', 140, 14), [
      'Oxford Health NHS',
      'Foundation Trust',
    ])
    assert.equal(wrapLabel('Supercalifragilistic', 60, 14), null)
  })
})
