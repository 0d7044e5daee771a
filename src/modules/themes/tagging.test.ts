import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import nunjucks from 'nunjucks'
import { templateRoots } from '../../platform/views.ts'
import { defaultThemes } from './defaults.ts'
import { themeCsv, themeRows } from './presenters.ts'
import { z } from 'zod'
import { themeCheckboxItems, themeIds } from './tagging.ts'

const neglect = { id: '0b8f8a38-7d3c-4a4e-9d1e-6a0c7e1f2a01', name: 'Neglect', description: null, active: true }
const oldTheme = {
  id: '0b8f8a38-7d3c-4a4e-9d1e-6a0c7e1f2a02',
  name: 'Toxic trio',
  description: 'Domestic abuse, mental ill health and substance misuse together',
  active: false,
}

describe('the themeIds form field', () => {
  it('reads a form with no box ticked, where the field is not posted at all, as none', () => {
    const parsed = z.object({ themeIds }).safeParse({})
    assert.ok(parsed.success)
    assert.deepEqual(parsed.data.themeIds, [])
  })

  const cases: [string, unknown, string[] | 'refused'][] = [
    ['nothing ticked (the field is absent)', undefined, []],
    ['an empty value', '', []],
    ['one box ticked (a single value)', neglect.id, [neglect.id]],
    ['several boxes ticked (an array)', [neglect.id, oldTheme.id], [neglect.id, oldTheme.id]],
    ['the same id twice', [neglect.id, neglect.id], [neglect.id]],
    ['something that is not an id', 'neglect', 'refused'],
    ['an id beside something else', [neglect.id, 'x'], 'refused'],
    ['an object', { id: neglect.id }, []],
  ]
  for (const [story, posted, expected] of cases)
    it(`reads ${story}`, () => {
      const parsed = themeIds.safeParse(posted)
      if (expected === 'refused') {
        assert.equal(parsed.success, false)
        assert.equal(parsed.error!.issues[0]!.message, 'Select themes from the list')
        assert.deepEqual(parsed.error!.issues[0]!.path, [], 'the message belongs to the field, not an item of it')
      } else assert.deepEqual(parsed.data, expected)
    })
})

describe('themeCheckboxItems', () => {
  it('ticks the saved or posted ids and says why a retired theme is still there', () => {
    assert.deepEqual(themeCheckboxItems([neglect, oldTheme], [oldTheme.id]), [
      { value: neglect.id, text: 'Neglect', checked: false },
      {
        value: oldTheme.id,
        text: 'Toxic trio',
        checked: true,
        hint: { text: 'Retired: kept because this record has it, but no longer offered' },
      },
    ])
    assert.equal(themeCheckboxItems([neglect], neglect.id)[0]!.checked, true, 'one box posted back is a string')
    assert.equal(themeCheckboxItems([neglect], null)[0]!.checked, false)
    assert.ok(!('checked' in themeCheckboxItems([neglect])[0]!), 'without a selection the macro’s values decide')
  })
})

describe('themes as GOV.UK checkboxes', () => {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templateRoots), { autoescape: true })
  const ticked = (values: unknown) => {
    const html = env.renderString(
      '{% from "govuk/components/checkboxes/macro.njk" import govukCheckboxes %}' +
        '{{ govukCheckboxes({ name: "themeIds", idPrefix: "themeIds", items: items, values: values }) }}',
      { items: themeCheckboxItems([neglect, oldTheme]), values },
    )
    return [...html.matchAll(/value="([^"]+)" checked/g)].map((m) => m[1])
  }
  it('are ticked by the macro’s values, whether saved, posted as one or posted as several', () => {
    assert.deepEqual(ticked([oldTheme.id]), [oldTheme.id])
    assert.deepEqual(ticked(neglect.id), [neglect.id])
    assert.deepEqual(ticked([neglect.id, oldTheme.id]), [neglect.id, oldTheme.id])
    assert.deepEqual(ticked(undefined), [])
  })
})

describe('the default themes', () => {
  it('are about 25, each named once (whatever the case) with a one-line description', () => {
    assert.ok(defaultThemes.length >= 20 && defaultThemes.length <= 30, `${defaultThemes.length} themes`)
    const names = defaultThemes.map((t) => t.name.toLowerCase())
    assert.equal(new Set(names).size, names.length)
    for (const theme of defaultThemes) {
      assert.ok(theme.name.length <= 100, theme.name)
      assert.ok(theme.description.length > 10 && theme.description.length <= 300, theme.name)
      assert.doesNotMatch(theme.description, /\n/)
    }
  })

  it('cover the seed paper’s learning points and learning events', () => {
    const names = defaultThemes.map((t) => t.name)
    for (const name of [
      'Fathers and male carers',
      'Professional curiosity',
      'Neglect',
      'Parental mental health',
      'Substance misuse',
      'Behaviour and special educational needs',
      'Children with learning disabilities',
      'Physical abuse',
      'Multi-agency working and planning',
      'Adolescents at risk',
      'Domestic abuse',
      'Online safety',
      'Relationships and identity',
      'Information sharing',
      'Thresholds',
    ])
      assert.ok(names.includes(name), name)
  })
})

describe('theme presenters', () => {
  const updatedAt = new Date('2017-03-31T12:00:00Z')
  it('list each theme linking to its page, with its status, and download the same', () => {
    const rows = themeRows([
      { ...neglect, updatedAt },
      { ...oldTheme, updatedAt },
    ])
    assert.deepEqual(rows[0]![0], { html: `<a class="govuk-link" href="/themes/${neglect.id}">Neglect</a>` })
    assert.match(rows[1]![2]!.html!, /Retired/)
    assert.deepEqual(themeCsv([{ ...oldTheme, updatedAt }]), [
      ['Name', 'Description', 'Status', 'Last changed'],
      ['Toxic trio', oldTheme.description, 'Retired', '31 March 2017'],
    ])
  })
})
