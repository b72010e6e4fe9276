import type { Ctx } from '../context';
import { feedback } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import { requireCustomerId, prepared } from './ledger-load';
import { weeklyAfterFeedback } from '../projections/weekly';

/**
 * feedback.record: the customer's answer to "como foi o atendimento?" (1–5) after an agreement or a payment
 * (issue "The guided call" item 9). Kept per customer and, when given, per contact, for the owner's dashboard.
 */
export function recordFeedback(ctx: Ctx, input: { customerId: string; score: number; contactId?: string; notes?: string }): { id: string } {
  requireCustomerId(ctx, input.customerId);
  if (input.contactId) {
    const c = prepared(ctx, 'SELECT customer_id AS customerId FROM contacts WHERE id = ?').get(input.contactId) as { customerId: string } | undefined;
    if (!c) throw new ApiError('not_found', 'Contato não encontrado.', [{ path: 'contactId', message: 'Contato não encontrado.' }]);
    if (c.customerId !== input.customerId) throw new ApiError('validation', 'Este contato é de outro cliente.', [{ path: 'contactId', message: 'Este contato é de outro cliente.' }]);
  }
  const id = ctx.newId();
  ctx.db.insert(feedback).values({ id, customerId: input.customerId, contactId: input.contactId ?? null, score: input.score, notes: input.notes?.trim() || null, userId: ctx.actor?.id ?? null, ...ctx.stamp() }).run();
  weeklyAfterFeedback(ctx, id);
  return { id };
}
