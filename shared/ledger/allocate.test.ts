import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AmountExceedsDue, WaiverExceedsCharges, allocatePayment, type AllocationItem } from './allocate';
import type { InstallmentDue } from './charges';

function due(principal: number, fine = 0, interest = 0, discount = 0): InstallmentDue {
  return {
    principalOpenCents: principal,
    fineCents: fine,
    interestCents: interest,
    discountCents: discount,
    totalCents: principal - discount + fine + interest,
    daysLate: 0,
    status: fine + interest > 0 ? 'overdue' : 'open',
    fineAssessedCents: fine,
    interestAccruedCents: interest,
    lastPaymentDate: null,
    paidCents: 0,
  };
}

describe('allocatePayment', () => {
  // Oldest first: A is late (juros 205, multa 300), B is late too, C is not due yet.
  const items: AllocationItem[] = [
    { installmentId: 'A', due: due(15000, 300, 205) },
    { installmentId: 'B', due: due(15000, 300, 55) },
    { installmentId: 'C', due: due(15000) },
  ];

  it('covers juros, then multa, then principal, oldest first (Código Civil art. 354)', () => {
    expect(allocatePayment(items, 15505 + 400)).toEqual([
      { installmentId: 'A', principalCents: 15000, fineCents: 300, interestCents: 205, discountCents: 0, fineWaivedCents: 0, interestWaivedCents: 0 },
      { installmentId: 'B', principalCents: 45, fineCents: 300, interestCents: 55, discountCents: 0, fineWaivedCents: 0, interestWaivedCents: 0 },
    ]);
  });

  it('leaves multa open when the money ends in the juros', () => {
    expect(allocatePayment(items, 100)).toEqual([{ installmentId: 'A', principalCents: 0, fineCents: 0, interestCents: 100, discountCents: 0, fineWaivedCents: 0, interestWaivedCents: 0 }]);
    expect(allocatePayment(items, 400)).toEqual([{ installmentId: 'A', principalCents: 0, fineCents: 195, interestCents: 205, discountCents: 0, fineWaivedCents: 0, interestWaivedCents: 0 }]);
  });

  it('settles everything with exactly the total due', () => {
    const all = allocatePayment(items, 15505 + 15355 + 15000);
    expect(all.map((a) => a.installmentId)).toEqual(['A', 'B', 'C']);
    expect(all.reduce((s, a) => s + a.principalCents + a.fineCents + a.interestCents, 0)).toBe(45860);
  });

  it('follows the order it is given (the clerk may pick a newer parcela first)', () => {
    expect(allocatePayment([items[2], items[0]], 1000)).toEqual([{ installmentId: 'C', principalCents: 1000, fineCents: 0, interestCents: 0, discountCents: 0, fineWaivedCents: 0, interestWaivedCents: 0 }]);
  });

  it('refuses more than the total due with a typed error', () => {
    let error: unknown;
    try {
      allocatePayment(items, 45861);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AmountExceedsDue);
    expect(error).toMatchObject({ totalDueCents: 45860, amountCents: 45861 });
    expect((error as Error).message).toBe('Valor maior que o devido: R$ 458,61 informado, R$ 458,60 em aberto.');
    expect(() => allocatePayment([], 1)).toThrow(AmountExceedsDue);
  });

  it('refuses zero, negative, fractional amounts and repeated installments', () => {
    expect(() => allocatePayment(items, 0)).toThrow(RangeError);
    expect(() => allocatePayment(items, -5)).toThrow(RangeError);
    expect(() => allocatePayment(items, 1.5)).toThrow(RangeError);
    expect(() => allocatePayment([items[0], items[0]], 1)).toThrow(RangeError);
  });

  describe('early parcela with discount (CDC art. 52 §2)', () => {
    // P 21835, 30 days early at 3%: discount 636, payoff 21199.
    const early = [{ installmentId: 'E', due: due(21835, 0, 0, 636) }];

    it('a full payoff gets the whole discount', () => {
      expect(allocatePayment(early, 21199)).toEqual([{ installmentId: 'E', principalCents: 21199, fineCents: 0, interestCents: 0, discountCents: 636, fineWaivedCents: 0, interestWaivedCents: 0 }]);
    });

    it('a partial payment gets a proportional discount', () => {
      // credited = round(10000 × 21835 / 21199 = 10300.01) = 10300 → discount 300.
      expect(allocatePayment(early, 10000)).toEqual([{ installmentId: 'E', principalCents: 10000, fineCents: 0, interestCents: 0, discountCents: 300, fineWaivedCents: 0, interestWaivedCents: 0 }]);
    });

    it('discounts only the early one when late ones come first', () => {
      const mixed = [{ installmentId: 'L', due: due(1000, 20, 10) }, ...early];
      expect(allocatePayment(mixed, 1030 + 21199)).toEqual([
        { installmentId: 'L', principalCents: 1000, fineCents: 20, interestCents: 10, discountCents: 0, fineWaivedCents: 0, interestWaivedCents: 0 },
        { installmentId: 'E', principalCents: 21199, fineCents: 0, interestCents: 0, discountCents: 636, fineWaivedCents: 0, interestWaivedCents: 0 },
      ]);
    });
  });

  it('properties: exact sum, bounds per installment, order respected', () => {
    const itemArb = fc
      .record({
        principal: fc.integer({ min: 0, max: 5_000_000 }),
        fine: fc.integer({ min: 0, max: 100_000 }),
        interest: fc.integer({ min: 0, max: 500_000 }),
        discountShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
      })
      .map((r) => due(r.principal, r.fine, r.interest, Math.floor(r.principal * r.discountShare)));
    fc.assert(
      fc.property(fc.array(itemArb, { minLength: 1, maxLength: 10 }), fc.double({ min: 0, max: 1, noNaN: true }), (dues, share) => {
        const list = dues.map((d, k) => ({ installmentId: `i${k}`, due: d }));
        const total = dues.reduce((s, d) => s + d.totalCents, 0);
        fc.pre(total > 0);
        const amount = Math.max(1, Math.floor(total * share));
        const allocations = allocatePayment(list, amount);
        expect(allocations.reduce((s, a) => s + a.principalCents + a.fineCents + a.interestCents, 0)).toBe(amount);
        let sawPartial = false;
        for (const a of allocations) {
          const d = list.find((i) => i.installmentId === a.installmentId)!.due;
          for (const v of [a.principalCents, a.fineCents, a.interestCents, a.discountCents]) expect(Number.isSafeInteger(v) && v >= 0).toBe(true);
          expect(a.interestCents).toBeLessThanOrEqual(d.interestCents);
          expect(a.fineCents).toBeLessThanOrEqual(d.fineCents);
          expect(a.principalCents + a.discountCents).toBeLessThanOrEqual(d.principalOpenCents);
          expect(a.discountCents).toBeLessThanOrEqual(d.discountCents);
          // Juros before multa before principal.
          if (a.fineCents > 0) expect(a.interestCents).toBe(d.interestCents);
          if (a.principalCents > 0) expect(a.fineCents).toBe(d.fineCents);
          // Only the last touched installment may be partly paid.
          expect(sawPartial).toBe(false);
          sawPartial = a.principalCents + a.fineCents + a.interestCents < d.totalCents;
        }
        const ids = allocations.map((a) => Number(a.installmentId.slice(1)));
        expect(ids).toEqual([...ids].sort((x, y) => x - y));
      }),
      { numRuns: 500 },
    );
  });

  describe('a discount on charges at the counter (waiver)', () => {
    it('forgives juros, then multa, of the parcelas the money reaches; the money covers the rest', () => {
      // A owes 15000 + multa 300 + juros 205; forgiving 405 leaves 100 of multa to pay.
      expect(allocatePayment(items, 15100, 405)).toEqual([{ installmentId: 'A', principalCents: 15000, fineCents: 100, interestCents: 0, discountCents: 0, fineWaivedCents: 200, interestWaivedCents: 205 }]);
    });

    it('lets the money settle everything minus the waiver, and not a centavo more', () => {
      const total = 15505 + 15355 + 15000;
      const all = allocatePayment(items, total - 860, 860);
      expect(all.reduce((s, a) => s + a.fineWaivedCents + a.interestWaivedCents, 0)).toBe(860);
      expect(() => allocatePayment(items, total - 859, 860)).toThrow(AmountExceedsDue);
    });

    it('refuses a waiver larger than the charges the payment reaches', () => {
      // 100 reaches only A's juros (205): A's charges are 505, B's are never reached.
      expect(() => allocatePayment(items, 100, 600)).toThrow(WaiverExceedsCharges);
      expect(() => allocatePayment([items[2]], 1000, 1)).toThrow(WaiverExceedsCharges);
      expect(() => allocatePayment(items, 100, -1)).toThrow(RangeError);
    });

    it('properties: money sums to the amount, waivers to the waiver, nothing beyond what each parcela owes', () => {
      const itemArb = fc
        .record({ principal: fc.integer({ min: 1, max: 2_000_000 }), fine: fc.integer({ min: 0, max: 40_000 }), interest: fc.integer({ min: 0, max: 200_000 }) })
        .map((r) => due(r.principal, r.fine, r.interest));
      fc.assert(
        fc.property(fc.array(itemArb, { minLength: 1, maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (dues, share, waiverShare) => {
          const list = dues.map((d, k) => ({ installmentId: `i${k}`, due: d }));
          const charges = dues.reduce((s, d) => s + d.fineCents + d.interestCents, 0);
          const total = dues.reduce((s, d) => s + d.totalCents, 0);
          const waiver = Math.floor(charges * waiverShare);
          const amount = Math.max(1, Math.floor((total - waiver) * share));
          fc.pre(total - waiver >= 1);
          let allocations;
          try {
            allocations = allocatePayment(list, amount, waiver);
          } catch (e) {
            // Only refusal allowed: the money ran out before reaching enough charges to forgive.
            expect(e).toBeInstanceOf(WaiverExceedsCharges);
            return;
          }
          expect(allocations.reduce((s, a) => s + a.principalCents + a.fineCents + a.interestCents, 0)).toBe(amount);
          expect(allocations.reduce((s, a) => s + a.fineWaivedCents + a.interestWaivedCents, 0)).toBe(waiver);
          for (const a of allocations) {
            const d = list.find((i) => i.installmentId === a.installmentId)!.due;
            expect(a.interestCents + a.interestWaivedCents).toBeLessThanOrEqual(d.interestCents);
            expect(a.fineCents + a.fineWaivedCents).toBeLessThanOrEqual(d.fineCents);
            expect(a.principalCents).toBeLessThanOrEqual(d.principalOpenCents);
          }
        }),
        { numRuns: 500 },
      );
    });
  });
});
