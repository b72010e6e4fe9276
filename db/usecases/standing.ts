import type { Ctx } from '../context';
import type { CustomerSearchItem } from '../../shared/contract/people';
import { statementLine, statementTotals } from '../../shared/ledger/quote';
import { addDays } from '../../shared/dates';
import { profileFacts, classifyProfile, defaultProfileRules, type ProfileKind, type PromiseFact } from '../../shared/profile';
import { loadLedger, loadLedgers, chargePolicy, prepared } from './ledger-load';
import type { LoadedInstallment } from './ledger-load';

export interface Standing {
  overdueCents: number;
  openCents: number;
  profile: CustomerSearchItem['profile'];
  reasons: string[];
}

/**
 * A promise is kept when the customer paid at least its amount between the day it was made and its date
 * (one day of slack for a payment registered the next morning).
 */
export function loadPromiseFacts(ctx: Ctx, customerId: string, asOf: string): PromiseFact[] {
  const promises = prepared(ctx, 'SELECT date, amount_cents AS amountCents, substr(created_at, 1, 10) AS madeOn FROM promises WHERE customer_id = ? AND substr(created_at, 1, 10) <= ?')
    .all(customerId, asOf) as { date: string; amountCents: number; madeOn: string }[];
  if (!promises.length) return [];
  const paidBetween = prepared(ctx,
    `SELECT IFNULL(SUM(p.amount_cents), 0) AS s FROM payments p WHERE p.customer_id = ? AND p.date BETWEEN ? AND ?
        AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)`,
  );
  return promises.map((p) => {
    const deadline = addDays(p.date, 1);
    if (deadline >= asOf) return { date: p.date, kept: null };
    const { s } = paidBetween.get(customerId, p.madeOn, deadline) as { s: number };
    return { date: p.date, kept: s >= p.amountCents };
  });
}

/** Profile (with its reasons) and overdue/open totals of one customer on a date, from the real ledger. */
export function customerStanding(ctx: Ctx, customerId: string, asOf = ctx.today, ledger: LoadedInstallment[] = loadLedger(ctx, customerId, asOf)): Standing {
  const rules = defaultProfileRules(ctx.settings.policy.graceDays);
  const { kind, reasons } = classifyProfile(profileFacts(ledger, loadPromiseFacts(ctx, customerId, asOf), asOf, rules), rules);
  const policy = chargePolicy(ctx.settings);
  const totals = statementTotals(ledger.map((i) => statementLine(i, asOf, policy)));
  return { ...totals, profile: kind as ProfileKind, reasons };
}

/** For a page of search results: one standing per customer. */
export function customerStandings(ctx: Ctx, customerIds: string[]): Map<string, Standing> {
  const ledgers = loadLedgers(ctx, customerIds);
  return new Map(customerIds.map((id) => [id, customerStanding(ctx, id, ctx.today, ledgers.get(id))]));
}
