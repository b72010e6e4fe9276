import type { Ctx } from '../context';
import type { SaleCarne } from '../../shared/contract/ledger';
import { ApiError } from '../../shared/contract/errors';
import { storeCalendar } from './ledger-load';

/** The sale's own columns as `sales.get` returns them, plus who bought. */
type SaleRow = Pick<SaleCarne, 'id' | 'number' | 'date' | 'description' | 'totalCents' | 'downPaymentCents' | 'financedCents' | 'installmentCount' | 'monthlyRatePct' | 'source'> & {
  customerId: string;
  customerName: string;
  customerCpf: string;
};

interface InstallmentRow {
  id: string;
  number: number;
  count: number;
  dueDate: string;
  amountCents: number;
  fineRatePct: number;
  lateInterestMonthlyPct: number;
  renegotiatedBy: string | null;
}

/**
 * `sales.get`: one sale as its carnê prints it — customer, parcelas with their effective due dates, the
 * after-due rule the parcelas carry (their contract terms, not today's settings) and the store's
 * identification (CDC art. 42-A).
 */
export function getSale(ctx: Ctx, input: { id: string }): SaleCarne {
  const q = ctx.store.sqlite;
  const sale = q
    .prepare(
      `SELECT s.id, s.number, s.date, s.description, s.total_cents AS totalCents, s.down_payment_cents AS downPaymentCents,
              s.financed_cents AS financedCents, s.installment_count AS installmentCount, s.monthly_rate_pct AS monthlyRatePct,
              s.source, c.id AS customerId, c.name AS customerName, c.cpf AS customerCpf
         FROM sales s JOIN customers c ON c.id = s.customer_id
        WHERE s.id = ?`,
    )
    .get(input.id) as SaleRow | undefined;
  if (!sale) throw new ApiError('not_found', 'Venda não encontrada.', [{ path: 'id', message: 'Venda não encontrada.' }]);

  const rows = q
    .prepare(
      `SELECT id, number, count, due_date AS dueDate, amount_cents AS amountCents, fine_rate_pct AS fineRatePct,
              late_interest_monthly_pct AS lateInterestMonthlyPct, renegotiated_by AS renegotiatedBy
         FROM installments WHERE sale_id = ? ORDER BY number`,
    )
    .all(sale.id) as InstallmentRow[];

  const cal = storeCalendar(ctx.settings);
  const { store } = ctx.settings;
  const first = rows[0];
  const { customerId, customerName, customerCpf, ...rest } = sale;
  return {
    ...rest,
    totalToPayCents: sale.downPaymentCents + rows.reduce((s, r) => s + r.amountCents, 0),
    customer: { id: customerId, name: customerName, cpf: customerCpf },
    installments: rows.map((r) => ({
      id: r.id,
      number: r.number,
      count: r.count,
      dueDate: r.dueDate,
      effectiveDueDate: cal.nextOpenDay(r.dueDate),
      amountCents: r.amountCents,
      renegotiated: !!r.renegotiatedBy,
    })),
    // Every parcela of a sale is created at once with the same terms; a sale without parcelas cannot exist,
    // but fall back to the store's policy rather than fail a reprint.
    policy: first
      ? { fineRatePct: first.fineRatePct, lateInterestMonthlyPct: first.lateInterestMonthlyPct }
      : { fineRatePct: ctx.settings.policy.fineRatePct, lateInterestMonthlyPct: ctx.settings.policy.lateInterestMonthlyPct },
    store: { name: store.name, cnpj: store.cnpj, address: store.address, city: store.city, state: store.state, pixKey: store.pixKey },
  };
}
