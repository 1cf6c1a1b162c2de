import { useTranslation } from 'react-i18next';
import { TEFAP_PROGRAMS } from '../../shared/reports/report';
import { Icon } from '../kiosk/Icon';
import { TextField } from '../kiosk/TextField';
import { SignaturePad } from './SignaturePad';
import type { TefapDraft } from './intake-state';

/**
 * TEFAP's record, at a site in TEFAP mode (7 CFR 251.10): exactly the name of the person
 * receiving food, an address to the extent practicable, the basis of eligibility, and a finger
 * signature under the self-declaration the site's state gives. Household size is the household
 * step's answer, shown, not asked again. Never ID, never status, never proof.
 */
export function TefapScreen({
  draft,
  declaration,
  people,
  onChange,
}: {
  draft: TefapDraft;
  /** The state's self-declaration, as the coordinator entered it (the state's own words). */
  declaration: string;
  people: number;
  onChange(draft: TefapDraft): void;
}) {
  const { t } = useTranslation('intake');
  const set = (p: Partial<TefapDraft>) => onChange({ ...draft, ...p });
  return (
    <>
      <p className="lead">{t('tefap.hint')}</p>
      <TextField label={t('tefap.name')} value={draft.name} maxLength={120} onChange={(name) => set({ name })} />
      <TextField
        label={t('tefap.address')}
        hint={t('tefap.addressHint')}
        value={draft.address}
        maxLength={300}
        onChange={(address) => set({ address })}
      />
      <p className="tefap-people">
        <span>{t('confirm.household')}:</span> <strong>{t('household.total', { count: people })}</strong>
      </p>
      <h2 className="section-title" id="tefap-basis">
        {t('tefap.basis')}
      </h2>
      <div className="choice-grid tefap-basis" role="group" aria-labelledby="tefap-basis">
        {(['income', 'categorical'] as const).map((basis) => (
          <button
            key={basis}
            type="button"
            className="choice-button"
            aria-pressed={draft.basis === basis}
            onClick={() => set({ basis, program: basis === 'income' ? null : draft.program })}
          >
            <span className="choice-title">{t(`tefap.${basis}`)}</span>
            <span className="choice-hint">{t(`tefap.${basis}Hint`)}</span>
          </button>
        ))}
      </div>
      {draft.basis === 'categorical' ? (
        <>
          <h2 className="section-title" id="tefap-program">
            {t('tefap.program')}
          </h2>
          <div className="chip-row" role="group" aria-labelledby="tefap-program">
            {TEFAP_PROGRAMS.map((p) => (
              <button key={p} type="button" className="toggle" aria-pressed={draft.program === p} onClick={() => set({ program: p })}>
                {t(`tefap.programs.${p}`)}
              </button>
            ))}
          </div>
        </>
      ) : null}
      <section className="tefap-declaration" aria-labelledby="tefap-declaration">
        <h2 className="section-title" id="tefap-declaration">
          <Icon name="lock" size={32} />
          {t('tefap.declaration')}
        </h2>
        {/* The state's text as the site entered it: in its own language and direction. */}
        <p dir="auto" className="tefap-declaration-text">
          {declaration}
        </p>
        <p className="text-field-hint">{t('tefap.readAloud')}</p>
        <p className="text-field-hint">{t('tefap.never')}</p>
      </section>
      <SignaturePad label={t('tefap.sign')} value={draft.signature} onChange={(signature) => set({ signature })} />
    </>
  );
}
