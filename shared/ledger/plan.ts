import { addMonthsClamped, isIsoDate, type IsoDate } from '../dates';
import { roundHalfUp, type Cents } from '../money';

export interface PlanInput {
  financedCents: Cents;
  count: number;
  /** Percent per month; 0 = sem juros. */
  monthlyRatePct: number;
  firstDueDate: IsoDate;
}

export interface PlannedInstallment {
  number: number;
  /** Nominal date printed on the carnê; the effective one is calendar.nextOpenDay(dueDate). */
  dueDate: IsoDate;
  amountCents: Cents;
}

/** Tabela Price: PMT = round(PV × i / (1 − (1 + i)^−n)) (DOMAIN.md "Installments with interest"). */
export function pricePayment(financedCents: Cents, count: number, monthlyRatePct: number): Cents {
  const i = monthlyRatePct / 100;
  // 1 − (1 + i)^−n computed as −expm1(−n·log1p(i)): the same number without the cancellation that put up to
  // ~800 ulps of noise on PMT at low rates (more than roundHalfUp's noise window; e.g. 1250 at 0.04% in 1x
  // is exactly 1250.5 but came out as 1250.49999999996).
  return roundHalfUp((financedCents * i) / -Math.expm1(-count * Math.log1p(i)));
}

/**
 * The parcelas of a sale or agreement. With interest all are equal (Price); without, floor(PV / n) each
 * and the leftover centavos go to the first (DOMAIN.md). Dates count from the first one every time, so a
 * 31st stays a 31st where the month has one (Jan 31 → Feb 28 → Mar 31).
 */
export function planInstallments(input: PlanInput): PlannedInstallment[] {
  const { financedCents, count, monthlyRatePct, firstDueDate } = input;
  if (!Number.isSafeInteger(financedCents) || financedCents <= 0) throw new RangeError('O valor financiado deve ser positivo.');
  if (!Number.isInteger(count) || count < 1) throw new RangeError('O número de parcelas deve ser pelo menos 1.');
  if (!Number.isFinite(monthlyRatePct) || monthlyRatePct < 0) throw new RangeError('A taxa de juros não pode ser negativa.');
  if (!isIsoDate(firstDueDate)) throw new RangeError('Data do primeiro vencimento inválida.');

  const amounts: Cents[] =
    monthlyRatePct > 0
      ? Array.from({ length: count }, () => pricePayment(financedCents, count, monthlyRatePct))
      : Array.from({ length: count }, (_, k) => Math.floor(financedCents / count) + (k === 0 ? financedCents % count : 0));

  return amounts.map((amountCents, k) => ({ number: k + 1, dueDate: addMonthsClamped(firstDueDate, k), amountCents }));
}
