import type { Ctx } from '../context';
import { ApiError } from '../../shared/contract/errors';
import type { BureauRecordRow, FormalCandidate, NoticeSummary, NoticeView } from '../../shared/contract/formal';
import { MISSED_PARCELAS_TO_BREAK } from '../../shared/collection/agreement-status';
import { earliestDeadline, LONG_OVERDUE_DAYS, longOverdueCutoff, NOTICE_MIN_DAYS, removalDueFor } from '../../shared/formal/rules';
import { daysBetween, formatDateBR } from '../../shared/dates';
import { pixPayload } from '../../shared/pix';
import { requireCustomerId, prepared, storeCalendar } from './ledger-load';
import { quote } from './payments';

// The formal path (negativação), owner only (issue 8 §6; DOMAIN.md "Negativação"). The order is the law's:
// a written notice with a deadline first (CDC art. 43 §2), the record only after it passed, never while the
// customer disputes the debt (CALLS.md: a dispute is not a delay), and the removal asked within 5 business
// days of the full payment (STJ Súmula 548). EmDia never talks to a bureau; the owner does, and tells us.

const bad = (path: string, message: string) => new ApiError('validation', message, [{ path, message }]);

interface Standing {
  profile: string;
  profileReasons: string;
  overduePrincipalCents: number;
  overdueCount: number;
  oldestOverdueDue: string | null;
  openDisputes: number;
  lastPaymentDate: string | null;
}

/** A current agreement (DOMAIN.md "Agreements"): parcelas still open and fewer than two missed. */
const CURRENT_AGREEMENT_SQL = `EXISTS (SELECT 1 FROM installments ai JOIN installment_standings ast ON ast.id = ai.id
   WHERE ai.customer_id = @customer AND ai.agreement_id IS NOT NULL GROUP BY ai.agreement_id
  HAVING SUM(ast.status IN ('open', 'overdue')) > 0 AND SUM(ast.status = 'overdue') < ${MISSED_PARCELAS_TO_BREAK})`;

/** A record at a bureau the debt still stands behind (not paid off, not removed). */
const ACTIVE_RECORD_SQL = `EXISTS (SELECT 1 FROM bureau_records br WHERE br.customer_id = @customer AND br.removed_on IS NULL AND br.paid_off_on IS NULL)`;

const holds = (ctx: Ctx, existsSql: string, customer: string): boolean => (prepared(ctx, `SELECT ${existsSql} AS yes`).get({ customer }) as { yes: number }).yes === 1;

// ---- formal.candidates -------------------------------------------------------------------------------------

/**
 * Who may go the formal way today: mau pagador, or a parcela more than LONG_OVERDUE_DAYS late; never with an
 * open dispute or an agreement in good standing; not already registered. Read from the standings projection.
 */
export function formalCandidates(ctx: Ctx, input: { limit?: number }): { items: FormalCandidate[]; total: number; longOverdueDays: number } {
  const from = `FROM customer_standings s JOIN customers c ON c.id = s.id
        WHERE s.oldest_overdue_due IS NOT NULL AND s.overdue_principal_cents > 0 AND s.open_disputes = 0
          AND c.deleted_at IS NULL AND c.anonymized_at IS NULL
          AND (s.profile = 'mau_pagador' OR s.oldest_overdue_due <= @cutoff)
          AND NOT ${CURRENT_AGREEMENT_SQL.replaceAll('@customer', 's.id')}
          AND NOT ${ACTIVE_RECORD_SQL.replaceAll('@customer', 's.id')}`;
  const cutoff = longOverdueCutoff(ctx.today);
  const rows = prepared(
    ctx,
    `SELECT s.id AS customerId, c.name, c.cpf, s.profile, s.profile_reasons AS profileReasons, s.overdue_principal_cents AS overduePrincipalCents,
            s.overdue_count AS overdueCount, s.oldest_overdue_due AS oldestOverdueDue, s.last_payment_date AS lastPaymentDate
       ${from} ORDER BY s.oldest_overdue_due, c.name_folded LIMIT @limit`,
  ).all({ cutoff, limit: input.limit ?? 200 }) as (Omit<FormalCandidate, 'daysLate' | 'reason' | 'notice'> & { profileReasons: string })[];
  const total = (prepared(ctx, `SELECT COUNT(*) AS n ${from}`).get({ cutoff }) as { n: number }).n;
  const notices = noticesFor(ctx, rows.map((r) => ({ customerId: r.customerId, since: r.oldestOverdueDue })));
  return {
    longOverdueDays: LONG_OVERDUE_DAYS,
    total,
    items: rows.map(({ profileReasons, ...r }) => ({
      ...r,
      daysLate: daysBetween(r.oldestOverdueDue, ctx.today),
      reason: candidateReason(ctx, { ...r, profileReasons }),
      notice: notices.get(r.customerId) ?? null,
    })),
  };
}

function candidateReason(ctx: Ctx, r: { profile: string; profileReasons: string; oldestOverdueDue: string }): string {
  const days = daysBetween(r.oldestOverdueDue, ctx.today);
  const late = `Parcela em atraso desde ${formatDateBR(r.oldestOverdueDue)} (${days} dias)`;
  if (r.profile !== 'mau_pagador') return `${late}.`;
  let why = '';
  try {
    why = (JSON.parse(r.profileReasons) as string[])[0] ?? '';
  } catch {
    why = '';
  }
  return why ? `Mau pagador: ${why.replace(/\.$/, '')}.` : `Mau pagador. ${late}.`;
}

/** The newest notice sent for the current delay (on or after its oldest overdue due date), per customer. */
function noticesFor(ctx: Ctx, wanted: { customerId: string; since: string }[]): Map<string, NoticeSummary> {
  const out = new Map<string, NoticeSummary>();
  if (!wanted.length) return out;
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT n.id, n.customer_id AS customerId, n.sent_on AS sentOn, n.deadline, n.total_cents AS totalCents
         FROM formal_notices n JOIN json_each(@wanted) w ON json_extract(w.value, '$.customerId') = n.customer_id
        WHERE n.sent_on >= json_extract(w.value, '$.since')
        ORDER BY n.sent_on, n.created_at, n.rowid`,
    )
    .all({ wanted: JSON.stringify(wanted) }) as (Omit<NoticeSummary, 'expired'> & { customerId: string })[];
  for (const n of rows) {
    const { customerId, ...rest } = n;
    out.set(customerId, { ...rest, expired: n.deadline < ctx.today });
  }
  return out;
}

/**
 * The checks both the notice and the record make, in the order a person would explain them. Refusals are
 * `conflict` (the request is well formed; the customer's situation does not allow it) and write nothing.
 */
function requireFormalPath(ctx: Ctx, customerId: string, doing: 'notificar' | 'registrar'): { customer: { id: string; name: string; cpf: string }; standing: Standing & { oldestOverdueDue: string } } {
  const customer = requireCustomerId(ctx, customerId);
  const s = prepared(
    ctx,
    `SELECT profile, profile_reasons AS profileReasons, overdue_principal_cents AS overduePrincipalCents, overdue_count AS overdueCount,
            oldest_overdue_due AS oldestOverdueDue, open_disputes AS openDisputes, last_payment_date AS lastPaymentDate
       FROM customer_standings WHERE id = ?`,
  ).get(customerId) as Standing | undefined;
  if (s && s.openDisputes > 0) {
    throw new ApiError(
      'conflict',
      `${customer.name} tem uma contestação em aberto. Enquanto ela não for resolvida, a cobrança formal fica parada: não é possível ${doing}.`,
      [{ path: 'customerId', message: 'Contestação em aberto.' }],
    );
  }
  if (holds(ctx, CURRENT_AGREEMENT_SQL, customerId)) {
    throw new ApiError('conflict', `${customer.name} está com um acordo em dia: enquanto ele estiver sendo pago, não há cobrança formal.`, [{ path: 'customerId', message: 'Acordo em dia.' }]);
  }
  if (!s || !s.oldestOverdueDue || s.overduePrincipalCents <= 0) {
    throw new ApiError('conflict', `${customer.name} não tem parcelas em atraso: não há o que ${doing}.`, [{ path: 'customerId', message: 'Nada em atraso.' }]);
  }
  if (s.profile !== 'mau_pagador' && s.oldestOverdueDue > longOverdueCutoff(ctx.today)) {
    const days = daysBetween(s.oldestOverdueDue, ctx.today);
    throw new ApiError(
      'conflict',
      `${customer.name} está com ${days} dias de atraso. A cobrança formal é para quem tem perfil mau pagador ou mais de ${LONG_OVERDUE_DAYS} dias de atraso; por enquanto, siga com as ligações e lembretes.`,
      [{ path: 'customerId', message: 'Ainda não está no caminho formal.' }],
    );
  }
  return { customer, standing: s as Standing & { oldestOverdueDue: string } };
}

// ---- formal.notice -----------------------------------------------------------------------------------------

/** The overdue parcelas today by the quote rules (payments.quote): principal, multa, juros of each. */
export function overdueBreakdown(ctx: Ctx, customerId: string, asOf: string) {
  const q = quote(ctx, { customerId, asOf });
  const parcelas = q.items
    .filter((i) => i.daysLate > 0)
    .map((i) => ({
      saleNumber: i.saleNumber,
      description: i.description,
      number: i.number,
      count: i.count,
      dueDate: i.dueDate,
      daysLate: i.daysLate,
      principalCents: i.principalCents,
      fineCents: i.fineCents,
      interestCents: i.interestCents,
      totalCents: i.principalCents + i.fineCents + i.interestCents,
    }));
  const sum = (k: 'principalCents' | 'fineCents' | 'interestCents') => parcelas.reduce((s, p) => s + p[k], 0);
  const principalCents = sum('principalCents');
  const fineCents = sum('fineCents');
  const interestCents = sum('interestCents');
  return { parcelas, principalCents, fineCents, interestCents, totalCents: principalCents + fineCents + interestCents };
}

/** formal.notice: records the written notice sent today and returns what the printed letter needs. */
export function createNotice(ctx: Ctx, input: { customerId: string; deadline?: string }): NoticeView {
  const { customer, standing } = requireFormalPath(ctx, input.customerId, 'notificar');
  const minimum = earliestDeadline(ctx.today);
  // By default the tenth day, moved to the next day the store opens: the customer can always come and pay on it.
  const deadline = input.deadline ?? storeCalendar(ctx.settings).nextOpenDay(minimum);
  if (deadline < minimum) {
    throw bad('deadline', `Prazo: dê pelo menos ${NOTICE_MIN_DAYS} dias para o pagamento (a partir de ${formatDateBR(minimum)}).`);
  }
  const pending = noticesFor(ctx, [{ customerId: customer.id, since: standing.oldestOverdueDue }]).get(customer.id);
  if (pending && !pending.expired) {
    throw new ApiError('conflict', `Já há uma notificação enviada a ${customer.name} em ${formatDateBR(pending.sentOn)}, com prazo até ${formatDateBR(pending.deadline)}. Para imprimir de novo, abra a notificação.`);
  }
  const b = overdueBreakdown(ctx, customer.id, ctx.today);
  const id = ctx.newId();
  prepared(
    ctx,
    `INSERT INTO formal_notices (id, created_at, updated_at, device, customer_id, sent_on, deadline, principal_cents, fine_cents, interest_cents, total_cents, created_by)
     VALUES (@id, @createdAt, @updatedAt, @device, @customerId, @sentOn, @deadline, @principalCents, @fineCents, @interestCents, @totalCents, @createdBy)`,
  ).run({
    id,
    ...ctx.stamp(),
    customerId: customer.id,
    sentOn: ctx.today,
    deadline,
    principalCents: b.principalCents,
    fineCents: b.fineCents,
    interestCents: b.interestCents,
    totalCents: b.totalCents,
    createdBy: ctx.actor?.id ?? null,
  });
  return noticeView(ctx, id);
}

/** formal.noticeGet: a notice already sent, to print again. */
export function noticeView(ctx: Ctx, id: string): NoticeView {
  const n = prepared(
    ctx,
    `SELECT n.id, n.customer_id AS customerId, n.sent_on AS sentOn, n.deadline, n.principal_cents AS principalCents, n.fine_cents AS fineCents,
            n.interest_cents AS interestCents, n.total_cents AS totalCents, u.name AS createdBy, c.name, c.cpf, c.address
       FROM formal_notices n JOIN customers c ON c.id = n.customer_id LEFT JOIN users u ON u.id = n.created_by WHERE n.id = ?`,
  ).get(id) as
    | { id: string; customerId: string; sentOn: string; deadline: string; principalCents: number; fineCents: number; interestCents: number; totalCents: number; createdBy: string | null; name: string; cpf: string; address: string | null }
    | undefined;
  if (!n) throw new ApiError('not_found', 'Notificação não encontrada.', [{ path: 'id', message: 'Notificação não encontrada.' }]);
  const store = ctx.settings.store;
  // The parcelas as they stood on the day it was sent (the totals are the stored ones).
  const { parcelas } = overdueBreakdown(ctx, n.customerId, n.sentOn);
  let pix: NoticeView['pix'] = null;
  if (store.pixKey) {
    try {
      // No amount in the code: juros de mora grow each day, so the letter asks to confirm the value.
      pix = { payload: pixPayload({ key: store.pixKey, merchantName: store.name, merchantCity: store.city || store.state, txid: '***' }), key: store.pixKey };
    } catch {
      pix = null; // a key the bank would refuse: the letter lists the other ways to pay
    }
  }
  return {
    id: n.id,
    sentOn: n.sentOn,
    deadline: n.deadline,
    store: { name: store.name, cnpj: store.cnpj, address: store.address, city: store.city, state: store.state, pixKey: store.pixKey },
    customer: { id: n.customerId, name: n.name, cpf: n.cpf, address: n.address },
    principalCents: n.principalCents,
    fineCents: n.fineCents,
    interestCents: n.interestCents,
    totalCents: n.totalCents,
    parcelas,
    fineRatePct: ctx.settings.policy.fineRatePct,
    lateInterestMonthlyPct: ctx.settings.policy.lateInterestMonthlyPct,
    pix,
    createdBy: n.createdBy,
  };
}

// ---- formal.register ---------------------------------------------------------------------------------------

/** formal.register: the owner says the record was made at a bureau, after the notice's deadline passed. */
export function registerRecord(ctx: Ctx, input: { customerId: string; bureau: string }): { id: string; registeredOn: string; amountCents: number } {
  const { customer, standing } = requireFormalPath(ctx, input.customerId, 'registrar');
  if (holds(ctx, ACTIVE_RECORD_SQL, customer.id)) {
    throw new ApiError('conflict', `${customer.name} já tem um registro no birô para esta dívida.`);
  }
  const notice = noticesFor(ctx, [{ customerId: customer.id, since: standing.oldestOverdueDue }]).get(customer.id);
  if (!notice) {
    throw new ApiError('conflict', `Antes do registro, ${customer.name} precisa receber a notificação por escrito com um prazo para pagar (CDC art. 43 §2). Gere a notificação primeiro.`, [
      { path: 'customerId', message: 'Sem notificação.' },
    ]);
  }
  if (!notice.expired) {
    throw new ApiError(
      'conflict',
      `O prazo da notificação enviada em ${formatDateBR(notice.sentOn)} vai até ${formatDateBR(notice.deadline)}. O registro no birô só pode ser feito depois desse dia.`,
      [{ path: 'customerId', message: 'Prazo da notificação ainda correndo.' }],
    );
  }
  const amountCents = overdueBreakdown(ctx, customer.id, ctx.today).totalCents;
  const id = ctx.newId();
  prepared(
    ctx,
    `INSERT INTO bureau_records (id, created_at, updated_at, device, customer_id, notice_id, bureau, registered_on, amount_cents, registered_by)
     VALUES (@id, @createdAt, @updatedAt, @device, @customerId, @noticeId, @bureau, @registeredOn, @amountCents, @registeredBy)`,
  ).run({ id, ...ctx.stamp(), customerId: customer.id, noticeId: notice.id, bureau: input.bureau, registeredOn: ctx.today, amountCents, registeredBy: ctx.actor?.id ?? null });
  return { id, registeredOn: ctx.today, amountCents };
}

// ---- the removal (STJ Súmula 548) --------------------------------------------------------------------------

/**
 * The registered debt: the parcelas already due on the day of the record, and — when an agreement replaced
 * some of them — that agreement's parcelas too (recursively, for an agreement renegotiated again). It is paid
 * off when none of them is open; the payoff day is the last of their own payoff days.
 */
const DEBT_SQL = `WITH RECURSIVE debt(id) AS (
    SELECT st.id FROM installment_standings st WHERE st.customer_id = @customer AND st.effective_due_date < @registeredOn
    UNION
    SELECT i2.id FROM debt d JOIN installments i ON i.id = d.id JOIN installments i2 ON i2.agreement_id = i.renegotiated_by
  )
  SELECT SUM(st.status IN ('open', 'overdue')) AS open, MAX(st.paid_off_on) AS paidOffOn FROM debt d JOIN installment_standings st ON st.id = d.id`;

/**
 * Called by the dispatcher after the standings of the touched customers are brought up to date, in the same
 * write transaction: a record whose debt is now fully paid gets `paid_off_on` and `removal_due`; one whose
 * payoff a reversal undid goes back to active (unless it was already removed).
 */
export function settleBureauRecords(ctx: Ctx, customerIds: string[]): void {
  if (!customerIds.length) return;
  const records = prepared(
    ctx,
    `SELECT id, customer_id AS customerId, registered_on AS registeredOn, paid_off_on AS paidOffOn FROM bureau_records
      WHERE removed_on IS NULL AND customer_id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(customerIds)) as { id: string; customerId: string; registeredOn: string; paidOffOn: string | null }[];
  const stamp = ctx.stamp();
  for (const r of records) {
    const debt = prepared(ctx, DEBT_SQL).get({ customer: r.customerId, registeredOn: r.registeredOn }) as { open: number | null; paidOffOn: string | null };
    const settled = (debt.open ?? 0) === 0;
    if (settled && !r.paidOffOn) {
      const paidOffOn = debt.paidOffOn && debt.paidOffOn <= ctx.today ? debt.paidOffOn : ctx.today;
      prepared(ctx, 'UPDATE bureau_records SET paid_off_on = ?, removal_due = ?, updated_at = ?, device = ? WHERE id = ?').run(
        paidOffOn,
        removalDueFor(paidOffOn, ctx.settings.store.state),
        stamp.updatedAt,
        stamp.device,
        r.id,
      );
    } else if (!settled && r.paidOffOn) {
      prepared(ctx, 'UPDATE bureau_records SET paid_off_on = NULL, removal_due = NULL, updated_at = ?, device = ? WHERE id = ?').run(stamp.updatedAt, stamp.device, r.id);
    }
  }
}

/** formal.removed: the owner asked the bureau to remove the record. */
export function markRemoved(ctx: Ctx, input: { recordId: string }): { id: string; removedOn: string } {
  const r = prepared(ctx, 'SELECT r.id, r.removed_on AS removedOn, c.name FROM bureau_records r JOIN customers c ON c.id = r.customer_id WHERE r.id = ?').get(input.recordId) as
    | { id: string; removedOn: string | null; name: string }
    | undefined;
  if (!r) throw new ApiError('not_found', 'Registro no birô não encontrado.', [{ path: 'recordId', message: 'Registro não encontrado.' }]);
  if (r.removedOn) throw new ApiError('conflict', `A baixa do registro de ${r.name} já foi feita em ${formatDateBR(r.removedOn)}.`);
  const stamp = ctx.stamp();
  prepared(ctx, 'UPDATE bureau_records SET removed_on = ?, removed_by = ?, updated_at = ?, device = ? WHERE id = ?').run(ctx.today, ctx.actor?.id ?? null, stamp.updatedAt, stamp.device, r.id);
  return { id: r.id, removedOn: ctx.today };
}

// ---- formal.list / formal.removals -------------------------------------------------------------------------

const RECORD_COLS = `r.id, r.customer_id AS customerId, c.name, c.cpf, r.bureau, r.registered_on AS registeredOn, r.amount_cents AS amountCents,
  ru.name AS registeredBy, r.paid_off_on AS paidOffOn, r.removal_due AS removalDue, r.removed_on AS removedOn, mu.name AS removedBy`;
const RECORD_FROM = `FROM bureau_records r JOIN customers c ON c.id = r.customer_id LEFT JOIN users ru ON ru.id = r.registered_by LEFT JOIN users mu ON mu.id = r.removed_by`;

function toRecord(ctx: Ctx, r: Omit<BureauRecordRow, 'status' | 'removalLate'>): BureauRecordRow {
  const status = r.removedOn ? 'removed' : r.paidOffOn ? 'removal' : 'active';
  return { ...r, status, removalLate: status === 'removal' && !!r.removalDue && r.removalDue < ctx.today };
}

/** formal.list: the bureau records; `removal` = paid off, removal pending (oldest deadline first). */
export function listRecords(ctx: Ctx, input: { status?: 'active' | 'removal' | 'removed' | 'all' }): { items: BureauRecordRow[] } {
  const status = input.status ?? 'all';
  const where = {
    all: '1',
    active: 'r.removed_on IS NULL AND r.paid_off_on IS NULL',
    removal: 'r.removed_on IS NULL AND r.paid_off_on IS NOT NULL',
    removed: 'r.removed_on IS NOT NULL',
  }[status];
  const rows = prepared(
    ctx,
    `SELECT ${RECORD_COLS} ${RECORD_FROM} WHERE ${where}
      ORDER BY (r.removed_on IS NULL AND r.paid_off_on IS NOT NULL) DESC, r.removal_due, r.removed_on IS NOT NULL, r.registered_on DESC, r.rowid DESC LIMIT 2000`,
  ).all() as Omit<BureauRecordRow, 'status' | 'removalLate'>[];
  return { items: rows.map((r) => toRecord(ctx, r)) };
}

/** formal.removals: the removals still to ask for, the task "Hoje" shows until it is done. */
export function pendingRemovals(ctx: Ctx): { items: BureauRecordRow[] } {
  return listRecords(ctx, { status: 'removal' });
}
