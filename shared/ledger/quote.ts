import type { IsoDate } from '../dates';
import type { Cents } from '../money';
import type { AllocationItem } from './allocate';
import { installmentDue, type ChargePolicy, type InstallmentDue, type PastAllocation } from './charges';

// payments.quote, payments.receive and accounts.statement all read installments through installmentDue here,
// so the total quoted at the counter is the total the statement shows and the total a payment can settle.

/** An installment as the ledger knows it: its facts plus its non-reversed allocations. */
export interface LedgerInstallment {
  id: string;
  number: number;
  /** Nominal date, as printed on the carnê. */
  dueDate: IsoDate;
  /** calendar.nextOpenDay(dueDate): charges and lateness count from it. */
  effectiveDueDate: IsoDate;
  amountCents: Cents;
  monthlyRatePct: number;
  /** Replaced by an agreement: kept for history, no longer owed. */
  renegotiated?: boolean;
  /** The multa and juros agreed when the parcela was created; a later change of the store's policy does not reach back. */
  policy?: ChargePolicy;
  history: PastAllocation[];
}

/** API.md payments.quote item (plus effectiveDueDate). */
export interface QuoteItem {
  installmentId: string;
  dueDate: IsoDate;
  effectiveDueDate: IsoDate;
  daysLate: number;
  principalCents: Cents;
  fineCents: Cents;
  interestCents: Cents;
  discountCents: Cents;
  totalCents: Cents;
}

export interface Quote {
  items: QuoteItem[];
  totalCents: Cents;
}

export type StatementStatus = 'paid' | 'open' | 'overdue' | 'renegotiated';

/** API.md accounts.statement installment (plus effectiveDueDate and discountCents). */
export interface StatementLine {
  id: string;
  number: number;
  dueDate: IsoDate;
  effectiveDueDate: IsoDate;
  amountCents: Cents;
  paidCents: Cents;
  status: StatementStatus;
  daysLate: number;
  fineCents: Cents;
  interestCents: Cents;
  discountCents: Cents;
  totalDueCents: Cents;
}

export interface OpenInstallment extends AllocationItem {
  installment: LedgerInstallment;
}

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Payment order (DOMAIN.md): oldest effective due date first; ties by printed date, number, id. */
export function comparePaymentOrder(a: LedgerInstallment, b: LedgerInstallment): number {
  return (
    byCodeUnits(a.effectiveDueDate, b.effectiveDueDate) ||
    byCodeUnits(a.dueDate, b.dueDate) ||
    a.number - b.number ||
    byCodeUnits(a.id, b.id)
  );
}

export function dueOf(installment: LedgerInstallment, asOf: IsoDate, policy: ChargePolicy): InstallmentDue {
  return installmentDue(
    { id: installment.id, amountCents: installment.amountCents, effectiveDueDate: installment.effectiveDueDate, monthlyRatePct: installment.monthlyRatePct },
    installment.history,
    asOf,
    installment.policy ?? policy,
  );
}

/**
 * The installments a payment on `asOf` can settle, in payment order, each with what it owes: the input of
 * allocatePayment. Paid and renegotiated ones are left out; with pickedIds, only the picked ones.
 */
export function openInstallments(
  installments: LedgerInstallment[],
  asOf: IsoDate,
  policy: ChargePolicy,
  pickedIds?: readonly string[],
): OpenInstallment[] {
  const picked = pickedIds ? new Set(pickedIds) : null;
  return installments
    .filter((i) => !i.renegotiated && (!picked || picked.has(i.id)))
    .sort(comparePaymentOrder)
    .map((installment) => ({ installment, installmentId: installment.id, due: dueOf(installment, asOf, policy) }))
    .filter((o) => o.due.status !== 'paid');
}

/** payments.quote: per installment what settles it on asOf, and the total. */
export function quotePayment(
  installments: LedgerInstallment[],
  asOf: IsoDate,
  policy: ChargePolicy,
  pickedIds?: readonly string[],
): Quote {
  const items = openInstallments(installments, asOf, policy, pickedIds).map(
    ({ installment, due }): QuoteItem => ({
      installmentId: installment.id,
      dueDate: installment.dueDate,
      effectiveDueDate: installment.effectiveDueDate,
      daysLate: due.daysLate,
      principalCents: due.principalOpenCents,
      fineCents: due.fineCents,
      interestCents: due.interestCents,
      discountCents: due.discountCents,
      totalCents: due.totalCents,
    }),
  );
  return { items, totalCents: items.reduce((sum, i) => sum + i.totalCents, 0) };
}

/** accounts.statement line: totalDueCents is the same number payments.quote gives for that installment. */
export function statementLine(installment: LedgerInstallment, asOf: IsoDate, policy: ChargePolicy): StatementLine {
  const due = dueOf(installment, asOf, policy);
  const base = {
    id: installment.id,
    number: installment.number,
    dueDate: installment.dueDate,
    effectiveDueDate: installment.effectiveDueDate,
    amountCents: installment.amountCents,
    paidCents: due.paidCents,
  };
  if (installment.renegotiated) {
    // The agreement now carries this debt (DOMAIN.md "Agreement"); the old parcela owes nothing by itself.
    return { ...base, status: 'renegotiated', daysLate: 0, fineCents: 0, interestCents: 0, discountCents: 0, totalDueCents: 0 };
  }
  return {
    ...base,
    status: due.status,
    daysLate: due.daysLate,
    fineCents: due.fineCents,
    interestCents: due.interestCents,
    discountCents: due.discountCents,
    totalDueCents: due.totalCents,
  };
}

/** accounts.statement totals: overdue = owed by overdue lines; open = owed by every line not yet settled. */
export function statementTotals(lines: StatementLine[]): { overdueCents: Cents; openCents: Cents } {
  let overdueCents = 0;
  let openCents = 0;
  for (const l of lines) {
    if (l.status === 'overdue') overdueCents += l.totalDueCents;
    if (l.status === 'overdue' || l.status === 'open') openCents += l.totalDueCents;
  }
  return { overdueCents, openCents };
}
