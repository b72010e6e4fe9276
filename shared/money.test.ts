import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centsToWords, formatBRL, formatCentsInput, formatDecimalBR, moneyInputDigits, parseBRL, roundHalfUp, roundRatio } from './money';

describe('formatBRL', () => {
  it.each([
    [123456, 'R$ 1.234,56'],
    [0, 'R$ 0,00'],
    [5, 'R$ 0,05'],
    [100, 'R$ 1,00'],
    [-100, '-R$ 1,00'],
    [100000000, 'R$ 1.000.000,00'],
    [99999, 'R$ 999,99'],
  ])('%i → %s', (cents, text) => {
    expect(formatBRL(cents)).toBe(text);
  });

  it('uses a plain space, never NBSP', () => {
    expect(formatBRL(123456)).not.toContain('\u00a0');
  });

  it('formats the CSV decimal form without R$ nor thousands', () => {
    expect(formatDecimalBR(123456)).toBe('1234,56');
    expect(formatDecimalBR(-5)).toBe('-0,05');
  });
});

describe('parseBRL', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['R$ 1.234,56', 123456],
    ['R$1.234,56', 123456],
    ['R$\u00a01.234,56', 123456],
    ['1234', 123400],
    ['1.234', 123400],
    ['0,5', 50],
    ['0,05', 5],
    [' 12,30 ', 1230],
    ['1.000.000,00', 100000000],
    ['-1,00', -100],
    ['-R$ 1,00', -100],
  ])('%s → %i', (text, cents) => {
    expect(parseBRL(text)).toBe(cents);
  });

  it.each(['', 'abc', 'R$', '12.5', '1,234', '1.23,45', '1,2,3', '--1', '1 234', '12,', '99999999999999999999'])('rejects %j', (text) => {
    expect(parseBRL(text)).toBeNull();
  });

  it('reads back what formatBRL and formatDecimalBR write', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (c) => {
        expect(parseBRL(formatBRL(c))).toBe(c);
        expect(parseBRL(formatDecimalBR(c))).toBe(c);
      }),
    );
  });
});

describe('roundHalfUp', () => {
  it.each([
    [0.5, 1],
    [1.5, 2],
    [2.5, 3],
    [204.4, 204],
    [204.5, 205],
    [204.49999999, 204], // a real distance from .5, not float noise
    [204.99999999999997, 205],
    [-2.5, -3], // symmetric: round(−x) = −round(x)
    [-0.4, 0],
  ])('%d → %i', (x, n) => {
    expect(roundHalfUp(x)).toBe(n);
  });

  it('absorbs float noise on a true half', () => {
    // 1.005 × 100 is 100.49999999999999 in floats; the intended value is 100.5.
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(roundHalfUp(1.005 * 100)).toBe(101);
    // 21835.5 reached through division noise still rounds up.
    expect(roundHalfUp((21835.5 * 3) / 3)).toBe(21836);
  });

  it('rejects non-finite numbers', () => {
    expect(() => roundHalfUp(Number.NaN)).toThrow(RangeError);
  });

  it('agrees with the exact rational rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 3000 }), (n, d) => {
        expect(roundHalfUp(n / d)).toBe(roundRatio(BigInt(n), BigInt(d)));
      }),
    );
  });
});

describe('roundRatio', () => {
  it('rounds exact halves up, away from zero', () => {
    expect(roundRatio(5n, 2n)).toBe(3);
    expect(roundRatio(7n, 2n)).toBe(4);
    expect(roundRatio(-5n, 2n)).toBe(-3);
    expect(roundRatio(1n, 3n)).toBe(0);
    expect(roundRatio(2n, 3n)).toBe(1);
    expect(roundRatio(0n, 7n)).toBe(0);
  });
});

describe('centsToWords', () => {
  it('writes the amount in words for the receipt', () => {
    expect(centsToWords(123456)).toBe('mil duzentos e trinta e quatro reais e cinquenta e seis centavos');
    expect(centsToWords(1)).toBe('um centavo');
    expect(centsToWords(100)).toBe('um real');
    expect(centsToWords(15505)).toBe('cento e cinquenta e cinco reais e cinco centavos');
  });

  it('refuses fractions and negatives', () => {
    expect(() => centsToWords(1.5)).toThrow(RangeError);
    expect(() => centsToWords(-1)).toThrow(RangeError);
  });
});

describe('money input that fills from the right', () => {
  it('typing 1 shows R$ 0,01', () => {
    expect(moneyInputDigits('1')).toBe(1);
    expect(formatCentsInput('1')).toBe('R$ 0,01');
  });

  it('keeps shifting digits in from the right', () => {
    expect(formatCentsInput('12')).toBe('R$ 0,12');
    expect(formatCentsInput('123')).toBe('R$ 1,23');
    expect(formatCentsInput('123456')).toBe('R$ 1.234,56');
  });

  it('reads the formatted text back (the field re-reads its own value plus the new key)', () => {
    expect(moneyInputDigits('R$ 1,23' + '4')).toBe(1234);
    expect(moneyInputDigits('R$ 0,01')).toBe(1);
    expect(moneyInputDigits('')).toBe(0);
    expect(formatCentsInput('')).toBe('R$ 0,00');
  });

  it('ignores digits past the maximum', () => {
    expect(moneyInputDigits('9'.repeat(20))).toBe(9999999999999);
  });
});
