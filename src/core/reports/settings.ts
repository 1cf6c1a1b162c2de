import { AppError } from '../errors';
import { nowIso, type CoreContext } from '../context';
import { bandProblem, DEFAULT_BANDS, DEFAULT_LEGACY_AGES } from '../../shared/reports/bands';
import { ReportSettings } from '../../shared/reports/report';

interface Row {
  age_bands: string;
  legacy_ages: string;
  weight_unit: string;
  currency: string | null;
}

/** The site's report settings; a site that never saved them reads the defaults. */
export function reportSettings(ctx: Pick<CoreContext, 'db'>): ReportSettings {
  const row = ctx.db.prepare('SELECT age_bands, legacy_ages, weight_unit, currency FROM report_settings').get() as Row | undefined;
  if (!row) return { ageBands: [...DEFAULT_BANDS], legacyAges: { ...DEFAULT_LEGACY_AGES }, weightUnit: 'kg', currency: null };
  return ReportSettings.parse({
    ageBands: JSON.parse(row.age_bands),
    legacyAges: JSON.parse(row.legacy_ages),
    weightUnit: row.weight_unit,
    currency: row.currency,
  });
}

/** Refuses bands with a gap or an overlap before anything is written, naming the field and the age. */
export function saveReportSettings(ctx: CoreContext, settings: ReportSettings): ReportSettings {
  const problem = bandProblem(settings.ageBands);
  if (problem) {
    throw new AppError(problem.problem === 'overlap' ? 'month.bands_overlap' : 'month.bands_gap', `age bands: ${problem.problem} at ${problem.age}`, {
      field: 'ageBands',
      age: problem.age,
    });
  }
  ctx.db
    .prepare(
      `INSERT INTO report_settings (singleton, age_bands, legacy_ages, weight_unit, currency, updated_at) VALUES (1, ?, ?, ?, ?, ?)
       ON CONFLICT (singleton) DO UPDATE SET age_bands = excluded.age_bands, legacy_ages = excluded.legacy_ages,
         weight_unit = excluded.weight_unit, currency = excluded.currency, updated_at = excluded.updated_at`,
    )
    .run(
      JSON.stringify(settings.ageBands),
      JSON.stringify(settings.legacyAges),
      settings.weightUnit,
      // Left out: the stored currency stays.
      settings.currency === undefined ? (reportSettings(ctx).currency ?? null) : settings.currency,
      nowIso(ctx),
    );
  return reportSettings(ctx);
}
