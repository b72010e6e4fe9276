import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeCalendar } from '../calendar';
import { addDays } from '../dates';
import { allocatePayment } from './allocate';
import { earlyDiscountFor, fineFor, installmentDue, type ChargePolicy, type InstallmentFacts, type PastAllocation } from './charges';

const policy: ChargePolicy = { fineRatePct: 2, lateInterestMonthlyPct: 1 };
// DOMAIN.md example: P = 15000 due 2026-10-13 (a Tuesday, so nominal = effective).
const facts: InstallmentFacts = { id: 'i1', amountCents: 15000, effectiveDueDate: '2026-10-13', monthlyRatePct: 0 };

/** Pays `amount` on `date` through allocatePayment and appends the allocation, as the DB layer would. */
function pay(f: InstallmentFacts, history: PastAllocation[], date: string, amount: number, p = policy): PastAllocation[] {
  const [a] = allocatePayment([{ installmentId: f.id, due: installmentDue(f, history, date, p) }], amount);
  return [...history, { date, principalCents: a.principalCents, fineCents: a.fineCents, interestCents: a.interestCents, discountCents: a.discountCents }];
}

describe('installmentDue — DOMAIN.md example', () => {
  it('41 days late: multa 300, juros 205, total 15505', () => {
    const due = installmentDue(facts, [], '2026-11-23', policy);
    expect(due).toMatchObject({ principalOpenCents: 15000, fineCents: 300, interestCents: 205, discountCents: 0, totalCents: 15505, daysLate: 41, status: 'overdue' });
    expect(due.fineAssessedCents).toBe(300);
    expect(due.interestAccruedCents).toBe(205);
    expect(due.lastPaymentDate).toBeNull();
  });

  it('paying 15505 that day settles it', () => {
    const history = pay(facts, [], '2026-11-23', 15505);
    expect(history[0]).toEqual({ date: '2026-11-23', principalCents: 15000, fineCents: 300, interestCents: 205, discountCents: 0 });
    const due = installmentDue(facts, history, '2026-11-23', policy);
    expect(due).toMatchObject({ principalOpenCents: 0, fineCents: 0, interestCents: 0, totalCents: 0, daysLate: 0, status: 'paid', paidCents: 15505, lastPaymentDate: '2026-11-23' });
    // Nothing accrues afterwards.
    expect(installmentDue(facts, history, '2027-06-01', policy).totalCents).toBe(0);
  });
});

describe('installmentDue — around the due date', () => {
  it('owes nothing extra on the due date itself', () => {
    expect(installmentDue(facts, [], '2026-10-13', policy)).toMatchObject({ totalCents: 15000, fineCents: 0, interestCents: 0, daysLate: 0, status: 'open' });
  });

  it('one day late: multa 300 and juros round(15000 × 1% × 1/30) = 5', () => {
    expect(installmentDue(facts, [], '2026-10-14', policy)).toMatchObject({ fineCents: 300, interestCents: 5, totalCents: 15305, daysLate: 1 });
  });

  it('counts from the effective due date: a Sunday feriado moves to Monday', () => {
    const cal = makeCalendar();
    const onSunday = { ...facts, effectiveDueDate: cal.nextOpenDay('2026-11-15') };
    expect(onSunday.effectiveDueDate).toBe('2026-11-16');
    expect(installmentDue(onSunday, [], '2026-11-16', policy).status).toBe('open');
    expect(installmentDue(onSunday, [], '2026-11-17', policy)).toMatchObject({ status: 'overdue', daysLate: 1, fineCents: 300 });
    const onChristmas = { ...facts, effectiveDueDate: cal.nextOpenDay('2026-12-25') };
    expect(installmentDue(onChristmas, [], '2026-12-26', policy).status).toBe('open');
  });

  it('a payment on or before D lowers the principal the multa is taken on', () => {
    // P_at_D = 15000 − 5000 = 10000 → multa 200; juros round(10000 × 41 / 3000 = 136.67) = 137.
    for (const date of ['2026-10-01', '2026-10-13']) {
      const history = pay(facts, [], date, 5000);
      expect(installmentDue(facts, history, '2026-11-23', policy)).toMatchObject({ principalOpenCents: 10000, fineCents: 200, interestCents: 137, totalCents: 10337 });
    }
  });

  it('ignores allocations dated after asOf', () => {
    const history = pay(facts, [], '2026-11-23', 15505);
    expect(installmentDue(facts, history, '2026-11-01', policy)).toEqual(installmentDue(facts, [], '2026-11-01', policy));
  });
});

describe('installmentDue — partial payments over several dates', () => {
  it('accrues juros in segments and never charges multa twice', () => {
    // 10-23 (10 days late): juros round(15000 × 10/3000) = 50, multa 300 → due 15350.
    //   Pays 5000 → juros 50, multa 300, principal 4650; open principal 10350.
    // 11-12 (20 more days): juros round(10350 × 20/3000) = 69 → due 10419.
    //   Pays 3000 → juros 69, principal 2931; open principal 7419.
    // 11-23 (11 more days): juros round(7419 × 11/3000 = 27.203) = 27 → due 7446.
    let h = pay(facts, [], '2026-10-23', 5000);
    expect(h[0]).toMatchObject({ interestCents: 50, fineCents: 300, principalCents: 4650 });
    expect(installmentDue(facts, h, '2026-11-12', policy)).toMatchObject({ principalOpenCents: 10350, fineCents: 0, interestCents: 69, totalCents: 10419 });
    h = pay(facts, h, '2026-11-12', 3000);
    expect(h[1]).toMatchObject({ interestCents: 69, fineCents: 0, principalCents: 2931 });
    const due = installmentDue(facts, h, '2026-11-23', policy);
    expect(due).toMatchObject({ principalOpenCents: 7419, fineCents: 0, interestCents: 27, totalCents: 7446, daysLate: 41, fineAssessedCents: 300, interestAccruedCents: 146, paidCents: 8000 });
    h = pay(facts, h, '2026-11-23', 7446);
    expect(installmentDue(facts, h, '2026-11-23', policy)).toMatchObject({ status: 'paid', totalCents: 0, paidCents: 15446 });
  });

  it('keeps an uncovered multa as it was, without interest on it', () => {
    // 10-23: pays 200 → juros 50, multa 150 of 300; principal untouched.
    // 11-12: juros 50 + round(15000 × 20/3000) = 100 accrued, 50 paid → 100 open; multa 150 open.
    const h = pay(facts, [], '2026-10-23', 200);
    expect(h[0]).toMatchObject({ interestCents: 50, fineCents: 150, principalCents: 0 });
    expect(installmentDue(facts, h, '2026-11-12', policy)).toMatchObject({
      principalOpenCents: 15000,
      fineCents: 150,
      interestCents: 100,
      totalCents: 15250,
      fineAssessedCents: 300,
      interestAccruedCents: 150,
    });
  });

  it('a reversal (dropping the allocation) restores the exact prior state', () => {
    const h1 = pay(facts, [], '2026-10-23', 5000);
    const before = installmentDue(facts, h1, '2026-11-12', policy);
    const h2 = pay(facts, h1, '2026-11-12', 3000);
    expect(installmentDue(facts, h2.slice(0, 1), '2026-11-12', policy)).toEqual(before);
    expect(installmentDue(facts, h2.slice(0, 1), '2026-11-23', policy)).toEqual(installmentDue(facts, h1, '2026-11-23', policy));
  });
});

describe('installmentDue — early payment (CDC art. 52 §2)', () => {
  const withRate: InstallmentFacts = { id: 'p2', amountCents: 21835, effectiveDueDate: '2026-12-10', monthlyRatePct: 3 };

  it('discounts to present value: 30 days early at 3% → 21835 − round(21199.03) = 636', () => {
    expect(installmentDue(withRate, [], '2026-11-10', policy)).toMatchObject({ discountCents: 636, totalCents: 21199, status: 'open', daysLate: 0 });
  });

  it('15 days early → 21835 − round(21835 / 1.03^0.5 = 21514.66) = 320', () => {
    expect(earlyDiscountFor(21835, 3, 15)).toBe(320);
    expect(installmentDue(withRate, [], '2026-11-25', policy).discountCents).toBe(320);
  });

  it('gives no discount on the due date, after it, or on a sale without interest', () => {
    expect(installmentDue(withRate, [], '2026-12-10', policy).discountCents).toBe(0);
    expect(installmentDue(withRate, [], '2026-12-11', policy).discountCents).toBe(0);
    expect(installmentDue({ ...withRate, monthlyRatePct: 0 }, [], '2026-11-10', policy).discountCents).toBe(0);
  });

  it('a full early payoff retires the whole principal', () => {
    const h = pay(withRate, [], '2026-11-10', 21199);
    expect(h[0]).toMatchObject({ principalCents: 21199, discountCents: 636 });
    expect(installmentDue(withRate, h, '2027-03-01', policy)).toMatchObject({ status: 'paid', totalCents: 0, paidCents: 21199 });
  });
});

describe('multa cap (CDC art. 52 §1)', () => {
  it('caps a policy above 2% at 2%', () => {
    const due = installmentDue(facts, [], '2026-11-23', { fineRatePct: 2.5, lateInterestMonthlyPct: 1 });
    expect(due.fineCents).toBe(300);
    expect(fineFor(15000, 10)).toBe(300);
  });

  it('applies a lower rate as configured and rounds half-up', () => {
    expect(installmentDue(facts, [], '2026-11-23', { fineRatePct: 1.5, lateInterestMonthlyPct: 0 })).toMatchObject({ fineCents: 225, interestCents: 0 });
    expect(fineFor(125, 2)).toBe(3); // 2.5 → 3
    expect(fineFor(124, 2)).toBe(2); // 2.48 → 2
  });

  it('rejects negative rates', () => {
    expect(() => installmentDue(facts, [], '2026-11-23', { fineRatePct: -1, lateInterestMonthlyPct: 1 })).toThrow(RangeError);
    expect(() => installmentDue(facts, [], '2026-11-23', { fineRatePct: 2, lateInterestMonthlyPct: -1 })).toThrow(RangeError);
  });
});

describe('installmentDue — broken histories', () => {
  it('refuses a history crediting more than the amount', () => {
    const h: PastAllocation[] = [{ date: '2026-10-01', principalCents: 15001, fineCents: 0, interestCents: 0, discountCents: 0 }];
    expect(() => installmentDue(facts, h, '2026-11-01', policy)).toThrow();
  });

  it('refuses negative or fractional allocations', () => {
    const h: PastAllocation[] = [{ date: '2026-10-01', principalCents: -1, fineCents: 0, interestCents: 0, discountCents: 0 }];
    expect(() => installmentDue(facts, h, '2026-11-01', policy)).toThrow(RangeError);
  });
});

// --- Properties: random installments paid bit by bit on random dates ---------------------------------------

const scenario = fc.record({
  amount: fc.integer({ min: 1, max: 2_000_000 }),
  dueOffset: fc.integer({ min: 0, max: 3650 }),
  saleRate: fc.constantFrom(0, 0, 1.99, 3, 4.5),
  fineRatePct: fc.constantFrom(0, 1, 2, 2.5),
  lateInterestMonthlyPct: fc.constantFrom(0, 1, 1.5, 3.33),
  // Each payment: days after the previous one (first relative to D − 90), and the share of the due paid.
  payments: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 120 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 8 }),
  finalGap: fc.integer({ min: 0, max: 400 }),
});

describe('charges properties', () => {
  it('keep every balance non-negative, the multa ≤ 2% and assessed once, and reversals exact', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const f: InstallmentFacts = { id: 'x', amountCents: s.amount, effectiveDueDate: addDays('2020-01-01', s.dueOffset), monthlyRatePct: s.saleRate };
        const p: ChargePolicy = { fineRatePct: s.fineRatePct, lateInterestMonthlyPct: s.lateInterestMonthlyPct };
        const maxFine = fineFor(s.amount, 2);
        let history: PastAllocation[] = [];
        let date = addDays(f.effectiveDueDate, -90);
        let firstFine: number | null = null;
        let lastAccrued = 0;

        const check = (asOf: string) => {
          const due = installmentDue(f, history, asOf, p);
          for (const v of [due.principalOpenCents, due.fineCents, due.interestCents, due.discountCents, due.totalCents, due.fineAssessedCents, due.interestAccruedCents]) {
            expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
          }
          expect(due.discountCents).toBeLessThanOrEqual(due.principalOpenCents);
          expect(due.fineAssessedCents).toBeLessThanOrEqual(maxFine);
          expect(due.fineAssessedCents).toBeLessThanOrEqual(s.amount * 0.02 + 0.5);
          if (asOf > f.effectiveDueDate) {
            if (firstFine === null) firstFine = due.fineAssessedCents;
            expect(due.fineAssessedCents).toBe(firstFine); // multa never charged again
          }
          expect(due.interestAccruedCents).toBeGreaterThanOrEqual(lastAccrued); // juros only grow
          lastAccrued = due.interestAccruedCents;
          return due;
        };

        for (const step of s.payments) {
          date = addDays(date, step.gap);
          const before = check(date);
          if (before.totalCents === 0) break;
          const amount = Math.min(before.totalCents, Math.max(1, Math.floor(step.share * before.totalCents)));
          const next = pay(f, history, date, amount, p);
          const a = next[next.length - 1];
          expect(a.principalCents + a.fineCents + a.interestCents).toBe(amount);
          const after = installmentDue(f, next, date, p);
          expect(after.principalOpenCents).toBe(before.principalOpenCents - a.principalCents - a.discountCents);
          if (before.discountCents === 0) expect(after.totalCents).toBe(before.totalCents - amount);
          if (amount === before.totalCents) expect(after.status).toBe('paid');
          // Reversal: dropping the last allocation restores exactly what was due before it.
          expect(installmentDue(f, next.slice(0, -1), date, p)).toEqual(before);
          history = next;
        }
        check(addDays(date, s.finalGap));
      }),
      { numRuns: 300 },
    );
  });

  it('paying the quoted total always settles the installment', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const f: InstallmentFacts = { id: 'x', amountCents: s.amount, effectiveDueDate: '2026-10-13', monthlyRatePct: s.saleRate };
        const p: ChargePolicy = { fineRatePct: s.fineRatePct, lateInterestMonthlyPct: s.lateInterestMonthlyPct };
        const day = addDays('2026-10-13', s.finalGap - 200);
        const due = installmentDue(f, [], day, p);
        const h = pay(f, [], day, due.totalCents, p);
        expect(installmentDue(f, h, day, p)).toMatchObject({ status: 'paid', totalCents: 0, principalOpenCents: 0 });
        expect(installmentDue(f, h, addDays(day, 365), p).totalCents).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});
