import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeDir } from '../../shared/locales';
import { PAPER_SPECS, qrSideMm, type Paper } from '../../shared/slips/paper';
import { qrMatrix } from '../../shared/slips/qr';
import { formatDay } from '../dates';
import type { PrintableSlip } from '../../shared/slips/schemas';
import './print.css';

/**
 * The printed slip: site name, QR, short code, valid-until and the items, in the visitor's
 * language and the volunteer's side by side. No name, no phone, no household. Sizes are in mm
 * so the QR lands on whole printer dots per module.
 */
export function SlipPrint({ slip, paper }: { slip: PrintableSlip; paper: Paper }) {
  const { i18n } = useTranslation();
  const { size, path } = useMemo(() => qrMatrix(slip.qrDigits), [slip.qrDigits]);
  const full = size + 8;
  const side = qrSideMm(paper, full);
  const languages = slip.visitorLanguage === slip.siteLanguage ? [slip.visitorLanguage] : [slip.visitorLanguage, slip.siteLanguage];
  const ts = languages.map((lng) => i18n.getFixedT(lng, 'print'));
  const visitorT = ts[0] ?? i18n.getFixedT(slip.visitorLanguage, 'print');
  const spec = PAPER_SPECS[paper];
  return (
    <article
      className={`print-slip paper-${paper}`}
      style={{ inlineSize: `${spec.printableMm}mm` }}
      lang={slip.visitorLanguage}
      dir={localeDir(slip.visitorLanguage)}
      data-paper={paper}
    >
      <header className="print-head">
        <p className="print-site">{slip.siteName}</p>
        <div className="print-titles">
          {languages.map((lng, n) => (
            <p key={lng} lang={lng} dir={localeDir(lng)} className="print-title">
              {ts[n]?.('title')}
            </p>
          ))}
        </div>
      </header>
      <svg
        className="print-qr"
        role="img"
        aria-label={visitorT('qrLabel')}
        viewBox={`-4 -4 ${full} ${full}`}
        style={{ inlineSize: `${side}mm`, blockSize: `${side}mm` }}
        shapeRendering="crispEdges"
        data-modules={size}
      >
        <rect x={-4} y={-4} width={full} height={full} fill="#fff" />
        <path d={path} fill="#000" />
      </svg>
      <p className="print-code" dir="ltr" translate="no">
        {slip.shortCode}
      </p>
      {slip.queueNumber !== null ? (
        // The number the waiting-room screen calls: large, in Western digits as the screen shows it.
        <div className="print-queue">
          <div className="print-pair">
            {languages.map((lng, n) => (
              <p key={lng} lang={lng} dir={localeDir(lng)}>
                {ts[n]?.('queueNumber')}
              </p>
            ))}
          </div>
          <p className="print-queue-number" dir="ltr" data-testid="print-queue-number">
            {slip.queueNumber}
          </p>
        </div>
      ) : null}
      <div className="print-pair">
        {languages.map((lng, n) => (
          <p key={lng} lang={lng} dir={localeDir(lng)}>
            {ts[n]?.('validUntil', { date: formatDay(slip.validUntil, lng) })}
          </p>
        ))}
      </div>
      {slip.lines.length > 0 ? (
        <table className="print-items">
          <thead>
            <tr>
              <th scope="col" className="qty">
                #
              </th>
              {languages.map((lng, n) => (
                <th key={lng} scope="col" lang={lng} dir={localeDir(lng)}>
                  {ts[n]?.('items')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slip.lines.map((l) => (
              <tr key={l.itemId}>
                <td className="qty" dir="ltr">
                  {l.qty}
                </td>
                <td lang={slip.visitorLanguage} dir={localeDir(slip.visitorLanguage)}>
                  {l.visitorName}
                </td>
                {languages.length > 1 ? (
                  <td lang={slip.siteLanguage} dir={localeDir(slip.siteLanguage)}>
                    {l.siteName}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{visitorT('noItems')}</p>
      )}
      <div className="print-pair print-foot">
        {languages.map((lng, n) => (
          <p key={lng} lang={lng} dir={localeDir(lng)}>
            {ts[n]?.('showAtTable')}
          </p>
        ))}
      </div>
      {slip.reprints > 0 ? (
        <p className="print-copy">
          {visitorT('copy')} {slip.reprints}
        </p>
      ) : null}
    </article>
  );
}
