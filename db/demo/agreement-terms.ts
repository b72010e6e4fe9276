import type { IsoDate } from '../../shared/dates';
import { plusDays } from './days';
import { agreementPlan, checkAgreementTerms, debtOf, type AgreementTerms, type Debt } from '../../shared/collection/offers';
import { marginsFor } from '../../shared/collection/offers';
import { defaultSettings } from '../../shared/settings-defaults';
import type { OpenInstallment } from '../../shared/ledger/quote';
import type { Dice } from './random';

// A demo agreement (DOMAIN.md "Agreement"): terms a clerk may offer without the owner's PIN whatever the
// customer's profile that day, so agreements.create (replayed by demo.test.ts) accepts them as they are.

/** The strictest of the default margins, field by field (settings-defaults.ts). */
const STRICT = (() => {
  const all = ['novo', 'em_dia', 'ocasional', 'cronico', 'negligente', 'mau_pagador', null].map((p) => marginsFor(defaultSettings.margins, p));
  return {
    maxChargesDiscountPct: Math.min(...all.map((m) => m.maxChargesDiscountPct)),
    maxPrincipalDiscountPct: Math.min(...all.map((m) => m.maxPrincipalDiscountPct)),
    maxInstallments: Math.min(...all.map((m) => m.maxInstallments)),
    minInstallmentCents: Math.max(...all.map((m) => m.minInstallmentCents)),
    renegotiationMonthlyPct: all[0].renegotiationMonthlyPct,
    maxDaysToFirstDue: Math.min(...all.map((m) => m.maxDaysToFirstDue)),
    maxPostponeDays: Math.min(...all.map((m) => m.maxPostponeDays)),
  };
})();

export interface DemoAgreement {
  terms: AgreementTerms;
  debt: Debt;
  /** the entrada (due on the agreement day) and the Price parcelas */
  parcelas: { dueDate: IsoDate; amountCents: number }[];
}

/**
 * Terms for the overdue parcelas on `asOf`: part of the multa and juros forgiven, an entrada of 10–30%, the rest in
 * 2–6 monthly parcelas at the store's renegotiation rate, the first one 30 days later. `maxEntrada` keeps the
 * entrada below what would keep an earlier promise (a promise broken stays broken). Null when no terms fit.
 */
export function demoAgreement(w: Dice, asOf: IsoDate, overdue: OpenInstallment[], maxEntrada: number): DemoAgreement | null {
  const debt = debtOf(overdue.map((o) => ({ installmentId: o.installmentId, principalCents: o.due.principalOpenCents, fineCents: o.due.fineCents, interestCents: o.due.interestCents })));
  const discountCents = Math.floor((debt.chargesCents * w.int(0, STRICT.maxChargesDiscountPct)) / 100);
  const base = debt.totalCents - discountCents;
  const downPaymentCents = Math.min(Math.floor((base * w.int(10, 30)) / 100 / 1000) * 1000, maxEntrada);
  const firstDueDate = plusDays(asOf, STRICT.maxDaysToFirstDue);
  for (let n = Math.min(STRICT.maxInstallments, w.int(2, 6)); n >= 1; n--) {
    const terms: AgreementTerms = { asOf, discountCents, downPaymentCents, installmentCount: n, monthlyRatePct: STRICT.renegotiationMonthlyPct, firstDueDate };
    if (checkAgreementTerms(terms, debt, STRICT).length) continue;
    const plan = agreementPlan(terms, debt);
    const entrada = downPaymentCents > 0 ? [{ dueDate: asOf, amountCents: downPaymentCents }] : [];
    return { terms, debt, parcelas: [...entrada, ...plan.parcelas.map((p) => ({ dueDate: p.dueDate, amountCents: p.amountCents }))] };
  }
  return null;
}
