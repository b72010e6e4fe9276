import { convertCurrencyToWords } from '@brazilian-utils/brazilian-utils';

/** Money is an integer number of centavos everywhere (DOMAIN.md "Calculation conventions"). */
export type Cents = number;

// Float results (Tabela Price, present value) carry a few ulps of noise: a true x.5 may arrive as
// x.4999999999999998 and must still round up. 32 ulps of the magnitude absorbs that noise (measured: ≤ 2 ulps
// for Price, ≤ 14 for present value over 24 months) while staying below real distances from .5. It was 1024:
// at R$ 5 milhões that window is 1.3e-4 centavo, and values truly below .5 (583735626.49990…) went up, a
// centavo over DOMAIN.md's round() (found by test/property/ledger-pure.test.ts).
const NOISE_ULPS = 32;

/**
 * The one rounding of EmDia: half-up to an integer (DOMAIN.md), symmetric for negatives
 * (-2.5 → -3) so a negated amount rounds to the negated result. Tolerates float noise (see NOISE_ULPS).
 */
export function roundHalfUp(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`roundHalfUp: ${x} is not a finite number`);
  const abs = Math.abs(x);
  const tolerance = Number.EPSILON * Math.max(1, abs) * NOISE_ULPS;
  const floor = Math.floor(abs);
  // Noise just below an integer (204.99999999999997) lands above .5 and goes up to 205, as it should.
  const result = abs - floor >= 0.5 - tolerance ? floor + 1 : floor;
  return x < 0 ? -result || 0 : result;
}

/**
 * Exact half-up rounding of the rational `numerator / denominator` (integers, as BigInt so products of
 * amount × rate × days never overflow). Charges use it so no float ever decides a centavo.
 */
export function roundRatio(numerator: bigint, denominator: bigint): number {
  if (denominator === 0n) throw new RangeError('roundRatio: denominator is zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d); // floor(n/d + 1/2)
  const result = Number(q);
  return negative ? -result || 0 : result;
}

// Percent rates are decimals typed by people (2, 1.5, 0.33); scaling by 10^6 makes them exact integers.
export const PCT_SCALE = 1_000_000n;

/** A percent rate as an exact integer in millionths of a percent (2 → 2_000_000n). */
export function pctToScaled(pct: number): bigint {
  if (!Number.isFinite(pct)) throw new RangeError(`rate ${pct} is not a finite number`);
  return BigInt(Math.round(pct * Number(PCT_SCALE)));
}

/** `R$ 1.234,56`, negative `-R$ 1,00`. A plain space after `R$` (no NBSP), so texts compare and print alike. */
export function formatBRL(cents: Cents): string {
  const c = roundHalfUp(cents);
  const abs = Math.abs(c);
  const reais = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const centavos = String(abs % 100).padStart(2, '0');
  return `${c < 0 ? '-' : ''}R$ ${reais},${centavos}`;
}

/** `1234,56` without `R$` nor thousands separator: the Brazilian Excel CSV format (CONVENTIONS.md). */
export function formatDecimalBR(cents: Cents): string {
  const c = roundHalfUp(cents);
  const abs = Math.abs(c);
  return `${c < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

// Optional sign, optional R$, reais either grouped by dots (1.234.567) or plain, optional ,c or ,cc.
const BRL_PATTERN = /^(-)?\s*(?:R\$\s*)?(-)?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/**
 * Reads an amount typed or imported the Brazilian way: `1.234,56`, `1234,56`, `R$ 1.234,56`, `1234`,
 * `-1,00`. A dot is only a thousands separator (`12.5` is rejected, it is not Brazilian notation).
 * Returns integer centavos, or null when the text is not an amount.
 */
export function parseBRL(text: string): Cents | null {
  const m = BRL_PATTERN.exec(text.replace(/\u00a0/g, ' ').trim());
  if (!m) return null;
  if (m[1] && m[2]) return null;
  const reais = m[3].replace(/\./g, '');
  const centavos = (m[4] ?? '').padEnd(2, '0');
  const value = Number(reais) * 100 + Number(centavos);
  if (!Number.isSafeInteger(value)) return null;
  return m[1] || m[2] ? -value || 0 : value;
}

/** Valor por extenso for receipts (Código Civil art. 320): `mil duzentos e trinta e quatro reais e cinquenta e seis centavos`. */
export function centsToWords(cents: Cents): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`centsToWords: ${cents} is not a non-negative integer`);
  // The library takes reais as a number; cents/100 is exact enough for it to read back two decimals.
  return convertCurrencyToWords(cents / 100);
}

// A money field fills from the right, centavos first (CONVENTIONS.md "Keyboard and forms").
const MAX_INPUT_DIGITS = 13; // R$ 99.999.999.999,99 — far above any sale, far below float trouble

/** Cents shown by a right-filling money input for what was typed: `1` → 1 (R$ 0,01), `1234` → 1234 (R$ 12,34). */
export function moneyInputDigits(typed: string): Cents {
  const digits = typed.replace(/\D+/g, '').replace(/^0+/, '').slice(0, MAX_INPUT_DIGITS);
  return digits === '' ? 0 : Number(digits);
}

/** The text a right-filling money input shows for what was typed: `1` → `R$ 0,01`. */
export function formatCentsInput(typed: string): string {
  return formatBRL(moneyInputDigits(typed));
}
