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
    /** outcome callback: the time and channel the customer chose */
    callbackAt: text('callback_at'),
    callbackChannel: text('callback_channel'),
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
    /** the régua step and parcela a reminder was made for: one message per step, parcela and channel */
    stepId: text('step_id'),
    installmentId: text('installment_id'),
    /** email: queued → sent | failed (retried); whatsapp/sms: ready (text prepared) → sent when the clerk sends it */
    status: text('status').notNull().default('sent'),
    recipient: text('recipient'),
    subject: text('subject'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at'),
    lastError: text('last_error'),
    sentAt: text('sent_at'),
    contactId: text('contact_id').references(() => contacts.id),
  },
  (t) => [index('messages_customer_ix').on(t.customerId), index('messages_status_ix').on(t.status, t.nextAttemptAt)],
);

/**
 * A customer's dispute (CALLS.md objections): the product is defective or was not received, a payment to
 * check, or a purchase the customer does not recognise. While open, collection is paused; the owner resolves it.
 */
export const disputes = sqliteTable(
  'disputes',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    contactId: text('contact_id').references(() => contacts.id),
    kind: text('kind', { enum: ['defect', 'not_received', 'payment_check', 'not_recognized', 'other'] }).notNull(),
    notes: text('notes'),
    openedBy: text('opened_by').references(() => users.id),
    resolvedAt: text('resolved_at'),
    resolvedBy: text('resolved_by').references(() => users.id),
    resolution: text('resolution'),
  },
  (t) => [index('disputes_customer_ix').on(t.customerId)],
);

/**
 * The customer's answer to "como foi o atendimento?" (1–5) after an agreement or a payment (issue "The guided
 * call" item 9), for the owner's dashboard.
 */
export const feedback = sqliteTable(
  'feedback',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    contactId: text('contact_id').references(() => contacts.id),
    score: integer('score').notNull(),
    notes: text('notes'),
    userId: text('user_id').references(() => users.id),
  },
  (t) => [index('feedback_customer_ix').on(t.customerId)],
);
