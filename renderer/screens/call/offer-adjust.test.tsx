import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agreementPlan, checkAgreementTerms, computeOffers, debtOf } from '../../../shared/collection/offers';
import { pricePayment } from '../../../shared/ledger/plan';
import { addDays } from '../../../shared/dates';
import type { Margins } from '../../../shared/contract/settings';
import { adjustOffer, draftFrom, problemAt, type AdjustBasis } from './offer-adjust';
import type { Offer } from './call-types';

const M: Margins = { maxChargesDiscountPct: 50, maxPrincipalDiscountPct: 10, maxInstallments: 6, minInstallmentCents: 3000, renegotiationMonthlyPct: 2, maxDaysToFirstDue: 30, maxPostponeDays: 15 };
const asOf = '2026-11-23';
// Two parcelas of R$ 150,00 41 days late (DOMAIN.md example): multa 300, juros 205 each.
const debt = debtOf([
  { installmentId: 'a', principalCents: 15000, fineCents: 300, interestCents: 205 },
  { installmentId: 'b', principalCents: 15000, fineCents: 300, interestCents: 205 },
]);
const basis: AdjustBasis = { asOf, debt, margins: M };
const offers = computeOffers({ asOf, debt, margins: M, capacityCents: 8000 }) as Offer[];
const plan = offers.find((o) => o.kind === 'installments' && o.suggested)!;
const postpone = offers.find((o) => o.kind === 'postpone')!;

describe('adjusting an offer by hand', () => {
  it('unchanged, it is the offer itself: same parcela, same total, same verdict', () => {
    for (const o of offers) {
      const a = adjustOffer(basis, o, draftFrom(o));
      expect(a.installmentCents).toBe(o.installmentCents);
      expect(a.totalCents).toBe(o.totalCents);
      expect(a.withinLimits).toBe(o.withinLimits);
    }
  });

  it('recomputes the Price parcela at the renegotiation rate, to the centavo', () => {
    const a = adjustOffer(basis, plan, { downPaymentCents: 5000, installmentCount: 4, firstDueDate: '2026-12-20', discountCents: 500 });
    // base 31010 − 500 = 30510; financed 30510 − 5000 = 25510; PMT(25510, 4, 2%) = round(6699,53…) = 6700
    expect(pricePayment(25510, 4, 2)).toBe(6700);
    expect(a.installmentCents).toBe(6700);
    expect(a.totalCents).toBe(5000 + 4 * 6700);
    expect(a.terms.monthlyRatePct).toBe(2);
    expect(a.withinLimits).toBe(true);
  });

  it('beyond the margins says why (the owner may approve); impossible terms are refused outright', () => {
    const many = adjustOffer(basis, plan, { downPaymentCents: 0, installmentCount: 10, firstDueDate: '2026-12-20', discountCents: 0 });
    expect(many.withinLimits).toBe(false);
    expect(many.invalid).toEqual([]);
    expect(problemAt(many, 'installmentCount')).toContain('limite de 6 parcelas');
    const late = adjustOffer(basis, plan, { ...draftFrom(plan), firstDueDate: addDays(asOf, 45) });
    expect(problemAt(late, 'firstDueDate')).toContain('o limite é 30 dias');
    const discount = adjustOffer(basis, plan, { ...draftFrom(plan), discountCents: 2000 }); // 1010 of charges (cap 505) + 990 of principal (cap 3000)
    expect(discount.limits.map((v) => v.path)).toEqual(['discountCents']);
    const tooMuch = adjustOffer(basis, plan, { ...draftFrom(plan), downPaymentCents: 40000 });
    expect(tooMuch.invalid[0].path).toBe('downPaymentCents');
    expect(tooMuch.totalCents).toBe(0);
    const noDate = adjustOffer(basis, plan, { ...draftFrom(plan), firstDueDate: null });
    expect(problemAt(noDate, 'firstDueDate')).toBe('Informe o primeiro vencimento (dd/mm/aaaa).');
  });

  it('a prorrogação kept as one stays without interest; changed into a plan it takes the renegotiation rate', () => {
    expect(adjustOffer(basis, postpone, draftFrom(postpone)).terms.monthlyRatePct).toBe(0);
    expect(adjustOffer(basis, postpone, { ...draftFrom(postpone), installmentCount: 2 }).terms.monthlyRatePct).toBe(2);
  });

  it('pay today: no parcelas, the entrada is the whole agreed amount', () => {
    const a = adjustOffer(basis, offers[0], { downPaymentCents: 31010 - 400, installmentCount: 0, firstDueDate: null, discountCents: 400 });
    expect(a).toMatchObject({ installmentCents: 0, totalCents: 30610, withinLimits: true });
    expect(a.terms.firstDueDate).toBe(asOf);
  });
});

// Property: for any debt, margins and hand-typed terms the backend would accept as valid, the screen's verdict is
// the backend's rule, every figure is a whole centavo, and entrada + parcelas − plan interest + discount is
// exactly the debt (offers.ts: base = debt − discount; entrada + financed = base; Σ parcelas = financed + plan
// interest). The parcelas cover what they finance whenever each is at least R$ 1,00 at a rate of 0,5% or more,
// or without interest (leftover centavos on the first).
describe('adjusting: money is exact (fast-check)', () => {
  const margins = fc.record({
    maxChargesDiscountPct: fc.integer({ min: 0, max: 100 }),
    maxPrincipalDiscountPct: fc.integer({ min: 0, max: 50 }),
    maxInstallments: fc.integer({ min: 1, max: 24 }),
    minInstallmentCents: fc.integer({ min: 0, max: 20000 }),
    renegotiationMonthlyPct: fc.oneof(fc.constant(0), fc.integer({ min: 50, max: 1500 }).map((x) => x / 100)),
    maxDaysToFirstDue: fc.integer({ min: 0, max: 90 }),
    maxPostponeDays: fc.integer({ min: 0, max: 60 }),
  });
  const items = fc.array(
    fc.record({ installmentId: fc.constant('x'), principalCents: fc.integer({ min: 1, max: 500_000 }), fineCents: fc.integer({ min: 0, max: 10_000 }), interestCents: fc.integer({ min: 0, max: 50_000 }) }),
    { minLength: 1, maxLength: 6 },
  );

  it('entrada + parcelas − discount covers the debt to the centavo', () => {
    fc.assert(
      fc.property(items, margins, fc.integer({ min: 0, max: 48 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 0.6, noNaN: true }), fc.integer({ min: 0, max: 120 }), (its, m, n, entradaShare, discountShare, days) => {
        const d = debtOf(its);
        const discountCents = Math.floor(d.totalCents * discountShare);
        const base = d.totalCents - discountCents;
        const downPaymentCents = n === 0 ? base : Math.floor(base * entradaShare);
        const draft = { downPaymentCents, installmentCount: n, firstDueDate: addDays(asOf, days), discountCents };
        const b: AdjustBasis = { asOf, debt: d, margins: m };
        const a = adjustOffer(b, plan, draft);
        const backend = checkAgreementTerms(a.terms, d, m);
        fc.pre(!backend.some((v) => v.kind === 'validation'));
        expect(a.invalid).toEqual([]);
        expect(a.withinLimits).toBe(backend.length === 0);
        const p = agreementPlan(a.terms, d);
        for (const x of [a.installmentCents, a.totalCents, ...p.parcelas.map((q) => q.amountCents)]) expect(Number.isSafeInteger(x)).toBe(true);
        const parcelas = p.parcelas.reduce((s, q) => s + q.amountCents, 0);
        expect(a.totalCents).toBe(downPaymentCents + parcelas);
        expect(downPaymentCents + parcelas - p.planInterestCents + discountCents).toBe(d.totalCents);
        const financed = base - downPaymentCents;
        if (a.terms.monthlyRatePct === 0) expect(parcelas).toBe(financed);
        else if (n > 0 && financed >= 100 * n) expect(downPaymentCents + parcelas).toBeGreaterThanOrEqual(d.totalCents - discountCents);
      }),
      { numRuns: 1500 },
    );
  });
});
