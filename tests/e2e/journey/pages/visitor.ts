import type { Locator, Page } from '@playwright/test';
import type { LocaleCode } from '../../../../src/shared/locales';
import type { Kiosk } from '../../fixtures';
import { Touch } from './touch';
import { wordsFor } from './words';

/** The intake kiosk as a visitor sees it, in their language. */
export class Visitor extends Touch {
  constructor(
    page: Page,
    readonly lng: LocaleCode,
    readonly kiosk: Kiosk,
  ) {
    super(page, wordsFor(lng));
  }

  /** An item on the pantry screen, by the name the catalogue gives it in the visitor's language. */
  item(englishName: string): Locator {
    const name = this.itemName(englishName);
    return this.page.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first();
  }

  itemName(englishName: string): string {
    const en = this.kiosk.core.services.intake.catalog('en').find((i) => i.name === englishName);
    const own = en && this.kiosk.core.services.intake.catalog(this.lng).find((i) => i.id === en.id);
    if (!own) throw new Error(`no item ${englishName}`);
    return own.name;
  }

  more(label: string): Locator {
    return this.page.getByRole('button', { name: this.w('common:increase', { label }), exact: true });
  }

  async next(): Promise<void> {
    await this.tap(this.button(this.w('common:next')));
  }

  /**
   * The shortest visit that asks for food: "I need", the household as it stands, these items
   * (by English name), no contact. Ends where the visitor checks it all, before "Get my slip".
   */
  async asksFor(...englishNames: string[]): Promise<void> {
    await this.tap(this.button(new RegExp(this.w('intake:purpose.need'))));
    await this.next();
    for (const name of englishNames) await this.tap(this.item(name));
    await this.next();
    await this.tap(this.w('intake:contact.skip'));
  }
}

/** Records window.print() (browser mode prints through it) and whether the slip was laid out for paper then. */
export async function watchPrint(page: Page): Promise<() => Promise<{ calls: number; slipShown: boolean[] }>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __prints: { calls: number; slipShown: boolean[] } };
    w.__prints = { calls: 0, slipShown: [] };
    window.print = () => {
      w.__prints.calls += 1;
      w.__prints.slipShown.push(document.querySelector('.print-area .print-qr') !== null);
    };
  });
  return () => page.evaluate(() => (window as unknown as { __prints: { calls: number; slipShown: boolean[] } }).__prints);
}

/** Counts every touch the screen gets, from before the app starts. */
export async function countTaps(page: Page): Promise<() => Promise<number>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __taps: number };
    w.__taps = 0;
    window.addEventListener('pointerdown', () => (w.__taps += 1), true);
  });
  return () => page.evaluate(() => (window as unknown as { __taps: number }).__taps);
}
