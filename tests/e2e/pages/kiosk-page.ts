import type { Locator, Page } from '@playwright/test';

/** The visitor's side of the kiosk, by role and accessible name only. */
export class KioskPage {
  constructor(readonly page: Page) {}

  language(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  stepper(label: string): { more: Locator; fewer: Locator; value: Locator } {
    const group = this.page.getByRole('group', { name: label });
    return {
      more: group.getByRole('button').last(),
      fewer: group.getByRole('button').first(),
      value: group.locator('output'),
    };
  }

  qr(): Locator {
    return this.page.locator('svg.qr');
  }

  shortCode(): Locator {
    return this.page.locator('.slip-code');
  }
}

/** The pickup table, behind the volunteer PIN. */
export class PickupPage {
  constructor(readonly page: Page) {}

  async logIn(pin: string): Promise<void> {
    for (const digit of pin) await this.page.getByRole('button', { name: digit, exact: true }).click();
    await this.page.getByRole('button', { name: 'OK', exact: true }).click();
  }

  codeInput(): Locator {
    return this.page.getByLabel('Scan a slip or type its code');
  }

  async find(code: string): Promise<void> {
    await this.codeInput().fill(code);
    await this.page.getByRole('button', { name: 'Find' }).click();
  }
}
