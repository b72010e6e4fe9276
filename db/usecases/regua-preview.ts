import type { Ctx } from '../context';
import { ApiError } from '../../shared/contract/errors';
import type { ReguaPreviewInput, ReguaPreviewResult } from '../../shared/contract/settings';
import { addDays, daysBetween } from '../../shared/dates';
import { lateInterestFor } from '../../shared/ledger/charges';
import { emailSubject, messageVars, render, templateProblems, type MessageFacts, type SubjectKind } from '../../shared/collection/templates';
import { prepared } from './ledger-load';

// reminders.preview (issue 8 §3): the régua editor shows the template AS TYPED, filled with a real customer's
// data, and the same problems settings.update refuses it for, as the owner types. A read: nothing is written.
// The amounts are the ones reminders.list would put in the message today (principal, multa and running juros).

interface Picked {
  id: string;
  name: string;
}

interface ParcelaRow {
  number: number;
  count: number;
  description: string;
  soldBy: string | null;
  due: string;
  p: number;
  f: number;
  b: number;
  since: string;
  pct: number;
}

const LIVE = 'c.deleted_at IS NULL AND c.anonymized_at IS NULL';

/** A customer whose data makes a telling preview: a pending promise (promise steps), else the oldest overdue, else any. */
function pickCustomer(ctx: Ctx, trigger: 'due' | 'promise' | undefined): Picked | null {
  const tries = [
    ...(trigger === 'promise'
      ? [`SELECT c.id, c.name FROM customer_standings cs JOIN customers c ON c.id = cs.id WHERE cs.promise_status = 'pending' AND ${LIVE} ORDER BY cs.promise_date LIMIT 1`]
      : []),
    `SELECT c.id, c.name FROM customer_standings cs JOIN customers c ON c.id = cs.id WHERE cs.oldest_overdue_due IS NOT NULL AND ${LIVE} ORDER BY cs.oldest_overdue_due LIMIT 1`,
    `SELECT c.id, c.name FROM customer_standings cs JOIN customers c ON c.id = cs.id WHERE cs.next_due_date IS NOT NULL AND ${LIVE} ORDER BY cs.next_due_date LIMIT 1`,
    `SELECT c.id, c.name FROM customers c WHERE ${LIVE} ORDER BY c.created_at LIMIT 1`,
  ];
  for (const sql of tries) {
    const row = prepared(ctx, sql).get() as Picked | undefined;
    if (row) return row;
  }
  return null;
}

export function previewTemplate(ctx: Ctx, input: ReguaPreviewInput): ReguaPreviewResult {
  const problems = templateProblems(input.template, input.channel);
  let customer: Picked | null;
  if (input.customerId) {
    customer = (prepared(ctx, `SELECT c.id, c.name FROM customers c WHERE c.id = ? AND ${LIVE}`).get(input.customerId) as Picked | undefined) ?? null;
    if (!customer) throw new ApiError('not_found', 'Cliente não encontrado.', [{ path: 'customerId', message: 'Cliente não encontrado.' }]);
  } else customer = pickCustomer(ctx, input.trigger);

  const facts: MessageFacts = { customerName: customer?.name ?? 'Maria Aparecida', store: ctx.settings.store, signer: ctx.actor?.name ?? 'Equipe da loja' };
  let note: string | null = customer ? null : 'Prévia com dados de exemplo: a loja ainda não tem clientes.';
  let kind: SubjectKind = input.trigger === 'promise' ? 'promise' : 'after_due';

  // The parcela the message would be about: the oldest still open (overdue first, by date).
  const parcela = customer
    ? (prepared(ctx,
        `SELECT i.number, i.count, COALESCE(s.description, 'acordo') AS description, s.created_by AS soldBy,
                st.effective_due_date AS due, st.principal_open_cents AS p, st.fine_open_cents AS f, st.interest_base_cents AS b,
                st.interest_from AS since, st.late_interest_monthly_pct AS pct
           FROM installment_standings st JOIN installments i ON i.id = st.id LEFT JOIN sales s ON s.id = i.sale_id
          WHERE st.customer_id = ? AND st.status IN ('open', 'overdue') AND st.principal_open_cents > 0
          ORDER BY st.effective_due_date LIMIT 1`,
      ).get(customer.id) as ParcelaRow | undefined)
    : undefined;
  const today = ctx.today;
  if (parcela) {
    const late = today > parcela.due;
    facts.amountCents = late ? parcela.p + parcela.f + Math.max(0, parcela.b + lateInterestFor(parcela.p, parcela.pct, daysBetween(parcela.since, today))) : parcela.p;
    facts.dueDate = parcela.due;
    facts.installmentNumber = parcela.number;
    facts.installmentCount = parcela.count;
    facts.description = parcela.description;
    if (input.trigger !== 'promise') kind = late ? 'after_due' : 'before_due';
    // Signed, as the real reminder would be, by who sold (or the person previewing when unknown).
    const seller = parcela.soldBy ? (prepared(ctx, 'SELECT name FROM users WHERE id = ? AND deleted_at IS NULL').get(parcela.soldBy) as { name: string } | undefined) : undefined;
    if (seller) facts.signer = seller.name;
  } else if (customer) {
    note = `${customer.name} não tem parcela em aberto: valor e vencimento ficam em branco na prévia.`;
  } else {
    // No customer at all: a plausible parcela so the owner still sees the whole message.
    Object.assign(facts, { amountCents: 15_000, dueDate: addDays(today, 3), installmentNumber: 3, installmentCount: 10, description: 'Sofá retrátil 3 lugares' });
  }

  // Promise variables: the customer's pending promise when there is one, else today's amount in three days.
  const promise = customer
    ? (prepared(ctx, "SELECT promise_date AS date, promise_amount_cents AS amount FROM customer_standings WHERE id = ? AND promise_status = 'pending'").get(customer.id) as
        | { date: string; amount: number }
        | undefined)
    : undefined;
  facts.promiseDate = promise?.date ?? addDays(today, 3);
  facts.promiseAmountCents = promise?.amount ?? facts.amountCents;

  const vars = messageVars(facts);
  const text = render(input.template, vars);
  return {
    text,
    chars: [...text].length,
    subject: input.channel === 'email' ? emailSubject(kind, vars) : null,
    problems,
    customer: customer ? { id: customer.id, name: customer.name } : null,
    note,
  };
}
