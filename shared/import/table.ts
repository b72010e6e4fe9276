import { FIELD_SPECS, foldHeader, type ImportField, type ImportMapping } from './fields';
import { cellText, displayText, isBlank, shapeOf, type Cell, type ValueShape } from './values';

// A sheet as rows of cells, where its header is, what its columns are called, and a first guess of what each
// column holds (issue 11 "Column mapping on screen"). Pure.

/** One row of a sheet or CSV with the number the person sees (Excel's row number, or the CSV line). */
export interface SheetRow {
  line: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

export interface BookColumn {
  /** the name used in mappings and messages: the header, `Coluna C` when blank, `Valor (D)` when repeated */
  key: string;
  /** the Excel letter (A, B, … AA) */
  letter: string;
  index: number;
  header: string;
  /** first values under the header, as text */
  samples: string[];
  guess: ImportField | null;
}

const HEADER_SCAN = 30;

export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const headerFields = (header: string): ImportField[] => {
  const f = foldHeader(header);
  if (!f) return [];
  return FIELD_SPECS.filter((s) => s.headers.some((re) => re.test(f))).map((s) => s.key);
};

export type HeaderFound = { ok: true; index: number } | { ok: false; message: string };

/**
 * The header row: among the first rows, the one whose cells name the most known fields (titles, a store name
 * in merged cells and blank rows above it are skipped). A sheet whose first row already holds data (a CPF,
 * a date, an amount) has no header, and we say so instead of guessing.
 */
export function findHeader(sheet: Sheet): HeaderFound {
  const rows = sheet.rows.filter((r) => r.cells.some((c) => !isBlank(c)));
  if (!rows.length) return { ok: false, message: `A aba “${sheet.name}” está vazia.` };
  let best = -1;
  let bestHits = 0;
  rows.slice(0, HEADER_SCAN).forEach((r, i) => {
    const texts = r.cells.filter((c) => typeof c === 'string' && c.trim() && shapeOf(c) !== 'date' && shapeOf(c) !== 'money');
    const hits = texts.filter((c) => headerFields(String(c)).length > 0).length;
    if (texts.length >= 2 && hits > bestHits) {
      best = i;
      bestHits = hits;
    }
  });
  if (best >= 0 && bestHits >= 2) return { ok: true, index: sheet.rows.indexOf(rows[best]) };
  const first = rows[0];
  const dataLike = first.cells.map((c) => shapeOf(c)).filter((s): s is ValueShape => s === 'cpf' || s === 'date' || s === 'money' || s === 'phone');
  if (dataLike.length) {
    return {
      ok: false,
      message: `A aba “${sheet.name}” não tem cabeçalho: a linha ${first.line} já traz dados. Acrescente acima dela uma linha com o nome de cada coluna (Cliente, CPF, Vencimento, Valor…).`,
    };
  }
  return {
    ok: false,
    message: `Não achamos o cabeçalho na aba “${sheet.name}”: uma linha com os nomes das colunas (Cliente, CPF, Vencimento, Valor…) nas primeiras ${HEADER_SCAN} linhas.`,
  };
}

/** Columns under the header, with unique keys, sample values and the guessed field of each. */
export function describeColumns(sheet: Sheet, headerIndex: number): BookColumn[] {
  const header = sheet.rows[headerIndex].cells;
  const data = sheet.rows.slice(headerIndex + 1);
  let width = 0;
  header.forEach((c, i) => !isBlank(c) && (width = i + 1));
  for (const r of data.slice(0, 200)) r.cells.forEach((c, i) => !isBlank(c) && (width = Math.max(width, i + 1)));

  const seen = new Map<string, number>();
  const columns: BookColumn[] = [];
  for (let i = 0; i < width; i++) {
    const h = cellText(header[i] ?? null);
    const letter = columnLetter(i);
    const folded = foldHeader(h);
    let key = h || `Coluna ${letter}`;
    if (h && seen.has(folded)) key = `${h} (${letter})`;
    seen.set(folded, i);
    const samples: string[] = [];
    for (const r of data) {
      const c = r.cells[i] ?? null;
      if (!isBlank(c)) samples.push(displayText(c));
      if (samples.length >= 5) break;
    }
    columns.push({ key, letter, index: i, header: h, samples, guess: null });
  }
  // A blank column between filled ones stays (its letter is part of how the person reads the sheet), but a
  // column with neither a header nor values is of no use to map.
  const useful = columns.filter((c) => c.header || c.samples.length);
  guessFields(useful, data);
  return useful;
}

/** Money fields take whole numbers too (150 is R$ 150,00); text fields take names. */
const fits = (fieldShapes: ValueShape[], shape: ValueShape): boolean =>
  fieldShapes.includes(shape) || (shape === 'count' && fieldShapes.includes('money')) || (shape === 'name' && fieldShapes.includes('text'));

/** Only these shapes are distinctive enough to guess a field from the values alone. */
const BY_VALUE: Partial<Record<ValueShape, ImportField>> = { cpf: 'cpf', date: 'vencimento', money: 'valor', ref: 'parcela', phone: 'telefone', email: 'email', name: 'nome', status: 'pago' };

function guessFields(columns: BookColumn[], data: SheetRow[]): void {
  const sample = data.slice(0, 300);
  const candidates: { column: BookColumn; field: ImportField; score: number }[] = [];
  for (const col of columns) {
    const shapes = new Map<ValueShape, number>();
    let n = 0;
    for (const r of sample) {
      const s = shapeOf(r.cells[col.index] ?? null);
      if (!s) continue;
      n++;
      shapes.set(s, (shapes.get(s) ?? 0) + 1);
    }
    const share = (field: ImportField): number => {
      if (!n) return 0;
      const spec = FIELD_SPECS.find((f) => f.key === field)!;
      let k = 0;
      for (const [s, count] of shapes) if (fits(spec.shapes, s)) k += count;
      return k / n;
    };
    for (const field of headerFields(col.header)) {
      const f = share(field);
      // A header is a strong hint, unless the values plainly say otherwise ("Pago" holding amounts).
      if (!n || f >= 0.3) candidates.push({ column: col, field, score: 10 + 5 * f });
    }
    let top: ValueShape | null = null;
    for (const [s, count] of shapes) if (!top || count > shapes.get(top)!) top = s;
    const byValue = top && BY_VALUE[top];
    if (byValue && share(byValue) >= 0.8) candidates.push({ column: col, field: byValue, score: 5 * share(byValue) });
  }
  candidates.sort((a, b) => b.score - a.score || a.column.index - b.column.index);
  const taken = new Set<ImportField>();
  for (const c of candidates) {
    if (c.column.guess || taken.has(c.field)) continue;
    if ((c.field === 'vencimento' && taken.has('primeiro_vencimento')) || (c.field === 'primeiro_vencimento' && taken.has('vencimento'))) continue;
    c.column.guess = c.field;
    taken.add(c.field);
  }
}

export const guessedMapping = (columns: BookColumn[]): ImportMapping => {
  const m: ImportMapping = {};
  for (const c of columns) if (c.guess) m[c.key] = c.guess;
  return m;
};

/**
 * A saved mapping applied to this file's columns: by key, then by the header compared loosely, so a
 * mapping saved from "Vencto" still fits next month's "VENCTO".
 */
export function applySavedMapping(saved: ImportMapping, columns: BookColumn[]): { mapping: ImportMapping; unmatched: string[] } {
  const byFolded = new Map(columns.map((c) => [foldHeader(c.key), c.key]));
  const mapping: ImportMapping = {};
  const unmatched: string[] = [];
  for (const [key, field] of Object.entries(saved)) {
    const k = columns.some((c) => c.key === key) ? key : byFolded.get(foldHeader(key));
    if (k) mapping[k] = field;
    else unmatched.push(key);
  }
  return { mapping, unmatched };
}
