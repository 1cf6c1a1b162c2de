import { DEMO_PINS } from '../../../src/core/demo/seed';
import { isolate } from '../../../src/shared/slips/bidi';
import { findToReceive } from './pages/receive';
import { expect, hubLanguage, onHand, person, test } from './hub';

// 8:30, the stock-room tablet: a first-day volunteer receives the morning's deliveries by scanner
// and by touch, adds a can the catalogue does not know, and marks the expired milk spoiled.

const FOOD_BANK_DONOR = { en: 'Food Bank', ar: 'بنك الطعام' } as const;
const CHURCH = { en: 'St Mark', ar: 'الكنيسة' } as const;
const MARKET = { en: 'Corner Market', ar: 'سوق الحي' } as const;

for (const lng of ['en', 'ar'] as const) {
  test(`stock room (${lng}): the morning's deliveries, by scanner and touch`, async ({ page, kiosk }) => {
    test.setTimeout(120_000);
    hubLanguage(kiosk, lng);
    const { w, touch, scanner, shots } = person(page, lng, `stock-room-${lng}`);
    await page.goto(kiosk.url);
    await touch.logIn(DEMO_PINS.stock);
    await expect(page.getByRole('heading', { name: w('inventory:receive.title') })).toBeVisible();
    if (lng === 'ar') await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    // Her role reads in the hub's language beside her name (the demo's names are English).
    await expect(page.getByRole('banner')).toContainText(w('volunteers:roles.stock'));
    await shots.step('receive-screen');

    const form = page.getByRole('form', { name: w('inventory:receive.form') });
    const qty = form.getByRole('group', { name: w('inventory:receive.quantity') }).locator('output');
    const plusTen = form.getByRole('button', { name: w('inventory:receive.plusTen') });
    const more = form.getByRole('button', { name: w('common:increase', { label: w('inventory:receive.quantity') }) });
    const fewer = form.getByRole('button', { name: w('common:decrease', { label: w('inventory:receive.quantity') }) });
    const receive = form.getByRole('button', { name: w('inventory:receive.submit'), exact: true });
    const status = page.getByRole('status');
    const source = form.getByLabel(w('inventory:receive.source'));
    const sender = form.getByLabel(w('inventory:receive.sourceName'));
    const name = (english: string) => {
      const id = kiosk.core.services.intake.catalog('en').find((i) => i.name === english)!.id;
      return kiosk.core.services.intake.catalog(lng).find((i) => i.id === id)!.name;
    };
    // What the status says after a receipt: "Received 40 × Black beans, 15 oz. …", the count in
    // her language's digits and the name isolated, so an English name in an Arabic sentence
    // neither takes its direction nor pulls the numbers round.
    const received = (qty: number, english: string) =>
      expect(status).toContainText(`${isolate(new Intl.NumberFormat(lng).format(qty))} × ${isolate(name(english))}`);

    // 40 cases of canned beans from the regional food bank: scan, +10 four times, less the first 1.
    const beans = onHand(kiosk, 'Black beans, 15 oz');
    await scanner.scan('084879544544');
    await expect(form).toBeVisible();
    for (let i = 0; i < 4; i += 1) await touch.tap(plusTen);
    await touch.tap(fewer);
    await expect(qty).toHaveText('40');
    await touch.pickFromList(source, w('inventory:sources.food_bank'));
    await touch.tapText(sender, FOOD_BANK_DONOR[lng]);
    await shots.step('beans-40');
    await touch.tap(receive);
    await received(40, 'Black beans, 15 oz');
    expect(onHand(kiosk, 'Black beans, 15 oz')).toBe(beans + 40);
    await shots.step('beans-received');

    // 25 kg of rice in 5 kg bags: five bags.
    const rice = onHand(kiosk, 'Rice, 5 kg');
    await scanner.scan('8962598503566');
    await expect(form).toBeVisible();
    for (let i = 0; i < 4; i += 1) await touch.tap(more);
    await expect(qty).toHaveText('5');
    await touch.pickFromList(source, w('inventory:sources.food_bank'));
    await touch.tap(receive);
    await received(5, 'Rice, 5 kg');
    expect(onHand(kiosk, 'Rice, 5 kg')).toBe(rice + 5);

    // 60 cartons of eggs expiring next Thursday, 3 December, picked on the calendar.
    await scanner.scan('081632567611');
    await expect(form).toBeVisible();
    for (let i = 0; i < 6; i += 1) await touch.tap(plusTen);
    await touch.tap(fewer);
    await expect(qty).toHaveText('60');
    await touch.tap(form.getByRole('button', { name: w('kiosk:date.open') }));
    const picker = form.getByRole('group', { name: w('kiosk:date.picker') });
    await expect(picker).toBeVisible();
    const title = picker.locator('.date-picker-title');
    const december = new Intl.DateTimeFormat(lng, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 11, 1)),
    );
    const november = new Intl.DateTimeFormat(lng, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(2026, 10, 1)),
    );
    if ((await title.textContent()) === november) await touch.tap(picker.getByRole('button', { name: w('kiosk:date.nextMonth') }));
    await expect(title).toHaveText(december);
    const thursday = new Intl.DateTimeFormat(lng, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 11, 3)));
    await shots.step('eggs-calendar');
    await touch.tap(picker.getByRole('button', { name: thursday, exact: true }));
    await expect(form.getByLabel(w('inventory:receive.expiry'))).toHaveValue('2026-12-03');
    await touch.tap(receive);
    await received(60, 'Eggs, 1 dozen');
    expect(kiosk.core.ctx.db.prepare('SELECT expires_on AS e FROM lots ORDER BY rowid DESC LIMIT 1').get()).toMatchObject({
      e: '2026-12-03',
    });

    // 16 kg of produce from Corner Market's grocery rescue: potatoes have no barcode, found by name.
    const scanField = page.getByLabel(w('inventory:receive.scanLabel'));
    const potatoes = { en: 'Potatoes', ar: 'بطاطس' }[lng];
    await findToReceive(page, touch, w, potatoes.slice(0, 4));
    await expect(form).toBeVisible();
    // Produce counted in kg is received by weight: what the scale says, on the number pad.
    await touch.tapNumber(
      form.getByLabel(w('weights:field.label', { label: w('weights:receive.weight'), unit: w('weights:unit.kg') })),
      '16',
    );
    await touch.pickFromList(source, w('inventory:sources.grocery_rescue'));
    await touch.tapText(sender, MARKET[lng]);
    await shots.step('produce-16kg');
    await touch.tap(receive);
    await expect(status).toContainText(name('Potatoes'));
    expect(
      kiosk.core.ctx.db.prepare("SELECT qty, weight_g FROM movements WHERE kind = 'receive' ORDER BY rowid DESC LIMIT 1").get(),
    ).toEqual({ qty: 16, weight_g: 16_000 });

    // Diapers, sizes 3 and 4, from a church: no barcodes, found by name.
    for (const size of ['3', '4']) {
      await touch.tapClear(scanField);
      await touch.tapText(scanField, `${lng === 'en' ? 'Diapers' : 'حفاضات'}`);
      await touch.tap(page.getByRole('button', { name: w('inventory:receive.find'), exact: true }));
      const results = page.getByRole('list', { name: w('inventory:receive.results') });
      await touch.tap(results.getByRole('button', { name: new RegExp(size) }).first());
      await expect(form).toBeVisible();
      for (let i = 0; i < 2; i += 1) await touch.tap(plusTen);
      await touch.pickFromList(source, w('inventory:sources.donor'));
      if (size === '3') {
        await touch.tapText(sender, CHURCH[lng]);
        await shots.step('diapers');
      }
      await touch.tap(receive);
      await received(21, `Diapers, size ${size}`);
    }

    // A can whose barcode the catalogue does not know: a new item, named in English only, as the
    // label says it (at the Arabic hub too: a name in any one language is enough). The name
    // searched for the diapers is still in the scan field; the scan is a scan all the same.
    await scanner.scan('4006381333931');
    await expect(page.getByText(w('inventory:receive.unknownCode', { barcode: '4006381333931' }))).toBeVisible();
    const editor = page.getByRole('form', { name: w('inventory:editor.newTitle') });
    await expect(editor.getByLabel(w('inventory:editor.barcodes'))).toHaveValue('4006381333931');
    await expect(editor.getByText(w('inventory:editor.namesHint', { mark: w('inventory:notTranslated') }))).toBeVisible();
    const english = editor.getByLabel('English', { exact: true });
    await touch.tapText(english, 'Black beans, 29 oz');
    // For the food bank's pounds: one can weighs 822 g, and it is a dry good.
    await touch.tapNumber(
      editor.getByLabel(w('weights:field.label', { label: w('weights:editor.unitWeight'), unit: w('weights:unit.kg') })),
      '0.822',
    );
    await touch.pickFromList(editor.getByLabel(w('weights:category.label')), w('month:weightCategory.dry'));
    await shots.step('new-item');
    const save = editor.getByRole('button', { name: w('inventory:editor.save') });
    await expect(save).toBeEnabled();
    await touch.tap(save);
    await expect(form).toBeVisible();
    // Named by the one fallback: the English name, and in Arabic marked as not translated yet.
    if (lng === 'ar') await expect(form.getByText(w('inventory:notTranslated'))).toBeVisible();
    await touch.tap(receive);
    await expect(status).toContainText('Black beans, 29 oz');
    await shots.step('english-name-only');
    expect(
      kiosk.core.ctx.db
        .prepare(
          "SELECT unit_weight_g AS g, weight_category AS c FROM items i JOIN item_names n ON n.item_id = i.id WHERE n.name = 'Black beans, 29 oz'",
        )
        .get(),
    ).toEqual({ g: 822, c: 'dry' });
    // Languages without a name for it show the English one, marked "not translated yet".
    expect(kiosk.core.services.stock.search('29 oz', 'fa', 5)[0]).toMatchObject({ name: 'Black beans, 29 oz', untranslated: true });
    expect(kiosk.core.services.stock.search('29 oz', lng, 5)[0]).toMatchObject({ name: 'Black beans, 29 oz', untranslated: lng !== 'en' });

    // 12 cartons of milk have expired: marked spoiled, with the reason.
    await touch.tap(page.getByRole('button', { name: w('inventory:tabs.stock'), exact: true }));
    await touch.tap(page.getByRole('button', { name: w('inventory:stock.view.expiring') }));
    const milk = { en: 'Milk, 1 L', ar: 'حليب' }[lng];
    await touch.tap(
      page
        .getByRole('table')
        .getByRole('button', { name: new RegExp(milk) })
        .first(),
    );
    const adjust = page.getByRole('form', { name: w('inventory:adjust.title') });
    // The panel's lots table, and what the ledger says is on the shelf in that lot.
    const lotRow = page
      .getByRole('table', { name: w('inventory:stock.lots') })
      .getByRole('row')
      .filter({ hasText: 'DAIRY-0614' });
    const inLot = () =>
      kiosk.core.ctx.db
        .prepare(
          `SELECT SUM(m.qty) FROM movements m JOIN lots l ON l.id = m.lot_id
           WHERE l.code = 'DAIRY-0614' AND l.item_id IN (SELECT item_id FROM item_names WHERE name = 'Milk, 1 L')`,
        )
        .pluck()
        .get() as number;
    const count = (n: number) => page.evaluate(([l, v]) => new Intl.NumberFormat(l as string).format(v as number), [lng, n]);
    const before = inLot();
    await expect(lotRow.getByRole('cell').last()).toHaveText(await count(before));
    const lot = adjust.getByLabel(w('inventory:adjust.lot'));
    const lotLabel = await lot.locator('option', { hasText: 'DAIRY-0614' }).textContent();
    await touch.pickFromList(lot, lotLabel ?? '');
    await touch.pickFromList(adjust.getByLabel(w('inventory:adjust.reason')), w('inventory:reasons.spoiled'));
    await touch.tapNumber(adjust.getByLabel(w('inventory:adjust.qty')), '12');
    await shots.step('milk-spoiled');
    await touch.tap(adjust.getByRole('button', { name: w('inventory:adjust.submit') }));
    await expect(page.getByText(w('inventory:adjust.saved'))).toBeVisible();
    expect(kiosk.core.ctx.db.prepare("SELECT qty, reason FROM movements WHERE kind = 'adjust' ORDER BY rowid DESC LIMIT 1").get()).toEqual({
      qty: -12,
      reason: 'spoiled',
    });
    // The lots table above shows the shelf as it is now, without closing the panel.
    expect(inLot()).toBe(before - 12);
    if (before - 12 > 0) await expect(lotRow.getByRole('cell').last()).toHaveText(await count(before - 12));
    else await expect(lotRow).toHaveCount(0);
    await shots.step('milk-recorded');
  });
}

test('a can scanned right after a name search is looked up by its barcode, not appended to the name', async ({ page, kiosk }) => {
  // The scan field keeps the searched name; a USB scanner's burst there must not be appended to
  // it ("Diapers4006381333931" searched as a name).
  const { w, touch, scanner } = person(page, 'en', 'stock-room-scan-after-search');
  await page.goto(kiosk.url);
  await touch.logIn(DEMO_PINS.stock);
  const scanField = page.getByLabel(w('inventory:receive.scanLabel'));
  await findToReceive(page, touch, w, 'Diapers');
  await touch.tap(
    page.getByRole('form', { name: w('inventory:receive.form') }).getByRole('button', { name: w('inventory:receive.submit'), exact: true }),
  );
  await expect(page.getByRole('status')).toBeVisible();
  await expect(scanField).toHaveValue('Diapers');
  await scanner.scan('084879544544');
  await expect(page.getByRole('form', { name: w('inventory:receive.form') }).getByText('Black beans, 15 oz')).toBeVisible({
    timeout: 3000,
  });
});
