import * as XLSX from '@e965/xlsx';
import { readCsv, type CsvSeparator } from '../csv/read';
import { excelSerialToDate, type Cell } from './values';
import type { Sheet, SheetRow } from './table';

// The file as sheets of typed cells, whatever it is: .xlsx / .xls (and .ods) through SheetJS, CSV with `;` or
// `,` in UTF-8 or Windows-1252 through our CSV reader (CONVENTIONS.md "Spreadsheets"). Pure: takes bytes.

export type BookFormat = 'xlsx' | 'xls' | 'ods' | 'csv';

export interface BookSource {
  format: BookFormat;
  sheets: Sheet[];
  /** CSV only */
  encoding?: 'utf-8' | 'windows-1252';
  separator?: CsvSeparator;
}

/** The file can't be read at all; the message is for the person. */
export class BookReadError extends Error {}

export const MAX_BOOK_BYTES = 50 * 1024 * 1024;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** An Office file encrypted with a password is an OLE container holding an `EncryptedPackage` stream. */
function hasEncryptedPackage(b: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  // Directory entries store names in UTF-16LE; the directory sits near the start in small files and anywhere
  // in large ones, so scan the whole thing (cheap next to reading a workbook).
  outer: for (let i = 0; i + name.length * 2 <= b.length; i++) {
    for (let k = 0; k < name.length; k++) if (b[i + 2 * k] !== name.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

const PROTECTED =
  'A planilha está protegida por senha e não pode ser lida. No Excel, abra-a com a senha, vá em Arquivo → Informações → Proteger pasta de trabalho → Criptografar com senha, apague a senha, salve e escolha o arquivo de novo.';

export function readBook(bytes: Uint8Array, fileName: string): BookSource {
  if (bytes.length > MAX_BOOK_BYTES) throw new BookReadError('Arquivo grande demais (limite de 50 MB). Divida a planilha por clientes e importe em partes.');
  if (!bytes.length) throw new BookReadError(`O arquivo “${fileName}” está vazio.`);
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (isOle(bytes) && hasEncryptedPackage(bytes)) throw new BookReadError(PROTECTED);
  if (isZip(bytes) || isOle(bytes) || ext === 'xlsx' || ext === 'xls' || ext === 'xlsm' || ext === 'ods') {
    if (!isZip(bytes) && !isOle(bytes) && (ext === 'xlsx' || ext === 'xlsm')) throw new BookReadError(`“${fileName}” não é uma planilha do Excel válida: o arquivo parece corrompido. Abra no Excel e salve de novo.`);
    // An ".xls" that is really text (old systems export HTML or tab-separated text with that name) goes to
    // SheetJS too, which reads both.
    if (isZip(bytes) || isOle(bytes) || ext === 'xls') return readWorkbook(bytes, fileName, ext);
  }
  return readCsvBook(bytes, fileName);
}

function readWorkbook(bytes: Uint8Array, fileName: string, ext: string): BookSource {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellFormula: false, cellHTML: false, cellText: false });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(msg)) throw new BookReadError(PROTECTED);
    throw new BookReadError(`Não foi possível ler “${fileName}” como planilha. Confira se ele abre no Excel; se abrir, salve como “Pasta de Trabalho do Excel (.xlsx)” e tente de novo.`);
  }
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const sheets: Sheet[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    const data = (ws as unknown as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? [];
    const rows: SheetRow[] = [];
    data.forEach((row, r) => {
      if (!row) return;
      const cells: Cell[] = new Array(row.length).fill(null);
      let any = false;
      row.forEach((cell, c) => {
        const v = cellValue(cell, date1904);
        cells[c] = v;
        if (v !== null && v !== '') any = true;
      });
      if (any) rows.push({ line: r + 1, cells });
    });
    sheets.push({ name, rows });
  }
  const format: BookFormat = isZip(bytes) ? (ext === 'ods' ? 'ods' : 'xlsx') : 'xls';
  return { format, sheets };
}

/** A typed cell: numbers stay numbers, date-formatted numbers become `YYYY-MM-DD`, errors (#REF!) blank. */
function cellValue(cell: XLSX.CellObject | undefined, date1904: boolean): Cell {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 'n': {
      const v = cell.v as number;
      if (cell.z && XLSX.SSF.is_date(String(cell.z))) return excelSerialToDate(v, date1904) ?? v;
      return v;
    }
    case 'd': {
      const d = cell.v as Date;
      return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
    }
    case 'b':
      return cell.v as boolean;
    case 'e':
    case 'z':
      return null;
    default:
      return String(cell.v);
  }
}

function readCsvBook(bytes: Uint8Array, fileName: string): BookSource {
  let text: string;
  let encoding: 'utf-8' | 'windows-1252' = 'utf-8';
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    encoding = 'windows-1252';
    text = decodeWindows1252(bytes);
  }
  if (text.includes('\u0000')) throw new BookReadError(`“${fileName}” não é um arquivo de texto (CSV) nem uma planilha do Excel que o EmDia conheça.`);
  const csv = readCsv(text);
  const rows: SheetRow[] = csv.header ? [csv.header, ...csv.records] : [];
  const name = fileName.replace(/\.[^.]*$/, '') || 'CSV';
  return { format: 'csv', sheets: [{ name, rows }], encoding, separator: csv.separator };
}

// Windows-1252 bytes 0x80–0x9F ('' where the code page has no character); the rest is ISO-8859-1.
// prettier-ignore
const CP1252_C1 = ['€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '',
                   '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ'];

function decodeWindows1252(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    s += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f && CP1252_C1[b - 0x80] ? CP1252_C1[b - 0x80].charCodeAt(0) : b)));
  }
  return s;
}
