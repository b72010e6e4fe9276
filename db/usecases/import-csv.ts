import type { Ctx } from '../context';
import { parseImport, type ImportError, type ParsedImport } from '../../shared/csv/import';
import { formatCpf } from '../../shared/cpf';
import { formatDateBR } from '../../shared/dates';
import { foldText } from '../../shared/text';
import { nextNumber } from './numbers';
import { contractCharges } from './ledger-load';
import { importStatements, writeImportedCustomers } from './import-write';
import { importMark, weeklyAfterImport } from '../projections/weekly';

export interface ImportResult {
  /** data lines in the file (the header and blank lines are not counted) */
  rows: number;
  /** lines written: all of them on success, 0 on a dry run or when any line is bad */
  imported: number;
  errors: ImportError[];
  /** what the file holds (dry run) or what was written (real run) */
  summary: { customersNew: number; customersExisting: number; sales: number; installments: number; totalCents: number };
}

export interface ExistingCustomer {
  id: string;
  name: string;
  nameFolded: string;
  deletedAt: string | null;
}

/**
 * `import.csv`: customers and their OPEN parcelas from a spreadsheet or another system (docs/importacao.md).
 * All or nothing: the dispatcher already runs this inside one transaction, and nothing is written unless every
 * line is good. A CPF already in the store receives the carnês (its record is not changed); a carnê the
 * customer already has (same date and description) is refused, so importing the same file twice never
 * doubles a debt.
 */
export function importCsv(ctx: Ctx, input: { content: string; dryRun: boolean }): ImportResult {
  const parsed = parseImport(input.content, { today: ctx.today });
  const errors = [...parsed.errors];
  const existing = checkAgainstStore(ctx, parsed, errors);
  errors.sort((a, b) => a.line - b.line);

  const installments = parsed.sales.reduce((n, s) => n + s.installments.length, 0);
  const summary = {
    customersNew: parsed.customers.length - existing.size,
    customersExisting: existing.size,
    sales: parsed.sales.length,
    installments,
    totalCents: parsed.sales.reduce((n, s) => n + s.totalCents, 0),
  };
  if (input.dryRun || errors.length) return { rows: parsed.rows, imported: 0, errors, summary };

  write(ctx, parsed, existing);
  return { rows: parsed.rows, imported: installments, errors: [], summary };
}

/** What the store checks of any import: who (CPF, name, line) and which carnês (CPF, date, description, line). */
export interface ImportedPeople {
  customers: { cpf: string; name: string; line: number }[];
  sales: { cpf: string; date: string; description: string; line: number }[];
}

/** What only the store knows: CPFs already registered (same person?) and carnês already there. */
export function checkAgainstStore(ctx: Ctx, parsed: ImportedPeople, errors: ImportError[]): Map<string, ExistingCustomer> {
  const q = ctx.store.sqlite;
  const byCpf = q.prepare('SELECT id, name, name_folded AS nameFolded, deleted_at AS deletedAt FROM customers WHERE cpf = ?');
  const existing = new Map<string, ExistingCustomer>();
  for (const c of parsed.customers) {
    const row = byCpf.get(c.cpf) as ExistingCustomer | undefined;
    if (!row) continue;
    if (row.deletedAt) {
      errors.push({ line: c.line, message: `CPF ${formatCpf(c.cpf)} pertence a um cliente excluído da loja; reative o cadastro antes de importar.` });
    } else if (row.nameFolded !== foldText(c.name)) {
      // Same CPF, another name: most likely a typo in the CPF, and attaching a debt to the wrong person is
      // the one mistake we must not make.
      errors.push({
        line: c.line,
        message: `CPF ${formatCpf(c.cpf)} já cadastrado na loja para “${row.name}”, e aqui o nome é “${c.name}”. Confira o CPF ou use o nome do cadastro.`,
      });
    }
    existing.set(c.cpf, row);
  }
  if (!existing.size) return existing;

  const salesOf = q.prepare('SELECT number, date, description FROM sales WHERE customer_id = ?');
  const known = new Map<string, Map<string, string>>();
  for (const s of parsed.sales) {
    const customer = existing.get(s.cpf);
    if (!customer) continue;
    let keys = known.get(customer.id);
    if (!keys) {
      keys = new Map();
      for (const r of salesOf.all(customer.id) as { number: string; date: string; description: string }[]) keys.set(`${r.date}|${foldText(r.description)}`, r.number);
      known.set(customer.id, keys);
    }
    const number = keys.get(`${s.date}|${foldText(s.description)}`);
    if (number) {
      errors.push({
        line: s.line,
        message: `Este carnê já está na loja: venda ${number} de ${formatDateBR(s.date)} (“${s.description}”) de ${customer.name}. Tire estas linhas do arquivo para não cobrar duas vezes.`,
      });
    }
  }
  return existing;
}

/** The writes, with the prepared statements every import shares (import-write.ts). */
function write(ctx: Ctx, parsed: ParsedImport, existing: Map<string, ExistingCustomer>): void {
  const q = ctx.store.sqlite;
  const { createdAt, updatedAt, device } = ctx.stamp();
  const meta = { createdAt, updatedAt, device };
  const put = importStatements(q);
  const weeklyFrom = importMark(ctx);
  const customerIds = writeImportedCustomers(ctx, parsed.customers, existing);

  // The contract's multa and juros de mora for these parcelas: the store's policy on the day of the import.
  const { fineRatePct, lateInterestMonthlyPct } = contractCharges(ctx);
  const createdBy = ctx.actor?.id ?? null;
  for (const s of parsed.sales) {
    const customerId = customerIds.get(s.cpf)!;
    ctx.touched.add(customerId);
    const saleId = ctx.newId();
    // Amounts as the other system decided them: no Tabela Price here; the paid parcelas are simply absent.
    put.sale.run({
      id: saleId,
      ...meta,
      customerId,
      number: nextNumber(ctx, 'sale'),
      date: s.date,
      description: s.description,
      totalCents: s.totalCents,
      installmentCount: s.installmentCount,
      monthlyRatePct: s.monthlyRatePct,
      createdBy,
    });
    for (const i of s.installments) {
      put.installment.run({
        id: ctx.newId(),
        ...meta,
        customerId,
        saleId,
        number: i.number,
        count: s.installmentCount,
        dueDate: i.dueDate,
        amountCents: i.amountCents,
        monthlyRatePct: s.monthlyRatePct,
        fineRatePct,
        lateInterestMonthlyPct,
      });
    }
  }
  weeklyAfterImport(ctx, weeklyFrom);
}
