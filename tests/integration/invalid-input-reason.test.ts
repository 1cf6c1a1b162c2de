import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeCore, type TestCore } from '../support/core';

// Issue 14.11: a refused input said only "Something in the form is not right". The error now
// carries the field and why, as a word the renderer translates (with the limit where there is one).

describe('a refused input names its field and the reason', () => {
  let t: TestCore;
  let token: string;
  beforeEach(async () => {
    t = makeCore();
    token = await t.setUp(['en', 'ar']);
  });
  afterEach(() => t.dispose());

  const refused = async (channel: string, input: unknown) => {
    const r = await t.callRaw(channel, input, token);
    return r.ok ? null : r.error;
  };

  it('a count below 0, a number too large to be real, a date that is not a date, a fraction', async () => {
    expect(await refused('inventory.count_review', { language: 'en', lines: [{ itemId: 'x', lotId: null, counted: -1 }] })).toMatchObject({
      code: 'api.invalid_input',
      params: { field: 'lines.0.counted', reason: 'too_small', limit: 0 },
    });
    expect(await refused('inventory.count_review', { language: 'en', lines: [{ itemId: 'x', lotId: null, counted: 1e12 }] })).toMatchObject(
      {
        params: { field: 'lines.0.counted', reason: 'too_big', limit: 100_000 },
      },
    );
    const receive = { requestId: randomUUID(), itemId: 'x', qty: 1, source: 'donor' };
    expect(await refused('inventory.receive', { ...receive, expiresOn: '31/12/2026' })).toMatchObject({
      params: { field: 'expiresOn', reason: 'invalid_format' },
    });
    expect(await refused('inventory.receive', { ...receive, qty: 1.5 })).toMatchObject({ params: { field: 'qty', reason: 'not_whole' } });
    expect(await refused('inventory.receive', { ...receive, lotCode: 'L'.repeat(41) })).toMatchObject({
      params: { field: 'lotCode', reason: 'too_long', limit: 40 },
    });
    expect(await refused('inventory.receive', { ...receive, source: 'stolen' })).toMatchObject({
      params: { field: 'source', reason: 'not_allowed' },
    });
  });
});
