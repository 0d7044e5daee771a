import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dayWithWeekday } from '../views.ts'
import { calendarYears, holidayCsv, holidayRows, readYear, removalEffect } from './presenters.ts'
import type { BankHolidayRow } from './service.ts'

const rows: BankHolidayRow[] = [
  { day: '2016-12-26', name: 'Boxing Day', source: 'table', change: null },
  {
    day: '2016-12-27',
    name: 'Christmas Day (substitute day)',
    source: 'working-day',
    change: { id: 'a1', version: 1, name: 'Offices <open>' },
  },
  {
    day: '2016-12-28',
    name: 'Office closure',
    source: 'added',
    change: { id: 'b2', version: 2, name: 'Office closure' },
  },
]

describe('the bank holidays page', () => {
  it('writes a day as GOV.UK does, with its weekday and no comma', () => {
    assert.equal(dayWithWeekday('2016-12-26'), 'Monday 26 December 2016')
    assert.equal(dayWithWeekday('2031-01-01'), 'Wednesday 1 January 2031')
  })

  it('offers the table’s years, this year and next, and any year with a change, oldest first', () => {
    const years = calendarYears(2016, '2026-03-01', [2031])
    assert.equal(years[0]!.value, '2015')
    assert.equal(years.at(-1)!.value, '2031')
    assert.deepEqual(
      years.filter((y) => y.selected).map((y) => y.text),
      ['2016'],
    )
    assert.equal(calendarYears(2026, '2032-06-01', []).at(-1)!.value, '2033')
  })

  it('reads the year asked for, or this year for anything it cannot show', () => {
    assert.equal(readYear('2017', '2026-05-01'), 2017)
    assert.equal(readYear('1066', '2026-05-01'), 2026)
    assert.equal(readYear('2017abc', '2026-05-01'), 2026)
    assert.equal(readYear(undefined, '2026-05-01'), 2026)
  })

  it('marks the partnership’s changes, escapes its reasons, and offers changes only to those who may make them', () => {
    const managed = holidayRows(rows, true) as { text?: string; html?: string }[][]
    assert.equal(managed[0]![0]!.text, 'Monday 26 December 2016')
    assert.match(
      managed[1]![2]!.html!,
      /Kept as a working day<\/strong><br><span class="govuk-body-s">Offices &lt;open&gt;/,
    )
    assert.match(managed[0]![3]!.html!, /href="\/bank-holidays\/keep-working\?day=2016-12-26">Keep as a working day/)
    assert.match(managed[2]![3]!.html!, /href="\/bank-holidays\/b2\/remove">Remove change/)
    assert.equal((holidayRows(rows, false)[0] as unknown[]).length, 3)
  })

  it('downloads the source and reason of each day', () => {
    assert.deepEqual(holidayCsv(rows).slice(1), [
      ['2016-12-26', 'Boxing Day', 'England and Wales', 'No', ''],
      ['2016-12-27', 'Christmas Day (substitute day)', 'Kept as a working day', 'Yes', 'Offices <open>'],
      ['2016-12-28', 'Office closure', 'Added by the partnership', 'No', ''],
    ])
  })

  it('says what removing a change does to its day', () => {
    assert.match(
      removalEffect({ day: '2016-12-27', kind: 'working-day' }, 'Christmas Day'),
      /will be a bank holiday again/,
    )
    assert.match(removalEffect({ day: '2031-01-01', kind: 'holiday' }, null), /will be a working day again/)
    assert.match(removalEffect({ day: '2026-12-25', kind: 'holiday' }, 'Christmas Day'), /stays a bank holiday/)
  })
})
