import MarkdownIt from 'markdown-it'
import sanitizeHtml from 'sanitize-html'

/**
 * Narrative written by officers, in Markdown. Raw HTML in the text is shown as text (markdown-it
 * with `html: false`), markdown-it refuses `javascript:`, `vbscript:`, `file:` and `data:` links,
 * and the result goes through an allow-list sanitiser as well, so nothing a person types can run
 * in a reader's browser. Headings start at level 3: the report's own headings are 1 and 2.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: true })

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
  },
  allowedClasses: {
    p: ['govuk-body'],
    ul: ['govuk-list', 'govuk-list--bullet'],
    ol: ['govuk-list', 'govuk-list--number'],
    a: ['govuk-link'],
    h3: ['govuk-heading-s'],
  },
}

/** Markdown headings 1 and 2 become 3: narrative sits under the report's own headings. */
function demoteHeadings(text: string) {
  return text.replace(/^(\s{0,3})#{1,2}(?=\s)/gm, '$1###')
}

/** Safe HTML for a piece of narrative. */
export function renderMarkdown(text: string): string {
  return sanitizeHtml(markdown.render(demoteHeadings(text)), allowed)
}

/** The Markdown parser's tokens, for renderers that are not HTML (the DOCX writer). */
export function markdownTokens(text: string) {
  return markdown.parse(demoteHeadings(text), {})
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
