import type { SlipStatus, SlipView } from '../../shared/domain/slip';
import { PAYLOAD_VERSION, SLIP_ID_BYTES, dayNumber, dayToIso, toHex } from '../../shared/slips/payload';
import { normalizeShortCode, shortCodeFromBytes } from '../../shared/slips/short-code';
import type { LocaleCode } from '../../shared/locales';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { distributeFefo } from '../inventory/ledger';
import { requireSite } from '../site/site-service';
import type { SlipKeyring } from './signing';

interface SlipRow {
  id: string;
  short_code: string;
  payload: string;
  language: LocaleCode;
  issue_day: number;
  expiry_day: number;
  voided_at: string | null;
  adults: number | null;
  children: number | null;
  seniors: number | null;
  redeemed_at: string | null;
  pickup_table: string | null;
}

export interface IssueSlipInput {
  visitId: string;
  householdId: string;
  language: LocaleCode;
  lines: { itemId: string; qty: number }[];
}

export class SlipService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly keyring: SlipKeyring,
  ) {}

  /** Signs and stores a slip. Call inside the transaction that records the visit. */
  issue(input: IssueSlipInput): string {
    const site = requireSite(this.ctx);
    const slipIdBytes = this.ctx.ids.random(SLIP_ID_BYTES);
    const id = toHex(slipIdBytes);
    const issueDay = dayNumber(this.ctx.clock.now());
    const expiryDay = issueDay + site.settings.slipValidDays;
    const keyId = this.keyring.activeKeyId();
    const payload = this.keyring.sign({ version: PAYLOAD_VERSION, keyId, slipId: slipIdBytes, issueDay, expiryDay });
    const taken = this.ctx.db.prepare('SELECT 1 FROM slips WHERE short_code = ?');
    let shortCode = shortCodeFromBytes(this.ctx.ids.random(8));
    while (taken.get(shortCode)) shortCode = shortCodeFromBytes(this.ctx.ids.random(8));
    this.ctx.db
      .prepare(
        `INSERT INTO slips (id, short_code, key_id, visit_id, household_id, language, issue_day, expiry_day, payload, issued_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, shortCode, keyId, input.visitId, input.householdId, input.language, issueDay, expiryDay, payload, nowIso(this.ctx));
    const line = this.ctx.db.prepare('INSERT INTO slip_lines (slip_id, item_id, qty) VALUES (?, ?, ?)');
    for (const l of input.lines) line.run(id, l.itemId, l.qty);
    return id;
  }

  private row(where: 'id' | 'short_code', value: string): SlipRow | undefined {
    return this.ctx.db
      .prepare(
        `SELECT s.id, s.short_code, s.payload, s.language, s.issue_day, s.expiry_day, s.voided_at,
                h.adults, h.children, h.seniors, r.at AS redeemed_at, r.pickup_table
         FROM slips s JOIN households h ON h.id = s.household_id
         LEFT JOIN redemptions r ON r.slip_id = s.id
         WHERE s.${where} = ?`,
      )
      .get(value) as SlipRow | undefined;
  }

  private status(row: SlipRow): SlipStatus {
    if (row.redeemed_at) return { state: 'redeemed', at: row.redeemed_at, table: row.pickup_table };
    if (row.voided_at) return { state: 'void' };
    if (dayNumber(this.ctx.clock.now()) > row.expiry_day) return { state: 'expired' };
    return { state: 'issued' };
  }

  /** The slip as a screen shows it, items named in the slip's language. */
  view(id: string, language?: LocaleCode): SlipView {
    const row = this.row('id', id);
    if (!row) throw new AppError('slip.not_found', `no slip ${id}`);
    return this.toView(row, language ?? row.language);
  }

  private toView(row: SlipRow, language: LocaleCode): SlipView {
    const site = requireSite(this.ctx);
    const lines = this.ctx.db
      .prepare(
        `SELECT l.item_id AS itemId, l.qty, i.unit, COALESCE(n.name, f.name, l.item_id) AS name
         FROM slip_lines l JOIN items i ON i.id = l.item_id
         LEFT JOIN item_names n ON n.item_id = i.id AND n.locale = ?
         LEFT JOIN item_names f ON f.item_id = i.id AND f.locale = ?
         WHERE l.slip_id = ? ORDER BY name`,
      )
      .all(language, site.settings.siteLanguage, row.id) as SlipView['lines'];
    return {
      id: row.id,
      shortCode: row.short_code,
      qrDigits: row.payload,
      siteName: site.name,
      language: row.language,
      householdSize: (row.adults ?? 0) + (row.children ?? 0) + (row.seniors ?? 0),
      issuedOn: dayToIso(row.issue_day),
      validUntil: dayToIso(row.expiry_day),
      lines,
      status: this.status(row),
    };
  }

  /** A scanned QR (digits) or a typed short code. Forged or unknown codes are refused. */
  lookup(code: string): SlipView {
    const site = requireSite(this.ctx);
    const trimmed = code.replace(/\s/g, '');
    let row: SlipRow | undefined;
    if (/^\d+$/.test(trimmed)) {
      const result = this.keyring.verify(trimmed);
      if (!result.ok) {
        if (result.reason === 'unknown_key') throw new AppError('slip.unknown_key', 'signed by a key this site does not have');
        if (result.reason === 'invalid') throw new AppError('slip.invalid', 'signature does not match');
        throw new AppError('slip.unreadable', 'not a slip code');
      }
      row = this.row('id', toHex(result.body.slipId));
    } else {
      const short = normalizeShortCode(trimmed);
      if (!short) throw new AppError('slip.unreadable', 'not a slip code');
      row = this.row('short_code', short);
    }
    if (!row) throw new AppError('slip.not_found', 'no such slip at this site');
    return this.toView(row, site.settings.siteLanguage);
  }

  /**
   * Marks a slip picked up and takes its items from stock, in one transaction. The insert into
   * redemptions is keyed on the slip id, so of two tables scanning the same slip one wins.
   */
  redeem(slipId: string, table: string | null, volunteer: string | null): SlipView {
    const site = requireSite(this.ctx);
    return this.ctx.db
      .transaction(() => {
        const row = this.row('id', slipId);
        if (!row) throw new AppError('slip.not_found', `no slip ${slipId}`);
        const status = this.status(row);
        if (status.state === 'redeemed') {
          throw new AppError('slip.already_redeemed', 'already picked up', { at: status.at, table: status.table ?? '' });
        }
        if (status.state === 'void') throw new AppError('slip.void', 'slip was voided');
        if (status.state === 'expired') throw new AppError('slip.expired', 'slip has expired', { validUntil: dayToIso(row.expiry_day) });
        const inserted = this.ctx.db
          .prepare('INSERT OR IGNORE INTO redemptions (slip_id, at, pickup_table, volunteer) VALUES (?, ?, ?, ?)')
          .run(slipId, nowIso(this.ctx), table, volunteer);
        if (inserted.changes !== 1) throw new AppError('slip.already_redeemed', 'already picked up');
        const lines = this.ctx.db.prepare('SELECT item_id AS itemId, qty FROM slip_lines WHERE slip_id = ?').all(slipId) as {
          itemId: string;
          qty: number;
        }[];
        for (const l of lines) distributeFefo(this.ctx, l.itemId, l.qty, { slipId, volunteer });
        return this.toView(this.row('id', slipId) as SlipRow, site.settings.siteLanguage);
      })
      .immediate();
  }
}
