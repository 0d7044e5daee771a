import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import nunjucks from 'nunjucks'
import { reportingYear, yearsBetween } from './reporting-years.ts'
import { configureNunjucks, templateRoots } from './views.ts'
import { yearChoices } from './year-picker.ts'

/** Choosing which year a report or a figures page shows, with or without JavaScript. */

describe('yearChoices', () => {
  const years = yearsBetween(['2014-06-01'], 4, new Date('2017-06-15T12:00:00Z'))

  it('offers the years newest first, by slug and label, with the year shown selected', () => {
    assert.deepEqual(yearChoices(years, reportingYear(2016)), [
      { value: '2017-18', text: '2017/18', selected: false },
      { value: '2016-17', text: '2016/17', selected: true },
      { value: '2015-16', text: '2015/16', selected: false },
      { value: '2014-15', text: '2014/15', selected: false },
    ])
  })

  it('still offers the year shown when it is outside the years given', () => {
    const choices = yearChoices(years, reportingYear(2011))
    assert.deepEqual(
      choices.map((c) => [c.text, c.selected]),
      [
        ['2017/18', false],
        ['2016/17', false],
        ['2015/16', false],
        ['2014/15', false],
        ['2011/12', true],
      ],
    )
    assert.equal(years.length, 4, 'the years given are left as they were')
  })

  it('selects nothing when no year is shown, and names calendar years by one year', () => {
    assert.ok(yearChoices(years, null).every((c) => !c.selected))
    assert.deepEqual(yearChoices([reportingYear(2016, 1)], reportingYear(2016, 1)), [
      { value: '2016', text: '2016', selected: true },
    ])
  })
})

const env = configureNunjucks(
  new nunjucks.Environment(new nunjucks.FileSystemLoader(templateRoots), { autoescape: true }),
)

function render(params: Record<string, unknown>) {
  return env.renderString('{% from "views/macros/year-picker.njk" import appYearPicker %}{{ appYearPicker(params) }}', {
    params,
  })
}

const options = (html: string) =>
  [...html.matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g)].map(([, value, selected, text]) => ({
    value,
    text,
    selected: Boolean(selected),
  }))

describe('appYearPicker', () => {
  const years = yearChoices([reportingYear(2017), reportingYear(2016), reportingYear(2015)], reportingYear(2016))

  it('is a GET form to the page, with a labelled select of years and a secondary Show button', () => {
    const html = render({ years, action: '/reports/annual' })
    assert.match(html, /<form method="get" action="\/reports\/annual" class="app-year-picker" novalidate>/)
    assert.match(html, /<label class="govuk-label govuk-label--s" for="year">\s*Reporting year\s*<\/label>/)
    assert.match(html, /<select class="govuk-select" id="year" name="year">/)
    assert.deepEqual(options(html), [
      { value: '2017-18', text: '2017/18', selected: false },
      { value: '2016-17', text: '2016/17', selected: true },
      { value: '2015-16', text: '2015/16', selected: false },
    ])
    assert.match(
      html,
      /<button type="submit" class="govuk-button govuk-button--secondary app-year-picker__button"[^>]*>\s*Show\s*<\/button>/,
    )
    assert.ok(html.indexOf('<button') > html.indexOf('</select>') && html.indexOf('<button') < html.indexOf('</form>'))
  })

  it('takes the selected year as a value, a label and a field name', () => {
    const plain = [
      { value: '2016-17', text: '2016/17' },
      { value: '2015-16', text: '2015/16' },
    ]
    const html = render({ years: plain, selected: '2015-16', action: '/figures', label: 'Year', name: 'y' })
    assert.deepEqual(
      options(html).map((o) => o.selected),
      [false, true],
    )
    assert.match(html, /for="y">\s*Year\s*<\/label>/)
    assert.match(html, /id="y" name="y"/)
  })

  it('escapes the address and the label', () => {
    const html = render({ years, action: '/reports/"><script>x</script>', label: '<b>Year</b>' })
    assert.ok(!html.includes('<script>') && !html.includes('<b>'))
    assert.match(html, /action="\/reports\/&quot;&gt;&lt;script&gt;x&lt;\/script&gt;"/)
  })
})
