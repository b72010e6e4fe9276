import { describe, expect, it } from 'vitest';
import { addBusinessDays, earliestDeadline, removalDueFor } from './rules';

describe('formal path rules', () => {
  it('counts 5 business days after the payoff, skipping the weekend', () => {
    // Mon 2026-11-09 → Tue 10, Wed 11, Thu 12, Fri 13, Mon 16
    expect(removalDueFor('2026-11-09', 'SP')).toBe('2026-11-16');
  });

  it('skips a feriado: 20/11/2026 (Consciência Negra, a Friday) is not a business day', () => {
    // Tue 17 → Wed 18 (1), Thu 19 (2), Fri 20 feriado, Mon 23 (3), Tue 24 (4), Wed 25 (5)
    expect(removalDueFor('2026-11-17', 'SP')).toBe('2026-11-25');
    expect(addBusinessDays('2026-11-17', 5)).toBe('2026-11-25');
  });

  it('a payoff on a Saturday starts counting on Monday', () => {
    expect(addBusinessDays('2026-11-28', 1)).toBe('2026-11-30');
    // 25/12 is a feriado: Wed 23 → Thu 24 (1), Mon 28 (2)
    expect(addBusinessDays('2026-12-23', 2)).toBe('2026-12-28');
  });

  it('a notice gives at least 10 days', () => {
    expect(earliestDeadline('2026-11-23')).toBe('2026-12-03');
  });
});
