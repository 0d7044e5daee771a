import { yearSlug, type ReportingYear } from './reporting-years.ts'

/** An option of the year picker (views/macros/year-picker.njk): the year's slug as the value. */
export interface YearChoice {
  value: string
  text: string
  selected: boolean
}

const sameYear = (a: ReportingYear, b: ReportingYear) => a.startYear === b.startYear && a.startMonth === b.startMonth

/**
 * The years a page can be shown for, newest first, with the one shown selected. The year shown is
 * always offered, even when it is outside the years given (an old address), so the picker never
 * says a different year from the page.
 */
export function yearChoices(years: readonly ReportingYear[], selected: ReportingYear | null): YearChoice[] {
  const offered = selected && !years.some((y) => sameYear(y, selected)) ? [...years, selected] : [...years]
  return offered
    .sort((a, b) => b.startYear - a.startYear)
    .map((year) => ({
      value: yearSlug(year),
      text: year.label,
      selected: selected !== null && sameYear(year, selected),
    }))
}
