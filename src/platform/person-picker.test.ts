import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import nunjucks from 'nunjucks'
import type { FormRequest } from './form-route.ts'
import {
  findRequested,
  pickerResultLimit,
  pickerViews,
  unpickedErrors,
  type PersonChoice,
  type Picker,
  type PickerView,
} from './person-picker.ts'
import { configureNunjucks, templateRoots } from './views.ts'

const grace = {
  id: '6f0c3a52-3b1e-4c1a-9d3e-1a2b3c4d5e6f',
  name: 'Grace Lindqvist',
  hint: 'Named Nurse, Oxford Health',
}
const anna = { id: '0b8f8e0e-6f0e-4c55-8f0c-2a4f3f7b9d10', name: 'Anna Kowalski', hint: 'Designated Nurse' }
const lucy = { id: '9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f', name: 'Lucy Hart', hint: null }

/** A picker over a fixed list, recording the searches it was asked for. */
function listPicker(everyone: PersonChoice[]) {
  const searches: { term: string; limit: number }[] = []
  const picker: Picker = {
    searchUrl: '/people/search',
    search: async (_request, term, limit) => {
      searches.push({ term, limit })
      return everyone.filter((p) => p.name.toLowerCase().includes(term.toLowerCase())).slice(0, limit)
    },
    chosen: async (_request, id) => everyone.find((p) => p.id === id) ?? null,
  }
  return { picker, searches }
}

const request = {} as FormRequest

describe('pickerViews', () => {
  it('a form opened on a record shows its person, and searches for no one', async () => {
    const { picker, searches } = listPicker([grace, anna])
    const views = await pickerViews({ personId: picker }, request, { personId: grace.id })
    assert.deepEqual(views.personId, {
      searchUrl: '/people/search',
      term: '',
      chosen: grace,
      results: null,
      more: false,
      emptySearch: false,
    })
    assert.deepEqual(searches, [])
  })

  it('Find searches the words in the box and lists the matches apart from the person already chosen', async () => {
    const { picker, searches } = listPicker([grace, anna, lucy])
    const views = await pickerViews(
      { personId: picker },
      request,
      { personId: grace.id, 'personId-search': '  a  ' },
      'personId',
    )
    assert.deepEqual(views.personId!.chosen, grace)
    assert.deepEqual(views.personId!.results, [anna, lucy])
    assert.equal(views.personId!.term, 'a')
    assert.deepEqual(searches, [{ term: 'a', limit: pickerResultLimit + 2 }])
  })

  it('shows the first 20 matches and says there are more', async () => {
    const many = Array.from({ length: 30 }, (_, n) => ({
      id: `00000000-0000-4000-8000-0000000000${String(n).padStart(2, '0')}`,
      name: `Morgan ${n}`,
      hint: null,
    }))
    const { picker } = listPicker(many)
    const view = (await pickerViews({ personId: picker }, request, { 'personId-search': 'morgan' }, 'personId'))
      .personId!
    assert.equal(view.results!.length, 20)
    assert.equal(view.more, true)
    const fewer = (await pickerViews({ personId: picker }, request, { 'personId-search': 'morgan 1' })).personId!
    assert.equal(fewer.more, false)
  })

  it('Find with an empty box says what to do; a value that is not an id is not looked up', async () => {
    const { picker, searches } = listPicker([grace])
    const view = (
      await pickerViews({ personId: picker }, request, { personId: 'Grace', 'personId-search': ' ' }, 'personId')
    ).personId!
    assert.equal(view.emptySearch, true)
    assert.equal(view.chosen, null)
    assert.equal(view.results, null)
    assert.deepEqual(searches, [])
  })
})

describe('findRequested and unpickedErrors', () => {
  const { picker } = listPicker([grace])
  const pickers = { personId: picker }

  it('only a declared picker field is a Find', () => {
    assert.equal(findRequested(pickers, { _find: 'personId' }), 'personId')
    assert.equal(findRequested(pickers, { _find: 'agencyId' }), null)
    assert.equal(findRequested(pickers, { _find: ['personId', 'personId'] }), null)
    assert.equal(findRequested(pickers, { _find: 'constructor' }), null)
    assert.equal(findRequested(undefined, { _find: 'personId' }), null)
  })

  it('words typed with no one chosen are an error; choosing someone, or "None", is not', () => {
    assert.deepEqual(unpickedErrors(pickers, { 'personId-search': 'gra' }), {
      personId: 'Select a person from the list',
    })
    assert.deepEqual(unpickedErrors(pickers, { 'personId-search': 'gra', personId: grace.id }), {})
    assert.deepEqual(unpickedErrors(pickers, { 'personId-search': 'gra', personId: '' }), {})
    assert.deepEqual(unpickedErrors(pickers, { 'personId-search': '   ' }), {})
  })
})

// ------------------------------------------------------------------ the macro's examples

const env = configureNunjucks(
  new nunjucks.Environment(new nunjucks.FileSystemLoader(templateRoots), { autoescape: true }),
)

function render(params: Record<string, unknown>) {
  return env.renderString(
    '{% from "views/macros/person-picker.njk" import appPersonPicker %}{{ appPersonPicker(params) }}',
    { params },
  )
}

const view = (changes: Partial<PickerView> = {}): PickerView => ({
  searchUrl: '/directory/people/search',
  term: '',
  chosen: null,
  results: null,
  more: false,
  emptySearch: false,
  ...changes,
})

/** The radios as "name [hint] (checked)". */
function radios(html: string) {
  return [
    ...html.matchAll(
      /<input class="govuk-radios__input" id="([^"]+)" name="personId" type="radio" value="([^"]*)"( checked)?[^>]*>\s*<label[^>]*>\s*([^<]*?)\s*<\/label>(?:\s*<div[^>]*govuk-radios__hint">\s*([^<]*?)\s*<\/div>)?/g,
    ),
  ].map(
    ([, id, value, checked, name, hint]) =>
      `${id}=${value || '""'} ${name}${hint ? ` [${hint}]` : ''}${checked ? ' (checked)' : ''}`,
  )
}

const base = { name: 'personId', label: { text: 'Person' }, hint: { text: 'If you cannot find them, add them first.' } }

describe('appPersonPicker examples', () => {
  it('a fresh form: a search box and a Find button that posts the field’s name, and no radios', () => {
    const html = render({ ...base, picker: view() })
    assert.match(
      html,
      /data-module="app-person-picker" data-search-url="\/directory\/people\/search" data-name="personId"/,
    )
    assert.match(html, /<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Person<\/legend>/)
    assert.match(html, /<fieldset class="govuk-fieldset" aria-describedby="personId-hint">/)
    assert.match(html, /<label class="govuk-label" for="personId">\s*Search for a person by name\s*<\/label>/)
    assert.match(
      html,
      /id="personId" name="personId-search" type="text" spellcheck="false" value="" autocomplete="off"/,
    )
    assert.match(
      html,
      /<button type="submit" value="personId" name="_find" class="govuk-button govuk-button--secondary/,
    )
    assert.deepEqual(radios(html), [])
    assert.doesNotMatch(html, /No people match|None/)
  })

  it('an optional field holding a person: them, checked, and "None" after "or"', () => {
    const html = render({ ...base, optional: true, picker: view({ chosen: grace }) })
    assert.deepEqual(radios(html), [
      `personId-choice=${grace.id} Grace Lindqvist [Named Nurse, Oxford Health] (checked)`,
      'personId-choice-3="" None',
    ])
    assert.match(html, /<div class="govuk-radios__divider">or<\/div>/)
  })

  it('after Find: the matches, none checked, each with their job and agency', () => {
    const html = render({ ...base, picker: view({ term: 'nurse', results: [anna, lucy] }) })
    assert.deepEqual(radios(html), [
      `personId-choice=${anna.id} Anna Kowalski [Designated Nurse]`,
      `personId-choice-2=${lucy.id} Lucy Hart`,
    ])
    assert.match(html, /name="personId-search" type="text" spellcheck="false" value="nurse"/)
  })

  it('says when no one matches, when the box was empty, and when there are more than it shows', () => {
    assert.match(render({ ...base, picker: view({ term: 'zz', results: [] }) }), /No people match ‘zz’\./)
    assert.match(
      render({ ...base, picker: view({ emptySearch: true }) }),
      /Enter part of their name, then select Find\./,
    )
    assert.match(
      render({ ...base, picker: view({ term: 'a', results: [anna, lucy], more: true }) }),
      /These are the first 2 people who match ‘a’\. Enter more of their name to find fewer\./,
    )
  })

  it('with an error: the group, the message and the box are marked, and the fieldset is described by both', () => {
    const html = render({ ...base, errorMessage: { text: 'Select a person from the list' }, picker: view() })
    assert.match(html, /class="govuk-form-group app-person-picker govuk-form-group--error"/)
    assert.match(html, /aria-describedby="personId-hint personId-error"/)
    assert.match(
      html,
      /<p id="personId-error" class="govuk-error-message">\s*<span class="govuk-visually-hidden">Error:<\/span> Select a person from the list/,
    )
    assert.match(html, /class="govuk-input moj-search__input govuk-input--error" id="personId"/)
  })

  it('escapes what people typed and what the directory holds', () => {
    const html = render({
      ...base,
      picker: view({ term: '"><script>', results: [{ id: lucy.id, name: '<b>Lucy</b>', hint: 'A & B' }] }),
    })
    assert.doesNotMatch(html, /<script>|<b>/)
    assert.match(html, /value="&quot;&gt;&lt;script&gt;"/)
    assert.deepEqual(radios(html), [`personId-choice=${lucy.id} &lt;b&gt;Lucy&lt;/b&gt; [A &amp; B]`])
  })
})
