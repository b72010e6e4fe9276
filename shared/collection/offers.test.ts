import { describe, it, expect } from 'vitest';
import { agreementPlan, checkAgreementTerms, computeOffers, debtOf, marginsFor, equalDownPayment, type Debt } from './offers';
import { agreementState, isAgreementBroken, agreementRuleText } from './agreement-status';
import { pricePayment } from '../ledger/plan';
import { daysBetween } from '../dates';
import type { Margins } from '../contract/settings';

const M: Margins = { maxChargesDiscountPct: 50, maxPrincipalDiscountPct: 10, maxInstallments: 6, minInstallmentCents: 3000, renegotiationMonthlyPct: 2, maxDaysToFirstDue: 30, maxPostponeDays: 15 };
const asOf = '2026-11-23';
// Two parcelas of R$ 150,00 41 days late (DOMAIN.md example): multa 300, juros 205 each.
const debt: Debt = debtOf([
  { installmentId: 'a', principalCents: 15000, fineCents: 300, interestCents: 205 },
  { installmentId: 'b', principalCents: 15000, fineCents: 300, interestCents: 205 },
]);

describe('debtOf / marginsFor', () => {
  it('sums principal and charges', () => {
    expect(debt).toMatchObject({ principalCents: 30000, fineCents: 600, interestCents: 410, chargesCents: 1010, totalCents: 31010, installmentIds: ['a', 'b'] });
  });
  it('merges the profile over the default', () => {
    const m = marginsFor({ default: M, byProfile: { mau_pagador: { maxChargesDiscountPct: 20, maxPrincipalDiscountPct: 0 } } }, 'mau_pagador');
    expect(m).toEqual({ ...M, maxChargesDiscountPct: 20, maxPrincipalDiscountPct: 0 });
    expect(marginsFor({ default: M, byProfile: {} }, 'novo')).toEqual(M);
  });
});

describe('computeOffers', () => {
  it('asks for the full amount first, then at most two suggested counter-offers', () => {
    const o = computeOffers({ asOf, debt, margins: M });
    expect(o[0]).toMatchObject({ kind: 'cash', discountCents: 0, totalCents: 31010, withinLimits: true, suggested: false });
    expect(o.filter((x) => x.suggested).length).toBeLessThanOrEqual(2);
    expect(o.slice(1, 3).every((x) => x.suggested)).toBe(true);
    const cash = o[1];
    expect(cash).toMatchObject({ kind: 'cash', discountCents: 505, totalCents: 30505, installmentCount: 0, withinLimits: true }); // 50% of 1010
    expect(o.some((x) => x.kind === 'postpone' && daysBetween(asOf, x.firstDueDate) === 15 && x.withinLimits)).toBe(true);
  });

  it('every option within limits passes the checker, and every installment plan respects the margins', () => {
    for (const capacityCents of [undefined, 8000, 20000]) {
      for (const x of computeOffers({ asOf, debt, margins: M, capacityCents })) {
        expect(checkAgreementTerms(x, debt, M).length === 0).toBe(x.withinLimits);
        if (x.kind === 'installments' && x.withinLimits) {
          expect(x.installmentCount).toBeLessThanOrEqual(M.maxInstallments);
          expect(x.installmentCents).toBeGreaterThanOrEqual(M.minInstallmentCents);
          expect(daysBetween(asOf, x.firstDueDate)).toBeLessThanOrEqual(M.maxDaysToFirstDue);
          expect(x.monthlyRatePct).toBe(M.renegotiationMonthlyPct);
          expect(x.totalCents).toBe(x.downPaymentCents + x.installmentCount * x.installmentCents);
        }
      }
    }
  });

  it('sizes the plan to the capacity: the smallest n whose parcela fits', () => {
    const o = computeOffers({ asOf, debt, margins: M, capacityCents: 8000 });
    const plan = o.find((x) => x.kind === 'installments' && x.suggested)!;
    expect(plan.installmentCents).toBeLessThanOrEqual(8000);
    expect(plan.downPaymentCents).toBeLessThanOrEqual(8000);
    const smaller = computeOffers({ asOf, debt, margins: { ...M }, capacityCents: 8000 }).find((x) => x.kind === 'installments' && x.installmentCount === plan.installmentCount - 1)!;
    expect(smaller.installmentCents > 8000 || smaller.downPaymentCents > 8000).toBe(true);
  });

  it('when nothing within the margins fits, suggests the plan that fits, marked beyond the limits', () => {
    const o = computeOffers({ asOf, debt, margins: M, capacityCents: 3500 });
    const plan = o.find((x) => x.kind === 'installments' && x.suggested)!;
    expect(plan.installmentCount).toBeGreaterThan(M.maxInstallments);
    expect(plan.withinLimits).toBe(false);
    expect(plan.violations.join(' ')).toMatch(/limite de 6 parcelas/);
  });

  it('takes the customer payday as first due date', () => {
    const o = computeOffers({ asOf, debt, margins: M, preferredFirstDueDate: '2026-12-10' });
    expect(o.filter((x) => x.kind === 'installments').every((x) => x.firstDueDate === '2026-12-10')).toBe(true);
  });

  it('keeps the minimum parcela: no plan below it is within the limits', () => {
    const small = debtOf([{ installmentId: 'a', principalCents: 9000, fineCents: 180, interestCents: 0 }]);
    const plans = computeOffers({ asOf, debt: small, margins: M }).filter((x) => x.kind === 'installments');
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) expect(p.installmentCents).toBeGreaterThanOrEqual(3000);
  });
});

describe('checkAgreementTerms', () => {
  const ok = { asOf, discountCents: 0, downPaymentCents: 6010, installmentCount: 5, monthlyRatePct: 2, firstDueDate: '2026-12-23' };
  it('accepts terms within the margins', () => expect(checkAgreementTerms(ok, debt, M)).toEqual([]));
  it('flags each limit in pt-BR', () => {
    const v = checkAgreementTerms({ ...ok, installmentCount: 7, firstDueDate: '2027-01-10', discountCents: 900 }, debt, M);
    expect(v.map((x) => x.kind)).toEqual(['limit', 'limit', 'limit']);
    expect(v.map((x) => x.message).join(' ')).toMatch(/multa e juros.*50%.*7 parcelas.*48 dias/);
  });
  it('flags a parcela below the minimum and a rate below the store rate', () => {
    const v = checkAgreementTerms({ ...ok, installmentCount: 6, downPaymentCents: 20000, monthlyRatePct: 1 }, debt, M);
    expect(v.map((x) => x.path).sort()).toEqual(['installmentCount', 'monthlyRatePct']);
  });
  it('refuses what no PIN can approve', () => {
    expect(checkAgreementTerms({ ...ok, discountCents: 31010 }, debt, M)[0]).toMatchObject({ kind: 'validation', path: 'discountCents' });
    expect(checkAgreementTerms({ ...ok, downPaymentCents: 40000 }, debt, M)[0]).toMatchObject({ kind: 'validation', path: 'downPaymentCents' });
    expect(checkAgreementTerms({ ...ok, monthlyRatePct: 3 }, debt, M)[0]).toMatchObject({ kind: 'validation', path: 'monthlyRatePct' });
    expect(checkAgreementTerms({ ...ok, firstDueDate: '2026-11-01' }, debt, M)[0]).toMatchObject({ kind: 'validation', path: 'firstDueDate' });
    expect(checkAgreementTerms({ ...ok, installmentCount: 0 }, debt, M)[0]).toMatchObject({ kind: 'validation', path: 'installmentCount' });
  });
  it('a discount on principal beyond charges is its own margin', () => {
    expect(checkAgreementTerms({ ...ok, discountCents: 1010 + 3000, downPaymentCents: 0 }, debt, { ...M, maxChargesDiscountPct: 100 })).toEqual([]);
    expect(checkAgreementTerms({ ...ok, discountCents: 1010 + 3001, downPaymentCents: 0 }, debt, { ...M, maxChargesDiscountPct: 100 })[0].message).toMatch(/principal/);
  });
});

describe('agreementPlan', () => {
  it('splits the rest in Price parcelas (plan.ts)', () => {
    const p = agreementPlan({ asOf, discountCents: 1010, downPaymentCents: 0, installmentCount: 5, monthlyRatePct: 3, firstDueDate: '2026-12-23' }, { ...debt, principalCents: 100000, totalCents: 101010 });
    expect(p.parcelas.map((x) => x.amountCents)).toEqual([21835, 21835, 21835, 21835, 21835]); // DOMAIN.md example
    expect(p.planInterestCents).toBe(5 * 21835 - 100000);
  });
  it('equal entrada is about one parcela', () => {
    const e = equalDownPayment(31010, 5, 2);
    expect(Math.abs(e - pricePayment(31010 - e, 5, 2))).toBeLessThanOrEqual(1);
  });
});

describe('agreement state (two missed parcelas break it)', () => {
  it('is current with one overdue, broken with two, settled with none open', () => {
    expect(agreementState([{ status: 'paid' }, { status: 'overdue' }, { status: 'open' }])).toBe('current');
    expect(agreementState([{ status: 'overdue' }, { status: 'overdue' }, { status: 'open' }])).toBe('broken');
    expect(agreementState([{ status: 'paid' }, { status: 'paid' }])).toBe('settled');
    expect(isAgreementBroken(1)).toBe(false);
    expect(isAgreementBroken(2)).toBe(true);
    expect(agreementRuleText(2, 1)).toMatch(/multa de 2% e juros de 1% ao mês.*2 parcelas/);
  });
});
