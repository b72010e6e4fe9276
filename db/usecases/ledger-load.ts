import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import type { LedgerInstallment } from '../../shared/ledger/quote';
import type { ChargePolicy } from '../../shared/ledger/charges';
import { makeCalendar, type Calendar } from '../../shared/calendar';
import type { Settings } from '../../shared/contract/settings';
import { ApiError } from '../../shared/contract/errors';

export interface LoadedInstallment extends LedgerInstallment {
  saleId: string | null;
  agreementId: string | null;
  count: number;
  /** the sale's (or agreement's) human number and description, for screens and receipts */
  docNumber: string;
  description: string;
  docDate: string;
}

const calendars = new Map<string, Calendar>();
/** Closed days per the store's settings (Sundays and national holidays by default, plus state holidays). */
export function storeCalendar(settings: Settings): Calendar {
  const key = `${settings.policy.closedWeekdays.join(',')}|${settings.store.state}`;
  let cal = calendars.get(key);
  if (!cal) calendars.set(key, (cal = makeCalendar({ closedWeekdays: settings.policy.closedWeekdays, state: settings.store.state })));
  return cal;
}

export const chargePolicy = (settings: Settings): ChargePolicy => ({
  fineRatePct: settings.policy.fineRatePct,
  lateInterestMonthlyPct: settings.policy.lateInterestMonthlyPct,
});

/** The charges a new parcela carries for life (its contract terms). */
export const contractCharges = (ctx: Ctx) => ({
  fineRatePct: ctx.settings.policy.fineRatePct,
  lateInterestMonthlyPct: ctx.settings.policy.lateInterestMonthlyPct,
});

export function requireCustomerId(ctx: Ctx, customerId: string): { id: string; name: string; cpf: string } {
  const row = ctx.store.sqlite.prepare('SELECT id, name, cpf FROM customers WHERE id = ? AND deleted_at IS NULL').get(customerId) as
    | { id: string; name: string; cpf: string }
    | undefined;
  if (!row) throw new ApiError('not_found', 'Cliente não encontrado.', [{ path: 'customerId', message: 'Cliente não encontrado.' }]);
  return row;
}

/**
 * A customer's installments with their non-reversed allocations, as of a date: sales made after `asOf` and
 * payments dated after it are left out, and a reversal counts only from the day it was made.
 */
export function loadLedger(ctx: Ctx, customerId: string, asOf: string = ctx.today): LoadedInstallment[] {
  return loadLedgers(ctx, [customerId], asOf).get(customerId) ?? [];
}

type InstallmentRow = Omit<LoadedInstallment, 'history' | 'effectiveDueDate' | 'renegotiated' | 'policy'> & {
  customerId: string;
  renegotiatedBy: string | null;
  fineRatePct: number;
  lateInterestMonthlyPct: number;
};

/** Several customers' ledgers in two queries (a page of search results, a call list). */
export function loadLedgers(ctx: Ctx, customerIds: string[], asOf: string = ctx.today): Map<string, LoadedInstallment[]> {
  return loadLedgersFrom(ctx.store.sqlite, ctx.settings, customerIds, asOf);
}

/** loadLedgers for code that has a connection and the settings but no call context (projection rebuilds). */
export function loadLedgersFrom(sqlite: Database.Database, settings: Settings, customerIds: string[], asOf: string): Map<string, LoadedInstallment[]> {
  const cal = storeCalendar(settings);
  const ids = JSON.stringify(customerIds);
  const rows = preparedOn(sqlite,
      `SELECT i.customer_id AS customerId, i.id, i.number, i.count, i.due_date AS dueDate, i.amount_cents AS amountCents, i.monthly_rate_pct AS monthlyRatePct, i.fine_rate_pct AS fineRatePct, i.late_interest_monthly_pct AS lateInterestMonthlyPct,
              i.sale_id AS saleId, i.agreement_id AS agreementId,
              CASE WHEN ag.date <= @asOf THEN i.renegotiated_by END AS renegotiatedBy,
              COALESCE(s.number, a.number) AS docNumber, COALESCE(s.description, 'Acordo') AS description, COALESCE(s.date, a.date) AS docDate
         FROM installments i
         LEFT JOIN sales s ON s.id = i.sale_id
         LEFT JOIN agreements a ON a.id = i.agreement_id
         LEFT JOIN agreements ag ON ag.id = i.renegotiated_by
        WHERE i.customer_id IN (SELECT value FROM json_each(@ids)) AND COALESCE(s.date, a.date) <= @asOf
        ORDER BY i.due_date, i.number`,
    )
    .all({ ids, asOf }) as InstallmentRow[];
  const allocs = preparedOn(sqlite,
      `SELECT al.installment_id AS installmentId, p.date, al.principal_cents AS principalCents, al.fine_cents AS fineCents,
              al.interest_cents AS interestCents, al.discount_cents AS discountCents,
              al.fine_waived_cents AS fineWaivedCents, al.interest_waived_cents AS interestWaivedCents
         FROM allocations al JOIN payments p ON p.id = al.payment_id
        WHERE p.customer_id IN (SELECT value FROM json_each(@ids)) AND p.date <= @asOf
          AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id AND r.date <= @asOf)
        ORDER BY p.date, p.created_at, p.rowid`,
    )
    .all({ ids, asOf }) as ({ installmentId: string } & LedgerInstallment['history'][number])[];
  const byInstallment = new Map<string, LedgerInstallment['history']>();
  for (const { installmentId, ...a } of allocs) {
    const list = byInstallment.get(installmentId) ?? [];
    list.push(a);
    byInstallment.set(installmentId, list);
  }
  const out = new Map<string, LoadedInstallment[]>(customerIds.map((id) => [id, []]));
  for (const { customerId, renegotiatedBy, fineRatePct, lateInterestMonthlyPct, ...r } of rows) {
    out.get(customerId)!.push({
      ...r,
      policy: { fineRatePct, lateInterestMonthlyPct },
      effectiveDueDate: cal.nextOpenDay(r.dueDate),
      renegotiated: !!renegotiatedBy,
      history: byInstallment.get(r.id) ?? [],
    });
  }
  return out;
}

const statementCache = new WeakMap<object, Map<string, Database.Statement>>();
/** Compiling SQL costs more than running these small queries; keep each statement per connection. */
export function prepared(ctx: Ctx, sql: string): Database.Statement {
  return preparedOn(ctx.store.sqlite, sql);
}

export function preparedOn(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statementCache.get(sqlite);
  if (!cache) statementCache.set(sqlite, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = sqlite.prepare(sql)));
  return st;
}
