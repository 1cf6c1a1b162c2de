import type { Locator, Page } from '@playwright/test';

/** Volunteer mode: the PIN screen, the header, and the coordinator's volunteers section. */
export class VolunteersPage {
  constructor(readonly page: Page) {}

  async openPin(): Promise<void> {
    await this.page.getByRole('button', { name: 'Volunteer', exact: true }).click();
  }

  async typePin(pin: string): Promise<void> {
    for (const digit of pin) await this.page.getByRole('button', { name: digit, exact: true }).click();
  }

  ok(): Locator {
    return this.page.getByRole('button', { name: 'OK', exact: true });
  }

  async logIn(pin: string): Promise<void> {
    await this.openPin();
    await this.typePin(pin);
    await this.ok().click();
  }

  async openSection(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('button', { name: 'Volunteers' }).click();
  }

  row(name: string): Locator {
    return this.page.getByRole('list', { name: 'Volunteers at this hub' }).getByRole('listitem', { name, exact: true });
  }

  async add(name: string, role: 'Intake and pickup' | 'Stock room' | 'Coordinator', pin: string, again = pin): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add a volunteer' });
    await form.getByLabel('Name').fill(name);
    await form.getByRole('button', { name: role }).click();
    await form.getByLabel('PIN (4 to 8 digits)').fill(pin);
    await form.getByLabel('PIN again').fill(again);
    await form.getByRole('button', { name: 'Add volunteer' }).click();
  }

  logOut(): Locator {
    return this.page.getByRole('button', { name: 'Log out' });
  }
}
