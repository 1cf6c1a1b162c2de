import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { DEMO_PINS } from '../../src/core/demo/seed';
import { expect, test, type Kiosk } from './fixtures';
import { wcagAudit } from './a11y';
import { buildReport } from '../../src/core/reports/report';
import { buildCharts } from '../../src/core/reports/charts';
import { formatWeight } from '../../src/shared/reports/weight';

/** A month of a small hub: returning and anonymous households, a delivery weighed on the scale. */
function seedMonth(kiosk: Kiosk): void {
  const db = kiosk.core.ctx.db;
  const hh = db.prepare("INSERT INTO households (id, language, created_at, last_visit_at) VALUES (?, 'en', ?, ?)");
  const visit = db.prepare(
    'INSERT INTO visits (id, household_id, language, request_id, at, adults, children, seniors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (let h = 0; h < 12; h++) {
    const created = `2026-11-0${2 + (h % 3)}T10:00:00.000Z`;
    hh.run(`m-${h}`, created, created);
    visit.run(randomUUID(), `m-${h}`, 'en', randomUUID(), created, 1 + (h % 2), h % 3 === 0 ? null : h % 3, h % 4 === 0 ? 1 : 0);
    if (h % 2 === 0) visit.run(randomUUID(), `m-${h}`, 'en', randomUUID(), `2026-11-1${h % 3}T10:00:00.000Z`, 2, 1, 0);
  }
  const item = (db.prepare('SELECT id FROM items ORDER BY id LIMIT 1').get() as { id: string }).id;
  kiosk.clock.set('2026-11-09T10:00:00.000Z');
  kiosk.core.services.stock.receive(
    {
      requestId: randomUUID(),
      itemId: item,
      qty: 20,
      lotCode: null,
      expiresOn: null,
      source: 'food_bank',
      sourceName: null,
      acceptPastExpiry: false,
      weightG: 48_500,
    },
    null,
  );
  kiosk.clock.set('2026-11-28T10:00:00.000Z');
}

async function openMonth(page: Page, kiosk: Kiosk, nav: string): Promise<void> {
  // The screen's "this month" is the browser's; hold it at the fixture's day.
  await page.clock.setFixedTime(new Date('2026-11-28T10:00:00.000Z'));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(kiosk.url);
  await page
    .getByRole('button', { name: /^(Volunteer|المتطوعون)$/ })
    .first()
    .tap();
  for (const d of DEMO_PINS.coordinator) await page.getByRole('button', { name: d, exact: true }).tap();
  await page.getByRole('button', { name: /^(OK|موافق)$/ }).tap();
  await page.getByRole('navigation').getByRole('button', { name: nav, exact: true }).tap();
}

const shots = (name: string) => {
  const dir = 'test-results/month';
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
};

test.use({ hasTouch: true });

test('the coordinator reads the month, compares with last year and prints it as one A4 report (English, touch only)', async ({
  page,
  kiosk,
}) => {
  seedMonth(kiosk);
  await openMonth(page, kiosk, 'Month');
  await expect(page.getByRole('heading', { level: 1, name: /The month: November 2026/ })).toBeVisible();
  const figures = page.locator('.month').getByRole('table').first();
  // The demo hub's own visits and the seeded month, as core counts them.
  const r = buildReport(kiosk.core.ctx, { from: '2026-11-01', to: '2026-11-30' });
  expect(r.households.distinct).toBeGreaterThanOrEqual(12);
  expect(r.households.withChildrenNotAnswered).toBeGreaterThanOrEqual(2);
  await expect(figures.getByRole('row', { name: /Households served \(at most\)/ }).getByRole('cell')).toHaveText(
    String(r.households.distinct),
  );
  await expect(figures.getByRole('row', { name: /^Visits/ }).getByRole('cell')).toHaveText(String(r.households.visits));
  // Households that did not say whether children live with them are their own count, not zero.
  await expect(figures.getByRole('row', { name: /Households with children under 18/ })).toContainText(
    `Not answered: ${r.households.withChildrenNotAnswered}`,
  );
  await expect(figures.getByRole('row', { name: /^Weight received/ }).first()).toContainText(
    formatWeight(r.weight.receivedGrams, 'kg', 'en'),
  );
  expect(r.weight.receivedBySource.find((l) => l.key === 'food_bank')?.grams).toBeGreaterThanOrEqual(48_500);
  // Each chart has its data table beside it.
  const visits = page.getByRole('figure', { name: 'Visits per distribution day' });
  await expect(visits.getByRole('table')).toBeVisible();
  await expect(visits.getByRole('table').getByRole('row')).toHaveCount(
    1 + buildCharts(kiosk.core.ctx, { from: '2026-11-01', to: '2026-11-30' }, null, 'en').visitsPerDay.filter((d) => d.visits > 0).length,
  );

  await page.getByRole('button', { name: 'Compare with the same period last year' }).tap();
  await expect(figures.getByRole('columnheader', { name: 'Same period last year' })).toBeVisible();
  expect((await wcagAudit(page)).violations).toEqual([]);
  await page.screenshot({ path: shots('month-en.png'), fullPage: false });

  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: shots('month-en.pdf') });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', shots('month-en.pdf'), '-']).toString();
  expect(text).toContain('Households served (at most)');
  expect(text).toContain('Visits per distribution day');
  expect(text).not.toContain('Print the report');
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [shots('month-en.pdf')]).toString())?.[1]);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(3);
  writeFileSync(shots('month-en.txt'), text);
});

test('the Month screen reads right to left in Arabic, with its tables and charts (touch only)', async ({ page, kiosk }) => {
  seedMonth(kiosk);
  kiosk.core.ctx.db.prepare("UPDATE site SET settings = json_set(settings, '$.siteLanguage', 'ar')").run();
  await openMonth(page, kiosk, 'الشهر');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: /الشهر/ })).toBeVisible();
  const figures = page.locator('.month').getByRole('table').first();
  await expect(figures.getByRole('row', { name: /الأسر المخدومة/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'الزيارات في كل يوم توزيع' }).getByRole('table')).toBeVisible();
  await page.getByRole('button', { name: 'الشهر السابق' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: /أكتوبر|تشرين/ })).toBeVisible();
  await page.getByRole('button', { name: 'الشهر التالي' }).tap();
  expect((await wcagAudit(page)).violations).toEqual([]);
  await page.screenshot({ path: shots('month-ar.png'), fullPage: false });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ format: 'A4', printBackground: true, path: shots('month-ar.pdf') });
});

test('a volunteer starts and ends a shift with their PIN, and the volunteer home shows who is on today (touch only)', async ({
  page,
  kiosk,
}) => {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'Volunteer', exact: true }).tap();
  for (const d of DEMO_PINS.intake) await page.getByRole('button', { name: d, exact: true }).tap();
  await page.getByRole('button', { name: 'OK', exact: true }).tap();
  const onToday = page.getByRole('region', { name: 'On today' });
  await expect(onToday).toContainText('Nobody has started a shift yet today.');
  await onToday.getByRole('button', { name: 'Start my shift' }).tap();
  await expect(onToday.getByRole('listitem')).toHaveText(/Intake volunteer since/);
  await onToday.getByRole('button', { name: 'End my shift' }).tap();
  await expect(onToday.getByRole('listitem')).toHaveText(/Intake volunteer .* to /);
  expect(kiosk.core.ctx.db.prepare('SELECT ended_by FROM shifts').pluck().all()).toEqual(['volunteer']);
});
