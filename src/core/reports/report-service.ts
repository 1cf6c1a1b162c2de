import type { CoreContext } from '../context';
import type { ParsedInput } from '../../shared/api/contract';
import { yearBefore } from '../../shared/reports/report';
import { buildReport } from './report';
import { buildCharts } from './charts';
import { reportCsv, tefapCsv, visitsCsv } from './csv';
import { forecast } from './forecast';
import { reportSettings, saveReportSettings } from './settings';
import { saveTefapSettings, tefapDays, tefapSettings, tefapSheet } from './tefap';
import { itemWeight, setItemWeight, weightCategories } from './weights';

type Period = ParsedInput<'month.report_csv'>;

/** The coordinator's month: the report, its charts and exports, weights and the forecast. */
export class ReportService {
  constructor(private readonly ctx: CoreContext) {}

  settings() {
    return reportSettings(this.ctx);
  }

  saveSettings(settings: ParsedInput<'month.save_settings'>) {
    return saveReportSettings(this.ctx, settings);
  }

  tefapSettings() {
    return tefapSettings(this.ctx);
  }

  saveTefapSettings(settings: ParsedInput<'month.save_tefap_settings'>) {
    return saveTefapSettings(this.ctx, settings);
  }

  tefapDays(period: ParsedInput<'month.tefap_days'>) {
    return tefapDays(this.ctx, period);
  }

  tefapSheet(day: string) {
    return tefapSheet(this.ctx, day);
  }

  tefapCsv(period: ParsedInput<'month.tefap_csv'>) {
    return { csv: tefapCsv(this.ctx, period) };
  }

  /** A period, and the same period last year when asked. */
  report({ from, to, compare }: ParsedInput<'month.report'>) {
    return { current: buildReport(this.ctx, { from, to }), lastYear: compare ? buildReport(this.ctx, yearBefore({ from, to })) : null };
  }

  charts({ from, to, itemId, language }: ParsedInput<'month.charts'>) {
    return buildCharts(this.ctx, { from, to }, itemId, language);
  }

  reportCsv(period: Period) {
    return { csv: reportCsv(this.ctx, period) };
  }

  visitsCsv(period: ParsedInput<'month.visits_csv'>) {
    return { csv: visitsCsv(this.ctx, period) };
  }

  weightCategories(language: ParsedInput<'month.weight_categories'>['language']) {
    return weightCategories(this.ctx, language);
  }

  itemWeight(itemId: string) {
    return itemWeight(this.ctx, itemId);
  }

  setItemWeight(w: ParsedInput<'month.set_item_weight'>) {
    return setItemWeight(this.ctx, w);
  }

  forecast(itemIds: ParsedInput<'month.forecast'>['itemIds']) {
    return forecast(this.ctx, itemIds);
  }
}
