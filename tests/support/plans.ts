import type { Db } from '../../src/core/db/open';

/** One statement a call ran, with the parameters it ran with and SQLite's plan for it. */
export interface RanStatement {
  sql: string;
  plan: string[];
}

/** Tables that grow with every visit, pickup and movement: a hot read must never walk them. */
export const HISTORY_TABLES = ['slips', 'slip_lines', 'redemptions', 'redemption_lines', 'movements', 'visits', 'households'] as const;

/**
 * Runs `fn` and records every SELECT it prepared and ran, with the query plan SQLite chose for
 * it under the same parameters. The real statements, not copies of their SQL.
 */
export function recordPlans<T>(db: Db, fn: () => T): { result: T; statements: RanStatement[] } {
  const seen: { sql: string; args: unknown[] }[] = [];
  const original = db.prepare.bind(db);
  // The database hands back one compiled statement per SQL text (core/db/open.ts): each is
  // wrapped once, however often it is prepared, and given back its own methods afterwards.
  const wrapped = new Map<object, Record<string, unknown>>();
  const spy = ((sql: string) => {
    const stmt = original(sql);
    if (!/^\s*(WITH|SELECT)\b/i.test(sql) || wrapped.has(stmt)) return stmt;
    const own = stmt as unknown as Record<string, unknown>;
    const before: Record<string, unknown> = {};
    for (const method of ['all', 'get', 'iterate'] as const) {
      before[method] = Object.prototype.hasOwnProperty.call(own, method) ? own[method] : undefined;
      const run = stmt[method].bind(stmt) as (...args: unknown[]) => unknown;
      own[method] = (...args: unknown[]) => {
        seen.push({ sql, args });
        return run(...args);
      };
    }
    wrapped.set(stmt, before);
    return stmt;
  }) as Db['prepare'];
  db.prepare = spy;
  let result: T;
  try {
    result = fn();
  } finally {
    db.prepare = original;
    for (const [stmt, before] of wrapped) {
      const own = stmt as Record<string, unknown>;
      for (const [method, fnBefore] of Object.entries(before)) {
        if (fnBefore === undefined) delete own[method];
        else own[method] = fnBefore;
      }
    }
  }
  const statements = seen.map(({ sql, args }) => ({
    sql,
    plan: (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail),
  }));
  return { result, statements };
}

/** The names each history table goes by in `sql` (itself, or an alias). */
function namesOf(sql: string, table: string): string[] {
  const names = [table];
  const re = new RegExp(
    `\\b${table}\\s+(?:AS\\s+)?(?!ON\\b|WHERE\\b|JOIN\\b|LEFT\\b|INDEXED\\b|GROUP\\b|ORDER\\b|USING\\b)([A-Za-z_][A-Za-z0-9_]*)`,
    'gi',
  );
  for (const m of sql.matchAll(re)) if (m[1]) names.push(m[1]);
  return names;
}

/** Plan lines that walk a whole history table (a SCAN, with or without an index). */
export function historyScans(statements: RanStatement[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    for (const table of HISTORY_TABLES) {
      for (const name of namesOf(s.sql, table)) {
        for (const line of s.plan)
          if (new RegExp(`^SCAN ${name}\\b`).test(line)) out.push(`${table} (${line}) in: ${s.sql.trim().slice(0, 120)}`);
      }
    }
  }
  return out;
}

/** Whether any statement reads a history table at all (scan or search). */
export function touches(statements: RanStatement[], table: (typeof HISTORY_TABLES)[number]): boolean {
  return statements.some((s) =>
    namesOf(s.sql, table).some((name) => s.plan.some((line) => new RegExp(`^(SCAN|SEARCH) ${name}\\b`).test(line))),
  );
}
