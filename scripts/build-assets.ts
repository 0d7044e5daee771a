import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Builds public/ from src/assets: the stylesheet from GOV.UK Frontend's and MOJ Frontend's Sass
 * (so we can drop the GOV.UK brand), and the two libraries' JavaScript. Skips the Sass when the
 * stylesheet is newer than every source, so `npm start` stays fast on a second run.
 */
const root = new URL('..', import.meta.url).pathname
const out = join(root, 'public')
mkdirSync(out, { recursive: true })

const sources = [
  join(root, 'src/assets'),
  join(root, 'node_modules/govuk-frontend/package.json'),
  join(root, 'node_modules/@ministryofjustice/frontend/package.json'),
]
const newest = Math.max(
  ...sources.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path).map((f) => statSync(join(path, f)).mtimeMs)
      : [statSync(path).mtimeMs],
  ),
)
const css = join(out, 'application.css')

if (!existsSync(css) || statSync(css).mtimeMs < newest) {
  // Loaded only when the stylesheet is out of date: loading Sass alone takes a second.
  const sass = await import('sass')
  const result = sass.compile(join(root, 'src/assets/application.scss'), {
    loadPaths: [root],
    style: 'compressed',
    quietDeps: true,
    silenceDeprecations: ['import'],
  })
  writeFileSync(css, result.css)
  console.log('Built public/application.css')
}

for (const [from, to] of [
  ['node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js', 'govuk-frontend.min.js'],
  ['node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.js', 'moj-frontend.min.js'],
  ['src/assets/application.js', 'application.js'],
  ['src/assets/favicon.svg', 'favicon.svg'],
]) {
  copyFileSync(join(root, from!), join(out, to!))
}
mkdirSync(join(out, 'images'), { recursive: true })
for (const dir of ['node_modules/@ministryofjustice/frontend/moj/assets/images']) {
  for (const file of readdirSync(join(root, dir))) copyFileSync(join(root, dir, file), join(out, 'images', file))
}
