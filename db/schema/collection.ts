import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { rowMeta, bool } from './columns';
import { customers, users, customerPhones } from './people';
import { agreements } from './ledger';

export const contacts = sqliteTable(
  'contacts',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    userId: text('user_id').references(() => users.id),
    phoneId: text('phone_id').references(() => customerPhones.id),
    channel: text('channel', { enum: ['phone', 'whatsapp', 'sms', 'email', 'in_person'] }).notNull(),
    outcome: text('outcome').notNull(),
    at: text('at').notNull(),
    inbound: bool('inbound'),
    notes: text('notes'),
    objectionIds: text('objection_ids'),
  },
  (t) => [index('contacts_customer_at_ix').on(t.customerId, t.at)],
);

export const promises = sqliteTable(
  'promises',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    contactId: text('contact_id').references(() => contacts.id),
    date: text('date').notNull(),
    amountCents: integer('amount_cents').notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [index('promises_customer_ix').on(t.customerId, t.date)],
);

export const messages = sqliteTable(
  'messages',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    agreementId: text('agreement_id').references(() => agreements.id),
    channel: text('channel').notNull(),
    template: text('template').notNull(),
    body: text('body').notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [index('messages_customer_ix').on(t.customerId)],
);
