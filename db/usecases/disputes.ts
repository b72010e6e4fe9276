import type { Ctx } from '../context';
import { ApiError } from '../../shared/contract/errors';
import { prepared } from './ledger-load';

const KIND_LABELS: Record<string, string> = {
  defect: 'Produto com defeito',
  not_received: 'Produto não recebido',
  payment_check: 'Pagamento a conferir',
  not_recognized: 'Não reconhece a compra',
  other: 'Outro motivo',
};

/** disputes.list: newest first; `open` keeps only those still pausing collection. */
export function listDisputes(ctx: Ctx, input: { customerId?: string; open?: boolean }) {
  const rows = prepared(ctx,
    `SELECT d.id, d.customer_id AS customerId, c.name AS customerName, d.kind, d.notes, d.created_at AS openedAt, u.name AS openedBy,
            d.resolved_at AS resolvedAt, r.name AS resolvedBy, d.resolution
       FROM disputes d JOIN customers c ON c.id = d.customer_id LEFT JOIN users u ON u.id = d.opened_by LEFT JOIN users r ON r.id = d.resolved_by
      WHERE (@customerId IS NULL OR d.customer_id = @customerId) AND (@open IS NULL OR (d.resolved_at IS NULL) = @open)
      ORDER BY d.created_at DESC, d.rowid DESC LIMIT 500`,
  ).all({ customerId: input.customerId ?? null, open: input.open === undefined ? null : input.open ? 1 : 0 }) as { kind: string }[];
  return { items: rows.map((r) => ({ ...r, kindLabel: KIND_LABELS[r.kind] ?? r.kind })) };
}

/** disputes.resolve (owner): the dispute stops pausing collection; the row and its history stay. */
export function resolveDispute(ctx: Ctx, input: { id: string; resolution: string }) {
  const d = prepared(ctx, 'SELECT customer_id AS customerId, resolved_at AS resolvedAt FROM disputes WHERE id = ?').get(input.id) as { customerId: string; resolvedAt: string | null } | undefined;
  if (!d) throw new ApiError('not_found', 'Contestação não encontrada.', [{ path: 'id', message: 'Contestação não encontrada.' }]);
  if (d.resolvedAt) throw new ApiError('conflict', 'Esta contestação já foi resolvida.');
  const stamp = ctx.stamp();
  prepared(ctx, 'UPDATE disputes SET resolved_at = ?, resolved_by = ?, resolution = ?, updated_at = ?, device = ? WHERE id = ?').run(ctx.now.toISOString(), ctx.actor?.id ?? null, input.resolution, stamp.updatedAt, stamp.device, input.id);
  ctx.touched.add(d.customerId);
  return { id: input.id };
}
