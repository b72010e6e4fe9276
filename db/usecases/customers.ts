import { eq, and, or, isNull, inArray, asc, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../context';
import { customers, customerPhones, sales, agreements } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import type { Customer, CustomerCreate, CustomerSearchItem } from '../../shared/contract/people';
import { onlyDigits } from '../../shared/cpf';
import { foldText } from '../../shared/text';
import { standingViews } from '../projections/read';

type CustomerRow = typeof customers.$inferSelect;

function requireCustomer(ctx: Ctx, id: string): CustomerRow {
  const row = ctx.db.select().from(customers).where(and(eq(customers.id, id), isNull(customers.deletedAt))).get();
  if (!row) throw new ApiError('not_found', 'Cliente não encontrado.', [{ path: 'id', message: 'Cliente não encontrado.' }]);
  return row;
}

function assertCpfFree(ctx: Ctx, cpf: string, exceptId?: string): void {
  const other = ctx.db.select({ id: customers.id, name: customers.name }).from(customers).where(eq(customers.cpf, cpf)).get();
  if (other && other.id !== exceptId) {
    throw new ApiError('conflict', `Já existe um cliente com este CPF: ${other.name}.`, [{ path: 'cpf', message: 'CPF já cadastrado.' }]);
  }
}

function writePhones(ctx: Ctx, customerId: string, phones: { number: string; whatsapp?: boolean }[]): void {
  const s = ctx.stamp();
  // Phones are master data: the old list is soft-deleted so past contacts still point at the number used.
  ctx.db.update(customerPhones).set({ deletedAt: s.updatedAt, updatedAt: s.updatedAt }).where(and(eq(customerPhones.customerId, customerId), isNull(customerPhones.deletedAt))).run();
  phones.forEach((p, position) =>
    ctx.db.insert(customerPhones).values({ id: ctx.newId(), customerId, number: onlyDigits(p.number), whatsapp: !!p.whatsapp, position, ...s }).run(),
  );
}

export function createCustomer(ctx: Ctx, input: CustomerCreate): { id: string } {
  const cpf = onlyDigits(input.cpf);
  assertCpfFree(ctx, cpf);
  const id = ctx.newId();
  ctx.db
    .insert(customers)
    .values({
      id,
      name: input.name,
      nameFolded: foldText(input.name),
      cpf,
      email: input.email || null,
      address: input.address || null,
      birthDate: input.birthDate ?? null,
      keyCustomer: !!input.keyCustomer,
      doNotCall: !!input.doNotCall,
      remindersPaused: !!input.remindersPaused,
      notes: input.notes || null,
      whatsappOptInAt: input.phones.some((p) => p.whatsapp) ? ctx.now.toISOString() : null,
      ...ctx.stamp(),
    })
    .run();
  writePhones(ctx, id, input.phones);
  ctx.touched.add(id);
  return { id };
}

export function updateCustomer(ctx: Ctx, input: { id: string } & Partial<Omit<CustomerCreate, 'birthDate'>> & { birthDate?: string | null }): Customer {
  const row = requireCustomer(ctx, input.id);
  const set: Partial<CustomerRow> = { updatedAt: ctx.now.toISOString(), device: ctx.settings.store.deviceCode };
  if (input.name !== undefined) Object.assign(set, { name: input.name, nameFolded: foldText(input.name) });
  if (input.cpf !== undefined) {
    const cpf = onlyDigits(input.cpf);
    assertCpfFree(ctx, cpf, row.id);
    set.cpf = cpf;
  }
  if (input.email !== undefined) set.email = input.email || null;
  if (input.address !== undefined) set.address = input.address || null;
  if (input.birthDate !== undefined) set.birthDate = input.birthDate;
  if (input.keyCustomer !== undefined) set.keyCustomer = input.keyCustomer;
  if (input.doNotCall !== undefined) set.doNotCall = input.doNotCall;
  if (input.remindersPaused !== undefined) set.remindersPaused = input.remindersPaused;
  if (input.notes !== undefined) set.notes = input.notes || null;
  if (input.phones !== undefined) {
    // Opt-in for WhatsApp reminders is recorded with its date (CONVENTIONS.md) and cleared on opt-out.
    const wants = input.phones.some((p) => p.whatsapp);
    if (wants && !row.whatsappOptInAt) set.whatsappOptInAt = ctx.now.toISOString();
    if (!wants) set.whatsappOptInAt = null;
    writePhones(ctx, row.id, input.phones);
  }
  ctx.db.update(customers).set(set).where(eq(customers.id, row.id)).run();
  ctx.touched.add(row.id);
  return getCustomer(ctx, row.id);
}

export function getCustomer(ctx: Ctx, id: string): Customer {
  const row = requireCustomer(ctx, id);
  const phones = ctx.db
    .select({ number: customerPhones.number, whatsapp: customerPhones.whatsapp })
    .from(customerPhones)
    .where(and(eq(customerPhones.customerId, id), isNull(customerPhones.deletedAt)))
    .orderBy(asc(customerPhones.position))
    .all();
  return {
    id: row.id,
    name: row.name,
    cpf: row.cpf,
    phones,
    email: row.email,
    address: row.address,
    birthDate: row.birthDate,
    keyCustomer: row.keyCustomer,
    doNotCall: row.doNotCall,
    remindersPaused: row.remindersPaused,
    notes: row.notes,
    createdAt: row.createdAt,
  };
}

/** `A-000012` or `a-12` → `A-000012` (numbers.ts: device code + 6-digit counter); null for anything else. */
function carneNumber(q: string): string | null {
  const m = /^([a-z0-9]{1,4})\s*-\s*(\d{1,9})$/i.exec(q);
  if (!m) return null;
  return `${m[1].toUpperCase()}-${m[2].replace(/^0+(?=\d)/, '').padStart(6, '0')}`;
}

/**
 * Search as you type: every word of the query must start a word of the name (accents and case ignored);
 * a query that is mostly digits matches the start of the CPF or of a phone (with or without its DDD); a carnê number
 * (`A-000012`, also typed `a-12`) finds the customer of that sale or agreement.
 */
export function searchCustomers(ctx: Ctx, input: { query: string; limit?: number }): { items: CustomerSearchItem[] } {
  const limit = input.limit ?? 50;
  const q = input.query.trim();
  const digits = onlyDigits(q);
  const looksNumeric = digits.length >= 3 && /^[\d.\-\s()/]+$/.test(q);
  const carne = carneNumber(q);
  const live = isNull(customers.deletedAt);
  let where;
  if (!q) where = live;
  else if (looksNumeric || carne) {
    const found: SQL[] = [];
    if (looksNumeric) {
      // The phone as typed: with its DDD or without it — both a range on an index (a contains-match would read
      // every phone of the store at each keystroke).
      const phoneMatch = ctx.db
        .select({ id: customerPhones.customerId })
        .from(customerPhones)
        .where(
          and(
            or(
              sql`(${customerPhones.number} >= ${digits} AND ${customerPhones.number} < ${digits + ':'})`,
              sql`(substr(${customerPhones.number}, 3) >= ${digits} AND substr(${customerPhones.number}, 3) < ${digits + ':'})`,
            ),
            isNull(customerPhones.deletedAt),
          ),
        );
      // A range, not LIKE (case-insensitive by default in SQLite), so the CPF index serves the prefix.
      found.push(sql`(${customers.cpf} >= ${digits} AND ${customers.cpf} < ${digits + ':'})`, sql`${customers.id} IN ${phoneMatch}`);
    }
    if (carne) {
      // A digits-only device code makes `12-345678` both a phone and a carnê: look for both.
      found.push(sql`${customers.id} IN ${ctx.db.select({ id: sales.customerId }).from(sales).where(eq(sales.number, carne))}`);
      found.push(sql`${customers.id} IN ${ctx.db.select({ id: agreements.customerId }).from(agreements).where(eq(agreements.number, carne))}`);
    }
    where = and(live, or(...found));
  }
  let rows: { id: string; name: string; cpf: string }[];
  if (!where) {
    const words = foldText(q).split(' ').filter(Boolean).slice(0, 6);
    const everyWord = words.map((w) => sql`(${customers.nameFolded} LIKE ${w + '%'} OR ${customers.nameFolded} LIKE ${'% ' + w + '%'})`);
    // Names that begin with the first word come first, read from a range of the name index (people type the first
    // name first: "mar sil" → Maria Silva); only when they are fewer than asked does the search read on, through
    // every name, for the first word in the middle of a name ("Ana Maria Silva").
    const first = words[0];
    const startsWith = sql`(${customers.nameFolded} >= ${first} AND ${customers.nameFolded} < ${first + '\uffff'})`;
    const pick = (cond: SQL | undefined, n: number) =>
      ctx.db.select({ id: customers.id, name: customers.name, cpf: customers.cpf }).from(customers).where(cond).orderBy(asc(customers.nameFolded)).limit(n).all();
    rows = pick(and(live, startsWith, ...everyWord), limit);
    if (rows.length < limit) rows = rows.concat(pick(and(live, sql`NOT ${startsWith}`, ...everyWord), limit - rows.length));
  } else rows = ctx.db.select({ id: customers.id, name: customers.name, cpf: customers.cpf }).from(customers).where(where).orderBy(asc(customers.nameFolded)).limit(limit).all();
  if (!rows.length) return { items: [] };
  const ids = rows.map((r) => r.id);
  const phones = new Map<string, string>();
  for (const p of ctx.db
    .select({ customerId: customerPhones.customerId, number: customerPhones.number })
    .from(customerPhones)
    .where(and(inArray(customerPhones.customerId, ids), isNull(customerPhones.deletedAt)))
    .orderBy(asc(customerPhones.position))
    .all())
    if (!phones.has(p.customerId)) phones.set(p.customerId, p.number);
  // From the standings projection: no ledger is rebuilt per row (db/projections).
  const standing = standingViews(ctx, ids);
  return {
    items: rows.map((r) => {
      const s = standing.get(r.id);
      return { ...r, phone: phones.get(r.id) ?? null, overdueCents: s?.overdueCents ?? 0, profile: (s?.profile ?? 'novo') as CustomerSearchItem['profile'], profileReasons: s?.profileReasons ?? [] };
    }),
  };
}
