import type { CoreContext } from '../context';
import { bandOf, type AgeBand } from '../../shared/reports/bands';
import type { Period, Report, ReportSettings, WeightLine } from '../../shared/reports/report';
import { bounds, type Bounds } from './period';
import { reportSettings } from './settings';

interface VisitRow {
  id: string;
  household_id: string;
  adults: number | null;
  children: number | null;
  seniors: number | null;
}
interface PeopleRow {
  visit_id: string;
  age_from: number;
  count: number;
}
interface LedgerRow {
  kind: string;
  category: string;
  source: string;
  units: number;
  grams: number;
  value_cents: number;
}

/** Kinds of movement that bring food in, and the source a transfer from another hub reports as. */
const IN_KINDS = new Set(['receive', 'transfer_in']);

/** The age under which a person is a child, as every food bank form asks it. */
const CHILD_UNDER = 18;

/**
 * The statistics report for any period, from the hub's own records. Each household counts once,
 * by its last visit in the period; "not answered" is its own count, never zero.
 */
export function buildReport(ctx: CoreContext, period: Period, settings: ReportSettings = reportSettings(ctx)): Report {
  const b = bounds(period);
  const db = ctx.db;
  const visits = db
    .prepare('SELECT id, household_id, adults, children, seniors FROM visits WHERE at >= ? AND at < ? ORDER BY at')
    .all(b.start, b.end) as VisitRow[];
  const last = new Map<string, VisitRow>();
  for (const v of visits) last.set(v.household_id, v);

  const people = new Map<string, PeopleRow[]>();
  for (const p of db
    .prepare('SELECT p.visit_id, p.age_from, p.count FROM visits v JOIN visit_people p ON p.visit_id = v.id WHERE v.at >= ? AND v.at < ?')
    .all(b.start, b.end) as PeopleRow[]) {
    const list = people.get(p.visit_id);
    if (list) list.push(p);
    else people.set(p.visit_id, [p]);
  }

  const bands: AgeBand[] = settings.ageBands;
  const counts = bands.map(() => 0);
  let notAnswered = 0;
  let withChildren = 0;
  let withChildrenNotAnswered = 0;
  for (const v of last.values()) {
    const rows = people.get(v.id);
    if (rows) {
      for (const r of rows) counts[bandOf(bands, r.age_from)]! += r.count;
      if (rows.some((r) => r.age_from < CHILD_UNDER && r.count > 0)) withChildren++;
      continue;
    }
    if (v.adults === null && v.children === null && v.seniors === null) {
      notAnswered++;
      withChildrenNotAnswered++;
      continue;
    }
    if (v.children !== null) counts[bandOf(bands, settings.legacyAges.children)]! += v.children;
    if (v.adults !== null) counts[bandOf(bands, settings.legacyAges.adults)]! += v.adults;
    if (v.seniors !== null) counts[bandOf(bands, settings.legacyAges.seniors)]! += v.seniors;
    if (v.children === null) withChildrenNotAnswered++;
    else if (v.children > 0) withChildren++;
  }

  const newHouseholds = (db.prepare('SELECT COUNT(*) AS n FROM households WHERE created_at >= ? AND created_at < ?').get(b.start, b.end) as { n: number }).n;
  const distributionDays = (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM (SELECT day FROM ledger_days WHERE kind = 'distribute' AND day >= ? AND day <= ?
           UNION SELECT substr(at, 1, 10) FROM visits WHERE at >= ? AND at < ?)`,
      )
      .get(b.from, b.to, b.start, b.end) as { n: number }
  ).n;

  return {
    period: { from: b.from, to: b.to },
    households: {
      visits: visits.length,
      distinct: last.size,
      distinctIsUpperBound: true,
      new: newHouseholds,
      withChildren,
      withChildrenNotAnswered,
      tefap: (db.prepare('SELECT COUNT(DISTINCT household_id) AS n FROM tefap_records WHERE at >= ? AND at < ?').get(b.start, b.end) as { n: number }).n,
    },
    individuals: { bands: bands.map((band, i) => ({ band, count: counts[i] ?? 0 })), total: counts.reduce((a, c) => a + c, 0), notAnswered },
    distributionDays,
    weight: { unit: settings.weightUnit, ...weights(ctx, b) },
    volunteers: volunteerTime(ctx, b),
    board: {
      needsMet: (db.prepare("SELECT COUNT(*) AS n FROM needs_offers WHERE closed_at >= ? AND closed_at < ? AND kind = 'need' AND status = 'met'").get(b.start, b.end) as { n: number }).n,
      offersMatched: (db.prepare("SELECT COUNT(*) AS n FROM board_matches WHERE state = 'done' AND updated_at >= ? AND updated_at < ?").get(b.start, b.end) as { n: number }).n,
    },
  };
}

function add(map: Map<string, WeightLine>, key: string, r: LedgerRow, sign: number): void {
  const line = map.get(key) ?? { key, grams: 0, units: 0, valueCents: 0 };
  line.grams += sign * r.grams;
  line.units += sign * r.units;
  line.valueCents += r.value_cents;
  map.set(key, line);
}

const heaviest = (map: Map<string, WeightLine>) => [...map.values()].sort((a, b) => b.grams - a.grams || a.key.localeCompare(b.key));

function weights(ctx: CoreContext, b: Bounds): Omit<Report['weight'], 'unit'> {
  const rows = ctx.db
    .prepare(
      `SELECT kind, category, source, SUM(units) AS units, SUM(grams) AS grams, SUM(value_cents) AS value_cents
       FROM ledger_days WHERE day >= ? AND day <= ? AND kind IN ('receive', 'transfer_in', 'distribute') GROUP BY kind, category, source`,
    )
    .all(b.from, b.to) as LedgerRow[];
  const outByCat = new Map<string, WeightLine>();
  const inByCat = new Map<string, WeightLine>();
  const inBySource = new Map<string, WeightLine>();
  let distributed = 0;
  let received = 0;
  let value = 0;
  for (const r of rows) {
    const category = r.category || 'uncategorised';
    if (r.kind === 'distribute') {
      distributed -= r.grams;
      add(outByCat, category, r, -1);
    } else if (IN_KINDS.has(r.kind)) {
      received += r.grams;
      value += r.value_cents;
      add(inByCat, category, r, 1);
      add(inBySource, r.kind === 'transfer_in' ? 'transfer' : r.source || 'unknown', r, 1);
    }
  }
  return {
    distributedGrams: distributed,
    receivedGrams: received,
    distributedByCategory: heaviest(outByCat),
    receivedByCategory: heaviest(inByCat),
    receivedBySource: heaviest(inBySource),
    inKindValueCents: value,
  };
}

function volunteerTime(ctx: CoreContext, b: Bounds): Report['volunteers'] {
  const rows = ctx.db
    .prepare(
      `SELECT v.name, s.started_at, s.ended_at FROM shifts s JOIN volunteers v ON v.id = s.volunteer_id
       WHERE s.started_at < ? AND (s.ended_at IS NULL OR s.ended_at > ?) ORDER BY v.name`,
    )
    .all(b.end, b.start) as { name: string; started_at: string; ended_at: string | null }[];
  const now = ctx.clock.now().getTime();
  const lo = Date.parse(b.start);
  const hi = Date.parse(b.end);
  const by = new Map<string, { name: string; minutes: number; shifts: number }>();
  let total = 0;
  for (const r of rows) {
    // An open shift counts up to now; every shift only within the period.
    const start = Math.max(lo, Date.parse(r.started_at));
    const end = Math.min(hi, r.ended_at === null ? now : Date.parse(r.ended_at));
    const minutes = Math.max(0, Math.round((end - start) / 60_000));
    const entry = by.get(r.name) ?? { name: r.name, minutes: 0, shifts: 0 };
    entry.minutes += minutes;
    entry.shifts += 1;
    by.set(r.name, entry);
    total += minutes;
  }
  return { totalMinutes: total, byVolunteer: [...by.values()] };
}
