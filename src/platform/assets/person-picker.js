/* global document, fetch, AbortController, setTimeout, clearTimeout, self */
// Turns each person picker (views/macros/person-picker.njk) into an autocomplete over its search
// URL. Without this the picker still works: a search box, a Find button and radios.
//
// The library is GOV.UK's accessible-autocomplete (keyboard and screen-reader tested). Its file is
// a UMD bundle, which run as a module puts `accessibleAutocomplete` on `self`.
import './accessible-autocomplete.min.js'

/** Wait this long after the last key before asking the server, so typing a name is one request, not one per letter. */
const typingPause = 250

/** Letters typed before the first search: one letter matches nearly everyone. */
const minLength = 2

const escapeHtml = (text) =>
  String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c])

/** "Name (job title, agency)", as the menu and the box show a person. */
const labelOf = (person) => (person ? (person.hint ? `${person.name} (${person.hint})` : person.name) : '')

/**
 * The autocomplete's source: people matching the words typed, as the signed-in person may see
 * them; none if the request fails. Each new word cancels the request before it.
 */
function peopleSearch(url) {
  let timer
  let controller
  const search = {
    /** True while an answer is awaited, so the menu says "Searching" rather than "No people match". */
    pending: false,
    cancel() {
      clearTimeout(timer)
      controller?.abort()
      search.pending = false
    },
    source(query, populateResults) {
      search.cancel()
      search.pending = true
      timer = setTimeout(async () => {
        controller = new AbortController()
        try {
          const response = await fetch(`${url}?q=${encodeURIComponent(query)}`, {
            headers: { accept: 'application/json' },
            signal: controller.signal,
          })
          // Signed out meanwhile, the request ends at the sign-in page: show no one rather than fail.
          const json = response.ok && response.headers.get('content-type')?.startsWith('application/json')
          const people = json ? await response.json() : []
          search.pending = false
          populateResults(people)
        } catch (error) {
          if (error.name === 'AbortError') return
          search.pending = false
          populateResults([])
        }
      }, typingPause)
    },
  }
  return search
}

function enhance(picker) {
  const name = picker.dataset.name
  const searchBox = picker.querySelector('.app-person-picker__search-group input')
  const checked = picker.querySelector(`input[type=radio][name="${name}"]:checked`)
  // The chosen person, read back from their radio: its label is the name, its hint the job and agency.
  let chosen = null
  if (checked?.value) {
    const item = checked.closest('.govuk-radios__item')
    chosen = {
      id: checked.value,
      name: item.querySelector('label').textContent.trim(),
      hint: item.querySelector('.govuk-radios__hint')?.textContent.trim() || null,
    }
  }

  // The field itself: the chosen person's id; empty for none; not sent at all while the box holds
  // words no one was chosen from, which the server answers with "Select a person from the list".
  const field = document.createElement('input')
  field.type = 'hidden'
  field.name = name
  const container = document.createElement('div')
  const wrapper = searchBox.closest('.govuk-input__wrapper')
  wrapper.replaceWith(container)
  picker.querySelector('.app-person-picker__results').remove()
  picker.append(field)

  const settle = (text) => {
    const matches = chosen && text === labelOf(chosen)
    field.value = matches ? chosen.id : ''
    field.disabled = !matches && text.trim() !== ''
  }

  const search = peopleSearch(picker.dataset.searchUrl)
  const noMatch = () => (search.pending ? 'Searching…' : 'No people match')
  self.accessibleAutocomplete({
    element: container,
    id: searchBox.id,
    name: searchBox.name,
    defaultValue: chosen ? labelOf(chosen) : searchBox.value,
    inputClasses: searchBox.classList.contains('govuk-input--error') ? 'govuk-input--error' : null,
    source: search.source,
    minLength,
    showNoOptionsFound: true,
    // A person is confirmed only by choosing them, never by leaving the box.
    confirmOnBlur: false,
    // Over the page, not in it: an inline menu closing as the box loses focus would move the
    // button being clicked out from under the pointer.
    displayMenu: 'overlay',
    templates: {
      inputValue: labelOf,
      // The library inserts this as HTML, so names and job titles are escaped.
      suggestion: (person) => escapeHtml(labelOf(person)),
    },
    onConfirm: (person) => {
      if (!person) return
      chosen = person
      settle(labelOf(person))
    },
    tNoResults: noMatch,
    tStatusQueryTooShort: (length) => `Type ${length} or more letters of their name`,
    tStatusNoResults: noMatch,
  })
  const input = container.querySelector('input')
  settle(input.value)
  input.addEventListener('input', () => {
    const text = input.value
    // Too short to search: an answer still on its way would reopen the menu the library closed.
    if (text.length < minLength) search.cancel()
    settle(text)
  })
}

for (const picker of document.querySelectorAll('[data-module="app-person-picker"]')) enhance(picker)
