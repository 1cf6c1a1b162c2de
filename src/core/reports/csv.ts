import { createHash } from 'node:crypto';
import type { CoreContext } from '../context';
import { csvCell } from '../exchange/csv';
import { requireSite } from '../site/site-service';
import { bandLabel, bandOf } from '../../shared/reports/bands';
import type { Period, Report } from '../../shared/reports/report';
import { fromGrams } from '../../shared/reports/weight';
import { bounds } from './period';
import { buildReport } from './report';
import { reportSettings } from './settings';
import { tefapRecords } from './tefap';

const line = (cells: unknown[]) => `${cells.map(csvCell).join(',')}\r\n`;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * The report, one figure a row: `figure,key,value`. Keys are stable English (docs/reports.md maps
 * each to the food-bank forms); "not answered" figures are rows of their own. No names.
 */
export function reportCsv(ctx: CoreContext, period: Period): string {
  const r: Report = buildReport(ctx, period);
  const u = r.weight.unit;
  const w = (g: number) => round1(fromGrams(g, u));
  const rows: unknown[][] = [
    ['figure', 'key', 'value'],
    ['period_from', '', r.period.from],
    ['period_to', '', r.period.to],
    ['households_served_upper_bound', '', r.households.distinct],
    ['visits', '', r.households.visits],
    ['new_households', '', r.households.new],
    ['households_with_children', '', r.households.withChildren],
    ['households_with_children_not_answered', '', r.households.withChildrenNotAnswered],
    ['tefap_households', '', r.households.tefap],
    ...r.individuals.bands.map((b) => ['individuals', bandLabel(b.band), b.count]),
    ['individuals_total', '', r.individuals.total],
    ['households_size_not_answered', '', r.individuals.notAnswered],
    ['distribution_days', '', r.distributionDays],
    [`weight_distributed_${u}`, '', w(r.weight.distributedGrams)],
    ...r.weight.distributedByCategory.map((l) => [`weight_distributed_${u}_by_category`, l.key, w(l.grams)]),
    [`weight_received_${u}`, '', w(r.weight.receivedGrams)],
    ...r.weight.receivedByCategory.map((l) => [`weight_received_${u}_by_category`, l.key, w(l.grams)]),
    ...r.weight.receivedBySource.map((l) => [`weight_received_${u}_by_source`, l.key, w(l.grams)]),
    // Keyed by the currency it is counted in (Month settings; empty when none was chosen).
    ['in_kind_value', reportSettings(ctx).currency ?? '', (r.weight.inKindValueCents / 100).toFixed(2)],
    ['volunteer_hours', '', round1(r.volunteers.totalMinutes / 60)],
    ['volunteers', '', r.volunteers.byVolunteer.length],
    ['needs_met', '', r.board.needsMet],
    ['offers_matched', '', r.board.offersMatched],
  ];
  return `\uFEFF${rows.map(line).join('')}`;
}

interface VisitCsvRow {
  id: string;
  household_id: string;
  at: string;
  adults: number | null;
  children: number | null;
  seniors: number | null;
  created_at: string;
  /** 1 when the visit has a TEFAP record. */
  tefap: number;
  grams: number | null;
}

/**
 * One row per visit: date, a household key (a hash of the site and household: the same household
 * has the same key in every export from this hub, and no name or slip code), people per band,
 * new or returning, TEFAP flag, weight given. An empty band cell is "not answered".
 */
export function visitsCsv(ctx: CoreContext, period: Period): string {
  const b = bounds(period);
  const site = requireSite(ctx);
  const settings = reportSettings(ctx);
  const bands = settings.ageBands;
  const u = settings.weightUnit;
  const rows = ctx.db
    .prepare(
      `SELECT v.id, v.household_id, v.at, v.adults, v.children, v.seniors, h.created_at,
         EXISTS (SELECT 1 FROM tefap_records t WHERE t.visit_id = v.id) AS tefap,
         (SELECT SUM(COALESCE(m.weight_g, CAST(round(-m.qty * CASE i.unit WHEN 'kg' THEN 1000.0 WHEN 'lb' THEN 453.59237 ELSE COALESCE(i.unit_weight_g, 0) END) AS INTEGER)))
            FROM slips s JOIN movements m ON m.slip_id = s.id AND m.kind = 'distribute' JOIN items i ON i.id = m.item_id WHERE s.visit_id = v.id) AS grams
       FROM visits v JOIN households h ON h.id = v.household_id WHERE v.at >= ? AND v.at < ? ORDER BY v.at`,
    )
    .all(b.start, b.end) as VisitCsvRow[];
  const people = ctx.db.prepare('SELECT age_from, count FROM visit_people WHERE visit_id = ?');
  let out = `\uFEFF${line(['date', 'household_key', ...bands.map((x) => `people_${bandLabel(x)}`), 'new_or_returning', 'tefap', `weight_${u}`])}`;
  for (const r of rows) {
    const cells: (number | null)[] = bands.map(() => null);
    const put = (age: number, n: number | null) => {
      if (n === null) return;
      const i = bandOf(bands, age);
      cells[i] = (cells[i] ?? 0) + n;
    };
    const given = people.all(r.id) as { age_from: number; count: number }[];
    if (given.length > 0) for (const p of given) put(p.age_from, p.count);
    else {
      put(settings.legacyAges.children, r.children);
      put(settings.legacyAges.adults, r.adults);
      put(settings.legacyAges.seniors, r.seniors);
    }
    const key = createHash('sha256').update(`${site.id}:${r.household_id}`).digest('hex').slice(0, 12);
    const fresh = r.created_at.slice(0, 10) === r.at.slice(0, 10) ? 'new' : 'returning';
    out += line([r.at.slice(0, 10), key, ...cells, fresh, r.tefap, r.grams === null ? '' : round1(fromGrams(r.grams, u))]);
  }
  return out;
}

/**
 * A period's TEFAP records, one row per visit that received USDA food: date, time (UTC), the
 * name and address as given, household size, basis, programme and whether it was signed. The
 * only export with names: what a food bank's TEFAP review asks to see (docs/reports.md).
 */
export function tefapCsv(ctx: CoreContext, period: Period): string {
  let out = `\uFEFF${line(['date', 'time_utc', 'name', 'address', 'household_size', 'basis', 'program', 'signed'])}`;
  for (const r of tefapRecords(ctx, period)) {
    out += line([r.at.slice(0, 10), r.at.slice(11, 16), r.name, r.address ?? '', r.householdSize, r.basis, r.program ?? '', r.signature ? 'yes' : 'no']);
  }
  return out;
}
