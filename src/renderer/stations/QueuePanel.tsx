import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../shared/api/errors';
import type { NowServing } from '../../shared/api/channels/queue';
import { useApi } from '../api/context';
import { useLive } from '../api/live';
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
  const api = useApi();
  const [view, setView] = useState<NowServing | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [settingTable, setSettingTable] = useState(false);
  const load = useCallback(async () => {
    const r = await api.call('queue.now_serving', {});
    if (r.ok) setView(r.value);
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);
  useLive(['queue'], () => void load());

  const act = (r: Awaited<ReturnType<typeof api.call<'queue.call_next'>>>) => {
    if (r.ok) {
      setView(r.value);
      setError(null);
    } else setError(r.error);
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
        <button type="button" className="button button-primary" onClick={() => void api.call('queue.open', {}).then(act)}>
          {t('openLottery')}
        </button>
      ) : (
        <button
          type="button"
          className="button button-primary"
          onClick={() => void api.call('queue.call_next', { table: called }).then(act)}
        >
          {t('callNext')}
        </button>
      )}
      {view.current ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => void api.call('queue.recall', { number: view.current!.number, table: called }).then(act)}
        >
          {t('callAgain', { number: view.current.number })}
        </button>
      ) : null}
      <ErrorNotice error={error} />
    </div>
  );
}
