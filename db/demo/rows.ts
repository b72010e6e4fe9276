import type Database from 'better-sqlite3';
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import { customers, customerPhones, sales, agreements, installments, payments, allocations, reversals, contacts, promises, disputes, messages, feedback } from '../schema';

export type CustomerRow = typeof customers.$inferInsert;
export type PhoneRow = typeof customerPhones.$inferInsert;
export type SaleRow = typeof sales.$inferInsert;
export type AgreementRow = typeof agreements.$inferInsert;
export type InstallmentRow = typeof installments.$inferInsert;
export type PaymentRow = typeof payments.$inferInsert;
export type AllocationRow = typeof allocations.$inferInsert;
export type ReversalRow = typeof reversals.$inferInsert;
export type ContactRow = typeof contacts.$inferInsert;
export type PromiseRow = typeof promises.$inferInsert;
export type DisputeRow = typeof disputes.$inferInsert;
export type MessageRow = typeof messages.$inferInsert;
export type FeedbackRow = typeof feedback.$inferInsert;

/** Everything one demo customer adds to the store, in insertion order (parents before children). */
export interface CustomerRows {
  customer: CustomerRow;
  phones: PhoneRow[];
  sales: SaleRow[];
  /** renegotiations of overdue parcelas (the old parcelas point at them through renegotiatedBy) */
  agreements: AgreementRow[];
  installments: InstallmentRow[];
  payments: PaymentRow[];
  allocations: AllocationRow[];
  reversals: ReversalRow[];
  contacts: ContactRow[];
  promises: PromiseRow[];
  disputes: DisputeRow[];
  /** the régua's reminders, each with its `message_sent` contact */
  messages: MessageRow[];
  /** "como foi o atendimento?" answered after a payment that followed a conversation */
  feedback: FeedbackRow[];
}

type Inserter<R> = (row: R) => void;

/**
 * One prepared INSERT per table, its columns taken from the drizzle schema so a renamed column fails the
 * type check instead of the demo. Drizzle's query builder costs more than the write itself at 10^6 rows,
 * hence plain statements; the values are the same rows drizzle would write.
 */
function inserter<T extends Table>(sqlite: Database.Database, table: T): Inserter<T['$inferInsert']> {
  const columns = Object.entries(getTableColumns(table)) as [string, { name: string; default?: unknown }][];
  const keys = columns.map(([key]) => key);
  // A column added later with a default (e.g. reminders_paused) takes it when a demo row leaves it out.
  const defaults = columns.map(([, c]) => (c.default === true ? 1 : c.default === false ? 0 : (c.default ?? null)));
  const stmt = sqlite.prepare(`INSERT INTO "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`);
  return (row) => {
    const values = new Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const v = (row as Record<string, unknown>)[keys[i]];
      // SQLite has no booleans (drizzle's boolean mode stores 0/1); undefined takes the schema's default.
      values[i] = v === undefined ? defaults[i] : v === true ? 1 : v === false ? 0 : v;
    }
    stmt.run(values);
  };
}

export function rowWriter(sqlite: Database.Database) {
  const put = {
    customer: inserter(sqlite, customers),
    phone: inserter(sqlite, customerPhones),
    sale: inserter(sqlite, sales),
    agreement: inserter(sqlite, agreements),
    installment: inserter(sqlite, installments),
    payment: inserter(sqlite, payments),
    allocation: inserter(sqlite, allocations),
    reversal: inserter(sqlite, reversals),
    contact: inserter(sqlite, contacts),
    promise: inserter(sqlite, promises),
    dispute: inserter(sqlite, disputes),
    message: inserter(sqlite, messages),
    feedback: inserter(sqlite, feedback),
  };
  return (rows: CustomerRows): void => {
    put.customer(rows.customer);
    rows.phones.forEach(put.phone);
    rows.sales.forEach(put.sale);
    rows.agreements.forEach(put.agreement);
    rows.installments.forEach(put.installment);
    rows.payments.forEach(put.payment);
    rows.allocations.forEach(put.allocation);
    rows.reversals.forEach(put.reversal);
    rows.contacts.forEach(put.contact);
    rows.promises.forEach(put.promise);
    rows.disputes.forEach(put.dispute);
    rows.messages.forEach(put.message);
    rows.feedback.forEach(put.feedback);
  };
}
