import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';

/** A translated, kind message for an error code. Never a stack trace. */
export function ErrorNotice({ error }: { error: ApiError | null }) {
  const { t } = useTranslation('errors');
  if (!error) return null;
  return (
    <p className="notice notice-error" role="alert">
      {t(error.code, { ...error.params, defaultValue: t('api.internal') })}
    </p>
  );
}
