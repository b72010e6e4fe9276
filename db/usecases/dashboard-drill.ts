import type { Ctx } from '../context';
import type { DashboardDrillResult, DrillItem } from '../../shared/contract/dashboard';
import { ApiError } from '../../shared/contract/errors';
import { PROFILE_LABELS } from '../../shared/ui-format/profile';
import { addDays, formatDateBR, type IsoDate } from '../../shared/dates';
import { formatBRL } from '../../shared/money';
import { weekOf, weekEnd, boughtAgain } from '../projections/weekly';
import { localTimeFor } from '../projections/local-time';
import { preparedOn, storeCalendar } from './ledger-load';
import { AGING_LABELS, bucketOf } from './dashboard-aging';

// dashboard.drill (issue 8 item 1): the customers or payments behind a bar or a row of dashboard.weekly, by the
// same rules (db/projections/weekly.ts), so the list adds up to the bar. A weekly bar names its week
// (`weekStart`); the other charts name the period (`from`, `to`, read in whole weeks as the dashboard does) and a
// `key` (aging bucket, profile, user id). `total` counts every row; `items` holds the first `limit` (largest first).

export interface DrillInput {
  kind: string;
  weekStart?: string;
  key?: string;
  from?: string;
  to?: string;
  limit?: number;
}

const need = (path: string, message: string) => new ApiError('validation', message, [{ path, message }]);

type Row = DrillItem;

function range(ctx: Ctx, input: DrillInput): { first: IsoDate; last: IsoDate } {
  if (input.weekStart) return { first: weekOf(input.weekStart), last: weekEnd(weekOf(input.weekStart)) };
  const from = input.from ?? addDays(ctx.today, -83);
  const to = input.to ?? ctx.today;
  if (to < from) throw need('to', 'O fim do período (to) não pode ser antes do início (from).');
  return { first: weekOf(from), last: weekEnd(weekOf(to)) };
}

export function dashboardDrill(ctx: Ctx, input: DrillInput): DashboardDrillResult & { totalCents: number } {
  const q = ctx.store.sqlite;
  const limit = input.limit ?? 100;
  const { first, last } = range(ctx, input);
  const span = first === weekOf(last) ? `na semana de ${formatDateBR(first)}` : `de ${formatDateBR(first)} a ${formatDateBR(last)}`;
  let title: string;
  let rows: Row[];
  switch (input.kind) {
    case 'recovered': {
      title = `Pagamentos e estornos ${span}`;
      rows = [
        ...(preparedOn(q,
          `SELECT p.customer_id AS customerId, c.name, 'Pagamento, recibo ' || p.receipt_number AS detail, p.date, p.amount_cents AS amountCents
             FROM payments p JOIN customers c ON c.id = p.customer_id WHERE p.date >= ? AND p.date <= ?`).all(first, last) as Row[]),
        ...(preparedOn(q,
          `SELECT p.customer_id AS customerId, c.name, 'Estorno do recibo ' || p.receipt_number AS detail, r.date, -p.amount_cents AS amountCents
             FROM reversals r JOIN payments p ON p.id = r.payment_id JOIN customers c ON c.id = p.customer_id WHERE r.date >= ? AND r.date <= ?`).all(first, last) as Row[]),
      ];
      break;
    }
    case 'new_credit':
      title = `Vendas no crediário ${span}`;
      rows = preparedOn(q,
        `SELECT s.customer_id AS customerId, c.name, 'Venda ' || s.number || ': ' || s.description AS detail, s.date, s.financed_cents AS amountCents
           FROM sales s JOIN customers c ON c.id = s.customer_id WHERE s.date >= ? AND s.date <= ?`).all(first, last) as Row[];
      break;
    case 'agreements':
      title = `Acordos ${span}`;
      rows = (preparedOn(q,
        `SELECT a.customer_id AS customerId, c.name, a.number, a.discount_cents AS discountCents, a.approved_by AS approvedBy, a.date,
                a.principal_cents + a.charges_cents - a.discount_cents AS amountCents
           FROM agreements a JOIN customers c ON c.id = a.customer_id WHERE a.date >= ? AND a.date <= ?`).all(first, last) as (Row & { number: string; discountCents: number; approvedBy: string | null })[]).map(
        ({ number, discountCents, approvedBy, ...r }) => ({
          ...r,
          detail: `Acordo ${number}${discountCents ? `, desconto de ${formatBRL(discountCents)}` : ''}${approvedBy ? ' (aprovado pelo dono, além das margens)' : ''}`,
        }),
      );
      break;
    case 'promises_made':
    case 'promises_kept':
      ({ title, rows } = promises(ctx, input.kind, first, last, span));
      break;
    case 'overdue':
      ({ title, rows } = overdue(ctx, first, last));
      break;
    case 'aging': {
      const key = input.key;
      if (!key || !(key in AGING_LABELS)) throw need('key', 'Informe a faixa de atraso (key): a_vencer, d1_30, d31_60, d61_90 ou d90_mais.');
      title = `Em aberto: ${AGING_LABELS[key as keyof typeof AGING_LABELS]} (hoje)`;
      const all = preparedOn(q,
        `SELECT s.id AS customerId, c.name, s.open_principal_cents AS openCents, s.overdue_principal_cents AS overdueCents, s.oldest_overdue_due AS oldest
           FROM customer_standings s JOIN customers c ON c.id = s.id WHERE s.open_principal_cents > 0`).all() as { customerId: string; name: string; openCents: number; overdueCents: number; oldest: string | null }[];
      rows = [];
      for (const r of all) {
        if (key === 'a_vencer' && r.openCents > r.overdueCents) rows.push({ customerId: r.customerId, name: r.name, detail: 'A vencer', date: null, amountCents: r.openCents - r.overdueCents });
        else if (key !== 'a_vencer' && r.overdueCents > 0 && r.oldest && bucketOf(daysLate(ctx.today, r.oldest)) === key)
          rows.push({ customerId: r.customerId, name: r.name, detail: `Em atraso desde ${formatDateBR(r.oldest)}`, date: r.oldest, amountCents: r.overdueCents });
      }
      break;
    }
    case 'profile': {
      const key = input.key;
      if (!key || !(key in PROFILE_LABELS)) throw need('key', 'Informe o perfil (key), por exemplo em_dia ou mau_pagador.');
      title = `Perfil ${PROFILE_LABELS[key as keyof typeof PROFILE_LABELS]} (hoje)`;
      rows = preparedOn(q,
        `SELECT s.id AS customerId, c.name, CASE WHEN s.overdue_principal_cents > 0 THEN 'Em atraso' WHEN s.open_principal_cents > 0 THEN 'Em dia' ELSE 'Nada em aberto' END AS detail,
                s.oldest_overdue_due AS date, s.open_principal_cents AS amountCents
           FROM customer_standings s JOIN customers c ON c.id = s.id WHERE s.profile = ?`).all(key) as Row[];
      break;
    }
    case 'clerk': {
      if (!input.key) throw need('key', 'Informe o usuário (key).');
      const user = preparedOn(q, 'SELECT name FROM users WHERE id = ?').get(input.key) as { name: string } | undefined;
      if (!user) throw new ApiError('not_found', 'Usuário não encontrado.', [{ path: 'key', message: 'Usuário não encontrado.' }]);
      title = `Recebido por ${user.name} ${span}`;
      rows = preparedOn(q,
        `SELECT p.customer_id AS customerId, c.name,
                'Recibo ' || p.receipt_number || CASE WHEN r.id IS NOT NULL THEN ' (estornado em ' || strftime('%d/%m/%Y', r.date) || ')' ELSE '' END AS detail,
                p.date, CASE WHEN r.id IS NOT NULL AND r.date <= @last THEN 0 ELSE p.amount_cents END AS amountCents
           FROM payments p JOIN customers c ON c.id = p.customer_id LEFT JOIN reversals r ON r.payment_id = p.id
          WHERE p.created_by = @user AND p.date >= @first AND p.date <= @last`).all({ user: input.key, first, last }) as Row[];
      break;
    }
    case 'paid_off_bought_again':
      // the rule of the bar (weekly.ts boughtAgain), sale by sale
      title = `Quitaram e voltaram a comprar ${span}`;
      rows = (preparedOn(q,
        `SELECT s.id, s.customer_id AS customerId, c.name, 'Nova compra: venda ' || s.number || ' (' || s.description || ')' AS detail, s.date, s.financed_cents AS amountCents
           FROM sales s JOIN customers c ON c.id = s.customer_id
          WHERE s.date >= ? AND s.date <= ? AND EXISTS (SELECT 1 FROM sales e WHERE e.customer_id = s.customer_id AND e.date < s.date)`).all(first, last) as (Row & { id: string })[])
        .filter((r) => boughtAgain(q, r.id))
        .map(({ id: _id, ...r }) => r);
      break;
    default:
      throw need('kind', 'Tipo de detalhe inválido.');
  }
  rows.sort((a, b) => Math.abs(b.amountCents) - Math.abs(a.amountCents) || a.name.localeCompare(b.name, 'pt-BR'));
  return { title, items: rows.slice(0, limit), total: rows.length, totalCents: rows.reduce((s, r) => s + r.amountCents, 0) };
}

const daysLate = (today: IsoDate, due: IsoDate) => Math.round((Date.parse(today) - Date.parse(due)) / 86_400_000);

function promises(ctx: Ctx, kind: 'promises_made' | 'promises_kept', first: IsoDate, last: IsoDate, span: string): { title: string; rows: Row[] } {
  const q = ctx.store.sqlite;
  const local = localTimeFor(ctx.settings.store.timeZone);
  const tol = ctx.settings.policy.promiseToleranceDays;
  const share = ctx.settings.policy.promiseKeptSharePct;
  const paid = preparedOn(q,
    `SELECT IFNULL(SUM(p.amount_cents), 0) AS s FROM payments p WHERE p.customer_id = ? AND p.date >= ? AND p.date <= ? AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)`,
  );
  const list = (kind === 'promises_made'
    ? preparedOn(q, `SELECT x.customer_id AS customerId, c.name, x.created_at AS createdAt, x.date, x.amount_cents AS amountCents FROM promises x JOIN customers c ON c.id = x.customer_id
                      WHERE x.created_at >= ? AND x.created_at < ?`).all(addDays(first, -1), addDays(last, 2))
    : preparedOn(q, `SELECT x.customer_id AS customerId, c.name, x.created_at AS createdAt, x.date, x.amount_cents AS amountCents FROM promises x JOIN customers c ON c.id = x.customer_id
                      WHERE x.date >= ? AND x.date <= ?`).all(first, last)) as { customerId: string; name: string; createdAt: string; date: string; amountCents: number }[];
  const rows: Row[] = [];
  for (const p of list) {
    const madeOn = local(p.createdAt).day;
    if (kind === 'promises_made') {
      if (madeOn >= first && madeOn <= last) rows.push({ customerId: p.customerId, name: p.name, detail: `Promessa para ${formatDateBR(p.date)}`, date: madeOn, amountCents: p.amountCents });
      continue;
    }
    const got = (paid.get(p.customerId, madeOn, addDays(p.date, tol)) as { s: number }).s;
    if (got * 100 >= p.amountCents * share) rows.push({ customerId: p.customerId, name: p.name, detail: `Promessa cumprida (pagou ${formatBRL(got)})`, date: p.date, amountCents: p.amountCents });
  }
  return { title: kind === 'promises_made' ? `Promessas feitas ${span}` : `Promessas cumpridas ${span}`, rows };
}

/**
 * Who was late at the end of the week: the standings for the running week, the raw rows for a past one (the
 * weekly.ts rule: effective due on or before Sunday, principal not paid by Sunday).
 */
function overdue(ctx: Ctx, first: IsoDate, last: IsoDate): { title: string; rows: Row[] } {
  const q = ctx.store.sqlite;
  if (last >= ctx.today) {
    return {
      title: 'Em atraso hoje',
      rows: preparedOn(q,
        `SELECT s.id AS customerId, c.name, 'Em atraso desde ' || strftime('%d/%m/%Y', s.oldest_overdue_due) AS detail, s.oldest_overdue_due AS date, s.overdue_principal_cents AS amountCents
           FROM customer_standings s JOIN customers c ON c.id = s.id WHERE s.overdue_principal_cents > 0`).all() as Row[],
    };
  }
  const cal = storeCalendar(ctx.settings);
  const parcelas = preparedOn(q,
    `SELECT i.customer_id AS customerId, c.name, i.due_date AS dueDate,
            i.amount_cents - IFNULL((SELECT SUM(al.principal_cents + al.discount_cents) FROM allocations al JOIN payments p ON p.id = al.payment_id
                                      WHERE al.installment_id = i.id AND p.date <= @day AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id AND r.date <= @day)), 0) AS openCents
       FROM installments i JOIN customers c ON c.id = i.customer_id LEFT JOIN sales s ON s.id = i.sale_id LEFT JOIN agreements a ON a.id = i.agreement_id
       LEFT JOIN agreements ag ON ag.id = i.renegotiated_by
      WHERE i.due_date <= @day AND COALESCE(s.date, a.date) <= @day AND (ag.date IS NULL OR ag.date > @day)`,
  ).all({ day: last }) as { customerId: string; name: string; dueDate: string; openCents: number }[];
  const by = new Map<string, Row>();
  for (const p of parcelas) {
    const due = cal.nextOpenDay(p.dueDate);
    if (p.openCents <= 0 || due > last) continue;
    const r = by.get(p.customerId) ?? { customerId: p.customerId, name: p.name, detail: '', date: due, amountCents: 0 };
    r.amountCents += p.openCents;
    if (due < r.date!) r.date = due;
    r.detail = `Em atraso desde ${formatDateBR(r.date!)}`;
    by.set(p.customerId, r);
  }
  return { title: `Em atraso no fim da semana de ${formatDateBR(first)}`, rows: [...by.values()] };
}
