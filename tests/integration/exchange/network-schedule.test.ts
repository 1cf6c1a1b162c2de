import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, rmSync } from 'node:fs';
import type { KnownSite, SiteCard } from '../../../src/shared/api/channels/exchange';
import type { CoreEvent } from '../../../src/shared/api/events';
import { NETWORK_POLL_MS, type Ticker } from '../../../src/core/exchange/network-schedule';
import { networkFileName } from '../../../src/core/exchange/network-sync';
import type { FixedClock } from '../../support/fixed';
import { fakeSyncthing } from './fake-syncthing';
import { makeSite, stick, type Site } from './support';

/** The hub's timers, driven by its clock: moving the clock fires what falls due, as time would. */
class ClockTicker implements Ticker {
  clock: FixedClock | null = null;
  private elapsed = 0;
  readonly timers = new Set<{ ms: number; due: number; fn: () => void }>();
  every(ms: number, fn: () => void): () => void {
    const t = { ms, due: this.elapsed + ms, fn };
    this.timers.add(t);
    return () => this.timers.delete(t);
  }
  advance(ms: number): void {
    this.elapsed += ms;
    this.clock!.advance(ms);
    for (const t of this.timers) {
      while (t.due <= this.elapsed) {
        t.due += t.ms;
        t.fn();
      }
    }
  }
}

const DEV_A = 'AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA-AAAAAAA';
const DEV_B = 'BBBBBBB-BBBBBBB-BBBBBBB-BBBBBBB-BBBBBBB-BBBBBBB-BBBBBBB-BBBBBBB';

const cleanup: (() => void)[] = [];
afterEach(() => {
  while (cleanup.length) cleanup.pop()!();
});

async function hub(name: string, device: string, demo: boolean, errors: unknown[] = []) {
  const st = fakeSyncthing(device);
  const ticker = new ClockTicker();
  const s: Site = await makeSite(name, {
    demo,
    ticker,
    logError: (err, what) => errors.push([what, err]),
    network: { syncthing: () => st.client(), find: () => ({ url: 'http://127.0.0.1:8384', apiKey: 'k' }) },
  });
  ticker.clock = s.clock;
  cleanup.push(() => s.dispose());
  return { s, ticker, schedule: s.core.services.networkSchedule };
}

function sharedFolder(): string {
  const f = stick();
  cleanup.push(() => f.remove());
  return f.path;
}

describe('the network folder, looked at on an interval and written after closing time', () => {
  it('after closing time the bundle is in the folder; the other hub applies it on its own looks', async () => {
    const a = await hub('Eastside Hub', DEV_A, true);
    const b = await hub('Northside Pantry', DEV_B, false);
    const folder = sharedFolder();
    await a.s.call('network.configure', { enabled: true, folder });
    await b.s.call('network.configure', { enabled: true, folder });
    const known = await b.s.call<KnownSite>('exchange.add_card', { code: (await a.s.call<SiteCard>('exchange.card', {})).text });
    await b.s.call('network.auto_apply', { siteId: known.id, autoApply: true });
    b.schedule.start();
    const seen: CoreEvent[] = [];
    b.s.core.events.subscribe((e) => seen.push(e));

    // Closing time at Eastside: the answer comes at once; the bundle follows off the answer's path.
    expect(readdirSync(folder)).toEqual([]);
    expect((await a.s.raw('shifts.close_day', {})).ok).toBe(true);
    await a.schedule.idle();
    expect(readdirSync(folder)).toEqual([networkFileName(a.s.id)]);

    const applied = () => b.s.core.ctx.db.prepare("SELECT COUNT(*) FROM exchange_arrivals WHERE status = 'applied'").pluck().get();
    // Not before the interval; the first look only notes the file, the second finds it settled.
    b.ticker.advance(NETWORK_POLL_MS - 1);
    await b.schedule.idle();
    expect(applied()).toBe(0);
    b.ticker.advance(1);
    await b.schedule.idle();
    expect(applied()).toBe(0);
    b.ticker.advance(NETWORK_POLL_MS);
    await b.schedule.idle();
    expect(applied()).toBe(1);
    expect(b.s.core.ctx.db.prepare('SELECT COUNT(*) FROM items WHERE origin_site = ?').pluck().get(a.s.id)).toBeGreaterThan(20);
    expect(seen).toEqual([expect.objectContaining({ topic: 'board', at: b.s.clock.now().toISOString() })]);
    // The same file is not taken again on later looks.
    b.ticker.advance(NETWORK_POLL_MS * 3);
    await b.schedule.idle();
    expect(applied()).toBe(1);

    await b.schedule.stop();
    expect(b.ticker.timers.size).toBe(0);
  });

  it('a tick that comes while a look is under way is folded into it, not run beside it', async () => {
    const b = await hub('Northside Pantry', DEV_B, false);
    await b.s.call('network.configure', { enabled: true, folder: sharedFolder() });
    let looks = 0;
    let inFlight = 0;
    let most = 0;
    const poll = b.s.core.services.network.poll.bind(b.s.core.services.network);
    b.s.core.services.network.poll = async () => {
      looks += 1;
      inFlight += 1;
      most = Math.max(most, inFlight);
      await Promise.resolve();
      const r = await poll();
      inFlight -= 1;
      return r;
    };
    b.schedule.start();
    b.ticker.advance(NETWORK_POLL_MS * 3); // three ticks at once, as after a long sleep
    await b.schedule.idle();
    expect(most).toBe(1);
    expect(looks).toBe(2); // the first, and one more for all that came while it ran
  });

  it('a run that fails is logged and the next look still happens', async () => {
    const errors: unknown[] = [];
    const a = await hub('Eastside Hub', DEV_A, true, errors);
    const folder = sharedFolder();
    await a.s.call('network.configure', { enabled: true, folder });
    a.schedule.start();
    rmSync(folder, { recursive: true, force: true });
    expect((await a.s.raw('shifts.close_day', {})).ok).toBe(true);
    await a.schedule.idle();
    expect(errors).toEqual([['network.export_after_close', expect.objectContaining({ code: 'exchange.folder_missing' })]]);
    a.ticker.advance(NETWORK_POLL_MS);
    await a.schedule.idle();
    expect(errors).toHaveLength(1);
  });

  it('sharing off: closing time writes nothing and the looks find nothing', async () => {
    const a = await hub('Eastside Hub', DEV_A, true);
    const folder = sharedFolder();
    a.schedule.start();
    expect((await a.s.raw('shifts.close_day', {})).ok).toBe(true);
    a.ticker.advance(NETWORK_POLL_MS * 2);
    await a.schedule.idle();
    expect(readdirSync(folder)).toEqual([]);
    expect(a.s.core.ctx.db.prepare('SELECT COUNT(*) FROM exchange_arrivals').pluck().get()).toBe(0);
  });
});
