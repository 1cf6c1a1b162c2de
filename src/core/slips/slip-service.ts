import { householdSize } from '../../shared/domain/household';
import type { SlipStatus, SlipView } from '../../shared/domain/slip';
import { PAYLOAD_VERSION, SLIP_ID_BYTES } from '../../shared/slips/payload';
import { dayNumber, dayToIso } from '../../shared/time';
import { toHex } from '../../shared/text';
import { normalizeShortCode, shortCodeFromBytes } from '../../shared/slips/short-code';
import type { DayView, LineOutcome, PickLine, PickLot, PickupView, PrintableSlip, SlipKeyInfo } from '../../shared/slips/schemas';
import type { LocaleCode } from '../../shared/locales';
import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { fefoOrder, planPick, shelfLots } from '../inventory/fefo';
import { itemNameSql } from '../inventory/item-name';
import { distributeFefo } from '../inventory/ledger';
import { requireSite } from '../site/site-service';
import type { SlipKeyring } from './signing';
import type { SessionInfo } from '../site/sessions';
import { mayReadSlip } from './slip-holder';

interface SlipRow {
  id: string;
  short_code: string;
  payload: string;
  language: LocaleCode;
  issue_day: number;
  expiry_day: number;
  voided_at: string | null;
  void_reason: string | null;
  reprints: number;
  adults: number | null;
  children: number | null;
  seniors: number | null;
  /** People counted in the site's age bands at the visit (null: none). */
  banded: number | null;
  redeemed_at: string | null;
  pickup_table: string | null;
  outcome: 'full' | 'partial' | null;
}

export interface IssueSlipInput {
  visitId: string;
  householdId: string;
  language: LocaleCode;
  lines: { itemId: string; qty: number }[];
}

export interface RedeemLineInput {
  itemId: string;
  givenQty: number;
}

const DAY_LIST_LIMIT = 500;

export class SlipService {
  constructor(
    private readonly ctx: CoreContext,
    private readonly keyring: SlipKeyring,
    /** Today's queue number of a slip (the queue's own rule, core/queue); null when it has none. */
    private readonly queueNumber: (slipId: string) => number | null = () => null,
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
        `SELECT s.id, s.short_code, s.payload, s.language, s.issue_day, s.expiry_day, s.voided_at, s.void_reason, s.reprints,
                v.adults, v.children, v.seniors,
                (SELECT SUM(p.count) FROM visit_people p WHERE p.visit_id = s.visit_id) AS banded, r.at AS redeemed_at, r.pickup_table, r.outcome
         FROM slips s JOIN visits v ON v.id = s.visit_id
         LEFT JOIN redemptions r ON r.slip_id = s.id
         WHERE s.${where} = ?`,
      )
      .get(value) as SlipRow | undefined;
  }

  private requireRow(slipId: string): SlipRow {
    const row = this.row('id', slipId);
    if (!row) throw new AppError('slip.not_found', `no slip ${slipId}`);
    return row;
  }

  private status(row: SlipRow): SlipStatus {
    if (row.redeemed_at) return { state: 'redeemed', at: row.redeemed_at, table: row.pickup_table };
    if (row.voided_at) return { state: 'void' };
    if (dayNumber(this.ctx.clock.now()) > row.expiry_day) return { state: 'expired' };
    return { state: 'issued' };
  }

  /** The slip as a screen shows it, items named in the slip's language. */
  view(id: string, language?: LocaleCode): SlipView {
    const row = this.requireRow(id);
    return this.toView(row, language ?? row.language);
  }

  private lines(slipId: string, language: LocaleCode): SlipView['lines'] {
    const site = requireSite(this.ctx);
    const n = itemNameSql('i.id');
    return this.ctx.db
      .prepare(
        `SELECT l.item_id AS itemId, l.qty, i.unit, ${n.name} AS name
         FROM slip_lines l JOIN items i ON i.id = l.item_id
         ${n.joins}
         WHERE l.slip_id = @slip ORDER BY name`,
      )
      .all({ slip: slipId, lang: language, site: site.settings.siteLanguage }) as SlipView['lines'];
  }

  private toView(row: SlipRow, language: LocaleCode): SlipView {
    const site = requireSite(this.ctx);
    return {
      id: row.id,
      shortCode: row.short_code,
      qrDigits: row.payload,
      siteName: site.name,
      language: row.language,
      householdSize: householdSize({ ...row, bands: [{ count: row.banded }] }),
      issuedOn: dayToIso(row.issue_day),
      validUntil: dayToIso(row.expiry_day),
      lines: this.lines(row.id, language),
      status: this.status(row),
    };
  }

  /**
   * The pick list: for a slip still to be picked up, the lots FEFO will take each line from
   * (earliest expiry first, stock without a lot last); once picked up, the lots it was given from
   * and each line's outcome.
   */
  private toPickupView(row: SlipRow, language: LocaleCode): PickupView {
    const view = this.toView(row, language);
    const db = this.ctx.db;
    const givenLots = db.prepare(
      `SELECT m.lot_id AS lotId, l.code, l.expires_on AS expiresOn, -SUM(m.qty) AS qty FROM movements m LEFT JOIN lots l ON l.id = m.lot_id
       WHERE m.slip_id = ? AND m.item_id = ? AND m.kind = 'distribute'
       GROUP BY m.lot_id ORDER BY ${fefoOrder('m.lot_id')}`,
    );
    const outcomes = new Map(
      (
        db.prepare('SELECT item_id AS itemId, given_qty AS givenQty, outcome FROM redemption_lines WHERE slip_id = ?').all(row.id) as {
          itemId: string;
          givenQty: number;
          outcome: LineOutcome;
        }[]
      ).map((o) => [o.itemId, o]),
    );
    const redeemed = row.redeemed_at !== null;
    const pickList: PickLine[] = view.lines.map((line) => {
      const stock = shelfLots(this.ctx, line.itemId);
      const onHand = stock.reduce((sum, lot) => sum + lot.qty, 0);
      const lots: PickLot[] = redeemed
        ? (givenLots.all(row.id, line.itemId) as PickLot[]).filter((l) => l.qty > 0)
        : planPick(stock, line.qty);
      const outcome = outcomes.get(line.itemId);
      // A slip redeemed before per-line outcomes existed was given in full.
      const givenQty = outcome?.givenQty ?? (redeemed ? line.qty : null);
      return { ...line, onHand, lots, givenQty, outcome: outcome?.outcome ?? (redeemed ? 'given' : null) };
    });
    return { ...view, pickList, voidReason: row.void_reason, pickupOutcome: row.outcome, reprints: row.reprints };
  }

  pickupView(slipId: string): PickupView {
    return this.toPickupView(this.requireRow(slipId), requireSite(this.ctx).settings.siteLanguage);
  }

  /** A scanned QR (digits) or a typed short code. Forged or unknown codes are refused. */
  lookup(code: string): PickupView {
    const site = requireSite(this.ctx);
    const trimmed = code.replace(/\s/g, '');
    let row: SlipRow | undefined;
    if (/^\d+$/.test(trimmed)) {
      const result = this.keyring.verify(trimmed);
      if (!result.ok) {
        switch (result.reason) {
          case 'other_site':
            throw new AppError('slip.other_site', `a slip of ${result.siteName}`, { site: result.siteName });
          case 'unknown_key':
            throw new AppError('slip.unknown_key', 'signed by a key this site does not have');
          case 'invalid':
            throw new AppError('slip.invalid', 'signature does not match');
          case 'retired_key':
            throw new AppError('slip.retired_key', 'signed with a key retired before its issue day');
          default:
            throw new AppError('slip.unreadable', 'not a slip code');
        }
      }
      row = this.row('id', toHex(result.body.slipId));
    } else {
      const short = normalizeShortCode(trimmed);
      if (!short) throw new AppError('slip.unreadable', 'not a slip code');
      row = this.row('short_code', short);
    }
    if (!row) throw new AppError('slip.not_found', 'no such slip at this site');
    return this.toPickupView(row, site.settings.siteLanguage);
  }

  private assertOpen(row: SlipRow): void {
    const status = this.status(row);
    if (status.state === 'redeemed') {
      throw new AppError('slip.already_redeemed', 'already picked up', { at: status.at, table: status.table ?? '' });
    }
    if (status.state === 'void') throw new AppError('slip.void', 'slip was voided', { reason: row.void_reason ?? '' });
    if (status.state === 'expired') throw new AppError('slip.expired', 'slip has expired', { validUntil: dayToIso(row.expiry_day) });
  }

  /**
   * Marks a slip picked up and takes what was given from stock, in one transaction. Each line
   * is given in full (the default), in part, or not at all ("not available": kept queryable for
   * the "we need" list). The insert into redemptions is keyed on the slip id, so of two tables
   * scanning the same slip one wins; the other gets 'already picked up' and nothing changes.
   */
  redeem(slipId: string, table: string | null, volunteer: string | null, given?: RedeemLineInput[]): PickupView {
    const site = requireSite(this.ctx);
    return this.ctx.db
      .transaction(() => {
        const row = this.requireRow(slipId);
        this.assertOpen(row);
        const at = nowIso(this.ctx);
        const inserted = this.ctx.db
          .prepare('INSERT OR IGNORE INTO redemptions (slip_id, at, pickup_table, volunteer) VALUES (?, ?, ?, ?)')
          .run(slipId, at, table, volunteer);
        if (inserted.changes !== 1) throw new AppError('slip.already_redeemed', 'already picked up', { at: '', table: '' });
        const lines = this.lines(slipId, site.settings.siteLanguage);
        const wanted = new Map<string, number>();
        for (const g of given ?? []) {
          const line = lines.find((l) => l.itemId === g.itemId);
          if (!line || wanted.has(g.itemId) || g.givenQty > line.qty) {
            throw new AppError('slip.bad_line', `line ${g.itemId} does not match the slip`, { item: line?.name ?? g.itemId });
          }
          wanted.set(g.itemId, g.givenQty);
        }
        const record = this.ctx.db.prepare(
          'INSERT INTO redemption_lines (slip_id, item_id, requested_qty, given_qty, outcome, at) VALUES (?, ?, ?, ?, ?, ?)',
        );
        let partial = false;
        for (const line of lines) {
          const givenQty = wanted.get(line.itemId) ?? line.qty;
          if (givenQty > 0) {
            const taken = distributeFefo(this.ctx, line.itemId, givenQty, { slipId, volunteer });
            if (taken < givenQty) {
              throw new AppError('slip.out_of_stock', `only ${taken} of ${line.itemId} on hand`, { item: line.name, onHand: taken });
            }
          }
          const outcome: LineOutcome = givenQty === line.qty ? 'given' : givenQty === 0 ? 'not_available' : 'partial';
          if (outcome !== 'given') partial = true;
          record.run(slipId, line.itemId, line.qty, givenQty, outcome, at);
        }
        this.ctx.db.prepare('UPDATE redemptions SET outcome = ? WHERE slip_id = ?').run(partial ? 'partial' : 'full', slipId);
        return this.toPickupView(this.requireRow(slipId), site.settings.siteLanguage);
      })
      .immediate();
  }

  /** Cancels a slip that was not picked up (lost, issued by mistake, a duplicate). */
  void(slipId: string, reason: string, volunteer: string | null): PickupView {
    return this.ctx.db
      .transaction(() => {
        const row = this.requireRow(slipId);
        const status = this.status(row);
        if (status.state === 'redeemed') {
          throw new AppError('slip.already_redeemed', 'already picked up', { at: status.at, table: status.table ?? '' });
        }
        if (status.state === 'void') throw new AppError('slip.void', 'slip was voided', { reason: row.void_reason ?? '' });
        this.ctx.db
          .prepare('UPDATE slips SET voided_at = ?, void_reason = ?, voided_by = ? WHERE id = ?')
          .run(nowIso(this.ctx), reason, volunteer, slipId);
        return this.pickupView(slipId);
      })
      .immediate();
  }

  /**
   * The printable slip for one who holds it (its QR digits: the kiosk that issued it) or a
   * volunteer at pickup. Anyone else is told what an unknown id is told, word for word.
   */
  printableFor(slipId: string, qrDigits: string | undefined, session: SessionInfo | null): PrintableSlip {
    if (!mayReadSlip(this.ctx, slipId, qrDigits, session)) throw new AppError('slip.not_found', `no slip ${slipId}`);
    return this.printable(slipId);
  }

  /** The slip ready to print: items in the visitor's language and in the site's, side by side. */
  private printable(slipId: string): PrintableSlip {
    const site = requireSite(this.ctx);
    const row = this.requireRow(slipId);
    const visitor = this.lines(slipId, row.language);
    const volunteer = new Map(this.lines(slipId, site.settings.siteLanguage).map((l) => [l.itemId, l.name]));
    return {
      id: row.id,
      shortCode: row.short_code,
      qrDigits: row.payload,
      siteName: site.name,
      visitorLanguage: row.language,
      siteLanguage: site.settings.siteLanguage,
      issuedOn: dayToIso(row.issue_day),
      validUntil: dayToIso(row.expiry_day),
      lines: visitor.map((l) => ({
        itemId: l.itemId,
        qty: l.qty,
        unit: l.unit,
        visitorName: l.name,
        siteName: volunteer.get(l.itemId) ?? l.name,
      })),
      reprints: row.reprints,
      queueNumber: this.queueNumber(row.id),
    };
  }

  /** A new copy for a visitor who lost theirs: only while the slip can still be picked up. */
  reprint(slipId: string): PrintableSlip {
    return this.ctx.db
      .transaction(() => {
        this.assertOpen(this.requireRow(slipId));
        this.ctx.db.prepare('UPDATE slips SET reprints = reprints + 1 WHERE id = ?').run(slipId);
        return this.printable(slipId);
      })
      .immediate();
  }

  /** Slips issued on a day: how many, how many picked up (fully or partly), voided, still out. */
  day(isoDay?: string): DayView {
    const today = dayNumber(this.ctx.clock.now());
    const day = isoDay ? dayNumber(new Date(`${isoDay}T00:00:00Z`)) : today;
    if (!Number.isFinite(day)) throw new AppError('api.invalid_input', 'not a day', { field: 'day' });
    const rows = this.ctx.db
      .prepare(
        `SELECT s.id, s.short_code AS shortCode, s.issued_at AS issuedAt, s.voided_at AS voidedAt, s.expiry_day AS expiryDay,
                r.at AS pickedUpAt, r.pickup_table AS "table", r.outcome,
                (SELECT COUNT(*) FROM slip_lines l WHERE l.slip_id = s.id) AS lines
         FROM slips s LEFT JOIN redemptions r ON r.slip_id = s.id
         WHERE s.issue_day = ? ORDER BY s.issued_at DESC, s.rowid DESC`,
      )
      .all(day) as {
      id: string;
      shortCode: string;
      issuedAt: string;
      voidedAt: string | null;
      expiryDay: number;
      pickedUpAt: string | null;
      table: string | null;
      outcome: 'full' | 'partial' | null;
      lines: number;
    }[];
    const slips = rows.map((r) => ({
      id: r.id,
      shortCode: r.shortCode,
      issuedAt: r.issuedAt,
      state: r.pickedUpAt
        ? r.outcome === 'partial'
          ? ('partial' as const)
          : ('redeemed' as const)
        : r.voidedAt
          ? ('void' as const)
          : today > r.expiryDay
            ? ('expired' as const)
            : ('issued' as const),
      pickedUpAt: r.pickedUpAt,
      table: r.table,
      lines: r.lines,
    }));
    const count = (state: string) => slips.filter((s) => s.state === state).length;
    return {
      day: dayToIso(day),
      issued: slips.length,
      pickedUp: count('redeemed') + count('partial'),
      partial: count('partial'),
      voided: count('void'),
      outstanding: count('issued'),
      slips: slips.slice(0, DAY_LIST_LIMIT),
    };
  }

  keys(): SlipKeyInfo[] {
    return this.keyring.list();
  }

  rotateKey(): SlipKeyInfo[] {
    this.ctx.db.transaction(() => this.keyring.rotate(this.ctx.keys.generate(), nowIso(this.ctx))).immediate();
    return this.keyring.list();
  }
}
