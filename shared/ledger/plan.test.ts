import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planInstallments, pricePayment } from './plan';

describe('planInstallments', () => {
  it('uses Tabela Price with interest (DOMAIN.md: PV 100000, n 5, 3% → 5 × 21835)', () => {
    const plan = planInstallments({ financedCents: 100000, count: 5, monthlyRatePct: 3, firstDueDate: '2026-01-31' });
    expect(plan.map((p) => p.amountCents)).toEqual([21835, 21835, 21835, 21835, 21835]);
    expect(plan.map((p) => p.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('dates every parcela from the first one (Jan 31 → Feb 28 → Mar 31)', () => {
    const plan = planInstallments({ financedCents: 100000, count: 5, monthlyRatePct: 3, firstDueDate: '2026-01-31' });
    expect(plan.map((p) => p.dueDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
  });

  it('without interest splits floor(PV / n) and adds the leftover to the first', () => {
    const plan = planInstallments({ financedCents: 100000, count: 3, monthlyRatePct: 0, firstDueDate: '2026-11-15' });
    expect(plan.map((p) => p.amountCents)).toEqual([33334, 33333, 33333]);
    expect(plan.map((p) => p.dueDate)).toEqual(['2026-11-15', '2026-12-15', '2027-01-15']);
    expect(planInstallments({ financedCents: 10, count: 4, monthlyRatePct: 0, firstDueDate: '2026-11-15' }).map((p) => p.amountCents)).toEqual([4, 2, 2, 2]);
  });

  it('a single parcela with interest is PV × (1 + i)', () => {
    expect(pricePayment(100000, 1, 3)).toBe(103000);
  });

  it('rejects invalid input', () => {
    const ok = { financedCents: 1000, count: 2, monthlyRatePct: 0, firstDueDate: '2026-11-15' };
    expect(() => planInstallments({ ...ok, financedCents: 0 })).toThrow(RangeError);
    expect(() => planInstallments({ ...ok, financedCents: 10.5 })).toThrow(RangeError);
    expect(() => planInstallments({ ...ok, count: 0 })).toThrow(RangeError);
    expect(() => planInstallments({ ...ok, monthlyRatePct: -1 })).toThrow(RangeError);
    expect(() => planInstallments({ ...ok, firstDueDate: '2026-02-30' })).toThrow(RangeError);
  });

  it('without interest the parcelas add up to the financed amount exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e10 }), fc.integer({ min: 1, max: 48 }), (pv, n) => {
        const amounts = planInstallments({ financedCents: pv, count: n, monthlyRatePct: 0, firstDueDate: '2026-01-31' }).map((p) => p.amountCents);
        expect(amounts.reduce((a, b) => a + b, 0)).toBe(pv);
        expect(amounts.every((a) => Number.isInteger(a) && a >= 0)).toBe(true);
        expect(amounts[0] - amounts[n - 1]).toBeLessThan(n);
      }),
    );
  });

  it('with interest every parcela equals PMT, worth PV at the sale rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 1e9 }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 1500 }).map((bp) => bp / 100),
        (pv, n, rate) => {
          const plan = planInstallments({ financedCents: pv, count: n, monthlyRatePct: rate, firstDueDate: '2026-01-31' });
          const pmt = pricePayment(pv, n, rate);
          expect(plan.every((p) => p.amountCents === pmt)).toBe(true);
          expect(Number.isInteger(pmt)).toBe(true);
          // PMT is rounded once, so on tiny amounts n × PMT may fall short of PV by up to n/2 centavos.
          expect(n * pmt).toBeGreaterThanOrEqual(pv - n / 2);
          // Present value of the parcelas is PV up to the rounding of each one.
          const i = rate / 100;
          const pvBack = Array.from({ length: n }, (_, k) => pmt / (1 + i) ** (k + 1)).reduce((a, b) => a + b, 0);
          expect(Math.abs(pvBack - pv)).toBeLessThanOrEqual(0.5 * n + 1e-6);
        },
      ),
    );
  });
});
