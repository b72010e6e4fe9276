import type { Ctx } from '../context';
import type { CustomerSearchItem } from '../../shared/contract/people';

export interface Standing {
  overdueCents: number;
  profile: CustomerSearchItem['profile'];
}

/**
 * Overdue principal and profile for a handful of customers (a search page), in one query.
 * Principal retired = principal + discount of allocations whose payment was not reversed.
 */
export function customerStandings(ctx: Ctx, customerIds: string[]): Map<string, Standing> {
  const out = new Map<string, Standing>();
  if (!customerIds.length) return out;
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT i.customer_id AS customerId,
              SUM(CASE WHEN i.due_date < @today THEN i.amount_cents - IFNULL(a.retired, 0) ELSE 0 END) AS overdueCents,
              SUM(CASE WHEN i.due_date <= @today THEN 1 ELSE 0 END) AS dueCount
         FROM installments i
         LEFT JOIN (SELECT al.installment_id, SUM(al.principal_cents + al.discount_cents) AS retired
                      FROM allocations al
                     WHERE al.payment_id NOT IN (SELECT payment_id FROM reversals)
                     GROUP BY al.installment_id) a ON a.installment_id = i.id
        WHERE i.renegotiated_by IS NULL AND i.customer_id IN (SELECT value FROM json_each(@ids))
        GROUP BY i.customer_id`,
    )
    .all({ today: ctx.today, ids: JSON.stringify(customerIds) }) as { customerId: string; overdueCents: number; dueCount: number }[];
  for (const r of rows) {
    const profile: Standing['profile'] = r.dueCount < 3 ? 'novo' : r.overdueCents > 0 ? 'ocasional' : 'em_dia';
    out.set(r.customerId, { overdueCents: r.overdueCents, profile });
  }
  return out;
}
