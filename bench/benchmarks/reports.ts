import Database from 'better-sqlite3';
import type { Benchmark } from '../harness';
import type { BenchContext } from '../run';

const DAY_MS = 86_400_000;
const END = Date.UTC(2026, 10, 28);
const YEARS = 5;

async function login(ctx: BenchContext): Promise<string> {
  const r = await ctx.site.core.dispatch('auth.login', { input: { pin: '1234' } });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return (r.value as { token: string }).token;
}

/**
 * The shared seed stamps every visit with one instant. A report needs five years of history:
 * spread the visits evenly over five years (several a household, as returning visits are) and
 * date each household by its first visit. Runs once, after the benchmarks that read slips.
 */
const spread = new WeakSet<BenchContext>();

function spreadVisits(ctx: BenchContext): void {
  if (spread.has(ctx)) return;
  spread.add(ctx);
  const db = ctx.site.core.ctx.db;
  const n = (db.prepare('SELECT COUNT(*) AS n FROM visits').get() as { n: number }).n;
  if (n === 0) return;
  const span = YEARS * 365 * DAY_MS;
  db.transaction(() => {
    db.prepare("UPDATE visits SET at = strftime('%Y-%m-%dT%H:%M:%fZ', (? + (rowid * ?) / ?) / 1000.0, 'unixepoch')").run(
      END - span,
      span,
      n,
    );
    db.exec(
      'UPDATE households SET created_at = f.first FROM (SELECT household_id, MIN(at) AS first FROM visits GROUP BY household_id) AS f WHERE f.household_id = households.id',
    );
    // A few shifts a distribution day, so volunteer hours are not an empty sum.
    const vol = db.prepare('SELECT id FROM volunteers LIMIT 1').get() as { id: string };
    const shift = db.prepare(
      "INSERT OR IGNORE INTO shifts (id, volunteer_id, started_at, ended_at, ended_by) VALUES (?, ?, ?, ?, 'volunteer')",
    );
    for (let d = 0; d < YEARS * 365; d += 2) {
      const start = END - span + d * DAY_MS + 9 * 3_600_000;
      shift.run(`bench-shift-${d}`, vol.id, new Date(start).toISOString(), new Date(start + 4 * 3_600_000).toISOString());
    }
  })();
}

/** The same aggregate as month.report, written as bare SQL against better-sqlite3. */
function rawReport(db: Database.Database, from: string, to: string, start: string, end: string): unknown {
  return {
    visits: db.prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT household_id) AS d FROM visits WHERE at >= ? AND at < ?').get(start, end),
    people: db
      .prepare(
        `WITH last AS (SELECT adults, children, seniors, ROW_NUMBER() OVER (PARTITION BY household_id ORDER BY at DESC) AS rn FROM visits WHERE at >= ? AND at < ?)
         SELECT SUM(children) AS c, SUM(adults) AS a, SUM(seniors) AS s, SUM(adults IS NULL AND children IS NULL AND seniors IS NULL) AS na,
                SUM(children > 0) AS wc, SUM(children IS NULL) AS wcna FROM last WHERE rn = 1`,
      )
      .get(start, end),
    people_bands: db
      .prepare(
        'SELECT p.age_from, SUM(p.count) FROM visits v JOIN visit_people p ON p.visit_id = v.id WHERE v.at >= ? AND v.at < ? GROUP BY 1',
      )
      .all(start, end),
    fresh: db.prepare('SELECT COUNT(*) FROM households WHERE created_at >= ? AND created_at < ?').get(start, end),
    days: db
      .prepare(
        "SELECT COUNT(*) FROM (SELECT day FROM ledger_days WHERE kind = 'distribute' AND day >= ? AND day <= ? UNION SELECT substr(at, 1, 10) FROM visits WHERE at >= ? AND at < ?)",
      )
      .get(from, to, start, end),
    weight: db
      .prepare(
        'SELECT kind, category, source, SUM(units), SUM(grams), SUM(value_cents) FROM ledger_days WHERE day >= ? AND day <= ? GROUP BY 1, 2, 3',
      )
      .all(from, to),
    shifts: db
      .prepare(
        'SELECT volunteer_id, SUM(julianday(ended_at) - julianday(started_at)) FROM shifts WHERE started_at < ? AND ended_at > ? GROUP BY 1',
      )
      .all(end, start),
    met: db
      .prepare("SELECT COUNT(*) FROM needs_offers WHERE closed_at >= ? AND closed_at < ? AND kind = 'need' AND status = 'met'")
      .get(start, end),
    matched: db.prepare("SELECT COUNT(*) FROM board_matches WHERE state = 'done' AND updated_at >= ? AND updated_at < ?").get(start, end),
  };
}

function rawCharts(db: Database.Database, from: string, to: string, start: string, end: string, itemId: string): unknown {
  return [
    db.prepare('SELECT substr(at, 1, 10), COUNT(*) FROM visits WHERE at >= ? AND at < ? GROUP BY 1').all(start, end),
    db.prepare('SELECT day, SUM(grams) FROM ledger_days WHERE day >= ? AND day <= ? GROUP BY day, kind').all(from, to),
    db
      .prepare(
        "SELECT category, SUM(kind = 'need'), SUM(kind = 'offer') FROM needs_offers WHERE created_at >= ? AND created_at < ? GROUP BY 1 ORDER BY 2 + 3 DESC LIMIT 8",
      )
      .all(start, end),
    db
      .prepare(
        `SELECT substr(v.at, 1, 7), COUNT(DISTINCT v.household_id), COUNT(DISTINCT CASE WHEN substr(h.created_at, 1, 7) = substr(v.at, 1, 7) THEN v.household_id END)
         FROM visits v JOIN households h ON h.id = v.household_id WHERE v.at >= ? AND v.at < ? GROUP BY 1`,
      )
      .all(start, end),
    db.prepare('SELECT substr(at, 1, 10), SUM(qty) FROM movements WHERE item_id = ? AND at >= ? GROUP BY 1').all(itemId, start),
  ];
}

/** month.report for October 2026 on five years of a busy hub, beside the bare SQL. */
export function reportsMonth(ctx: BenchContext): Benchmark {
  let token = '';
  let db: Database.Database;
  return {
    name: 'reports.month',
    n: 50,
    async setup() {
      spreadVisits(ctx);
      token = await login(ctx);
      db = new Database(ctx.site.file, { readonly: true });
    },
    async run() {
      const r = await ctx.site.core.dispatch('month.report', { input: { from: '2026-10-01', to: '2026-10-31' }, session: token });
      if (!r.ok) throw new Error(JSON.stringify(r));
    },
    raw() {
      return rawReport(db, '2026-10-01', '2026-10-31', '2026-10-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z');
    },
    teardown() {
      db.close();
    },
  };
}

/** A year of the Month screen's chart series, with one item's stock over time. */
export function reportsYearCharts(ctx: BenchContext): Benchmark {
  let token = '';
  let db: Database.Database;
  return {
    name: 'reports.year_charts',
    n: 20,
    async setup() {
      spreadVisits(ctx);
      token = await login(ctx);
      db = new Database(ctx.site.file, { readonly: true });
    },
    async run() {
      const r = await ctx.site.core.dispatch('month.charts', {
        input: { from: '2025-11-28', to: '2026-11-27', itemId: 'item-7', language: 'en' },
        session: token,
      });
      if (!r.ok) throw new Error(JSON.stringify(r));
    },
    raw() {
      return rawCharts(db, '2025-11-28', '2026-11-27', '2025-11-28T00:00:00.000Z', '2026-11-28T00:00:00.000Z', 'item-7');
    },
    teardown() {
      db.close();
    },
  };
}
