import { describe, expect, it } from 'vitest';
import { scoreCustomer, compareScored, SCORE, type ScoreFacts } from './score';

const base = (over: Partial<ScoreFacts> = {}): ScoreFacts => ({
  today: '2026-11-23',
  overduePrincipalCents: 15000,
  oldestOverdueDue: '2026-10-12',
  profile: 'cronico',
  keyCustomer: false,
  firstDelay: false,
  brokenPromiseOn: null,
  promiseDate: null,
  promiseStatus: null,
  lastContactDay: '2026-11-20',
  bestHour: null,
  ...over,
});

describe('scoreCustomer — every point has a reason', () => {
  it('days late, amount, profile and time since contact add up', () => {
    const s = scoreCustomer(base({ overdueCents: 123456 }));
    // 42 days + floor(15000 / 2500) = 6 + crônico 25 + 3 days since contact
    expect(s).toEqual({ score: 42 + 6 + 25 + 3, daysLate: 42, reasons: ['42 dias de atraso', 'R$ 1.234,56 em atraso'] });
  });
  it('a broken promise outweighs any amount or delay, and says which one', () => {
    const broken = scoreCustomer(base({ brokenPromiseOn: '2026-11-18', oldestOverdueDue: '2026-11-10', overduePrincipalCents: 5000 }));
    const huge = scoreCustomer(base({ oldestOverdueDue: '2025-01-01', overduePrincipalCents: 10_000_000, keyCustomer: true, lastContactDay: null }));
    expect(broken.score).toBeGreaterThan(huge.score);
    expect(broken.reasons[0]).toBe('Promessa de 18/11 não cumprida');
    expect(scoreCustomer(base({ brokenPromiseOn: '2026-11-18', promiseDate: '2026-11-18', promiseStatus: 'partial' })).reasons[0]).toBe('Promessa de 18/11 cumprida só em parte');
  });
  it('caps days late and amount so one factor cannot drown the others', () => {
    const s = scoreCustomer(base({ oldestOverdueDue: '2025-01-01', overduePrincipalCents: 10_000_000 }));
    expect(s.score).toBe(SCORE.maxDaysLate + SCORE.maxAmount + 25 + 3);
  });
  it('strategic customer, first delay, never contacted, best hour', () => {
    const s = scoreCustomer(base({ keyCustomer: true, firstDelay: true, lastContactDay: null, bestHour: 18, oldestOverdueDue: '2026-10-25' }));
    expect(s.reasons).toEqual(['29 dias de atraso', 'R$ 150,00 em atraso', 'Cliente estratégico', 'Primeiro atraso: ligação de lembrete', 'Nenhum contato anterior', 'Atende melhor entre 18h e 19h']);
    expect(s.score).toBe(29 + 6 + 25 + 20 + 15 + 14);
    expect(scoreCustomer(base({ lastContactDay: '2026-11-11' })).reasons).toContain('Sem contato há 12 dias');
  });
  it('a callback the customer asked for comes after a broken promise and before everything else', () => {
    const cb = scoreCustomer(base({ callbackReason: 'Pediu retorno hoje às 18:00', overduePrincipalCents: 100 }));
    expect(cb.reasons[0]).toBe('Pediu retorno hoje às 18:00');
    expect(cb.score).toBeGreaterThan(scoreCustomer(base({ oldestOverdueDue: '2025-01-01', overduePrincipalCents: 10_000_000, keyCustomer: true })).score);
    expect(cb.score).toBeLessThan(scoreCustomer(base({ brokenPromiseOn: '2026-11-18' })).score);
  });
  it('a first delay is a gentle reminder only while it is recent and not a mau pagador’s', () => {
    expect(scoreCustomer(base({ firstDelay: true, oldestOverdueDue: '2026-11-10' })).reasons).toContain('Primeiro atraso: ligação de lembrete');
    expect(scoreCustomer(base({ firstDelay: true, oldestOverdueDue: '2026-10-01' })).reasons).not.toContain('Primeiro atraso: ligação de lembrete');
    expect(scoreCustomer(base({ firstDelay: true, oldestOverdueDue: '2026-11-10', profile: 'mau_pagador' })).reasons).not.toContain('Primeiro atraso: ligação de lembrete');
  });
  it('one day late reads in the singular', () => {
    expect(scoreCustomer(base({ oldestOverdueDue: '2026-11-22' })).reasons[0]).toBe('1 dia de atraso');
  });
});

describe('compareScored — ties', () => {
  it('breaks a tie by the best hour nearer to now (unknown hours last), then more principal, then the id', () => {
    const items = [
      { id: 'a', score: 50, bestHour: null, overduePrincipalCents: 1 },
      { id: 'b', score: 50, bestHour: 19, overduePrincipalCents: 1 },
      { id: 'c', score: 50, bestHour: 11, overduePrincipalCents: 1 },
      { id: 'd', score: 60, bestHour: null, overduePrincipalCents: 1 },
      { id: 'e', score: 50, bestHour: null, overduePrincipalCents: 9 },
      { id: '0', score: 50, bestHour: null, overduePrincipalCents: 1 },
    ];
    expect([...items].sort(compareScored(10)).map((i) => i.id)).toEqual(['d', 'c', 'b', 'e', '0', 'a']);
    expect([...items].sort(compareScored(18)).map((i) => i.id)).toEqual(['d', 'b', 'c', 'e', '0', 'a']);
  });
});
