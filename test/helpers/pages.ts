import assert from 'node:assert/strict'

/** Reading server-rendered pages the way a person would: names in a list, the error summary, a form's values. */

export function decode(html: string) {
  return html.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!,
  )
}

/** The tables on a page, by their caption. */
function table(body: string, caption: string) {
  const tables = body.split('<table').slice(1)
  const found = tables.find(
    (t) => decode(t.match(/<caption[^>]*>([\s\S]*?)<\/caption>/)?.[1]?.trim() ?? '') === caption,
  )
  assert.ok(found, `no table captioned “${caption}”`)
  return found.split('</table>')[0]!
}

/** The names linked in the first column of a page's first table (or the table with this caption), in order. */
export function linkedNames(body: string, kind: 'agencies' | 'people' | 'groups', caption?: string) {
  const tbody = (caption ? table(body, caption) : body).match(/<tbody[\s\S]*?<\/tbody>/)?.[0] ?? ''
  return tbody
    .split('<tr')
    .slice(1)
    .map((row) =>
      decode(row.match(new RegExp(`href="/directory/${kind}/[0-9a-f-]{36}">([^<]*)</a>`))?.[1] ?? '(no link)'),
    )
}

/** A column of a table, as text, by the table's caption and the column's heading. */
export function tableColumn(body: string, caption: string, heading: string) {
  const html = table(body, caption)
  const headings = [...html.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => text(m[1]!))
  const index = headings.indexOf(heading)
  assert.notEqual(index, -1, `no column “${heading}” in ${headings.join(', ')}`)
  return (html.split('<tbody')[1] ?? '')
    .split('<tr')
    .slice(1)
    .map((row) => text([...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)][index]?.[1] ?? ''))
}

/** An element's text: tags dropped, entities decoded, white space collapsed. */
export function text(html: string) {
  return decode(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}

/** The messages in the GOV.UK error summary, each with the field it links to. */
export function errorSummary(body: string) {
  const summary = body.match(/govuk-error-summary__list[\s\S]*?<\/ul>/)?.[0] ?? ''
  return [...summary.matchAll(/<a href="#([^"]+)">([^<]*)<\/a>/g)].map(
    ([, field, message]) => `${field}: ${decode(message!.trim())}`,
  )
}

export function pageTitle(body: string) {
  return decode(body.match(/<title>([^<]*)<\/title>/)?.[1]?.trim() ?? '')
}

export function heading(body: string) {
  return text(body.match(/<h1[^>]*>([\s\S]*?)<\/h1>/)?.[1] ?? '')
}

/** The success banner's message, if any. */
export function banner(body: string) {
  const found = body.match(/govuk-notification-banner--success[\s\S]*?<\/div>\s*<\/div>/)?.[0]
  return found ? text(found.replace(/[\s\S]*govuk-notification-banner__content">/, '')) : null
}

/** The history timeline on a record's page: each entry's title and who made it. */
export function history(body: string) {
  const timeline = body.split('id="history"')[1] ?? ''
  return [...timeline.matchAll(/moj-timeline__title">([^<]*)<\/h3>[\s\S]*?moj-timeline__byline">by ([^<]*)<\/p>/g)].map(
    ([, title, by]) => `${decode(title!)} (by ${decode(by!)})`,
  )
}

/** The options of a select, as their visible text. */
export function optionTexts(body: string, name: string) {
  const select = body.match(new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?</select>`))?.[0]
  assert.ok(select, `no select called ${name}`)
  return [...select.matchAll(/<option[^>]*>([^<]*)<\/option>/g)].map((m) => decode(m[1]!.trim()))
}

/**
 * What a form would send if submitted as it opened: text inputs, hidden fields, checked boxes and
 * radios, chosen options and text areas. The CSRF token is left to the session.
 */
export function formValues(body: string): Record<string, string> {
  const form = body.match(/<form method="post"(?![^>]*action="\/sign-out")[\s\S]*?<\/form>/)?.[0]
  assert.ok(form, 'no form on the page')
  const values: Record<string, string> = {}
  const attribute = (tag: string, name: string) => tag.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1]
  for (const [tag] of form.matchAll(/<input[^>]*>/g)) {
    const name = attribute(tag, 'name')
    const type = attribute(tag, 'type') ?? 'text'
    if (!name || name === '_csrf') continue
    if ((type === 'checkbox' || type === 'radio') && !/\schecked\b/.test(tag)) continue
    values[name] = decode(attribute(tag, 'value') ?? '')
  }
  for (const [, name, options] of form.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    const chosen =
      options!.match(/<option value="([^"]*)" selected/)?.[1] ?? options!.match(/<option value="([^"]*)"/)?.[1]
    values[name!] = decode(chosen ?? '')
  }
  for (const [, name, content] of form.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    values[name!] = decode(content!.replace(/^\n/, ''))
  return values
}
