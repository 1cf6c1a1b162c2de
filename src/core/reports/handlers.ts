import type { Handlers } from '../handlers';
import type { ShiftService } from '../shifts/shift-service';
import type { ReportService } from './report-service';

type MonthChannel =
  | 'month.settings'
  | 'month.save_settings'
  | 'month.tefap_settings'
  | 'month.save_tefap_settings'
  | 'month.tefap_days'
  | 'month.tefap_sheet'
  | 'month.tefap_csv'
  | 'month.report'
  | 'month.charts'
  | 'month.report_csv'
  | 'month.visits_csv'
  | 'month.weight_categories'
  | 'month.item_weight'
  | 'month.set_item_weight'
  | 'month.forecast'
  | 'shifts.start'
  | 'shifts.end'
  | 'shifts.today'
  | 'shifts.correct'
  | 'shifts.close_day';

export function monthHandlers(reports: ReportService, shifts: ShiftService): Pick<Handlers, MonthChannel> {
  return {
    'month.settings': () => reports.settings(),
    'month.save_settings': (settings) => reports.saveSettings(settings),
    'month.tefap_settings': () => reports.tefapSettings(),
    'month.save_tefap_settings': (settings) => reports.saveTefapSettings(settings),
    'month.tefap_days': (period) => reports.tefapDays(period),
    'month.tefap_sheet': ({ day }) => reports.tefapSheet(day),
    'month.tefap_csv': (period) => reports.tefapCsv(period),
    'month.report': (input) => reports.report(input),
    'month.charts': (input) => reports.charts(input),
    'month.report_csv': (period) => reports.reportCsv(period),
    'month.visits_csv': (period) => reports.visitsCsv(period),
    'month.weight_categories': ({ language }) => reports.weightCategories(language),
    'month.item_weight': ({ itemId }) => reports.itemWeight(itemId),
    'month.set_item_weight': (w) => reports.setItemWeight(w),
    'month.forecast': ({ itemIds }) => reports.forecast(itemIds),
    'shifts.start': (_input, call) => shifts.startFor(call.session),
    'shifts.end': (_input, call) => shifts.endFor(call.session),
    'shifts.today': () => shifts.today(),
    'shifts.correct': ({ id, startedAt, endedAt }) => shifts.correct(id, startedAt, endedAt),
    'shifts.close_day': () => shifts.closeAll(),
  };
}
