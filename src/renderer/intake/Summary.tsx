import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../shared/api/channels/intake';
import type { TefapAnswer } from '../../shared/reports/report';
import { formatList } from '../format/list';
import type { IntakeState } from './intake-state';

/** "Is this right?": everything the visitor said, in their language, before the slip is made. */
/** `people`: the household's size as the site asks it (intake-state householdAnswer); `tefap`: what TEFAP mode will keep. */
export function Summary({
  state,
  catalog,
  people,
  tefap = null,
}: {
  state: IntakeState;
  catalog: CatalogItem[] | null;
  people: number;
  tefap?: TefapAnswer | null;
}) {
  const { t, i18n } = useTranslation('intake');
  const purpose = state.purpose ?? 'need';
  const names = new Map((catalog ?? []).map((i) => [i.id, i.name]));
  const items = Object.entries(state.items);
  const none = t('confirm.none');
  const list = (values: string[]) => (values.length ? formatList(values, i18n.language) : none);
  return (
    <dl className="summary">
      <dt>{t('confirm.household')}</dt>
      <dd>{t('household.total', { count: people })}</dd>
      {purpose !== 'offer' ? (
        <>
          <dt>{t('confirm.items')}</dt>
          <dd>
            {items.length ? (
              <ul className="summary-list">
                {items.map(([id, qty]) => (
                  <li key={id}>
                    {qty} × {names.get(id) ?? '…'}
                  </li>
                ))}
              </ul>
            ) : (
              none
            )}
          </dd>
          <dt>{t('confirm.otherNeeds')}</dt>
          <dd>
            {list([...state.otherNeeds.map((c) => t(`needKinds.${c}`)), ...(state.needDetail.trim() ? [state.needDetail.trim()] : [])])}
          </dd>
        </>
      ) : null}
      {purpose !== 'need' ? (
        <>
          <dt>{t('confirm.offers')}</dt>
          <dd>
            {list([...state.offers.map((c) => t(`offerKinds.${c}`)), ...(state.offerDetail.trim() ? [state.offerDetail.trim()] : [])])}
          </dd>
          <dt>{t('confirm.when')}</dt>
          <dd>{list(state.availability.map((a) => t(`availability.${a}`)))}</dd>
        </>
      ) : null}
      {state.contactOnFile ? (
        <>
          <dt>{t('confirm.contact')}</dt>
          <dd>{t('contact.onFile')}</dd>
        </>
      ) : !state.returning ? (
        <>
          <dt>{t('confirm.contact')}</dt>
          <dd>{list([state.firstName.trim(), state.phone.trim()].filter(Boolean))}</dd>
        </>
      ) : null}
      {tefap ? (
        <>
          <dt>{t('tefap.summary')}</dt>
          <dd>
            {list([
              tefap.name,
              ...(tefap.address ? [tefap.address] : []),
              tefap.basis === 'income' ? t('tefap.income') : t(`tefap.programs.${tefap.program ?? 'other'}`),
              t('tefap.signed'),
            ])}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
