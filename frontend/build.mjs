// Builds leavingcare's committed front-end files from the pinned packages in
// node_modules (run `npm ci` first; scripts/build-assets does both):
//
//   css/application.css   scss/application.scss compiled by Dart Sass
//   js/                   GOV.UK Frontend's, MOJ Frontend's and htmx's
//                         minified JS, and js/application.mjs
//   assets/               GOV.UK Frontend's images and manifest.json, and the
//                         MOJ Frontend images the CSS refers to (no fonts:
//                         we use Arial)
//
// into leavingcare/static/leavingcare/, or into $LEAVINGCARE_ASSETS_OUT if set
// (scripts/build-assets --check builds into a temporary copy that way).
//
// The output is deterministic: the same inputs give byte-identical files. The
// generated folders (css/, js/, assets/) are emptied first so that files no
// longer built do not linger; anything else in the output folder is left be.
//
// Needs Node 18 or later and no package but sass.

import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import * as sass from 'sass'

const frontendDir = path.dirname(fileURLToPath(import.meta.url))
const repoDir = path.dirname(frontendDir)
const outDir = path.resolve(
  process.env.LEAVINGCARE_ASSETS_OUT || path.join(repoDir, 'leavingcare', 'static', 'leavingcare')
)
const modulesDir = path.join(frontendDir, 'node_modules')
const govukDir = path.join(modulesDir, 'govuk-frontend', 'dist', 'govuk')
const mojDir = path.join(modulesDir, '@ministryofjustice', 'frontend', 'moj')
const htmxDir = path.join(modulesDir, 'htmx.org', 'dist')

// The folders this script owns inside outDir.
const GENERATED = ['css', 'js', 'assets']

// [source, destination relative to outDir]
const JS_FILES = [
  [path.join(govukDir, 'govuk-frontend.min.js'), 'js/govuk-frontend.min.js'],
  // The minified files end in a sourceMappingURL comment; Django's
  // ManifestStaticFilesStorage fails if the map it names is missing.
  [path.join(govukDir, 'govuk-frontend.min.js.map'), 'js/govuk-frontend.min.js.map'],
  [path.join(mojDir, 'moj-frontend.min.js'), 'js/moj-frontend.min.js'],
  [path.join(mojDir, 'moj-frontend.min.js.map'), 'js/moj-frontend.min.js.map'],
  [path.join(htmxDir, 'htmx.min.js'), 'js/htmx.min.js'],
  [path.join(frontendDir, 'js', 'application.mjs'), 'js/application.mjs']
]

function fail (message) {
  console.error(`build.mjs: ${message}`)
  process.exit(1)
}

function copy (source, destination) {
  const target = path.join(outDir, destination)
  fs.mkdirSync(path.dirname(target), { recursive: true })
  // Write the bytes rather than copy the file, so modes and times do not
  // depend on how node_modules was installed.
  fs.writeFileSync(target, fs.readFileSync(source))
}

function compileCss () {
  const warnings = []
  const result = sass.compile(path.join(frontendDir, 'scss', 'application.scss'), {
    style: 'compressed',
    sourceMap: false,
    // MOJ Frontend's Sass loads "node_modules/govuk-frontend/...".
    loadPaths: [frontendDir],
    importers: [new sass.NodePackageImporter(frontendDir)],
    logger: {
      warn (message, { deprecation, span }) {
        const where = span && span.url ? ` (${path.relative(frontendDir, fileURLToPath(span.url))}:${span.start.line + 1})` : ''
        warnings.push(`${deprecation ? 'Deprecation' : 'Warning'}: ${message}${where}`)
      },
      debug () {}
    }
  })
  for (const warning of warnings) console.warn(`sass: ${warning}`)
  return result.css
}

// Every url() in the CSS must name a file we ship. Relative URLs resolve from
// css/; GOV.UK's images are copied whole, the MOJ ones the CSS uses are copied
// here.
function copyCssImages (css) {
  const urls = new Set()
  for (const match of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
    const url = match[2]
    if (url.startsWith('data:')) continue
    if (!url.startsWith('../assets/')) fail(`unexpected url(${url}) in the CSS: asset URLs must be relative, under ../assets/`)
    urls.add(url)
  }
  for (const url of [...urls].sort()) {
    const destination = path.posix.join('css', url) // css/../assets/... -> assets/...
    if (!destination.startsWith('assets/')) fail(`url(${url}) in the CSS points outside assets/`)
    if (fs.existsSync(path.join(outDir, destination))) continue
    const mojSource = path.join(mojDir, 'assets', path.relative('assets', destination))
    if (!fs.existsSync(mojSource)) fail(`the CSS refers to ${url}, which neither GOV.UK Frontend nor MOJ Frontend provides`)
    copy(mojSource, destination)
  }
}

function main () {
  for (const [source] of JS_FILES) {
    if (!fs.existsSync(source)) fail(`${path.relative(frontendDir, source)} is missing: run "npm ci" in frontend/ first`)
  }

  const css = compileCss()

  fs.mkdirSync(outDir, { recursive: true })
  for (const name of GENERATED) fs.rmSync(path.join(outDir, name), { recursive: true, force: true })

  fs.mkdirSync(path.join(outDir, 'css'), { recursive: true })
  fs.writeFileSync(path.join(outDir, 'css', 'application.css'), css + '\n')

  for (const [source, destination] of JS_FILES) copy(source, destination)

  copy(path.join(govukDir, 'assets', 'manifest.json'), 'assets/manifest.json')
  const imagesDir = path.join(govukDir, 'assets', 'images')
  for (const name of fs.readdirSync(imagesDir).sort()) {
    copy(path.join(imagesDir, name), `assets/images/${name}`)
  }
  copyCssImages(css)

  console.log(`Built front-end files into ${path.relative(process.cwd(), outDir) || '.'}`)
}

main()
