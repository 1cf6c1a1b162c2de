import { useTranslation } from 'react-i18next';
import type { TefapRecord } from '../../shared/api/channels/month';
import { PAPER_SPECS, type Paper } from '../../shared/slips/paper';
import { formatDay } from '../dates';
import { SignatureImage } from './SignatureImage';
import { useTefapWords } from './tefap-words';

/**
 * A distribution day's TEFAP sign-in sheet on A4 or Letter, as a food bank's reviewer reads it:
 * the hub, the day, and per household the time, the name and address as given, the household
 * size, the basis of eligibility and the finger signature. A long day runs onto more pages, the
 * column headings repeated on each.
 */
export function TefapSheetPrint({ hub, day, records, paper }: { hub: string; day: string; records: TefapRecord[]; paper: Paper }) {
  const { t, i18n } = useTranslation('month');
  const n = new Intl.NumberFormat(i18n.language);
  return (
    <article className="tefap-sheet" style={{ inlineSize: `${PAPER_SPECS[paper].printableMm}mm` }} data-paper={paper}>
      <header>
        <h2>{t('tefapRecords.sheetTitle')}</h2>
        <p>
          {hub} · {formatDay(day, i18n.language)}
        </p>
        <p className="tefap-sheet-note">{t('tefapRecords.sheetNote')}</p>
      </header>
      <TefapTable records={records} />
      <p>{t('tefapRecords.sheetTotal', { total: n.format(records.length) })}</p>
    </article>
  );
}

/** A day's TEFAP records as a table, the same on screen and on paper. */
export function TefapTable({ records, caption }: { records: TefapRecord[]; caption?: string }) {
  const { t, i18n } = useTranslation('month');
  const words = useTefapWords();
  const time = new Intl.DateTimeFormat(i18n.language, { hour: 'numeric', minute: '2-digit' });
  const n = new Intl.NumberFormat(i18n.language);
  return (
    <table className="tefap-table">
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{t('tefapRecords.time')}</th>
          <th scope="col">{t('tefapRecords.name')}</th>
          <th scope="col">{t('tefapRecords.address')}</th>
          <th scope="col">{t('tefapRecords.size')}</th>
          <th scope="col">{t('tefapRecords.basis')}</th>
          <th scope="col">{t('tefapRecords.signature')}</th>
        </tr>
      </thead>
      <tbody>
        {records.map((r) => (
          <tr key={r.visitId}>
            <td>{time.format(new Date(r.at))}</td>
            <th scope="row">{r.name}</th>
            <td>{r.address ?? ''}</td>
            <td>{n.format(r.householdSize)}</td>
            <td>{words.basis(r)}</td>
            <td className="tefap-signature-cell">
              <SignatureImage path={r.signature} label={words.signed(r)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
