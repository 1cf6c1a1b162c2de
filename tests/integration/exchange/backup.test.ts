import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SiteStatus } from '../../../src/shared/domain/site';
import type { WrittenFile } from '../../../src/shared/api/channels/exchange';
import { makeSite, stick, type Site } from './support';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});
const PASS = 'correct horse battery staple';

function tables(s: Site): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const { name } of s.core.ctx.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string }[]) {
    out[name] = s.core.ctx.db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all();
  }
  return out;
}

describe('full backup', () => {
  it('restores everything on a new, empty install: same data, and its signed slips still verify', async () => {
    const a = await makeSite('Eastside Hub', { demo: true });
    cleanup.push(() => a.dispose());
    const s = stick();
    cleanup.push(() => s.remove());
    // A slip still waiting for pickup (the demo hub has picked some up already).
    const slip = a.core.ctx.db
      .prepare('SELECT payload, short_code FROM slips WHERE id NOT IN (SELECT slip_id FROM redemptions) AND voided_at IS NULL LIMIT 1')
      .get() as { payload: string; short_code: string };
    const w = await a.call<WrittenFile>('exchange.export_backup', { folder: s.path, passphrase: PASS });
    expect(w.fileName).toMatch(/^Eastside-Hub-2026-11-28\.makbackup$/);
    const bytes = readFileSync(w.path);
    expect(bytes.subarray(0, 13).toString()).toBe('MAK-BACKUP 1\n');
    // Encrypted: no item name, no household language, no SQLite header in the clear.
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(bytes.includes(Buffer.from('Regional Food Bank'))).toBe(false);
    // The data folder keeps no plaintext copy behind.
    expect(readdirSync(join(a.dir, 'data')).filter((n) => n.startsWith('.'))).toEqual([]);

    const fresh = await makeSite('New laptop', { setUp: false });
    cleanup.push(() => fresh.dispose());
    const status = await fresh.raw('exchange.restore_backup', { folder: s.path, name: w.fileName, passphrase: PASS });
    expect(status).toMatchObject({ ok: true, value: { setUp: true, name: 'Eastside Hub' } });
    // Everything, except the log line of the backup itself (written after the snapshot was taken).
    const want = tables(a);
    want.exchange_exports = want.exchange_exports!.filter((r) => (r as { kind: string }).kind !== 'backup');
    expect(tables(fresh)).toEqual(want);
    expect(want.movements!.length).toBeGreaterThan(10);
    const login = await fresh.raw('auth.login', { pin: '1234' });
    expect(login.ok).toBe(true);
    fresh.token = (login as { value: { token: string } }).value.token;
    const found = await fresh.call<{ shortCode: string; status: { state: string } }>('slip.lookup', { code: slip.payload });
    expect(found.shortCode).toBe(slip.short_code);
    expect(found.status.state).toBe('issued');
  });

  it('a wrong passphrase or a damaged file restores nothing', async () => {
    const a = await makeSite('Eastside Hub', { demo: true });
    cleanup.push(() => a.dispose());
    const s = stick();
    cleanup.push(() => s.remove());
    const w = await a.call<WrittenFile>('exchange.export_backup', { folder: s.path, passphrase: PASS });
    const fresh = await makeSite('New laptop', { setUp: false });
    cleanup.push(() => fresh.dispose());
    const before = fresh.checksum();
    expect(
      await fresh.raw('exchange.restore_backup', { folder: s.path, name: w.fileName, passphrase: 'not the passphrase' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'exchange.bad_passphrase' },
    });
    const damaged = readFileSync(w.path);
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 100) ^ 0xff, damaged.length - 100);
    writeFileSync(join(s.path, 'damaged.makbackup'), damaged);
    expect(await fresh.raw('exchange.restore_backup', { folder: s.path, name: 'damaged.makbackup', passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'exchange.bad_passphrase' },
    });
    writeFileSync(join(s.path, 'share.makbackup'), 'MAK-SHARE 1\n{}\n');
    expect(await fresh.raw('exchange.restore_backup', { folder: s.path, name: 'share.makbackup', passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'exchange.not_a_backup' },
    });
    expect(fresh.checksum()).toBe(before);
    expect(readdirSync(join(fresh.dir, 'data')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('never overwrites a hub that is running, and wants a real passphrase', async () => {
    const a = await makeSite('Eastside Hub', { demo: true });
    cleanup.push(() => a.dispose());
    const s = stick();
    cleanup.push(() => s.remove());
    expect(await a.raw('exchange.export_backup', { folder: s.path, passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'exchange.weak_passphrase' },
    });
    const w = await a.call<WrittenFile>('exchange.export_backup', { folder: s.path, passphrase: PASS });
    const before = a.checksum();
    const r = await a.raw('exchange.restore_backup', { folder: s.path, name: w.fileName, passphrase: PASS });
    expect(r).toMatchObject({ ok: false, error: { code: 'site.already_set_up' } });
    expect(a.checksum()).toBe(before);
    const status = (await a.raw('site.status', {})) as { value: SiteStatus };
    expect(status.value.setUp).toBe(true);
  });

  it('only a coordinator can make a backup', async () => {
    const a = await makeSite('Eastside Hub', { demo: true });
    cleanup.push(() => a.dispose());
    const login = (await a.core.dispatch('auth.login', { input: { pin: '1111' } })) as { value: { token: string } };
    const r = await a.core.dispatch('exchange.export_backup', { input: { folder: '/tmp', passphrase: PASS }, session: login.value.token });
    expect(r).toMatchObject({ ok: false, error: { code: 'auth.forbidden' } });
  });
});
