import { z } from 'zod';
import { isoDate } from './common';

// dashboard.weekly and its drill-down (issue 8): the owner's weekly review. Result types are declared here
// once, for the use case (db/usecases/dashboard.ts) and the Painel screen.

/** A period is at most five years (about 260 weeks): longer asks are refused, not silently cut. */
export const MAX_PERIOD_DAYS = 5 * 366;

export const dashboardWeekly = z
  .object({ from: isoDate, to: isoDate })
  .strict()
  .superRefine((p, ctx) => {
    if (p.to < p.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'O fim do período (to) não pode ser antes do início (from).' });
    const days = (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000;
    if (days > MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Período longo demais: no máximo cinco anos.' });
  });

/** What a bar or a row stands for, to list the customers or payments behind it. */
export const drillKind = z.enum(['recovered', 'new_credit', 'overdue', 'promises_made', 'promises_kept', 'agreements', 'aging', 'profile', 'paid_off_bought_again', 'clerk'], {
  error: 'Tipo de detalhe inválido.',
});
export const dashboardDrill = z
  .object({
    kind: drillKind,
    /** the week's Monday, for weekly bars */
    weekStart: isoDate.optional(),
    /** aging bucket id, profile kind or user id, for the other charts */
    key: z.string().max(64).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export const agingBucketId = ['a_vencer', 'd1_30', 'd31_60', 'd61_90', 'd90_mais'] as const;
export type AgingBucketId = (typeof agingBucketId)[number];

export interface DashboardWeek {
  /** Monday, YYYY-MM-DD */
  weekStart: string;
  /** principal past due at the end of the week (Sunday), open balance then, and their ratio in percent */
  overdueCents: number;
  openCents: number;
  defaultRatePct: number;
  /** payments received in the week minus payments reversed in the week */
  recoveredCents: number;
  paymentsCents: number;
  reversedCents: number;
  /** financed amount of sales made in the week (down payments excluded) */
  newCreditCents: number;
  promisesMade: number;
  /** promises whose date fell in the week and were kept (90% by the date + 3 days) */
  promisesDue: number;
  promisesKept: number;
  /** outbound contact attempts and those the customer answered (a conversation) */
  attempts: number;
  answered: number;
  agreements: number;
  /** discounts granted in the week: on agreements and waived charges at the counter */
  discountCents: number;
  feedbackCount: number;
  feedbackSum: number;
}

/** A rate with the number of cases beside it; below `minCases` the screen says "poucos casos ainda". */
export interface Rate {
  cases: number;
  hits: number;
  /** hits ÷ cases in percent, one decimal; null without cases */
  ratePct: number | null;
  enoughCases: boolean;
}

export interface WhatWorksRow {
  /** objection id, profile kind or régua step id */
  key: string;
  label: string;
  /** ended in a kept promise or a payment within 7 days */
  outcome: Rate;
}

export interface ClerkRow {
  userId: string;
  name: string;
  attempts: number;
  conversations: number;
  promises: number;
  promisesKept: number;
  agreements: number;
  recoveredCents: number;
  feedbackAverage: number | null;
  feedbackCount: number;
}

export interface PeriodTotals {
  recoveredCents: number;
  newCreditCents: number;
  promisesMade: number;
  promisesKept: number;
  attempts: number;
  answered: number;
  agreements: number;
  discountCents: number;
  feedbackAverage: number | null;
  /** overdue and default rate at the period's end */
  overdueCents: number;
  defaultRatePct: number;
}

export interface DashboardWeeklyResult {
  from: string;
  to: string;
  weeks: DashboardWeek[];
  totals: PeriodTotals;
  /** the same length of time just before `from`, for "em relação ao período anterior" */
  previous: PeriodTotals;
  /** the open balance at `to` by days late; the buckets sum to `openCents` */
  aging: { id: AgingBucketId; label: string; cents: number; customers: number }[];
  openCents: number;
  /** customers per profile at `to`, and how many moved from one profile to another during the period */
  profiles: { kind: string; label: string; customers: number }[];
  profileMoves: { from: string; to: string; customers: number }[];
  promiseRates: { byUser: (Rate & { userId: string; name: string; made: Rate })[]; byProfile: (Rate & { kind: string; label: string; made: Rate })[] };
  contactRate: Rate;
  /** agreements in the period: count, discount granted, and how many needed the owner's PIN (beyond margins) */
  agreements: { count: number; discountCents: number; beyondMargins: number };
  whatWorks: { byObjection: WhatWorksRow[]; byProfile: WhatWorksRow[]; byStep: WhatWorksRow[]; minCases: number };
  byUser: ClerkRow[];
  /** customers who paid everything off and made a new purchase afterwards, in the period */
  loyalty: { paidOff: number; boughtAgain: number };
}

export interface DrillItem {
  customerId: string;
  name: string;
  /** what the row is: a payment, a sale, an overdue balance… in pt-BR */
  detail: string;
  date: string | null;
  amountCents: number;
}
export interface DashboardDrillResult {
  title: string;
  items: DrillItem[];
  /** how many rows in all (`items` holds the first `limit`, largest amounts first) */
  total: number;
  /** the sum of every row's amount: adds up to the bar it came from */
  totalCents?: number;
}
