import { describe, it, expect } from 'vitest';
import { profileFacts, classifyProfile, defaultProfileRules, type PromiseFact } from './profile';
import type { LedgerInstallment } from './ledger/quote';
import { addMonthsClamped } from './dates';

const rules = defaultProfileRules(3);
const asOf = '2026-11-23';

/** n monthly parcelas of R$ 100 starting at `first`; `paidOn(k)` gives the payment date of parcela k or null. */
function carne(first: string, n: number, paidOn: (k: number, due: string) => string | null, partial = false): LedgerInstallment[] {
  return Array.from({ length: n }, (_, k) => {
    const due = addMonthsClamped(first, k);
    const date = paidOn(k, due);
    const history = date
      ? partial
        ? [{ date, principalCents: 4000, fineCents: 0, interestCents: 0, discountCents: 0 }]
        : [{ date, principalCents: 10000, fineCents: 0, interestCents: 0, discountCents: 0 }]
      : [];
    return { id: `i${k}`, number: k + 1, dueDate: due, effectiveDueDate: due, amountCents: 10000, monthlyRatePct: 0, history };
  });
}

const classify = (inst: LedgerInstallment[], promises: PromiseFact[] = []) => classifyProfile(profileFacts(inst, promises, asOf, rules), rules);

describe('debtor profiles (DOMAIN.md)', () => {
  it('novo: fewer than 3 parcelas due so far', () => {
    expect(classify(carne('2026-10-10', 6, () => null)).kind).toBe('novo');
  });

  it('em dia: pays within the grace period, nothing late now', () => {
    const r = classify(carne('2025-12-05', 12, (k, due) => (due <= asOf ? due : null)));
    expect(r.kind).toBe('em_dia');
    expect(r.reasons[0]).toMatch(/100% das parcelas/);
  });

  it('ocasional: one late episode in 12 months, still ≥ 85% on time', () => {
    // 8 parcelas due, one paid 15 days late: 87.5% on time (em dia needs 90%)
    const r = classify(carne('2026-04-05', 8, (k, due) => (due > asOf ? null : k === 4 ? '2026-08-20' : due)));
    expect(r.kind).toBe('ocasional');
  });

  it('crônico: 3 of the last 6 paid late, all eventually paid', () => {
    const r = classify(carne('2026-01-05', 11, (k, due) => (due > asOf ? null : k % 2 === 0 ? addMonthsClamped(due, 0).replace(/-05$/, '-20') : due)));
    expect(r.kind).toBe('cronico');
    expect(r.reasons.join(' ')).toMatch(/das últimas 6/);
  });

  it('negligente: many partial payments and several parcelas open', () => {
    const r = classify(carne('2026-04-05', 8, (k, due) => (due > asOf ? null : due.replace(/-05$/, '-25')), true));
    expect(r.kind).toBe('negligente');
  });

  it('mau pagador: a parcela more than 60 days late and no payment in 60 days', () => {
    const r = classify(carne('2026-05-05', 6, (k, due) => (k < 2 ? due : null)));
    expect(r.kind).toBe('mau_pagador');
    expect(r.reasons[0]).toMatch(/dias de atraso/);
  });

  it('mau pagador: two broken promises in 90 days', () => {
    const r = classify(carne('2025-12-05', 12, (k, due) => (due <= asOf ? due : null)), [
      { date: '2026-10-01', kept: false },
      { date: '2026-11-01', kept: false },
    ]);
    expect(r.kind).toBe('mau_pagador');
  });
});
