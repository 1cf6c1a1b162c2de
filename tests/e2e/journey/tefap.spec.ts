import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { DEMO_PINS } from '../../../src/core/demo/seed';
import { wcagAudit } from '../a11y';
import type { Kiosk } from '../fixtures';
import { expect, hubLanguage, person, test } from './hub';
import type { Touch } from './pages/touch';
import { Visitor, watchPrint } from './pages/visitor';
import type { Words } from './pages/words';
import { printedPdf } from './pages/paper';

// 10:00, Saturday, as the doors open: the hub now gives USDA food, so the coordinator turns on
// TEFAP mode with the state's self-declaration. A visitor in her own language gives exactly
// what TEFAP asks and signs with her finger; the month report counts her household apart. The
// USDA delivery runs out, the mode goes off, and the next visitor is asked none of it.

const DECLARATION = 'I declare that my household income is at or below the state limit, or that we receive SNAP, TANF or SSI.';
/** The state's Spanish text, entered beside the English one: a visitor who chose Spanish reads and signs this. */
const DECLARACION = 'Declaro que mi hogar está bajo el límite de ingresos del estado.';
/** A signature, as a finger writes it: a loop and a stroke under it (fractions of the pad). */
const SIGNATURE: [number, number][][] = [
  [
    [0.1, 0.6],
    [0.2, 0.3],
    [0.3, 0.7],
    [0.4, 0.35],
    [0.5, 0.65],
    [0.6, 0.4],
  ],
  [
    [0.15, 0.85],
    [0.45, 0.8],
    [0.7, 0.85],
  ],
];

const tefapRecords = (kiosk: Kiosk) =>
  kiosk.core.ctx.db.prepare('SELECT name, address, household_size, basis, program, signature, declaration FROM tefap_records').all() as {
    signature: string;
  }[];

async function openMonthSettings(page: Page, touch: Touch, w: Words): Promise<void> {
  await touch.logIn(DEMO_PINS.coordinator);
  await touch.tap(touch.button(w('month:nav')));
  await touch.tap(w('month:settings'));
  await expect(page.getByRole('heading', { name: w('month:tefap.title') })).toBeVisible();
}

for (const [lng, visitorLng, language, name] of [
  ['en', 'es', 'Español', 'Ana Reyes'],
  ['ar', 'ar', 'العربية', 'سلمى'],
] as const) {
  test(`TEFAP (${lng}, visitor ${visitorLng}): the mode on with the state's words, a visitor signs by finger, the report counts her apart, the mode off asks nothing`, async ({
    page,
    kiosk,
  }, testInfo) => {
    test.setTimeout(180_000);
    hubLanguage(kiosk, lng);
    const db = kiosk.core.ctx.db;
    // The screen's month is the hub's: Saturday 28 November, as the core's clock says.
    await page.clock.setFixedTime(new Date('2026-11-28T10:00:00.000Z'));
    const { w, touch, shots } = person(page, lng, `tefap-${lng}`);
    // The browser's print, counted instead of opened: each slip prints as it is issued.
    const prints = await watchPrint(page);
    await page.goto(kiosk.url);

    // The Month screen's settings: TEFAP mode is off until she turns it on.
    await openMonthSettings(page, touch, w);
    const mode = touch.button(w('month:tefap.enabled'));
    await expect(mode).toHaveAttribute('aria-pressed', 'false');
    await touch.tap(mode);
    await expect(mode).toHaveAttribute('aria-pressed', 'true');
    // On without the state's words: refused, naming the field, and nothing is saved.
    await touch.tap(w('month:tefap.save'));
    await expect(page.getByRole('alert')).toHaveText(w('month:errors.tefap_declaration'));
    expect(db.prepare('SELECT COUNT(*) AS n FROM tefap_settings').get()).toEqual({ n: 0 });
    await page.getByRole('alert').scrollIntoViewIfNeeded();
    await shots.step('declaration-refused');
    await touch.tapText(page.getByLabel(w('month:tefap.declaration'), { exact: true }), DECLARATION);
    // The state gives its text in Spanish too: she chooses Español and types it (a Spanish keyboard, with its accents).
    const translated = visitorLng !== lng;
    if (translated) {
      const others = page.getByRole('group', { name: w('month:tefap.otherLanguages') });
      await touch.tap(others.getByRole('button', { name: language, exact: true }));
      await touch.tapText(page.getByLabel(w('month:tefap.declarationIn', { language }), { exact: true }), DECLARACION);
      await expect(others.getByRole('button', { name: `${language} ${w('month:tefap.entered')}` })).toHaveAttribute('aria-pressed', 'true');
    }
    /** What this run's visitor must read and sign: her language's text where the site entered one. */
    const signed = translated ? DECLARACION : DECLARATION;
    // Twenty days is shorter than a record may be kept: refused, naming the field.
    const retention = page.getByLabel(w('month:tefap.retention'), { exact: true });
    await touch.tapNumber(retention, '20');
    await touch.tap(w('month:tefap.save'));
    const thirty = await page.evaluate((l) => new Intl.NumberFormat(l).format(30), lng);
    await expect(page.getByRole('alert')).toHaveText(
      w('errors:api.invalid_field', {
        field: w('errors:fields.retentionDays'),
        reason: w('errors:reasons.too_small', { limit: thirty }),
      }),
    );
    expect(db.prepare('SELECT COUNT(*) AS n FROM tefap_settings').get()).toEqual({ n: 0 });
    await page.getByRole('alert').scrollIntoViewIfNeeded();
    await shots.step('retention-refused');
    await touch.tapNumber(retention, '1095');
    await touch.tap(w('month:tefap.save'));
    await expect(page.getByRole('status').filter({ hasText: w('month:saved') })).toBeVisible();
    expect(db.prepare('SELECT enabled, declaration, translations, retention_days FROM tefap_settings').get()).toEqual({
      enabled: 1,
      declaration: DECLARATION,
      translations: JSON.stringify(translated ? { [visitorLng]: DECLARACION } : {}),
      retention_days: 1095,
    });
    expect((await wcagAudit(page, '.month-settings')).violations).toEqual([]);
    await shots.step('mode-on');
    await touch.logOut();

    // A mother of two, in her own language: the household once, then TEFAP's questions.
    const v = new Visitor(page, visitorLng, kiosk);
    await v.tap(language);
    await v.tap(v.button(new RegExp(v.w('intake:purpose.need'))));
    await v.tap(v.more(v.w('intake:household.children')));
    await v.tap(v.more(v.w('intake:household.children')));
    await v.next();
    await v.tap(v.item('Rice, 5 kg'));
    await v.next();
    await v.tap(v.w('intake:contact.skip'));
    await expect(v.heading()).toHaveText(v.w('intake:tefap.title'));
    // Exactly these, in her language: the household size is her answer before, not asked again.
    const three = `intake:household.total_${new Intl.PluralRules(visitorLng).select(3)}`;
    await expect(page.getByText(v.w(three, { count: 3 }))).toBeVisible();
    await expect(page.getByText(signed, { exact: true })).toBeVisible();
    await expect(page.getByText(v.w('intake:tefap.never'))).toBeVisible();
    await expect(page.getByRole('spinbutton')).toHaveCount(0);
    await shots.step('tefap-step');
    await v.tapText(page.getByLabel(v.w('intake:tefap.name'), { exact: true }), name);
    // A name and nothing else: the step says what is still open.
    await v.tap(v.w('common:next'));
    await expect(page.getByRole('alert')).toHaveText(v.w('intake:tefap.missing.basis'));
    await v.tap(v.button(new RegExp(v.w('intake:tefap.categorical'))));
    await v.tap(v.w('intake:tefap.programs.snap'));
    await v.tap(v.w('common:next'));
    await expect(page.getByRole('alert')).toHaveText(v.w('intake:tefap.missing.signature'));
    const pad = page.getByRole('img', { name: v.w('intake:tefap.sign') });
    // Exactly: in Arabic "not signed yet" holds the words for "signed".
    const signature = (text: string) => page.locator('.signature-status').getByText(text, { exact: true });
    await v.draw(pad, SIGNATURE);
    await expect(signature(v.w('intake:tefap.signed'))).toBeVisible();
    expect((await wcagAudit(page)).violations).toEqual([]);
    await shots.step('signed');
    // Clear starts again; she signs once more.
    await v.tap(v.w('intake:tefap.clear'));
    await expect(signature(v.w('intake:tefap.notSigned'))).toBeVisible();
    await v.draw(pad, SIGNATURE);
    await expect(signature(v.w('intake:tefap.signed'))).toBeVisible();
    await v.next();
    await expect(v.heading()).toHaveText(v.w('intake:confirm.title'));
    await expect(page.getByRole('definition').filter({ hasText: name })).toBeVisible();
    await shots.step('confirm');
    await v.tap(v.w('intake:confirm.submit'));
    await expect(page.locator('svg.qr')).toBeVisible();
    await shots.step('slip');
    const [record, ...others] = tefapRecords(kiosk);
    expect(others).toEqual([]);
    expect(record).toMatchObject({
      name,
      address: null,
      household_size: 3,
      basis: 'categorical',
      program: 'snap',
      // The very words she was shown, in her language.
      declaration: signed,
    });
    // Two strokes, as drawn after the clear: moves and lines in the 600 x 200 box.
    expect(record?.signature).toMatch(/^M \d+ \d+( L \d+ \d+)+ M \d+ \d+( L \d+ \d+)+$/);
    await v.tap(v.w('common:done'));

    // The month report: her household counted apart as TEFAP.
    await touch.logIn(DEMO_PINS.coordinator);
    await touch.tap(touch.button(w('month:nav')));
    const one = await page.evaluate((l) => new Intl.NumberFormat(l).format(1), lng);
    const row = page
      .locator('.month-figures')
      .first()
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: w('month:fig.tefap') }) });
    await expect(row.getByRole('cell').first()).toHaveText(one);
    await row.scrollIntoViewIfNeeded();
    await shots.step('report-tefap');

    // What the mode kept: today's sheet on screen, printed for the food bank's TEFAP review on A4
    // and Letter, and the month's records as CSV; only the coordinator reaches any of it.
    const kept = page.getByRole('region', { name: w('month:tefapRecords.title') });
    const keptRow = kept.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    const sizeThree = await page.evaluate((l) => new Intl.NumberFormat(l).format(3), lng);
    const snap = w('month:tefapRecords.categoricalProgram', { program: w('intake:tefap.programs.snap') });
    await expect(keptRow.getByRole('cell').nth(2)).toHaveText(sizeThree);
    await expect(keptRow.getByRole('cell').nth(3)).toHaveText(snap);
    await expect(keptRow.getByRole('img', { name: w('month:tefapRecords.signed'), exact: true })).toBeVisible();
    expect((await wcagAudit(page, '.tefap-records')).violations).toEqual([]);
    await kept.scrollIntoViewIfNeeded();
    await shots.step('tefap-records');
    await touch.tap(kept.getByRole('button', { name: w('month:tefapRecords.print') }));
    const sheetDialog = page.getByRole('dialog');
    // The sheet is for pages: no receipt roll is offered.
    await expect(sheetDialog.getByRole('button', { name: w('print:size80') })).toHaveCount(0);
    await expect(page.getByTestId('print-area').getByRole('img', { name: w('month:tefapRecords.signed'), exact: true })).toBeVisible();
    for (const [paper, label, widthMm] of [
      ['a4', 'print:a4', 210],
      ['letter', 'print:letter', 215.9],
    ] as const) {
      await touch.tap(sheetDialog.getByRole('button', { name: w(label) }));
      await expect(page.getByTestId('print-area').locator(`[data-paper="${paper}"]`)).toBeVisible();
      if (paper === 'a4') await shots.step('tefap-sheet');
      const out = await printedPdf(page, testInfo.outputDir, `tefap-sheet-${lng}-${paper}`);
      expect(out.widthMm, paper).toBeCloseTo(widthMm, 0);
      expect(out.pages, paper).toBe(1);
      for (const word of [name, w('month:tefapRecords.signature'), w('month:tefapRecords.address')])
        expect(out.text, `${paper}: ${word}`).toContain(word);
      if (lng === 'en') expect(out.text, paper).toContain(w('month:tefapRecords.sheetTitle'));
      // Only the sheet: the month's report behind the dialog is not printed with it.
      expect(out.text, paper).not.toContain(w('month:fig.visits'));
    }
    // Print sends the sheet to the printer (here the browser's print, with only the sheet on the page).
    const before = (await prints()).calls;
    await touch.tap(sheetDialog.getByRole('button', { name: w('print:print') }));
    await expect.poll(async () => (await prints()).calls).toBe(before + 1);
    await touch.tap(sheetDialog.getByRole('button', { name: w('print:close') }));
    const download = page.waitForEvent('download');
    await touch.tap(kept.getByRole('button', { name: w('month:tefapRecords.csv') }));
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFdate,time_utc,name,address,household_size,basis,program,signed');
    expect(csv).toContain(`2026-11-28,10:00,${name},,3,categorical,snap,yes`);

    // The USDA delivery is given out: the mode goes off.
    await touch.tap(w('month:settings'));
    await touch.tap(mode);
    await expect(mode).toHaveAttribute('aria-pressed', 'false');
    await touch.tap(w('month:tefap.save'));
    await expect(page.getByRole('status').filter({ hasText: w('month:saved') })).toBeVisible();
    expect(db.prepare('SELECT enabled FROM tefap_settings').get()).toEqual({ enabled: 0 });
    await touch.logOut();

    // The next visitor is asked none of it: contact, then straight to "Is this right?".
    await v.tap(language);
    await v.asksFor('Rice, 5 kg');
    await expect(v.heading()).toHaveText(v.w('intake:confirm.title'));
    await expect(page.getByText(v.w('intake:tefap.summary'))).toHaveCount(0);
    await shots.step('mode-off-confirm');
    await v.tap(v.w('intake:confirm.submit'));
    await expect(page.locator('svg.qr')).toBeVisible();
    expect(tefapRecords(kiosk)).toHaveLength(1);
  });
}
