import type { Ctx } from '../context';
import { promises } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import { formatDateBR } from '../../shared/dates';
import { formatBRL } from '../../shared/money';
import { statementLine, statementTotals } from '../../shared/ledger/quote';
import { loadLedger, chargePolicy, requireCustomerId, prepared } from './ledger-load';
import { weeklyAfterPromise } from '../projections/weekly';

const bad = (path: string, message: string) => new ApiError('validation', message, [{ path, message }]);

/**
 * promises.create: a date and an amount the customer committed to (CALLS.md stage 6: "an intention is not a
 * promise"). Whether it is kept is never typed in: the standings judge it from the payments
 * (shared/collection/promises.ts), so the promise row is all there is to write.
 */
export function createPromise(ctx: Ctx, input: { customerId: string; date: string; amountCents: number; contactId?: string }) {
  requireCustomerId(ctx, input.customerId);
  if (input.date < ctx.today) throw bad('date', `A data da promessa não pode ser anterior a hoje (${formatDateBR(ctx.today)}).`);
  const { openCents } = statementTotals(loadLedger(ctx, input.customerId).map((i) => statementLine(i, ctx.today, chargePolicy(ctx.settings))));
  if (openCents <= 0) throw new ApiError('conflict', 'Este cliente não tem nada em aberto: não há o que prometer.', [{ path: 'amountCents', message: 'Nada em aberto.' }]);
  if (input.amountCents > openCents) throw bad('amountCents', `O valor prometido (${formatBRL(input.amountCents)}) é maior que a dívida em aberto hoje (${formatBRL(openCents)}).`);
  if (input.contactId) {
    const c = prepared(ctx, 'SELECT customer_id AS customerId FROM contacts WHERE id = ?').get(input.contactId) as { customerId: string } | undefined;
    if (!c) throw new ApiError('not_found', 'Contato não encontrado.', [{ path: 'contactId', message: 'Contato não encontrado.' }]);
    if (c.customerId !== input.customerId) throw bad('contactId', 'Este contato é de outro cliente.');
  }
  const id = ctx.newId();
  ctx.db
    .insert(promises)
    .values({ id, customerId: input.customerId, contactId: input.contactId ?? null, date: input.date, amountCents: input.amountCents, createdBy: ctx.actor?.id ?? null, ...ctx.stamp() })
    .run();
  ctx.touched.add(input.customerId);
  weeklyAfterPromise(ctx, id);
  return { id };
}
