import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OfferIndex, type MatchEntry, type MatchOffer } from '../../src/core/board/matching';
import { popcount } from '../../src/core/board/availability';

/**
 * The index prunes (by category, language, and a per-offer best-case bound). This checks it
 * against the rules in docs/matching.md applied naively to every pair.
 */
function naive(need: MatchEntry, offers: MatchOffer[], limit: number): string[] {
  const fits = offers.filter((o) => {
    if (o.category.trim().toLowerCase() !== need.category.trim().toLowerCase()) return false;
    if (need.languages.length > 0 && o.languages.length > 0 && !o.languages.some((l) => need.languages.includes(l))) return false;
    if (need.slots !== null && o.slots !== null && (need.slots & o.slots) === 0) return false;
    if (need.householdId !== null && o.householdId === need.householdId) return false;
    return true;
  });
  const key = (o: MatchOffer) => {
    const lang = need.languages.some((l) => o.languages.includes(l)) ? 1 : 0;
    const time = need.slots !== null && o.slots !== null ? 1 : 0;
    const overlap = time ? popcount((need.slots ?? 0) & (o.slots ?? 0)) : 0;
    return [lang, time, overlap, -o.busy] as const;
  };
  return fits
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i += 1) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
      return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1;
    })
    .slice(0, limit)
    .map((o) => o.id);
}

const entry = fc.record({
  category: fc.constantFrom('ride', 'Ride ', 'cooking', 'forms'),
  languages: fc.uniqueArray(fc.constantFrom('en', 'es', 'ar', 'fa'), { maxLength: 3 }),
  slots: fc.option(fc.integer({ min: 1, max: (1 << 21) - 1 }), { nil: null }),
  householdId: fc.option(fc.constantFrom('h1', 'h2', 'h3'), { nil: null }),
  createdAt: fc.integer({ min: 0, max: 5 }).map((d) => `2026-11-2${d}T10:00:00.000Z`),
  busy: fc.integer({ min: 0, max: 3 }),
});

describe('OfferIndex', () => {
  it('gives exactly what the rules give when applied to every pair', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 60 }),
        fc.array(entry, { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 5 }),
        (rawOffers, rawNeeds, limit) => {
          const offers: MatchOffer[] = rawOffers.map((o, i) => ({
            ...o,
            id: `o${String(i).padStart(3, '0')}`,
            dateFrom: null,
            dateUntil: null,
          }));
          const index = new OfferIndex(offers);
          rawNeeds.forEach((n, j) => {
            const need: MatchEntry = { ...n, id: `n${j}`, dateFrom: null, dateUntil: null };
            const got = index.suggest(need, limit, new Date('2026-11-28T10:00:00Z')).map((r) => r.offer.id);
            expect(got).toEqual(naive(need, offers, limit));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
