import { linkHtml, tagHtml } from '../../../platform/html.ts'
import type { listLearningPoints } from './service.ts'

/** Learning points as the parameters of GOV.UK macros. Pure, so tested without HTTP. */

type Point = Awaited<ReturnType<typeof listLearningPoints>>[number]

/** The learning tab's table: number, the point, its themes as tags, and (for those who manage) change and remove. */
export function learningPointRows(points: Point[], caseId: string, manage: boolean) {
  return points.map((point) => [
    { text: String(point.number), format: 'numeric' },
    { text: point.text },
    { html: point.themes.map((theme) => tagHtml(theme.name, 'blue')).join(' ') },
    ...(manage
      ? [
          {
            html: [
              linkHtml(`/case-reviews/${caseId}/learning/${point.id}/edit`, 'Change', `learning point ${point.number}`),
              linkHtml(
                `/case-reviews/${caseId}/learning/${point.id}/delete`,
                'Remove',
                `learning point ${point.number}`,
              ),
            ].join('<br>'),
          },
        ]
      : []),
  ])
}
