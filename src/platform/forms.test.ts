import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { ValidationError } from './errors.ts'
import {
  checkbox,
  checkboxes,
  dateInput,
  errorList,
  normaliseText,
  optionalEmail,
  optionalText,
  parseForm,
  requiredEmail,
  requiredText,
  version,
} from './forms.ts'

/** Runs a field schema on one input: the value it gives, or the GOV.UK message it shows. */
function check(schema: z.ZodType, input: unknown): { value: unknown } | { error: string } {
  const result = schema.safeParse(input)
  return result.success ? { value: result.data } : { error: result.error.issues[0]!.message }
}

type Case = [input: unknown, expected: { value: unknown } | { error: string }]

function table(name: string, schema: z.ZodType, cases: Case[]) {
  describe(name, () => {
    for (const [input, expected] of cases) {
      it(`${JSON.stringify(input)?.slice(0, 40) ?? 'missing'} → ${JSON.stringify(expected).slice(0, 80)}`, () => {
        assert.deepEqual(check(schema, input), expected)
      })
    }
  })
}

table('requiredText', requiredText('the agency’s name', 10), [
  [undefined, { error: 'Enter the agency’s name' }],
  ['', { error: 'Enter the agency’s name' }],
  ['   ', { error: 'Enter the agency’s name' }],
  ['  Police  ', { value: 'Police' }],
  ['a'.repeat(10), { value: 'a'.repeat(10) }],
  ['a'.repeat(11), { error: 'Agency’s name must be 10 characters or less' }],
  ['Po\u200Blice', { value: 'Police' }],
  ['\uFEFF\u2060\u200C\u200D', { error: 'Enter the agency’s name' }],
  ['Cafe\u0301', { value: 'Caf\u00E9' }],
])

describe('normaliseText', () => {
  it('makes a name pasted with invisible characters or typed with a combining accent equal to the plain one', () => {
    assert.equal(normaliseText('Thames \u200BValley Police\uFEFF'), 'Thames Valley Police')
    assert.equal(normaliseText('Ren\u0065\u0301e Dubois'), normaliseText('Ren\u00E9e Dubois'))
    assert.equal(normaliseText('Ren\u0065\u0301e Dubois').length, 'Renée Dubois'.length)
  })

  it('keeps visible characters and ordinary spaces', () => {
    assert.equal(normaliseText('Mary-Jane O’Neill  (Lead)'), 'Mary-Jane O’Neill  (Lead)')
  })
})

table('optionalText', optionalText('job title', 5), [
  [undefined, { value: null }],
  ['', { value: null }],
  ['   ', { value: null }],
  [' Chair ', { value: 'Chair' }],
  ['\u200B', { value: null }],
  ['Ch\u200Dair', { value: 'Chair' }],
  ['Chairs', { error: 'Job title must be 5 characters or less' }],
])

const emailFormat = 'Enter an email address in the correct format, like name@example.com'
const longEmail = `${'a'.repeat(243)}@example.com`

table('requiredEmail', requiredEmail(), [
  [undefined, { error: 'Enter an email address' }],
  ['', { error: 'Enter an email address' }],
  ['  ', { error: 'Enter an email address' }],
  ['sam.patel', { error: emailFormat }],
  ['sam@', { error: emailFormat }],
  ['sam patel@example.com', { error: emailFormat }],
  ['  Sam.Patel@Example.COM ', { value: 'sam.patel@example.com' }],
  [longEmail, { error: 'Email address must be 254 characters or less' }],
])

table('optionalEmail', optionalEmail(), [
  [undefined, { value: null }],
  ['', { value: null }],
  ['  ', { value: null }],
  ['sam.patel', { error: emailFormat }],
  ['Sam.Patel@Example.com', { value: 'sam.patel@example.com' }],
  [longEmail, { error: 'Email address must be 254 characters or less' }],
])

table('checkbox', checkbox, [
  [undefined, { value: false }],
  ['', { value: false }],
  ['true', { value: true }],
  ['on', { value: true }],
])

it('checkbox refuses a value a checkbox cannot send', () => {
  assert.equal(checkbox.safeParse('yes').success, false)
})

table('checkboxes', checkboxes(['chair', 'member', 'adviser'], 'Select a role from the list'), [
  [undefined, { value: [] }],
  ['chair', { value: ['chair'] }],
  [['chair', 'adviser'], { value: ['chair', 'adviser'] }],
  ['treasurer', { error: 'Select a role from the list' }],
  [['chair', 'treasurer'], { error: 'Select a role from the list' }],
])

const outOfDate = { error: 'This form is out of date or incomplete. Open it again and make your changes.' }

// The version is a hidden field: anything but a version PostgreSQL can compare is refused as a stale form would be.
table('version', version, [
  ['1', { value: 1 }],
  ['2147483647', { value: 2147483647 }],
  ['2147483648', outOfDate],
  ['0', outOfDate],
  ['-1', outOfDate],
  ['1.5', outOfDate],
  ['1e309', outOfDate],
  ['seven', outOfDate],
  ['', outOfDate],
  [undefined, outOfDate],
  [['1', '2'], outOfDate],
])

describe('dateInput (GOV.UK date input: day, month and year fields)', () => {
  const range = { min: '1990-01-01', max: '2100-12-31' }
  const cases: [
    parts: [string, string, string],
    options: { required: boolean },
    expected: { value?: string | null; error?: string },
  ][] = [
    [['', '', ''], { required: true }, { error: 'Enter the start date' }],
    [['', '', ''], { required: false }, { value: null }],
    [['', '4', '2017'], { required: true }, { error: 'Start date must include a day' }],
    [['1', '', '2017'], { required: true }, { error: 'Start date must include a month' }],
    [['1', '4', ''], { required: true }, { error: 'Start date must include a year' }],
    [['', '', '2017'], { required: true }, { error: 'Start date must include a day and month' }],
    [['31', '2', '2017'], { required: true }, { error: 'Start date must be a real date' }],
    [['29', '2', '2017'], { required: true }, { error: 'Start date must be a real date' }],
    [['0', '4', '2017'], { required: true }, { error: 'Start date must be a real date' }],
    [['1', '13', '2017'], { required: true }, { error: 'Start date must be a real date' }],
    [['1', 'April', '2017'], { required: true }, { error: 'Start date must be a real date' }],
    [['1', '4', '17'], { required: true }, { error: 'Start date must be a real date' }],
    [['1', '4', '-2017'], { required: true }, { error: 'Start date must be a real date' }],
    [['31', '12', '1989'], { required: true }, { error: 'Start date must be on or after 1990' }],
    [['1', '1', '2101'], { required: true }, { error: 'Start date must be on or before 2100' }],
    [['1', '1', '1990'], { required: true }, { value: '1990-01-01' }],
    [['29', '2', '2016'], { required: true }, { value: '2016-02-29' }],
    [[' 1 ', '04', '2017'], { required: false }, { value: '2017-04-01' }],
    [['31', '3', '2017'], { required: true }, { value: '2017-03-31' }],
  ]
  for (const [[day, month, year], options, expected] of cases) {
    it(`${day || '_'} ${month || '_'} ${year || '_'}${options.required ? '' : ' (optional)'} → ${JSON.stringify(expected)}`, () => {
      const body = { 'startsOn-day': day, 'startsOn-month': month, 'startsOn-year': year }
      assert.deepEqual(dateInput(body, 'startsOn', 'the start date', { ...options, ...range }), expected)
    })
  }

  it('treats missing fields like empty ones', () => {
    assert.deepEqual(dateInput({}, 'endsOn', 'the end date', { required: false }), { value: null })
    assert.deepEqual(dateInput({ 'endsOn-year': '2018' }, 'endsOn', 'the end date', { required: false }), {
      error: 'End date must include a day and month',
    })
  })
})

describe('parseForm', () => {
  const schema = z.object({ name: requiredText('their full name'), email: requiredEmail() })

  it('returns the parsed values', () => {
    assert.deepEqual(parseForm(schema, { name: ' Sam Patel ', email: 'SAM@example.com' }), {
      name: 'Sam Patel',
      email: 'sam@example.com',
    })
  })

  it('throws field → message for the error summary, one message per field', () => {
    assert.throws(
      () => parseForm(schema, { name: '', email: 'nope' }),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError)
        assert.deepEqual(error.fieldErrors, { name: 'Enter their full name', email: emailFormat })
        assert.deepEqual(errorList(error.fieldErrors), [
          { text: 'Enter their full name', href: '#name' },
          { text: emailFormat, href: '#email' },
        ])
        return true
      },
    )
  })

  it('treats a missing body as an empty form', () => {
    assert.throws(() => parseForm(schema, undefined), ValidationError)
  })
})
