import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export interface Series {
  key: string;
  label: string;
  /** A CSS class that gives the bars their colour (and a pattern in print). */
  className: string;
}

export interface Row {
  label: string;
  values: number[];
}

interface BarChartProps {
  title: string;
  /** The first column's heading in the data table. */
  rowHeading: string;
  series: Series[];
  rows: Row[];
  format(n: number): string;
  empty: string;
}

const W = 640;
const H = 200;
const PAD = 28;

/**
 * A bar chart drawn as SVG (no library: a few dozen lines, works offline, prints crisp) with its
 * data table beside it for screen readers and for anyone who reads numbers better than bars.
 * In a right-to-left language the time axis runs right to left, as the table's columns do.
 */
export function BarChart({ title, rowHeading, series, rows, format, empty }: BarChartProps) {
  const { i18n } = useTranslation();
  const id = useId();
  const rtl = i18n.dir(i18n.language) === 'rtl';
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const slot = rows.length > 0 ? (W - PAD) / rows.length : 0;
  const bar = Math.max(1, (slot * 0.8) / Math.max(1, series.length));
  const x = (i: number, s: number) => {
    const left = PAD + i * slot + slot * 0.1 + s * bar;
    return rtl ? W - left - bar : left;
  };
  const every = Math.max(1, Math.ceil(rows.length / 8));
  const hasData = rows.some((r) => r.values.some((v) => v !== 0));
  return (
    <figure className="month-chart" aria-labelledby={`${id}-t`}>
      <figcaption id={`${id}-t`}>{title}</figcaption>
      <div className="month-chart-body">
        <div className="month-chart-drawing">
          <ul className="month-legend" aria-hidden="true">
            {series.map((s) => (
              <li key={s.key}>
                <span className={`month-swatch ${s.className}`} />
                {s.label}
              </li>
            ))}
          </ul>
          {/* The drawing repeats the table, so it is hidden from screen readers; the table is read. */}
          <svg viewBox={`0 0 ${W} ${H + 20}`} className="month-svg" aria-hidden="true" focusable="false">
            <line x1={rtl ? W - PAD : PAD} x2={rtl ? W - PAD : PAD} y1={0} y2={H} className="month-axis" />
            <line x1={0} x2={W} y1={H} y2={H} className="month-axis" />
            <text x={rtl ? W - PAD + 4 : PAD - 4} y={10} textAnchor={rtl ? 'start' : 'end'} className="month-tick">
              {format(max)}
            </text>
            {rows.map((r, i) => (
              <g key={r.label}>
                {r.values.map((v, s) => {
                  const h = (Math.max(0, v) / max) * (H - 12);
                  return <rect key={series[s]?.key ?? s} x={x(i, s)} y={H - h} width={bar} height={h} className={series[s]?.className} />;
                })}
                {i % every === 0 ? (
                  <text x={x(i, 0) + (rtl ? bar : 0)} y={H + 14} className="month-tick" textAnchor="start" direction={rtl ? 'rtl' : 'ltr'}>
                    {r.label}
                  </text>
                ) : null}
              </g>
            ))}
          </svg>
          {!hasData ? <p className="month-empty">{empty}</p> : null}
        </div>
        {/* Scrolls when long: focusable and named, so it scrolls from a keyboard too. */}
        <div className="month-table-wrap" tabIndex={0} role="region" aria-label={title}>
          <table className="month-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeading}</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.label}>
                  <th scope="row">{r.label}</th>
                  {r.values.map((v, s) => (
                    <td key={series[s]?.key ?? s}>{format(v)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </figure>
  );
}
