import { linkHtml, tagHtml } from '../../../platform/html.ts'
import { formatValue, frequencyLabels, polarityLabels, unitLabels } from '../labels.ts'
import { frequencies, indicatorUnits, polarities, type Indicator } from '../schema.ts'

/** The catalogue as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

const statusText = (indicator: Pick<Indicator, 'retiredAt'>) => (indicator.retiredAt ? 'Retired' : 'In use')
const kindText = (indicator: Pick<Indicator, 'standard'>) => (indicator.standard ? 'Standard' : 'Own measure')

export function indicatorRows(rows: Indicator[], canManage: boolean) {
  return rows.map((i) => [
    { text: i.code },
    {
      html: `${linkHtml(`/performance/indicators/${i.id}`, i.name)}${
        canManage
          ? ` <span class="govuk-!-display-block">${linkHtml(`/performance/indicators/${i.id}/edit`, 'Change', i.name)}</span>`
          : ''
      }`,
    },
    { text: unitLabels[i.unit] },
    { text: polarityLabels[i.polarity] },
    { text: `${i.source}${i.standard ? '' : ' (own measure)'}` },
    { text: frequencyLabels[i.frequency] },
    { text: i.target === null ? 'None set' : formatValue(i.target, i.unit), format: 'numeric' },
    { html: tagHtml(statusText(i), i.retiredAt ? 'grey' : 'green') },
  ])
}

export function indicatorCsv(rows: Indicator[]) {
  return [
    [
      'Code',
      'Name',
      'Kind',
      'Definition',
      'Unit',
      'Polarity',
      'Source',
      'Frequency',
      'Department column',
      'Target',
      'Position',
      'Status',
    ],
    ...rows.map((i) => [
      i.code,
      i.name,
      kindText(i),
      i.definition,
      unitLabels[i.unit],
      polarityLabels[i.polarity],
      i.source,
      frequencyLabels[i.frequency],
      i.dfeColumn ?? '',
      i.target ?? '',
      i.position,
      statusText(i),
    ]),
  ]
}

export const unitItems = () => indicatorUnits.map((value) => ({ value, text: unitLabels[value] }))
export const polarityItems = () => polarities.map((value) => ({ value, text: polarityLabels[value] }))
export const frequencyItems = () => frequencies.map((value) => ({ value, text: frequencyLabels[value] }))

/** What a standard measure shows instead of inputs: the department's definition, which is not for changing. */
export function standardSummary(indicator: Indicator) {
  return [
    { key: { text: 'Code' }, value: { text: indicator.code } },
    { key: { text: 'Name' }, value: { text: indicator.name } },
    { key: { text: 'Definition' }, value: { text: indicator.definition } },
    { key: { text: 'Unit' }, value: { text: unitLabels[indicator.unit] } },
    { key: { text: 'Which way is better' }, value: { text: polarityLabels[indicator.polarity] } },
    { key: { text: 'Source' }, value: { text: indicator.source } },
    { key: { text: 'Frequency' }, value: { text: frequencyLabels[indicator.frequency] } },
    { key: { text: 'Department’s column' }, value: { text: indicator.dfeColumn ?? 'None' } },
  ]
}

/** A saved measure as the form's values (numbers as the text the inputs show). */
export function indicatorValues(indicator: Indicator, themeIds: string[]) {
  return {
    ...indicator,
    kind: indicator.standard ? 'standard' : 'own',
    target: indicator.target === null ? '' : String(indicator.target),
    position: String(indicator.position),
    dfeColumn: indicator.dfeColumn ?? '',
    themeIds,
  }
}

/** The record type's formats in the audit log. */
export const indicatorAuditFormats = {
  unit: (value: unknown) => unitLabels[value as Indicator['unit']] ?? String(value),
  polarity: (value: unknown) => polarityLabels[value as Indicator['polarity']] ?? String(value),
  frequency: (value: unknown) => frequencyLabels[value as Indicator['frequency']] ?? String(value),
  retiredAt: (value: unknown) => (value ? 'Retired' : 'In use'),
}
