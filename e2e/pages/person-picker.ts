import type { Locator, Page } from 'playwright-core'

/**
 * A person picker (views/macros/person-picker.njk) as a person uses it: with JavaScript, an
 * autocomplete that lists people as they type; without, a search box, a Find button and radios.
 */
export class PersonPicker {
  constructor(
    readonly page: Page,
    readonly question: string,
  ) {}

  get group(): Locator {
    return this.page.getByRole('group', { name: this.question })
  }

  get searchBox(): Locator {
    return this.group.getByLabel('Search for a person by name')
  }

  get findButton(): Locator {
    return this.group.getByRole('button', { name: 'Find' })
  }

  /** The autocomplete's suggestions, as listed. */
  get suggestions(): Locator {
    return this.group.getByRole('listbox').getByRole('option')
  }

  private async scriptsRun() {
    // GOV.UK Frontend's template marks the body when the browser runs its scripts.
    return (await this.page.locator('body.govuk-frontend-supported').count()) > 0
  }

  /** Waits until the script has turned the picker into an autocomplete, when scripts run. */
  async ready() {
    await this.page.waitForLoadState('load')
    if (await this.scriptsRun()) await this.group.getByRole('combobox').waitFor()
  }

  /** Types part of a name and chooses the person, told apart by their job and agency. */
  async choose(search: string, person: { name: string; hint?: string }) {
    if (await this.scriptsRun()) {
      await this.searchBox.pressSequentially(search)
      const label = person.hint ? `${person.name} (${person.hint})` : person.name
      await this.suggestions.filter({ hasText: label }).click()
    } else {
      await this.searchBox.fill(search)
      await this.findButton.click()
      const item = this.group.locator('.govuk-radios__item').filter({ hasText: person.hint ?? person.name })
      await item.getByRole('radio', { name: person.name, exact: true }).check()
    }
  }

  /** Without JavaScript: the radios offered, as "name (hint)". */
  async radioChoices(): Promise<string[]> {
    const items = await this.group.locator('.govuk-radios__item').all()
    const choices = []
    for (const item of items) {
      const name = (await item.locator('label').innerText()).trim()
      const hint = (await item.locator('.govuk-radios__hint').allInnerTexts()).join('').trim()
      choices.push(hint ? `${name} (${hint})` : name)
    }
    return choices
  }
}
