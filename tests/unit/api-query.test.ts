import { MutationObserver, QueryObserver, onlineManager } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/renderer/api/client';
import { apiKey, apiQueryOptions, createQueryClient, fetchApi, invalidateFor, listenWhileLive } from '../../src/renderer/api/query';
import type { Envelope } from '../../src/shared/api/contract';

/** A hub whose answers come when the test says, in any order: the slow Wi-Fi of a station. */
function slowHub() {
  const pending: { channel: string; input: unknown; answer(value: unknown): void }[] = [];
  const client = new ApiClient(
    (channel: string, envelope: Envelope) => new Promise((answer) => pending.push({ channel, input: envelope.input, answer })),
  );
  const take = (search: string) => {
    const i = pending.findIndex((p) => (p.input as { search?: string }).search === search);
    if (i < 0) throw new Error(`no call for ${search}`);
    return pending.splice(i, 1)[0]!;
  };
  return { client, pending, take };
}

const stockOf = (total: number) => ({ ok: true, value: { rows: [], total } });
const settle = () => new Promise((r) => setImmediate(r));

describe('the renderer data layer', () => {
  it('shows the answer to the newest search when an older search answers last', async () => {
    const hub = slowHub();
    const queries = createQueryClient();
    const search = (s: string) => apiQueryOptions(hub.client, 'inventory.stock', { language: 'en', search: s }, { keepPrevious: true });
    const observer = new QueryObserver(queries, search('ri'));
    const seen: (number | undefined)[] = [];
    const stop = observer.subscribe((r) => seen.push(r.data?.total));
    await settle();
    observer.setOptions(search('rice'));
    await settle();
    hub.take('rice').answer(stockOf(1));
    await settle();
    hub.take('ri').answer(stockOf(15));
    await settle();
    expect(observer.getCurrentResult().data?.total).toBe(1);
    expect(seen.at(-1)).toBe(1);
    expect(seen).not.toContain(15);
    stop();
  });

  it('reads a query again when a live event of its topic comes, and not for another topic', async () => {
    const hub = slowHub();
    const queries = createQueryClient();
    const observer = new QueryObserver(
      queries,
      apiQueryOptions(hub.client, 'inventory.stock', { language: 'en', search: '' }, { live: ['stock'] }),
    );
    const stop = observer.subscribe(() => undefined);
    await settle();
    hub.take('').answer(stockOf(3));
    await settle();
    expect(hub.pending).toHaveLength(0);

    void invalidateFor(queries, { topic: 'board', channel: 'board.add', at: '2026-11-28T10:00:00.000Z' });
    await settle();
    expect(hub.pending).toHaveLength(0);

    void invalidateFor(queries, { topic: 'stock', channel: 'inventory.receive', at: '2026-11-28T10:00:00.000Z' });
    await settle();
    expect(hub.pending.map((p) => p.channel)).toEqual(['inventory.stock']);
    hub.take('').answer(stockOf(4));
    await settle();
    expect(observer.getCurrentResult().data?.total).toBe(4);

    // After a reconnect every query that listens is read again (it may have missed events), and only those.
    const quiet = new QueryObserver(queries, apiQueryOptions(hub.client, 'inventory.stock', { language: 'en', search: 'oil' }));
    const stopQuiet = quiet.subscribe(() => undefined);
    await settle();
    hub.take('oil').answer(stockOf(2));
    await settle();
    void invalidateFor(queries, 'ready');
    await settle();
    expect(hub.pending.map((p) => (p.input as { search: string }).search)).toEqual(['']);
    stop();
    stopQuiet();
  });

  it('carries an expected failure as the contract error, without retrying it', async () => {
    const calls: string[] = [];
    const client = new ApiClient(async (channel: string) => {
      calls.push(channel);
      return { ok: false, error: { code: 'auth.forbidden', message: 'no' } };
    });
    const queries = createQueryClient();
    const observer = new QueryObserver(queries, apiQueryOptions(client, 'volunteers.list', {}));
    const stop = observer.subscribe(() => undefined);
    await settle();
    await settle();
    expect(observer.getCurrentResult().error).toMatchObject({ code: 'auth.forbidden' });
    expect(calls).toEqual(['volunteers.list']);
    stop();
  });

  it('asks again once for a read whose answer was lost, then says the hub is unreachable', async () => {
    let sent = 0;
    const client = new ApiClient(
      async () => {
        sent += 1;
        throw new Error('Wi-Fi gone');
      },
      async () => undefined,
    );
    const queries = createQueryClient({ retryDelayMs: 0 });
    const observer = new QueryObserver(queries, apiQueryOptions(client, 'volunteers.list', {}));
    const stop = observer.subscribe(() => undefined);
    while (observer.getCurrentResult().isFetching) await settle();
    expect(observer.getCurrentResult().error).toMatchObject({ code: 'api.unreachable' });
    // The client's own tries (one and three more), twice.
    expect(sent).toBe(8);
    stop();
  });

  it('keeps the event stream open only while a live query is on screen, and a stock event re-reads it', async () => {
    const hub = slowHub();
    const queries = createQueryClient();
    let listener: ((e: 'ready' | { topic: 'stock'; channel: string; at: string }) => void) | null = null;
    const stopListening = listenWhileLive(queries, (l) => {
      listener = l;
      return () => (listener = null);
    });
    const plain = new QueryObserver(queries, apiQueryOptions(hub.client, 'volunteers.list', {}));
    const stopPlain = plain.subscribe(() => undefined);
    expect(listener).toBeNull();

    const live = new QueryObserver(
      queries,
      apiQueryOptions(hub.client, 'inventory.stock', { language: 'en', search: '' }, { live: ['stock'] }),
    );
    const stopLive = live.subscribe(() => undefined);
    expect(listener).not.toBeNull();
    await settle();
    hub.take('').answer(stockOf(3));
    await settle();
    listener!({ topic: 'stock', channel: 'inventory.receive', at: '2026-11-28T10:00:00.000Z' });
    await settle();
    expect(hub.pending.some((p) => p.channel === 'inventory.stock')).toBe(true);

    stopLive();
    expect(listener).toBeNull();
    stopPlain();
    stopListening();
  });
  it('reads now for a scan, answers with the result, and the query on screen shares the one call', async () => {
    const hub = slowHub();
    const queries = createQueryClient();
    const found = { ok: true, value: { rows: [], total: 7 } };
    // The scan reads; the screen's query for the same arguments starts meanwhile and waits on the same call.
    const read = fetchApi(queries, hub.client, 'inventory.stock', { language: 'en', search: 'rice' }, { live: ['stock'] });
    const observer = new QueryObserver(
      queries,
      apiQueryOptions(hub.client, 'inventory.stock', { language: 'en', search: 'rice' }, { live: ['stock'] }),
    );
    const stop = observer.subscribe(() => undefined);
    await settle();
    expect(hub.pending).toHaveLength(1);
    hub.take('rice').answer(found);
    expect(await read).toEqual(found);
    await settle();
    expect(observer.getCurrentResult().data?.total).toBe(7);

    // The same scan again reads again (a slip redeemed meanwhile must not come up as it was).
    const again = fetchApi(queries, hub.client, 'inventory.stock', { language: 'en', search: 'rice' });
    await settle();
    hub.take('rice').answer({ ok: true, value: { rows: [], total: 6 } });
    expect(await again).toMatchObject({ ok: true, value: { total: 6 } });
    expect(queries.getQueryData(apiKey('inventory.stock', { language: 'en', search: 'rice' }))).toMatchObject({ total: 6 });
    stop();
  });

  it('answers a refused read as the contract error, not a throw', async () => {
    const client = new ApiClient(async () => ({ ok: false, error: { code: 'slip.not_found', message: 'no such slip' } }));
    const result = await fetchApi(createQueryClient(), client, 'slip.lookup', { code: 'ABCD-EFGH' });
    expect(result).toEqual({ ok: false, error: { code: 'slip.not_found', message: 'no such slip' } });
  });

  it('still asks the hub when the browser believes it is offline: the hub is on the LAN or over IPC', async () => {
    const hub = slowHub();
    const queries = createQueryClient();
    onlineManager.setOnline(false);
    try {
      const observer = new QueryObserver(queries, apiQueryOptions(hub.client, 'inventory.stock', { language: 'en', search: 'rice' }));
      const stop = observer.subscribe(() => undefined);
      const write = new MutationObserver(queries, {
        mutationFn: () => hub.client.call('inventory.stock', { language: 'en', search: 'tap' }),
      });
      void write.mutate(undefined);
      await settle();
      // Neither the read nor the tap is held back for "online" to come: both reach the client,
      // which says itself when the hub does not answer.
      expect(hub.pending.map((p) => (p.input as { search: string }).search).sort()).toEqual(['rice', 'tap']);
      expect(write.getCurrentResult().isPaused).toBe(false);
      stop();
    } finally {
      onlineManager.setOnline(true);
    }
  });
});
