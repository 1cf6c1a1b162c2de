import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { KnownSite, SiteCard, WrittenFile } from '../../../src/shared/api/channels/exchange';
import { csvCell } from '../../../src/core/exchange/csv';
import { parseCardCode } from '../../../src/core/exchange/sites';
import { decodeRgba, rasterize } from '../../support/qr-decode';
import { hubs, makeSite, stick } from './support';

const { site, later } = hubs();

describe('site cards and trust', () => {
  it('a card round-trips as digits (through a real QR) and as a file, and adding it trusts the site', async () => {
    const a = await site('Eastside Hub — مركز الحي الشرقي');
    const b = await site('Northside Pantry');
    const card = await a.call<SiteCard>('exchange.card', {});
    expect(card.digits).toMatch(/^\d+$/);
    expect(decodeRgba(rasterize(card.digits))).toBe(card.digits);
    expect(parseCardCode(card.digits)).toEqual(parseCardCode(card.text));
    const s = stick();
    later(() => s.remove());
    const file = await a.call<WrittenFile>('exchange.save_card', { folder: s.path });
    expect(file.fileName).toMatch(/\.makcard$/);
    expect(readFileSync(file.path, 'utf8')).toBe(card.text);
    const known = await b.call<KnownSite>('exchange.add_card', { folder: s.path, name: file.fileName });
    expect(known).toMatchObject({ id: a.id, trusted: true, fingerprint: card.fingerprint });
    expect(await b.call<KnownSite[]>('exchange.sites', {})).toHaveLength(1);
    expect(await b.call<KnownSite>('exchange.set_trust', { siteId: a.id, trusted: false })).toMatchObject({ trusted: false });
  });

  it('refuses a card that is not one, our own card, and a known site with a new key', async () => {
    const a = await site('Eastside Hub');
    const b = await site('Northside Pantry');
    expect(await b.raw('exchange.add_card', { code: '12345' })).toMatchObject({ ok: false, error: { code: 'exchange.bad_card' } });
    const own = await b.call<SiteCard>('exchange.card', {});
    expect(await b.raw('exchange.add_card', { code: own.digits })).toMatchObject({ ok: false, error: { code: 'exchange.own_bundle' } });
    const card = await a.call<SiteCard>('exchange.card', {});
    await b.call('exchange.add_card', { code: card.text });
    const impostor = { ...(JSON.parse(card.text) as object), publicKey: JSON.parse(own.text).publicKey as string };
    const before = b.checksum();
    expect(await b.raw('exchange.add_card', { code: JSON.stringify(impostor) })).toMatchObject({
      ok: false,
      error: { code: 'exchange.key_changed' },
    });
    expect(b.checksum()).toBe(before);
  });
});

describe('spreadsheet export', () => {
  it('writes stock, movements and weekly counts, with no people in them', async () => {
    const a = await site('Eastside Hub', true);
    const s = stick();
    later(() => s.remove());
    const files = await a.call<WrittenFile[]>('exchange.export_csv', { folder: s.path });
    expect(files.map((f) => f.fileName)).toEqual([
      'Eastside-Hub-2026-11-28-stock.csv',
      'Eastside-Hub-2026-11-28-movements.csv',
      'Eastside-Hub-2026-11-28-weekly.csv',
    ]);
    const [stock, movements, weekly] = files.map((f) => readFileSync(f.path, 'utf8'));
    expect(stock!.split('\r\n')[0]).toBe('\ufeffitem_id,item,category,unit,on_hand,low_stock');
    expect(stock).toMatch(/Rice/);
    const moveLines = movements!.trim().split('\r\n');
    expect(moveLines).toHaveLength(1 + (a.core.ctx.db.prepare('SELECT COUNT(*) AS n FROM movements').get() as { n: number }).n);
    const week = a.core.ctx.db
      .prepare('SELECT COUNT(DISTINCT household_id) AS h, COUNT(*) AS v FROM visits WHERE at >= ?')
      .get('2026-11-23') as { h: number; v: number };
    expect(week.h).toBeGreaterThan(0);
    expect(weekly!.split('\r\n')[1]).toMatch(new RegExp(`^2026-11-23,${week.h},${week.v},\\d+`));
    for (const text of [stock, movements, weekly]) {
      expect(text).not.toMatch(/Coordinator|\bDemo\b|household_id|slip/i);
      for (const h of a.core.ctx.db.prepare('SELECT id FROM slips').all() as { id: string }[]) expect(text).not.toContain(h.id);
    }
  });

  it('keeps a cell that looks like a formula from running in a spreadsheet', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});

describe('eject', () => {
  it('ejects only a drive the system listed as removable, never a typed folder', async () => {
    const ejected: string[] = [];
    const drives = {
      list: () => Promise.resolve([{ name: 'KINGSTON', path: '/media/hub/KINGSTON', removable: true, freeBytes: 1e9, totalBytes: 8e9 }]),
      space: () => ({ freeBytes: 1e9, totalBytes: 8e9 }),
      eject: (path: string) => {
        ejected.push(path);
        return Promise.resolve(true);
      },
    };
    const a = await makeSite('Eastside Hub', { drives });
    later(() => a.dispose());
    expect(await a.call('exchange.drives', {})).toHaveLength(1);
    expect(await a.call('exchange.eject', { folder: '/home' })).toEqual({ ejected: false });
    expect(await a.call('exchange.eject', { folder: '/media/hub/KINGSTON' })).toEqual({ ejected: true });
    expect(ejected).toEqual(['/media/hub/KINGSTON']);
    // Drive names are a coordinator's business once the hub is set up.
    expect(await a.core.dispatch('exchange.drives', { input: {} })).toMatchObject({ ok: false, error: { code: 'auth.required' } });
  });
});
