import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Donor } from '../../shared/api/channels/donors';
import { LOCALES, LOCALE_CODES, type LocaleCode } from '../../shared/locales';
import { isolate } from '../../shared/slips/bidi';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { useIntoView } from '../components/use-into-view';
import type { SectionProps } from '../volunteer/section-props';
import { WeightCategoriesPanel } from '../weights/WeightCategoriesPanel';
import { DonorForm } from './DonorForm';
import { ReceiptDialog } from './ReceiptDialog';
import '../styles/inventory.css';
import './donors.css';

type Tab = 'donors' | 'categories';

/** The coordinator's donations: who gives (with their receipts) and the food bank's weight categories. */
export function DonorsSection({ settings }: SectionProps) {
  const { t, i18n } = useTranslation('donors');
  const language = (LOCALE_CODES as readonly string[]).includes(i18n.language) ? (i18n.language as LocaleCode) : settings.siteLanguage;
  const [tab, setTab] = useState<Tab>('donors');
  const list = useApiQuery('donors.contacts', {});
  const donors: readonly Donor[] = list.data ?? [];
  const [editing, setEditing] = useState<Donor | 'new' | null>(null);
  const [receiptFor, setReceiptFor] = useState<Donor | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Asked once more before a donor goes: removing forgets their contact (and a person's name).
  const [removing, setRemoving] = useState<Donor | null>(null);
  // The question opens under the row; on a 768-pixel screen that is below the fold.
  const question = useIntoView<HTMLDivElement>(removing?.id ?? null);
  const removal = useApiMutation('donors.remove', { invalidates: ['donors.contacts', 'donors.list'] });
  const remove = async (d: Donor) => {
    const r = await removal.call({ id: d.id });
    if (!r.ok) return;
    setRemoving(null);
    setSaved(t('list.removed', { name: isolate(d.name) }));
  };

  const languageName = (code: string) => LOCALES.find((l) => l.code === code)?.name ?? code;

  return (
    <>
      <h1>{t('title')}</h1>
      <nav className="inv-tabs" aria-label={t('title')}>
        {(['donors', 'categories'] as const).map((x) => (
          <button key={x} type="button" className="tab" aria-current={tab === x ? 'page' : undefined} onClick={() => setTab(x)}>
            {t(`tabs.${x}`)}
          </button>
        ))}
      </nav>
      {tab === 'categories' ? <WeightCategoriesPanel language={language} /> : null}
      {tab === 'donors' ? (
        <section className="inv-panel" aria-labelledby="donors-title">
          <h2 id="donors-title">{t('list.title')}</h2>
          <p className="inv-muted">{t('list.private')}</p>
          {saved ? (
            <p className="notice notice-ok" role="status">
              {saved}
            </p>
          ) : null}
          <ErrorNotice error={list.error ?? removal.error} />
          {editing ? (
            <DonorForm
              donor={editing === 'new' ? null : editing}
              siteLanguage={settings.siteLanguage}
              onCancel={() => setEditing(null)}
              onSaved={(d) => {
                setEditing(null);
                // The list was read again by the save itself (DonorForm's invalidates).
                setSaved(t('list.saved', { name: d.name }));
              }}
            />
          ) : (
            <div className="inv-actions">
              <button
                type="button"
                className="button button-primary"
                onClick={() => {
                  setSaved(null);
                  setEditing('new');
                }}
              >
                {t('list.add')}
              </button>
            </div>
          )}
          {donors.length === 0 ? (
            <p>{t('list.empty')}</p>
          ) : (
            <table className="donor-list">
              <caption className="visually-hidden">{t('list.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('form.name')}</th>
                  <th scope="col">{t('form.kind')}</th>
                  <th scope="col">{t('form.contact')}</th>
                  <th scope="col">{t('form.language')}</th>
                  <th scope="col">{t('list.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {donors.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.name}</th>
                    <td>{t(`kind.${d.kind}`)}</td>
                    <td dir="auto">{d.contact ?? '–'}</td>
                    <td lang={d.language}>{languageName(d.language)}</td>
                    <td>
                      <div className="donor-actions">
                        <button
                          type="button"
                          className="button button-secondary"
                          aria-label={t('list.editOne', { name: d.name })}
                          onClick={() => setEditing(d)}
                        >
                          {t('list.edit')}
                        </button>
                        <button
                          type="button"
                          className="button button-secondary"
                          aria-label={t('list.receiptOne', { name: d.name })}
                          onClick={() => setReceiptFor(d)}
                        >
                          {t('list.receipt')}
                        </button>
                        <button
                          type="button"
                          className="button button-secondary"
                          aria-label={t('list.removeOne', { name: d.name })}
                          onClick={() => {
                            setSaved(null);
                            removal.reset();
                            setRemoving(d);
                          }}
                        >
                          {t('list.remove')}
                        </button>
                      </div>
                      {removing?.id === d.id ? (
                        <div ref={question} className="donor-remove" role="group" aria-label={t('list.removeOne', { name: d.name })}>
                          <p>{t(`list.removeConfirm.${d.kind}`, { name: isolate(d.name) })}</p>
                          <div className="donor-actions">
                            <button
                              type="button"
                              className="button button-danger"
                              disabled={removal.pending}
                              onClick={() => void remove(d)}
                            >
                              {t('list.removeYes')}
                            </button>
                            <button type="button" className="button button-secondary" onClick={() => setRemoving(null)}>
                              {t('form.cancel')}
                            </button>
                          </div>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
      {receiptFor ? <ReceiptDialog donor={receiptFor} onClose={() => setReceiptFor(null)} /> : null}
    </>
  );
}
