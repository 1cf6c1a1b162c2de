import { wcagAudit } from './a11y';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { createCore, openDataDir, type Core } from '../../src/core/index';
import { startHost, type Host } from '../../src/host/server';
import { FixedClock, seededKeys, sequentialIds, tempDir } from '../support/fixed';
import { expect, test } from './fixtures';
import { AR, EN, ExchangePage } from './pages/exchange-page';

/** A second hub beside the fixture's demo hub: its own data folder, keys and host. */
async function secondHub(language: 'en' | 'ar'): Promise<{ url: string; core: Core; close(): Promise<void> }> {
  const dir = tempDir('kiosk-e2e-b-');
  const clock = new FixedClock(Date.UTC(2026, 10, 28, 11, 0, 0));
  const core = createCore({ db: openDataDir(dir.path), clock, ids: sequentialIds(clock, 'hub-b'), keys: seededKeys('hub-b') });
  const r = await core.dispatch('site.setup', {
    input: { name: 'Northside Pantry', languages: ['en', 'ar'], siteLanguage: language, pin: '1234' },
  });
  if (!r.ok) throw new Error(JSON.stringify(r));
  const host: Host = await startHost({
    dispatch: core.dispatch,
    rendererDir: resolve('out/renderer'),
    token: randomBytes(32).toString('hex'),
  });
  return {
    url: host.url,
    core,
    close: async () => {
      await host.close();
      core.close();
      dir.remove();
    },
  };
}

for (const [lang, l] of [
  ['en', EN],
  ['ar', AR],
] as const) {
  test(`a share bundle goes from one hub to another through the UI (${lang})`, async ({ page, kiosk }, testInfo) => {
    const stick = tempDir('kiosk-e2e-stick-');
    const b = await secondHub(lang);
    try {
      // Hub A (the demo hub, English) saves its share file to the "stick".
      const a = new ExchangePage(page, EN);
      await a.open(kiosk.url);
      await a.folder().fill(stick.path);
      await page.getByRole('button', { name: EN.save }).click();
      await expect(a.status()).toContainText('safe to remove');
      const [file] = readdirSync(stick.path);
      expect(file).toMatch(/\.makshare$/);

      // Hub B, in its own language, receives it: preview first, nothing changes until Import.
      const ex = new ExchangePage(page, l);
      await ex.open(b.url);
      if (lang === 'ar') await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await ex.tab(l.receive).click();
      await ex.folder().fill(stick.path);
      await page.getByRole('button', { name: l.showFiles }).click();
      await page.getByRole('button', { name: new RegExp(file!.replace(/\./g, '\\.')) }).click();
      const siteName = 'Eastside Community Hub';
      const trust = page.getByRole('button', { name: l.trust(siteName) });
      await expect(trust).toBeVisible();
      await expect(page.getByRole('button', { name: l.importButton, exact: true })).toBeDisabled();
      expect(b.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: 0 });
      await page.screenshot({ path: testInfo.outputPath(`preview-untrusted-${lang}.png`) });

      await trust.click();
      await expect(trust).toHaveCount(0);
      const itemsA = (kiosk.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
      const changes = lang === 'en' ? 'What would change' : 'ما الذي سيتغير';
      const itemsRow = ex.row(changes, lang === 'en' ? 'Items' : 'المواد');
      await expect(itemsRow.getByRole('cell').first()).toHaveText(String(itemsA));
      await expect(itemsRow.getByRole('cell').last()).toHaveText('0');
      const sitesTable = ex.table(lang === 'en' ? 'Where the data comes from' : 'من أين تأتي البيانات');
      await expect(sitesTable.getByRole('row').filter({ hasText: siteName })).toContainText(lang === 'en' ? 'Trusted' : 'موثوق');
      // The kiosk's viewport meta (no pinch zoom on a public screen) belongs to the shell; this checks the desk itself.
      const axe = await wcagAudit(page, '.exchange');
      expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.screenshot({ path: testInfo.outputPath(`preview-${lang}.png`), fullPage: true });

      await page.getByRole('button', { name: l.importButton, exact: true }).click();
      await expect(ex.status()).toContainText(siteName);
      const copied = b.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM items WHERE origin_site = (SELECT id FROM site)').get() as {
        n: number;
      };
      expect(copied.n).toBe(0);
      expect(b.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: itemsA });
      // The log says when, from whom and how much, the hub name isolated from the sentence around it.
      const records = (b.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM exchange_records').get() as { n: number }).n;
      const logLine = page.locator('.import-log li').first();
      await expect(logLine).toContainText(`\u2068${siteName}\u2069`);
      await expect(logLine).toContainText(lang === 'en' ? `· ${records} records` : `· ${records} سجل`);
      await page.screenshot({ path: testInfo.outputPath(`imported-${lang}.png`), fullPage: true });

      // The news from that hub: what it can give away and is short of.
      await ex.tab(lang === 'en' ? "Other hubs' news" : 'أخبار المراكز الأخرى').click();
      await expect(page.getByRole('article', { name: siteName })).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`network-${lang}.png`), fullPage: true });
    } finally {
      await b.close();
      stick.remove();
    }
  });
}

test('a bad file on the stick gets a clear message, and the sites tab shows our card', async ({ page, kiosk }, testInfo) => {
  const stick = tempDir('kiosk-e2e-stick-');
  try {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${stick.path}/broken.makshare`, 'MAK-SHARE 1\n{"format":"mak-share"');
    const ex = new ExchangePage(page, EN);
    await ex.open(kiosk.url);
    await ex.tab(EN.receive).click();
    await ex.folder().fill(stick.path);
    await page.getByRole('button', { name: EN.showFiles }).click();
    await page.getByRole('button', { name: /broken\.makshare/ }).click();
    await expect(page.getByRole('alert')).toHaveText('This file is incomplete. Copy it again from the other hub.');

    await ex.tab('Hubs we trust').click();
    await expect(page.getByRole('img', { name: 'QR code of our hub card' })).toBeVisible();
    await ex.tab('Backup').click();
    await page.getByLabel('Passphrase (at least 10 characters)').fill('a long passphrase');
    await page.getByLabel('Passphrase again').fill('a long passphrase');
    await page.getByRole('button', { name: 'Save encrypted backup' }).click();
    await expect(ex.status()).toContainText('.makbackup');
    await page.screenshot({ path: testInfo.outputPath('backup-en.png'), fullPage: true });
  } finally {
    stick.remove();
  }
});

test.describe('moving a hub to a new computer', () => {
  test.use({ site: 'fresh' });

  test('the first-run screen restores an encrypted backup, and the hub opens with its data', async ({ page, kiosk }, testInfo) => {
    const stick = tempDir('kiosk-e2e-stick-');
    const old = tempDir('kiosk-e2e-old-');
    try {
      // The old computer: a demo hub, backed up to the stick.
      const clock = new FixedClock(Date.UTC(2026, 10, 27, 18, 0, 0));
      const source = createCore({ db: openDataDir(old.path), clock, ids: sequentialIds(clock, 'old'), keys: seededKeys('old') });
      const { seedDemo } = await import('../../src/core/demo/seed');
      seedDemo(source.ctx, source.services.intake);
      const { exportBackup } = await import('../../src/core/exchange/backup');
      const { systemDrives } = await import('../../src/core/exchange/drives');
      await exportBackup(source.ctx, systemDrives, stick.path, 'our hub passphrase', null);
      const items = (source.ctx.db.prepare('SELECT COUNT(*) AS n FROM items').get() as { n: number }).n;
      source.close();

      await page.goto(kiosk.url);
      await expect(page.getByRole('heading', { name: 'Restore from a backup' })).toBeVisible();
      await page.getByLabel('Or choose a folder').fill(stick.path);
      await page.getByRole('button', { name: 'Show files' }).click();
      await expect(page.getByRole('radio', { name: /\.makbackup$/ })).toBeChecked();
      await page.getByLabel('Passphrase (at least 10 characters)').fill('not our passphrase');
      await page.getByRole('button', { name: 'Restore', exact: true }).click();
      await expect(page.getByRole('alert')).toHaveText('Wrong passphrase, or the backup is damaged. Nothing was restored.');
      await page.getByLabel('Passphrase (at least 10 characters)').fill('our hub passphrase');
      await page.screenshot({ path: testInfo.outputPath('restore-en.png'), fullPage: true });
      await page.getByRole('button', { name: 'Restore', exact: true }).click();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome');
      await expect(page.getByText('Eastside Community Hub')).toBeVisible();
      expect(kiosk.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM items').get()).toEqual({ n: items });
    } finally {
      stick.remove();
      old.remove();
    }
  });
});
