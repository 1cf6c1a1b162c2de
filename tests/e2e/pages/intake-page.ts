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

/** The same screens for a touch screen: every action a tap. */
export class TouchIntake extends IntakePage {
  async tap(name: string | RegExp, exact = false): Promise<void> {
    await this.button(name, exact).tap();
  }

  /** The tile of a pantry item: its list entry, with the kind word about a limit when there is one. */
  tile(name: string | RegExp): Locator {
    return this.page.getByRole('listitem').filter({ has: this.item(name) });
  }

  /** The polite live region that reads a limit out once. */
  liveLimit(): Locator {
    return this.page.locator('p[aria-live="polite"]');
  }

  dialog(): Locator {
    return this.page.getByRole('alertdialog');
  }
}
