import { sqliteTable, text, integer, real, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { customers } from './people';
import { installments } from './ledger';

// Derived projections (issue "Who to call today"): never the truth, always rebuildable from the money
// tables, contacts and promises, and updated in the same transaction as every write that changes them.
// `npx emdia check` recomputes them and compares. Kept narrow on purpose: 2 M parcelas on a chain-sized store.

/** One row per parcela: what it owes, in terms that stay valid until `valid_until` (no date-driven change before it). */
export const installmentStandings = sqliteTable(
  'installment_standings',
  {
    /** the installment's id */
    id: text('id').primaryKey().references(() => installments.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    effectiveDueDate: text('effective_due_date').notNull(),
    /** open | overdue | paid | renegotiated, as of the projection's day */
    status: text('status').notNull(),
    principalOpenCents: integer('principal_open_cents').notNull(),
    /** multa already charged (0 until the day after the effective due date) and what of it is still open */
    fineAssessedCents: integer('fine_assessed_cents').notNull(),
    fineOpenCents: integer('fine_open_cents').notNull(),
    /** juros of the closed segments minus juros paid; the running segment accrues from `interest_from` */
    interestBaseCents: integer('interest_base_cents').notNull(),
    interestFrom: text('interest_from').notNull(),
    lateInterestMonthlyPct: real('late_interest_monthly_pct').notNull(),
    lastPaymentDate: text('last_payment_date'),
    paidOffOn: text('paid_off_on'),
  },
  (t) => [index('installment_standings_customer_ix').on(t.customerId, t.effectiveDueDate)],
);

/** One row per customer with any history: the facts the list, the search and the call screen read. */
export const customerStandings = sqliteTable(
  'customer_standings',
  {
    /** the customer's id */
    id: text('id').primaryKey().references(() => customers.id),
    /** the store day these facts were computed for, and the first day one of them changes by the date alone */
    computedOn: text('computed_on').notNull(),
    validUntil: text('valid_until').notNull(),
    openPrincipalCents: integer('open_principal_cents').notNull(),
    overduePrincipalCents: integer('overdue_principal_cents').notNull(),
    overdueCount: integer('overdue_count').notNull(),
    /** oldest effective due date among open parcelas already due */
    oldestOverdueDue: text('oldest_overdue_due'),
    nextDueDate: text('next_due_date'),
    fineChargedCents: integer('fine_charged_cents').notNull(),
    lastPaymentDate: text('last_payment_date'),
    /** the day the whole balance reached zero (null while something is open or nothing was ever bought) */
    paidOffOn: text('paid_off_on'),
    profile: text('profile').notNull(),
    profileReasons: text('profile_reasons').notNull(),
    /** no late payment ever before the current delay: the call is a gentle reminder */
    firstDelay: integer('first_delay', { mode: 'boolean' }).notNull(),
    /** the newest promise and how it stands: pending | kept | partial | broken */
    promiseId: text('promise_id'),
    promiseDate: text('promise_date'),
    promiseAmountCents: integer('promise_amount_cents'),
    promiseStatus: text('promise_status'),
    /** the date of the newest broken promise that no later conversation has answered */
    brokenPromiseOn: text('broken_promise_on'),
    lastAttemptAt: text('last_attempt_at'),
    lastConversationAt: text('last_conversation_at'),
    /** a callback the customer asked for (time they chose), pending until the next contact */
    callbackAt: text('callback_at'),
    openDisputes: integer('open_disputes').notNull(),
    /** hour of the day (0–23) the customer answers most, learned from past answered calls */
    bestHour: integer('best_hour'),
  },
  (t) => [
    index('customer_standings_valid_ix').on(t.validUntil),
    index('customer_standings_overdue_ix').on(t.oldestOverdueDue),
    // promises due today and tomorrow (the Hoje screen) are found by date, not by scanning every customer
    index('customer_standings_promise_ix').on(t.promiseDate),
  ],
);

/**
 * Who may be on today's list and with what score (score.ts): the customers the standing alone allows today,
 * recomputed when the day changes and for every customer a write touches. queue.build reads the top of it by
 * the score index instead of scoring 40,000 overdue customers on every call.
 */
export const queueCandidates = sqliteTable(
  'queue_candidates',
  {
    /** the customer's id */
    id: text('id').primaryKey().references(() => customers.id),
    day: text('day').notNull(),
    score: integer('score').notNull(),
    overduePrincipalCents: integer('overdue_principal_cents').notNull(),
    bestHour: integer('best_hour'),
  },
  (t) => [index('queue_candidates_score_ix').on(t.score)],
);

/** The store day the projections are valid for (one row). */
export const projectionState = sqliteTable('projection_state', {
  id: text('id').primaryKey(),
  day: text('day').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * The owner's weekly figures (dashboard.weekly): one number per week, metric and dimension (a clerk's id, a
 * profile, an objection, a régua step; '' for the whole store). Written as deltas in the same transaction as
 * the payment, sale, contact or promise that changes them, so three years of weeks are read, not recomputed.
 * Balances (overdue, open) are stored as changes per week and summed up to each week when read.
 */
export const weeklyFacts = sqliteTable(
  'weekly_facts',
  {
    /** the Monday of the week, YYYY-MM-DD */
    weekStart: text('week_start').notNull(),
    metric: text('metric').notNull(),
    dim: text('dim').notNull().default(''),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.metric, t.dim, t.weekStart] })],
);

/**
 * How customers moved between profiles (dashboard.weekly "profileMoves"): one row each time a customer's
 * standing changes profile, written with the standing in the same transaction. A log of the projection's own
 * history, like the audit trail: a full rebuild is not a move and writes none, and it cannot be recomputed.
 */
export const profileMoves = sqliteTable(
  'profile_moves',
  {
    customerId: text('customer_id').notNull().references(() => customers.id),
    /** the store day the new profile took effect */
    day: text('day').notNull(),
    fromProfile: text('from_profile').notNull(),
    toProfile: text('to_profile').notNull(),
  },
  (t) => [index('profile_moves_day_ix').on(t.day)],
);
