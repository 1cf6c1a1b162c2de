import type { TFunction } from 'i18next';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError, ErrorParams } from '../../shared/api/errors';
import { formatDay, isIsoDay } from '../dates';

/** Where a code's message lives: the feature's own namespace first, then errors.json. */
export function errorKeys(code: string): string[] {
  const dot = code.indexOf('.');
  return [`${code.slice(0, dot)}:errors.${code.slice(dot + 1)}`, `errors:${code}`];
}

/**
 * Parameters as the reader reads them: a day ("2020-01-01") in words of their language, a number
 * with their digits and grouping (a plural's count stays a number). Codes and names pass as they are.
 */
export function readableParams(params: ErrorParams | undefined, language: string): ErrorParams {
  const out: ErrorParams = {};
  for (const [k, v] of Object.entries(params ?? {})) {
    // `count` stays a number: i18next picks the plural form from it.
    out[k] =
      typeof v === 'number' ? (k === 'count' ? v : new Intl.NumberFormat(language).format(v)) : isIsoDay(v) ? formatDay(v, language) : v;
  }
  return out;
}

/**
 * A refused input in words: which field (the last named part of its path: "lines.0.counted"
 * is "counted") and why. Falls back to the general sentence for a field or reason it cannot name.
 */
function invalidInput(t: TFunction, params: ErrorParams): string | null {
  const name = String(params.field ?? '')
    .split('.')
    .filter((p) => !/^\d+$/.test(p))
    .at(-1);
  const reason = params.reason ? t(`errors:reasons.${String(params.reason)}`, { limit: params.limit, defaultValue: '' }) : '';
  if (reason === '') return null;
  const field = name ? t(`errors:fields.${name}`, { defaultValue: '' }) : '';
  return field === '' ? t('errors:api.invalid_reason', { reason }) : t('errors:api.invalid_field', { field, reason });
}

/** A translated, kind message for an error code. Never a stack trace. */
export function ErrorNotice({ error }: { error: ApiError | null }) {
  const { t, i18n } = useTranslation('errors');
  // A refusal far up a long form (the count list) was read by nobody: it comes into view.
  const shown = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (error) shown.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (!error) return null;
  const params = readableParams(error.params, i18n.language);
  const message =
    (error.code === 'api.invalid_input' ? invalidInput(t, params) : null) ??
    t(errorKeys(error.code), { ...params, defaultValue: t('api.internal') });
  return (
    <p ref={shown} className="notice notice-error" role="alert">
      {message}
    </p>
  );
}
