import type { Ctx } from '../context';
import { daysBetween } from '../../shared/dates';
import { lateInterestFor } from '../../shared/ledger/charges';
import { preparedOn } from '../usecases/ledger-load';

export interface CustomerStandingView {
  id: string;
  profile: string;
  profileReasons: string[];
  overdueCents: number;
  overduePrincipalCents: number;
  openPrincipalCents: number;
  oldestOverdueDue: string | null;
  paidOffOn: string | null;
}

/**
 * What each customer owes in overdue parcelas today (principal + multa + juros) — the number
 * accounts.statement gives as overdueCents — from the parcelas' standings: the juros of the running segment
 * are the only part that grows by the day, and they are computed here, per parcela, exactly as charges.ts does.
 */
export function overdueTotalsFor(ctx: Ctx, customerIds: string[]): Map<string, number> {
  const out = new Map<string, number>(customerIds.map((id) => [id, 0]));
  if (!customerIds.length) return out;
  const rows = preparedOn(ctx.store.sqlite,
    `SELECT customer_id AS c, principal_open_cents AS p, fine_open_cents AS f, interest_base_cents AS b, interest_from AS since, late_interest_monthly_pct AS pct
       FROM installment_standings WHERE customer_id IN (SELECT value FROM json_each(?)) AND status = 'overdue'`).all(JSON.stringify(customerIds)) as
    { c: string; p: number; f: number; b: number; since: string; pct: number }[];
  for (const r of rows) {
    const interest = Math.max(0, r.b + lateInterestFor(r.p, r.pct, daysBetween(r.since, ctx.today)));
    out.set(r.c, out.get(r.c)! + r.p + r.f + interest);
  }
  return out;
}

/** The standings a screen shows beside a customer (search results, the list, the file). */
export function standingViews(ctx: Ctx, customerIds: string[]): Map<string, CustomerStandingView> {
  const out = new Map<string, CustomerStandingView>();
  if (!customerIds.length) return out;
  const totals = overdueTotalsFor(ctx, customerIds);
  const rows = preparedOn(ctx.store.sqlite,
    `SELECT id, profile, profile_reasons AS reasons, overdue_principal_cents AS overduePrincipalCents, open_principal_cents AS openPrincipalCents,
            oldest_overdue_due AS oldestOverdueDue, paid_off_on AS paidOffOn
       FROM customer_standings WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(customerIds)) as
    (Omit<CustomerStandingView, 'profileReasons' | 'overdueCents'> & { reasons: string })[];
  for (const { reasons, ...r } of rows) out.set(r.id, { ...r, profileReasons: JSON.parse(reasons), overdueCents: totals.get(r.id) ?? 0 });
  return out;
}
