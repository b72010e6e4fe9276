import { formatBRL, roundRatio, type Cents } from '../money';
import type { InstallmentDue } from './charges';

/** An open installment and what it owes on the payment date (installmentDue on that date). */
export interface AllocationItem {
  installmentId: string;
  due: InstallmentDue;
}

/** One payment's share of one installment. principal + fine + interest is money; discount and waivers are not. */
export interface Allocation {
  installmentId: string;
  principalCents: Cents;
  fineCents: Cents;
  interestCents: Cents;
  discountCents: Cents;
  /** multa and juros forgiven with this payment (a discount on charges, within the margins) */
  fineWaivedCents: Cents;
  interestWaivedCents: Cents;
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

/** The discount on charges is larger than the multa and juros the payment reaches; the caller answers `validation`. */
export class WaiverExceedsCharges extends Error {
  constructor(
    readonly waiverCents: Cents,
    readonly usableCents: Cents,
  ) {
    super(`Desconto nos encargos maior que a multa e os juros das parcelas pagas: ${formatBRL(waiverCents)} pedido, ${formatBRL(usableCents)} possível.`);
    this.name = 'WaiverExceedsCharges';
  }
}

/**
 * Splits a payment over installments in the given order (the caller orders them: oldest effective due date
 * first, or the clerk's pick). Within each one it covers juros, then multa, then principal (Código Civil
 * art. 354). An early installment paid off in full gets its whole discount; a partial early payment X gets
 * the discount in proportion (CDC art. 52 §2): principal credited = round(X × P / payoff), capped at P.
 *
 * `waiverCents` forgives charges of the installments the payment reaches, in the same order (juros, then
 * multa), before the money is split: the money then covers what is left. A waiver larger than the charges the
 * money reaches is refused (WaiverExceedsCharges), never spread over parcelas nobody is paying.
 * Invariant: Σ(principal + fine + interest) === amountCents and Σ(fineWaived + interestWaived) === waiverCents.
 */
export function allocatePayment(items: AllocationItem[], amountCents: Cents, waiverCents: Cents = 0): Allocation[] {
  if (!Number.isSafeInteger(amountCents) || amountCents <= 0) throw new RangeError('O valor do pagamento deve ser positivo.');
  if (!Number.isSafeInteger(waiverCents) || waiverCents < 0) throw new RangeError('O desconto nos encargos não pode ser negativo.');
  const ids = new Set(items.map((i) => i.installmentId));
  if (ids.size !== items.length) throw new RangeError('A mesma parcela aparece duas vezes no pagamento.');
  const totalDue = items.reduce((sum, i) => sum + i.due.totalCents, 0);
  const totalCharges = items.reduce((sum, i) => sum + i.due.fineCents + i.due.interestCents, 0);
  if (waiverCents > totalCharges) throw new WaiverExceedsCharges(waiverCents, totalCharges);
  if (amountCents > totalDue - waiverCents) throw new AmountExceedsDue(amountCents, totalDue - waiverCents);

  const allocations: Allocation[] = [];
  let remaining = amountCents;
  let waiverLeft = waiverCents;
  for (const { installmentId, due } of items) {
    if (remaining === 0) break;
    const interestWaived = Math.min(waiverLeft, due.interestCents);
    waiverLeft -= interestWaived;
    const fineWaived = Math.min(waiverLeft, due.fineCents);
    waiverLeft -= fineWaived;
    const interest = Math.min(remaining, due.interestCents - interestWaived);
    remaining -= interest;
    const fine = Math.min(remaining, due.fineCents - fineWaived);
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

    if (interest + fine + principal + discount + fineWaived + interestWaived > 0) {
      allocations.push({ installmentId, principalCents: principal, fineCents: fine, interestCents: interest, discountCents: discount, fineWaivedCents: fineWaived, interestWaivedCents: interestWaived });
    }
  }
  if (remaining > 0) throw new AmountExceedsDue(amountCents, amountCents - remaining);
  if (waiverLeft > 0) throw new WaiverExceedsCharges(waiverCents, waiverCents - waiverLeft);
  return allocations;
}
