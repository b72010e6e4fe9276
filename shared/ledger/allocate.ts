import { formatBRL, roundRatio, type Cents } from '../money';
import type { InstallmentDue } from './charges';

/** An open installment and what it owes on the payment date (installmentDue on that date). */
export interface AllocationItem {
  installmentId: string;
  due: InstallmentDue;
}

/** One payment's share of one installment. principal + fine + interest is money; discount is not. */
export interface Allocation {
  installmentId: string;
  principalCents: Cents;
  fineCents: Cents;
  interestCents: Cents;
  discountCents: Cents;
}

/** The payment is larger than everything the chosen installments owe; the caller answers `conflict`. */
export class AmountExceedsDue extends Error {
  constructor(
    readonly amountCents: Cents,
    readonly totalDueCents: Cents,
  ) {
    super(`Valor maior que o devido: ${formatBRL(amountCents)} informado, ${formatBRL(totalDueCents)} em aberto.`);
    this.name = 'AmountExceedsDue';
  }
}

/**
 * Splits a payment over installments in the given order (the caller orders them: oldest effective due date
 * first, or the clerk's pick). Within each one it covers juros, then multa, then principal (Código Civil
 * art. 354). An early installment paid off in full gets its whole discount; a partial early payment X gets
 * the discount in proportion (CDC art. 52 §2): principal credited = round(X × P / payoff), capped at P.
 * Invariant: Σ(principal + fine + interest) === amountCents.
 */
export function allocatePayment(items: AllocationItem[], amountCents: Cents): Allocation[] {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new RangeError('O valor do pagamento deve ser positivo.');
  const ids = new Set(items.map((i) => i.installmentId));
  if (ids.size !== items.length) throw new RangeError('A mesma parcela aparece duas vezes no pagamento.');
  const totalDue = items.reduce((sum, i) => sum + i.due.totalCents, 0);
  if (amountCents > totalDue) throw new AmountExceedsDue(amountCents, totalDue);

  const allocations: Allocation[] = [];
  let remaining = amountCents;
  for (const { installmentId, due } of items) {
    if (remaining === 0) break;
    const interest = Math.min(remaining, due.interestCents);
    remaining -= interest;
    const fine = Math.min(remaining, due.fineCents);
    remaining -= fine;

    const open = due.principalOpenCents;
    const payoff = open - due.discountCents;
    let principal: Cents;
    let discount: Cents;
    if (remaining >= payoff) {
      principal = payoff;
      discount = due.discountCents;
    } else if (due.discountCents > 0) {
      // BigInt: remaining × open can pass 2^53 and a float would then misplace a centavo.
      const credited = Math.min(open, roundRatio(BigInt(remaining) * BigInt(open), BigInt(payoff)));
      principal = remaining;
      discount = credited - remaining;
    } else {
      principal = remaining;
      discount = 0;
    }
    remaining -= principal;

    if (interest + fine + principal + discount > 0) {
      allocations.push({ installmentId, principalCents: principal, fineCents: fine, interestCents: interest, discountCents: discount });
    }
  }
  return allocations;
}
