// Nothing is created or lost by rounding in an agreement: for any debt and valid terms, entrada + Σ new parcelas
// + discount = debt + the Price plan's interest, the plan is exactly plan.ts's, and every offer computeOffers
// calls "within limits" passes the checker.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { agreementPlan, checkAgreementTerms, computeOffers, debtOf, type AgreementTerms } from '../../shared/collection/offers';
import { planInstallments } from '../../shared/ledger/plan';
import { addDays } from '../../shared/dates';
import type { Margins } from '../../shared/contract/settings';

const asOf = '2026-11-23';
const itemArb = fc.record({ principalCents: fc.integer({ min: 1, max: 5_000_000 }), fineCents: fc.integer({ min: 0, max: 100_000 }), interestCents: fc.integer({ min: 0, max: 500_000 }) });
const debtArb = fc.array(itemArb, { minLength: 1, maxLength: 6 }).map((items) => debtOf(items.map((i, k) => ({ installmentId: `p${k}`, ...i }))));
const marginsArb: fc.Arbitrary<Margins> = fc.record({
  maxChargesDiscountPct: fc.integer({ min: 0, max: 100 }),
  maxPrincipalDiscountPct: fc.integer({ min: 0, max: 100 }),
  maxInstallments: fc.integer({ min: 1, max: 48 }),
  minInstallmentCents: fc.integer({ min: 0, max: 50_000 }),
  renegotiationMonthlyPct: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1500 }).map((x) => x / 100)),
  maxDaysToFirstDue: fc.integer({ min: 0, max: 180 }),
  maxPostponeDays: fc.integer({ min: 0, max: 180 }),
});

describe('agreement arithmetic', () => {
  it('entrada + Σ parcelas + discount = debt + plan interest, exactly', () => {
    fc.assert(
      fc.property(debtArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 48 }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1500 }).map((x) => x / 100)), (debt, dShare, eShare, n, rate) => {
        const discountCents = Math.floor((debt.totalCents - 1) * dShare);
        const base = debt.totalCents - discountCents;
        const downPaymentCents = Math.min(base - 1, Math.floor(base * eShare));
        const terms: AgreementTerms = { asOf, discountCents, downPaymentCents, installmentCount: n, monthlyRatePct: rate, firstDueDate: addDays(asOf, 30) };
        const violations = checkAgreementTerms(terms, debt, { maxChargesDiscountPct: 100, maxPrincipalDiscountPct: 100, maxInstallments: 48, minInstallmentCents: 0, renegotiationMonthlyPct: 15, maxDaysToFirstDue: 180, maxPostponeDays: 180 });
        expect(violations.filter((v) => v.kind === 'validation')).toEqual([]);
        const plan = agreementPlan(terms, debt);
        const sum = plan.parcelas.reduce((s, p) => s + p.amountCents, 0);
        expect(Number.isSafeInteger(sum)).toBe(true);
        expect(downPaymentCents + sum + discountCents).toBe(debt.totalCents + plan.planInterestCents);
        expect(plan.financedCents + downPaymentCents + discountCents).toBe(debt.totalCents);
        expect(plan.totalCents).toBe(downPaymentCents + sum);
        // The parcelas are plan.ts's, and the Price interest is never negative beyond rounding (≤ ½ centavo each).
        expect(plan.parcelas).toEqual(planInstallments({ financedCents: plan.financedCents, count: n, monthlyRatePct: rate, firstDueDate: terms.firstDueDate }));
        if (rate === 0) expect(plan.planInterestCents).toBe(0);
        else expect(plan.planInterestCents).toBeGreaterThanOrEqual(-Math.ceil(n / 2));
      }),
      { numRuns: 500 },
    );
  });

  it('every offer within limits passes the checker; every offer is whole centavos and adds up', () => {
    fc.assert(
      fc.property(debtArb, marginsArb, fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: undefined }), (debt, margins, capacityCents) => {
        const offers = computeOffers({ asOf, debt, margins, capacityCents });
        expect(offers[0]).toMatchObject({ discountCents: 0, totalCents: debt.totalCents });
        expect(offers.filter((o) => o.suggested).length).toBeLessThanOrEqual(2);
        for (const o of offers) {
          const v = checkAgreementTerms(o, debt, margins);
          expect(v.filter((x) => x.kind === 'validation')).toEqual([]);
          expect(o.withinLimits).toBe(v.length === 0);
          const plan = agreementPlan(o, debt);
          expect(o.totalCents).toBe(plan.totalCents);
          expect(o.downPaymentCents + plan.financedCents + o.discountCents).toBe(debt.totalCents);
        }
      }),
      { numRuns: 300 },
    );
  });
});
