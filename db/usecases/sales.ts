import type { Ctx } from '../context';
import { sales, installments } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import { planInstallments } from '../../shared/ledger/plan';
import { formatDateBR } from '../../shared/dates';
import { nextNumber } from './numbers';
import { requireCustomerId, storeCalendar, contractCharges } from './ledger-load';
import { weeklyAfterSale } from '../projections/weekly';

export interface SaleInput {
  customerId: string;
  date: string;
  description: string;
  totalCents: number;
  downPaymentCents?: number;
  installmentCount: number;
  firstDueDate: string;
  monthlyRatePct?: number;
}

const bad = (path: string, message: string) => new ApiError('validation', message, [{ path, message }]);

/** The carnê a sale would produce, with the effective due dates (closed days skipped): used by the preview too. */
export function previewSale(ctx: Ctx, input: Omit<SaleInput, 'customerId' | 'description'>) {
  const down = input.downPaymentCents ?? 0;
  const financedCents = input.totalCents - down;
  if (down >= input.totalCents) throw bad('downPaymentCents', 'A entrada deve ser menor que o valor total; para venda à vista não use o crediário.');
  if (financedCents < input.installmentCount) throw bad('installmentCount', 'Parcelas demais para este valor.');
  if (input.date > ctx.today) throw bad('date', `A data da venda não pode ser futura (hoje é ${formatDateBR(ctx.today)}).`);
  if (input.firstDueDate <= input.date) throw bad('firstDueDate', 'O primeiro vencimento deve ser depois da data da venda.');
  const cal = storeCalendar(ctx.settings);
  const plan = planInstallments({ financedCents, count: input.installmentCount, monthlyRatePct: input.monthlyRatePct ?? 0, firstDueDate: input.firstDueDate });
  return {
    financedCents,
    installments: plan.map((p) => ({ ...p, effectiveDueDate: cal.nextOpenDay(p.dueDate), closedReason: cal.closedReason(p.dueDate) })),
    totalToPayCents: down + plan.reduce((s, p) => s + p.amountCents, 0),
  };
}

export function createSale(ctx: Ctx, input: SaleInput, source: 'counter' | 'import' | 'demo' = 'counter') {
  requireCustomerId(ctx, input.customerId);
  const preview = previewSale(ctx, input);
  const id = ctx.newId();
  const number = nextNumber(ctx, 'sale');
  const rate = input.monthlyRatePct ?? 0;
  ctx.db
    .insert(sales)
    .values({
      id,
      customerId: input.customerId,
      number,
      date: input.date,
      description: input.description,
      totalCents: input.totalCents,
      downPaymentCents: input.downPaymentCents ?? 0,
      financedCents: preview.financedCents,
      installmentCount: input.installmentCount,
      monthlyRatePct: rate,
      createdBy: ctx.actor?.id ?? null,
      source,
      ...ctx.stamp(),
    })
    .run();
  const created = preview.installments.map((p) => {
    const row = { id: ctx.newId(), number: p.number, dueDate: p.dueDate, amountCents: p.amountCents };
    ctx.db
      .insert(installments)
      .values({ ...row, customerId: input.customerId, saleId: id, count: input.installmentCount, monthlyRatePct: rate, ...contractCharges(ctx), ...ctx.stamp() })
      .run();
    return { ...row, effectiveDueDate: p.effectiveDueDate };
  });
  ctx.touched.add(input.customerId);
  weeklyAfterSale(ctx, id);
  return { id, number, installments: created };
}
