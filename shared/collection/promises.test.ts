import { describe, expect, it } from 'vitest';
import { judgePromise } from './promises';

const rules = { keptSharePct: 90, toleranceDays: 3 };
const promise = { madeOn: '2026-11-10', date: '2026-11-20', amountCents: 10000 };

describe('judgePromise (DOMAIN.md "Promises")', () => {
  it('is pending before its date, late within the tolerance, broken after it', () => {
    expect(judgePromise(promise, [], '2026-11-20', rules).status).toBe('pending');
    expect(judgePromise(promise, [], '2026-11-21', rules).status).toBe('late');
    expect(judgePromise(promise, [], '2026-11-23', rules).status).toBe('late');
    expect(judgePromise(promise, [], '2026-11-24', rules).status).toBe('broken');
  });
  it('is kept at 90% of the amount, counted from the day it was made up to the tolerance', () => {
    expect(judgePromise(promise, [{ date: '2026-11-23', amountCents: 9000 }], '2026-11-30', rules).status).toBe('kept');
    expect(judgePromise(promise, [{ date: '2026-11-23', amountCents: 8999 }], '2026-11-30', rules).status).toBe('partial');
    expect(judgePromise(promise, [{ date: '2026-11-24', amountCents: 10000 }], '2026-11-30', rules).status).toBe('broken');
    expect(judgePromise(promise, [{ date: '2026-11-09', amountCents: 10000 }], '2026-11-30', rules).status).toBe('broken');
  });
  it('is kept as soon as the money is in, even before its date', () => {
    expect(judgePromise(promise, [{ date: '2026-11-12', amountCents: 4500 }, { date: '2026-11-14', amountCents: 4500 }], '2026-11-14', rules).status).toBe('kept');
  });
  it('ignores payments after the day judged', () => {
    expect(judgePromise(promise, [{ date: '2026-11-22', amountCents: 10000 }], '2026-11-21', rules).status).toBe('late');
  });
});
