import { escapeHtml, linkHtml, tagHtml } from '../../../platform/html.ts'
import { durationText, formatLabels, levelLabels } from '../labels.ts'
import { courseFormats, courseLevels, type CourseFormat, type CourseLevel } from '../schema.ts'

/** Courses as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

export const formatItems = (withAny = false) => [
  ...(withAny ? [{ value: '', text: 'Any format' }] : []),
  ...courseFormats.map((format) => ({ value: format, text: formatLabels[format] })),
]

export const levelItems = () => courseLevels.map((level) => ({ value: level, text: levelLabels[level] }))

const statusText = (active: boolean) => (active ? 'Active' : 'Retired')
const statusTag = (active: boolean) => tagHtml(statusText(active), active ? 'green' : 'grey')

type CourseRow = {
  id: string
  title: string
  format: CourseFormat
  level: CourseLevel
  durationMinutes: number
  active: boolean
  upcomingCount: number
}

export function courseRows(rows: CourseRow[]) {
  return rows.map((c) => [
    { html: linkHtml(`/learning/courses/${c.id}`, c.title) },
    { text: formatLabels[c.format] },
    { text: levelLabels[c.level] },
    { text: durationText(c.durationMinutes) },
    { text: String(c.upcomingCount), format: 'numeric' },
    { html: statusTag(c.active) },
  ])
}

export function courseCsv(rows: CourseRow[]) {
  return [
    ['Title', 'Format', 'Level', 'Duration (minutes)', 'Upcoming events', 'Status'],
    ...rows.map((c) => [
      c.title,
      formatLabels[c.format],
      levelLabels[c.level],
      c.durationMinutes,
      c.upcomingCount,
      statusText(c.active),
    ]),
  ]
}

export function courseSummary(
  course: {
    summary: string
    learningOutcomes: string
    audience: string
    level: CourseLevel
    format: CourseFormat
    durationMinutes: number
    active: boolean
  },
  themes: string[],
) {
  const outcomes = course.learningOutcomes
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  return [
    { key: { text: 'Summary' }, value: { text: course.summary } },
    {
      key: { text: 'Learning outcomes' },
      value: outcomes.length
        ? {
            html: `<ul class="govuk-list govuk-list--bullet">${outcomes.map((o) => `<li>${escapeHtml(o)}</li>`).join('')}</ul>`,
          }
        : { text: 'None recorded' },
    },
    { key: { text: 'Who it is for' }, value: { text: course.audience } },
    { key: { text: 'Themes' }, value: { text: themes.length ? themes.join(', ') : 'None' } },
    { key: { text: 'Level' }, value: { text: levelLabels[course.level] } },
    { key: { text: 'Format' }, value: { text: formatLabels[course.format] } },
    { key: { text: 'Duration' }, value: { text: durationText(course.durationMinutes) } },
    { key: { text: 'Status' }, value: { text: statusText(course.active) } },
  ]
}
