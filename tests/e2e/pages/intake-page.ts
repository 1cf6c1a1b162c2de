import type { Locator, Page } from '@playwright/test';

/** The walk-in intake screens, by role and accessible name only. */
export class IntakePage {
  constructor(readonly page: Page) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  button(name: string | RegExp, exact = false): Locator {
    return this.page.getByRole('button', { name, exact });
  }

  /** A pantry item tile (its name is the start of the button's name). */
  item(name: string | RegExp): Locator {
    return this.page.locator('.item-button').filter({ hasText: name }).first();
  }

  stepper(label: string): { more: Locator; fewer: Locator; value: Locator } {
    const group = this.page.getByRole('group', { name: label });
    return { more: group.getByRole('button').last(), fewer: group.getByRole('button').first(), value: group.locator('output') };
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  /** Counts every tap (pointerdown) the page receives, from before the app starts. */
  static async countTaps(page: Page): Promise<() => Promise<number>> {
    await page.addInitScript(() => {
      const w = window as unknown as { __taps: number };
      w.__taps = 0;
      window.addEventListener('pointerdown', () => (w.__taps += 1), true);
    });
    return () => page.evaluate(() => (window as unknown as { __taps: number }).__taps);
  }
}
