import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import { foldText } from '../../shared/text';
import { preparedOn } from './ledger-load';

// The rows every import writes (import.csv and import.run), with prepared statements: drizzle's per-row query
// building costs more than SQLite itself when a store brings 100 000 parcelas (docs/importacao.md).

export interface ImportedCustomer {
  name: string;
  cpf: string;
  email: string | null;
  address: string | null;
  phones: { number: string; whatsapp: boolean }[];
}

export function importStatements(q: Database.Database) {
  return {
    customer: preparedOn(q,
      `INSERT INTO customers (id, created_at, updated_at, device, name, name_folded, cpf, email, address, whatsapp_opt_in_at)
       VALUES (@id, @createdAt, @updatedAt, @device, @name, @nameFolded, @cpf, @email, @address, @whatsappOptInAt)`),
    phone: preparedOn(q,
      `INSERT INTO customer_phones (id, created_at, updated_at, device, customer_id, number, whatsapp, position)
       VALUES (@id, @createdAt, @updatedAt, @device, @customerId, @number, @whatsapp, @position)`),
    sale: preparedOn(q,
      `INSERT INTO sales (id, created_at, updated_at, device, customer_id, number, date, description, total_cents, down_payment_cents,
                          financed_cents, installment_count, monthly_rate_pct, created_by, source)
       VALUES (@id, @createdAt, @updatedAt, @device, @customerId, @number, @date, @description, @totalCents, 0,
               @totalCents, @installmentCount, @monthlyRatePct, @createdBy, 'import')`),
    installment: preparedOn(q,
      `INSERT INTO installments (id, created_at, updated_at, device, customer_id, sale_id, number, count, due_date, amount_cents,
                                 monthly_rate_pct, fine_rate_pct, late_interest_monthly_pct)
       VALUES (@id, @createdAt, @updatedAt, @device, @customerId, @saleId, @number, @count, @dueDate, @amountCents,
               @monthlyRatePct, @fineRatePct, @lateInterestMonthlyPct)`),
  };
}

/**
 * The file's new customers, with their phones; a customer the store already has keeps its record. Returns the
 * id of every customer by CPF. Each new one is touched: the dispatcher derives its standings in bulk.
 */
export function writeImportedCustomers(ctx: Ctx, customers: ImportedCustomer[], existing: Map<string, { id: string }>): Map<string, string> {
  const put = importStatements(ctx.store.sqlite);
  const { createdAt, updatedAt, device } = ctx.stamp();
  const meta = { createdAt, updatedAt, device };
  const now = ctx.now.toISOString();
  const ids = new Map<string, string>();
  for (const [cpf, c] of existing) ids.set(cpf, c.id);
  for (const c of customers) {
    if (ids.has(c.cpf)) continue;
    const id = ctx.newId();
    ids.set(c.cpf, id);
    ctx.touched.add(id);
    put.customer.run({
      id,
      ...meta,
      name: c.name,
      nameFolded: foldText(c.name),
      cpf: c.cpf,
      email: c.email,
      address: c.address,
      // A WhatsApp "sim" in the file is the opt-in the old system recorded; EmDia dates it from the import.
      whatsappOptInAt: c.phones.some((p) => p.whatsapp) ? now : null,
    });
    c.phones.forEach((p, position) => put.phone.run({ id: ctx.newId(), ...meta, customerId: id, number: p.number, whatsapp: p.whatsapp ? 1 : 0, position }));
  }
  return ids;
}
