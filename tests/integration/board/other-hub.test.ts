import { describe, expect, it } from 'vitest';
import type { BoardEntry, BoardView } from '../../../src/shared/api/channels/board';
import type { ImportPreview, WrittenFile } from '../../../src/shared/api/channels/exchange';
import { hubs, type Site } from '../exchange/support';

// Issue 14.8: needs and offers another hub shared arrive here as read-only copies. They say
// where they came from, and only their owning hub may renew, take off or match them.

const { site, folder, trust } = hubs();

async function importFrom(at: Site, from: Site, s: string): Promise<ImportPreview> {
  const w = await from.call<WrittenFile>('exchange.export_share', { folder: s });
  const p = await at.call<ImportPreview>('exchange.preview', { folder: s, name: w.fileName });
  await at.call('exchange.apply', { folder: s, name: w.fileName, sha256: p.sha256 });
  return p;
}

async function twoHubs() {
  const river = await site('Riverside Commons');
  const east = await site('Eastside Hub');
  await trust(east, river);
  const theirNeed = await river.call<BoardEntry>('board.add', {
    kind: 'need',
    category: 'ride',
    detail: 'A ride to the clinic',
    shareable: true,
  });
  const theirOffer = await river.call<BoardEntry>('board.add', {
    kind: 'offer',
    category: 'ride',
    detail: 'I drive on Saturdays',
    shareable: true,
  });
  await importFrom(east, river, folder());
  const ourNeed = await east.call<BoardEntry>('board.add', { kind: 'need', category: 'ride', detail: 'A ride to the market' });
  const ourOffer = await east.call<BoardEntry>('board.add', { kind: 'offer', category: 'ride', detail: 'Our van' });
  return { river, east, theirNeed, theirOffer, ourNeed, ourOffer };
}

describe("another hub's entries on the board", () => {
  it('carry the name of the hub they came from; this hub’s own entries carry none', async () => {
    const { east, theirNeed, theirOffer, ourNeed } = await twoHubs();
    const view = await east.call<BoardView>('board.list', {});
    const byId = new Map([...view.needs, ...view.offers].map((e) => [e.id, e]));
    expect(byId.get(theirNeed.id)?.fromHub).toBe('Riverside Commons');
    expect(byId.get(theirOffer.id)?.fromHub).toBe('Riverside Commons');
    expect(byId.get(ourNeed.id)?.fromHub).toBeNull();
  });

  it('cannot be renewed, taken off or matched here, with a code that names the owner, and nothing changes', async () => {
    const { east, theirNeed, theirOffer, ourNeed, ourOffer } = await twoHubs();
    const before = east.checksum();
    for (const [channel, input] of [
      ['board.renew', { id: theirNeed.id }],
      ['board.withdraw', { id: theirOffer.id }],
      ['board.propose', { needId: theirNeed.id, offerId: ourOffer.id }],
      ['board.propose', { needId: ourNeed.id, offerId: theirOffer.id }],
    ] as const) {
      const r = await east.raw(channel, input);
      expect(r.ok ? null : r.error, channel).toMatchObject({ code: 'board.other_hub', params: { hub: 'Riverside Commons' } });
    }
    expect(east.checksum()).toBe(before);
    // The hub's own entries still work as before.
    const r = await east.raw('board.propose', { needId: ourNeed.id, offerId: ourOffer.id });
    expect(r.ok).toBe(true);
  });

  it('stay in the owning hub’s hands there', async () => {
    const { river, theirNeed } = await twoHubs();
    const renewed = await river.call<BoardEntry>('board.renew', { id: theirNeed.id });
    expect(renewed.fromHub).toBeNull();
  });
});
