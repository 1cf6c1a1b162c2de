import type { Why } from '../../shared/api/channels/board';
import { popcount } from './availability';
import { DAY_MS } from '../../shared/time';

/**
 * The matcher: deterministic, explainable, and fast enough for 10,000 needs × 10,000 offers.
 * The rules are written out in docs/matching.md; keep the two in step.
 *
 * An offer FITS a need when all of these hold:
 *   1. same category (after trimming and lower-casing);
 *   2. they share a language, or one side stated none;
 *   3. their weekly slots overlap, or one side stated none;
 *   4. their date windows overlap, when both have one;
 *   5. both are open and not expired (the caller passes only those);
 *   6. they are not from the same household, and the pair has no match on record yet.
 * Fitting offers are RANKED by, in order: a shared language before an unstated one; a known
 * time overlap before an unstated one; more overlapping slots; fewer matches already in
 * progress for the offer (spread the load); the older offer first (it has waited longest);
 * then the id, so equal offers always come out in the same order.
 */

export interface MatchEntry {
  id: string;
  category: string;
  languages: readonly string[];
  slots: number | null;
  dateFrom: string | null;
  dateUntil: string | null;
  householdId: string | null;
  createdAt: string;
}

export interface MatchOffer extends MatchEntry {
  /** Matches in progress (suggested or agreed) this offer is already part of. */
  busy: number;
}

export interface Ranked {
  offer: MatchOffer;
  why: Why[];
}

interface Candidate {
  offer: MatchOffer;
  lang: 0 | 1;
  time: 0 | 1;
  overlap: number;
}

export function normalizeCategory(category: string): string {
  return category.trim().toLowerCase();
}

/**
 * The ranking as one number, higher is better, so the hot loop compares numbers, not objects.
 * From most to least significant: shared language (1 bit), known time overlap (1 bit), number of
 * overlapping slots (0..21, 5 bits), fewer matches in progress (7 bits, 127 - busy), and the
 * offer's age rank (20 bits: older first, then by id), which makes the order total.
 */
function rankKey(lang: number, time: number, overlap: number, busy: number, ageRank: number): number {
  const score = lang * 64 + time * 32 + overlap;
  return (score * 128 + (127 - Math.min(busy, 127))) * 1_048_576 + (1_048_575 - ageRank);
}

function datesOverlap(a: MatchEntry, b: MatchEntry): boolean {
  if ((a.dateFrom === null && a.dateUntil === null) || (b.dateFrom === null && b.dateUntil === null)) return true;
  const aFrom = a.dateFrom ?? '0000-00-00';
  const aUntil = a.dateUntil ?? '9999-99-99';
  const bFrom = b.dateFrom ?? '0000-00-00';
  const bUntil = b.dateUntil ?? '9999-99-99';
  return aFrom <= bUntil && bFrom <= aUntil;
}

function explain(need: MatchEntry, c: Candidate, now: Date, offerCreatedMs: number): Why[] {
  const why: Why[] = [{ code: 'category', params: { category: normalizeCategory(need.category) } }];
  const shared = need.languages.filter((l) => c.offer.languages.includes(l));
  if (c.lang === 1) why.push({ code: 'language', params: { languages: shared.join(',') } });
  else why.push({ code: 'language_unstated', params: {} });
  if (c.time === 1) why.push({ code: 'time', params: { slots: c.overlap === 0 ? 0 : (need.slots ?? 0) & (c.offer.slots ?? 0) } });
  else why.push({ code: 'time_unstated', params: {} });
  const bothDated = (need.dateFrom !== null || need.dateUntil !== null) && (c.offer.dateFrom !== null || c.offer.dateUntil !== null);
  if (bothDated) {
    const from =
      [need.dateFrom, c.offer.dateFrom]
        .filter((d): d is string => d !== null)
        .sort()
        .at(-1) ?? '';
    const until = [need.dateUntil, c.offer.dateUntil].filter((d): d is string => d !== null).sort()[0] ?? '';
    why.push({ code: 'dates', params: { from, until } });
  }
  if (c.offer.busy === 0) why.push({ code: 'free', params: {} });
  else why.push({ code: 'busy', params: { count: c.offer.busy } });
  const days = Math.max(0, Math.floor((now.getTime() - offerCreatedMs) / DAY_MS));
  why.push({ code: 'waiting', params: { days } });
  return why;
}

/**
 * An index of open offers by category, then by language, so a need only ever looks at offers
 * of its own category that speak one of its languages (or stated none): no all-pairs scan.
 * Offer fields the hot loop reads sit in typed arrays.
 */
export class OfferIndex {
  private readonly byCategory = new Map<string, { byLanguage: Map<string, number[]>; noLanguage: number[]; all: number[] }>();
  /** Per offer, the last need (by sequence number) that looked at it: de-duplicates across languages. */
  private readonly seen: Int32Array;
  private readonly slots: Int32Array;
  private readonly dated: Uint8Array;
  private readonly ageRank: Int32Array;
  private readonly busy: Int32Array;
  private readonly createdMs: Float64Array;
  private stamp = 0;

  constructor(readonly offers: readonly MatchOffer[]) {
    const n = offers.length;
    this.seen = new Int32Array(n).fill(-1);
    this.slots = new Int32Array(n);
    this.dated = new Uint8Array(n);
    this.ageRank = new Int32Array(n);
    this.busy = new Int32Array(n);
    this.createdMs = new Float64Array(n);
    const byAge = offers.map((_, i) => i);
    byAge.sort((a, b) => {
      const x = offers[a]!;
      const y = offers[b]!;
      return x.createdAt < y.createdAt ? -1 : x.createdAt > y.createdAt ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
    });
    byAge.forEach((i, rank) => {
      this.ageRank[i] = Math.min(rank, 1_048_575);
    });
    offers.forEach((o, i) => {
      this.slots[i] = o.slots ?? -1;
      this.busy[i] = o.busy;
      this.createdMs[i] = Date.parse(o.createdAt);
      this.dated[i] = o.dateFrom !== null || o.dateUntil !== null ? 1 : 0;
      const key = normalizeCategory(o.category);
      let bucket = this.byCategory.get(key);
      if (!bucket) {
        bucket = { byLanguage: new Map(), noLanguage: [], all: [] };
        this.byCategory.set(key, bucket);
      }
      bucket.all.push(i);
      if (o.languages.length === 0) bucket.noLanguage.push(i);
      for (const lang of o.languages) {
        const list = bucket.byLanguage.get(lang);
        if (list) list.push(i);
        else bucket.byLanguage.set(lang, [i]);
      }
    });
  }

  /**
   * The best `limit` fitting offers for a need, best first, each with why it fits.
   * `excluded` holds offer ids already paired with this need on record.
   */
  suggest(need: MatchEntry, limit: number, now: Date, excluded?: ReadonlySet<string>): Ranked[] {
    const bucket = this.byCategory.get(normalizeCategory(need.category));
    if (!bucket || limit <= 0) return [];
    this.stamp += 1;
    const stamp = this.stamp;
    const { seen, slots, dated, ageRank, busy, offers } = this;
    const needSlots = need.slots ?? -1;
    const needHousehold = need.householdId;
    // The best `limit` so far, best first, as parallel arrays of keys and offer indexes.
    const keys: number[] = [];
    const picks: number[] = [];
    // Hot loop (millions of checks at full scale): numbers only, no allocation per offer.
    const consider = (i: number, lang: number) => {
      if (seen[i] === stamp) return;
      seen[i] = stamp;
      let time = 0;
      let overlap = 0;
      const s = slots[i]!;
      if (needSlots !== -1 && s !== -1) {
        const both = needSlots & s;
        if (both === 0) return;
        time = 1;
        overlap = popcount(both);
      }
      const key = rankKey(lang, time, overlap, busy[i]!, ageRank[i]!);
      if (keys.length === limit && key <= keys[limit - 1]!) return;
      // Only a candidate that would make the list pays for the object-level checks.
      const offer = offers[i]!;
      if (needHousehold !== null && offer.householdId === needHousehold) return;
      if (dated[i] === 1 && !datesOverlap(need, offer)) return;
      if (excluded?.has(offer.id)) return;
      let at = keys.length;
      while (at > 0 && key > keys[at - 1]!) at -= 1;
      keys.splice(at, 0, key);
      picks.splice(at, 0, i);
      if (keys.length > limit) {
        keys.pop();
        picks.pop();
      }
    };
    if (need.languages.length === 0) {
      for (const i of bucket.all) consider(i, 0);
    } else {
      // Shared-language offers first: an offer reached through a shared language is marked seen
      // before the no-language pass could count it as unstated.
      for (const lang of need.languages) for (const i of bucket.byLanguage.get(lang) ?? []) consider(i, 1);
      // A shared language outranks everything else in the key: with `limit` such offers in hand,
      // no offer without a stated language could get in, so skip looking at them.
      if (keys.length < limit) for (const i of bucket.noLanguage) consider(i, 0);
    }
    return picks.map((i) => {
      const offer = offers[i]!;
      const s = slots[i]!;
      const known = needSlots !== -1 && s !== -1;
      const c: Candidate = {
        offer,
        lang: need.languages.length > 0 && offer.languages.some((l) => need.languages.includes(l)) ? 1 : 0,
        time: known ? 1 : 0,
        overlap: known ? popcount(needSlots & s) : 0,
      };
      return { offer, why: explain(need, c, now, this.createdMs[i]!) };
    });
  }
}
