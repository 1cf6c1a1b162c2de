import { expect, person, test } from './hub';
import { countTaps, Visitor, watchPrint } from './pages/visitor';
import { Shots } from './pages/shots';

// 10:00, the intake kiosk by the door: visitors in their own languages, by touch alone.

/** The newest slip's household and language, from the real database. */
function lastSlip(db: import('../../../src/core/db/open').Db) {
  return db
    .prepare(
      'SELECT s.language, h.adults, h.children, h.seniors, h.first_name AS name, h.phone FROM slips s JOIN households h ON h.id = s.household_id ORDER BY s.issued_at DESC, s.rowid DESC LIMIT 1',
    )
    .get();
}

test('a grandmother who reads only Dari: right to left, rice, oil, lentils, diapers, offers cooking, no name', async ({ page, kiosk }) => {
  const prints = await watchPrint(page);
  const taps = await countTaps(page);
  await page.goto(kiosk.url);
  const v = new Visitor(page, 'fa', kiosk);
  const shots = new Shots(page, 'visitor-dari');
  const w = v.w;
  await expect(v.button('دری')).toBeVisible();
  await shots.step('languages');
  await v.tap('دری');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'fa');
  await expect(v.heading()).toHaveText(w('intake:purpose.title'));
  await v.tap(v.button(new RegExp(w('intake:purpose.both'))));
  await expect(v.heading()).toHaveText(w('intake:household.title'));
  // One adult is there already (the person at the screen): one more.
  await expect(page.getByRole('group', { name: w('intake:household.adults') }).locator('output')).toHaveText('1');
  await v.tap(v.more(w('intake:household.adults')));
  for (let i = 0; i < 3; i += 1) await v.tap(v.more(w('intake:household.children')));
  await v.tap(v.more(w('intake:household.seniors')));
  await expect(page.getByText(w('intake:household.total_other', { count: 6 }))).toBeVisible();
  await shots.step('household-6');
  await v.next();
  await expect(v.heading()).toHaveText(w('intake:needs.title'));
  for (const item of ['Rice, 5 kg', 'Cooking oil, 1 L', 'Red lentils, 1 kg', 'Diapers, size 3']) await v.tap(v.item(item));
  for (const item of ['Rice, 5 kg', 'Cooking oil, 1 L', 'Red lentils, 1 kg', 'Diapers, size 3'])
    await expect(v.item(item)).toHaveAttribute('aria-pressed', 'true');
  await shots.step('needs');
  await v.next();
  await expect(v.heading()).toHaveText(w('intake:offers.title'));
  await v.tap(w('intake:offerKinds.cooking'));
  await shots.step('offers-cooking');
  await v.next();
  await expect(v.heading()).toHaveText(w('intake:contact.title'));
  await shots.step('contact');
  await v.tap(w('intake:contact.skip'));
  await expect(v.heading()).toHaveText(w('intake:confirm.title'));
  await shots.step('confirm');
  await v.tap(w('intake:confirm.submit'));
  await expect(page.locator('svg.qr')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: w('slip:print.printing') })).toBeVisible();
  await expect.poll(prints).toEqual({ calls: 1, slipShown: [true] });
  await shots.step('slip-printed');
  expect(lastSlip(kiosk.core.ctx.db)).toEqual({ language: 'fa', adults: 2, children: 3, seniors: 1, name: null, phone: null });
  const offer = kiosk.core.ctx.db
    .prepare("SELECT category, languages FROM needs_offers WHERE kind = 'offer' ORDER BY rowid DESC LIMIT 1")
    .get();
  expect(offer).toEqual({ category: 'cooking', languages: '["fa"]' });
  // Under a minute at a kiosk: a tap count a grandmother can manage (the household is most of it).
  expect(await taps()).toBe(17);
});

test('a teenager starts in Spanish, switches to English to read the consent himself: nothing he typed is lost', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const es = new Visitor(page, 'es', kiosk);
  const en = new Visitor(page, 'en', kiosk);
  const shots = new Shots(page, 'visitor-es-en');
  await es.tap('Español');
  await es.tap(es.button(new RegExp(es.w('intake:purpose.need'))));
  await es.tap(es.more(es.w('intake:household.adults')));
  await es.tap(es.more(es.w('intake:household.children')));
  await es.next();
  await es.tap(es.item('Rice, 5 kg'));
  await es.tap(es.item('Eggs, 1 dozen'));
  await es.next();
  await expect(es.heading()).toHaveText(es.w('intake:contact.title'));
  await es.tapText(page.getByLabel(es.w('intake:contact.name'), { exact: true }), 'Mateo');
  await shots.step('contact-es');
  // The language button in the header shows the current language.
  await es.tap(page.getByRole('button', { name: 'Español', exact: true }));
  await es.tap(page.getByRole('navigation').getByRole('button', { name: 'English', exact: true }));
  await expect(en.heading()).toHaveText(en.w('intake:contact.title'));
  await expect(page.getByLabel(en.w('intake:contact.name'), { exact: true })).toHaveValue('Mateo');
  await expect(page.getByText(en.w('intake:privacy.howLong_other', { count: 90 }))).toBeVisible();
  await expect(page.getByText(en.w('intake:privacy.never'))).toBeVisible();
  await shots.step('contact-en');
  await en.next();
  await expect(en.heading()).toHaveText(en.w('intake:confirm.title'));
  await expect(page.getByText(en.itemName('Rice, 5 kg'))).toBeVisible();
  await shots.step('confirm-en');
  await en.tap(en.w('intake:confirm.submit'));
  await expect(page.locator('svg.qr')).toBeVisible();
  expect(lastSlip(kiosk.core.ctx.db)).toMatchObject({ adults: 2, children: 1, name: 'Mateo' });
});

test('a man walks away halfway: "Still there?" in his language after 90 seconds, then the kiosk wipes itself', async ({ page, kiosk }) => {
  // The page's clock, so the 90 seconds pass without the test sleeping through them.
  await page.clock.install();
  await page.goto(kiosk.url);
  const ar = new Visitor(page, 'ar', kiosk);
  const shots = new Shots(page, 'visitor-idle-ar');
  const idle = kiosk.core.services.intake.config().idleSeconds;
  expect(idle).toBe(90);
  await ar.tap('العربية');
  await ar.tap(ar.button(new RegExp(ar.w('intake:purpose.need'))));
  await ar.tap(ar.more(ar.w('intake:household.children')));
  await ar.next();
  await ar.tap(ar.item('Halal chicken, frozen, 1 kg'));
  await expect(ar.item('Halal chicken, frozen, 1 kg')).toHaveAttribute('aria-pressed', 'true');
  // He walks away.
  await page.clock.runFor((idle - 5) * 1000);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await page.clock.runFor(10_000);
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText(ar.w('kiosk:idle.title'));
  await expect(dialog.getByRole('button', { name: ar.w('kiosk:idle.stay') })).toBeVisible();
  await shots.step('still-there');
  await page.clock.runFor(31_000);
  const en = new Visitor(page, 'en', kiosk);
  await expect(en.heading()).toHaveText(en.w('intake:welcome'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await shots.step('wiped');
  // The next person sees nothing of him.
  await en.tap('العربية');
  await ar.tap(ar.button(new RegExp(ar.w('intake:purpose.need'))));
  await expect(page.getByRole('group', { name: ar.w('intake:household.children') }).locator('output')).toHaveText('–');
  await ar.next();
  await expect(ar.item('Halal chicken, frozen, 1 kg')).toHaveAttribute('aria-pressed', 'false');
  await shots.step('next-person-clean');
});

test("a returning family scans last week's slip: household filled in, three taps to a new slip", async ({ page, kiosk }) => {
  // Last week they asked for rice (a visit that asks for nothing gets no slip).
  const rice = kiosk.core.services.intake
    .catalog('fa')
    .slice(0, 1)
    .map((i) => ({ itemId: i.id, qty: 1 }));
  const lastWeek = kiosk.core.services.intake.submit({
    requestId: '0190f000-0000-7000-8000-00000000dd01',
    language: 'fa',
    household: { adults: 2, children: 3, seniors: 1 },
    needs: rice,
  });
  if (!lastWeek) throw new Error('no slip for last week');
  kiosk.clock.advance(7 * 86_400_000);
  const taps = await countTaps(page);
  await page.goto(kiosk.url);
  const { scanner } = person(page, 'en', 'visitor-returning');
  const fa = new Visitor(page, 'fa', kiosk);
  const shots = new Shots(page, 'visitor-returning-fa');
  // "I have a slip from before" is offered on the first screen in the site's languages, Dari too.
  await expect(fa.button(new RegExp(fa.w('intake:returning.button').replace(/[()]/g, '.')))).toBeVisible();
  await expect(page.getByRole('button', { name: new Visitor(page, 'en', kiosk).w('intake:returning.button') })).toBeVisible();
  // The family holds last week's slip under the kiosk's scanner.
  await scanner.scan(lastWeek.qrDigits);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(fa.heading()).toHaveText(fa.w('intake:needs.title'));
  await shots.step('prefilled-needs');
  await fa.tap(fa.item('Red lentils, 1 kg'));
  await fa.next();
  await expect(page.getByText(fa.w('intake:household.total_other', { count: 6 }))).toBeVisible();
  await shots.step('confirm');
  await fa.tap(fa.w('intake:confirm.submit'));
  await expect(page.locator('svg.qr')).toBeVisible();
  expect(await taps()).toBe(3);
});

test('a family asks for 4 dozen eggs; the limit is 1 a week: said kindly in Haitian Creole, the dozen kept', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  const ht = new Visitor(page, 'ht', kiosk);
  const shots = new Shots(page, 'visitor-eggs-ht');
  await ht.tap('Kreyòl ayisyen');
  await ht.tap(ht.button(new RegExp(ht.w('intake:purpose.need'))));
  await ht.next();
  const eggs = ht.itemName('Eggs, 1 dozen');
  await ht.tap(ht.item('Eggs, 1 dozen'));
  const more = page.getByRole('button', { name: new RegExp(eggs) }).last();
  for (let i = 0; i < 3; i += 1) await ht.tap(more);
  await expect(page.locator('.notice-kind')).toHaveText(
    ht.w('intake:needs.limitReached_other', { item: eggs, limit: 1, count: 7, allowed: 1 }),
  );
  await expect(page.locator('.item-tile.selected output')).toHaveText('1');
  await shots.step('limit');
  await ht.next();
  await ht.tap(ht.w('intake:contact.skip'));
  await expect(page.getByText(`1 × ${eggs}`)).toBeVisible();
  await ht.tap(ht.w('intake:confirm.submit'));
  await expect(page.locator('svg.qr')).toBeVisible();
  await shots.step('slip');
});
