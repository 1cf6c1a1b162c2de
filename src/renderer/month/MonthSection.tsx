import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Report } from '../../shared/reports/report';
import { bandLabel } from '../../shared/reports/bands';
import { formatWeight, fromGrams } from '../../shared/reports/weight';
import type { LocaleCode } from '../../shared/locales';
import { LOCALE_CODES } from '../../shared/locales';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import type { SectionProps } from '../volunteer/section-props';
import { BarChart } from './BarChart';
import { BandSettings } from './BandSettings';
import { TefapSettings } from './TefapSettings';
import { CountingSettings } from './CountingSettings';
import { TefapRecords } from './TefapRecords';
import { currentMonth, shiftMonth, type MonthPeriod } from './period';
import './month.css';
import { downloadCsv } from '../format/download';

interface Figure {
  key: string;
  label: string;
  value: (r: Report) => string;
  note?: string;
}

/**
 * The coordinator's month: the food bank's statistics report for a period (and the same period
 * a year before), its charts with a data table beside each, and the exports. Every control is a
 * button: no typing, so it works by touch alone.
 */
export function MonthSection({ siteName, settings }: SectionProps) {
  const { t, i18n } = useTranslation('month');
  const language = (LOCALE_CODES as readonly string[]).includes(i18n.language) ? (i18n.language as LocaleCode) : settings.siteLanguage;
  const [period, setPeriod] = useState<MonthPeriod>(() => currentMonth(new Date()));
  const [compare, setCompare] = useState(false);
  const [itemId, setItemId] = useState<string | null>(null);
  const [showSettings, setShowSettings] = useState(false);
  // While a TEFAP sheet is being printed, it is the one printout on <body>.
  const [sheetOpen, setSheetOpen] = useState(false);
  // Keyed by the period: the month on screen stays until the next one is read, and an older
  // month's answer never replaces it. Saving the bands or TEFAP reads the report again (their invalidates).
  const reportRead = useApiQuery('month.report', { from: period.from, to: period.to, compare }, { keepPrevious: true });
  const chartsRead = useApiQuery('month.charts', { from: period.from, to: period.to, itemId, language }, { keepPrevious: true });
  const report = reportRead.data ?? null;
  const charts = chartsRead.data ?? null;
  // In-kind values in the hub's currency when it chose one (the counting settings).
  const currency = useApiQuery('month.settings', {}).data?.currency ?? null;
  const items = useApiQuery('inventory.stock', { language, sort: 'on_hand', limit: 6 }, { keepPrevious: true }).data?.rows ?? [];
  // The exports are snapshots a tap asks for: nothing caches them.
  const reportCsv = useApiMutation('month.report_csv');
  const visitsCsv = useApiMutation('month.visits_csv');
  const error = reportCsv.error ?? visitsCsv.error ?? reportRead.error ?? chartsRead.error;

  const n = new Intl.NumberFormat(language);
  const unit = report?.current.weight.unit ?? 'kg';
  const w = (g: number) => formatWeight(g, unit, language);
  const month = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const dayLabel = (d: string) => day.format(new Date(`${d}T00:00:00Z`));
  const monthLabel = (m: string) => month.format(new Date(`${m}-01T00:00:00Z`));
  const withNotAnswered = (count: number, na: number) =>
    na > 0 ? `${n.format(count)} · ${t('notAnswered')}: ${n.format(na)}` : n.format(count);
  const lines = (ls: Report['weight']['receivedBySource'], prefix: 'source' | 'weightCategory') =>
    ls.length === 0 ? '—' : ls.map((l) => `${t(`${prefix}.${l.key}`, { defaultValue: l.key })}: ${w(l.grams)}`).join('; ');

  const figures: Figure[] = [
    { key: 'distinct', label: t('fig.distinct'), value: (r) => n.format(r.households.distinct), note: t('upperBound') },
    { key: 'visits', label: t('fig.visits'), value: (r) => n.format(r.households.visits) },
    { key: 'new', label: t('fig.new'), value: (r) => n.format(r.households.new) },
    {
      key: 'withChildren',
      label: t('fig.withChildren'),
      value: (r) => withNotAnswered(r.households.withChildren, r.households.withChildrenNotAnswered),
    },
    { key: 'tefap', label: t('fig.tefap'), value: (r) => n.format(r.households.tefap), note: t('fig.tefapNote') },
    ...(report?.current.individuals.bands ?? []).map((b, i) => ({
      key: `band-${i}`,
      label: `${t('fig.individuals')} ${bandLabel(b.band)}`,
      value: (r: Report) => n.format(r.individuals.bands[i]?.count ?? 0),
    })),
    { key: 'total', label: t('fig.total'), value: (r) => withNotAnswered(r.individuals.total, r.individuals.notAnswered) },
    { key: 'days', label: t('fig.days'), value: (r) => n.format(r.distributionDays) },
    { key: 'distributed', label: t('fig.distributed'), value: (r) => w(r.weight.distributedGrams) },
    {
      key: 'distributedCat',
      label: `${t('fig.distributed')} · ${t('fig.byCategory')}`,
      value: (r) => lines(r.weight.distributedByCategory, 'weightCategory'),
    },
    { key: 'received', label: t('fig.received'), value: (r) => w(r.weight.receivedGrams) },
    {
      key: 'receivedCat',
      label: `${t('fig.received')} · ${t('fig.byCategory')}`,
      value: (r) => lines(r.weight.receivedByCategory, 'weightCategory'),
    },
    { key: 'receivedSrc', label: `${t('fig.received')} · ${t('fig.bySource')}`, value: (r) => lines(r.weight.receivedBySource, 'source') },
    {
      key: 'value',
      label: t('fig.value'),
      value: (r) =>
        new Intl.NumberFormat(
          language,
          currency ? { style: 'currency', currency } : { minimumFractionDigits: 2, maximumFractionDigits: 2 },
        ).format(r.weight.inKindValueCents / 100),
    },
    {
      key: 'hours',
      label: t('fig.hours'),
      value: (r) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(r.volunteers.totalMinutes / 60),
    },
    { key: 'volunteers', label: t('fig.volunteers'), value: (r) => n.format(r.volunteers.byVolunteer.length) },
    { key: 'needsMet', label: t('fig.needsMet'), value: (r) => n.format(r.board.needsMet) },
    { key: 'offersMatched', label: t('fig.offersMatched'), value: (r) => n.format(r.board.offersMatched) },
  ];

  const save = async (what: 'report' | 'visits') => {
    // One message at a time: the other export's refusal is forgotten.
    (what === 'report' ? visitsCsv : reportCsv).reset();
    const r = await (what === 'report' ? reportCsv : visitsCsv).call({ from: period.from, to: period.to });
    if (!r.ok) return;
    downloadCsv(`${what}-${period.month}.csv`, r.value.csv);
  };
  const unitFormat = (g: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(fromGrams(g, unit));

  const sheet = (printed: boolean): ReactNode => (
    <div className="month-report" aria-hidden={printed || undefined}>
      <header className="month-head">
        <h1 id={printed ? undefined : 'month-title'}>
          {t('title')}: {monthLabel(period.month)}
        </h1>
        <p>
          {siteName} · {t('period')}: {dayLabel(period.from)} – {dayLabel(period.to)}
        </p>
      </header>
      {report ? (
        <table className="month-figures">
          <thead>
            <tr>
              <th scope="col">{t('figure')}</th>
              <th scope="col">{monthLabel(period.month)}</th>
              {report.lastYear ? <th scope="col">{t('lastYear')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {figures.map((f) => (
              <tr key={f.key}>
                <th scope="row">
                  {f.label}
                  {f.note ? <small className="month-note">{f.note}</small> : null}
                </th>
                <td>{f.value(report.current)}</td>
                {report.lastYear ? <td>{f.value(report.lastYear)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {charts ? (
        <div className="month-charts">
          <BarChart
            title={t('chart.visits')}
            rowHeading={t('chart.day')}
            series={[{ key: 'visits', label: t('fig.visits'), className: 'bar-a' }]}
            rows={charts.visitsPerDay.filter((d) => d.visits > 0).map((d) => ({ label: dayLabel(d.day), values: [d.visits] }))}
            format={(v) => n.format(v)}
            empty={t('chart.noData')}
          />
          <BarChart
            title={`${t('chart.weight')} (${charts.unit})`}
            rowHeading={t('chart.day')}
            series={[
              { key: 'in', label: t('chart.in'), className: 'bar-a' },
              { key: 'out', label: t('chart.out'), className: 'bar-b' },
            ]}
            rows={charts.weightPerDay
              .filter((d) => d.inGrams !== 0 || d.outGrams !== 0)
              .map((d) => ({ label: dayLabel(d.day), values: [d.inGrams, d.outGrams] }))}
            format={unitFormat}
            empty={t('chart.noData')}
          />
          <BarChart
            title={t('chart.needsOffers')}
            rowHeading={t('chart.category')}
            series={[
              { key: 'needs', label: t('chart.needs'), className: 'bar-a' },
              { key: 'offers', label: t('chart.offers'), className: 'bar-b' },
            ]}
            rows={charts.needsOffers.map((c) => ({
              label: t(`board:categories.${c.category}`, { defaultValue: c.category }),
              values: [c.needs, c.offers],
            }))}
            format={(v) => n.format(v)}
            empty={t('chart.noData')}
          />
          <BarChart
            title={t('chart.households')}
            rowHeading={t('chart.month')}
            series={[
              { key: 'returning', label: t('chart.returning'), className: 'bar-a' },
              { key: 'new', label: t('chart.new'), className: 'bar-b' },
            ]}
            rows={charts.households.map((m) => ({ label: monthLabel(m.month), values: [m.returning, m.new] }))}
            format={(v) => n.format(v)}
            empty={t('chart.noData')}
          />
          <div className="month-stock">
            <div className="month-controls no-print" role="group" aria-label={t('chart.stock')}>
              {items.map((it) => (
                <button
                  key={it.id}
                  type="button"
                  className="button button-secondary"
                  aria-pressed={itemId === it.id}
                  onClick={() => setItemId(it.id)}
                >
                  {it.name}
                </button>
              ))}
            </div>
            {charts.stock ? (
              <BarChart
                title={`${t('chart.stock')}: ${charts.stock.name}`}
                rowHeading={t('chart.day')}
                series={[{ key: 'onHand', label: t('chart.onHand'), className: 'bar-a' }]}
                rows={charts.stock.points.map((p) => ({ label: dayLabel(p.day), values: [p.onHand] }))}
                format={(v) => n.format(v)}
                empty={t('chart.noData')}
              />
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );

  return (
    <section className="month" aria-labelledby="month-title">
      <div className="month-controls no-print">
        <button type="button" className="button button-secondary" onClick={() => setPeriod((p) => shiftMonth(p, -1))}>
          {t('previous')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setPeriod(currentMonth(new Date()))}>
          {t('thisMonth')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setPeriod((p) => shiftMonth(p, 1))}>
          {t('next')}
        </button>
        <button type="button" className="button button-secondary" aria-pressed={compare} onClick={() => setCompare((c) => !c)}>
          {t('compare')}
        </button>
      </div>
      <ErrorNotice error={error} />
      {sheet(false)}
      <div className="month-controls no-print">
        <button type="button" className="button button-primary" onClick={() => window.print()}>
          {t('print')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void save('report')}>
          {t('reportCsv')}
        </button>
        <button type="button" className="button button-secondary" onClick={() => void save('visits')}>
          {t('visitsCsv')}
        </button>
        <button type="button" className="button button-secondary" aria-expanded={showSettings} onClick={() => setShowSettings((v) => !v)}>
          {t('settings')}
        </button>
      </div>
      <TefapRecords period={period} hub={siteName} onPrinting={setSheetOpen} />
      {showSettings ? (
        <>
          <BandSettings />
          <CountingSettings />
          <TefapSettings languages={settings.languages} siteLanguage={settings.siteLanguage} />
        </>
      ) : null}
      {/* The printed report: the same sheet on <body>, shown only in print (print.css hides all else). */}
      {sheetOpen ? null : createPortal(<div className="print-area month-print-area">{sheet(true)}</div>, document.body)}
    </section>
  );
}
