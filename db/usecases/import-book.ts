import type { Ctx } from '../context';
import { ApiError } from '../../shared/contract/errors';
import type { ImportMappingItem, ImportPreviewInput, ImportPreviewResult, ImportRunInput, ImportRunResult } from '../../shared/contract/import';
import { readBook, BookReadError, type BookSource } from '../../shared/import/source';
import { findHeader, describeColumns, guessedMapping, applySavedMapping, type BookColumn, type Sheet } from '../../shared/import/table';
import { checkMapping, bookShape, IMPORT_FIELDS, type ImportMapping } from '../../shared/import/fields';
import { parseBook, summarizeBook, type ParsedBook } from '../../shared/import/book';
import { displayText } from '../../shared/import/values';
import { foldText } from '../../shared/text';
import { checkAgainstStore, type ExistingCustomer } from './import-csv';
import { contractCharges, storeCalendar } from './ledger-load';
import { importStatements, writeImportedCustomers } from './import-write';
import { importMark, weeklyAfterImport } from '../projections/weekly';

// `import.preview` / `import.run` / `import.mappings` (issue 11, docs/importacao.md): the store's own book,
// any spreadsheet, with the columns mapped on screen. The reading and the rules are pure (shared/import);
// here are the file's bytes, what only the store knows (CPFs already there, saved mappings) and the writes.

const SAMPLE_ROWS = 8;

interface Opened {
  source: BookSource;
  sheet: Sheet;
  headerIndex: number;
  columns: BookColumn[];
}

const invalid = (path: string, message: string) => new ApiError('validation', message, [{ path, message }]);

/** The file → its sheet → its header and columns; any failure is one pt-BR message and nothing else. */
function open(input: { content?: string; contentBase64?: string; fileName: string; sheet?: string }): Opened {
  const bytes = input.contentBase64 !== undefined ? new Uint8Array(Buffer.from(input.contentBase64, 'base64')) : new TextEncoder().encode(input.content ?? '');
  let source: BookSource;
  try {
    source = readBook(bytes, input.fileName);
  } catch (e) {
    if (e instanceof BookReadError) throw invalid('content', e.message);
    throw e;
  }
  const withData = source.sheets.filter((s) => s.rows.length > 0);
  if (!withData.length) {
    throw invalid('content', source.format === 'csv' ? `O arquivo “${input.fileName}” está vazio.` : `A planilha “${input.fileName}” está vazia: nenhuma aba tem dados.`);
  }
  let sheet: Sheet;
  if (input.sheet !== undefined) {
    const found = source.sheets.find((s) => s.name === input.sheet) ?? source.sheets.find((s) => foldText(s.name) === foldText(input.sheet!));
    if (!found) throw invalid('sheet', `A aba “${input.sheet}” não existe nesta planilha. Abas: ${source.sheets.map((s) => `“${s.name}”`).join(', ')}.`);
    sheet = found;
  } else sheet = withData[0];
  const header = findHeader(sheet);
  if (!header.ok) throw invalid(input.sheet !== undefined ? 'sheet' : 'content', header.message);
  return { source, sheet, headerIndex: header.index, columns: describeColumns(sheet, header.index) };
}

const columnName = (columns: BookColumn[]) => (key: string) => {
  const c = columns.find((x) => x.key === key);
  return c ? `“${c.key}” (${c.letter})` : `“${key}”`;
};

function loadMappings(ctx: Ctx): ImportMappingItem[] {
  const rows = ctx.store.sqlite.prepare('SELECT id, name, json, updated_at AS updatedAt FROM import_mappings ORDER BY updated_at DESC, name').all() as {
    id: string;
    name: string;
    json: string;
    updatedAt: string;
  }[];
  return rows.map((r) => {
    const parsed = JSON.parse(r.json) as { mapping?: ImportMapping };
    const mapping: ImportMapping = {};
    for (const [k, v] of Object.entries(parsed.mapping ?? {})) if ((IMPORT_FIELDS as readonly string[]).includes(v)) mapping[k] = v;
    return { id: r.id, name: r.name, mapping, updatedAt: r.updatedAt };
  });
}

export function listImportMappings(ctx: Ctx): { items: ImportMappingItem[] } {
  return { items: loadMappings(ctx) };
}

/** `import.preview`: what the file is, its columns with a guess for each, the first rows. Writes nothing. */
export function importPreview(ctx: Ctx, input: ImportPreviewInput): ImportPreviewResult {
  const o = open(input);
  const guessed = guessedMapping(o.columns);
  let mapping = guessed;
  let mappingName: string | null = null;
  const problems: { column: string; message: string }[] = [];
  if (input.mapping) {
    mapping = {};
    for (const [k, f] of Object.entries(input.mapping)) {
      if (o.columns.some((c) => c.key === k)) mapping[k] = f;
      else problems.push({ column: k, message: `A coluna “${k}” não existe nesta planilha.` });
    }
  } else {
    const saved = loadMappings(ctx);
    const wanted = input.mappingName !== undefined ? saved.filter((m) => foldText(m.name) === foldText(input.mappingName!)) : saved;
    if (input.mappingName !== undefined && !wanted.length) throw invalid('mappingName', `Não há mapeamento salvo com o nome “${input.mappingName}”.`);
    // A saved mapping is offered when every column it names is in this file and it is complete.
    for (const m of wanted) {
      const applied = applySavedMapping(m.mapping, o.columns);
      if ((input.mappingName !== undefined || !applied.unmatched.length) && !checkMapping(applied.mapping).length) {
        mapping = applied.mapping;
        mappingName = m.name;
        break;
      }
    }
  }
  problems.push(...checkMapping(mapping, columnName(o.columns)));
  const data = o.sheet.rows.slice(o.headerIndex + 1);
  return {
    fileName: input.fileName,
    format: o.source.format,
    encoding: o.source.encoding ?? null,
    separator: o.source.separator ?? null,
    sheets: o.source.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    sheet: o.sheet.name,
    headerLine: o.sheet.rows[o.headerIndex].line,
    rows: data.length,
    columns: o.columns.map(({ key, letter, header, samples, guess }) => ({ key, letter, header, samples, guess })),
    guessedMapping: guessed,
    mapping,
    mappingName,
    shape: bookShape(mapping),
    problems,
    sampleRows: data.slice(0, SAMPLE_ROWS).map((r) => ({ line: r.line, cells: o.columns.map((c) => displayText(r.cells[c.index] ?? null)) })),
  };
}

/**
 * `import.run`: the dry run lists every bad row with its reason and the totals; the real run writes
 * everything or nothing (the dispatcher's one transaction; nothing is written while any row is bad).
 */
export function importRun(ctx: Ctx, input: ImportRunInput): ImportRunResult {
  const o = open(input);
  const name = columnName(o.columns);
  const issues: { path: string; message: string }[] = [];
  for (const k of Object.keys(input.mapping)) {
    if (!o.columns.some((c) => c.key === k)) {
      const known = o.columns.map((c) => `“${c.key}”`).join(', ');
      issues.push({ path: `mapping.${k}`, message: `A coluna “${k}” não existe nesta planilha. Colunas: ${known}.` });
    }
  }
  for (const p of checkMapping(input.mapping, name)) issues.push({ path: p.column ? `mapping.${p.column}` : 'mapping', message: p.message });
  if (issues.length) throw new ApiError('validation', issues.map((i) => i.message).join(' '), issues);

  const book = parseBook(o.sheet, o.headerIndex, o.columns, input.mapping, { today: ctx.today });
  const errors = [...book.errors];
  const existing = checkAgainstStore(ctx, book, errors);
  errors.sort((a, b) => a.line - b.line);
  const cal = storeCalendar(ctx.settings);
  const s = summarizeBook(book, ctx.today, (d) => cal.nextOpenDay(d));
  const summary = {
    customersNew: book.customers.length - existing.size,
    customersExisting: existing.size,
    sales: s.sales,
    installments: s.installments,
    paidInstallments: s.paidInstallments,
    totalCents: s.totalCents,
    paidCents: s.paidCents,
    openCents: s.openCents,
    overdueCents: s.overdueCents,
  };
  const base = { rows: book.rows, warnings: book.warnings, shape: book.shape, sheet: o.sheet.name, summary };
  if (input.dryRun || errors.length) return { ...base, imported: 0, errors };

  writeBook(ctx, book, existing);
  if (input.saveMappingAs) saveMapping(ctx, input.saveMappingAs, input.mapping);
  return { ...base, imported: s.installments, errors: [] };
}

function saveMapping(ctx: Ctx, name: string, mapping: ImportMapping): void {
  const st = ctx.stamp();
  ctx.store.sqlite
    .prepare(
      `INSERT INTO import_mappings (id, created_at, updated_at, device, name, json) VALUES (@id, @createdAt, @updatedAt, @device, @name, @json)
       ON CONFLICT(name) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
    )
    .run({ id: ctx.newId(), ...st, name, json: JSON.stringify({ mapping }) });
}

/** `n` consecutive human numbers of one kind in one statement pair: `${device}-${prefix}000123`. */
function reserveNumbers(ctx: Ctx, counter: string, prefix: string, n: number): (i: number) => string {
  if (n === 0) return () => '';
  const device = ctx.settings.store.deviceCode;
  const id = `${counter}:${device}`;
  const st = ctx.stamp();
  const q = ctx.store.sqlite;
  q.prepare(
    `INSERT INTO counters (id, created_at, updated_at, device, value) VALUES (@id, @createdAt, @updatedAt, @device, @n)
     ON CONFLICT(id) DO UPDATE SET value = value + @n, updated_at = @updatedAt`,
  ).run({ id, ...st, device, n });
  const { value } = q.prepare('SELECT value FROM counters WHERE id = ?').get(id) as { value: number };
  const first = value - n + 1;
  return (i) => `${device}-${prefix}${String(first + i).padStart(6, '0')}`;
}

/**
 * The writes, with prepared statements (100 000 rows: docs/importacao.md, test/bench/import.bench.ts).
 * Paid parcelas become real payments with their allocations, on the day they were paid, so profiles start
 * from the store's real record. A parcela paid in full carries no multa/juros terms: what the old book
 * charged for it is unknown, and a settled parcela must not come back owing charges. Open (or partly paid)
 * parcelas get the store's policy on the day of the import, like any new parcela.
 */
function writeBook(ctx: Ctx, book: ParsedBook, existing: Map<string, ExistingCustomer>): void {
  const q = ctx.store.sqlite;
  const { createdAt, updatedAt, device } = ctx.stamp();
  const meta = { createdAt, updatedAt, device };
  const put = importStatements(q);
  const insertPayment = q.prepare(
    `INSERT INTO payments (id, created_at, updated_at, device, customer_id, receipt_number, date, amount_cents, method, created_by)
     VALUES (@id, @createdAt, @updatedAt, @device, @customerId, @receiptNumber, @date, @amountCents, 'cash', @createdBy)`,
  );
  const insertAllocation = q.prepare(
    `INSERT INTO allocations (id, created_at, updated_at, device, payment_id, installment_id, principal_cents, fine_cents, interest_cents, discount_cents)
     VALUES (@id, @createdAt, @updatedAt, @device, @paymentId, @installmentId, @principalCents, 0, 0, 0)`,
  );

  const weeklyFrom = importMark(ctx);
  const customerIds = writeImportedCustomers(ctx, book.customers, existing);

  const policy = contractCharges(ctx);
  const createdBy = ctx.actor?.id ?? null;
  const saleNumber = reserveNumbers(ctx, 'sale', '', book.sales.length);
  let payments = 0;
  for (const s of book.sales) for (const i of s.installments) if (i.paidCents > 0) payments++;
  // Imported history gets its own series ("H"), so the store's paper receipts keep their numbering.
  const receiptNumber = reserveNumbers(ctx, 'import-receipt', 'H', payments);
  let p = 0;
  book.sales.forEach((s, k) => {
    const customerId = customerIds.get(s.cpf)!;
    ctx.touched.add(customerId);
    const saleId = ctx.newId();
    put.sale.run({
      id: saleId,
      ...meta,
      customerId,
      number: saleNumber(k),
      date: s.date,
      description: s.description,
      totalCents: s.totalCents,
      installmentCount: s.installmentCount,
      monthlyRatePct: s.monthlyRatePct,
      createdBy,
    });
    for (const i of s.installments) {
      const installmentId = ctx.newId();
      const settled = i.paidCents === i.amountCents;
      put.installment.run({
        id: installmentId,
        ...meta,
        customerId,
        saleId,
        number: i.number,
        count: s.installmentCount,
        dueDate: i.dueDate,
        amountCents: i.amountCents,
        monthlyRatePct: s.monthlyRatePct,
        fineRatePct: settled ? 0 : policy.fineRatePct,
        lateInterestMonthlyPct: settled ? 0 : policy.lateInterestMonthlyPct,
      });
      if (i.paidCents > 0) {
        const paymentId = ctx.newId();
        insertPayment.run({ id: paymentId, ...meta, customerId, receiptNumber: receiptNumber(p++), date: i.paidOn, amountCents: i.paidCents, createdBy });
        insertAllocation.run({ id: ctx.newId(), ...meta, paymentId, installmentId, principalCents: i.paidCents });
      }
    }
  });
  weeklyAfterImport(ctx, weeklyFrom);
}
