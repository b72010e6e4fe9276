import { formatDecimalBR } from '../money';
import { formatDateBR } from '../dates';

// Writing CSV that Brazilian Excel opens right with a double click (CONVENTIONS.md "Spreadsheets"): `;`
// separator, decimal comma without `R$`, dates dd/mm/aaaa, UTF-8 with BOM (without it Excel reads the
// accents as Latin-1), CRLF line ends, quotes only where needed, and no `sep=` line.

/** A cell: text as is, money and dates tagged so they get the Brazilian format, sim/não for booleans. */
export type CsvValue = string | number | boolean | null | undefined | { cents: number } | { date: string };

export const BOM = '\uFEFF';
export const SEPARATOR = ';';

export const money = (cents: number): CsvValue => ({ cents });
export const date = (isoDate: string): CsvValue => ({ date: isoDate });

function cellText(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'sim' : 'não';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).replace('.', ',') : '';
  if (typeof v === 'object') return 'cents' in v ? formatDecimalBR(v.cents) : formatDateBR(v.date);
  // A text starting with = + - @ would run as a formula in Excel (CSV injection, OWASP): a leading apostrophe
  // keeps it text. Numbers, money and dates never pass here, so a negative amount is still a number.
  return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
}

/** One field, quoted when it holds the separator, a quote or a line break; inner quotes are doubled. */
export function csvField(v: CsvValue): string {
  const s = cellText(v);
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: CsvValue[]): string => values.map(csvField).join(SEPARATOR);

/** A whole file: BOM, header, rows, CRLF after every line. */
export function toCsv(header: string[], rows: Iterable<CsvValue[]>, opts: { bom?: boolean } = {}): string {
  const lines = [csvLine(header)];
  for (const r of rows) lines.push(csvLine(r));
  return (opts.bom === false ? '' : BOM) + lines.join('\r\n') + '\r\n';
}

/**
 * Typed columns for exports: `toCsvColumns([{ header: 'valor', value: (r) => money(r.amountCents) }], rows)`.
 */
export function toCsvColumns<T>(columns: { header: string; value: (row: T) => CsvValue }[], rows: Iterable<T>, opts: { bom?: boolean } = {}): string {
  function* lines() {
    for (const r of rows) yield columns.map((c) => c.value(r));
  }
  return toCsv(
    columns.map((c) => c.header),
    lines(),
    opts,
  );
}
