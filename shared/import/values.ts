import { isValidCpf as libIsValidCpf } from '@brazilian-utils/brazilian-utils';
import { onlyDigits } from '../cpf';
import { parseBRL, roundHalfUp } from '../money';
import { addDays, isIsoDate, type IsoDate } from '../dates';
import { foldText } from '../text';

// Reading one cell of a real store's book (issue 11): the same value arrives as Excel wrote it (a number, a
// serial date, a date already converted by the cell's format) or as text typed by hand in a dozen ways.
// Pure: runs in the backend that decides and in tests; every reader returns null for "cannot read".

/** A cell as the readers see it: text from CSV, or a typed value from a workbook. Dates from date-formatted
 * workbook cells arrive already as `YYYY-MM-DD` text. */
export type Cell = string | number | boolean | null;

export const cellText = (c: Cell): string => (c === null ? '' : typeof c === 'number' ? numberText(c) : String(c)).trim();

/** A number as a person would read it in Excel (no exponent, no float noise like 289.90000000000003). */
function numberText(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Math.round(n * 1e6) / 1e6);
}

/** A cell as the screen shows it: dates dd/mm/aaaa, decimal comma, numbers without float noise. */
export function displayText(c: Cell): string {
  if (typeof c === 'number') return numberText(c).replace('.', ',');
  if (typeof c === 'boolean') return c ? 'sim' : 'não';
  const t = cellText(c);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  return iso ? `${iso[3]}/${iso[2]}/${iso[1]}` : t;
}

export const isBlank = (c: Cell): boolean => c === null || (typeof c === 'string' && c.trim() === '');

// --- dates ------------------------------------------------------------------------------------------------

/** Excel's day 0 in the 1900 system is 1899-12-30 (it counts the 29/02/1900 that never was). */
const EXCEL_EPOCH_1900 = '1899-12-30';
const EXCEL_EPOCH_1904 = '1904-01-01';
/** Serial numbers that are plausible dates in a store's book: 1954-10-14 (20000) to 2119-01-10 (80000). */
const MIN_SERIAL = 20_000;
const MAX_SERIAL = 80_000;

export function excelSerialToDate(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const days = Math.floor(serial + 1e-9); // a time of day after the date is dropped
  if (days < MIN_SERIAL || days > MAX_SERIAL) return null;
  return addDays(date1904 ? EXCEL_EPOCH_1904 : EXCEL_EPOCH_1900, days);
}

const fromParts = (y: number, m: number, d: number): IsoDate | null => {
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
};

/**
 * A date in any form seen in Brazilian books: `dd/mm/aaaa`, `d/m/aa` (two-digit years are 20aa: a store's
 * sales and due dates are this century), `dd-mm-aaaa`, `dd.mm.aaaa`, ISO (with a time after it), an Excel
 * time after the date, or an Excel serial number (a number cell, or its digits in a CSV).
 */
export function readDate(c: Cell, opts: { date1904?: boolean } = {}): IsoDate | null {
  if (c === null || typeof c === 'boolean') return null;
  if (typeof c === 'number') return excelSerialToDate(c, opts.date1904);
  const t = c.trim().replace(/[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/, '');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) return plausible(fromParts(+m[1], +m[2], +m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return plausible(fromParts(year, +m[2], +m[1]));
  }
  if (/^\d{5}([.,]\d+)?$/.test(t)) return excelSerialToDate(Number(t.replace(',', '.')), opts.date1904);
  return null;
}

const plausible = (d: IsoDate | null): IsoDate | null => (d && d >= '1900-01-01' && d <= '2200-12-31' ? d : null);

// --- money ------------------------------------------------------------------------------------------------

/**
 * An amount in centavos: a number cell (289.9), or text `R$ 1.234,56`, `1234,56`, `1.234`, and the
 * `1234.56` other systems export (a dot followed by exactly one or two digits and nothing else is a decimal
 * point; `1.234` stays one thousand two hundred and thirty-four reais, as Brazilians write it).
 */
export function readAmount(c: Cell): number | null {
  if (c === null || typeof c === 'boolean') return null;
  if (typeof c === 'number') return Number.isFinite(c) ? roundHalfUp(c * 100) : null;
  const t = c.replace(/\u00a0/g, ' ').trim();
  if (!t) return null;
  const br = parseBRL(t);
  if (br !== null) return br;
  const dot = /^(-)?\s*(?:R\$\s*)?(\d+)\.(\d{1,2})$/.exec(t);
  if (dot) return (dot[1] ? -1 : 1) * (Number(dot[2]) * 100 + Number(dot[3].padEnd(2, '0')));
  // `1,234.56` (US grouping) from an export set to English.
  const us = /^(?:R\$\s*)?(\d{1,3}(?:,\d{3})+)\.(\d{2})$/.exec(t);
  if (us) return Number(us[1].replace(/,/g, '')) * 100 + Number(us[2]);
  return null;
}

// --- CPF --------------------------------------------------------------------------------------------------

export interface CpfRead {
  cpf: string;
  /** Excel dropped leading zeros (the column was a number) and we put them back */
  zerosRestored: boolean;
}

/**
 * CPF digits with or without punctuation; 9 or 10 digits are a CPF whose leading zeros Excel dropped
 * (`1234567890` → `012.345.678-90`), accepted only if the check digits then agree.
 */
export function readCpf(c: Cell): CpfRead | 'cnpj' | null {
  const t = cellText(c);
  if (!t || !/^[\d.\-\s/]+$/.test(t)) return null;
  const d = onlyDigits(t);
  if (d.length === 14 || /\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}/.test(t)) return 'cnpj';
  if (d.length === 11) return libIsValidCpf(d) ? { cpf: d, zerosRestored: false } : null;
  if (d.length >= 9 && d.length < 11) {
    const padded = d.padStart(11, '0');
    return libIsValidCpf(padded) ? { cpf: padded, zerosRestored: true } : null;
  }
  return null;
}

// --- parcela numbers ----------------------------------------------------------------------------------------

/** `3`, `03`, `3/10`, `3 de 10`, `3-10`, `Parc. 3/10` → number and (when given) count. */
export function readInstallmentRef(c: Cell): { number: number; count: number | null } | null {
  if (typeof c === 'number') return Number.isInteger(c) && c >= 1 && c <= 999 ? { number: c, count: null } : null;
  const t = foldText(cellText(c)).replace(/^(parc(ela)?\.?|prest(acao)?\.?|n[oº°]?\.?)\s*/, '');
  let m = /^(\d{1,3})$/.exec(t);
  if (m) return { number: Number(m[1]), count: null };
  m = /^(\d{1,3})\s*(?:\/|de|-|\||x)\s*(\d{1,3})$/.exec(t);
  if (m) return { number: Number(m[1]), count: Number(m[2]) };
  return null;
}

/** A whole count (`10`, `10x`, `10 parcelas`, a number cell). */
export function readCount(c: Cell): number | null {
  if (typeof c === 'number') return Number.isInteger(c) && c >= 0 && c <= 999 ? c : null;
  const m = /^(\d{1,3})\s*(x|vezes|parcelas?|parc\.?)?$/.exec(foldText(cellText(c)));
  return m ? Number(m[1]) : null;
}

/** `2`, `2,5`, `2.5`, `2,5%` (and a number cell) → 2.5. */
export function readRate(c: Cell): number | null {
  if (typeof c === 'number') return Number.isFinite(c) && c >= 0 ? c : null;
  const m = /^(\d{1,3})(?:[.,](\d{1,4}))?\s*%?$/.exec(cellText(c));
  return m ? Number(`${m[1]}.${m[2] ?? '0'}`) : null;
}

// --- yes/no and paid/open -----------------------------------------------------------------------------------

const YES = new Set(['sim', 's', 'x', 'yes', 'y', '1', 'true', 'verdadeiro', 'ok']);
const NO = new Set(['nao', 'n', 'no', '0', 'false', 'falso', '-']);
const PAID = new Set([...YES, 'pago', 'paga', 'pg', 'quitado', 'quitada', 'liquidado', 'liquidada', 'baixado', 'baixada', 'recebido', 'recebida', 'pago em dia', 'pago com atraso']);
const OPEN = new Set([...NO, 'aberto', 'aberta', 'em aberto', 'pendente', 'a vencer', 'vencido', 'vencida', 'atrasado', 'atrasada', 'a receber', 'devendo', 'nao pago', 'nao paga']);

export function readYesNo(c: Cell): boolean | null {
  if (typeof c === 'boolean') return c;
  const f = foldText(cellText(c));
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  return null;
}

/** A status column: paid (`pago`, `quitado`, `sim`…) or open (`aberto`, `pendente`, `não`, empty). */
export function readPaidFlag(c: Cell): boolean | null {
  if (typeof c === 'boolean') return c;
  const f = foldText(cellText(c));
  if (f === '') return false;
  if (PAID.has(f)) return true;
  if (OPEN.has(f)) return false;
  return null;
}

export const isPaidWord = (c: Cell): boolean => {
  const f = foldText(cellText(c));
  return f !== '' && (PAID.has(f) || OPEN.has(f)) && !YES.has(f) && !NO.has(f);
};

// --- shapes, for guessing a column from its values ----------------------------------------------------------

const PHONE = /^(\+?55\s*)?\(?\d{2}\)?\s*9?\d{4}[-\s]?\d{4}$/;
const EMAIL = /^[^\s@;,]+@[^\s@;,]+\.[^\s@;,]+$/;

export type ValueShape = 'cpf' | 'date' | 'money' | 'ref' | 'count' | 'phone' | 'email' | 'yesno' | 'status' | 'name' | 'text';

/** What a value looks like, the most specific shape first. */
export function shapeOf(c: Cell, opts: { dateCell?: boolean } = {}): ValueShape | null {
  if (isBlank(c)) return null;
  if (typeof c === 'boolean') return 'yesno';
  if (typeof c === 'number') {
    if (opts.dateCell) return 'date';
    if (Number.isInteger(c)) {
      if (c >= 100_000_000 && c < 100_000_000_000 && readCpf(c)) return 'cpf';
      if (c >= 1 && c <= 99) return 'count';
      if (c >= MIN_SERIAL && c <= 60_000) return 'date';
    }
    return 'money';
  }
  const t = (c as string).trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(t) || /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})([T\s].*)?$/.test(t)) return readDate(t) ? 'date' : 'text';
  if (/^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/.test(t) && readCpf(t)) return 'cpf';
  if (/^\d{9,11}$/.test(t) && readCpf(t) && !PHONE.test(t)) return 'cpf';
  if (PHONE.test(t)) return 'phone';
  if (/^\d{1,3}\s*(\/|de)\s*\d{1,3}$/.test(t)) return 'ref';
  if (/^\d{1,2}$/.test(t)) return 'count';
  if (/R\$/.test(t) || /^-?\d{1,3}(\.\d{3})*,\d{2}$/.test(t) || /^-?\d+[.,]\d{2}$/.test(t)) return readAmount(t) !== null ? 'money' : 'text';
  if (EMAIL.test(t)) return 'email';
  if (readYesNo(t) !== null) return 'yesno';
  if (isPaidWord(t)) return 'status';
  if (/^[\p{L}'.\s-]+$/u.test(t) && t.split(/\s+/).length >= 2) return 'name';
  return 'text';
}
