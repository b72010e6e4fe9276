import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import type { DashboardWeeklyResult } from '../../shared/contract/dashboard';
import { checkProjections } from '../../db/projections/check';
import { addDays } from '../../shared/dates';

// dashboard.weekly on a demo store (three years of sales, payments, reversals, calls and promises): every week of
// the three years equals a recomputation from the raw rows written here with plain SQL and loops; then a few
// writes through the API keep the stored figures equal to a full rebuild (npx emdia check).

const TODAY = '2026-11-23';
const FROM = '2023-11-27';
/** São Paulo's calendar day of a stored UTC timestamp (UTC−3 all year since 2019). */
const localDay = (iso: string) => new Date(Date.parse(iso) - 3 * 3600_000).toISOString().slice(0, 10);
const TALK = new Set(['promise', 'agreement', 'paid', 'refused', 'dispute', 'callback']);

let t: TestBackend;
let owner: Caller;
type Row = Record<string, any>;
const all = (sql: string, ...p: unknown[]) => t.store.sqlite.prepare(sql).all(...p) as Row[];

beforeAll(() => {
  t = testBackend(TODAY);
  const demo = t.ok<{ users: { id: string; role: string; pin: string }[] }>('setup.demo', { customers: 300, seed: 5 });
  const o = demo.users.find((u) => u.role === 'owner')!;
  owner = { transport: 'http', sessionId: t.ok<{ sessionId: string }>('session.login', { userId: o.id, pin: o.pin }, { transport: 'http' }).sessionId };
}, 120_000);
afterAll(() => t.close());

/** Everything per week, from the raw rows. */
function reference(weeks: string[]) {
  const at = new Map(weeks.map((w) => [w, { payments: 0, reversed: 0, credit: 0, attempts: 0, answered: 0, made: 0, due: 0, kept: 0, fbCount: 0, fbSum: 0, agreements: 0 }]));
  const weekOf = (d: string) => weeks.find((w) => d >= w && d <= addDays(w, 6));
  const bump = (d: string, k: string, v = 1) => {
    const w = weekOf(d);
    if (w) (at.get(w)! as Record<string, number>)[k] += v;
  };
  for (const p of all('SELECT date, amount_cents AS a FROM payments')) bump(p.date, 'payments', p.a);
  for (const r of all('SELECT r.date, p.amount_cents AS a FROM reversals r JOIN payments p ON p.id = r.payment_id')) bump(r.date, 'reversed', r.a);
  for (const s of all('SELECT date, financed_cents AS a FROM sales')) bump(s.date, 'credit', s.a);
  for (const a of all('SELECT date FROM agreements')) bump(a.date, 'agreements');
  for (const c of all('SELECT at, channel, outcome, inbound FROM contacts')) {
    if (c.channel === 'phone' && !c.inbound) {
      bump(localDay(c.at), 'attempts');
      if (TALK.has(c.outcome)) bump(localDay(c.at), 'answered');
    }
  }
  const pays = all('SELECT customer_id AS c, date, amount_cents AS a FROM payments p WHERE NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)');
  for (const p of all('SELECT customer_id AS c, created_at AS createdAt, date, amount_cents AS a FROM promises')) {
    const madeOn = localDay(p.createdAt);
    bump(madeOn, 'made');
    bump(p.date, 'due');
    const paid = pays.filter((x) => x.c === p.c && x.date >= madeOn && x.date <= addDays(p.date, 3)).reduce((s, x) => s + x.a, 0);
    if (paid * 100 >= p.a * 90) bump(p.date, 'kept');
  }
  for (const f of all('SELECT created_at AS createdAt, score FROM feedback')) {
    bump(localDay(f.createdAt), 'fbCount');
    bump(localDay(f.createdAt), 'fbSum', f.score);
  }
  return at;
}

function balances(day: string, overdueWhenDueBefore: string, parcelas: Row[], allocs: Map<string, Row[]>) {
  let open = 0;
  let overdue = 0;
  for (const p of parcelas) {
    if (p.doc > day || (p.cut && p.cut <= day)) continue;
    const paid = (allocs.get(p.id) ?? []).filter((a) => a.date <= day && !(a.rev && a.rev <= day)).reduce((s, a) => s + a.c, 0);
    open += p.amount - paid;
    if (p.due < overdueWhenDueBefore) overdue += p.amount - paid;
  }
  return { open, overdue };
}

describe('dashboard.weekly on a demo store', () => {
  it('three years of weeks equal the recomputation from the raw rows', () => {
    const r: DashboardWeeklyResult = t.ok('dashboard.weekly', { from: FROM, to: TODAY }, owner);
    expect(r.weeks.length).toBe(157);
    const ref = reference(r.weeks.map((w) => w.weekStart));
    const parcelas = all(
      `SELECT i.id, i.amount_cents AS amount, st.effective_due_date AS due, COALESCE(s.date, a.date) AS doc, ag.date AS cut
         FROM installments i JOIN installment_standings st ON st.id = i.id LEFT JOIN sales s ON s.id = i.sale_id
         LEFT JOIN agreements a ON a.id = i.agreement_id LEFT JOIN agreements ag ON ag.id = i.renegotiated_by`,
    );
    const allocs = new Map<string, Row[]>();
    for (const a of all('SELECT al.installment_id AS i, al.principal_cents + al.discount_cents AS c, p.date, r.date AS rev FROM allocations al JOIN payments p ON p.id = al.payment_id LEFT JOIN reversals r ON r.payment_id = p.id'))
      allocs.set(a.i, [...(allocs.get(a.i) ?? []), a]);
    let activeWeeks = 0;
    for (const w of r.weeks) {
      const x = ref.get(w.weekStart)!;
      expect({ week: w.weekStart, p: w.paymentsCents, r: w.reversedCents, rec: w.recoveredCents, credit: w.newCreditCents, att: w.attempts, ans: w.answered, made: w.promisesMade, due: w.promisesDue, kept: w.promisesKept, fb: [w.feedbackCount, w.feedbackSum], ag: w.agreements }).toEqual({
        week: w.weekStart, p: x.payments, r: x.reversed, rec: x.payments - x.reversed, credit: x.credit, att: x.attempts, ans: x.answered, made: x.made, due: x.due, kept: x.kept, fb: [x.fbCount, x.fbSum], ag: x.agreements,
      });
      const end = addDays(w.weekStart, 6);
      const b = end >= TODAY ? balances(TODAY, TODAY, parcelas, allocs) : balances(end, addDays(end, 1), parcelas, allocs);
      expect({ week: w.weekStart, open: w.openCents, overdue: w.overdueCents }).toEqual({ week: w.weekStart, ...b });
      if (w.paymentsCents > 0) activeWeeks++;
    }
    // the demo really has three years of history to add up
    expect(activeWeeks).toBeGreaterThan(120);
    expect(r.totals.recoveredCents).toBeGreaterThan(0);
    expect(r.aging.reduce((s, b) => s + b.cents, 0)).toBe(r.openCents);
    expect(r.profiles.reduce((s, p) => s + p.customers, 0)).toBe(300);
    expect(r.byUser.reduce((s, u) => s + u.attempts, 0)).toBeLessThanOrEqual(r.totals.attempts);
  });

  it('writes on the demo store keep the figures equal to a full rebuild', () => {
    const late = all('SELECT id FROM customer_standings WHERE overdue_principal_cents > 0 LIMIT 3');
    for (const c of late) {
      const q = t.ok('payments.quote', { customerId: c.id }, owner);
      t.ok('payments.receive', { customerId: c.id, amountCents: Math.max(1, Math.floor(q.totalCents / 3)), method: 'pix' }, owner);
    }
    const debt = t.ok('offers.compute', { customerId: late[0].id }, owner).debt;
    if (debt.totalCents > 0) t.ok('agreements.create', { customerId: late[0].id, discountCents: 0, downPaymentCents: 0, installmentCount: 2, monthlyRatePct: 2, firstDueDate: addDays(TODAY, 14), approvalPin: '0000' }, owner);
    const p = all('SELECT id FROM payments ORDER BY date DESC, created_at DESC LIMIT 1')[0];
    t.raw('payments.reverse', { paymentId: p.id, reason: 'Teste de estorno' });
    expect(checkProjections(t.store).differences).toEqual([]);
  });
});
