import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../context';
import { customers, customerPhones } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import { foldText } from '../../shared/text';

/**
 * LGPD (Lei 13.709/2018) art. 18: the customer may ask what the store holds about them (II, access) and to
 * have data anonymised (IV). Financial records stay: the store keeps its accounts (art. 16 I, legal
 * obligation; art. 7 X, credit protection), but without anything that identifies the person.
 */

type Row = Record<string, unknown>;

function requireCustomer(ctx: Ctx, id: string) {
  const row = ctx.db.select().from(customers).where(and(eq(customers.id, id), isNull(customers.deletedAt))).get();
  if (!row) throw new ApiError('not_found', 'Cliente não encontrado.', [{ path: 'id', message: 'Cliente não encontrado.' }]);
  return row;
}

const tableNames = (ctx: Ctx): string[] =>
  (ctx.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
const columns = (ctx: Ctx, table: string): string[] => (ctx.store.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);

/**
 * Everything held about one customer: their record and every row of every table that names them (found by
 * the `customer_id` column, so tables added later are included), the rows hanging from their payments, and
 * the audit lines that mention them.
 */
export function exportCustomer(ctx: Ctx, id: string) {
  const customer = requireCustomer(ctx, id);
  const data: Record<string, Row[]> = {};
  const q = (sql: string, ...args: unknown[]) => ctx.store.sqlite.prepare(sql).all(...args) as Row[];
  for (const t of tableNames(ctx)) {
    const cols = columns(ctx, t);
    if (cols.includes('customer_id')) data[t] = q(`SELECT * FROM "${t}" WHERE customer_id = ? ORDER BY rowid`, id);
    else if (cols.includes('payment_id') && t !== 'payments') {
      data[t] = q(`SELECT * FROM "${t}" WHERE payment_id IN (SELECT id FROM payments WHERE customer_id = ?) ORDER BY rowid`, id);
    }
  }
  const audit = q(`SELECT at, user_name, transport, method, summary FROM audit WHERE instr(summary, ?) > 0 ORDER BY at`, id);
  const { nameFolded: _folded, ...person } = customer;
  return {
    exportedAt: ctx.now.toISOString(),
    store: { name: ctx.settings.store.name, cnpj: ctx.settings.store.cnpj, address: ctx.settings.store.address, city: ctx.settings.store.city, state: ctx.settings.store.state },
    purpose:
      'Dados usados para o crediário (venda a prazo, carnê, recebimentos) e para a cobrança das parcelas: execução do contrato e proteção do crédito (LGPD art. 7º, V e X).',
    customer: person,
    records: Object.fromEntries(Object.entries(data).filter(([, rows]) => rows.length)),
    audit,
  };
}

export const ANONYMIZED_NAME = 'Cliente anonimizado';

/**
 * Removes what identifies the person and keeps the money: name, CPF (replaced by a unique placeholder that
 * is not a CPF, so the unique index holds), phones, e-mail, address, birth date and free-text notes go;
 * sales, parcelas, payments and agreements stay for the store's accounts. The customer leaves collection.
 * The audit keeps who asked (the dispatcher's row) but its older lines lose the personal values.
 */
export function anonymizeCustomer(ctx: Ctx, id: string): { id: string } {
  const row = requireCustomer(ctx, id);
  if (row.anonymizedAt) return { id };
  const now = ctx.now.toISOString();
  const phones = ctx.db.select({ number: customerPhones.number }).from(customerPhones).where(eq(customerPhones.customerId, id)).all();
  const secrets = [row.name, row.cpf, row.email, row.address, row.notes, ...phones.map((p) => p.number)].filter((v): v is string => !!v && v.length >= 3);

  ctx.db
    .update(customers)
    .set({
      name: ANONYMIZED_NAME,
      nameFolded: foldText(ANONYMIZED_NAME),
      cpf: `ANON-${id}`,
      email: null,
      address: null,
      birthDate: null,
      notes: null,
      keyCustomer: false,
      doNotCall: true,
      remindersPaused: true,
      whatsappOptInAt: null,
      anonymizedAt: now,
      updatedAt: now,
      device: ctx.settings.store.deviceCode,
    })
    .where(eq(customers.id, id))
    .run();
  ctx.db.update(customerPhones).set({ number: '', whatsapp: false, deletedAt: now, updatedAt: now }).where(eq(customerPhones.customerId, id)).run();

  const sqlite = ctx.store.sqlite;
  const tables = new Set(tableNames(ctx));
  // Free text written about the person in contacts and disputes, and the messages sent to them.
  if (tables.has('contacts')) sqlite.prepare('UPDATE contacts SET notes = NULL, updated_at = ? WHERE customer_id = ? AND notes IS NOT NULL').run(now, id);
  if (tables.has('disputes')) sqlite.prepare('UPDATE disputes SET notes = NULL, resolution = NULL, updated_at = ? WHERE customer_id = ?').run(now, id);
  if (tables.has('feedback')) sqlite.prepare('UPDATE feedback SET notes = NULL, updated_at = ? WHERE customer_id = ? AND notes IS NOT NULL').run(now, id);
  if (tables.has('messages')) {
    const cols = columns(ctx, 'messages');
    sqlite.prepare(`UPDATE messages SET body = '(removido a pedido do cliente — LGPD)', recipient = NULL, subject = NULL, updated_at = ? WHERE customer_id = ?`).run(now, id);
    // Nothing still waiting to go out may reach the person.
    if (cols.includes('status')) sqlite.prepare(`UPDATE messages SET status = 'cancelled' WHERE customer_id = ? AND status IN ('queued', 'ready')`).run(id);
  }
  redactAudit(ctx, id, row.cpf, secrets);
  ctx.touched.add(id);
  return { id };
}

const PERSONAL_KEYS = new Set(['name', 'cpf', 'phones', 'phone', 'email', 'address', 'notes', 'birthDate']);
const formattedCpf = (d: string) => (d.length === 11 ? `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}` : d);

/**
 * The audit is append-only, except for this (LGPD art. 18 IV): the lines about this customer keep what was
 * done and by whom, but the personal values in their summaries become "***".
 */
function redactAudit(ctx: Ctx, id: string, cpf: string, secrets: string[]): void {
  const sqlite = ctx.store.sqlite;
  const keys = [id, cpf, formattedCpf(cpf)];
  const rows = sqlite
    .prepare(`SELECT id, summary FROM audit WHERE ${keys.map(() => 'instr(summary, ?) > 0').join(' OR ')}`)
    .all(...keys) as { id: string; summary: string }[];
  const update = sqlite.prepare('UPDATE audit SET summary = ? WHERE id = ?');
  const masks = [...secrets, formattedCpf(cpf)].map((v) => JSON.stringify(v).slice(1, -1));
  for (const r of rows) {
    let next: string;
    try {
      next = JSON.stringify(JSON.parse(r.summary), (k, v) => (PERSONAL_KEYS.has(k) ? '***' : v));
    } catch {
      next = r.summary; // a summary cut at 1000 characters is no longer JSON: the values are masked below
    }
    for (const m of masks) next = next.split(m).join('***');
    if (next !== r.summary) update.run(next, r.id);
  }
}
