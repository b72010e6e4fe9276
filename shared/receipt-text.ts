import { formatBRL, type Cents } from './money';
import { formatDateBR, type IsoDate } from './dates';
import { formatCpf, formatCnpj, onlyDigits } from './cpf';

/**
 * A payment receipt, as `payments.receipt` returns it. A valid receipt (Código Civil art. 320) states the
 * amount, what it pays, the payer's name, date and place, and the store's identification (CDC art. 42-A);
 * it carries a number and the amount in words.
 */
export interface ReceiptData {
  store: { name: string; cnpj: string; address: string; city: string; state: string };
  receiptNumber: string;
  date: IsoDate;
  amountCents: Cents;
  method: 'cash' | 'pix' | 'card' | 'transfer';
  methodLabel: string;
  customerName: string;
  customerCpf: string;
  receivedBy: string | null;
  reversedOn: IsoDate | null;
  reversalReason: string | null;
  amountInWords: string;
  lines: ReceiptLine[];
}

export interface ReceiptLine {
  number: number;
  count: number;
  dueDate: IsoDate;
  saleNumber: string;
  principalCents: Cents;
  fineCents: Cents;
  interestCents: Cents;
  discountCents: Cents;
}

/** 80 mm thermal printers: 48 columns by default, 42 on many Epson, Elgin and Bematech profiles (CONVENTIONS.md). */
export type ReceiptColumns = 48 | 42;

export interface ReceiptTextOptions {
  columns: ReceiptColumns;
  /** some printers mangle accents: print plain ASCII instead */
  accentFree: boolean;
}

/** On-paper name of a payment method, capitalised ("Dinheiro", "PIX"). */
export const METHOD_NAMES: Record<ReceiptData['method'], string> = { cash: 'Dinheiro', pix: 'PIX', card: 'Cartão', transfer: 'Transferência' };

/** How the payment was made, inside a sentence ("… a importância acima, em dinheiro, referente a:"). */
export const METHOD_IN_SENTENCE: Record<ReceiptData['method'], string> = { cash: 'em dinheiro', pix: 'por PIX', card: 'no cartão', transfer: 'por transferência' };

/** What one parcela adds up to on the receipt (the discount is subtracted). */
export const receiptLineTotal = (l: ReceiptLine): Cents => l.principalCents + l.fineCents + l.interestCents - l.discountCents;

/** "Campinas/SP", or just "SP" while the store's city is not filled in. */
export const receiptPlace = (store: ReceiptData['store']): string => [store.city.trim(), store.state.trim()].filter(Boolean).join('/');

/** CNPJ with its mask, or '' when the store has none yet. */
export const receiptCnpj = (cnpj: string): string => (onlyDigits(cnpj).length === 14 ? formatCnpj(cnpj) : cnpj.trim());

// Characters a receipt may carry that are not letters with accents: each maps to ASCII of the same length,
// so an accent-free receipt keeps exactly the layout of the normal one.
const ASCII_SAME_LENGTH: Record<string, string> = { 'º': 'o', 'ª': 'a', '°': 'o', '–': '-', '—': '-', '“': '"', '”': '"', '‘': "'", '’': "'", '·': '.', '\u00a0': ' ' };

/** Strips diacritics ("Conceição" → "Conceicao") and maps the few other non-ASCII signs; anything left becomes "?". */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, (ch) => ASCII_SAME_LENGTH[ch] ?? '?');
}

/** Breaks a text into lines of at most `width` characters, at spaces; a word longer than a line is cut. */
export function wrapText(text: string, width: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > width) {
      if (line) {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (!word) continue;
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

const center = (text: string, width: number): string => {
  const pad = Math.max(0, Math.floor((width - text.length) / 2));
  return ' '.repeat(pad) + text;
};

/** `left` and `right` on one line, `right` flush to the edge; when both don't fit, `right` goes to its own line. */
function spread(left: string, right: string, width: number): string[] {
  if (left.length + 1 + right.length <= width) return [left + ' '.repeat(width - left.length - right.length) + right];
  return [...wrapText(left, width), right.padStart(width)];
}

/**
 * The 80 mm receipt as plain text lines of at most `columns` characters, to be printed in a monospace font.
 * Amounts are right-aligned to the last column; long names and addresses wrap; nothing is ever cut off.
 */
export function receiptLines(receipt: ReceiptData, options: ReceiptTextOptions): string[] {
  const width = options.columns;
  // Normalise every fragment before laying it out, so lengths are those of what gets printed.
  const t = (s: string): string => (options.accentFree ? stripAccents(s) : s.normalize('NFC'));
  const out: string[] = [];
  const centered = (text: string) => wrapText(t(text), width).forEach((l) => out.push(center(l, width)));
  const para = (text: string) => out.push(...wrapText(t(text), width));
  const money = (label: string, cents: Cents, indent = '') => out.push(...spread(t(indent + label), t(formatBRL(cents)), width));
  const rule = (ch: string) => out.push(ch.repeat(width));

  const { store } = receipt;
  centered(store.name.toUpperCase());
  const cnpj = receiptCnpj(store.cnpj);
  if (cnpj) centered(`CNPJ ${cnpj}`);
  if (store.address.trim()) centered(store.address.trim());
  const place = receiptPlace(store);
  if (place) centered(place);
  rule('=');
  centered(`RECIBO Nº ${receipt.receiptNumber}`);
  rule('=');

  if (receipt.reversedOn) {
    centered(`*** ESTORNADO em ${formatDateBR(receipt.reversedOn)} ***`);
    if (receipt.reversalReason) para(`Motivo: ${receipt.reversalReason}`);
    rule('-');
  }

  out.push(...spread(t('VALOR'), t(formatBRL(receipt.amountCents)), width));
  para(`(${receipt.amountInWords})`);
  out.push('');
  para(
    `Recebemos de ${receipt.customerName}, CPF ${formatCpf(receipt.customerCpf)}, a importância acima, ` +
      `${METHOD_IN_SENTENCE[receipt.method]}, referente a:`,
  );
  rule('-');

  for (const line of receipt.lines) {
    out.push(...spread(t(`Carnê ${line.saleNumber} parc. ${line.number}/${line.count}`), t(`venc. ${formatDateBR(line.dueDate)}`), width));
    money('Principal', line.principalCents, '  ');
    if (line.fineCents) money('Multa', line.fineCents, '  ');
    if (line.interestCents) money('Juros', line.interestCents, '  ');
    if (line.discountCents) money('Desconto', -line.discountCents, '  ');
    if (receipt.lines.length > 1) money('Subtotal', receiptLineTotal(line), '  ');
  }
  rule('-');
  money('TOTAL PAGO', receipt.amountCents);
  out.push(...spread(t('Forma de pagamento'), t(METHOD_NAMES[receipt.method]), width));
  if (receipt.receivedBy) out.push(...spread(t('Recebido por'), t(receipt.receivedBy), width));
  rule('-');
  para(`${place ? `${place}, ` : ''}${formatDateBR(receipt.date)}`);
  out.push('', '');
  const signature = Math.min(width - 8, 36);
  out.push(center('_'.repeat(signature), width));
  centered(receipt.receivedBy ? `${receipt.receivedBy} - ${store.name}` : store.name);
  out.push('');
  centered('Guarde este recibo. Obrigado!');
  return out.map((l) => l.replace(/\s+$/, ''));
}
