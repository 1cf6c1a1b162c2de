import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { savePrintSettings } from '../../src/core/printing/print-settings';
import type { PrintSettings } from '../../src/shared/api/channels/printing';
import { decodePng } from '../support/qr-decode';
import { wcagAudit } from './a11y';
import { expect, test, type Kiosk } from './fixtures';
import { BoardPage } from './pages/board-page';
import { IntakePage } from './pages/intake-page';
import { PickupTable } from './pages/pickup-page';

// What reaches paper, checked as paper: each printable view is printed to a PDF in print media
// at its own paper size, then read back (pdftotext) and rasterised (pdftoppm) to decode the QR.

interface Printed {
  text: string;
  /** Page size in mm, from pdfinfo. */
  widthMm: number;
  heightMm: number;
  pages: number;
  /** The first page as a PNG at 200 dpi. */
  png: Buffer;
}

async function printToPdf(page: Page, dir: string, name: string, options: Parameters<Page['pdf']>[0] = {}): Promise<Printed> {
  await page.emulateMedia({ media: 'print' });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ printBackground: true, ...options }));
  await page.emulateMedia({ media: 'screen' });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  execFileSync('pdftoppm', ['-r', '200', '-f', '1', '-l', '1', '-png', '-singlefile', file, join(dir, name)]);
  return {
    // Words as read, whatever the line breaks and columns: a heading may wrap on the page.
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
    widthMm: (Number(size?.[1]) * 25.4) / 72,
    heightMm: (Number(size?.[2]) * 25.4) / 72,
    pages,
    png: readFileSync(join(dir, `${name}.png`)),
  };
}

function issue(kiosk: Kiosk, language: 'en' | 'ar', n = 3) {
  const items = kiosk.core.services.intake.catalog(language).slice(0, n);
  const slip = kiosk.core.services.intake.submit({
    requestId: randomUUID(),
    language,
    household: { adults: 2 },
    needs: items.map((i) => ({ itemId: i.id, qty: 1 })),
  });
  // Asking for pantry items always gets a slip (only a visit that asks for nothing gets none).
  if (!slip) throw new Error('no slip issued');
  return slip;
}

const PAPER_SIZES = [
  ['58', '58 mm receipt', 58, null],
  ['80', '80 mm receipt', 80, null],
  ['a4', 'A4 page', 210, 297],
  ['letter', 'Letter page', 215.9, 279.4],
] as const;

test('a reprinted slip comes out as a real page at 58 mm, 80 mm, A4 and Letter: its text, and a QR that decodes', async ({
  page,
  kiosk,
}, testInfo) => {
  const slip = issue(kiosk, 'en');
  await page.goto(kiosk.url);
  const table = new PickupTable(page);
  await table.open();
  await table.typeCode(slip.shortCode);
  await page.getByRole('button', { name: 'Print again' }).click();
  const dialog = page.getByRole('dialog', { name: 'Print the slip' });
  for (const [paper, label, widthMm, heightMm] of PAPER_SIZES) {
    await dialog.getByRole('button', { name: label }).click();
    await expect(page.getByTestId('print-area').locator(`[data-paper="${paper}"]`)).toBeVisible();
    // The page's own @page rule sizes the sheet, as the browser's print would.
    const out = await printToPdf(page, testInfo.outputDir, `slip-${paper}`, { preferCSSPageSize: true });
    expect(out.widthMm, paper).toBeCloseTo(widthMm, 0);
    if (heightMm) expect(out.heightMm, paper).toBeCloseTo(heightMm, 0);
    // A receipt roll is cut at the slip's end: no long blank tail of paper (the slip itself,
    // with its queue number, is about 140 mm on a 58 mm roll).
    else expect(out.heightMm, paper).toBeLessThan(155);
    expect(out.pages, paper).toBe(1);
    expect(out.text).toContain('Pickup slip');
    expect(out.text).toContain(slip.shortCode);
    expect(out.text).toContain(slip.lines[0]?.name ?? '');
    // Only the slip: nothing of the pickup screen behind the dialog.
    expect(out.text).not.toContain('Scan a slip or type its code');
    expect(decodePng(out.png), `QR on ${paper}`).toBe(slip.qrDigits);
  }
});

test('the waiting-room poster prints what we have and need, not a blank page', async ({ page, kiosk }, testInfo) => {
  // The TV at #/public has no buttons; the coordinator prints its poster from the board.
  await page.goto(kiosk.url);
  const board = new BoardPage(page);
  await board.open('1234');
  await board.tab('Pantry gaps').click();
  await page.getByRole('button', { name: 'Waiting-room poster', exact: true }).click();
  await expect(page.getByRole('region', { name: 'We need' })).toContainText('Cooking oil, 1 L');
  // The paper is the printer's (A4 here); the poster's own page rule turns it landscape.
  const out = await printToPdf(page, testInfo.outputDir, 'poster', { format: 'A4', preferCSSPageSize: true });
  expect(out.pages).toBe(1);
  expect(out.widthMm).toBeCloseTo(297, 0);
  expect(out.heightMm).toBeCloseTo(210, 0);
  expect(out.text).toContain('What we have, what we need');
  expect(out.text).toContain('Cooking oil, 1 L');
  expect(out.text).toContain('Can you help with?');
  // The controls stay on screen, and so does the volunteer screen around the poster.
  expect(out.text).not.toContain('Print as a poster');
  expect(out.text).not.toContain('Pantry gaps');
  expect(out.text).not.toContain('Log out');
});

test('the pantry-gaps list for a donation drive prints its items, not a blank page', async ({ page, kiosk }, testInfo) => {
  await page.goto(kiosk.url);
  const board = new BoardPage(page);
  await board.open('1234');
  await board.tab('Pantry gaps').click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Cooking oil, 1 L' })).toBeVisible();
  const out = await printToPdf(page, testInfo.outputDir, 'gaps', { format: 'A4' });
  expect(out.text).toContain('Eastside Community Hub needs these donations');
  expect(out.text).toContain('Cooking oil, 1 L');
  expect(out.text).toContain('Pinto beans, 15 oz');
  // The volunteer's buttons stay on screen.
  expect(out.text).not.toContain('Print');
});

/** Records window.print() calls (browser mode prints through it); `fail` makes it throw, as a broken print does. */
async function watchPrint(page: Page, fail = false): Promise<() => Promise<{ calls: number; slipShown: boolean[] }>> {
  await page.addInitScript((failing) => {
    const w = window as unknown as { __prints: { calls: number; slipShown: boolean[] } };
    w.__prints = { calls: 0, slipShown: [] };
    window.print = () => {
      w.__prints.calls += 1;
      // What the printer would get at this moment: the slip's print area, laid out.
      w.__prints.slipShown.push(document.querySelector('.print-area .print-qr') !== null);
      if (failing) throw new Error('no printer');
    };
  }, fail);
  return () => page.evaluate(() => (window as unknown as { __prints: { calls: number; slipShown: boolean[] } }).__prints);
}

/** The words a visitor taps, in their own language, as the locale files say them. */
function words(lng: 'en' | 'es' | 'ar') {
  const read = (ns: string) => JSON.parse(readFileSync(`locales/${lng}/${ns}.json`, 'utf8')) as Record<string, Record<string, string>>;
  const intake = read('intake');
  const slip = read('slip');
  const common = read('common') as unknown as Record<string, string>;
  return {
    need: intake.purpose?.need ?? '',
    next: common.next ?? '',
    skip: Object.values(intake).find((v) => typeof v === 'object' && 'skip' in v)?.skip ?? '',
    get: intake.confirm?.submit ?? '',
    print: slip.print as unknown as Record<'printing' | 'again' | 'ask' | 'failed' | 'screenOnly', string>,
  };
}

async function tapToSlip(page: Page, language: string, labels: ReturnType<typeof words> = words('en')) {
  const k = new IntakePage(page);
  await k.button(language, true).click();
  await k.button(labels.need).click();
  await k.button(labels.next).click();
  await page.locator('.item-button').first().click();
  await k.button(labels.next).click();
  await k.button(labels.skip).click();
  await k.button(labels.get).click();
}

function setPrinting(kiosk: Kiosk, settings: PrintSettings) {
  savePrintSettings(kiosk.core.ctx, settings);
}

test('by default the slip prints the moment it is issued, says so, and prints again on a tap', async ({ page, kiosk }) => {
  const prints = await watchPrint(page);
  await page.goto(kiosk.url);
  await tapToSlip(page, 'English');
  await expect(page.getByRole('status').filter({ hasText: 'Your slip is printing. Take it from the printer.' })).toBeVisible();
  await expect.poll(prints).toEqual({ calls: 1, slipShown: [true] });
  await page.getByRole('button', { name: 'Print again' }).click();
  await expect.poll(prints).toEqual({ calls: 2, slipShown: [true, true] });
  // The code on screen stays its usual size: the paper is what the visitor takes.
  await expect(page.locator('.slip-large')).toHaveCount(0);
});

test('"ask" prints only when the visitor taps "Print my slip"', async ({ page, kiosk }) => {
  setPrinting(kiosk, { mode: 'ask', paper: '58', printer: null });
  const prints = await watchPrint(page);
  await page.goto(kiosk.url);
  await tapToSlip(page, 'English');
  const ask = page.getByRole('button', { name: 'Print my slip' });
  await expect(ask).toBeVisible();
  expect((await prints()).calls).toBe(0);
  await ask.click();
  await expect.poll(prints).toEqual({ calls: 1, slipShown: [true] });
  await expect(page.getByRole('status').filter({ hasText: 'Your slip is printing.' })).toBeVisible();
});

test('"screen only" never prints and keeps the code large, with what to do in the visitor\'s language', async ({ page, kiosk }) => {
  setPrinting(kiosk, { mode: 'screen', paper: '80', printer: null });
  const prints = await watchPrint(page);
  await page.goto(kiosk.url);
  const es = words('es');
  await tapToSlip(page, 'Español', es);
  await expect(page.getByText(es.print.screenOnly)).toBeVisible();
  expect(es.print.screenOnly).toBe('Anote este código o tómele una foto, y muéstrelo en la mesa de recogida.');
  await expect(page.locator('.slip-large .slip-code')).toBeVisible();
  await expect(page.getByRole('button', { name: es.print.again })).toHaveCount(0);
  expect((await prints()).calls).toBe(0);
  expect((await wcagAudit(page)).violations.map((v) => v.id)).toEqual([]);
});

test("a print that fails says so in the visitor's language and keeps the code large on screen", async ({ page, kiosk }, testInfo) => {
  const prints = await watchPrint(page, true);
  await page.goto(kiosk.url);
  const ar = words('ar');
  await tapToSlip(page, 'العربية', ar);
  await expect(page.getByRole('alert')).toHaveText(ar.print.failed);
  expect(ar.print.failed).toBe('تعذّرت طباعة القسيمة. اكتب هذا الرمز أو التقط له صورة، واعرضه على طاولة الاستلام.');
  await expect(page.locator('.slip-large .slip-code')).toBeVisible();
  expect((await prints()).calls).toBe(1);
  // Another try is one tap away.
  await expect(page.getByRole('button', { name: ar.print.again })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('slip-print-failed-ar.png') });
  expect((await wcagAudit(page)).violations.map((v) => v.id)).toEqual([]);
});

test('the coordinator chooses the print mode, paper and printer by tapping', async ({ page, kiosk }) => {
  await page.goto(kiosk.url);
  await page.getByRole('button', { name: 'Volunteer', exact: true }).click();
  for (const digit of '1234') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK', exact: true }).click();
  await page.getByRole('button', { name: 'Kiosk settings' }).click();
  const section = page.getByRole('region', { name: 'Printing slips at intake' });
  await expect(section.getByRole('button', { name: 'Print automatically' })).toHaveAttribute('aria-pressed', 'true');
  await section.getByRole('button', { name: 'Ask the visitor' }).click();
  await section.getByRole('button', { name: 'Letter page' }).click();
  // A browser names no printers: it asks when it prints.
  await expect(section.getByText('In a browser, the browser asks which printer to use when it prints.')).toBeVisible();
  expect((await wcagAudit(page)).violations.map((v) => v.id)).toEqual([]);
  await section.getByRole('button', { name: 'Save printing' }).click();
  await expect(section.getByRole('status')).toHaveText('Printing settings saved.');
  expect(kiosk.core.ctx.db.prepare('SELECT mode, paper, printer FROM print_settings').get()).toEqual({
    mode: 'ask',
    paper: 'letter',
    printer: null,
  });
});
