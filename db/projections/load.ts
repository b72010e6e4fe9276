import type Database from 'better-sqlite3';
import type { IsoDate } from '../../shared/dates';
import type { Settings } from '../../shared/contract/settings';
import type { LedgerInstallment } from '../../shared/ledger/quote';
import { storeCalendar } from '../usecases/ledger-load';
import { localTimeFor } from './local-time';
import type { CustomerFacts } from './derive';

// customer, id, number, due date, amount, sale rate, multa %, juros %, document id, renegotiated by
type InstallmentRow = [string, string, number, string, number, number, number, number, string | null, string | null];
// customer, payment id, date, payment amount, installment id, principal, multa, juros, discount
type AllocationRow = [string, string, string, number, string, number, number, number, number, number, number];
// customer, at, channel, outcome, inbound, callback at
type ContactRow = [string, string, string, string, number, string | null];
// customer, id, created at, date, amount
type PromiseRow = [string, string, string, string, number];

// Raw rows (arrays) cost about half of row objects at two million parcelas; one statement per connection.
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();
function raw(sqlite: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let st = cache.get(sql);
  if (!st) cache.set(sql, (st = sqlite.prepare(sql).raw(true)));
  return st;
}

const IN_BATCH = 'IN (SELECT value FROM json_each(@ids))';

/**
 * Everything the standings derive from, for a batch of customers, as of a day: the ledgers, the non-reversed
 * payments, the promises, the contacts and the open disputes — six queries per batch. The ledger must be the
 * one loadLedgers gives (usecases/ledger-load.ts): same parcelas, same order, same allocations (check.ts and
 * the property test compare the results with the use cases' own statements).
 */
export function loadFacts(sqlite: Database.Database, settings: Settings, customerIds: string[], asOf: IsoDate): Map<string, CustomerFacts> {
  const ids = JSON.stringify(customerIds);
  const out = new Map<string, CustomerFacts>(customerIds.map((id) => [id, { ledger: [], payments: [], promises: [], contacts: [], openDisputes: 0 }]));
  const local = localTimeFor(settings.store.timeZone);
  const cal = storeCalendar(settings);

  // Documents' dates once per document (loadLedgers joins the sale for every parcela, for its carnê number).
  const docDates = new Map<string, string>();
  for (const [id, date] of raw(sqlite, `SELECT id, date FROM sales WHERE customer_id ${IN_BATCH} UNION ALL SELECT id, date FROM agreements WHERE customer_id ${IN_BATCH}`).all({ ids }) as [string, string][])
    docDates.set(id, date);

  const byId = new Map<string, LedgerInstallment>();
  const installments = raw(sqlite,
    `SELECT customer_id, id, number, due_date, amount_cents, monthly_rate_pct, fine_rate_pct, late_interest_monthly_pct, COALESCE(sale_id, agreement_id), renegotiated_by
       FROM installments WHERE customer_id ${IN_BATCH} ORDER BY customer_id, due_date, number`).all({ ids }) as InstallmentRow[];
  for (const [c, id, number, dueDate, amountCents, monthlyRatePct, fineRatePct, lateInterestMonthlyPct, docId, renegotiatedBy] of installments) {
    const docDate = docId ? docDates.get(docId) : undefined;
    if (!docDate || docDate > asOf) continue; // made after the day judged
    const renegotiatedOn = renegotiatedBy ? docDates.get(renegotiatedBy) : undefined;
    const i: LedgerInstallment = {
      id,
      number,
      dueDate,
      effectiveDueDate: cal.nextOpenDay(dueDate),
      amountCents,
      monthlyRatePct,
      renegotiated: !!renegotiatedOn && renegotiatedOn <= asOf,
      policy: { fineRatePct, lateInterestMonthlyPct },
      history: [],
    };
    byId.set(id, i);
    out.get(c)!.ledger.push(i);
  }

  // Payments once: their allocations feed the ledger, their amounts the promises. A reversal counts from its date.
  const allocations = raw(sqlite,
    `SELECT p.customer_id, p.id, p.date, p.amount_cents, al.installment_id, al.principal_cents, al.fine_cents, al.interest_cents, al.discount_cents, al.fine_waived_cents, al.interest_waived_cents
       FROM payments p JOIN allocations al ON al.payment_id = p.id
      WHERE p.customer_id ${IN_BATCH} AND p.date <= @asOf AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id AND r.date <= @asOf)
      ORDER BY p.customer_id, p.date, p.created_at, p.rowid`).all({ ids, asOf }) as AllocationRow[];
  let lastPaymentId = '';
  for (const [c, paymentId, date, amountCents, installmentId, principalCents, fineCents, interestCents, discountCents, fineWaivedCents, interestWaivedCents] of allocations) {
    if (paymentId !== lastPaymentId) out.get(c)!.payments.push({ date, amountCents });
    lastPaymentId = paymentId;
    byId.get(installmentId)?.history.push({ date, principalCents, fineCents, interestCents, discountCents, fineWaivedCents, interestWaivedCents });
  }

  for (const [c, id, createdAt, date, amountCents] of raw(sqlite, `SELECT customer_id, id, created_at, date, amount_cents FROM promises WHERE customer_id ${IN_BATCH} ORDER BY created_at, rowid`).all({ ids }) as PromiseRow[]) {
    const madeOn = local(createdAt).day;
    if (madeOn <= asOf) out.get(c)!.promises.push({ id, madeOn, date, amountCents });
  }

  for (const [c, at, channel, outcome, inbound, callbackAt] of raw(sqlite, `SELECT customer_id, at, channel, outcome, inbound, callback_at FROM contacts WHERE customer_id ${IN_BATCH} ORDER BY customer_id, at, rowid`).all({ ids }) as ContactRow[]) {
    const { day, hour } = local(at);
    out.get(c)!.contacts.push({ at, day, hour, channel, outcome, inbound: !!inbound, callbackAt });
  }

  for (const [c, n] of raw(sqlite, `SELECT customer_id, COUNT(*) FROM disputes WHERE customer_id ${IN_BATCH} AND resolved_at IS NULL GROUP BY customer_id`).all({ ids }) as [string, number][])
    out.get(c)!.openDisputes = n;

  return out;
}
