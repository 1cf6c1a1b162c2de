import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';

/** Where a code's message lives: the feature's own namespace first, then errors.json. */
export function errorKeys(code: string): string[] {
  const dot = code.indexOf('.');
  return [`${code.slice(0, dot)}:errors.${code.slice(dot + 1)}`, `errors:${code}`];
}

/** A translated, kind message for an error code. Never a stack trace. */
export function ErrorNotice({ error }: { error: ApiError | null }) {
  const { t } = useTranslation('errors');
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert">
      {t(errorKeys(error.code), { ...error.params, defaultValue: t('api.internal') })}
    </p>
  );
}
