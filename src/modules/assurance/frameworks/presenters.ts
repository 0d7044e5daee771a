import { NotFoundError } from '../../../platform/errors.ts'
import { linkHtml } from '../../../platform/html.ts'
import type { Query } from '../../../platform/lists.ts'
import { listOf } from '../../../platform/views.ts'
import type { FrameworkKind } from '../audit-schema.ts'
import { scaleCodes, scales, type ScaleCode } from '../scales.ts'
import type { FrameworkRow, FrameworkView } from './service.ts'

export const kindLabels: Record<FrameworkKind, string> = {
  'section-11': 'Section 11 (partner agencies)',
  schools: 'Schools’ safeguarding audit (section 175/157)',
}

export const kindItems = () => Object.entries(kindLabels).map(([value, text]) => ({ value, text }))

export const scaleItems = () =>
  scaleCodes.map((code) => ({
    value: code,
    text: scales[code].label,
    hint: { text: scales[code].grades.map((g) => g.label).join(', ') },
  }))

export const startItems = () => [
  {
    value: 'defaults',
    text: 'Start from the standard framework of its kind',
    hint: { text: 'You can change every standard and criterion afterwards' },
  },
  { value: 'empty', text: 'Start empty' },
]

export function frameworkRows(rows: FrameworkRow[]) {
  return rows.map((f) => [
    { html: linkHtml(`/assurance/frameworks/${f.id}`, f.name) },
    { text: kindLabels[f.kind] },
    { text: scales[f.scale as ScaleCode].label },
    { text: String(f.version), format: 'numeric' },
    { text: String(f.cycles), format: 'numeric' },
  ])
}

export function frameworkCsv(rows: FrameworkRow[]) {
  return [
    ['Framework', 'For', 'Grading scale', 'Current version', 'Cycles using it'],
    ...rows.map((f) => [f.name, kindLabels[f.kind], scales[f.scale as ScaleCode].label, f.version, f.cycles]),
  ]
}

/**
 * What a change to the framework does, said before it is made: "Section 11 2016/17 uses version 2:
 * your change makes version 3", or nothing when the current version is not in use.
 */
export function versionNote(view: Pick<FrameworkView, 'current' | 'currentUsedBy'>) {
  const used = view.currentUsedBy
  if (!used.length) return null
  const names = listOf(used.map((c) => c.name))
  return `${names} ${used.length === 1 ? 'uses' : 'use'} version ${view.current.number}: your change makes version ${view.current.number + 1}. Cycles keep the version they were created with.`
}

export function frameworkBanner(query: Query) {
  if (query.created) return 'Framework created'
  if (query.changed) return `Change saved in version ${query.changed}`
  return null
}

export function findStandard(view: FrameworkView, standardId: string) {
  const standard = view.standards.find((s) => s.id === standardId)
  if (!standard) throw new NotFoundError()
  return standard
}

export function findCriterion(view: FrameworkView, criterionId: string) {
  for (const standard of view.standards) {
    const criterion = standard.criteria.find((c) => c.id === criterionId)
    if (criterion) return { standard, criterion }
  }
  throw new NotFoundError()
}

/** The words the framework page shows for its kind and the version's scale. */
export function frameworkLabels(view: Pick<FrameworkView, 'framework' | 'version'>) {
  const scale = scales[view.version.scale as ScaleCode]
  return {
    kindLabel: kindLabels[view.framework.kind],
    scaleLabel: scale.label,
    gradeWords: scale.grades.map((g) => g.label).join(', '),
  }
}
