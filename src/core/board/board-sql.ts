import type { BoardMatch } from '../../shared/api/channels/board';
import type { z } from 'zod';
import type { DidntHappenReason } from '../../shared/api/channels/board';
import { DAY_MS, dayNumber } from '../../shared/time';
import { itemNameSql } from '../inventory/item-name';

export type Reason = z.output<typeof DidntHappenReason>;

// The board's SQL and row shapes, shared by its entries, matching, gaps and public view.

export interface EntryRow {
  id: string;
  kind: 'need' | 'offer';
  category: string;
  detail: string | null;
  languages: string;
  availability: string | null;
  slots: number | null;
  date_from: string | null;
  date_until: string | null;
  household_id: string | null;
  shareable: number;
  source: 'visitor' | 'volunteer' | 'pantry';
  status: string;
  created_at: string;
  expires: string;
  item_name: string | null;
  short_code: string | null;
  has_contact: number;
  origin_site: string;
  /** 1 when another hub owns the row (an exchange copied it here). */
  foreign_origin: number;
  origin_name: string | null;
  origin_fingerprint: string | null;
}

export interface MatchRow {
  id: string;
  need_id: string;
  offer_id: string;
  state: BoardMatch['state'];
  reason: Reason | null;
  why: string;
  created_at: string;
  updated_at: string;
}

/** Days a "met" or withdrawn entry, or an expired one, stays visible so it can be renewed. */
export const GRACE_DAYS = 14;

export const ACTIVE = "('suggested', 'agreed')";

/** The moment an entry expires, in SQL: a renewal restarts the site's clock; else intake's own date, else created + days. */
export const EXPIRES_SQL = `CASE
  WHEN n.renewed_at IS NOT NULL THEN strftime('%Y-%m-%dT%H:%M:%fZ', n.renewed_at, '+' || @days || ' days')
  WHEN n.expires_at IS NOT NULL THEN n.expires_at
  ELSE strftime('%Y-%m-%dT%H:%M:%fZ', n.created_at, '+' || @days || ' days') END`;

/**
 * The same rule as a filter "still live at @now", without date arithmetic per row (the matcher
 * reads every open entry): compare the start of the period with @cutoff = now - days instead.
 * Timestamps are ISO strings from the same clock format, so string order is time order.
 */
const liveAt = (at: string, cutoff: string) => `(CASE
  WHEN n.renewed_at IS NOT NULL THEN n.renewed_at > ${cutoff}
  WHEN n.expires_at IS NOT NULL THEN n.expires_at > ${at}
  ELSE n.created_at > ${cutoff} END)`;
/**
 * Still live at @now, for reads over every open entry (the matcher, the waiting-room screen).
 * After years most open rows are long expired, so the rule is preceded by a condition every live
 * row meets (its last start after the cutoff, or intake's expiry after now) that two indexes
 * (migration 290) answer as short ranges. The likelihood hints tell the planner, which has no
 * statistics, that few rows pass, so it reads those ranges instead of every open row.
 */
export const LIVE_SQL = `((likelihood(COALESCE(n.renewed_at, n.created_at) > @cutoff, 0.05) OR likelihood(n.expires_at > @now, 0.05))
  AND ${liveAt('@now', '@cutoff')})`;
/** On the board: open and expiring after @since (two weeks ago, to renew), by the same rule; @sinceCutoff = @since - days. */
export const ON_BOARD_SQL = `n.status = 'open' AND ${liveAt('@since', '@sinceCutoff')}`;

/** The parameters of ON_BOARD_SQL at `now`, for entries living `days` unless renewed. */
export function boardWindow(now: Date, days: number): { since: string; sinceCutoff: string } {
  const since = now.getTime() - GRACE_DAYS * DAY_MS;
  return { since: new Date(since).toISOString(), sinceCutoff: new Date(since - days * DAY_MS).toISOString() };
}

/** The matcher's read of open entries of one kind: the hot query (see tests for its plan). */
export const MATCHABLE_SQL = `
  SELECT n.id, n.category, n.languages, n.slots, n.availability, n.date_from, n.date_until, n.household_id, n.created_at
  FROM needs_offers n
  WHERE n.kind = @kind AND n.status = 'open' AND ${LIVE_SQL}
    AND (n.date_until IS NULL OR n.date_until >= @today)`;

export const entryItem = itemNameSql('n.item_id', 'item');

export const ENTRY_SELECT = `
  SELECT n.id, n.kind, n.category, n.detail, n.languages, n.availability, n.slots, n.date_from, n.date_until,
         n.household_id, n.shareable, n.source, n.status, n.created_at, ${EXPIRES_SQL} AS expires,
         ${entryItem.name} AS item_name,
         (SELECT s.short_code FROM slips s WHERE s.household_id = n.household_id ORDER BY s.issued_at DESC LIMIT 1) AS short_code,
         (h.first_name IS NOT NULL AND trim(h.first_name) <> '') OR (h.phone IS NOT NULL AND trim(h.phone) <> '') AS has_contact,
         n.origin_site, n.origin_site <> (SELECT id FROM site) AS foreign_origin, ks.name AS origin_name, ks.fingerprint AS origin_fingerprint
  FROM needs_offers n
  LEFT JOIN households h ON h.id = n.household_id
  LEFT JOIN known_sites ks ON ks.id = n.origin_site
  ${entryItem.joins}`;

export const itemName = itemNameSql('i.id');

/**
 * What slips not voided asked for, per item, on the days from @askedFrom (see askedFrom): on how
 * many slips and how much in all, from the maintained item_asks (migration 270), one short range
 * of days however many slip lines a busy fortnight brings.
 */
export const ASKED_CTE = `asked AS (
  SELECT item_id, SUM(slips) AS asks, SUM(qty) AS qty FROM item_asks WHERE day >= @askedFrom GROUP BY item_id
)`;

/** The first day of the asks window: the last `days` days, today included. */
export function askedFrom(now: Date, days: number): number {
  return dayNumber(now) - days + 1;
}

/** Rows written elsewhere (intake) may carry anything in `languages`: read what is readable. */
export function parseLanguages(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((l): l is string => typeof l === 'string') : [];
  } catch {
    return [];
  }
}
