import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Builds public/ from this folder: the stylesheet from GOV.UK Frontend's and MOJ Frontend's Sass
 * (so we can drop the GOV.UK brand) with accessible-autocomplete's CSS, and the three libraries'
 * JavaScript. The Sass is compiled only when the stylesheet is older than its sources, so a start
 * on a built checkout costs milliseconds.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url))
const here = fileURLToPath(new URL('.', import.meta.url))
export const publicDir = join(root, 'public')

function newestSource() {
  const sources = [
    here,
    join(root, 'node_modules/govuk-frontend/package.json'),
    join(root, 'node_modules/@ministryofjustice/frontend/package.json'),
    join(root, 'node_modules/accessible-autocomplete/package.json'),
  ]
  return Math.max(
    ...sources.flatMap((path) =>
      statSync(path).isDirectory()
        ? readdirSync(path).map((file) => statSync(join(path, file)).mtimeMs)
        : [statSync(path).mtimeMs],
    ),
  )
}

/** Returns true when the stylesheet was rebuilt. */
export async function buildAssets(): Promise<boolean> {
  mkdirSync(join(publicDir, 'images'), { recursive: true })
  const css = join(publicDir, 'application.css')
  let rebuilt = false
  if (!existsSync(css) || statSync(css).mtimeMs < newestSource()) {
    // Loaded only when needed: loading Sass alone takes a second.
    const sass = await import('sass')
    const result = sass.compile(join(here, 'application.scss'), {
      loadPaths: [root],
      style: 'compressed',
      quietDeps: true,
      silenceDeprecations: ['import'],
      // The design systems' own deprecation notices are theirs to fix; a real Sass error still throws.
      logger: sass.Logger.silent,
    })
    writeFileSync(css, result.css)
    rebuilt = true
  }
  for (const [from, to] of [
    ['node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js', 'govuk-frontend.min.js'],
    ['node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js', 'moj-frontend.min.js'],
    ['node_modules/accessible-autocomplete/dist/accessible-autocomplete.min.js', 'accessible-autocomplete.min.js'],
    ['src/platform/assets/application.js', 'application.js'],
    ['src/platform/assets/person-picker.js', 'person-picker.js'],
    ['src/platform/assets/favicon.svg', 'favicon.svg'],
  ] as const) {
    copyFileSync(join(root, from), join(publicDir, to))
  }
  const images = join(root, 'node_modules/@ministryofjustice/frontend/moj/assets/images')
  for (const file of readdirSync(images)) copyFileSync(join(images, file), join(publicDir, 'images', file))
  return rebuilt
}
