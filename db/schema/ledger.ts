import { sqliteTable, text, integer, real, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { rowMeta } from './columns';
import { customers, users } from './people';

// Money tables are append-only: amounts are never updated and rows never deleted; balances are derived
// from installments, allocations and reversals (STYLE.md, "Nothing is lost").

export const sales = sqliteTable(
  'sales',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    /** human carnê number: device code + local counter, never a key */
    number: text('number').notNull(),
    date: text('date').notNull(),
    description: text('description').notNull(),
    totalCents: integer('total_cents').notNull(),
    downPaymentCents: integer('down_payment_cents').notNull(),
    financedCents: integer('financed_cents').notNull(),
    installmentCount: integer('installment_count').notNull(),
    monthlyRatePct: real('monthly_rate_pct').notNull(),
    createdBy: text('created_by').references(() => users.id),
    source: text('source', { enum: ['counter', 'import', 'demo'] }).notNull().default('counter'),
  },
  (t) => [index('sales_customer_ix').on(t.customerId), uniqueIndex('sales_number_uq').on(t.number)],
);

export const agreements = sqliteTable(
  'agreements',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    number: text('number').notNull(),
    date: text('date').notNull(),
    principalCents: integer('principal_cents').notNull(),
    chargesCents: integer('charges_cents').notNull(),
    discountCents: integer('discount_cents').notNull(),
    downPaymentCents: integer('down_payment_cents').notNull(),
    installmentCount: integer('installment_count').notNull(),
    monthlyRatePct: real('monthly_rate_pct').notNull(),
    firstDueDate: text('first_due_date').notNull(),
    approvedBy: text('approved_by').references(() => users.id),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [index('agreements_customer_ix').on(t.customerId)],
);

export const installments = sqliteTable(
  'installments',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    saleId: text('sale_id').references(() => sales.id),
    agreementId: text('agreement_id').references(() => agreements.id),
    number: integer('number').notNull(),
    count: integer('count').notNull(),
    /** nominal due date as printed on the carnê; the effective one skips closed days */
    dueDate: text('due_date').notNull(),
    amountCents: integer('amount_cents').notNull(),
    /** the sale's rate, for the early-payment discount (CDC art. 52 §2) */
    monthlyRatePct: real('monthly_rate_pct').notNull(),
    /** multa and juros de mora in force when the parcela was created: the contract's terms, fixed */
    fineRatePct: real('fine_rate_pct').notNull(),
    lateInterestMonthlyPct: real('late_interest_monthly_pct').notNull(),
    /** set when an agreement replaces this parcela; the row itself stays */
    renegotiatedBy: text('renegotiated_by').references(() => agreements.id),
  },
  (t) => [index('installments_customer_due_ix').on(t.customerId, t.dueDate), index('installments_sale_ix').on(t.saleId), index('installments_due_ix').on(t.dueDate)],
);

export const payments = sqliteTable(
  'payments',
  {
    ...rowMeta,
    customerId: text('customer_id').notNull().references(() => customers.id),
    receiptNumber: text('receipt_number').notNull(),
    date: text('date').notNull(),
    amountCents: integer('amount_cents').notNull(),
    method: text('method', { enum: ['cash', 'pix', 'card', 'transfer'] }).notNull(),
    createdBy: text('created_by').references(() => users.id),
    /** the owner who authorized a waiver of charges beyond the margins (payments.receive approvalPin) */
    approvedBy: text('approved_by').references(() => users.id),
  },
  (t) => [index('payments_customer_ix').on(t.customerId), uniqueIndex('payments_receipt_uq').on(t.receiptNumber), index('payments_date_ix').on(t.date)],
);

export const allocations = sqliteTable(
  'allocations',
  {
    ...rowMeta,
    paymentId: text('payment_id').notNull().references(() => payments.id),
    installmentId: text('installment_id').notNull().references(() => installments.id),
    principalCents: integer('principal_cents').notNull(),
    fineCents: integer('fine_cents').notNull(),
    interestCents: integer('interest_cents').notNull(),
    discountCents: integer('discount_cents').notNull(),
    /**
     * Multa and juros the store forgave at the counter (a discount on charges within the margins, issue 7):
     * they settle the charge like money does but are not money, so Σ(principal + fine + interest) stays the
     * payment's amount.
     */
    fineWaivedCents: integer('fine_waived_cents').notNull().default(0),
    interestWaivedCents: integer('interest_waived_cents').notNull().default(0),
  },
  (t) => [index('allocations_payment_ix').on(t.paymentId), index('allocations_installment_ix').on(t.installmentId)],
);

export const reversals = sqliteTable(
  'reversals',
  {
    ...rowMeta,
    paymentId: text('payment_id').notNull().references(() => payments.id),
    /** the store's calendar date of the reversal: statements "as of" a day count it from then */
    date: text('date').notNull(),
    reason: text('reason').notNull(),
    createdBy: text('created_by').references(() => users.id),
    approvedBy: text('approved_by').references(() => users.id),
  },
  (t) => [uniqueIndex('reversals_payment_uq').on(t.paymentId)],
);
