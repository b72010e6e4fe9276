import { describe, expect, it } from 'vitest';
import { bestHour } from './best-time';

describe('bestHour', () => {
  it('needs two answered calls at the same hour', () => {
    expect(bestHour([])).toBeNull();
    expect(bestHour([18])).toBeNull();
    expect(bestHour([9, 18])).toBeNull();
    expect(bestHour([9, 18, 18])).toBe(18);
  });
  it('breaks ties by the most recent hour', () => {
    expect(bestHour([9, 9, 18, 18])).toBe(18);
    expect(bestHour([18, 18, 9, 9])).toBe(9);
  });
});
