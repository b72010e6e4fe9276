import type { Ctx } from '../context';
import { ApiError } from '../../shared/contract/errors';
import { openInstallments } from '../../shared/ledger/quote';
import { computeOffers, debtOf, marginsFor, type Debt } from '../../shared/collection/offers';
import type { Margins } from '../../shared/contract/settings';
import { formatDateBR } from '../../shared/dates';
import { loadLedger, chargePolicy, requireCustomerId, prepared } from './ledger-load';

const bad = (path: string, message: string) => new ApiError('validation', message, [{ path, message }]);

export interface OverdueDebt {
  customer: { id: string; name: string; cpf: string };
  asOf: string;
  debt: Debt;
  profile: string | null;
  margins: Margins;
}

/**
 * The overdue debt on `asOf` from the real ledger (what payments.quote says for each overdue parcela, nothing
 * for parcelas not yet due) and the margins for the customer's profile. Refuses a customer with nothing overdue.
 */
export function overdueDebt(ctx: Ctx, customerId: string, asOfInput?: string): OverdueDebt {
  const customer = requireCustomerId(ctx, customerId);
  const asOf = asOfInput ?? ctx.today;
  if (asOf > ctx.today) throw bad('asOf', `A data não pode ser futura (hoje é ${formatDateBR(ctx.today)}).`);
  const overdue = openInstallments(loadLedger(ctx, customerId, asOf), asOf, chargePolicy(ctx.settings)).filter((o) => o.due.status === 'overdue');
  if (!overdue.length) throw new ApiError('conflict', `${customer.name} não tem parcelas em atraso: não há o que renegociar.`);
  const debt = debtOf(
    overdue.map((o) => ({ installmentId: o.installmentId, principalCents: o.due.principalOpenCents, fineCents: o.due.fineCents, interestCents: o.due.interestCents })),
  );
  const row = prepared(ctx, 'SELECT profile FROM customer_standings WHERE id = ?').get(customerId) as { profile: string } | undefined;
  const profile = row?.profile ?? null;
  return { customer, asOf, debt, profile, margins: marginsFor(ctx.settings.margins, profile) };
}

/** offers.compute (API.md): the options for this customer today, each saying whether it is within the margins. */
export function computeOffersFor(ctx: Ctx, input: { customerId: string; asOf?: string; capacityCents?: number; firstDueDate?: string }) {
  if (input.capacityCents !== undefined && input.capacityCents <= 0)
    throw bad('capacityCents', 'Informe quanto o cliente consegue pagar por mês (um valor maior que zero).');
  const d = overdueDebt(ctx, input.customerId, input.asOf);
  if (input.firstDueDate !== undefined && input.firstDueDate < d.asOf) throw bad('firstDueDate', 'O vencimento escolhido não pode ser antes de hoje.');
  const options = computeOffers({ asOf: d.asOf, debt: d.debt, margins: d.margins, capacityCents: input.capacityCents, preferredFirstDueDate: input.firstDueDate });
  const { installmentIds, ...debt } = d.debt;
  return { asOf: d.asOf, profile: d.profile, margins: d.margins, debt: { ...debt, installmentCount: installmentIds.length }, options };
}
