import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEMO_PINS } from '../../src/core/demo/seed';
import { LOCALE_CODES } from '../../src/shared/locales';
import { expect, test } from './fixtures';
import { Touch } from './journey/pages/touch';
import { wordsFor } from './journey/pages/words';

// Issue 15: a locale the hub does not offer is never read; the ones it offers are read once,
// before the first screen, which names them all. English is in the page (the fallback).
test.use({ hasTouch: true });

/** A string as the locale file has it (no interpolation). */
function said(lng: string, key: string, file = 'intake'): string {
  const strings = JSON.parse(readFileSync(`locales/${lng}/${file}.json`, 'utf8')) as Record<string, unknown>;
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], strings) as string;
}

test('a hub offering English, Arabic and Spanish reads those two locales and no other', async ({ page, kiosk }) => {
  kiosk.core.ctx.db
    .prepare("UPDATE site SET settings = json_set(settings, '$.languages', json('[\"en\",\"ar\",\"es\"]'), '$.siteLanguage', 'en')")
    .run();
  // Each locale as the build names it: assets/locale-<code>-<hash>.json.
  const read = new Set<string>();
  let files = 0;
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    const code = LOCALE_CODES.find((c) => name.startsWith(`locale-${c}-`) && name.endsWith('.json'));
    if (code) {
      read.add(code);
      files += 1;
    }
  });
  await page.goto(kiosk.url);
  // The welcome screen says "I have a slip" in every offered language at once.
  const returning = page.getByRole('button', { name: new RegExp(said('en', 'returning.button')) });
  await expect(returning).toContainText(said('ar', 'returning.button'));
  await expect(returning).toContainText(said('es', 'returning.button'));
  expect([...read].sort()).toEqual(['ar', 'es']);
  // Each once, however many screens asked.
  expect(files).toBe(2);

  // The visitor taps Arabic: the screen is Arabic at once, right to left, with nothing more read.
  await page.getByRole('button', { name: 'العربية' }).tap();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  expect([...read].sort()).toEqual(['ar', 'es']);
});

test('a donor’s receipt in a language the hub does not offer reads that one locale, when the receipt is opened', async ({
  page,
  kiosk,
}) => {
  kiosk.core.ctx.db
    .prepare("UPDATE site SET settings = json_set(settings, '$.languages', json('[\"en\",\"ar\"]'), '$.siteLanguage', 'en')")
    .run();
  const call = async (channel: string, input: unknown, session: string | null = null) => {
    const r = await kiosk.core.dispatch(channel, { input, session });
    if (!r.ok) throw new Error(`${channel}: ${JSON.stringify(r.error)}`);
    return r.value as Record<string, unknown>;
  };
  // A French-speaking market gave apples this year.
  const session = (await call('auth.login', { pin: DEMO_PINS.coordinator })).token as string;
  const donorId = randomUUID();
  await call('donors.save', { id: donorId, kind: 'organisation', name: 'Marché du coin', language: 'fr' }, session);
  const apples = kiosk.core.services.intake.catalog('en').find((i) => i.name === 'Apples')!;
  await call(
    'inventory.receive',
    { requestId: randomUUID(), itemId: apples.id, qty: 12, source: 'grocery_rescue', sourceName: 'Marché du coin', donorId },
    session,
  );

  const read = new Set<string>();
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop() ?? '';
    const code = LOCALE_CODES.find((c) => name.startsWith(`locale-${c}-`) && name.endsWith('.json'));
    if (code) read.add(code);
  });
  await page.goto(kiosk.url);
  const touch = new Touch(page, wordsFor('en'));
  await touch.logIn(DEMO_PINS.coordinator);
  await touch.tap(touch.button('Donations'));
  expect([...read]).toEqual(['ar']);
  await touch.tap(page.getByRole('button', { name: 'Receipt for Marché du coin' }));
  const receipt = page.locator('article.donor-receipt');
  await expect(receipt).toHaveAttribute('lang', 'fr');
  await expect(receipt).toContainText(said('fr', 'print.title', 'donors'));
  await expect(receipt).toContainText(said('fr', 'print.to', 'donors').replace('{{name}}', 'Marché du coin'));
  expect([...read].sort()).toEqual(['ar', 'fr']);
});
