import { eq } from 'drizzle-orm';
import type { Ctx } from '../context';
import { agreements, installments, users } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import type { UserPublic } from '../../shared/contract/people';
import { agreementPlan, checkAgreementTerms, type AgreementTerms } from '../../shared/collection/offers';
import { agreementRuleText } from '../../shared/collection/agreement-status';
import { dueOf } from '../../shared/ledger/quote';
import { formatDateBR } from '../../shared/dates';
import { formatBRL } from '../../shared/money';
import { pixPayload } from '../../shared/pix';
import { nextNumber } from './numbers';
import { overdueDebt } from './offers';
import { chargePolicy, contractCharges, loadLedger, requireCustomerId } from './ledger-load';
import { approveBeyondMargins, KeptRefusal } from './margin-approval';
import { weeklyAfterAgreement } from '../projections/weekly';

export { KeptRefusal };

// agreements.create (DOMAIN.md "Agreement"). One dispatcher transaction: the agreement row, its parcelas and
// the link `installments.renegotiated_by` on the old overdue parcelas — the one column of a money row we ever
// update, and only from NULL (amounts are never touched; the old rows stay for history).
//
// The entrada is parcela 1 of the agreement, due on the agreement date: the customer pays it at the counter
// like any parcela (payments.receive), so there is no payment without money. The Price parcelas follow
// (numbers 2…n+1, or 1…n without entrada). "Pay today with a discount" is an agreement with only the entrada.

export interface AgreementInput extends Omit<AgreementTerms, 'asOf'> {
  customerId: string;
  asOf?: string;
  approvalPin?: string;
  idempotencyKey?: string;
}

export function createAgreement(ctx: Ctx, input: AgreementInput) {
  const d = overdueDebt(ctx, input.customerId, input.asOf);
  const last = ctx.store.sqlite
    .prepare('SELECT MAX(p.date) AS d FROM payments p WHERE p.customer_id = ? AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)')
    .get(input.customerId) as { d: string | null };
  if (last.d && d.asOf < last.d) throw new ApiError('validation', `Já há um pagamento em ${formatDateBR(last.d)}; o acordo não pode ter data anterior.`, [{ path: 'asOf', message: 'Data anterior ao último pagamento.' }]);

  const terms: AgreementTerms = {
    asOf: d.asOf,
    discountCents: input.discountCents,
    downPaymentCents: input.downPaymentCents,
    installmentCount: input.installmentCount,
    monthlyRatePct: input.monthlyRatePct,
    firstDueDate: input.firstDueDate,
  };
  const violations = checkAgreementTerms(terms, d.debt, d.margins);
  const invalid = violations.filter((v) => v.kind === 'validation');
  if (invalid.length) throw new ApiError('validation', invalid[0].message, invalid.map(({ path, message }) => ({ path, message })));
  const limits = violations.filter((v) => v.kind === 'limit');
  let approvedBy: string | null = null;
  if (limits.length) {
    const approval = approveBeyondMargins(ctx, input.approvalPin, limits.map((v) => v.message), 'Para fazer o acordo assim');
    if (approval instanceof KeptRefusal) return approval;
    approvedBy = approval.id;
  }

  const plan = agreementPlan(terms, d.debt);
  const id = ctx.newId();
  const number = nextNumber(ctx, 'agreement');
  ctx.db
    .insert(agreements)
    .values({
      id,
      customerId: input.customerId,
      number,
      date: d.asOf,
      principalCents: d.debt.principalCents,
      chargesCents: d.debt.chargesCents,
      discountCents: terms.discountCents,
      downPaymentCents: terms.downPaymentCents,
      installmentCount: terms.installmentCount,
      monthlyRatePct: terms.monthlyRatePct,
      firstDueDate: terms.firstDueDate,
      approvedBy,
      createdBy: ctx.actor?.id ?? null,
      ...ctx.stamp(),
    })
    .run();

  // The link, from NULL only: a parcela another agreement took meanwhile is a conflict, and the throw undoes all.
  const link = ctx.store.sqlite.prepare('UPDATE installments SET renegotiated_by = ? WHERE id = ? AND customer_id = ? AND renegotiated_by IS NULL');
  for (const old of d.debt.installmentIds) {
    if (link.run(id, old, input.customerId).changes !== 1) throw new ApiError('conflict', 'Uma das parcelas em atraso já foi renegociada em outro acordo. Atualize a tela e confira.');
  }

  const entrada = terms.downPaymentCents > 0 ? [{ dueDate: d.asOf, amountCents: terms.downPaymentCents }] : [];
  const rows = [...entrada, ...plan.parcelas.map((p) => ({ dueDate: p.dueDate, amountCents: p.amountCents }))];
  const created = rows.map((r, k) => {
    const row = { id: ctx.newId(), number: k + 1, dueDate: r.dueDate, amountCents: r.amountCents };
    ctx.db
      .insert(installments)
      .values({ ...row, customerId: input.customerId, agreementId: id, count: rows.length, monthlyRatePct: terms.monthlyRatePct, ...contractCharges(ctx), ...ctx.stamp() })
      .run();
    return { ...row, kind: k < entrada.length ? ('entrada' as const) : ('parcela' as const) };
  });
  ctx.touched.add(input.customerId);
  weeklyAfterAgreement(ctx, id);
  return { id, number, approvedBy, totalCents: plan.totalCents, installments: created };
}

/** agreements.get: everything the printable term needs (CDC art. 42-A: the store's name, address and CNPJ). */
export function getAgreement(ctx: Ctx, input: { id: string }) {
  const a = ctx.db.select().from(agreements).where(eq(agreements.id, input.id)).get();
  if (!a) throw new ApiError('not_found', 'Acordo não encontrado.', [{ path: 'id', message: 'Acordo não encontrado.' }]);
  const customer = requireCustomerId(ctx, a.customerId);
  const q = ctx.store.sqlite;
  const oldIds = new Set((q.prepare('SELECT id FROM installments WHERE renegotiated_by = ?').all(a.id) as { id: string }[]).map((r) => r.id));
  // The charges as they stood on the agreement day, parcela by parcela (the row keeps only their sum).
  const ledger = loadLedger(ctx, a.customerId, a.date);
  const policy = chargePolicy(ctx.settings);
  const replaced = ledger
    .filter((i) => oldIds.has(i.id))
    .map((i) => {
      const due = dueOf(i, a.date, policy);
      return { id: i.id, saleNumber: i.docNumber, number: i.number, count: i.count, dueDate: i.dueDate, principalCents: due.principalOpenCents, fineCents: due.fineCents, interestCents: due.interestCents };
    });
  const fineCents = replaced.reduce((s, r) => s + r.fineCents, 0);
  const interestCents = replaced.reduce((s, r) => s + r.interestCents, 0);
  const parcelas = q
    .prepare('SELECT id, number, count, due_date AS dueDate, amount_cents AS amountCents, fine_rate_pct AS fineRatePct, late_interest_monthly_pct AS lateInterestMonthlyPct FROM installments WHERE agreement_id = ? ORDER BY number')
    .all(a.id) as { id: string; number: number; count: number; dueDate: string; amountCents: number; fineRatePct: number; lateInterestMonthlyPct: number }[];
  const withKind = parcelas.map(({ fineRatePct: _f, lateInterestMonthlyPct: _l, ...p }) => ({ ...p, kind: a.downPaymentCents > 0 && p.number === 1 ? 'entrada' : 'parcela' }));
  const approver = a.approvedBy ? (q.prepare('SELECT name FROM users WHERE id = ?').get(a.approvedBy) as { name: string } | undefined)?.name ?? null : null;
  const { store } = ctx.settings;
  const first = withKind[0];
  let pix: { payload: string; amountCents: number; dueDate: string; note: string } | null = null;
  if (store.pixKey && first) {
    try {
      pix = {
        payload: pixPayload({ key: store.pixKey, merchantName: store.name, merchantCity: store.city || store.state, amountCents: first.amountCents, txid: `ACORDO${a.number.replace(/[^A-Za-z0-9]/g, '')}`.slice(0, 25) }),
        amountCents: first.amountCents,
        dueDate: first.dueDate,
        note: `PIX da ${first.kind === 'entrada' ? 'entrada' : 'primeira parcela'} (${formatBRL(first.amountCents)}). Após o vencimento, pague na loja.`,
      };
    } catch {
      pix = null; // a key the bank would refuse: the term prints without the QR, the store pays at the counter
    }
  }
  const rule = agreementRuleText(parcelas[0]?.fineRatePct ?? ctx.settings.policy.fineRatePct, parcelas[0]?.lateInterestMonthlyPct ?? ctx.settings.policy.lateInterestMonthlyPct);
  return {
    id: a.id,
    number: a.number,
    date: a.date,
    store: { name: store.name, cnpj: store.cnpj, address: store.address, city: store.city, state: store.state },
    customer: { id: customer.id, name: customer.name, cpf: customer.cpf },
    principalCents: a.principalCents,
    fineCents,
    interestCents,
    chargesCents: a.chargesCents,
    discountCents: a.discountCents,
    debtCents: a.principalCents + a.chargesCents,
    agreedCents: a.principalCents + a.chargesCents - a.discountCents,
    downPaymentCents: a.downPaymentCents,
    installmentCount: a.installmentCount,
    monthlyRatePct: a.monthlyRatePct,
    firstDueDate: a.firstDueDate,
    totalCents: parcelas.reduce((s, p) => s + p.amountCents, 0),
    approvedBy: approver,
    replaced,
    installments: withKind,
    rule,
    pix,
  };
}
