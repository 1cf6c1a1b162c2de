import { expect, type Locator, type Page } from '@playwright/test';
import type { Words } from './words';

/**
 * A person at a touch screen with no keyboard: every control is found by its role and name and
 * tapped; text goes in only through the app's own on-screen keyboard or number pad. No fill, no
 * typing, no page keyboard here (tests/unit/journey-touch-only.test.ts); a USB scanner is
 * ./scanner.ts.
 */
export class Touch {
  constructor(
    readonly page: Page,
    readonly w: Words,
  ) {}

  button(name: string | RegExp, exact = typeof name === 'string'): Locator {
    return this.page.getByRole('button', { name, exact });
  }

  async tap(target: Locator | string | RegExp): Promise<void> {
    const locator = typeof target === 'string' || target instanceof RegExp ? this.button(target) : target;
    await locator.tap();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The on-screen keyboard or number pad that is open now. */
  keys(): Locator {
    return this.page.locator('.onscreen-keyboard');
  }

  /** Taps the field (its keyboard opens), then each key. A capital is on the shift layer. */
  async tapText(field: Locator, text: string): Promise<void> {
    await field.tap();
    const on = this.keys();
    await expect(on).toBeVisible();
    const shift = on.locator('[data-skbtn="{shift}"]');
    const abc = on.locator('[data-skbtn="{abc}"]');
    for (const ch of text) {
      const key = on.locator(`[data-skbtn="${ch === ' ' ? '{space}' : ch.replace(/["\\]/g, '\\$&')}"]`);
      // A capital is on the shift layer (which falls back after one key); a Latin letter on an
      // Arabic or Persian keyboard is behind ABC (which stays until tapped again).
      if ((await key.count()) === 0 && (await shift.count()) > 0) await shift.tap();
      if ((await key.count()) === 0 && (await abc.count()) > 0) {
        if ((await shift.count()) > 0) await shift.tap();
        await abc.tap();
        if ((await key.count()) === 0) await shift.tap();
      }
      // The keys of an open keyboard stand still: no wait for them to settle before each one. The
      // touch still lands where the key is drawn, and the field's value is checked at the end.
      await key.first().tap({ force: true });
    }
    await expect(field).toHaveValue(new RegExp(`${escape(text)}$`));
  }

  /** Empties a field with the on-screen backspace. */
  async tapClear(field: Locator): Promise<void> {
    await field.tap();
    const bksp = this.keys().locator('[data-skbtn="{bksp}"]');
    for (let i = 0; i < 300 && (await field.inputValue()) !== ''; i += 1) await bksp.tap({ force: true });
    await expect(field).toHaveValue('');
  }

  /** A number on the number pad: the field is emptied with ⌫ first. */
  async tapNumber(field: Locator, value: string): Promise<void> {
    await field.tap();
    const pad = this.page.locator('.number-pad');
    await expect(pad).toBeVisible();
    for (let i = 0; i < 20 && (await field.inputValue()) !== ''; i += 1) await pad.locator('[data-skbtn="{bksp}"]').tap({ force: true });
    for (const digit of value) await pad.locator(`[data-skbtn="${digit}"]`).tap({ force: true });
    await expect(field).toHaveValue(value);
  }

  /**
   * A native list (<select>): on a touch screen the system's picker opens and the person taps the
   * option. Headless Chromium draws no picker, so the option is chosen through the element itself.
   */
  async pickFromList(select: Locator, option: string): Promise<void> {
    await select.tap();
    await select.selectOption({ label: option });
  }

  /**
   * A finger drawing on a pad: each stroke is touched down, slid through its points and lifted,
   * as a real touch screen sends it (Chromium turns the touches into pointer events). Points are
   * fractions of the pad's width and height, so the same strokes fit every screen size.
   */
  async draw(pad: Locator, strokes: readonly (readonly [number, number])[][]): Promise<void> {
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('the pad is not on screen');
    const at = ([fx, fy]: readonly [number, number]) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height });
    const cdp = await this.page.context().newCDPSession(this.page);
    try {
      for (const stroke of strokes) {
        const [first, ...rest] = stroke;
        if (!first) continue;
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(first)] });
        for (const p of rest) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(p)] });
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      }
    } finally {
      await cdp.detach();
    }
  }

  /** The volunteer's PIN on the PIN pad, from the visitor screen. */
  async logIn(pin: string): Promise<void> {
    await this.tap(this.button(this.w('common:volunteer')));
    for (const digit of pin) await this.tap(this.button(digit));
    await this.tap(this.button(this.w('common:ok')));
  }

  async logOut(): Promise<void> {
    await this.tap(this.button(this.w('common:logout')));
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
