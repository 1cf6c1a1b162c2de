import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hubs, makeSite, stick } from './support';

const { later } = hubs();

describe('exchange.folders', () => {
  it('lists the visible folders inside a folder, by name, for a coordinator to tap into', async () => {
    const s = stick();
    later(() => s.remove());
    for (const name of ['photos', 'Exports', '.Trashes']) mkdirSync(join(s.path, name));
    writeFileSync(join(s.path, 'notes.txt'), 'not a folder');
    const a = await makeSite('Folder Hub');
    later(() => a.dispose());
    expect(await a.call('exchange.folders', { folder: s.path })).toEqual([
      { name: 'Exports', path: join(s.path, 'Exports') },
      { name: 'photos', path: join(s.path, 'photos') },
    ]);
  });

  it('says the folder is missing rather than listing nothing, and is not for the public', async () => {
    const a = await makeSite('Folder Hub');
    later(() => a.dispose());
    expect(await a.raw('exchange.folders', { folder: '/no/such/folder' })).toMatchObject({
      ok: false,
      error: { code: 'exchange.folder_missing' },
    });
    expect(await a.core.dispatch('exchange.folders', { input: { folder: '/' } })).toMatchObject({
      ok: false,
      error: { code: 'auth.required' },
    });
  });
});
