import { escapeHtml, linkHtml, tagHtml } from '../../../platform/html.ts'
import type { RankedTheme } from './ranking.ts'

/** Themes across reviews as table rows and a download. Pure, so tested without HTTP. */

/**
 * Each theme's place: one more than the number of themes ahead of it, so themes level on learning
 * points and reviews share a place ("2=") and the next place is skipped, as league tables do.
 */
export function ranks(themes: readonly Pick<RankedTheme, 'learningPoints' | 'reviews'>[]) {
  return themes.map((theme) => {
    const ahead = themes.filter(
      (other) =>
        other.learningPoints > theme.learningPoints ||
        (other.learningPoints === theme.learningPoints && other.reviews > theme.reviews),
    ).length
    const level = themes.filter((o) => o.learningPoints === theme.learningPoints && o.reviews === theme.reviews)
    return { place: ahead + 1, tied: level.length > 1 }
  })
}

const placeText = (r: { place: number; tied: boolean }) => `${r.place}${r.tied ? '=' : ''}`

const trainingText = (training: RankedTheme['training']) =>
  training.map((t) => `${t.title} (${t.events} ${t.events === 1 ? 'event' : 'events'})`)

export function rankedThemeRows(themes: RankedTheme[]) {
  const places = ranks(themes)
  return themes.map((theme, i) => [
    { text: placeText(places[i]!), format: 'numeric' },
    {
      html: `<strong>${escapeHtml(theme.name)}</strong>${theme.description ? `<br><span class="govuk-body-s">${escapeHtml(theme.description)}</span>` : ''}`,
    },
    { text: String(theme.learningPoints), format: 'numeric' },
    {
      html: `${theme.reviews}: ${theme.cases.map((c) => linkHtml(`/case-reviews/${c.id}/learning`, c.reference, 'learning points')).join(', ')}`,
    },
    {
      html: theme.training.length
        ? `${tagHtml('Training linked', 'green')}<ul class="govuk-list govuk-body-s">${trainingText(theme.training)
            .map((line) => `<li>${escapeHtml(line)}</li>`)
            .join('')}</ul>`
        : tagHtml('No training linked', 'grey'),
    },
  ])
}

export function rankedThemeCsv(themes: RankedTheme[]) {
  const places = ranks(themes)
  return [
    ['Place', 'Theme', 'Learning points', 'Reviews', 'Review references', 'Training linked', 'Training in the period'],
    ...themes.map((theme, i) => [
      placeText(places[i]!),
      theme.name,
      theme.learningPoints,
      theme.reviews,
      theme.cases.map((c) => c.reference).join('; '),
      theme.training.length ? 'Yes' : 'No',
      trainingText(theme.training).join('; '),
    ]),
  ]
}
