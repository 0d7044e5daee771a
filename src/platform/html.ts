/**
 * The one HTML escaper, and the few snippets presenters put in table cells. Templates escape by
 * themselves (autoescape); these are for cells passed to GOV.UK macros as `html`.
 */
export function escapeHtml(text: string) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** A link whose text is escaped; `hidden` adds words for screen readers ("Change<hidden> Jo’s membership</hidden>"). */
export function linkHtml(href: string, text: string, hidden?: string) {
  const extra = hidden ? `<span class="govuk-visually-hidden"> ${escapeHtml(hidden)}</span>` : ''
  return `<a class="govuk-link" href="${escapeHtml(href)}">${escapeHtml(text)}${extra}</a>`
}

export type TagColour = 'green' | 'grey' | 'blue' | 'red' | 'yellow' | 'orange' | 'purple' | 'turquoise' | 'pink'

/** A GOV.UK tag. */
export function tagHtml(text: string, colour: TagColour = 'grey') {
  return `<strong class="govuk-tag govuk-tag--${colour}">${escapeHtml(text)}</strong>`
}
