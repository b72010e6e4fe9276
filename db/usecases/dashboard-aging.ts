import type { Ctx } from '../context';
import type { AgingBucketId, DashboardWeeklyResult } from '../../shared/contract/dashboard';
import { daysBetween, type IsoDate } from '../../shared/dates';
import { projectionDay } from '../projections/standings';
import { preparedOn, storeCalendar } from './ledger-load';

// The open balance at a day by days late (dashboard.weekly "aging"). A customer's overdue principal goes to the
// bucket of their OLDEST late parcela (how collection works a customer: one call for the whole debt); what is not
// due yet goes to "a vencer". So the buckets sum to the open principal, and `customers` counts each customer once
// per bucket they have money in (a customer may be in "a vencer" and in one late bucket).
// For today (or later) the standings answer in one pass; for a past day the parcelas are recomputed from the raw
// rows as of that day (the same rules as ledger-load.ts: documents dated by then, agreements dated by then,
// payments dated by then and not reversed by then) — a full pass over the money tables, slower on a large store.

export const AGING_LABELS: Record<AgingBucketId, string> = {
  a_vencer: 'a vencer',
  d1_30: '1 a 30 dias',
  d31_60: '31 a 60 dias',
  d61_90: '61 a 90 dias',
  d90_mais: 'mais de 90 dias',
};

export function bucketOf(daysLate: number): AgingBucketId {
  if (daysLate <= 0) return 'a_vencer';
  if (daysLate <= 30) return 'd1_30';
  if (daysLate <= 60) return 'd31_60';
  if (daysLate <= 90) return 'd61_90';
  return 'd90_mais';
}

interface CustomerBalance {
  openCents: number;
  overdueCents: number;
  oldestOverdueDue: string | null;
}

function customersToday(ctx: Ctx): CustomerBalance[] {
  return preparedOn(ctx.store.sqlite,
    `SELECT open_principal_cents AS openCents, overdue_principal_cents AS overdueCents, oldest_overdue_due AS oldestOverdueDue
       FROM customer_standings WHERE open_principal_cents > 0`,
  ).all() as CustomerBalance[];
}

function customersAsOf(ctx: Ctx, day: IsoDate): CustomerBalance[] {
  const cal = storeCalendar(ctx.settings);
  const rows = preparedOn(ctx.store.sqlite,
    `SELECT i.customer_id AS customerId, i.due_date AS dueDate,
            i.amount_cents - IFNULL((SELECT SUM(al.principal_cents + al.discount_cents) FROM allocations al JOIN payments p ON p.id = al.payment_id
                                      WHERE al.installment_id = i.id AND p.date <= @day
                                        AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id AND r.date <= @day)), 0) AS openCents
       FROM installments i LEFT JOIN sales s ON s.id = i.sale_id LEFT JOIN agreements a ON a.id = i.agreement_id LEFT JOIN agreements ag ON ag.id = i.renegotiated_by
      WHERE COALESCE(s.date, a.date) <= @day AND (ag.date IS NULL OR ag.date > @day)`,
  ).all({ day }) as { customerId: string; dueDate: string; openCents: number }[];
  const by = new Map<string, CustomerBalance>();
  for (const r of rows) {
    if (r.openCents <= 0) continue;
    const c = by.get(r.customerId) ?? { openCents: 0, overdueCents: 0, oldestOverdueDue: null };
    c.openCents += r.openCents;
    const due = cal.nextOpenDay(r.dueDate);
    if (day > due) {
      c.overdueCents += r.openCents;
      if (!c.oldestOverdueDue || due < c.oldestOverdueDue) c.oldestOverdueDue = due;
    }
    by.set(r.customerId, c);
  }
  return [...by.values()];
}

export function agingAsOf(ctx: Ctx, to: IsoDate): { day: IsoDate; buckets: DashboardWeeklyResult['aging']; openCents: number } {
  const useToday = to >= ctx.today && projectionDay(ctx.store.sqlite) === ctx.today;
  const day = useToday || to > ctx.today ? ctx.today : to;
  const list = useToday ? customersToday(ctx) : customersAsOf(ctx, day);
  const sums = new Map<AgingBucketId, { cents: number; customers: number }>((Object.keys(AGING_LABELS) as AgingBucketId[]).map((id) => [id, { cents: 0, customers: 0 }]));
  let openCents = 0;
  for (const c of list) {
    openCents += c.openCents;
    const notDue = c.openCents - c.overdueCents;
    if (notDue > 0) {
      const b = sums.get('a_vencer')!;
      b.cents += notDue;
      b.customers++;
    }
    if (c.overdueCents > 0 && c.oldestOverdueDue) {
      const b = sums.get(bucketOf(daysBetween(c.oldestOverdueDue, day)))!;
      b.cents += c.overdueCents;
      b.customers++;
    }
  }
  return { day, buckets: [...sums].map(([id, b]) => ({ id, label: AGING_LABELS[id], ...b })), openCents };
}
