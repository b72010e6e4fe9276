import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import type { Settings } from '../../shared/contract/settings';
import { CONVERSATION_OUTCOMES } from '../../shared/contract/collection';
import { addDays, dayNumber, fromDayNumber, type IsoDate } from '../../shared/dates';
import { storeCalendar, preparedOn } from '../usecases/ledger-load';
import { localTimeFor } from './local-time';

// The owner's weekly figures (issue 8 item 1, table weekly_facts): one integer per (metric, dim, week), written
// as deltas in the same transaction as the write that changes them, so dashboard.weekly reads three years of
// weeks instead of recomputing them. `rebuildWeeklyFacts` computes the whole table from the raw rows (demo
// builder, a store that predates the table, settings that change a convention); `npx emdia check` compares.
//
// Conventions (DOMAIN.md):
// - A week runs Monday to Sunday in the store's calendar; `week_start` is its Monday. Timestamps (contacts.at,
//   created_at) count on their store-time day (settings.store.timeZone).
// - Flows count in the week of their date: a payment on payments.date, a reversal on reversals.date (recovered =
//   payments − reversals, each in its own week), a sale's financed amount on sales.date, an agreement on
//   agreements.date, a contact on its `at`, a promise as made on its creation day and as due on its date.
// - Balances are principal only (multa and juros are not credit given) and are stored as changes per week,
//   summed up to each week when read. An allocation settles its principal plus its early-payment discount (CDC
//   art. 52 §2: the parcela is paid off for less; that discount is the customer's right, not a discount granted). "Open at the end of week W" = principal of parcelas whose document (sale or
//   agreement) is dated ≤ Sunday W, not renegotiated by an agreement dated ≤ Sunday W, minus allocations of
//   payments dated ≤ Sunday W not reversed by then. "Overdue at the end of W" = the same over parcelas whose
//   EFFECTIVE due date (closed days skipped, ledger-load.ts storeCalendar) is ≤ Sunday W — i.e. overdue as the
//   next week opens, the standings' "today > effective due" (standings.md) evaluated on the Monday after. No grace
//   days here: grace decides when to call, not whether money is late.
//   So a parcela adds its amount to `open` at week(document date) and to `overdue` at week(effective due); an
//   allocation of principal p on date d subtracts p from `open` at week(d) and from `overdue` at
//   week(max(d, due)); a reversal on date r adds p back at week(r) / week(max(r, due)). An agreement dated a
//   takes a replaced parcela out from week(a): each of its changes dated before week(a) is cancelled at week(a),
//   each change at or after week(a) never counts (the agreement's own parcelas add theirs).
// - Promises (shared/collection/promises.ts, settings.policy): kept when the customer's payments from the day
//   it was made to its date + tolerance, not reversed (now), reach the share of its amount. `promises_kept`
//   counts in the week of the promise's date, so a payment or a reversal moves it there.
// - Discounts granted: an agreement's discount on its date; charges waived at the counter (allocations
//   fine/interest_waived) on the payment's date, taken back on the reversal's date.
// - Per-clerk figures repeat the store's with dim = the user id (payments by who received them, reversals by who
//   had received the payment, contacts by who made them, promises and agreements by who recorded them).
// Settings that move these conventions (calendar, time zone, promise rules) rebuild the table.

export const WEEKLY = {
  payments: 'payments',
  reversed: 'reversed',
  newCredit: 'new_credit',
  discountAgreements: 'discount_agreements',
  discountWaived: 'discount_waived',
  agreements: 'agreements',
  agreementsBeyond: 'agreements_beyond',
  attempts: 'attempts',
  answered: 'answered',
  conversations: 'conversations',
  promisesMade: 'promises_made',
  promisesDue: 'promises_due',
  promisesKept: 'promises_kept',
  feedbackCount: 'feedback_count',
  feedbackSum: 'feedback_sum',
  openDelta: 'open_delta',
  overdueDelta: 'overdue_delta',
  /** what works: cases (dim `objection:<id>` for a contact where it was heard, `step:<id>` for a régua reminder) */
  cases: 'ww_cases',
  /** …and those after which the customer paid (not reversed) within WORKED_DAYS, in the case's week */
  worked: 'ww_worked',
  /** sales to a customer who had bought before and had paid everything off by the sale's date (loyalty) */
  boughtAgain: 'bought_again',
} as const;

/** "Ended in a payment within 7 days" (dashboard.weekly whatWorks). */
export const WORKED_DAYS = 7;

const CONVERSATIONS = new Set<string>(CONVERSATION_OUTCOMES);

const weekCache = new Map<string, IsoDate>();
/** The Monday of the date's week. */
export function weekOf(date: IsoDate): IsoDate {
  let w = weekCache.get(date);
  if (w === undefined) {
    const n = dayNumber(date);
    // 1970-01-01 was a Thursday: (n + 3) mod 7 is 0 on Mondays
    w = fromDayNumber(n - (((n + 3) % 7) + 7) % 7);
    if (weekCache.size > 50_000) weekCache.clear();
    weekCache.set(date, w);
  }
  return w;
}
export const weekEnd = (weekStart: IsoDate): IsoDate => addDays(weekStart, 6);

/** Deltas collected in memory and written once (one upsert per key). */
export class WeeklyDeltas {
  readonly values = new Map<string, number>();
  add(metric: string, dim: string, week: IsoDate, value: number): void {
    if (!value) return;
    const key = `${metric}\u0001${dim}\u0001${week}`;
    this.values.set(key, (this.values.get(key) ?? 0) + value);
  }
  /** the store's figure and the person's */
  addFor(metric: string, userId: string | null | undefined, week: IsoDate, value: number): void {
    this.add(metric, '', week, value);
    if (userId) this.add(metric, userId, week, value);
  }
  *rows(): Generator<{ metric: string; dim: string; weekStart: string; value: number }> {
    for (const [key, value] of this.values) {
      if (!value) continue;
      const [metric, dim, weekStart] = key.split('\u0001');
      yield { metric, dim, weekStart, value };
    }
  }
}

function flush(sqlite: Database.Database, d: WeeklyDeltas): void {
  const up = preparedOn(sqlite,
    `INSERT INTO weekly_facts (week_start, metric, dim, value) VALUES (@weekStart, @metric, @dim, @value)
     ON CONFLICT (metric, dim, week_start) DO UPDATE SET value = value + excluded.value`);
  const zero = preparedOn(sqlite, 'DELETE FROM weekly_facts WHERE metric = @metric AND dim = @dim AND week_start = @weekStart AND value = 0');
  for (const r of d.rows()) {
    up.run(r);
    zero.run(r);
  }
}

// --- Balances ------------------------------------------------------------------------------------------------

/** What a parcela's balance changes depend on: weeks of its document, its effective due date, its renegotiation. */
interface ParcelaWeeks {
  docWeek: IsoDate;
  dueWeek: IsoDate;
  /** week of the agreement that replaced it, null while it stands */
  cutWeek: IsoDate | null;
}

type Emit = (metric: string, week: IsoDate, cents: number) => void;
const later = (a: IsoDate, b: IsoDate) => (a >= b ? a : b);

/** Emits a change through the renegotiation cut: a change before the cut is undone at the cut; after it, none. */
function throughCut(p: ParcelaWeeks, emit: Emit): Emit {
  return (metric, week, cents) => {
    if (p.cutWeek === null) emit(metric, week, cents);
    else if (week < p.cutWeek) {
      emit(metric, week, cents);
      emit(metric, p.cutWeek, -cents);
    }
  };
}

const parcelaAdds = (p: ParcelaWeeks, amountCents: number, emit: Emit) => {
  emit(WEEKLY.openDelta, p.docWeek, amountCents);
  emit(WEEKLY.overdueDelta, p.dueWeek, amountCents);
};
const allocationAdds = (p: ParcelaWeeks, date: IsoDate, principalCents: number, emit: Emit) => {
  const w = weekOf(date);
  emit(WEEKLY.openDelta, w, -principalCents);
  emit(WEEKLY.overdueDelta, later(w, p.dueWeek), -principalCents);
};
const reversalAdds = (p: ParcelaWeeks, date: IsoDate, principalCents: number, emit: Emit) => allocationAdds(p, date, -principalCents, emit);

/** The conventions' inputs that come from settings: the calendar, the time zone, the promise rules. */
interface Conventions {
  dueWeek(dueDate: IsoDate): IsoDate;
  localDay(iso: string): IsoDate;
  keptSharePct: number;
  toleranceDays: number;
}
function conventions(settings: Settings): Conventions {
  const cal = storeCalendar(settings);
  const local = localTimeFor(settings.store.timeZone);
  const cache = new Map<string, IsoDate>();
  return {
    dueWeek: (due) => {
      let w = cache.get(due);
      if (w === undefined) cache.set(due, (w = weekOf(cal.nextOpenDay(due))));
      return w;
    },
    localDay: (iso) => local(iso).day,
    keptSharePct: settings.policy.promiseKeptSharePct,
    toleranceDays: settings.policy.promiseToleranceDays,
  };
}

/** Settings whose change moves a convention above: the table is rebuilt. */
export function settingsAffectWeekly(before: Settings, after: Settings): boolean {
  const pick = (s: Settings) => JSON.stringify([s.policy.closedWeekdays, s.store.state, s.store.timeZone, s.policy.promiseKeptSharePct, s.policy.promiseToleranceDays]);
  return pick(before) !== pick(after);
}

const PARCELA_SQL = `SELECT i.id, i.due_date AS dueDate, i.amount_cents AS amountCents, COALESCE(s.date, a.date) AS docDate, ag.date AS cutDate
   FROM installments i LEFT JOIN sales s ON s.id = i.sale_id LEFT JOIN agreements a ON a.id = i.agreement_id LEFT JOIN agreements ag ON ag.id = i.renegotiated_by`;
type ParcelaRow = { id: string; dueDate: string; amountCents: number; docDate: string; cutDate: string | null };
const weeksOf = (c: Conventions, r: ParcelaRow): ParcelaWeeks => ({ docWeek: weekOf(r.docDate), dueWeek: c.dueWeek(r.dueDate), cutWeek: r.cutDate ? weekOf(r.cutDate) : null });

// --- Promises ------------------------------------------------------------------------------------------------

type PromiseRow = { id: string; customerId: string; createdAt: string; date: string; amountCents: number; createdBy: string | null };
const reaches = (paid: number, amount: number, sharePct: number) => paid * 100 >= amount * sharePct;

/** Non-reversed payments of the customer dated in [from, to], leaving some payments out. */
function paidBetween(sqlite: Database.Database, customerId: string, from: IsoDate, to: IsoDate, except: string[] = []): number {
  return (preparedOn(sqlite,
    `SELECT IFNULL(SUM(p.amount_cents), 0) AS s FROM payments p
      WHERE p.customer_id = ? AND p.date >= ? AND p.date <= ? AND p.id NOT IN (SELECT value FROM json_each(?))
        AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)`,
  ).get(customerId, from, to, JSON.stringify(except)) as { s: number }).s;
}

/** Payments just added (sign +1) or just reversed (−1), of one customer. */
interface Moved {
  customerId: string;
  sign: 1 | -1;
  payments: { id: string; date: IsoDate; amountCents: number }[];
  /** sales written by the same call, already judged as they are */
  newSales?: Set<string>;
}

/**
 * The customer's promises and what-works cases whose window holds one of the moved payments, judged with and
 * without them (all at once: an import brings several): the kept promises and the cases that "worked" that changed.
 */
function judgeAgain(sqlite: Database.Database, c: Conventions, d: WeeklyDeltas, m: Moved): void {
  if (!m.payments.length) return;
  const ids = m.payments.map((p) => p.id);
  const first = m.payments.reduce((x, p) => (p.date < x ? p.date : x), m.payments[0].date);
  const last = m.payments.reduce((x, p) => (p.date > x ? p.date : x), m.payments[0].date);
  const movedIn = (from: IsoDate, to: IsoDate) => m.payments.filter((p) => p.date >= from && p.date <= to).reduce((s, p) => s + p.amountCents, 0);
  const near = preparedOn(sqlite,
    'SELECT id, customer_id AS customerId, created_at AS createdAt, date, amount_cents AS amountCents, created_by AS createdBy FROM promises WHERE customer_id = ? AND date >= ?',
  ).all(m.customerId, addDays(first, -c.toleranceDays)) as PromiseRow[];
  for (const p of near) {
    const madeOn = c.localDay(p.createdAt);
    const deadline = addDays(p.date, c.toleranceDays);
    const inside = movedIn(madeOn, deadline);
    if (!inside) continue;
    const others = paidBetween(sqlite, m.customerId, madeOn, deadline, ids);
    const withThem = reaches(others + inside, p.amountCents, c.keptSharePct);
    const without = reaches(others, p.amountCents, c.keptSharePct);
    if (withThem !== without) d.addFor(WEEKLY.promisesKept, p.createdBy, weekOf(p.date), (withThem ? 1 : -1) * m.sign);
  }
  for (const k of casesOf(sqlite, c, m.customerId, addDays(first, -WORKED_DAYS), last)) {
    const end = addDays(k.day, WORKED_DAYS);
    if (!movedIn(k.day, end)) continue;
    if (paidBetween(sqlite, m.customerId, k.day, end, ids) > 0) continue; // worked anyway
    for (const dim of k.dims) d.add(WEEKLY.worked, dim, weekOf(k.day), m.sign);
  }
  salesAgain(sqlite, d, m.customerId, first, m.sign > 0 ? { exclude: ids } : { include: ids }, m.newSales);
}

function promiseAdds(sqlite: Database.Database, c: Conventions, d: WeeklyDeltas, p: PromiseRow): void {
  const madeOn = c.localDay(p.createdAt);
  d.addFor(WEEKLY.promisesMade, p.createdBy, weekOf(madeOn), 1);
  d.addFor(WEEKLY.promisesDue, p.createdBy, weekOf(p.date), 1);
  if (reaches(paidBetween(sqlite, p.customerId, madeOn, addDays(p.date, c.toleranceDays)), p.amountCents, c.keptSharePct)) d.addFor(WEEKLY.promisesKept, p.createdBy, weekOf(p.date), 1);
}

// --- What works -----------------------------------------------------------------------------------------------

interface Case {
  day: IsoDate;
  dims: string[];
}
const objectionDims = (json: string | null): string[] => {
  if (!json) return [];
  try {
    const ids = JSON.parse(json) as unknown;
    return Array.isArray(ids) ? [...new Set(ids.filter((x): x is string => typeof x === 'string'))].map((id) => `objection:${id}`) : [];
  } catch {
    return [];
  }
};

/** The customer's cases (contacts where an objection was heard, régua reminders) with their day in [from, to]. */
function casesOf(sqlite: Database.Database, c: Conventions, customerId: string, from: IsoDate, to: IsoDate): Case[] {
  // timestamps are UTC: a day's margin each side, then the store's day decides
  const lo = addDays(from, -1);
  const hi = addDays(to, 2);
  const out: Case[] = [];
  for (const k of preparedOn(sqlite, 'SELECT at, objection_ids AS o FROM contacts WHERE customer_id = ? AND at >= ? AND at < ? AND objection_ids IS NOT NULL').all(customerId, lo, hi) as { at: string; o: string }[]) {
    const day = c.localDay(k.at);
    const dims = objectionDims(k.o);
    if (day >= from && day <= to && dims.length) out.push({ day, dims });
  }
  for (const m of preparedOn(sqlite, 'SELECT created_at AS at, step_id AS step FROM messages WHERE customer_id = ? AND step_id IS NOT NULL AND created_at >= ? AND created_at < ?').all(customerId, lo, hi) as { at: string; step: string }[]) {
    const day = c.localDay(m.at);
    if (day >= from && day <= to) out.push({ day, dims: [`step:${m.step}`] });
  }
  return out;
}

function caseAdds(sqlite: Database.Database, c: Conventions, d: WeeklyDeltas, customerId: string, k: Case): void {
  const w = weekOf(k.day);
  const worked = paidBetween(sqlite, customerId, k.day, addDays(k.day, WORKED_DAYS)) > 0;
  for (const dim of k.dims) {
    d.add(WEEKLY.cases, dim, w, 1);
    if (worked) d.add(WEEKLY.worked, dim, w, 1);
  }
}

// --- Loyalty: bought again after paying everything off ----------------------------------------------------------

/**
 * A sale is a "bought again" when the customer had a sale dated before it and nothing of the parcelas of earlier
 * documents was open on its date (payments dated up to that day and not reversed now; an agreement dated by then
 * replaces the parcelas it took). `exclude`/`include` judge it as if some payments were not there / not reversed,
 * `skipAgreement` as if an agreement did not exist: the state before the write.
 */
const BOUGHT_AGAIN_SQL = `SELECT EXISTS (SELECT 1 FROM sales e WHERE e.customer_id = s.customer_id AND e.date < s.date) AS before,
    (SELECT IFNULL(SUM(i.amount_cents - IFNULL((SELECT SUM(al.principal_cents + al.discount_cents) FROM allocations al JOIN payments p ON p.id = al.payment_id
                WHERE al.installment_id = i.id AND p.date <= s.date AND p.id NOT IN (SELECT value FROM json_each(@exclude))
                  AND (p.id IN (SELECT value FROM json_each(@include)) OR NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id))), 0)), 0)
       FROM installments i LEFT JOIN sales e ON e.id = i.sale_id LEFT JOIN agreements a ON a.id = i.agreement_id LEFT JOIN agreements ag ON ag.id = i.renegotiated_by
      WHERE i.customer_id = s.customer_id AND COALESCE(e.date, a.date) < s.date AND (i.agreement_id IS NULL OR i.agreement_id <> @skipAgreement)
        AND (ag.date IS NULL OR ag.date > s.date OR ag.id = @skipAgreement)) AS open
  FROM sales s WHERE s.id = @id`;

interface AsBefore {
  exclude?: string[];
  include?: string[];
  skipAgreement?: string;
}
export function boughtAgain(sqlite: Database.Database, saleId: string, as: AsBefore = {}): boolean {
  const r = preparedOn(sqlite, BOUGHT_AGAIN_SQL).get({ id: saleId, exclude: JSON.stringify(as.exclude ?? []), include: JSON.stringify(as.include ?? []), skipAgreement: as.skipAgreement ?? '' }) as { before: number; open: number };
  return !!r.before && r.open <= 0;
}

/** The customer's sales dated on or after `from` judged now and before the write: the ones that changed. */
function salesAgain(sqlite: Database.Database, d: WeeklyDeltas, customerId: string, from: IsoDate, before: AsBefore, skipSales: Set<string> = new Set()): void {
  for (const s of preparedOn(sqlite, 'SELECT id, date FROM sales WHERE customer_id = ? AND date >= ?').all(customerId, from) as { id: string; date: string }[]) {
    if (skipSales.has(s.id)) continue;
    const now = boughtAgain(sqlite, s.id);
    if (now !== boughtAgain(sqlite, s.id, before)) d.add(WEEKLY.boughtAgain, '', weekOf(s.date), now ? 1 : -1);
  }
}

// --- After each write (one call line in each use case) --------------------------------------------------------

function withDeltas(ctx: Ctx, fill: (sqlite: Database.Database, c: Conventions, d: WeeklyDeltas) => void): void {
  // A store whose table was never computed (new, or older than the table): a small one computes it whole at its
  // first write, this write included; a large one (a minute at 100,000 customers) is not made to wait at the
  // counter — the first dashboard.weekly computes it. From then on every write adds its deltas.
  if (!weeklyFactsBuilt(ctx.store.sqlite)) {
    if (!preparedOn(ctx.store.sqlite, 'SELECT 1 FROM installments LIMIT 1 OFFSET 50000').get()) rebuildWeeklyFacts(ctx.store.sqlite, ctx.settings);
    return;
  }
  const d = new WeeklyDeltas();
  fill(ctx.store.sqlite, conventions(ctx.settings), d);
  flush(ctx.store.sqlite, d);
}

/** payments.receive: the money, the waived charges, the balances of the parcelas it reached, the promises it keeps. */
export function weeklyAfterPayment(ctx: Ctx, paymentId: string): void {
  withDeltas(ctx, (q, c, d) => {
    const p = paymentMoney(q, c, d, paymentId);
    judgeAgain(q, c, d, { customerId: p.customerId, sign: 1, payments: [{ id: paymentId, ...p }] });
  });
}

/** payments.reverse: the mirror of weeklyAfterPayment, in the reversal's week. */
export function weeklyAfterReversal(ctx: Ctx, paymentId: string): void {
  withDeltas(ctx, (q, c, d) => {
    const p = preparedOn(q,
      `SELECT p.customer_id AS customerId, p.date, p.amount_cents AS amountCents, p.created_by AS createdBy, r.date AS reversedOn
         FROM payments p JOIN reversals r ON r.payment_id = p.id WHERE p.id = ?`,
    ).get(paymentId) as { customerId: string; date: string; amountCents: number; createdBy: string | null; reversedOn: string };
    const w = weekOf(p.reversedOn);
    d.addFor(WEEKLY.reversed, p.createdBy, w, p.amountCents);
    for (const a of allocationsOf(q, paymentId)) {
      d.add(WEEKLY.discountWaived, '', w, -a.waivedCents);
      reversalAdds(weeksOf(c, a), p.reversedOn, a.principalCents, throughCut(weeksOf(c, a), (m, wk, v) => d.add(m, '', wk, v)));
    }
    judgeAgain(q, c, d, { customerId: p.customerId, sign: -1, payments: [{ id: paymentId, date: p.date, amountCents: p.amountCents }] });
  });
}

function allocationsOf(q: Database.Database, paymentId: string) {
  return preparedOn(q,
    `SELECT i.id, i.due_date AS dueDate, i.amount_cents AS amountCents, COALESCE(s.date, a.date) AS docDate, ag.date AS cutDate,
            al.principal_cents + al.discount_cents AS principalCents, al.fine_waived_cents + al.interest_waived_cents AS waivedCents
       FROM allocations al JOIN installments i ON i.id = al.installment_id
       LEFT JOIN sales s ON s.id = i.sale_id LEFT JOIN agreements a ON a.id = i.agreement_id LEFT JOIN agreements ag ON ag.id = i.renegotiated_by
      WHERE al.payment_id = ?`,
  ).all(paymentId) as (ParcelaRow & { principalCents: number; waivedCents: number })[];
}

// By customer first: installments_customer_due_ix finds a document's parcelas among 2 M (agreement_id has no index).
function documentParcelas(q: Database.Database, c: Conventions, d: WeeklyDeltas, where: 'sale_id' | 'agreement_id', docId: string, customerId: string): void {
  for (const r of preparedOn(q, `${PARCELA_SQL} WHERE i.customer_id = ? AND i.${where} = ?`).all(customerId, docId) as ParcelaRow[]) parcelaAdds(weeksOf(c, r), r.amountCents, (m, w, v) => d.add(m, '', w, v));
}

/** sales.create: the credit given and the new parcelas' balances. */
export function weeklyAfterSale(ctx: Ctx, saleId: string): void {
  withDeltas(ctx, (q, c, d) => saleAdds(q, c, d, saleId));
}
function saleAdds(q: Database.Database, c: Conventions, d: WeeklyDeltas, saleId: string): void {
  const s = preparedOn(q, 'SELECT customer_id AS customerId, date, financed_cents AS financedCents, created_by AS createdBy FROM sales WHERE id = ?').get(saleId) as { customerId: string; date: string; financedCents: number; createdBy: string | null };
  d.addFor(WEEKLY.newCredit, s.createdBy, weekOf(s.date), s.financedCents);
  documentParcelas(q, c, d, 'sale_id', saleId, s.customerId);
  if (boughtAgain(q, saleId)) d.add(WEEKLY.boughtAgain, '', weekOf(s.date), 1);
}

/**
 * agreements.create: the count, the discount, the replaced parcelas leaving the balances from the agreement's
 * week (every change they made is cancelled as the rebuild's cut would) and the new parcelas coming in.
 */
export function weeklyAfterAgreement(ctx: Ctx, agreementId: string): void {
  withDeltas(ctx, (q, c, d) => {
    const a = preparedOn(q, 'SELECT customer_id AS customerId, date, discount_cents AS discountCents, approved_by AS approvedBy, created_by AS createdBy FROM agreements WHERE id = ?').get(agreementId) as
      { customerId: string; date: string; discountCents: number; approvedBy: string | null; createdBy: string | null };
    const w = weekOf(a.date);
    d.addFor(WEEKLY.agreements, a.createdBy, w, 1);
    if (a.approvedBy) d.add(WEEKLY.agreementsBeyond, '', w, 1);
    d.add(WEEKLY.discountAgreements, '', w, a.discountCents);
    const allocs = preparedOn(q,
      `SELECT p.date, al.principal_cents + al.discount_cents AS principalCents, r.date AS reversedOn FROM allocations al JOIN payments p ON p.id = al.payment_id
         LEFT JOIN reversals r ON r.payment_id = p.id WHERE al.installment_id = ?`,
    );
    for (const r of preparedOn(q, `${PARCELA_SQL} WHERE i.customer_id = ? AND i.renegotiated_by = ?`).all(a.customerId, agreementId) as ParcelaRow[]) {
      const p = weeksOf(c, r);
      const cut = p.cutWeek!;
      const cancel: Emit = (m, wk, v) => d.add(m, '', later(wk, cut), -v);
      parcelaAdds(p, r.amountCents, cancel);
      for (const al of allocs.all(r.id) as { date: string; principalCents: number; reversedOn: string | null }[]) {
        allocationAdds(p, al.date, al.principalCents, cancel);
        if (al.reversedOn) reversalAdds(p, al.reversedOn, al.principalCents, cancel);
      }
    }
    documentParcelas(q, c, d, 'agreement_id', agreementId, a.customerId);
    salesAgain(q, d, a.customerId, a.date, { skipAgreement: agreementId });
  });
}

/** contacts.record: attempts (outbound phone calls), answered ones, conversations (any channel). */
export function weeklyAfterContact(ctx: Ctx, contactId: string): void {
  withDeltas(ctx, (q, c, d) => {
    const r = preparedOn(q, 'SELECT customer_id AS customerId, at, channel, outcome, inbound, user_id AS userId, objection_ids AS o FROM contacts WHERE id = ?').get(contactId) as ContactRow & { customerId: string; o: string | null };
    contactAdds(c, d, r, 1);
    const dims = objectionDims(r.o);
    if (dims.length) caseAdds(q, c, d, r.customerId, { day: c.localDay(r.at), dims });
  });
}

/** reminders.send: a régua reminder is a what-works case for its step. */
export function weeklyAfterMessage(ctx: Ctx, messageId: string): void {
  withDeltas(ctx, (q, c, d) => {
    const m = preparedOn(q, 'SELECT customer_id AS customerId, created_at AS at, step_id AS step FROM messages WHERE id = ?').get(messageId) as { customerId: string; at: string; step: string | null } | undefined;
    if (m?.step) caseAdds(q, c, d, m.customerId, { day: c.localDay(m.at), dims: [`step:${m.step}`] });
  });
}
type ContactRow = { at: string; channel: string; outcome: string; inbound: number; userId: string | null };
function contactAdds(c: Conventions, d: WeeklyDeltas, r: ContactRow, n: number): void {
  const w = weekOf(c.localDay(r.at));
  const talk = CONVERSATIONS.has(r.outcome);
  if (r.channel === 'phone' && !r.inbound) {
    d.addFor(WEEKLY.attempts, r.userId, w, n);
    if (talk) d.addFor(WEEKLY.answered, r.userId, w, n);
  }
  if (talk) d.addFor(WEEKLY.conversations, r.userId, w, n);
}

/** promises.create: made (creation day), due (its date), and kept if payments already reach it. */
export function weeklyAfterPromise(ctx: Ctx, promiseId: string): void {
  withDeltas(ctx, (q, c, d) =>
    promiseAdds(q, c, d, preparedOn(q, 'SELECT id, customer_id AS customerId, created_at AS createdAt, date, amount_cents AS amountCents, created_by AS createdBy FROM promises WHERE id = ?').get(promiseId) as PromiseRow),
  );
}

/** feedback.record: the 1–5 answers, as a count and a sum (the average is read). */
export function weeklyAfterFeedback(ctx: Ctx, feedbackId: string): void {
  withDeltas(ctx, (q, c, d) => {
    const f = preparedOn(q, 'SELECT created_at AS createdAt, score, user_id AS userId FROM feedback WHERE id = ?').get(feedbackId) as { createdAt: string; score: number; userId: string | null };
    const w = weekOf(c.localDay(f.createdAt));
    d.addFor(WEEKLY.feedbackCount, f.userId, w, 1);
    d.addFor(WEEKLY.feedbackSum, f.userId, w, f.score);
  });
}

/** Before an import writes: the newest sale's rowid, so weeklyAfterImport finds the sales the import added. */
export function importMark(ctx: Ctx): number {
  return (preparedOn(ctx.store.sqlite, 'SELECT IFNULL(MAX(rowid), 0) AS n FROM sales').get() as { n: number }).n;
}

/** After an import: its sales (credit and parcelas) and the payments it wrote for parcelas already paid. */
export function weeklyAfterImport(ctx: Ctx, mark: number): void {
  withDeltas(ctx, (q, c, d) => {
    const ids = (preparedOn(q, 'SELECT id FROM sales WHERE rowid > ?').all(mark) as { id: string }[]).map((r) => r.id);
    for (const id of ids) saleAdds(q, c, d, id);
    const pays = preparedOn(q,
      `SELECT DISTINCT p.id, p.customer_id AS customerId FROM allocations al JOIN payments p ON p.id = al.payment_id JOIN installments i ON i.id = al.installment_id
        WHERE i.sale_id IN (SELECT value FROM json_each(?))`,
    ).all(JSON.stringify(ids)) as { id: string; customerId: string }[];
    const byCustomer = new Map<string, Moved>();
    for (const p of pays) {
      const money = paymentMoney(q, c, d, p.id);
      const m = byCustomer.get(p.customerId) ?? { customerId: p.customerId, sign: 1 as const, payments: [], newSales: new Set(ids) };
      m.payments.push({ id: p.id, date: money.date, amountCents: money.amountCents });
      byCustomer.set(p.customerId, m);
    }
    // Several payments at once: each promise and case is judged before and after all of them, not one by one.
    for (const m of byCustomer.values()) judgeAgain(q, c, d, m);
  });
}

/** A payment's money, waived charges and balance changes (not its promises). */
function paymentMoney(q: Database.Database, c: Conventions, d: WeeklyDeltas, paymentId: string): { customerId: string; date: string; amountCents: number } {
  const p = preparedOn(q, 'SELECT customer_id AS customerId, date, amount_cents AS amountCents, created_by AS createdBy FROM payments WHERE id = ?').get(paymentId) as
    { customerId: string; date: string; amountCents: number; createdBy: string | null };
  const w = weekOf(p.date);
  d.addFor(WEEKLY.payments, p.createdBy, w, p.amountCents);
  for (const a of allocationsOf(q, paymentId)) {
    d.add(WEEKLY.discountWaived, '', w, a.waivedCents);
    const weeks = weeksOf(c, a);
    allocationAdds(weeks, p.date, a.principalCents, throughCut(weeks, (m, wk, v) => d.add(m, '', wk, v)));
  }
  return p;
}

// --- The whole table from the raw rows --------------------------------------------------------------------------

/** Every weekly fact, computed from the money tables, contacts, promises and feedback (nothing written). */
export function computeWeeklyFacts(sqlite: Database.Database, settings: Settings): WeeklyDeltas {
  const c = conventions(settings);
  const d = new WeeklyDeltas();
  const store: Emit = (m, w, v) => d.add(m, '', w, v);

  for (const r of sqlite.prepare(PARCELA_SQL).iterate() as IterableIterator<ParcelaRow>) {
    const p = weeksOf(c, r);
    parcelaAdds(p, r.amountCents, throughCut(p, store));
  }
  // Parcelas in table order and their allocations through the allocations' installment index: the pages are
  // read in order instead of one random parcela per allocation.
  const allocations = sqlite.prepare(
    `SELECT i.due_date AS dueDate, ag.date AS cutDate, p.date, r.date AS reversedOn, al.principal_cents + al.discount_cents AS principalCents
       FROM installments i CROSS JOIN allocations al ON al.installment_id = i.id JOIN payments p ON p.id = al.payment_id
       LEFT JOIN agreements ag ON ag.id = i.renegotiated_by LEFT JOIN reversals r ON r.payment_id = p.id`,
  );
  for (const a of allocations.iterate() as IterableIterator<{ dueDate: string; cutDate: string | null; date: string; reversedOn: string | null; principalCents: number }>) {
    const p: ParcelaWeeks = { docWeek: '', dueWeek: c.dueWeek(a.dueDate), cutWeek: a.cutDate ? weekOf(a.cutDate) : null };
    const emit = throughCut(p, store);
    allocationAdds(p, a.date, a.principalCents, emit);
    if (a.reversedOn) reversalAdds(p, a.reversedOn, a.principalCents, emit);
  }

  type Sum = { date: string; userId: string | null; cents: number };
  for (const r of sqlite.prepare('SELECT date, created_by AS userId, SUM(amount_cents) AS cents FROM payments GROUP BY date, created_by').all() as Sum[])
    d.addFor(WEEKLY.payments, r.userId, weekOf(r.date), r.cents);
  for (const r of sqlite.prepare('SELECT r.date, p.created_by AS userId, SUM(p.amount_cents) AS cents FROM reversals r JOIN payments p ON p.id = r.payment_id GROUP BY r.date, p.created_by').all() as Sum[])
    d.addFor(WEEKLY.reversed, r.userId, weekOf(r.date), r.cents);
  for (const r of sqlite.prepare('SELECT p.date, SUM(al.fine_waived_cents + al.interest_waived_cents) AS cents FROM allocations al JOIN payments p ON p.id = al.payment_id WHERE al.fine_waived_cents + al.interest_waived_cents > 0 GROUP BY p.date').all() as Sum[])
    d.add(WEEKLY.discountWaived, '', weekOf(r.date), r.cents);
  for (const r of sqlite.prepare('SELECT r.date, SUM(al.fine_waived_cents + al.interest_waived_cents) AS cents FROM allocations al JOIN reversals r ON r.payment_id = al.payment_id WHERE al.fine_waived_cents + al.interest_waived_cents > 0 GROUP BY r.date').all() as Sum[])
    d.add(WEEKLY.discountWaived, '', weekOf(r.date), -r.cents);
  for (const r of sqlite.prepare('SELECT date, created_by AS userId, SUM(financed_cents) AS cents FROM sales GROUP BY date, created_by').all() as Sum[])
    d.addFor(WEEKLY.newCredit, r.userId, weekOf(r.date), r.cents);
  // only sales with an earlier one can be "bought again"
  for (const s of sqlite.prepare('SELECT s.id, s.date FROM sales s WHERE EXISTS (SELECT 1 FROM sales e WHERE e.customer_id = s.customer_id AND e.date < s.date)').all() as { id: string; date: string }[])
    if (boughtAgain(sqlite, s.id)) d.add(WEEKLY.boughtAgain, '', weekOf(s.date), 1);
  for (const r of sqlite.prepare('SELECT date, created_by AS userId, approved_by AS approvedBy, discount_cents AS discountCents FROM agreements').all() as { date: string; userId: string | null; approvedBy: string | null; discountCents: number }[]) {
    const w = weekOf(r.date);
    d.addFor(WEEKLY.agreements, r.userId, w, 1);
    if (r.approvedBy) d.add(WEEKLY.agreementsBeyond, '', w, 1);
    d.add(WEEKLY.discountAgreements, '', w, r.discountCents);
  }
  // Contacts by UTC hour first (a million rows become a few tens of thousands), then by store day.
  const byHour = sqlite.prepare(
    `SELECT substr(at, 1, 13) || ':00:00Z' AS at, channel, outcome, inbound, user_id AS userId, COUNT(*) AS n FROM contacts
      WHERE at LIKE '%Z' GROUP BY 1, 2, 3, 4, 5
     UNION ALL SELECT at, channel, outcome, inbound, user_id, 1 FROM contacts WHERE at NOT LIKE '%Z'`,
  );
  for (const r of byHour.iterate() as IterableIterator<ContactRow & { n: number }>) contactAdds(c, d, r, r.n);
  for (const p of sqlite.prepare('SELECT id, customer_id AS customerId, created_at AS createdAt, date, amount_cents AS amountCents, created_by AS createdBy FROM promises').all() as PromiseRow[])
    promiseAdds(sqlite, c, d, p);
  for (const k of sqlite.prepare('SELECT customer_id AS customerId, at, objection_ids AS o FROM contacts WHERE objection_ids IS NOT NULL').all() as { customerId: string; at: string; o: string }[]) {
    const dims = objectionDims(k.o);
    if (dims.length) caseAdds(sqlite, c, d, k.customerId, { day: c.localDay(k.at), dims });
  }
  for (const m of sqlite.prepare('SELECT customer_id AS customerId, created_at AS at, step_id AS step FROM messages WHERE step_id IS NOT NULL').all() as { customerId: string; at: string; step: string }[])
    caseAdds(sqlite, c, d, m.customerId, { day: c.localDay(m.at), dims: [`step:${m.step}`] });
  for (const f of sqlite.prepare('SELECT created_at AS createdAt, user_id AS userId, COUNT(*) AS n, SUM(score) AS s FROM feedback GROUP BY 1, 2').all() as { createdAt: string; userId: string | null; n: number; s: number }[]) {
    const w = weekOf(c.localDay(f.createdAt));
    d.addFor(WEEKLY.feedbackCount, f.userId, w, f.n);
    d.addFor(WEEKLY.feedbackSum, f.userId, w, f.s);
  }
  return d;
}

/** projection_state row that says the table was computed — by these conventions: a new version recomputes it. */
const STATE_ID = 'weekly.v3';

/**
 * A full pass over millions of rows of an encrypted file: with the store's 64 MB page cache every page that falls
 * out is decrypted again on the next lookup (the payments and parcelas of a 100,000-customer store are ~1 GB).
 * 1 GB for the pass, then the store's own setting again.
 */
export function withLargeCache<T>(sqlite: Database.Database, fn: () => T): T {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  sqlite.pragma('cache_size = -1048576');
  try {
    return fn();
  } finally {
    sqlite.pragma(`cache_size = ${before}`);
  }
}

/** Replaces the whole table with the recomputation (in the caller's transaction, or its own). */
export function rebuildWeeklyFacts(sqlite: Database.Database, settings: Settings): void {
  const run = sqlite.transaction(() => {
    const d = withLargeCache(sqlite, () => computeWeeklyFacts(sqlite, settings));
    sqlite.prepare('DELETE FROM weekly_facts').run();
    const put = sqlite.prepare('INSERT INTO weekly_facts (week_start, metric, dim, value) VALUES (@weekStart, @metric, @dim, @value)');
    for (const r of d.rows()) put.run(r);
    preparedOn(sqlite, 'INSERT OR REPLACE INTO projection_state (id, day, updated_at) VALUES (?, ?, ?)').run(STATE_ID, new Date().toISOString().slice(0, 10), new Date().toISOString());
  });
  if (sqlite.inTransaction) run();
  else run.immediate();
}

/** False for a store whose weekly figures were never computed (it predates the table): rebuild first. */
export function weeklyFactsBuilt(sqlite: Database.Database): boolean {
  return !!preparedOn(sqlite, 'SELECT 1 FROM projection_state WHERE id = ?').get(STATE_ID);
}

/** `npx emdia check`: the stored table against the recomputation; a difference per line (pt-BR). */
export function checkWeeklyFacts(sqlite: Database.Database, settings: Settings): string[] {
  const want = new Map<string, number>();
  for (const r of withLargeCache(sqlite, () => computeWeeklyFacts(sqlite, settings)).rows()) want.set(`${r.metric}|${r.dim}|${r.weekStart}`, r.value);
  const out: string[] = [];
  for (const r of sqlite.prepare('SELECT metric, dim, week_start AS weekStart, value FROM weekly_facts').all() as { metric: string; dim: string; weekStart: string; value: number }[]) {
    const key = `${r.metric}|${r.dim}|${r.weekStart}`;
    const v = want.get(key) ?? 0;
    if (v !== r.value) out.push(`semana ${r.weekStart}, ${r.metric}${r.dim ? ` (${r.dim})` : ''}: gravado ${r.value}, recalculado ${v}`);
    want.delete(key);
  }
  for (const [key, v] of want) {
    const [metric, dim, week] = key.split('|');
    out.push(`semana ${week}, ${metric}${dim ? ` (${dim})` : ''}: gravado 0, recalculado ${v}`);
  }
  return out;
}
