import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'

/**
 * Narrative written by officers, in Markdown. Raw HTML in the text is shown as text (markdown-it
 * with `html: false`), links are made only to http, https and mailto addresses and to addresses in
 * the app (anything else stays as the text typed), images are not Markdown here (reports carry
 * charts drawn from records, not pictures from elsewhere), and the result goes through an
 * allow-list sanitiser as well, so nothing a person types can run in a reader's browser or fetch
 * anything. Headings start at level 3: the report's own headings are 1 and 2.
 * markdown.test.ts tries the known tricks.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true }).disable('image')

const linkSchemes = ['http', 'https', 'mailto']

/**
 * A link is made when its address is http, https or mailto, or a path in the app. Something before
 * a colon counts as a scheme even when a browser would not read it as one, and `//host` (which
 * leaves the app) is refused: a link that could not be followed is better shown as text than as a
 * dead or surprising link.
 */
markdown.validateLink = (url: string) => {
  const address = url.trim()
  if (/^[/\\]{2}/.test(address)) return false
  const colon = address.indexOf(':')
  const separator = address.search(/[/?#]/)
  if (colon === -1 || (separator !== -1 && separator < colon)) return true
  return linkSchemes.includes(address.slice(0, colon).toLowerCase())
}

/**
 * Markdown headings 1 and 2 become 3, wherever they are (`#`, underlined, in a list or a quote):
 * narrative sits under the report's own headings. Done on the parsed tokens, so code is untouched.
 */
markdown.core.ruler.push('demote_headings', (state) => {
  for (const token of state.tokens) {
    if ((token.type === 'heading_open' || token.type === 'heading_close') && ['h1', 'h2'].includes(token.tag)) {
      token.tag = 'h3'
    }
  }
  return true
})

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h3',
    'h4',
    'h5',
    'h6',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'a',
    'blockquote',
    'code',
    'pre',
    'br',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href'], ol: ['start'], th: ['scope'] },
  allowedSchemes: ['https', 'http', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // GOV.UK classes on the elements, so narrative reads like the rest of the page.
  transformTags: {
    p: sanitizeHtml.simpleTransform('p', { class: 'govuk-body' }),
    ul: sanitizeHtml.simpleTransform('ul', { class: 'govuk-list govuk-list--bullet' }),
    ol: sanitizeHtml.simpleTransform('ol', { class: 'govuk-list govuk-list--number' }),
    a: sanitizeHtml.simpleTransform('a', { class: 'govuk-link' }),
    h3: sanitizeHtml.simpleTransform('h3', { class: 'govuk-heading-s' }),
    table: sanitizeHtml.simpleTransform('table', { class: 'govuk-table' }),
    thead: sanitizeHtml.simpleTransform('thead', { class: 'govuk-table__head' }),
    tbody: sanitizeHtml.simpleTransform('tbody', { class: 'govuk-table__body' }),
    tr: sanitizeHtml.simpleTransform('tr', { class: 'govuk-table__row' }),
    th: sanitizeHtml.simpleTransform('th', { class: 'govuk-table__header' }),
    td: sanitizeHtml.simpleTransform('td', { class: 'govuk-table__cell' }),
  },
  allowedClasses: {
    p: ['govuk-body'],
    ul: ['govuk-list', 'govuk-list--bullet'],
    ol: ['govuk-list', 'govuk-list--number'],
    a: ['govuk-link'],
    h3: ['govuk-heading-s'],
    table: ['govuk-table'],
    thead: ['govuk-table__head'],
    tbody: ['govuk-table__body'],
    tr: ['govuk-table__row'],
    th: ['govuk-table__header'],
    td: ['govuk-table__cell'],
  },
}

/** Safe HTML for a piece of narrative. */
export function renderMarkdown(text: string): string {
  return sanitizeHtml(markdown.render(text), allowed)
}

/** The Markdown parser's tokens, for renderers that are not HTML (the DOCX writer). */
export function markdownTokens(text: string) {
  return markdown.parse(text, {})
}

/** `{{partnership.board-members}}` in prose form, `{{partnership.board-members|exact}}` exactly. */
const placeholderPattern = /\{\{\s*([a-z0-9-]+\.[a-z0-9-]+)\s*(?:\|\s*(exact)\s*)?\}\}/g

export interface PlaceholderFigure {
  display: string
  prose: string
}

/**
 * Replaces figure placeholders with the figures' values. Unknown names are left visible, in
 * square brackets, and listed so the report cannot be approved with them.
 */
export function resolvePlaceholders(
  text: string,
  figures: ReadonlyMap<string, PlaceholderFigure>,
): { text: string; unknown: string[]; used: string[] } {
  const unknown: string[] = []
  const used: string[] = []
  const resolved = text.replace(placeholderPattern, (_whole, name: string, exact?: string) => {
    const figure = figures.get(name)
    if (!figure) {
      unknown.push(name)
      return `[unknown figure ${name}]`
    }
    used.push(name)
    return exact ? figure.display : figure.prose
  })
  return { text: resolved, unknown, used }
}

/** The placeholder an officer types (or the editor inserts) for a figure. */
export function placeholderFor(name: string) {
  return `{{${name}}}`
}

/**
 * Text from a record (a theme's description) put into narrative so that it reads exactly as
 * written: the marks that make emphasis, links, code, HTML and placeholders are escaped, and so is
 * anything at its start that would make a heading, list or quote; line breaks become spaces.
 */
export function literalMarkdown(text: string) {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>|~]/g, '\\$&')
    .replace(/^([#+=-])|^(\d+)([.)])/, (_all, mark?: string, digits?: string, after?: string) =>
      mark ? `\\${mark}` : `${digits}\\${after}`,
    )
}
