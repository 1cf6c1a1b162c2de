import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation, useApiQuery } from '../api/query';
import { ErrorNotice } from '../components/ErrorNotice';
import { NumberField } from '../kiosk/NumberField';
import { isolate } from '../../shared/slips/bidi';
import './stations.css';

/**
 * The pickup table's part of the queue: which table this is (on the number pad; the waiting-room
 * screen says it with each number called here), call the next number, or call one again.
 */
export function QueuePanel({ table, onTable }: { table: string; onTable(table: string): void }) {
  const { t } = useTranslation('stations');
  // Another table's call shows here at once.
  const view = useApiQuery('queue.now_serving', {}, { live: ['queue'] }).data;
  const [settingTable, setSettingTable] = useState(false);
  // Each write answers with the queue as it now is; the read above is read again with it.
  const QUEUE = { invalidates: ['queue.now_serving'] } as const;
  const opening = useApiMutation('queue.open', QUEUE);
  const calling = useApiMutation('queue.call_next', QUEUE);
  const recalling = useApiMutation('queue.recall', QUEUE);
  // The last tap's refusal (the queue empty, not open yet); a tap that works clears it.
  const error = opening.error ?? calling.error ?? recalling.error;
  const only = (kept: { reset(): void }) => {
    for (const m of [opening, calling, recalling]) if (m !== kept) m.reset();
  };

  if (!view) return null;
  const lotteryClosed = view.mode === 'lottery' && !view.open;
  const called = table.trim() === '' ? null : table.trim();
  return (
    <div className="queue-panel" role="region" aria-label={t('queue')}>
      {/* Set once at this computer: out of the way until it is changed. */}
      {settingTable ? (
        <div className="queue-panel-table">
          <NumberField label={t('thisTable')} min={1} max={99} value={table} onChange={onTable} onEnter={() => setSettingTable(false)} />
          <button type="button" className="button button-primary" onClick={() => setSettingTable(false)}>
            {t('common:ok')}
          </button>
        </div>
      ) : (
        <span className="queue-panel-table-name">
          {called === null ? t('noTable') : t('tableIs', { table: isolate(called) })}
          <button type="button" className="button button-quiet" onClick={() => setSettingTable(true)}>
            {t('changeTable')}
          </button>
        </span>
      )}
      <span>{t('nowServing')}</span>
      <span className="queue-panel-number" data-testid="queue-current">
        {view.current?.number ?? '—'}
      </span>
      <span>{t('waiting', { n: view.waiting })}</span>
      {lotteryClosed ? (
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            only(opening);
            void opening.call({});
          }}
        >
          {t('openLottery')}
        </button>
      ) : (
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            only(calling);
            void calling.call({ table: called });
          }}
        >
          {t('callNext')}
        </button>
      )}
      {view.current ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            only(recalling);
            void recalling.call({ number: view.current!.number, table: called });
          }}
        >
          {t('callAgain', { number: view.current.number })}
        </button>
      ) : null}
      <ErrorNotice error={error} />
    </div>
  );
}
