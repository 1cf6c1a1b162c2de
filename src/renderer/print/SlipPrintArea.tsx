import type { RefObject } from 'react';
import type { Paper } from '../../shared/slips/paper';
import type { PrintableSlip } from '../../shared/slips/schemas';
import { PaperPrintArea } from './PaperPrintArea';
import { SlipPrint } from './SlipPrint';

/**
 * The slip as the printer gets it (see PaperPrintArea): `preview` shows it on screen too (the
 * pickup table's dialog); otherwise it exists for the printer only.
 * Returns the slip's page height in mm through `heightRef` once it is laid out.
 */
export function SlipPrintArea({
  slip,
  paper,
  preview,
  heightRef,
}: {
  slip: PrintableSlip;
  paper: Paper;
  preview: boolean;
  heightRef: RefObject<number | null>;
}) {
  return (
    <PaperPrintArea paper={paper} preview={preview} heightRef={heightRef} redraw={slip}>
      <SlipPrint slip={slip} paper={paper} />
    </PaperPrintArea>
  );
}
