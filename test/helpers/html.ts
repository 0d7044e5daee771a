import assert from 'node:assert/strict'

/**
 * Reading the app's pages in tests the way a person reads them: the title, the names listed in a
 * table, a summary list, the error summary, a record's history. One copy, so a change to a GOV.UK
 * component's markup is fixed here once.
 */

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" }

/** The text the browser shows for escaped HTML. */
export function decode(html: string) {
  return html.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, entity: string) => entities[entity]!)
}

/** Text without its tags and with white space folded, as a screen reader would read it. */
export function textOf(html: string) {
  return decode(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}

/** The page's <title>, which says "Error: " first when the form has errors. */
export function pageTitle(body: string) {
  return decode(body.match(/<title>([^<]*)<\/title>/)?.[1]?.trim() ?? '')
}

/** The table on a page with this caption. */
function tableCaptioned(body: string, caption: string) {
  const found = body
    .split('<table')
    .slice(1)
    .find((t) => decode(t.match(/<caption[^>]*>([\s\S]*?)<\/caption>/)?.[1]?.trim() ?? '') === caption)
  assert.ok(found, `no table captioned “${caption}”`)
  return found.split('</table>')[0]!
}

/**
 * The text of the link to `${hrefPrefix}/<id>` in each row of the page's first table (or the one
 * with this caption), in order: the names a list shows (`linkedNames(body, '/directory/people')`).
 * A row without one reads "(no link)".
 */
export function linkedNames(body: string, hrefPrefix: string, caption?: string) {
  const table = (caption ? tableCaptioned(body, caption) : body).match(/<tbody[\s\S]*?<\/tbody>/)?.[0] ?? ''
  const link = new RegExp(`href="${hrefPrefix}/[0-9a-f-]{36}">([^<]*)</a>`)
  return table
    .split('<tr')
    .slice(1)
    .map((row) => decode(row.match(link)?.[1] ?? '(no link)'))
}

/** A column of a table, as text, by the table's caption and the column's heading. */
export function tableColumn(body: string, caption: string, heading: string) {
  const html = tableCaptioned(body, caption)
  const headings = [...html.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => textOf(m[1]!))
  const index = headings.indexOf(heading)
  assert.notEqual(index, -1, `no column “${heading}” in ${headings.join(', ')}`)
  return (html.split('<tbody')[1] ?? '')
    .split('<tr')
    .slice(1)
    .map((row) => textOf([...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)][index]?.[1] ?? ''))
}

/** The page's main heading. */
export function heading(body: string) {
  return textOf(body.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '')
}

/** The success banner's message, if any. */
export function banner(body: string) {
  const found = body.match(/govuk-notification-banner--success[\s\S]*?<\/div>\s*<\/div>/)?.[0]
  return found ? textOf(found.replace(/[\s\S]*govuk-notification-banner__content">/, '')) : null
}

/** The rows of the page's GOV.UK summary lists, as key → value text. */
export function summaryListRows(body: string): Record<string, string> {
  const rows: Record<string, string> = {}
  for (const [, key, value] of body.matchAll(
    /govuk-summary-list__key">([\s\S]*?)<\/dt>\s*<dd class="govuk-summary-list__value">([\s\S]*?)<\/dd>/g,
  ))
    rows[textOf(key!)] = textOf(value!)
  return rows
}

/** The messages in the GOV.UK error summary, each as "field: message" (the field its link goes to). */
export function errorSummary(body: string) {
  const summary = body.match(/govuk-error-summary__list[\s\S]*?<\/ul>/)?.[0] ?? ''
  return [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map(
    ([, field, text]) => `${field}: ${decode(text!.trim())}`,
  )
}

/** The value of a hidden (or any) input, as the browser would post it back. */
export function hiddenValue(body: string, name: string) {
  const value = body.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1]
  return value === undefined ? undefined : decode(value)
}

/** The record version a form was opened at; fails the test when the form has none. */
export function formVersion(body: string) {
  const version = body.match(/name="version" value="(\d+)"/)?.[1]
  assert.ok(version, 'the form has no version field')
  return version
}

/** The history timeline on a record's page, newest first: each entry's title and who made it. */
export function history(body: string) {
  const timeline = body.split('id="history"')[1] ?? ''
  return [...timeline.matchAll(/moj-timeline__title">([^<]*)<\/h3>[\s\S]*?moj-timeline__byline">by ([^<]*)<\/p>/g)].map(
    ([, title, by]) => `${decode(title!)} (by ${decode(by!)})`,
  )
}

export interface PageForm {
  method: 'GET' | 'POST'
  /** The path the form is sent to, without its query. */
  action: string
  /** Every field's name, in order: text inputs, hidden inputs, selects, text areas, radios and checkboxes. */
  names: string[]
  /** What the browser would send untouched: typed values, selected options, checked boxes. */
  values: Record<string, string>
}

function attributes(tag: string) {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name!, decode(value!)]))
}

/** The forms on a page, with their fields, as a browser would send them (`path` is the page's own, for forms with no action). */
export function formsOn(body: string, path: string): PageForm[] {
  return [...body.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map(([, formTag, inside]) => {
    const form = attributes(formTag!)
    const names: string[] = []
    const values: Record<string, string> = {}
    const field = (name: string | undefined, value?: string) => {
      if (!name) return
      if (!names.includes(name)) names.push(name)
      if (value !== undefined && !(name in values)) values[name] = value
    }
    for (const [tag, kind, content] of inside!.matchAll(/<(input|select|textarea)\b[^>]*>(?:([\s\S]*?)<\/\1>)?/g)) {
      const attrs = attributes(tag.slice(0, tag.indexOf('>') + 1))
      if (kind === 'select') {
        const options = [...(content ?? '').matchAll(/<option\b[^>]*>/g)].map(([option]) => ({
          value: attributes(option).value ?? '',
          selected: /\sselected\b/.test(option),
        }))
        field(attrs.name, (options.find((o) => o.selected) ?? options[0])?.value)
      } else if (kind === 'textarea') field(attrs.name, decode(content ?? ''))
      else if (attrs.type === 'radio' || attrs.type === 'checkbox')
        field(attrs.name, /\schecked\b/.test(tag) ? (attrs.value ?? 'on') : undefined)
      else if (attrs.type !== 'submit') field(attrs.name, attrs.value ?? '')
    }
    return {
      method: form.method?.toUpperCase() === 'POST' ? 'POST' : 'GET',
      action: (form.action || path).split('?')[0]!,
      names,
      values,
    }
  })
}

/** What the page's form (not the sign-out button) would send as it opened, without the CSRF token. */
export function formValues(body: string): Record<string, string> {
  const form = formsOn(body, '').find((f) => f.method === 'POST' && f.action !== '/sign-out')
  assert.ok(form, 'no form on the page')
  const { _csrf: _token, ...values } = form.values
  return values
}
