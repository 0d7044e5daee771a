import { areaByCode, areaLabel, localAuthorities } from '../areas.ts'
import { formatValue } from '../labels.ts'
import type { Indicator } from '../schema.ts'
import type { NeighbourAverage } from './average.ts'
import { maxNeighbours } from './service.ts'

/** The neighbours page as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

const byName = () => [...localAuthorities()].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))

/** A select's items: every local authority by name, "Oxfordshire (931)", after the empty choice. */
export function authorityItems(empty: string) {
  return [
    { value: '', text: empty },
    ...byName().map((a) => ({ value: a.code, text: `${areaLabel(a)} (${a.oldCode})` })),
  ]
}

/** How many neighbour rows the form shows: ten, or three more than are saved, up to the most allowed. */
export const neighbourRowCount = (saved: number) => Math.min(maxNeighbours, Math.max(10, saved + 3))

/** "8 of 10 neighbours have a value". */
export function coverageText(withValue: number, of: number) {
  return `${withValue} of ${of} ${of === 1 ? 'neighbour has' : 'neighbours have'} a value`
}

/**
 * A row per measure: its name, the year of the neighbours' latest data, the own authority's value
 * for that year, the neighbours' average and how many of them it is the average of.
 */
export function averageRows(
  measures: readonly Indicator[],
  averages: ReadonlyMap<string, NeighbourAverage>,
  ownValues: ReadonlyMap<string, number | null>,
) {
  return measures.map((m) => {
    const average = averages.get(m.id)
    if (!average)
      return [{ text: m.name }, { text: 'No data' }, { text: '' }, { text: '' }, { text: 'No neighbour has a value' }]
    const own = ownValues.get(`${m.id} ${average.period}`)
    return [
      { text: m.name },
      { text: average.period },
      { text: own === undefined || own === null ? 'No value' : formatValue(own, m.unit), format: 'numeric' },
      { text: formatValue(average.mean, m.unit), format: 'numeric' },
      { text: coverageText(average.withValue, average.of) },
    ]
  })
}

export const areaName = (code: string | null) => (code ? (areaByCode(code)?.name ?? code) : null)
