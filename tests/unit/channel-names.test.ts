import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel } from '../../src/shared/api/channel';
import { contract, defineContract } from '../../src/shared/api/contract';
import { joinHandlers } from '../../src/core/handlers';

const ping = channel({ input: z.object({}), output: z.object({}), access: 'public' });

describe('channel names', () => {
  it('a channel declared in two feature files stops the contract at start-up', () => {
    expect(() => defineContract({ 'a.ping': ping }, { 'b.ping': ping, 'a.ping': ping })).toThrow('channel a.ping is declared twice');
  });

  it('a channel handled in two groups stops core at start-up', () => {
    const one = { 'site.status': () => ({ setUp: false as const }) };
    expect(() => joinHandlers(one, one)).toThrow('handler for site.status is declared twice');
  });

  it('the shipped contract joins every group without a clash', () => {
    expect(Object.keys(defineContract({ 'a.ping': ping }, { 'b.ping': ping }))).toEqual(['a.ping', 'b.ping']);
    expect(Object.keys(contract).length).toBeGreaterThan(60);
  });
});
