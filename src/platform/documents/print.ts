import nunjucks from 'nunjucks'
import { configureNunjucks, templateRoots } from '../views.ts'
import type { DocumentModel } from './model.ts'
import { presentDocument } from './presenter.ts'

/**
 * A document as one standalone HTML page (print.njk): what renderPdf prints, and what a person
 * saving the report as a web page would want. Rendered with an environment made as the app
 * makes its own (same template roots, autoescape, same filters), unless one is handed in.
 */
let shared: nunjucks.Environment | null = null

export function documentEnvironment() {
  shared ??= configureNunjucks(
    new nunjucks.Environment(new nunjucks.FileSystemLoader(templateRoots), { autoescape: true }),
  )
  return shared
}

export interface PrintOptions {
  env?: nunjucks.Environment
  /** The app's address, so the figures' links work in a PDF read away from the app. */
  linkBase?: string
}

export function renderPrintHtml(model: DocumentModel, options: PrintOptions = {}): string {
  const env = options.env ?? documentEnvironment()
  return env
    .render('platform/documents/print.njk', { params: presentDocument(model, { linkBase: options.linkBase }) })
    .trimStart()
}
