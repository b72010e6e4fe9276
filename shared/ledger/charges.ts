import { daysBetween, maxDate, type IsoDate } from '../dates';
import { PCT_SCALE, pctToScaled, roundHalfUp, roundRatio, type Cents } from '../money';

// Everything an installment owes is derived from its amount, effective due date and the list of its
// non-reversed allocations. Nothing is stored as a running balance, so a reversal (dropping an allocation
// from the history) gives back exactly the state before that payment.

export interface InstallmentFacts {
  id: string;
  amountCents: Cents;
  /** calendar.nextOpenDay(nominal due date). */
  effectiveDueDate: IsoDate;
  /** The sale's (or agreement's) rate, for the early-payment discount. */
  monthlyRatePct: number;
}

/** One payment's share of this installment; only payments that were not reversed. */
export interface PastAllocation {
  date: IsoDate;
  /** Money applied to principal. */
  principalCents: Cents;
  fineCents: Cents;
  interestCents: Cents;
  /** Early-payment discount; it retires principal like money does. */
  discountCents: Cents;
  /** Multa and juros forgiven at the counter (within the margins): they settle charges like money does. */
  fineWaivedCents?: Cents;
  interestWaivedCents?: Cents;
}

export interface ChargePolicy {
  /** Multa in percent; capped at 2 (CDC art. 52 §1). */
  fineRatePct: number;
  /** Juros de mora in percent per month, simple. */
  lateInterestMonthlyPct: number;
}

export type InstallmentStatus = 'open' | 'paid' | 'overdue';

export interface InstallmentDue {
  principalOpenCents: Cents;
  /** Multa still open. */
  fineCents: Cents;
  /** Juros still open. */
  interestCents: Cents;
  /** Early discount if the whole principal is paid on asOf. */
  discountCents: Cents;
  /** principal − discount + multa + juros: what settles the installment on asOf. */
  totalCents: Cents;
  daysLate: number;
  status: InstallmentStatus;
  /** Multa charged so far (paid or not). */
  fineAssessedCents: Cents;
  /** Juros accrued so far (paid or not). */
  interestAccruedCents: Cents;
  lastPaymentDate: IsoDate | null;
  /** Money received for this installment (principal + multa + juros), discounts excluded. */
  paidCents: Cents;
}

/** CDC art. 52 §1: multa de mora never above 2%. */
export const MAX_FINE_PCT = 2;

/** The multa rate actually applied: a policy above 2% is capped (CDC art. 52 §1), not trusted. */
export function effectiveFineRatePct(policy: ChargePolicy): number {
  if (!(policy.fineRatePct >= 0)) throw new RangeError('A multa não pode ser negativa.');
  return Math.min(policy.fineRatePct, MAX_FINE_PCT);
}

/** multa = round(P × pct / 100), exact. */
export function fineFor(principalCents: Cents, finePct: number): Cents {
  return roundRatio(BigInt(principalCents) * pctToScaled(Math.min(finePct, MAX_FINE_PCT)), 100n * PCT_SCALE);
}

/** juros = round(P × pct / 100 × days / 30), simple interest, exact. */
export function lateInterestFor(principalCents: Cents, monthlyPct: number, days: number): Cents {
  if (days <= 0 || principalCents <= 0) return 0;
  return roundRatio(BigInt(principalCents) * pctToScaled(monthlyPct) * BigInt(days), 100n * PCT_SCALE * 30n);
}

/** Discount for paying P `daysEarly` days early: P − round(P / (1 + i)^(days/30)) (CDC art. 52 §2). */
export function earlyDiscountFor(principalCents: Cents, monthlyRatePct: number, daysEarly: number): Cents {
  if (daysEarly <= 0 || monthlyRatePct <= 0 || principalCents <= 0) return 0;
  const presentValue = roundHalfUp(principalCents / (1 + monthlyRatePct / 100) ** (daysEarly / 30));
  return principalCents - presentValue;
}

function checkAllocation(a: PastAllocation): void {
  for (const v of [a.principalCents, a.fineCents, a.interestCents, a.discountCents, a.fineWaivedCents ?? 0, a.interestWaivedCents ?? 0]) {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`Alocação inválida em ${a.date}: valores devem ser centavos não negativos.`);
  }
}

/**
 * What an installment owes on `asOf` (DOMAIN.md "Late charges"), from its history of allocations.
 * Allocations dated after asOf are ignored ("compute as if today were asOf").
 *
 * - multa: round(P_at_D × fine%), P_at_D = principal open at the end of D; assessed once, when asOf > D.
 * - juros: simple interest on open principal, one rounded segment per payment after D, from the later of D
 *   and the previous payment to that payment, plus the running segment up to asOf. Never compounded.
 * - early discount (asOf < D, sale rate > 0): for paying off the whole open principal today.
 */
export function installmentDue(facts: InstallmentFacts, history: PastAllocation[], asOf: IsoDate, policy: ChargePolicy): InstallmentDue {
  const D = facts.effectiveDueDate;
  if (!Number.isSafeInteger(facts.amountCents) || facts.amountCents < 0) throw new RangeError(`Parcela ${facts.id}: valor inválido.`);
  const finePct = effectiveFineRatePct(policy);
  if (!(policy.lateInterestMonthlyPct >= 0)) throw new RangeError('Os juros de mora não podem ser negativos.');

  // Stable sort: same-day allocations keep their order; it does not matter, their segment has 0 days.
  const past = history.filter((a) => a.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  let principalOpen = facts.amountCents;
  let principalAtDue = facts.amountCents;
  let interestAccrued = 0;
  let segmentStart = D;
  let finePaid = 0;
  let interestPaid = 0;
  let paid = 0;
  for (const a of past) {
    checkAllocation(a);
    if (a.date > D) {
      interestAccrued += lateInterestFor(principalOpen, policy.lateInterestMonthlyPct, daysBetween(segmentStart, a.date));
      segmentStart = maxDate(segmentStart, a.date);
    }
    principalOpen -= a.principalCents + a.discountCents;
    if (a.date <= D) principalAtDue = principalOpen;
    finePaid += a.fineCents + (a.fineWaivedCents ?? 0);
    interestPaid += a.interestCents + (a.interestWaivedCents ?? 0);
    paid += a.principalCents + a.fineCents + a.interestCents;
  }
  if (principalOpen < 0) throw new Error(`Parcela ${facts.id}: o histórico credita mais que o valor da parcela.`);

  const late = asOf > D;
  const fineAssessed = late ? fineFor(principalAtDue, finePct) : 0;
  if (late) interestAccrued += lateInterestFor(principalOpen, policy.lateInterestMonthlyPct, daysBetween(segmentStart, asOf));

  // Clamped at zero: a charge paid under an older, higher policy must not turn into a negative debt.
  const fineOpen = Math.max(0, fineAssessed - finePaid);
  const interestOpen = Math.max(0, interestAccrued - interestPaid);
  const discount = asOf < D ? earlyDiscountFor(principalOpen, facts.monthlyRatePct, daysBetween(asOf, D)) : 0;
  const settled = principalOpen === 0 && fineOpen === 0 && interestOpen === 0;

  return {
    principalOpenCents: principalOpen,
    fineCents: fineOpen,
    interestCents: interestOpen,
    discountCents: discount,
    totalCents: principalOpen - discount + fineOpen + interestOpen,
    daysLate: !settled && late ? daysBetween(D, asOf) : 0,
    status: settled ? 'paid' : late ? 'overdue' : 'open',
    fineAssessedCents: fineAssessed,
    interestAccruedCents: interestAccrued,
    lastPaymentDate: past.length > 0 ? past[past.length - 1].date : null,
    paidCents: paid,
  };
}
