import type { Ctx } from '../context';
import { payments, allocations, reversals } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import { allocatePayment, AmountExceedsDue, WaiverExceedsCharges } from '../../shared/ledger/allocate';
import { chargesWaiverLimitCents, marginsFor } from '../../shared/collection/offers';
import { approveBeyondMargins, KeptRefusal } from './margin-approval';
import { openInstallments, quotePayment } from '../../shared/ledger/quote';
import { formatDateBR } from '../../shared/dates';
import { formatBRL } from '../../shared/money';
import { nextNumber } from './numbers';
import { loadLedger, chargePolicy, requireCustomerId, type LoadedInstallment } from './ledger-load';
import { checkOwnerPin } from './users';
import { weeklyAfterPayment, weeklyAfterReversal } from '../projections/weekly';

const bad = (path: string, message: string) => new ApiError('validation', message, [{ path, message }]);

/** Picked parcelas must exist and belong to this customer; anything else is refused before any math. */
function checkPicked(ctx: Ctx, customerId: string, ids: string[] | undefined, ledger: LoadedInstallment[]): void {
  if (!ids) return;
  const mine = new Map(ledger.map((i) => [i.id, i]));
  for (const id of ids) {
    if (mine.has(id)) {
      const i = mine.get(id)!;
      if (i.renegotiated) throw new ApiError('conflict', `A parcela ${i.number}/${i.count} foi renegociada em acordo e não pode ser paga separadamente.`);
      continue;
    }
    const owner = ctx.store.sqlite.prepare('SELECT customer_id AS customerId FROM installments WHERE id = ?').get(id) as { customerId: string } | undefined;
    if (!owner) throw new ApiError('not_found', 'Parcela não encontrada.', [{ path: 'installmentIds', message: 'Parcela não encontrada.' }]);
    if (owner.customerId !== customerId) throw bad('installmentIds', 'Esta parcela é de outro cliente.');
    throw bad('installmentIds', 'Esta parcela ainda não existia na data informada.');
  }
}

export function quote(ctx: Ctx, input: { customerId: string; asOf?: string; installmentIds?: string[] }) {
  requireCustomerId(ctx, input.customerId);
  const asOf = input.asOf ?? ctx.today;
  const ledger = loadLedger(ctx, input.customerId, asOf);
  checkPicked(ctx, input.customerId, input.installmentIds, ledger);
  const q = quotePayment(ledger, asOf, chargePolicy(ctx.settings), input.installmentIds);
  const byId = new Map(ledger.map((i) => [i.id, i]));
  return {
    asOf,
    // how much of the multa and juros the clerk may forgive without the owner's PIN (approveWaiver)
    chargesDiscountMaxPct: chargesDiscountPctFor(ctx, input.customerId),
    items: q.items.map((item) => {
      const i = byId.get(item.installmentId)!;
      return { ...item, number: i.number, count: i.count, saleNumber: i.docNumber, description: i.description };
    }),
    totalCents: q.totalCents,
  };
}

export interface ReceiveInput {
  customerId: string;
  amountCents: number;
  method: 'cash' | 'pix' | 'card' | 'transfer';
  date?: string;
  installmentIds?: string[];
  waiveChargesCents?: number;
  approvalPin?: string;
}

/**
 * A discount on multa and juros at the counter follows the margins of the customer's profile, like an
 * agreement's (issue 7): up to maxChargesDiscountPct of the charges the payment reaches; beyond that only
 * with an owner's PIN, whoever calls. Returns the approving owner's id, null within the margins.
 */
function chargesDiscountPctFor(ctx: Ctx, customerId: string): number {
  const profile = (ctx.store.sqlite.prepare('SELECT profile FROM customer_standings WHERE id = ?').get(customerId) as { profile: string } | undefined)?.profile ?? null;
  return marginsFor(ctx.settings.margins, profile).maxChargesDiscountPct;
}

function approveWaiver(ctx: Ctx, customerId: string, waiverCents: number, chargesReached: number, pin: string | undefined): string | null | KeptRefusal {
  if (waiverCents === 0) return null;
  const pct = chargesDiscountPctFor(ctx, customerId);
  const limitCents = chargesWaiverLimitCents(chargesReached, pct);
  if (waiverCents <= limitCents) return null;
  const reason = `o desconto nos encargos (${formatBRL(waiverCents)}) passa do limite de ${formatBRL(limitCents)} (${pct}% da multa e dos juros).`;
  const approval = approveBeyondMargins(ctx, pin, [reason[0].toUpperCase() + reason.slice(1)], 'Para dar este desconto');
  return approval instanceof KeptRefusal ? approval : approval.id;
}

export function receive(ctx: Ctx, input: ReceiveInput) {
  const customer = requireCustomerId(ctx, input.customerId);
  const date = input.date ?? ctx.today;
  if (date > ctx.today) throw bad('date', `A data do pagamento não pode ser futura (hoje é ${formatDateBR(ctx.today)}).`);
  // Charges are derived from payments in date order, so a payment may not slip in before one already made.
  const last = ctx.store.sqlite
    .prepare('SELECT MAX(p.date) AS d FROM payments p WHERE p.customer_id = ? AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)')
    .get(input.customerId) as { d: string | null };
  if (last.d && date < last.d) throw bad('date', `Já há um pagamento deste cliente em ${formatDateBR(last.d)}; a data não pode ser anterior a ele.`);
  const ledger = loadLedger(ctx, input.customerId, date);
  checkPicked(ctx, input.customerId, input.installmentIds, ledger);
  const open = openInstallments(ledger, date, chargePolicy(ctx.settings), input.installmentIds);
  if (!open.length) {
    const anyLater = ctx.store.sqlite.prepare('SELECT MIN(s.date) AS d FROM sales s WHERE s.customer_id = ?').get(input.customerId) as { d: string | null };
    if (anyLater.d && date < anyLater.d) throw bad('date', `A data do pagamento é anterior à venda (${formatDateBR(anyLater.d)}).`);
    throw new ApiError('conflict', `${customer.name} não tem parcelas em aberto.`);
  }
  const waiver = input.waiveChargesCents ?? 0;
  let split;
  try {
    split = allocatePayment(open, input.amountCents, waiver);
  } catch (e) {
    if (e instanceof AmountExceedsDue) {
      throw new ApiError('conflict', `Valor maior que o devido: ${formatBRL(e.amountCents)} informado, ${formatBRL(e.totalDueCents)} em aberto.`, [
        { path: 'amountCents', message: 'Valor maior que o devido.' },
      ]);
    }
    if (e instanceof WaiverExceedsCharges) {
      const message = `O desconto nos encargos (${formatBRL(e.waiverCents)}) é maior que a multa e os juros das parcelas pagas (${formatBRL(e.usableCents)}).`;
      throw bad('waiveChargesCents', message);
    }
    throw e;
  }
  const reached = new Set(split.map((a) => a.installmentId));
  const chargesReached = open.filter((o) => reached.has(o.installmentId)).reduce((sum, o) => sum + o.due.fineCents + o.due.interestCents, 0);
  const approvedBy = approveWaiver(ctx, input.customerId, waiver, chargesReached, input.approvalPin);
  if (approvedBy instanceof KeptRefusal) return approvedBy;
  const id = ctx.newId();
  const receiptNumber = nextNumber(ctx, 'receipt');
  ctx.db
    .insert(payments)
    .values({ id, customerId: input.customerId, receiptNumber, date, amountCents: input.amountCents, method: input.method, createdBy: ctx.actor?.id ?? null, approvedBy, ...ctx.stamp() })
    .run();
  for (const a of split) ctx.db.insert(allocations).values({ id: ctx.newId(), paymentId: id, ...a, ...ctx.stamp() }).run();
  ctx.touched.add(input.customerId);
  weeklyAfterPayment(ctx, id);
  return { id, receiptNumber, date, amountCents: input.amountCents, waivedChargesCents: waiver, allocations: split };
}

/**
 * Estorno: a new row that cancels the payment; the payment itself is never edited or deleted, so the
 * balances derived without it are exactly those before it. Only the newest payment of a parcela can be
 * reversed (reverse later ones first), which keeps every later allocation consistent.
 */
export function reverse(ctx: Ctx, input: { paymentId: string; reason: string; ownerPin?: string }) {
  const p = ctx.store.sqlite.prepare('SELECT id, rowid AS seq, customer_id AS customerId, receipt_number AS receiptNumber, date, created_at AS createdAt FROM payments WHERE id = ?').get(input.paymentId) as
    | { id: string; seq: number; customerId: string; receiptNumber: string; date: string; createdAt: string }
    | undefined;
  if (!p) throw new ApiError('not_found', 'Pagamento não encontrado.', [{ path: 'paymentId', message: 'Pagamento não encontrado.' }]);
  if (ctx.store.sqlite.prepare('SELECT 1 FROM reversals WHERE payment_id = ?').get(p.id)) throw new ApiError('conflict', `O recibo ${p.receiptNumber} já foi estornado.`);
  // "Later" = later date, then later created_at, then inserted later (rowid): two payments stamped in the same
  // instant (a frozen clock, e.g. `emdia call --today D`) must not both look like the newest, or the older one
  // could be reversed under the newer one's split.
  const later = ctx.store.sqlite
    .prepare(
      `SELECT p2.receipt_number AS receiptNumber FROM payments p2
        WHERE p2.customer_id = @customerId AND p2.id <> @id
          AND (p2.date > @date OR (p2.date = @date AND (p2.created_at > @createdAt OR (p2.created_at = @createdAt AND p2.rowid > @seq))))
          AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p2.id)
          AND EXISTS (SELECT 1 FROM allocations a2 JOIN allocations a1 ON a1.installment_id = a2.installment_id WHERE a2.payment_id = p2.id AND a1.payment_id = @id)
        ORDER BY p2.date DESC LIMIT 1`,
    )
    .get(p) as { receiptNumber: string } | undefined;
  if (later) throw new ApiError('conflict', `Há um pagamento posterior nas mesmas parcelas (recibo ${later.receiptNumber}). Estorne-o primeiro.`);
  const approver = checkOwnerPin(ctx, input.ownerPin);
  const id = ctx.newId();
  ctx.db
    .insert(reversals)
    .values({ id, paymentId: p.id, date: ctx.today, reason: input.reason, createdBy: ctx.actor?.id ?? null, approvedBy: approver.id || null, ...ctx.stamp() })
    .run();
  ctx.touched.add(p.customerId);
  weeklyAfterReversal(ctx, p.id);
  return { id };
}
