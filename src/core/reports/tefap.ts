import type { CoreContext } from '../context';
import { nowIso } from '../context';
import { AppError } from '../errors';
import { DAY_MS } from '../../shared/time';
import { declarationFor, Signature, TEFAP_PROGRAMS, TefapSettings, TefapTranslations, type Period, type TefapAnswer } from '../../shared/reports/report';
import type { TefapRecord } from '../../shared/api/channels/month';
import { bounds } from './period';

/** Federal TEFAP records are kept three years (7 CFR 251.10(e)); the site may keep them longer. */
export const DEFAULT_TEFAP_RETENTION_DAYS = 1095;

interface Row {
  enabled: number;
  declaration: string;
  translations: string;
  retention_days: number;
}

/** Only what the column may hold: a text per shipped language, none empty (a stored row is read defensively). */
function readTranslations(raw: string): TefapTranslations {
  try {
    const parsed = TefapTranslations.safeParse(JSON.parse(raw));
    return parsed.success ? withoutEmpty(parsed.data) : {};
  } catch {
    return {};
  }
}

function withoutEmpty(t: TefapTranslations): TefapTranslations {
  return Object.fromEntries(Object.entries(t).filter(([, text]) => text !== '')) as TefapTranslations;
}

/** The site's TEFAP mode; a site that never turned it on reads it off. */
export function tefapSettings(ctx: Pick<CoreContext, 'db'>): TefapSettings {
  const row = ctx.db.prepare('SELECT enabled, declaration, translations, retention_days FROM tefap_settings').get() as Row | undefined;
  if (!row) return { enabled: false, declaration: '', translations: {}, retentionDays: DEFAULT_TEFAP_RETENTION_DAYS };
  return {
    enabled: row.enabled === 1,
    declaration: row.declaration,
    translations: readTranslations(row.translations),
    retentionDays: row.retention_days,
  };
}

/** The mode cannot be on without the declaration the visitor signs; a shorter retention forgets at once. */
export function saveTefapSettings(ctx: CoreContext, input: TefapSettings): TefapSettings {
  const s = TefapSettings.parse(input);
  if (s.enabled && s.declaration === '') {
    throw new AppError('month.tefap_declaration', 'tefap.declaration: the state’s self-declaration text is needed to turn TEFAP mode on', { field: 'declaration' });
  }
  ctx.db
    .prepare(
      `INSERT INTO tefap_settings (singleton, enabled, declaration, translations, retention_days, updated_at) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (singleton) DO UPDATE SET enabled = excluded.enabled, declaration = excluded.declaration,
         translations = excluded.translations, retention_days = excluded.retention_days, updated_at = excluded.updated_at`,
    )
    .run(s.enabled ? 1 : 0, s.declaration, JSON.stringify(withoutEmpty(s.translations)), s.retentionDays, nowIso(ctx));
  forgetOldTefap(ctx);
  return tefapSettings(ctx);
}

/**
 * Writes a visit's TEFAP record, inside the intake's transaction, only while the mode is on: with
 * it off an answer that reaches core anyway (an old form) is not stored. Returns whether it was.
 */
export function recordTefap(
  ctx: CoreContext,
  visit: { visitId: string; householdId: string; size: number; language: string },
  answer: TefapAnswer | undefined,
): boolean {
  const s = tefapSettings(ctx);
  if (!s.enabled || !answer) return false;
  ctx.db
    .prepare(
      `INSERT INTO tefap_records (visit_id, household_id, name, address, household_size, basis, program, signature, declaration, at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      visit.visitId,
      visit.householdId,
      answer.name,
      answer.address || null,
      // The person receiving food is one of the household, even if the size was left unsaid.
      Math.min(50, Math.max(1, visit.size)),
      answer.basis,
      answer.basis === 'categorical' ? (answer.program ?? null) : null,
      answer.signature ?? null,
      // The words she was shown and signed, in the language she chose.
      declarationFor(s, visit.language),
      nowIso(ctx),
    );
  return true;
}

/** Forgets TEFAP records older than the site's retention period, as contacts are forgotten. */
export function forgetOldTefap(ctx: CoreContext): number {
  const { retentionDays } = tefapSettings(ctx);
  const cutoff = new Date(ctx.clock.now().getTime() - retentionDays * DAY_MS).toISOString();
  return ctx.db.prepare('DELETE FROM tefap_records WHERE at < ?').run(cutoff).changes;
}

interface RecordRow {
  visit_id: string;
  at: string;
  name: string;
  address: string | null;
  household_size: number;
  basis: 'income' | 'categorical';
  program: string | null;
  signature: string | null;
}

const RECORD_COLUMNS = 'visit_id, at, name, address, household_size, basis, program, signature';

/** A stored row as the sheet shows it; a programme or signature the sheet could not draw reads as none. */
function toRecord(r: RecordRow): TefapRecord {
  const program = (TEFAP_PROGRAMS as readonly string[]).includes(r.program ?? '') ? (r.program as TefapRecord['program']) : null;
  const signature = r.signature !== null && Signature.safeParse(r.signature).success ? r.signature : null;
  return {
    visitId: r.visit_id,
    at: r.at,
    name: r.name,
    address: r.address,
    householdSize: r.household_size,
    basis: r.basis,
    program,
    signature,
  };
}

/** The days of a period that kept TEFAP records, newest first, with how many each. */
export function tefapDays(ctx: Pick<CoreContext, 'db'>, period: Period): { day: string; records: number }[] {
  const b = bounds(period);
  return ctx.db
    .prepare(
      `SELECT substr(at, 1, 10) AS day, COUNT(*) AS records FROM tefap_records WHERE at >= ? AND at < ?
       GROUP BY day ORDER BY day DESC`,
    )
    .all(b.start, b.end) as { day: string; records: number }[];
}

/** One day's records in the order they were kept: the day's TEFAP sign-in sheet. */
export function tefapSheet(ctx: Pick<CoreContext, 'db'>, day: string): TefapRecord[] {
  const b = bounds({ from: day, to: day });
  return (
    ctx.db
      .prepare(`SELECT ${RECORD_COLUMNS} FROM tefap_records WHERE at >= ? AND at < ? ORDER BY at, visit_id`)
      .all(b.start, b.end) as RecordRow[]
  ).map(toRecord);
}

/** Every record of a period, oldest first, for the CSV. */
export function tefapRecords(ctx: Pick<CoreContext, 'db'>, period: Period): TefapRecord[] {
  const b = bounds(period);
  return (
    ctx.db
      .prepare(`SELECT ${RECORD_COLUMNS} FROM tefap_records WHERE at >= ? AND at < ? ORDER BY at, visit_id`)
      .all(b.start, b.end) as RecordRow[]
  ).map(toRecord);
}
