import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import type { ParsedInput } from '../../shared/api/contract';
import type { Donor, DonorReceipt, DonorSummary } from '../../shared/api/channels/donors';
import { isoDay } from '../../shared/time';
import { itemNameSql } from '../inventory/item-name';
import { requireSite } from '../site/site-service';
import { bounds } from '../reports/period';
import { reportSettings } from '../reports/settings';
import { movementGramsSql } from '../reports/weights';

/** What a removed person's name becomes: no screen shows a removed donor, and nothing of them is kept. */
const REMOVED_PERSON = '-';

interface Row {
  id: string;
  kind: Donor['kind'];
  name: string;
  contact: string | null;
  language: Donor['language'];
}

/**
 * The hub's donors: organisations and people who give. The stock room picks them by name; only
 * the coordinator sees how to reach them (donors.contacts), as with a household's contact.
 */
export class DonorService {
  constructor(private readonly ctx: CoreContext) {}

  private rows(): Row[] {
    return this.ctx.db
      .prepare('SELECT id, kind, name, contact, language FROM donors WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE, id')
      .all() as Row[];
  }

  list(): DonorSummary[] {
    return this.rows().map(({ id, kind, name, language }) => ({ id, kind, name, language }));
  }

  /** The currency a receipt's in-kind value is typed and printed in. */
  currency(): { currency: string | null } {
    return { currency: reportSettings(this.ctx).currency ?? null };
  }

  contacts(): Donor[] {
    return this.rows();
  }

  private get(id: string): Row {
    const row = this.ctx.db.prepare('SELECT id, kind, name, contact, language FROM donors WHERE id = ? AND removed_at IS NULL').get(id) as
      Row | undefined;
    if (!row) throw new AppError('month.donor_not_found', `no donor ${id}`, { field: 'donor' });
    return row;
  }

  /** Creates or updates a donor under the id the screen chose (a second Save changes nothing more). */
  save(d: ParsedInput<'donors.save'>): Donor {
    const contact = d.contact === null || d.contact === '' ? null : d.contact;
    this.ctx.db
      .prepare(
        `INSERT INTO donors (id, kind, name, contact, language, created_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, contact = excluded.contact, language = excluded.language
         WHERE donors.removed_at IS NULL`,
      )
      .run(d.id, d.kind, d.name, contact, d.language, nowIso(this.ctx));
    // A removed donor stays removed (a screen still open on them saves nothing back).
    return this.get(d.id);
  }

  /**
   * Off the list, for good: the stock room can no longer choose them and no receipt is made. How
   * to reach them is forgotten, and a person's name as well (an organisation's stays, so the
   * ledger still says which store gave). The row stays because the ledger's receipts name it.
   */
  remove(id: string): { id: string } {
    this.ctx.db
      .transaction(() => {
        const row = this.get(id);
        this.ctx.db
          .prepare(`UPDATE donors SET removed_at = ?, contact = NULL, name = CASE WHEN kind = 'person' THEN ? ELSE name END WHERE id = ?`)
          .run(nowIso(this.ctx), REMOVED_PERSON, row.id);
      })
      .immediate();
    return { id };
  }

  /** What the donor gave in the period, item names in the donor's language. */
  receipt({ donorId, from, to }: ParsedInput<'donors.receipt'>): DonorReceipt {
    const donor = this.get(donorId);
    const b = bounds({ from, to });
    const site = requireSite(this.ctx);
    const settings = reportSettings(this.ctx);
    const n = itemNameSql('i.id');
    const lines = (
      this.ctx.db
        .prepare(
          `SELECT substr(m.at, 1, 10) AS day, ${n.name} AS name, m.qty, i.unit, ${movementGramsSql()} AS grams, m.value_cents
           FROM movements m JOIN items i ON i.id = m.item_id ${n.joins}
           WHERE m.donor_id = @donor AND m.kind = 'receive' AND m.at >= @start AND m.at < @end
           ORDER BY m.at, m.rowid`,
        )
        .all({ donor: donorId, start: b.start, end: b.end, lang: donor.language, site: site.settings.siteLanguage }) as {
        day: string;
        name: string;
        qty: number;
        unit: string;
        grams: number;
        value_cents: number | null;
      }[]
    ).map((r) => ({ day: r.day, name: r.name, qty: r.qty, unit: r.unit, grams: r.grams, valueCents: r.value_cents }));
    if (lines.length === 0) throw new AppError('donors.no_receipts', 'nothing received from this donor in the period', { field: 'period' });
    return {
      hub: site.name,
      donor: { id: donor.id, kind: donor.kind, name: donor.name, language: donor.language },
      period: { from, to },
      issuedOn: isoDay(this.ctx.clock.now().getTime()),
      unit: settings.weightUnit,
      currency: settings.currency ?? null,
      lines,
      totalGrams: lines.reduce((s, l) => s + l.grams, 0),
      totalValueCents: lines.reduce((s, l) => s + (l.valueCents ?? 0), 0),
    };
  }
}
