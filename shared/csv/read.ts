import Papa from 'papaparse';

// Reading CSV the way Brazilian stores produce it (CONVENTIONS.md "Spreadsheets"): Excel writes `;` and a
// decimal comma, other systems write `,`; either may come with a BOM, CRLF line ends and a `sep=` first line.
// Pure code: runs in the renderer (preview) and in the backend (the import that decides).

export type CsvSeparator = ';' | ',' | '\t';

/** One record of the file with the number of the physical line where it starts (the first line is 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvRead {
  separator: CsvSeparator;
  /** the first non-empty record, or null for an empty file */
  header: CsvRecord | null;
  /** every non-empty record after the header; a record with only blank cells (`;;;`) is skipped */
  records: CsvRecord[];
  /** quoting problems, by line */
  problems: CsvProblem[];
}

const BOM = '\uFEFF';

/** Counts separators outside quotes in the first non-empty line; `;` wins a tie, since Excel BR writes it. */
export function detectSeparator(firstLine: string): CsvSeparator {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[';'] && counts['\t'] > counts[',']) return '\t';
  return counts[','] > counts[';'] ? ',' : ';';
}

/**
 * Parses CSV text into records that keep their line numbers, so every error can point at the line the person
 * sees in their editor, even when a quoted field (an address) spans lines.
 * `onProgress(fraction)` is called every few thousand records, for a progress bar in a worker.
 */
export function readCsv(content: string, opts: { onProgress?: (fraction: number) => void } = {}): CsvRead {
  let text = content.startsWith(BOM) ? content.slice(1) : content;
  // One line-end convention, so papaparse never mistakes a stray `\r` for data and line counting is simple.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');

  let firstLine = 1;
  let forced: CsvSeparator | null = null;
  const sepLine = /^sep=(.)\n/i.exec(text);
  if (sepLine) {
    const s = sepLine[1];
    forced = s === ',' || s === '\t' ? s : ';';
    text = text.slice(sepLine[0].length);
    firstLine = 2;
  }
  const firstNonEmpty = /^[^\n]*\S[^\n]*$/m.exec(text)?.[0] ?? '';
  const separator = forced ?? detectSeparator(firstNonEmpty);

  const out: CsvRead = { separator, header: null, records: [], problems: [] };
  if (!text.trim()) return out;

  let pos = 0;
  let line = firstLine;
  let seen = 0;
  const total = text.length;
  Papa.parse<string[]>(text, {
    delimiter: separator,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    skipEmptyLines: false,
    step: (r) => {
      const start = line;
      const cursor = r.meta.cursor;
      // Advance the line counter over the text this record consumed (its own line ends included).
      for (let i = text.indexOf('\n', pos); i !== -1 && i < cursor; i = text.indexOf('\n', i + 1)) line++;
      pos = cursor;
      for (const e of r.errors) {
        out.problems.push({
          line: start,
          message:
            e.code === 'MissingQuotes'
              ? 'Aspas (") abertas e não fechadas: confira esta linha; um texto entre aspas deve terminar com aspas.'
              : 'Aspas (") fora do lugar: dentro de um campo entre aspas, escreva aspas duplas ("").',
        });
      }
      const cells = r.data;
      if (cells.every((c) => c.trim() === '')) return;
      const record = { line: start, cells };
      if (!out.header) out.header = record;
      else out.records.push(record);
      if (opts.onProgress && ++seen % 5000 === 0) opts.onProgress(Math.min(1, cursor / total));
    },
  });
  opts.onProgress?.(1);
  return out;
}

/**
 * Bytes of a CSV file as text: UTF-8 when the bytes are valid UTF-8 (with or without BOM), otherwise
 * Windows-1252, which is what Excel in Portuguese writes when "CSV (separado por vírgulas)" is chosen.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Some runtimes (Node) decode "windows-1252" as ISO-8859-1, leaving 0x80–0x9F as control characters where
    // Windows has € “ ” – …: map those, which never appear in real text.
    return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80] || c);
  }
}

// Windows-1252 bytes 0x80–0x9F ('' where the code page has no character).
// prettier-ignore
const CP1252_C1 = ['€', '', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '', 'Ž', '',
                   '', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '', 'ž', 'Ÿ'];
