import type { Migration } from './types';

/*
 * Issue 12: an older version took in other hubs' records that no screen could then show (an
 * offer whose createdAt was not a date broke the board; a blank unit broke the stock list).
 * Import now refuses them (exchange/records.ts); this puts right the copies already taken in.
 * Each is a read-only copy of another hub's record, so nothing a person here entered is lost:
 *  - its signed line is forgotten, so the owner's next bundle is judged afresh (and refused,
 *    with the field named in the preview, if it is still unreadable);
 *  - an unreadable need/offer is withdrawn with no date (it leaves the board); an unreadable
 *    unit reads "?" (the item, its stock and its history stay).
 * The checks below are this moment's reading of IsoInstant and ItemUnit, spelled in SQL and
 * frozen here as a migration must be; the living rules are those schemas.
 */
const moment = (c: string) =>
  `(${c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]*Z' AND date(${c}) = substr(${c}, 1, 10) AND ${c} >= '1970' AND ${c} < '9000')`;
const controls = [
  ...Array.from({ length: 31 }, (_, i) => i + 1),
  ...Array.from({ length: 33 }, (_, i) => i + 127),
  0x2028,
  0x2029,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
].join(', ');
const badUnit = (u: string) =>
  `(${u} IS NULL OR length(${u}) = 0 OR length(${u}) > 40 OR trim(${u}, ' ' || char(160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8239, 8287, 12288, 65279)) = ''
    OR instr(${u}, char(0)) > 0 OR ${u} GLOB '*[' || char(${controls}) || ']*')`;
const foreign = `origin_site <> (SELECT id FROM site)`;
const badOffer = `(NOT ${moment('created_at')} OR (expires_at IS NOT NULL AND NOT ${moment('expires_at')}))`;
const data = `json_extract(substr(line, instr(line, ' ') + 1), '$.d')`;

export const unreadableCopies: Migration = {
  version: 120,
  name: 'unreadable-copies',
  sql: `
DELETE FROM exchange_records WHERE ${foreign} AND (
  (type = 'need_offer' AND id IN (SELECT id FROM needs_offers WHERE ${foreign} AND ${badOffer}))
  OR (type = 'item' AND id IN (SELECT id FROM items WHERE ${foreign} AND ${badUnit('unit')}))
  OR (type = 'weekly' AND date(json_extract(${data}, '$.week')) IS NOT json_extract(${data}, '$.week'))
  OR (type = 'board' AND EXISTS (SELECT 1 FROM json_each(json_extract(${data}, '$.items')) WHERE ${badUnit("json_extract(value, '$.unit')")}))
);
UPDATE needs_offers SET status = 'withdrawn', created_at = '1970-01-01T00:00:00.000Z', expires_at = NULL WHERE ${foreign} AND ${badOffer};
UPDATE items SET unit = '?' WHERE ${foreign} AND ${badUnit('unit')};
`,
};
