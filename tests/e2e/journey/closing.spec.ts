import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEMO_PINS } from '../../../src/core/demo/seed';
import { distributeFefo } from '../../../src/core/inventory/ledger';
import { forecast } from '../../../src/core/reports/forecast';
import { ShiftService } from '../../../src/core/shifts/shift-service';
import type { Kiosk } from '../fixtures';
import { expect, hubLanguage, person, test } from './hub';
import { JOURNEY_DIR } from './pages/shots';
import { Visitor } from './pages/visitor';

// 16:00, Saturday: the coordinator closes the day. Sam from the stock room forgot to sign out;
// the rice shelf is running down; the food bank wants its report in 0–17 / 18–59 / 60+ from
// now on, on one sheet; and the next visitor is asked in those bands.

const RICE = 'Rice, 5 kg';

function itemId(kiosk: Kiosk, english: string): string {
  return (kiosk.core.ctx.db.prepare("SELECT item_id AS id FROM item_names WHERE locale = 'en' AND name = ?").get(english) as { id: string })
    .id;
}

/** Three distribution days of rice in the last four weeks, and Sam's shift still open since 9:00. */
function seedDay(kiosk: Kiosk): void {
  const rice = itemId(kiosk, RICE);
  for (const [day, qty] of [
    ['2026-11-07', 4],
    ['2026-11-14', 5],
    ['2026-11-21', 3],
  ] as const) {
    kiosk.clock.set(`${day}T11:00:00.000Z`);
    kiosk.core.ctx.db.transaction(() => distributeFefo(kiosk.core.ctx, rice, qty, { slipId: randomUUID(), volunteer: null }))();
  }
  kiosk.clock.set('2026-11-28T09:00:00.000Z');
  const sam = (kiosk.core.ctx.db.prepare("SELECT id FROM volunteers WHERE role = 'stock' ORDER BY name LIMIT 1").get() as { id: string })
    .id;
  new ShiftService(kiosk.core.ctx).start(sam);
  kiosk.clock.set('2026-11-28T16:00:00.000Z');
}

/** The printed report at one paper size: page count, and its text read back. */
function printed(file: string): { pages: number; text: string } {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  // pdftotext wraps right-to-left runs in bidi controls and writes a range in visual order.
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(
    /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    '',
  );
  return { pages, text };
}

async function printAt(page: Page, name: string, format: 'A4' | 'Letter'): Promise<{ pages: number; text: string }> {
  mkdirSync(JOURNEY_DIR, { recursive: true });
  const file = join(JOURNEY_DIR, `${name}-${format}.pdf`);
  await page.emulateMedia({ media: 'print' });
  writeFileSync(file, await page.pdf({ format, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  execFileSync('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-png', '-singlefile', file, file.replace(/\.pdf$/, '')]);
  return printed(file);
}

for (const lng of ['en', 'ar'] as const) {
  test(`closing (${lng}): the day closed, rice running out, the food bank's age bands, one printed sheet, a visitor asked in them`, async ({
    page,
    kiosk,
  }) => {
    test.setTimeout(180_000);
    seedDay(kiosk);
    hubLanguage(kiosk, lng);
    const db = kiosk.core.ctx.db;
    await page.clock.setFixedTime(new Date('2026-11-28T16:00:00.000Z'));
    const { w, touch, shots } = person(page, lng, `closing-${lng}`);
    await page.goto(kiosk.url);
    await touch.logIn(DEMO_PINS.coordinator);

    // Close of day: the one shift still open ends now, and the screen says so.
    await expect(page.getByRole('heading', { name: w('month:shifts.onToday') })).toBeVisible();
    await touch.tap(w('month:shifts.closeDay'));
    await expect(
      page
        .getByRole('status')
        .filter({ hasText: lng === 'en' ? w('month:shifts.closed_one', { count: 1 }) : w('month:shifts.closed', { count: 1 }) }),
    ).toBeVisible();
    expect(
      db.prepare("SELECT COUNT(*) AS n FROM shifts WHERE ended_by = 'closing' AND ended_at = '2026-11-28T16:00:00.000Z'").get(),
    ).toEqual({ n: 1 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM shifts WHERE ended_at IS NULL').get()).toEqual({ n: 0 });
    await shots.step('day-closed');

    // The stock room: how long the rice lasts at the recent pace, and how that is worked out.
    await touch.tap(touch.button(w('inventory:nav')));
    await touch.tap(touch.button(w('inventory:tabs.stock')));
    const rice = itemId(kiosk, RICE);
    const [f] = forecast(kiosk.core.ctx, [rice]);
    expect(f?.daysLeft).not.toBeNull();
    const riceName = new Visitor(page, lng, kiosk).itemName(RICE);
    const days = f?.daysLeft ?? 0;
    const line = lng === 'en' ? w(`month:forecast.itemDaysLeft_${days === 1 ? 'one' : 'other'}`, { item: riceName, count: days }) : null;
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: riceName }) });
    if (line) await expect(row).toContainText(line);
    else await expect(row).toContainText(riceName);
    await expect(page.getByText(w('month:forecast.explain'))).toBeVisible();
    // The shot shows what the volunteer scrolled to: the rice row.
    await row.scrollIntoViewIfNeeded();
    await shots.step('stock-forecast');

    // The Month screen's settings: a slip of the finger leaves a gap, refused naming the field.
    await touch.tap(touch.button(w('month:nav')));
    await touch.tap(w('month:settings'));
    await expect(page.getByRole('heading', { name: w('month:bands.title') })).toBeVisible();
    await touch.tapNumber(page.getByLabel(w('month:bands.to', { n: 2 }), { exact: true }), '58');
    await touch.tap(w('month:bands.save'));
    await expect(page.getByRole('alert')).toHaveText(w('month:errors.bands_gap', { age: 59 }));
    expect(db.prepare('SELECT COUNT(*) AS n FROM report_settings').get()).toEqual({ n: 0 });
    await page.getByRole('alert').scrollIntoViewIfNeeded();
    await shots.step('bands-gap-refused');
    await touch.tap(touch.button('0–17 / 18–59 / 60+'));
    await touch.tap(w('month:bands.save'));
    await expect(page.getByRole('status').filter({ hasText: w('month:saved') })).toBeVisible();
    expect(JSON.parse((db.prepare('SELECT age_bands FROM report_settings').get() as { age_bands: string }).age_bands)).toEqual([
      { from: 0, to: 17 },
      { from: 18, to: 59 },
      { from: 60, to: null },
    ]);
    await expect(page.locator('.month-figures').first()).toContainText('18–59');
    await shots.step('bands-saved');

    // The food bank counts pounds: she switches the hub's weights to lb. The report and the
    // weight chart on screen count in it at once.
    const counting = page.getByRole('region', { name: w('month:units.title') });
    const chartTitle = (unit: string) =>
      page.locator('.month-chart figcaption').filter({ hasText: `${w('month:chart.weight')} (${unit})` });
    await expect(chartTitle('kg').first()).toBeVisible();
    await touch.tap(counting.getByRole('button', { name: w('month:units.lb') }));
    await touch.tap(counting.getByRole('button', { name: w('month:units.save') }));
    await expect(counting.getByRole('status')).toHaveText(w('month:saved'));
    expect(db.prepare('SELECT weight_unit FROM report_settings').pluck().get()).toBe('lb');
    await expect(chartTitle('lb').first()).toBeVisible();
    await expect(chartTitle('kg')).toHaveCount(0);
    await counting.scrollIntoViewIfNeeded();
    await shots.step('pounds-saved');

    // The printed report: one sheet on A4 and one on Letter, read back.
    for (const format of ['A4', 'Letter'] as const) {
      const sheet = await printAt(page, `closing-${lng}-report`, format);
      expect(sheet.pages, format).toBe(1);
      expect(sheet.text).toContain(w('month:fig.visits'));
      expect(sheet.text).toMatch(/18–59|59–18/);
      expect(sheet.text).not.toContain(w('month:print'));
    }

    // The next visitor is asked in the new bands, in their language, by touch.
    await touch.logOut();
    const v = new Visitor(page, lng, kiosk);
    await v.tap(lng === 'en' ? 'English' : 'العربية');
    await v.tap(v.button(new RegExp(w('intake:purpose.need'))));
    await expect(v.heading()).toHaveText(w('intake:household.title'));
    const adults = w('intake:household.band', { range: '18–59' });
    const children = w('intake:household.band', { range: '0–17' });
    await expect(page.getByRole('group', { name: w('intake:household.bandOpen', { from: 60 }) })).toBeVisible();
    await v.tap(v.more(adults));
    await v.tap(v.more(adults));
    await v.tap(v.more(children));
    await shots.step('intake-bands');
    await v.next();
    await v.tap(v.item(RICE));
    await v.next();
    await v.tap(w('intake:contact.skip'));
    await v.tap(w('intake:confirm.submit'));
    await expect(page.locator('svg.qr')).toBeVisible();
    await shots.step('slip');
    const visit = (db.prepare('SELECT v.id FROM visits v ORDER BY v.at DESC, v.rowid DESC LIMIT 1').get() as { id: string }).id;
    expect(db.prepare('SELECT age_from, age_to, count FROM visit_people WHERE visit_id = ? ORDER BY age_from').all(visit)).toEqual([
      { age_from: 0, age_to: 17, count: 1 },
      { age_from: 18, age_to: 59, count: 2 },
    ]);
  });
}
