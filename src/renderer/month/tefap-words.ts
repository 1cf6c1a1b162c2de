import { useTranslation } from 'react-i18next';
import type { TefapRecord } from '../../shared/api/channels/month';

/** How a TEFAP record's basis and signature read on the coordinator's screen and sheet: one wording for both. */
export function useTefapWords() {
  const { t } = useTranslation('month');
  return {
    basis: (r: Pick<TefapRecord, 'basis' | 'program'>) =>
      r.basis === 'income'
        ? t('tefapRecords.income')
        : r.program
          ? t('tefapRecords.categoricalProgram', { program: t(`intake:tefap.programs.${r.program}`) })
          : t('tefapRecords.categorical'),
    signed: (r: Pick<TefapRecord, 'signature'>) => (r.signature ? t('tefapRecords.signed') : t('tefapRecords.notSigned')),
  };
}
