import type { Locator, Page } from '@playwright/test';

/** The needs and offers board behind the volunteer PIN, by role and accessible name only. */
export class BoardPage {
  constructor(readonly page: Page) {}

  /** Labels default to English; a hub working in another language passes its own. */
  async open(pin: string, labels = { volunteer: 'Volunteer', ok: 'OK', board: 'Needs & offers' }): Promise<void> {
    await this.page.getByRole('button', { name: labels.volunteer, exact: true }).click();
    for (const digit of pin) await this.page.getByRole('button', { name: digit, exact: true }).click();
    await this.page.getByRole('button', { name: labels.ok, exact: true }).click();
    const boardTab = labels.board;
    await this.page.getByRole('button', { name: boardTab }).click();
  }

  tab(name: string | RegExp): Locator {
    return this.page.getByRole('navigation').getByRole('button', { name });
  }

  /** A need's card, by its kind and title as the card's accessible name. */
  card(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  suggestions(need: Locator, label: string): Locator {
    return need.getByRole('region', { name: label });
  }

  match(state: string): Locator {
    return this.page.getByRole('article', { name: state, exact: true });
  }
}
