// Pure properties of shared/ledger against the independent reference in ./reference.ts.
//
// shared/ledger/*.test.ts already check invariants (sums, bounds, one installment paid bit by bit, synthetic
// dues for allocatePayment). What they do not do is compare the numbers with a second, independent reading of
// DOMAIN.md, on several installments at once, with the dues that installmentDue really produces (late ones,
// early ones with their discount, paid ones), the clerk's picks, and policies other than the default. This
// does, thousands of times and cheaply, including amounts and delays the database test does not reach.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { allocatePayment, AmountExceedsDue } from '../../shared/ledger/allocate';
import { openInstallments, quotePayment, statementLine, type LedgerInstallment } from '../../shared/ledger/quote';
import type { ChargePolicy } from '../../shared/ledger/charges';
import { planInstallments } from '../../shared/ledger/plan';
import { addDays, allocate, daysFrom, dueOn, multa, planAmounts, type Day, type HistoryEntry } from './reference';

const BASE: Day = '2026-01-01';

const installmentArb = fc.record({
  amount: fc.oneof(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 501, max: 5_000_000 }), fc.integer({ min: 5_000_001, max: 1_000_000_000 })),
  dueOffset: fc.integer({ min: 0, max: 400 }),
  rate: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 500 }).map((x) => x / 100)),
});

const scenarioArb = fc.record({
  installments: fc.array(installmentArb, { minLength: 1, maxLength: 6 }),
  policy: fc.record({
    fineRatePct: fc.constantFrom(0, 1, 1.5, 2, 2.5, 10),
    lateInterestMonthlyPct: fc.constantFrom(0, 0.5, 1, 1.5, 3.33),
  }),
  payments: fc.array(
    fc.record({
      gap: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 6, max: 200 }), fc.integer({ min: 201, max: 3000 })),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      over: fc.boolean(),
      pick: fc.option(fc.integer({ min: 1, max: 63 }), { freq: 3 }),
    }),
    { minLength: 1, maxLength: 10 },
  ),
  finalGap: fc.integer({ min: 0, max: 1000 }),
});

type Scenario = typeof scenarioArb extends fc.Arbitrary<infer T> ? T : never;

/** One scenario: pay as told, comparing with the reference before and after every payment. */
function checkScenario(s: Scenario): void {
  const policy: ChargePolicy = s.policy;
  const refPolicy = { finePct: s.policy.fineRatePct, moraPct: s.policy.lateInterestMonthlyPct };
  const ledger: LedgerInstallment[] = s.installments.map((i, k) => {
    const due = addDays(BASE, 60 + i.dueOffset);
    return { id: `p${k}`, number: k + 1, dueDate: due, effectiveDueDate: due, amountCents: i.amount, monthlyRatePct: i.rate, history: [] };
  });
  const refDue = (l: LedgerInstallment, asOf: Day) =>
    dueOn({ amount: l.amountCents, effDue: l.effectiveDueDate, rate: l.monthlyRatePct }, l.history.map((h): HistoryEntry => ({ date: h.date, principal: h.principalCents, fine: h.fineCents, interest: h.interestCents, discount: h.discountCents })), asOf, refPolicy);

  const compareOn = (asOf: Day) => {
    for (const l of ledger) {
      const got = statementLine(l, asOf, policy);
      const want = refDue(l, asOf);
      expect({ ...got, asOf }).toMatchObject({
        id: l.id,
        asOf,
        paidCents: want.paid,
        status: want.status,
        daysLate: want.daysLate,
        fineCents: want.fine,
        interestCents: want.interest,
        discountCents: want.discount,
        totalDueCents: want.total,
      });
      // Multa never above 2% of the parcela, whatever the policy says.
      expect(want.fineAssessed).toBeLessThanOrEqual(multa(l.amountCents, 2));
    }
    const q = quotePayment(ledger, asOf, policy);
    expect(q.totalCents).toBe(ledger.reduce((sum, l) => sum + refDue(l, asOf).total, 0));
  };

  let date = BASE;
  for (const pay of s.payments) {
    date = addDays(date, pay.gap);
    const picked = pay.pick === null ? undefined : ledger.filter((_, k) => (pay.pick! >> k) & 1).map((l) => l.id);
    const picks = picked && picked.length ? picked : undefined;
    compareOn(date);

    // Payment order: oldest effective due first (ids break ties here), paid ones left out, picks respected.
    const open = openInstallments(ledger, date, policy, picks);
    const refOpen = ledger
      .filter((l) => !picks || picks.includes(l.id))
      .map((l) => ({ id: l.id, due: refDue(l, date) }))
      .filter((o) => o.due.status !== 'paid')
      .sort((a, b) => daysFrom(ledger.find((l) => l.id === b.id)!.effectiveDueDate, ledger.find((l) => l.id === a.id)!.effectiveDueDate) || Number(a.id.slice(1)) - Number(b.id.slice(1)));
    expect(open.map((o) => o.installmentId)).toEqual(refOpen.map((o) => o.id));
    const total = refOpen.reduce((sum, o) => sum + o.due.total, 0);
    if (total === 0) continue;

    const amount = pay.over ? total + 1 + Math.floor(pay.share * 100) : Math.max(1, Math.floor(pay.share * total));
    const want = allocate(refOpen, amount);
    if (want === null) {
      expect(() => allocatePayment(open, amount)).toThrow(AmountExceedsDue);
      continue;
    }
    const got = allocatePayment(open, amount);
    expect(got).toEqual(want);
    expect(got.reduce((sum, a) => sum + a.principalCents + a.fineCents + a.interestCents, 0)).toBe(amount);
    const before = ledger.map((l) => statementLine(l, date, policy));
    const lengths = ledger.map((l) => l.history.length);
    for (const a of got) {
      ledger.find((l) => l.id === a.installmentId)!.history.push({ date, principalCents: a.principalCents, fineCents: a.fineCents, interestCents: a.interestCents, discountCents: a.discountCents });
    }
    if (amount === total) for (const l of ledger) if (!picks || picks.includes(l.id)) expect(statementLine(l, date, policy).status).toBe('paid');
    // Reversal = dropping this payment's allocations: back to exactly the lines before it.
    const without = ledger.map((l, k) => ({ ...l, history: l.history.slice(0, lengths[k]) }));
    expect(without.map((l) => statementLine(l, date, policy))).toEqual(before);
  }
  compareOn(addDays(date, s.finalGap));
}

describe('shared/ledger against the reference model', () => {
  it('dues, quote, statement lines and payment splits match DOMAIN.md exactly', () => {
    fc.assert(fc.property(scenarioArb, checkScenario), { numRuns: Number(process.env.EMDIA_PURE_RUNS ?? 1000) });
  });

  // The reference computes Price exactly (BigInt rationals); the code in floats with a 32-ulp window for noise.
  // They can only differ when the true value lies within 32 ulps below a half (≈ 7e-15 of the value): for
  // these amounts, a chance well under 1 in 1000 per full run of this test.
  it('carnê amounts: Tabela Price equal parcelas, sem juros without creating or losing a centavo', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 24 }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1500 }).map((x) => x / 100)), (pv, n, rate) => {
        fc.pre(pv >= n);
        const plan = planInstallments({ financedCents: pv, count: n, monthlyRatePct: rate, firstDueDate: '2026-01-31' });
        expect(plan.map((p) => p.amountCents)).toEqual(planAmounts(pv, n, rate));
        if (rate === 0) expect(plan.reduce((sum, p) => sum + p.amountCents, 0)).toBe(pv);
      }),
      { numRuns: Number(process.env.EMDIA_PURE_RUNS ?? 1000) },
    );
  });
});
