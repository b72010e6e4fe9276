import { agreementPlan, checkAgreementTerms, type AgreementTerms, type Debt, type Violation } from '../../../shared/collection/offers';
import type { Margins } from '../../../shared/contract/settings';
import { isIsoDate, type IsoDate } from '../../../shared/dates';
import type { Cents } from '../../../shared/money';
import type { Offer } from './call-types';

// "Ajustar a proposta" (issue 7 §4): the clerk changes entrada, parcelas, first due date or discount by hand;
// the screen recomputes the parcela exactly as the backend will (shared/collection/offers.ts: Price at the
// store's renegotiation rate, PMT rounded half-up, integer centavos) and says whether it is within the
// margins with the same rule agreements.create applies (checkAgreementTerms). Nothing here is the judge: the
// backend checks again and refuses beyond the margins without the owner's PIN.

/** What the clerk types. `firstDueDate` is null while the typed date is incomplete or not a real day. */
export interface AdjustDraft {
  downPaymentCents: Cents;
  installmentCount: number;
  firstDueDate: IsoDate | null;
  discountCents: Cents;
}

/** offers.compute's answer, the part the recompute needs. */
export interface AdjustBasis {
  asOf: IsoDate;
  debt: { principalCents: Cents; fineCents: Cents; interestCents: Cents; chargesCents: Cents; totalCents: Cents };
  margins: Margins;
}

export interface Adjusted {
  /** the terms as agreements.create takes them (firstDueDate = asOf for "pay today") */
  terms: AgreementTerms;
  /** `validation` problems: the agreement is impossible as typed (never allowed, not even with the PIN) */
  invalid: Violation[];
  /** `limit` problems: beyond the owner's margins, allowed with the owner's PIN */
  limits: Violation[];
  /** each Price parcela (0 when paid today or while the terms are invalid) */
  installmentCents: Cents;
  /** entrada + Σ parcelas: all the customer pays (0 while invalid) */
  totalCents: Cents;
  withinLimits: boolean;
}

/** The draft an offer starts from, so adjusting begins where the picked option was. */
export function draftFrom(offer: Offer): AdjustDraft {
  return {
    downPaymentCents: offer.downPaymentCents,
    installmentCount: offer.installmentCount,
    firstDueDate: offer.installmentCount > 0 ? offer.firstDueDate : null,
    discountCents: offer.discountCents,
  };
}

const debtOf = (b: AdjustBasis): Debt => ({ ...b.debt, installmentIds: [] });

/**
 * The rate of the adjusted terms: the renegotiation rate — except a prorrogação kept as one (everything in one
 * parcela, no entrada, no discount), which the offers module defines without interest.
 */
export function rateFor(base: Offer, d: AdjustDraft, m: Margins): number {
  const stillPostponement = base.kind === 'postpone' && d.installmentCount === 1 && d.downPaymentCents === 0 && d.discountCents === 0;
  return stillPostponement ? 0 : m.renegotiationMonthlyPct;
}

export function adjustOffer(basis: AdjustBasis, base: Offer, d: AdjustDraft): Adjusted {
  const terms: AgreementTerms = {
    asOf: basis.asOf,
    discountCents: d.discountCents,
    downPaymentCents: d.downPaymentCents,
    installmentCount: d.installmentCount,
    monthlyRatePct: rateFor(base, d, basis.margins),
    firstDueDate: d.installmentCount > 0 ? (d.firstDueDate ?? basis.asOf) : basis.asOf,
  };
  const violations = checkAgreementTerms(terms, debtOf(basis), basis.margins);
  const invalid = violations.filter((v) => v.kind === 'validation');
  if (d.installmentCount > 0 && (!d.firstDueDate || !isIsoDate(d.firstDueDate)))
    invalid.push({ path: 'firstDueDate', message: 'Informe o primeiro vencimento (dd/mm/aaaa).', kind: 'validation' });
  if (!Number.isInteger(d.installmentCount) || d.installmentCount < 0 || d.installmentCount > 48)
    invalid.push({ path: 'installmentCount', message: 'Parcelas: de 0 a 48.', kind: 'validation' });
  const limits = violations.filter((v) => v.kind === 'limit');
  if (invalid.length) return { terms, invalid, limits, installmentCents: 0, totalCents: 0, withinLimits: false };
  const plan = agreementPlan(terms, debtOf(basis));
  return { terms, invalid, limits, installmentCents: plan.parcelas[0]?.amountCents ?? 0, totalCents: plan.totalCents, withinLimits: limits.length === 0 };
}

/** The first problem for a field, to show next to it. */
export function problemAt(a: Adjusted, path: string): string | undefined {
  return (a.invalid.find((v) => v.path === path) ?? a.limits.find((v) => v.path === path))?.message;
}
