// A reference model of the ledger, written from DOMAIN.md "Calculation conventions" with plain numbers and
// plain Date.UTC arithmetic. It deliberately imports nothing from shared/ledger, shared/money or shared/dates,
// so the property tests compare the real code against an independent reading of the rules.
//
// Bounds that keep every intermediate an exact integer in a double (< 2^53): amounts ≤ 10^9 centavos,
// days ≤ 10^4, rates with at most 2 decimals (basis points).

export type Day = string; // YYYY-MM-DD

const MS = 86_400_000;
const ms = (d: Day): number => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const iso = (t: number): Day => new Date(t).toISOString().slice(0, 10);

export const addDays = (d: Day, n: number): Day => iso(ms(d) + n * MS);
export const daysFrom = (a: Day, b: Day): number => Math.round((ms(b) - ms(a)) / MS);
export const weekdayOf = (d: Day): number => new Date(ms(d)).getUTCDay();

/** Same day of month `k` months later, clamped to the month's last day (Jan 31 → Feb 28). */
export function addMonths(d: Day, k: number): Day {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7)) - 1 + k;
  const day = Number(d.slice(8, 10));
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return iso(Date.UTC(y, m, Math.min(day, last)));
}

/** Fixed-date national holidays plus SP's 9 de julho: days a due date can never stay on. */
export const FIXED_HOLIDAYS = ['01-01', '04-21', '05-01', '07-09', '09-07', '10-12', '11-02', '11-15', '11-20', '12-25'];

/** round(n / d) half-up for non-negative integers n, d (exact while 2n < 2^53). */
export function divHalfUp(n: number, d: number): number {
  if (!(Number.isSafeInteger(n) && Number.isSafeInteger(2 * n) && Number.isSafeInteger(d) && n >= 0 && d > 0)) throw new Error(`divHalfUp(${n}, ${d})`);
  return Math.floor((2 * n + d) / (2 * d));
}

/** A percent with at most two decimals as integer basis points (1.5 → 150). */
export const bp = (pct: number): number => Math.round(pct * 100);

export interface Policy {
  finePct: number;
  moraPct: number;
}
export const DEFAULT_POLICY: Policy = { finePct: 2, moraPct: 1 };

/** multa = round(P × pct / 100), never above 2% (CDC art. 52 §1). */
export const multa = (principal: number, finePct: number): number => divHalfUp(principal * Math.min(bp(finePct), 200), 10_000);
/** juros = round(P × pct / 100 × days / 30), simple. */
export const juros = (principal: number, moraPct: number, days: number): number => (days > 0 ? divHalfUp(principal * bp(moraPct) * days, 10_000 * 30) : 0);
/** Early discount: P − round(P / (1 + i)^(days/30)). */
export const earlyDiscount = (principal: number, ratePct: number, daysEarly: number): number =>
  daysEarly > 0 && ratePct > 0 && principal > 0 ? principal - roundFloat(principal / (1 + ratePct / 100) ** (daysEarly / 30)) : 0;

/**
 * Half-up rounding of the present value, an irrational number computed in floats. Within float noise of a
 * half the float cannot tell a true x.5 (313 / 1.0016 is exactly 312.5) from a value just below it; like
 * shared/money.ts, a value up to 32 ulps below .5 counts as a half. That window is the one constant shared
 * with the code under test: it is a property of floats (the formula's noise is ≤ 14 ulps), not of the rules.
 */
export function roundFloat(v: number): number {
  const f = Math.floor(v);
  return v - f >= 0.5 - Number.EPSILON * Math.max(1, v) * 32 ? f + 1 : f;
}

/** The rate as an exact number of basis points; the generators only make rates with two decimals. */
function exactBp(pct: number): bigint {
  const b = bp(pct);
  if (Math.abs(b / 100 - pct) > 1e-9) throw new Error(`rate ${pct} has more than two decimals`);
  return BigInt(b);
}

/**
 * Tabela Price parcelas, exactly: with i = R / 10000 and b = 10000 + R,
 * PMT = PV × i / (1 − (1 + i)^−n) = PV × R × bⁿ / (10000 × (bⁿ − 10000ⁿ)), rounded half-up in BigInt.
 * Without interest: floor(PV / n) each, the remainder on the first.
 */
export function planAmounts(financed: number, n: number, ratePct: number): number[] {
  if (ratePct > 0) {
    const R = exactBp(ratePct);
    const bn = (10_000n + R) ** BigInt(n);
    const num = BigInt(financed) * R * bn;
    const den = 10_000n * (bn - 10_000n ** BigInt(n));
    return Array(n).fill(Number((2n * num + den) / (2n * den)));
  }
  const base = Math.floor(financed / n);
  return Array.from({ length: n }, (_, k) => base + (k === 0 ? financed - base * n : 0));
}

export interface Alloc {
  installmentId: string;
  principalCents: number;
  fineCents: number;
  interestCents: number;
  discountCents: number;
  /** the reference never forgives charges (the waiver has its own tests: charges-waiver, allocate.test) */
  fineWaivedCents: 0;
  interestWaivedCents: 0;
}

export interface HistoryEntry {
  date: Day;
  principal: number;
  fine: number;
  interest: number;
  discount: number;
}

export interface Due {
  principalOpen: number;
  fine: number;
  interest: number;
  discount: number;
  total: number;
  daysLate: number;
  status: 'open' | 'overdue' | 'paid';
  fineAssessed: number;
  paid: number;
  retired: number;
}

/**
 * What one parcela owes on `asOf`, from its history (already filtered to what counts on asOf):
 * multa on the principal still open at the end of D, charged once; juros in simple segments from the later
 * of D and the previous payment on this parcela; early discount before D when the sale has a rate.
 */
export function dueOn(p: { amount: number; effDue: Day; rate: number }, history: HistoryEntry[], asOf: Day, policy = DEFAULT_POLICY): Due {
  const D = p.effDue;
  const past = history.filter((h) => h.date <= asOf).sort((a, b) => daysFrom(b.date, a.date));
  let open = p.amount;
  let atDue = p.amount;
  let accrued = 0;
  let from = D;
  let finePaid = 0;
  let interestPaid = 0;
  let paid = 0;
  for (const h of past) {
    if (h.date > D) {
      accrued += juros(open, policy.moraPct, daysFrom(from, h.date));
      from = h.date > from ? h.date : from;
    }
    open -= h.principal + h.discount;
    if (h.date <= D) atDue = open;
    finePaid += h.fine;
    interestPaid += h.interest;
    paid += h.principal + h.fine + h.interest;
  }
  const late = asOf > D;
  const fineAssessed = late ? multa(atDue, policy.finePct) : 0;
  if (late) accrued += juros(open, policy.moraPct, daysFrom(from, asOf));
  const fine = Math.max(0, fineAssessed - finePaid);
  const interest = Math.max(0, accrued - interestPaid);
  const discount = asOf < D ? earlyDiscount(open, p.rate, daysFrom(asOf, D)) : 0;
  const settled = open === 0 && fine === 0 && interest === 0;
  return {
    principalOpen: open,
    fine,
    interest,
    discount,
    total: open - discount + fine + interest,
    daysLate: !settled && late ? daysFrom(D, asOf) : 0,
    status: settled ? 'paid' : late ? 'overdue' : 'open',
    fineAssessed,
    paid,
    retired: p.amount - open,
  };
}

/**
 * Splits `amount` over the items in the order given: juros, multa, then principal of each (CC art. 354).
 * An early parcela paid off gets its whole discount; a partial early payment X credits round(X × P / payoff).
 * Returns null when the amount is more than the total due.
 */
export function allocate(items: { id: string; due: Due }[], amount: number): Alloc[] | null {
  const total = items.reduce((s, i) => s + i.due.total, 0);
  if (amount > total) return null;
  let left = amount;
  const out: Alloc[] = [];
  for (const { id, due } of items) {
    if (left === 0) break;
    const interest = Math.min(left, due.interest);
    left -= interest;
    const fine = Math.min(left, due.fine);
    left -= fine;
    const payoff = due.principalOpen - due.discount;
    let principal: number;
    let discount: number;
    if (left >= payoff) {
      principal = payoff;
      discount = due.discount;
    } else if (due.discount > 0) {
      principal = left;
      // left × open can pass 2^53 for huge amounts; BigInt keeps the centavo exact.
      const credited = Number((2n * BigInt(left) * BigInt(due.principalOpen) + BigInt(payoff)) / (2n * BigInt(payoff)));
      discount = Math.min(due.principalOpen, credited) - left;
    } else {
      principal = left;
      discount = 0;
    }
    left -= principal;
    if (interest + fine + principal + discount > 0) out.push({ installmentId: id, principalCents: principal, fineCents: fine, interestCents: interest, discountCents: discount, fineWaivedCents: 0, interestWaivedCents: 0 });
  }
  return out;
}
