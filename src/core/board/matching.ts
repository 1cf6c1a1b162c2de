import type { Why } from '../../shared/api/channels/board';
import { popcount } from './availability';

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
  shared: string[];
}

export function normalizeCategory(category: string): string {
  return category.trim().toLowerCase();
}

/** Negative when `a` ranks before `b`. A total order: no two distinct offers compare equal. */
function compare(a: Candidate, b: Candidate): number {
  return (
    b.lang - a.lang ||
    b.time - a.time ||
    b.overlap - a.overlap ||
    a.offer.busy - b.offer.busy ||
    (a.offer.createdAt < b.offer.createdAt ? -1 : a.offer.createdAt > b.offer.createdAt ? 1 : 0) ||
    (a.offer.id < b.offer.id ? -1 : a.offer.id > b.offer.id ? 1 : 0)
  );
}

function datesOverlap(a: MatchEntry, b: MatchEntry): boolean {
  if ((a.dateFrom === null && a.dateUntil === null) || (b.dateFrom === null && b.dateUntil === null)) return true;
  const aFrom = a.dateFrom ?? '0000-00-00';
  const aUntil = a.dateUntil ?? '9999-99-99';
  const bFrom = b.dateFrom ?? '0000-00-00';
  const bUntil = b.dateUntil ?? '9999-99-99';
  return aFrom <= bUntil && bFrom <= aUntil;
}

function explain(need: MatchEntry, c: Candidate, now: Date): Why[] {
  const why: Why[] = [{ code: 'category', params: { category: normalizeCategory(need.category) } }];
  if (c.lang === 1) why.push({ code: 'language', params: { languages: c.shared.join(',') } });
  else why.push({ code: 'language_unstated', params: {} });
  if (c.time === 1) why.push({ code: 'time', params: { slots: c.overlap === 0 ? 0 : (need.slots ?? 0) & (c.offer.slots ?? 0) } });
  else why.push({ code: 'time_unstated', params: {} });
  const bothDated = (need.dateFrom !== null || need.dateUntil !== null) && (c.offer.dateFrom !== null || c.offer.dateUntil !== null);
  if (bothDated) {
    const from = [need.dateFrom, c.offer.dateFrom].filter((d): d is string => d !== null).sort().at(-1) ?? '';
    const until = [need.dateUntil, c.offer.dateUntil].filter((d): d is string => d !== null).sort()[0] ?? '';
    why.push({ code: 'dates', params: { from, until } });
  }
  if (c.offer.busy === 0) why.push({ code: 'free', params: {} });
  else why.push({ code: 'busy', params: { count: c.offer.busy } });
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(c.offer.createdAt)) / 86_400_000));
  why.push({ code: 'waiting', params: { days } });
  return why;
}

/**
 * An index of open offers by category, then by language, so a need only ever looks at offers
 * of its own category that speak one of its languages (or stated none): no all-pairs scan.
 */
export class OfferIndex {
  private readonly byCategory = new Map<string, { byLanguage: Map<string, number[]>; noLanguage: number[]; all: number[] }>();
  /** Per offer, the last need (by sequence number) that looked at it: de-duplicates across languages. */
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(readonly offers: readonly MatchOffer[]) {
    this.seen = new Int32Array(offers.length).fill(-1);
    offers.forEach((o, i) => {
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
    const top: Candidate[] = [];
    const consider = (i: number) => {
      if (this.seen[i] === stamp) return;
      this.seen[i] = stamp;
      const offer = this.offers[i]!;
      if (need.householdId !== null && offer.householdId === need.householdId) return;
      if (excluded?.has(offer.id)) return;
      let time: 0 | 1 = 0;
      let overlap = 0;
      if (need.slots !== null && offer.slots !== null) {
        const both = need.slots & offer.slots;
        if (both === 0) return;
        time = 1;
        overlap = popcount(both);
      }
      if (!datesOverlap(need, offer)) return;
      const shared = need.languages.filter((l) => offer.languages.includes(l));
      const c: Candidate = { offer, lang: shared.length > 0 ? 1 : 0, time, overlap, shared };
      // Keep the best `limit` in order with an insertion step: limit is small.
      if (top.length === limit && compare(c, top[limit - 1]!) >= 0) return;
      let at = top.length;
      while (at > 0 && compare(c, top[at - 1]!) < 0) at -= 1;
      top.splice(at, 0, c);
      if (top.length > limit) top.pop();
    };
    if (need.languages.length === 0) {
      for (const i of bucket.all) consider(i);
    } else {
      for (const lang of need.languages) for (const i of bucket.byLanguage.get(lang) ?? []) consider(i);
      for (const i of bucket.noLanguage) consider(i);
    }
    return top.map((c) => ({ offer: c.offer, why: explain(need, c, now) }));
  }
}
