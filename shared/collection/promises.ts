import { addDays, type IsoDate } from '../dates';
import type { Cents } from '../money';

/**
 * How a promise stands (DOMAIN.md "Promises"): kept when the customer's payments from the day it was made
 * reach `keptSharePct` of its amount by its date plus `toleranceDays` (a payment at the counter or by PIX may
 * be recorded late); broken after that. In between:
 * - `pending`: its date has not passed yet;
 * - `late`: its date passed and not enough came in, but the tolerance still runs — the next open day's list
 *   calls it first (CALLS.md stage 9: "follow a broken promise within 24 h");
 * - `partial`: the tolerance ended with some money in, below the share: partially kept, shown as such.
 */
export type PromiseStatus = 'pending' | 'late' | 'kept' | 'partial' | 'broken';

export interface PromiseRules {
  keptSharePct: number;
  toleranceDays: number;
}

export interface PromiseInput {
  /** the store's calendar date the promise was made */
  madeOn: IsoDate;
  date: IsoDate;
  amountCents: Cents;
}

/** A non-reversed payment of the customer (as of the day judged). */
export interface PaymentFact {
  date: IsoDate;
  amountCents: Cents;
}

export interface PromiseJudgement {
  status: PromiseStatus;
  paidCents: Cents;
  /** the last day a payment still counts for it */
  deadline: IsoDate;
}

/** Exact share test in integers: paid × 100 ≥ amount × share (no float rounding at the edge). */
const reachesShare = (paid: Cents, amount: Cents, sharePct: number) => paid * 100 >= amount * sharePct;

export function judgePromise(p: PromiseInput, payments: readonly PaymentFact[], asOf: IsoDate, rules: PromiseRules): PromiseJudgement {
  const deadline = addDays(p.date, rules.toleranceDays);
  let paidCents = 0;
  for (const pay of payments) if (pay.date >= p.madeOn && pay.date <= deadline && pay.date <= asOf) paidCents += pay.amountCents;
  if (reachesShare(paidCents, p.amountCents, rules.keptSharePct)) return { status: 'kept', paidCents, deadline };
  if (asOf <= p.date) return { status: 'pending', paidCents, deadline };
  if (asOf <= deadline) return { status: 'late', paidCents, deadline };
  return { status: paidCents > 0 ? 'partial' : 'broken', paidCents, deadline };
}

/** The dates on which a promise's status can change by the calendar alone (for the projection's refresh). */
export function promiseThresholds(p: PromiseInput, rules: PromiseRules): IsoDate[] {
  return [addDays(p.date, 1), addDays(p.date, rules.toleranceDays + 1)];
}
