import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/renderer/api/client';
import { apiQueryOptions, createQueryClient, invalidateFor } from '../../src/renderer/api/query';
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
    const observer = new QueryObserver(queries, apiQueryOptions(hub.client, 'inventory.stock', { language: 'en', search: '' }, { live: ['stock'] }));
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

    // After a reconnect every query is read again, whatever its topics.
    void invalidateFor(queries, 'ready');
    await settle();
    expect(hub.pending.map((p) => p.channel)).toEqual(['inventory.stock']);
    stop();
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
});
