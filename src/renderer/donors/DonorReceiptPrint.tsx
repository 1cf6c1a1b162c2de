import { useTranslation } from 'react-i18next';
import type { DonorReceipt } from '../../shared/api/channels/donors';
import { localeDir } from '../../shared/locales';
import { formatWeight } from '../../shared/reports/weight';
import { PAPER_SPECS, type Paper } from '../../shared/slips/paper';
import { isolate, ltrIsolate } from '../../shared/slips/bidi';
import { formatDay } from '../dates';
import { unitLabel } from '../inventory/units';
import '../print/print.css';
import './donors.css';

/**
 * An in-kind value as the donor reads it: in the site's currency when it chose one, else a plain
 * amount. Isolated, so the amount keeps its order inside a line of the other direction; the
 * currency's sign is its own left-to-right unit, so Arabic's "US$" is not read back as "$US".
 */
function money(cents: number, language: string, currency: string | null): string {
  const format = new Intl.NumberFormat(
    language,
    currency ? { style: 'currency', currency } : { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  );
  return isolate(
    format
      .formatToParts(cents / 100)
      .map((p) => (p.type === 'currency' ? ltrIsolate(p.value) : p.value))
      .join(''),
  );
}

/**
 * The receipt a donor takes home: the hub, the donor, what they gave (item, quantity, weight,
 * in-kind value, date) and the totals, all in the donor's own language, whatever the screen's.
 * Sizes in mm; a receipt roll stacks each line, a page sets them as a table.
 */
export function DonorReceiptPrint({ receipt, paper }: { receipt: DonorReceipt; paper: Paper }) {
  const { i18n } = useTranslation();
  const lng = receipt.donor.language;
  const t = i18n.getFixedT(lng, 'donors');
  const spec = PAPER_SPECS[paper];
  const roll = spec.heightMm === null;
  // Isolated: "12.5 kg (27.6 lb)" keeps its order inside a right-to-left line.
  const weight = (g: number) => isolate(formatWeight(g, receipt.unit, lng));
  return (
    <article
      className={`print-slip donor-receipt paper-${paper}`}
      style={{ inlineSize: `${spec.printableMm}mm` }}
      lang={lng}
      dir={localeDir(lng)}
      data-paper={paper}
    >
      <p className="print-site">{receipt.hub}</p>
      <p className="print-title">{t('print.title')}</p>
      <p>{t('print.to', { name: receipt.donor.name })}</p>
      <p>{t('print.period', { from: formatDay(receipt.period.from, lng), to: formatDay(receipt.period.to, lng) })}</p>
      {roll ? (
        <ul className="donor-receipt-lines">
          {receipt.lines.map((l, n) => (
            <li key={n}>
              <span className="donor-receipt-item">{l.name}</span>
              <span>
                {formatDay(l.day, lng, 'short')} · {l.qty} {unitLabel(l.unit, t)} · {weight(l.grams)}
                {l.valueCents !== null ? ` · ${t('print.value')} ${money(l.valueCents, lng, receipt.currency)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <table className="print-items">
          <thead>
            <tr>
              <th scope="col">{t('print.date')}</th>
              <th scope="col">{t('print.item')}</th>
              <th scope="col">{t('print.qty')}</th>
              <th scope="col">{t('print.weight')}</th>
              <th scope="col">{t('print.value')}</th>
            </tr>
          </thead>
          <tbody>
            {receipt.lines.map((l, n) => (
              <tr key={n}>
                <td>{formatDay(l.day, lng, 'short')}</td>
                <td>{l.name}</td>
                <td>
                  {l.qty} {unitLabel(l.unit, t)}
                </td>
                <td>{weight(l.grams)}</td>
                <td>{l.valueCents !== null ? money(l.valueCents, lng, receipt.currency) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="donor-receipt-total">
        {t('print.totalWeight', { weight: weight(receipt.totalGrams) })}
        {receipt.totalValueCents > 0 ? ` · ${t('print.totalValue', { value: money(receipt.totalValueCents, lng, receipt.currency) })}` : ''}
      </p>
      <p className="print-foot">{t('print.issued', { date: formatDay(receipt.issuedOn, lng) })}</p>
      <p className="print-foot">{t('print.thanks')}</p>
    </article>
  );
}
