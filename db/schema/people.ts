import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowMeta, bool } from './columns';

export const settings = sqliteTable('settings', {
  ...rowMeta,
  json: text('json').notNull(),
});

export const users = sqliteTable('users', {
  ...rowMeta,
  name: text('name').notNull(),
  role: text('role', { enum: ['clerk', 'owner'] }).notNull(),
  pinHash: text('pin_hash').notNull(),
  failedAttempts: integer('failed_attempts').notNull().default(0),
  lockedUntil: text('locked_until'),
  deletedAt: text('deleted_at'),
});

export const customers = sqliteTable(
  'customers',
  {
    ...rowMeta,
    name: text('name').notNull(),
    /** lower-case, accent-free copy of the name for search as you type */
    nameFolded: text('name_folded').notNull(),
    /** 11 digits, no punctuation */
    cpf: text('cpf').notNull(),
    email: text('email'),
    address: text('address'),
    birthDate: text('birth_date'),
    keyCustomer: bool('key_customer'),
    doNotCall: bool('do_not_call'),
    notes: text('notes'),
    whatsappOptInAt: text('whatsapp_opt_in_at'),
    /** the customer asked for no automatic reminders (the régua skips them) */
    remindersPaused: bool('reminders_paused'),
    anonymizedAt: text('anonymized_at'),
    deletedAt: text('deleted_at'),
  },
  (t) => [uniqueIndex('customers_cpf_uq').on(t.cpf), index('customers_name_folded_ix').on(t.nameFolded)],
);

export const customerPhones = sqliteTable(
  'customer_phones',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    /** digits with DDD, no country code */
    number: text('number').notNull(),
    whatsapp: bool('whatsapp'),
    wrongNumber: bool('wrong_number'),
    position: integer('position').notNull(),
    deletedAt: text('deleted_at'),
  },
  (t) => [
    index('customer_phones_customer_ix').on(t.customerId),
    index('customer_phones_number_ix').on(t.number),
    // the number without its DDD: a clerk often types only the local number (customers.search)
    index('customer_phones_local_ix').on(sql`substr(${t.number}, 3)`),
  ],
);
