import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { rowMeta } from './columns';
import { customers, users } from './people';

// The formal path (negativação), owner only. EmDia never talks to a credit bureau: it prints the written
// notice the law requires before a record (CDC art. 43 §2), keeps what the owner says was registered, and
// reminds the owner to ask for the removal within 5 business days of full payment (STJ Súmula 548).

/** A written notice sent to the customer before a bureau record: the debt's breakdown and a deadline to pay. */
export const formalNotices = sqliteTable(
  'formal_notices',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    /** the store day the notice was sent */
    sentOn: text('sent_on').notNull(),
    /** the last day to pay before the record may be made */
    deadline: text('deadline').notNull(),
    principalCents: integer('principal_cents').notNull(),
    fineCents: integer('fine_cents').notNull(),
    interestCents: integer('interest_cents').notNull(),
    totalCents: integer('total_cents').notNull(),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [index('formal_notices_customer_ix').on(t.customerId)],
);

/** A record the owner registered at a credit bureau, and its removal after payment. */
export const bureauRecords = sqliteTable(
  'bureau_records',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    noticeId: text('notice_id').references(() => formalNotices.id),
    /** the bureau's name as the owner typed it (SPC, Serasa, Boa Vista…) */
    bureau: text('bureau').notNull(),
    registeredOn: text('registered_on').notNull(),
    amountCents: integer('amount_cents').notNull(),
    registeredBy: text('registered_by').references(() => users.id),
    /** the day the whole debt was paid; from then the removal is due */
    paidOffOn: text('paid_off_on'),
    /** 5 business days after `paid_off_on` (STJ Súmula 548) */
    removalDue: text('removal_due'),
    removedOn: text('removed_on'),
    removedBy: text('removed_by').references(() => users.id),
  },
  (t) => [index('bureau_records_customer_ix').on(t.customerId), index('bureau_records_removal_ix').on(t.removedOn, t.removalDue)],
);
