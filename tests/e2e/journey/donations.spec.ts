import { DEMO_PINS } from '../../../src/core/demo/seed';
import { findToReceive } from './pages/receive';
import { expect, hubLanguage, onHand, person, test } from './hub';
import { wcagAudit } from '../a11y';
import { printedPdf } from './pages/paper';
import { isolate } from '../../../src/shared/slips/bidi';

// A Saturday morning: the coordinator adds the corner market that gives its unsold produce as a
// donor; the stock room receives 12.5 kg of its apples by weight, as the scale shows it; then
// the coordinator prints the market's receipt for its records, in the market's language.

const DONOR = 'Corner Market';
const APPLES = { en: 'Apples', ar: 'تفاح' } as const;
const FRESH = { en: 'Fresh produce', ar: 'خضار طازجة' } as const;

/** Axe finds nothing on the screen as it is now (WCAG 2.2 AA). */
async function accessible(page: Parameters<typeof wcagAudit>[0]): Promise<void> {
  const axe = await wcagAudit(page);
  expect(
    axe.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    ),
  ).toEqual([]);
}

const PAPERS = [
  ['58', 'print:size58', 58, null],
  ['80', 'print:size80', 80, null],
  ['a4', 'print:a4', 210, 297],
  ['letter', 'print:letter', 215.9, 279.4],
] as const;

for (const lng of ['en', 'ar'] as const) {
  test(`donations (${lng}): a donor, apples received by weight from its grocery rescue, and its receipt on paper`, async ({
    page,
    kiosk,
  }, testInfo) => {
    test.setTimeout(180_000);
    hubLanguage(kiosk, lng);
    const { w, touch, shots } = person(page, lng, `donations-${lng}`);
    await page.goto(kiosk.url);

    // The coordinator adds the market: an organisation, with a phone only coordinators see.
    await touch.logIn(DEMO_PINS.coordinator);
    await touch.tap(touch.button(w('donors:nav')));
    await expect(touch.heading()).toHaveText(w('donors:title'));
    await touch.tap(touch.button(w('donors:list.add')));
    const form = page.getByRole('form', { name: w('donors:form.newTitle') });
    await expect(form.getByRole('button', { name: w('donors:kind.organisation') })).toHaveAttribute('aria-pressed', 'true');
    await touch.tapText(form.getByLabel(w('donors:form.name')), DONOR);
    await touch.tapText(form.getByLabel(w('donors:form.contact')), '5550100');
    await shots.step('donor-form');
    await touch.tap(form.getByRole('button', { name: w('donors:form.save') }));
    await expect(page.getByRole('status')).toHaveText(w('donors:list.saved', { name: DONOR }));
    const row = page
      .getByRole('table', { name: w('donors:list.title') })
      .getByRole('row')
      .filter({ hasText: DONOR });
    await expect(row).toContainText('5550100');
    await shots.step('donor-list');
    await accessible(page);
    expect(kiosk.core.ctx.db.prepare('SELECT kind, contact, language FROM donors WHERE name = ?').get(DONOR)).toEqual({
      kind: 'organisation',
      contact: '5550100',
      language: lng,
    });

    // The food bank calls fresh produce by its own name: the coordinator renames the category.
    await touch.tap(page.getByRole('navigation', { name: w('donors:title') }).getByRole('button', { name: w('donors:tabs.categories') }));
    await touch.tap(page.getByRole('button', { name: w('weights:categories.rename', { name: w('month:weightCategory.produce') }) }));
    const rename = page.getByRole('form', { name: w('weights:categories.editTitle') });
    await touch.tapText(rename.getByLabel(lng === 'en' ? 'English' : 'العربية', { exact: true }), FRESH[lng]);
    await shots.step('rename-category');
    await touch.tap(rename.getByRole('button', { name: w('weights:categories.save') }));
    await expect(page.getByRole('status')).toHaveText(w('weights:categories.saved'));
    await expect(page.getByRole('button', { name: w('weights:categories.rename', { name: FRESH[lng] }) })).toBeVisible();
    expect(kiosk.core.ctx.db.prepare("SELECT locale, name FROM weight_category_names WHERE category_id = 'produce'").all()).toEqual([
      { locale: lng, name: FRESH[lng] },
    ]);

    // The hub counts in-kind values in dollars: the coordinator names the currency once.
    await touch.tap(touch.button(w('month:nav')));
    await touch.tap(w('month:settings'));
    const currencySettings = page.getByRole('region', { name: w('month:units.title') });
    const dollar = await page.evaluate((l) => new Intl.DisplayNames(l, { type: 'currency' }).of('USD') ?? 'USD', lng);
    await touch.pickFromList(
      currencySettings.getByLabel(w('month:currency.label')),
      w('month:currency.choice', { name: dollar, code: 'USD' }),
    );
    await touch.tap(currencySettings.getByRole('button', { name: w('month:units.save') }));
    await expect(currencySettings.getByRole('status')).toHaveText(w('month:saved'));
    expect(kiosk.core.ctx.db.prepare('SELECT currency FROM report_settings').pluck().get()).toBe('USD');
    await touch.logOut();

    // The stock room weighs the crates: 12.5 kg on the scale, typed on the number pad.
    await touch.logIn(DEMO_PINS.stock);
    const apples = onHand(kiosk, 'Apples');
    await findToReceive(page, touch, w, APPLES[lng]);
    const receive = page.getByRole('form', { name: w('inventory:receive.form') });
    // Weighed produce has no count to step through: the scale's reading is the quantity.
    await expect(receive.getByRole('group', { name: w('inventory:receive.quantity') })).toHaveCount(0);
    const weight = receive.getByLabel(w('weights:field.label', { label: w('weights:receive.weight'), unit: w('weights:unit.kg') }));
    await touch.tapNumber(weight, '12.5');
    // Shown in both units, for a food bank that counts in pounds.
    const both = new Intl.NumberFormat(lng, { maximumFractionDigits: 1 });
    await expect(receive.locator('.weight-field output')).toHaveText(`\u2068${both.format(12.5)} kg (${both.format(27.6)} lb)\u2069`);
    await touch.pickFromList(receive.getByLabel(w('inventory:receive.source')), w('inventory:sources.grocery_rescue'));
    await touch.tapText(receive.getByLabel(w('inventory:receive.sourceName')), DONOR);
    await touch.pickFromList(receive.getByLabel(w('donors:receive.donor'), { exact: true }), DONOR);
    // The value is typed in the hub's currency, and the field says which.
    await touch.tapNumber(receive.getByLabel(w('donors:receive.valueIn', { currency: dollar }), { exact: true }), '20');
    await shots.step('apples-by-weight');
    await accessible(page);
    await touch.tap(receive.getByRole('button', { name: w('inventory:receive.submit'), exact: true }));
    await expect(page.getByRole('status')).toContainText(APPLES[lng]);
    await shots.step('apples-received');
    // 12.5 kg = 27.56 lb: apples are counted in lb, so 28 lb on the shelf; the receipt keeps 12 500 g.
    expect(onHand(kiosk, 'Apples')).toBe(apples + 28);
    expect(
      kiosk.core.ctx.db
        .prepare("SELECT qty, weight_g, source, value_cents FROM movements WHERE kind = 'receive' ORDER BY rowid DESC LIMIT 1")
        .get(),
    ).toEqual({
      qty: 28,
      weight_g: 12_500,
      source: `grocery_rescue|${DONOR}`,
      value_cents: 2000,
    });
    await touch.logOut();

    // The coordinator prints the market's receipt: what, weight, value, date, hub.
    await touch.logIn(DEMO_PINS.coordinator);
    await touch.tap(touch.button(w('donors:nav')));
    await touch.tap(page.getByRole('button', { name: w('donors:list.receiptOne', { name: DONOR }) }));
    const money = new Intl.NumberFormat(lng, { minimumFractionDigits: 2 });
    // In the donor's language and the hub's currency: "$20.00" (a right-to-left page reads its currency sign back reordered).
    const value = lng === 'en' ? new Intl.NumberFormat(lng, { style: 'currency', currency: 'USD' }).format(20) : money.format(20);
    const dialog = page.getByRole('dialog', { name: w('donors:receipt.dialog', { name: DONOR }) });
    await expect(page.getByTestId('print-area')).toContainText(APPLES[lng]);
    await accessible(page);
    for (const [paper, label, widthMm, heightMm] of PAPERS) {
      await touch.tap(dialog.getByRole('button', { name: w(label) }));
      await expect(page.getByTestId('print-area').locator(`[data-paper="${paper}"]`)).toBeVisible();
      if (paper === 'a4' || paper === '80') await shots.step(`receipt-${paper}`);
      const out = await printedPdf(page, testInfo.outputDir, `donor-receipt-${lng}-${paper}`);
      expect(out.widthMm, paper).toBeCloseTo(widthMm, 0);
      if (heightMm) expect(out.heightMm, paper).toBeCloseTo(heightMm, 0);
      else expect(out.heightMm, paper).toBeLessThan(200);
      expect(out.pages, paper).toBe(1);
      // Word by word: a right-to-left page reads back with its Latin and digit runs reordered.
      for (const word of [
        'Eastside Community Hub',
        DONOR,
        w('donors:print.title'),
        APPLES[lng],
        both.format(12.5),
        `${both.format(27.6)} lb`,
        value,
      ]) {
        expect(out.text, `${paper}: ${word}`).toContain(word);
      }
      // The day it came in, as the donor's language writes a date (an Arabic date reads back reordered).
      if (lng === 'en')
        expect(out.text, paper).toContain(
          new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.UTC(2026, 10, 28)),
        );
      // Only the receipt: nothing of the screen behind the dialog.
      expect(out.text, paper).not.toContain(w('donors:list.private'));
    }

    // The market closes; the coordinator takes it off the list. Asked once more, then gone:
    // its phone is forgotten, its name stays on what it gave.
    await touch.tap(dialog.getByRole('button', { name: w('print:close') }));
    await touch.tap(page.getByRole('button', { name: w('donors:list.removeOne', { name: DONOR }) }));
    const confirm = page.getByRole('group', { name: w('donors:list.removeOne', { name: DONOR }) });
    await expect(confirm).toContainText(w('donors:list.removeConfirm.organisation', { name: isolate(DONOR) }));
    await shots.step('donor-remove');
    await touch.tap(confirm.getByRole('button', { name: w('donors:list.removeYes') }));
    await expect(page.getByRole('status')).toHaveText(w('donors:list.removed', { name: isolate(DONOR) }));
    await expect(page.getByRole('table', { name: w('donors:list.title') })).toHaveCount(0);
    await expect(page.getByText(w('donors:list.empty'))).toBeVisible();
    expect(kiosk.core.ctx.db.prepare('SELECT name, contact, removed_at IS NOT NULL AS removed FROM donors').all()).toEqual([
      { name: DONOR, contact: null, removed: 1 },
    ]);
    await touch.logOut();

    // The stock room's next receive no longer offers it.
    await touch.logIn(DEMO_PINS.stock);
    await findToReceive(page, touch, w, APPLES[lng]);
    const donorChoice = page
      .getByRole('form', { name: w('inventory:receive.form') })
      .getByLabel(w('donors:receive.donor'), { exact: true });
    await expect(donorChoice.locator('option')).toHaveText([w('donors:receive.noDonor')]);
  });
}
