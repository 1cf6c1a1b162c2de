import { DEMO_PINS } from '../../../src/core/demo/seed';
import { expect, hubLanguage, person, test } from './hub';
import { printedSlip } from './pages/paper';
import { Visitor, watchPrint } from './pages/visitor';

// The pickup table: the slip the kiosk printed is scanned from the paper; beans are out; later a
// photocopy of the slip and one with a digit changed by hand come back.

for (const lng of ['en', 'ar'] as const) {
  test(`pickup table (${lng}): the printed slip, a partial pickup, a photocopy and a hand-altered slip`, async ({ page, kiosk }) => {
    hubLanguage(kiosk, lng);
    // At the intake kiosk: a visitor asks for beans and eggs; the slip prints as it is issued.
    const prints = await watchPrint(page);
    await page.goto(kiosk.url);
    const v = new Visitor(page, lng, kiosk);
    await v.tap(lng === 'en' ? 'English' : 'العربية');
    await v.asksFor('Black beans, 15 oz', 'Eggs, 1 dozen');
    await v.tap(v.w('intake:confirm.submit'));
    await expect.poll(prints).toEqual({ calls: 1, slipShown: [true] });
    const paper = await printedSlip(page, `pickup-${lng}-printed-slip`);
    const shortCode = (await page.locator('.slip-code').first().textContent())?.trim() ?? '';
    expect(paper.text).toContain(shortCode);
    expect(paper.qr).toMatch(/^\d+$/);
    const digits = paper.qr ?? '';

    // At the pickup table (the laptop): the volunteer logs in and scans the paper.
    const laptop = await page.context().newPage();
    await laptop.setViewportSize({ width: 1366, height: 768 });
    const { w, touch, scanner, shots } = person(laptop, lng, `pickup-${lng}`);
    await laptop.goto(kiosk.url);
    await touch.logIn(DEMO_PINS.intake);
    await expect(laptop.getByRole('heading', { name: w('pickup:title') })).toBeVisible();
    await shots.step('table');
    await scanner.scan(digits);
    const slip = laptop.getByRole('region', { name: w('pickup:slipFound') });
    await expect(slip.getByText(shortCode)).toBeVisible();
    const pickList = slip.getByRole('list', { name: w('pickup:pickList') });
    // The eggs that expire first are the ones to take (the demo's EGG-0609 before EGG-0613).
    const eggs = pickList.locator(':scope > li').filter({ hasText: v.itemName('Eggs, 1 dozen') });
    await expect(eggs).toContainText('EGG-0609');
    await expect(eggs).not.toContainText('EGG-0613');
    await shots.step('slip-scanned');

    // Beans are out: not available; the slip closes as partial.
    const beans = pickList.locator(':scope > li').filter({ hasText: v.itemName('Black beans, 15 oz') });
    await touch.tap(beans.getByRole('button', { name: w('pickup:notAvailable'), exact: true }));
    await shots.step('beans-not-available');
    await touch.tap(w('pickup:markPickedUp'));
    await expect(laptop.getByRole('status').filter({ hasText: w('pickup:pickedUpPartly') })).toBeVisible();
    await shots.step('picked-up-partly');
    const lines = kiosk.core.ctx.db
      .prepare('SELECT l.outcome FROM redemption_lines l JOIN slips s ON s.id = l.slip_id WHERE s.short_code = ? ORDER BY l.outcome')
      .all(shortCode.replace(/\s/g, ''));
    expect(lines).toEqual([{ outcome: 'given' }, { outcome: 'not_available' }]);

    // 12:30: a photocopy of the same slip. When and where it was picked up.
    await touch.tap(w('pickup:nextSlip'));
    await scanner.scan(digits);
    const time = new Intl.DateTimeFormat(lng, { hour: '2-digit', minute: '2-digit' }).format(new Date(kiosk.core.ctx.clock.now()));
    await expect(laptop.getByText(w('pickup:alreadyPickedUp', { time, table: '1' }))).toBeVisible();
    await shots.step('photocopy');

    // A slip with one digit changed by hand.
    const i = digits.length - 5;
    const altered = digits.slice(0, i) + String((Number(digits[i]) + 1) % 10) + digits.slice(i + 1);
    await scanner.scan(altered);
    await expect(laptop.getByRole('alert')).toHaveText(w('errors:slip.invalid'));
    await shots.step('altered');
  });
}
