import { z } from 'zod'
import { dateInput, requiredText, version } from '../forms.ts'
import { bankHolidaysFrom } from '../working-days.ts'
import { dayField, weekendProblem, type ChangeKind } from './service.ts'

/** The bank holiday forms: a day (GOV.UK date input) with a name or reason; removing posts the version. */

export const holidaySchema = z.object({ name: requiredText('the name of the bank holiday', 100) })

export const workingDaySchema = z.object({ name: requiredText('why it is a working day', 200) })

export const removeSchema = z.object({ version })

/**
 * The day, from the table's first year on (a later year than the table's is how a new holiday is
 * added); a weekend is refused with the rest of the form, what is on record when it is saved.
 */
export function changeDay(kind: ChangeKind) {
  return (body: Record<string, unknown>) => {
    const day = dateInput(body, 'day', 'the date', {
      required: true,
      min: `${bankHolidaysFrom}-01-01`,
      max: '2100-12-31',
    })
    const problem = day.error ?? weekendProblem(kind, day.value!)
    return problem ? { errors: { [dayField]: problem } } : { values: { day: day.value! } }
  }
}
