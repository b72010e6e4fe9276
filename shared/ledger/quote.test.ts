import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeCalendar } from '../calendar';
import { allocatePayment } from './allocate';
import type { ChargePolicy } from './charges';
import { planInstallments } from './plan';
import { openInstallments, quotePayment, statementLine, statementTotals, type LedgerInstallment } from './quote';

const policy: ChargePolicy = { fineRatePct: 2, lateInterestMonthlyPct: 1 };
const cal = makeCalendar();

/** A sale's parcelas as the DB layer would hand them over: nominal and effective dates, no payments yet. */
function sale(prefix: string, financedCents: number, count: number, monthlyRatePct: number, firstDueDate: string): LedgerInstallment[] {
  return planInstallments({ financedCents, count, monthlyRatePct, firstDueDate }).map((p) => ({
    id: `${prefix}${p.number}`,
    number: p.number,
    dueDate: p.dueDate,
    effectiveDueDate: cal.nextOpenDay(p.dueDate),
    amountCents: p.amountCents,
    monthlyRatePct,
    history: [],
  }));
}

describe('quotePayment and statementLine', () => {
  // 45000 in 3 × 15000 without interest, from 2026-10-13: 10-13 (late), 11-13 (late), 12-13 (a Sunday → 12-14).
  const plain = sale('a', 45000, 3, 0, '2026-10-13');
  const asOf = '2026-11-23';

  it('quotes the late parcelas oldest first with their charges', () => {
    const shuffled = [plain[2], plain[0], plain[1]];
    const q = quotePayment(shuffled, asOf, policy);
    // a1: DOMAIN.md example → 15505. a2: 10 days → multa 300, juros 50 → 15350. a3: not due, no discount (rate 0).
    expect(q.items.map((i) => [i.installmentId, i.daysLate, i.fineCents, i.interestCents, i.totalCents])).toEqual([
      ['a1', 41, 300, 205, 15505],
      ['a2', 10, 300, 50, 15350],
      ['a3', 0, 0, 0, 15000],
    ]);
    expect(q.items[2]).toMatchObject({ dueDate: '2026-12-13', effectiveDueDate: '2026-12-14' });
    expect(q.totalCents).toBe(45855);
  });

  it('quotes only the picked parcelas, still oldest first', () => {
    const q = quotePayment(plain, asOf, policy, ['a3', 'a1']);
    expect(q.items.map((i) => i.installmentId)).toEqual(['a1', 'a3']);
    expect(q.totalCents).toBe(30505);
  });

  it('statement lines carry the same totals as the quote', () => {
    const lines = plain.map((i) => statementLine(i, asOf, policy));
    expect(lines[0]).toEqual({
      id: 'a1',
      number: 1,
      dueDate: '2026-10-13',
      effectiveDueDate: '2026-10-13',
      amountCents: 15000,
      paidCents: 0,
      status: 'overdue',
      daysLate: 41,
      fineCents: 300,
      interestCents: 205,
      discountCents: 0,
      totalDueCents: 15505,
    });
    expect(lines[2].status).toBe('open');
    expect(statementTotals(lines)).toEqual({ overdueCents: 30855, openCents: 45855 });
  });

  it('pays through the quote: paying its total settles every parcela', () => {
    const open = openInstallments(plain, asOf, policy);
    const allocations = allocatePayment(open, quotePayment(plain, asOf, policy).totalCents);
    const paid = plain.map((i) => {
      const a = allocations.find((x) => x.installmentId === i.id)!;
      return { ...i, history: [{ date: asOf, ...a }] };
    });
    expect(quotePayment(paid, asOf, policy)).toEqual({ items: [], totalCents: 0 });
    expect(paid.map((i) => statementLine(i, asOf, policy).status)).toEqual(['paid', 'paid', 'paid']);
    expect(statementLine(paid[0], asOf, policy).paidCents).toBe(15505);
  });

  it('leaves renegotiated parcelas out of the quote and shows them as such', () => {
    const reneg = plain.map((i, k) => (k < 2 ? { ...i, renegotiated: true } : i));
    expect(quotePayment(reneg, asOf, policy).items.map((i) => i.installmentId)).toEqual(['a3']);
    expect(statementLine(reneg[0], asOf, policy)).toMatchObject({ status: 'renegotiated', totalDueCents: 0, fineCents: 0, daysLate: 0 });
    expect(statementTotals(reneg.map((i) => statementLine(i, asOf, policy)))).toEqual({ overdueCents: 0, openCents: 15000 });
  });

  it('offers the early discount on a sale with interest', () => {
    // 100000 in 5 × 21835 at 3% from 2026-12-10; on 2026-11-10 the first is 30 days early: discount 636.
    const priced = sale('b', 100000, 5, 3, '2026-12-10');
    const q = quotePayment(priced, '2026-11-10', policy, ['b1']);
    expect(q.items[0]).toMatchObject({ principalCents: 21835, discountCents: 636, totalCents: 21199 });
    expect(statementLine(priced[0], '2026-11-10', policy)).toMatchObject({ discountCents: 636, totalDueCents: 21199, status: 'open' });
  });

  it('property: the quote total equals the statement total due of the same parcelas', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 5_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(0, 2.5),
        fc.integer({ min: -60, max: 500 }),
        fc.array(fc.record({ day: fc.integer({ min: -60, max: 400 }), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }), { maxLength: 5 }),
        (financed, count, rate, asOfOffset, payments) => {
          let inst = sale('s', financed, count, rate, '2026-01-31');
          const asOfDay = (n: number) => new Date(Date.UTC(2026, 0, 31 + n)).toISOString().slice(0, 10);
          for (const p of [...payments].sort((x, y) => x.day - y.day)) {
            const day = asOfDay(p.day);
            const q = quotePayment(inst, day, policy);
            if (q.totalCents === 0) break;
            const allocations = allocatePayment(openInstallments(inst, day, policy), Math.max(1, Math.floor(q.totalCents * p.share)));
            inst = inst.map((i) => {
              const a = allocations.find((x) => x.installmentId === i.id);
              return a ? { ...i, history: [...i.history, { date: day, ...a }] } : i;
            });
          }
          const day = asOfDay(asOfOffset + 400);
          const q = quotePayment(inst, day, policy);
          const lines = inst.map((i) => statementLine(i, day, policy));
          expect(q.totalCents).toBe(statementTotals(lines).openCents);
          for (const item of q.items) expect(item.totalCents).toBe(lines.find((l) => l.id === item.installmentId)!.totalDueCents);
        },
      ),
      { numRuns: 150 },
    );
  });
});
