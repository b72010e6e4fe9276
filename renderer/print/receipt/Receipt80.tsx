import { receiptLines, type ReceiptColumns, type ReceiptData } from '../../../shared/receipt-text';
import { PRINT_PAGE_CLASS } from '../PrintFrame';
import classes from './receipt.module.css';

// A monospace character is about 0.6 em wide (Consolas 0.55, Cascadia and DejaVu ≈ 0.6): N columns of 0.61 em
// fill the 72 mm an 80 mm thermal head prints, with a hair to spare.
const PRINT_WIDTH_MM = 72;
const CHAR_EM = 0.61;

/** The 80 mm thermal receipt: the text of shared/receipt-text.ts in exactly `columns` columns. */
export function Receipt80({ receipt, columns, accentFree }: { receipt: ReceiptData; columns: ReceiptColumns; accentFree: boolean }) {
  const lines = receiptLines(receipt, { columns, accentFree });
  const fontSize = `${(PRINT_WIDTH_MM / (columns * CHAR_EM)).toFixed(3)}mm`;
  return (
    <article className={`${PRINT_PAGE_CLASS} ${classes.thermal}`} aria-label={`Recibo ${receipt.receiptNumber}, bobina de 80 mm`}>
      <pre style={{ fontSize }} data-columns={columns}>
        {lines.join('\n')}
      </pre>
    </article>
  );
}
