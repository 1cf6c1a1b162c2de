import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeDir } from '../../shared/locales';
import { useOnScreen } from './use-onscreen';

interface DateFieldProps {
  label: string;
  hint?: string;
  /** YYYY-MM-DD, or '' for no date. */
  value: string;
  onChange(value: string): void;
  min?: string;
  max?: string;
  required?: boolean;
  id?: string;
}

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);

/** Monday-first unless the language says otherwise (Intl.Locale week info, where Chromium has it). */
function firstDayOfWeek(language: string): number {
  try {
    const locale = new Intl.Locale(language) as Intl.Locale & { getWeekInfo?(): { firstDay: number }; weekInfo?: { firstDay: number } };
    const day = locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay ?? 1;
    return day % 7;
  } catch {
    return 1;
  }
}

/** The weeks of a month as rows of seven cells; null outside the month. */
export function monthGrid(year: number, month: number, firstDay: number): (number | null)[][] {
  const lead = (new Date(Date.UTC(year, month, 1)).getUTCDay() - firstDay + 7) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * A date with a touch calendar: a month of big day buttons, a month and a year either way, in
 * the reader's language and week (Intl), laid out in the page's direction. The field itself stays
 * a date input, so a physical keyboard still types a date.
 */
export function DateField({ label, hint, value, onChange, min, max, required, ...props }: DateFieldProps) {
  const { t, i18n } = useTranslation('kiosk');
  const lng = i18n.language;
  const ownId = useId();
  const id = props.id ?? ownId;
  const input = useRef<HTMLInputElement>(null);
  const { wrapper, open, setOpen } = useOnScreen();
  const today = new Date();
  const shownFrom = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : (min ?? iso(today.getFullYear(), today.getMonth(), today.getDate()));
  const [view, setView] = useState<{ y: number; m: number } | null>(null);
  const y = view?.y ?? Number(shownFrom.slice(0, 4));
  const m = view?.m ?? Number(shownFrom.slice(5, 7)) - 1;
  const go = (months: number) => {
    const d = new Date(Date.UTC(y, m + months, 1));
    setView({ y: d.getUTCFullYear(), m: d.getUTCMonth() });
  };
  const first = firstDayOfWeek(lng);
  const utc = { timeZone: 'UTC' } as const;
  const monthTitle = new Intl.DateTimeFormat(lng, { ...utc, month: 'long', year: 'numeric' }).format(new Date(Date.UTC(y, m, 1)));
  const dayNumber = new Intl.DateTimeFormat(lng, { ...utc, day: 'numeric' });
  const fullDate = new Intl.DateTimeFormat(lng, { ...utc, dateStyle: 'full' });
  // 7 January 2024 was a Sunday.
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(lng, { ...utc, weekday: 'short' }).format(new Date(Date.UTC(2024, 0, 7 + ((first + i) % 7)))),
  );
  // Arrows point the way time goes on the page: in Arabic the earlier month is to the right.
  // Drawn left-to-right, so the browser's bidi mirroring does not turn them round a second time.
  const rtl = localeDir(lng) === 'rtl';
  const arrow = (earlier: boolean, year: boolean) => <bdi dir="ltr">{earlier !== rtl ? (year ? '«' : '‹') : year ? '»' : '›'}</bdi>;
  const outside = (day: string) => (min !== undefined && day < min) || (max !== undefined && day > max);

  return (
    <div className="text-field date-field" ref={wrapper}>
      <label htmlFor={id} className="text-field-label">
        {label}
      </label>
      {hint ? (
        <p className="text-field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="text-field-row">
        <input
          ref={input}
          id={id}
          type="date"
          value={value}
          min={min}
          max={max}
          required={required}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={() => setOpen(true)}
          onChange={(e) => {
            setView(null);
            onChange(e.target.value);
          }}
        />
        <button
          type="button"
          className="button button-secondary keyboard-toggle"
          aria-expanded={open}
          onClick={() => {
            setView(null);
            if (open) return setOpen(false);
            // Focus moves here, so another field's keyboard closes for the calendar.
            input.current?.focus();
            setOpen(true);
          }}
        >
          {open ? t('date.close') : t('date.open')}
        </button>
      </div>
      {open ? (
        <div className="date-picker" role="group" aria-label={t('date.picker')}>
          <div className="date-picker-head">
            <button type="button" className="button button-quiet date-nav" aria-label={t('date.previousYear')} onClick={() => go(-12)}>
              {arrow(true, true)}
            </button>
            <button type="button" className="button button-quiet date-nav" aria-label={t('date.previousMonth')} onClick={() => go(-1)}>
              {arrow(true, false)}
            </button>
            <output className="date-picker-title" aria-live="polite">
              {monthTitle}
            </output>
            <button type="button" className="button button-quiet date-nav" aria-label={t('date.nextMonth')} onClick={() => go(1)}>
              {arrow(false, false)}
            </button>
            <button type="button" className="button button-quiet date-nav" aria-label={t('date.nextYear')} onClick={() => go(12)}>
              {arrow(false, true)}
            </button>
          </div>
          <table className="date-grid">
            <thead>
              <tr>
                {weekdays.map((w) => (
                  <th key={w} scope="col">
                    {w}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {monthGrid(y, m, first).map((week, w) => (
                <tr key={w}>
                  {week.map((d, i) => {
                    if (d === null) return <td key={i} />;
                    const day = iso(y, m, d);
                    return (
                      <td key={i}>
                        <button
                          type="button"
                          className="date-day"
                          aria-label={fullDate.format(new Date(`${day}T00:00:00Z`))}
                          aria-pressed={day === value}
                          disabled={outside(day)}
                          onClick={() => {
                            onChange(day);
                            setOpen(false);
                          }}
                        >
                          {dayNumber.format(new Date(`${day}T00:00:00Z`))}
                        </button>
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {value && !required ? (
            <button type="button" className="button button-quiet" onClick={() => onChange('')}>
              {t('date.clear')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
