// leavingcare's page script: starts GOV.UK Frontend's and MOJ Frontend's
// component JavaScript, on the page and in content that htmx swaps in.
//
// An ES module, served next to the two files it imports (build.mjs copies all
// three to leavingcare/static/leavingcare/js/). Include it once per page, at
// the end of <body>:
//
//   <script type="module" src="{% static 'leavingcare/js/application.mjs' %}"></script>
//
// Browsers without ES module support never run it, so they get the
// no-JavaScript versions of the components, as GOV.UK Frontend intends.

import { initAll as initGovukFrontend } from './govuk-frontend.min.js'
import { initAll as initMojFrontend } from './moj-frontend.min.js'

/**
 * Initialise every GOV.UK Frontend and MOJ Frontend component (elements with
 * a `data-module` attribute) inside `scope`.
 *
 * A component that is already initialised throws an InitError: that is
 * expected when a scope holds both old and new content, so it is ignored.
 * Any other error is reported on the console, as the libraries do by default.
 *
 * @param {Element | Document} scope - where to look for components
 */
function initComponents (scope) {
  const options = {
    scope,
    onError (error) {
      if (error && error.name === 'InitError') return
      console.error(error)
    }
  }
  initGovukFrontend(options)
  initMojFrontend(options)
}

initComponents(document.body)

// htmx fires `htmx:load` on each element it adds to the page (and once on
// <body> when it starts, which is done above already). The libraries look for
// components below their scope, so an element that is itself a component is
// reached through its parent; components there that already run are skipped.
document.addEventListener('htmx:load', (event) => {
  const element = event.target
  if (!(element instanceof Element) || element === document.body) return
  initComponents(element.matches('[data-module]') ? element.parentElement : element)
})

// On a phone the register's filters would push every result below the fold, so
// they start closed there unless a filter is in use. Without JavaScript, or on a
// wider screen, they stay open: nothing is hidden that cannot be opened.
const filters = document.querySelector('[data-lc-filters]')
if (filters && filters.dataset.lcFiltersApplied !== 'true' && window.matchMedia('(max-width: 768px)').matches) {
  filters.open = false
}
