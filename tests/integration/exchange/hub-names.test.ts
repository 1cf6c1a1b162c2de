import { describe, expect, it } from 'vitest';
import type {
  ImportLogEntry,
  ImportPreview,
  KnownSite,
  NetworkSite,
  SiteCard,
  WrittenFile,
} from '../../../src/shared/api/channels/exchange';
import { hubs, type Site } from './support';
import { issueSlip } from '../../support/slips';

// Issue 12, 7(c): a trusted hub can take another hub's name through its manifest. Wherever a
// hub's name is shown, two hubs that look alike are told apart by their keys' fingerprints.

const { site, folder, trust } = hubs();

async function importFrom(at: Site, from: Site, s: string): Promise<ImportPreview> {
  const w = await from.call<WrittenFile>('exchange.export_share', { folder: s });
  const p = await at.call<ImportPreview>('exchange.preview', { folder: s, name: w.fileName });
  await at.call('exchange.apply', { folder: s, name: w.fileName, sha256: p.sha256 });
  return p;
}
const tagOf = async (s: Site) => (await s.call<SiteCard>('exchange.card', {})).fingerprint.slice(0, 4);
const rename = (s: Site, name: string) => s.core.ctx.db.prepare('UPDATE site SET name = ?').run(name);

describe('two hubs with one name', () => {
  it('are told apart in the sites list, the network board, the import log and the preview', async () => {
    const a = await site('Eastside Hub', true);
    const c = await site('Riverside Commons', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    await trust(b, c);
    const s = folder();
    await importFrom(b, a, s);
    await importFrom(b, c, s);
    // Unlike names stay as they are.
    expect((await b.call<KnownSite[]>('exchange.sites', {})).map((k) => k.name).sort()).toEqual(['Eastside Hub', 'Riverside Commons']);

    // Riverside's next bundle calls it "Eastside Hub" too: the preview says so before it is taken.
    rename(c, 'Eastside Hub');
    const [ta, tc] = [await tagOf(a), await tagOf(c)];
    expect(ta).not.toBe(tc);
    const A = `Eastside Hub · ${ta}`;
    const C = `Eastside Hub · ${tc}`;
    const renaming = await importFrom(b, c, s);
    expect(renaming.signer).toMatchObject({ name: 'Riverside Commons', newName: C });

    const sites = await b.call<KnownSite[]>('exchange.sites', {});
    expect(Object.fromEntries(sites.map((k) => [k.id, k.name]))).toEqual({ [a.id]: A, [c.id]: C });
    const network = await b.call<NetworkSite[]>('exchange.network', { language: 'en' });
    expect(Object.fromEntries(network.map((n) => [n.id, n.name]))).toEqual({ [a.id]: A, [c.id]: C });
    // The log keeps the name each import came under, told apart from today's look-alike.
    const log = await b.call<ImportLogEntry[]>('exchange.log', {});
    expect(log.map((l) => l.siteName)).toEqual([C, 'Riverside Commons', A]);

    const p = await importFrom(b, a, s);
    expect(p.signer.name).toBe(A);
    expect(p.signer.newName).toBeUndefined();
    expect(p.sites.find((x) => x.id === a.id)?.name).toBe(A);
  });

  it('tells apart a hub that takes this hub’s own name, or a look-alike of another’s', async () => {
    const a = await site('Eastside Hub', true);
    const c = await site('Riverside Commons', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    await trust(b, c);
    const s = folder();
    await importFrom(b, a, s);
    // Capitals, spacing and a Cyrillic "Е" do not make it another name.
    rename(c, 'EАSTSIDE  hub');
    await importFrom(b, c, s);
    const names = Object.fromEntries((await b.call<KnownSite[]>('exchange.sites', {})).map((k) => [k.id, k.name]));
    expect(names).toEqual({ [a.id]: `Eastside Hub · ${await tagOf(a)}`, [c.id]: `EАSTSIDE  hub · ${await tagOf(c)}` });

    rename(c, 'Northside Pantry');
    const p = await importFrom(b, c, s);
    expect(p.signer.name).toBe(`EАSTSIDE  hub · ${await tagOf(c)}`);
    const after = await b.call<KnownSite[]>('exchange.sites', {});
    expect(after.find((k) => k.id === c.id)?.name).toBe(`Northside Pantry · ${await tagOf(c)}`);
    expect(after.find((k) => k.id === a.id)?.name).toBe('Eastside Hub');
    // The preview tells our own hub apart from it too.
    const again = await importFrom(b, c, s);
    expect(again.sites.find((x) => x.id === c.id)?.name).toBe(`Northside Pantry · ${await tagOf(c)}`);
  });
});

describe('a slip from a hub that goes by another hub’s name', () => {
  it('names the hub it is from, told apart from its look-alike', async () => {
    const a = await site('Eastside Hub', true);
    const c = await site('Riverside Commons', true);
    const b = await site('Northside Pantry');
    await trust(b, a);
    await trust(b, c);
    const s = folder();
    await importFrom(b, a, s);
    rename(c, 'Eastside Hub');
    await importFrom(b, c, s);
    const item = c.core.ctx.db
      .prepare('SELECT i.id FROM items i JOIN on_hand o ON o.item_id = i.id WHERE o.qty > 0 AND i.limit_qty IS NULL LIMIT 1')
      .pluck()
      .get() as string;
    const slip = issueSlip(c.core, [{ itemId: item, qty: 1 }]);
    const r = await b.raw('slip.lookup', { code: slip.digits });
    expect(r).toMatchObject({ ok: false, error: { code: 'slip.other_site', params: { site: `Eastside Hub · ${await tagOf(c)}` } } });
  });
});
