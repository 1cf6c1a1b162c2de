import { describe, expect, it } from 'vitest';
import { hubLabeller, nameSkeleton } from '../../src/core/exchange/sites';

// Issue 12, 7(c): two hubs with one name are told apart by as much of their fingerprints as it takes.
const hub = (id: string, name: string, fingerprint: string | null) => ({ id, name, fingerprint });

describe('hub labels', () => {
  it('leaves a name alone while no other hub looks like it', () => {
    const label = hubLabeller([hub('a', 'Eastside Hub', 'AAAA-0000-0000-0000'), hub('b', 'Northside Pantry', 'BBBB-0000-0000-0000')]);
    expect(label(hub('a', 'Eastside Hub', 'AAAA-0000-0000-0000'))).toBe('Eastside Hub');
  });

  it('adds fingerprint groups until the tag is unlike every look-alike’s', () => {
    const hubs = [
      hub('a', 'Food Bank', 'AAAA-1111-0000-0000'),
      hub('b', 'Food Bank', 'AAAA-2222-0000-0000'),
      hub('c', 'Food Bank', 'CCCC-1111-0000-0000'),
    ];
    const label = hubLabeller(hubs);
    expect(hubs.map(label)).toEqual(['Food Bank · AAAA-1111', 'Food Bank · AAAA-2222', 'Food Bank · CCCC']);
    // A key ground to share a whole fingerprint still leaves the ids apart.
    const same = [hub('x', 'Hub', 'AAAA-1111-2222-3333'), hub('y', 'Hub', 'AAAA-1111-2222-3333')];
    expect(same.map(hubLabeller(same))).toEqual(['Hub · AAAA-1111-2222-3333 · x', 'Hub · AAAA-1111-2222-3333 · y']);
    // A hub seen only by id (no card) is labelled by it.
    expect(hubLabeller([hub('a', 'Hub', 'AAAA-0000-0000-0000')])(hub('z', 'Hub', null))).toBe('Hub · z');
  });

  it('takes names that look alike for one name', () => {
    const base = nameSkeleton('Eastside Hub');
    for (const alike of [
      'EASTSIDE HUB',
      'eastside  hub',
      'East-side Hub.',
      'Éastside Hüb',
      'Еastside Нub' /* Cyrillic Е, Н */,
      'Eastslde Hub',
      'Eastside Hu\u200bb',
      'Ｅａｓｔｓｉｄｅ Hub',
    ])
      expect(nameSkeleton(alike), alike).toBe(base);
    expect(nameSkeleton('modern')).toBe(nameSkeleton('rnodern'));
    expect(nameSkeleton('Westside Hub')).not.toBe(base);
  });
});
