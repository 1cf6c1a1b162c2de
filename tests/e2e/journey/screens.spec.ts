import type { Page } from '@playwright/test';
import { DEMO_PINS } from '../../../src/core/demo/seed';
import { expect, hubLanguage, person, test } from './hub';
import { Shots } from './pages/shots';
import { Visitor } from './pages/visitor';

// What a stranger's walk through the screens found, each at the moment a person meets it
// (issue 14): touch only, in English and Arabic, on the laptop and the smaller screen.

const SIZES = [
  { name: '1366x768', width: 1366, height: 768 },
  { name: '1024x768', width: 1024, height: 768 },
] as const;

/** How many pixels of the open on-screen keyboard sit under the visitor frame's fixed footer, or off the screen. */
function keyboardHidden(page: Page): Promise<number> {
  return page.evaluate(() => {
    const keys = document.querySelector('.onscreen-keyboard')!.getBoundingClientRect();
    const footer = document.querySelector('.frame-footer')?.getBoundingClientRect();
    const visibleEnd = Math.min(window.innerHeight, footer ? footer.top : window.innerHeight);
    return Math.max(0, Math.ceil(keys.bottom - visibleEnd));
  });
}

for (const lng of ['en', 'ar'] as const) {
  for (const size of SIZES) {
    test(`screens (${lng}, ${size.name}): the on-screen keyboard opens above the footer, not under it`, async ({ page, kiosk }) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(kiosk.url);
      const v = new Visitor(page, lng, kiosk);
      const shots = new Shots(page, `screens-keyboard-${lng}-${size.name}`);
      await v.tap(lng === 'en' ? 'English' : 'العربية');
      await v.tap(v.button(new RegExp(v.w('intake:purpose.need'))));
      await v.next();
      await v.tap(v.item('Rice, 5 kg'));
      await v.next();
      await expect(v.heading()).toHaveText(v.w('intake:contact.title'));
      // The phone is the lower of the two fields: its keyboard is the one that fell under the footer.
      const phone = page.getByLabel(v.w('intake:contact.phone'), { exact: true });
      await v.tap(phone);
      await expect(v.keys()).toBeVisible();
      expect(await keyboardHidden(page)).toBe(0);
      await shots.step('phone-keyboard');
      await v.tapText(phone, '5550148');
      expect(await keyboardHidden(page)).toBe(0);
    });
  }
}

for (const lng of ['en', 'ar'] as const) {
  for (const size of SIZES) {
    test(`screens (${lng}, ${size.name}): a scanned item's receive form comes up in view, not below the fold`, async ({ page, kiosk }) => {
      hubLanguage(kiosk, lng);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.goto(kiosk.url);
      const { w, touch, scanner, shots } = person(page, lng, `screens-receive-${lng}-${size.name}`);
      await touch.logIn(DEMO_PINS.stock);
      await expect(page.getByLabel(w('inventory:receive.scanLabel'))).toBeFocused();
      await scanner.scan('084879544544');
      const form = page.getByRole('form', { name: w('inventory:receive.form') });
      await expect(form).toBeVisible();
      await expect(form.getByRole('button', { name: w('inventory:receive.submit'), exact: true })).toBeInViewport();
      await expect(form.getByText(w('inventory:receive.quantity')).first()).toBeInViewport();
      await shots.step('receive-form');
    });
  }
}
