import type { Ctx } from '../context';
import { statementLine, statementTotals } from '../../shared/ledger/quote';
import { ApiError } from '../../shared/contract/errors';
import { centsToWords } from '../../shared/money';
import { loadLedger, chargePolicy, requireCustomerId } from './ledger-load';

type TimelineKind = 'sale' | 'payment' | 'reversal' | 'agreement';
export interface TimelineEvent {
  date: string;
  kind: TimelineKind;
  title: string;
  amountCents: number;
  refId: string;
}

const METHOD_LABEL = { cash: 'dinheiro', pix: 'PIX', card: 'cartão', transfer: 'transferência' } as const;

/** accounts.statement: every parcela with what it owes on `asOf`, the totals, and the account's timeline. */
export function statement(ctx: Ctx, input: { customerId: string; asOf?: string }) {
  const customer = requireCustomerId(ctx, input.customerId);
  const asOf = input.asOf ?? ctx.today;
  const policy = chargePolicy(ctx.settings);
  const ledger = loadLedger(ctx, input.customerId, asOf);
  const lines = ledger.map((i) => ({ ...statementLine(i, asOf, policy), count: i.count, saleNumber: i.docNumber, description: i.description }));
  const q = ctx.store.sqlite;
  const salesRows = q
    .prepare('SELECT id, number, date, description, total_cents AS totalCents, down_payment_cents AS downPaymentCents, installment_count AS installmentCount, monthly_rate_pct AS monthlyRatePct FROM sales WHERE customer_id = ? AND date <= ? ORDER BY date, number')
    .all(input.customerId, asOf) as { id: string; number: string; date: string; description: string; totalCents: number; downPaymentCents: number; installmentCount: number; monthlyRatePct: number }[];
  const paymentRows = q
    .prepare(
      `SELECT p.id, p.receipt_number AS receiptNumber, p.date, p.amount_cents AS amountCents, p.method,
              r.date AS reversedOn, r.reason AS reversalReason, r.id AS reversalId
         FROM payments p LEFT JOIN reversals r ON r.payment_id = p.id AND r.date <= @asOf
        WHERE p.customer_id = @customerId AND p.date <= @asOf ORDER BY p.date, p.created_at`,
    )
    .all({ customerId: input.customerId, asOf }) as { id: string; receiptNumber: string; date: string; amountCents: number; method: keyof typeof METHOD_LABEL; reversedOn: string | null; reversalReason: string | null; reversalId: string | null }[];

  const events: TimelineEvent[] = [];
  for (const s of salesRows) events.push({ date: s.date, kind: 'sale', title: `Venda ${s.number}: ${s.description} em ${s.installmentCount}x`, amountCents: s.totalCents, refId: s.id });
  for (const p of paymentRows) {
    events.push({ date: p.date, kind: 'payment', title: `Pagamento, recibo ${p.receiptNumber} (${METHOD_LABEL[p.method]})`, amountCents: p.amountCents, refId: p.id });
    if (p.reversedOn) events.push({ date: p.reversedOn, kind: 'reversal', title: `Estorno do recibo ${p.receiptNumber}: ${p.reversalReason}`, amountCents: -p.amountCents, refId: p.reversalId! });
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    customer: { id: customer.id, name: customer.name, cpf: customer.cpf },
    asOf,
    installments: lines,
    ...statementTotals(lines),
    sales: salesRows,
    payments: paymentRows.map(({ reversalId: _r, ...p }) => ({ ...p, reversed: !!p.reversedOn })),
    events,
  };
}

/** Everything a printed receipt needs (Código Civil art. 320; CDC art. 42-A for the store's identification). */
export function receipt(ctx: Ctx, input: { paymentId: string }) {
  const q = ctx.store.sqlite;
  const p = q
    .prepare(
      `SELECT p.id, p.receipt_number AS receiptNumber, p.date, p.amount_cents AS amountCents, p.method, p.customer_id AS customerId,
              c.name AS customerName, c.cpf AS customerCpf, u.name AS receivedBy, r.date AS reversedOn, r.reason AS reversalReason
         FROM payments p JOIN customers c ON c.id = p.customer_id LEFT JOIN users u ON u.id = p.created_by
         LEFT JOIN reversals r ON r.payment_id = p.id
        WHERE p.id = ?`,
    )
    .get(input.paymentId) as
    | { id: string; receiptNumber: string; date: string; amountCents: number; method: keyof typeof METHOD_LABEL; customerId: string; customerName: string; customerCpf: string; receivedBy: string | null; reversedOn: string | null; reversalReason: string | null }
    | undefined;
  if (!p) throw new ApiError('not_found', 'Pagamento não encontrado.', [{ path: 'paymentId', message: 'Pagamento não encontrado.' }]);
  const lines = q
    .prepare(
      `SELECT a.installment_id AS installmentId, i.number, i.count, i.due_date AS dueDate, COALESCE(s.number, ag.number) AS saleNumber,
              -- On paper each parcela shows what it was charged and what was taken off, so that its subtotal is the
              -- money paid: the principal retired (money + early discount), multa and juros charged (paid +
              -- forgiven), and one Desconto line for the early discount plus the charges forgiven.
              a.principal_cents + a.discount_cents AS principalCents, a.fine_cents + a.fine_waived_cents AS fineCents,
              a.interest_cents + a.interest_waived_cents AS interestCents, a.discount_cents + a.fine_waived_cents + a.interest_waived_cents AS discountCents
         FROM allocations a JOIN installments i ON i.id = a.installment_id
         LEFT JOIN sales s ON s.id = i.sale_id LEFT JOIN agreements ag ON ag.id = i.agreement_id
        WHERE a.payment_id = ? ORDER BY i.due_date, i.number`,
    )
    .all(p.id) as { installmentId: string; number: number; count: number; dueDate: string; saleNumber: string; principalCents: number; fineCents: number; interestCents: number; discountCents: number }[];
  const { store } = ctx.settings;
  return {
    store: { name: store.name, cnpj: store.cnpj, address: store.address, city: store.city, state: store.state },
    ...p,
    methodLabel: METHOD_LABEL[p.method],
    amountInWords: centsToWords(p.amountCents),
    lines,
  };
}
