import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import type { DashboardWeeklyResult, DashboardDrillResult } from '../../shared/contract/dashboard';
import { checkProjections } from '../../db/projections/check';
import { checkWeeklyFacts } from '../../db/projections/weekly';
import { loadSettings } from '../../db/usecases/settings';
import { addDays } from '../../shared/dates';

// dashboard.weekly on crafted data (issue 8 "Proof"): every weekly figure is recomputed here from the raw rows
// with plain SQL and loops, independently of db/projections/weekly.ts, and compared.

let t: TestBackend;
let owner: Caller;
let clerk: Caller;
let clerkId: string;
let ana: string;
let bia: string;
let caio: string;
let biaPayment: string;
let anaPayoff: number;
const FROM = '2026-08-31';
const TO = '2026-11-23';

type Row = Record<string, any>;
const all = (sql: string, ...p: unknown[]) => t.store.sqlite.prepare(sql).all(...p) as Row[];
const one = (sql: string, ...p: unknown[]) => t.store.sqlite.prepare(sql).get(...p) as Row;
const sumIn = (sql: string, a: string, b: string) => (one(sql, a, b).s as number | null) ?? 0;

beforeAll(() => {
  t = testBackend('2026-09-08');
  ({ owner, clerk, clerkId } = t.withPeople());
  ana = t.ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [{ number: '11987654321' }] }, clerk).id;
  bia = t.ok('customers.create', { name: 'Bia Souza', cpf: '11144477735', phones: [{ number: '11976543210' }] }, clerk).id;
  caio = t.ok('customers.create', { name: 'Caio Reis', cpf: '39053344705', phones: [{ number: '11965432109' }] }, clerk).id;
  // Ana: 3 × R$ 100,00 due 08/10, 08/11 (a Sunday: effective Monday 09/11), 08/12.
  t.ok('sales.create', { customerId: ana, date: '2026-09-08', description: 'Geladeira', totalCents: 30000, installmentCount: 3, firstDueDate: '2026-10-08' }, clerk);
  // Bia: R$ 250,00 with R$ 50,00 down; 2 × R$ 100,00 due 15/10 and 15/11 (Sunday → 16/11).
  t.ok('sales.create', { customerId: bia, date: '2026-09-08', description: 'Fogão', totalCents: 25000, downPaymentCents: 5000, installmentCount: 2, firstDueDate: '2026-10-15' }, clerk);
  // Caio: R$ 400,00 in 2, due 20/09 (Sunday → 21/09) and 20/10.
  t.ok('sales.create', { customerId: caio, date: '2026-09-08', description: 'Sofá', totalCents: 40000, installmentCount: 2, firstDueDate: '2026-09-20' }, clerk);

  t.clock.set('2026-10-06');
  t.ok('payments.receive', { customerId: ana, amountCents: 10000, method: 'pix' }, clerk); // before the due date
  t.clock.set('2026-10-19');
  t.ok('contacts.record', { customerId: bia, channel: 'phone', outcome: 'no_answer' }, clerk);
  t.ok('contacts.record', { customerId: caio, channel: 'phone', outcome: 'refused', objectionIds: ['sem-dinheiro'] }, clerk);
  t.clock.set('2026-10-20');
  const call = t.ok('contacts.record', { customerId: bia, channel: 'phone', outcome: 'promise' }, clerk);
  t.ok('promises.create', { customerId: bia, date: '2026-10-22', amountCents: 5000, contactId: call.id }, clerk);
  biaPayment = t.ok('payments.receive', { customerId: bia, amountCents: 5000, method: 'cash' }, clerk).id; // keeps the promise…
  t.ok('feedback.record', { customerId: bia, score: 4, contactId: call.id }, clerk);
  t.clock.set('2026-10-27');
  t.ok('payments.reverse', { paymentId: biaPayment, reason: 'Cédula recusada pelo banco' }); // …until it is reversed (CLI: owner)
  t.ok('contacts.record', { customerId: caio, channel: 'whatsapp', outcome: 'callback', inbound: true }, clerk);
  t.ok('payments.receive', { customerId: caio, amountCents: 21000, method: 'card' }, owner); // parcela 1 late, with charges
  t.clock.set('2026-11-10');
  t.ok('promises.create', { customerId: ana, date: '2026-11-12', amountCents: 10000 }, clerk); // kept on time
  t.clock.set('2026-11-11');
  t.ok('payments.receive', { customerId: ana, amountCents: 10000, method: 'pix' }, clerk);
  t.clock.set('2026-11-23');
  // Bia renegotiates both late parcelas with a discount on the charges.
  const debt = t.ok('offers.compute', { customerId: bia }, clerk).debt;
  t.ok('agreements.create', { customerId: bia, discountCents: Math.min(debt.chargesCents, 200), downPaymentCents: 0, installmentCount: 2, monthlyRatePct: 2, firstDueDate: '2026-12-07' }, clerk);
  t.ok('feedback.record', { customerId: bia, score: 2 }, clerk);
  // Ana pays off her last parcela early and buys again the same day: the loyalty the store is after.
  anaPayoff = t.ok('payments.quote', { customerId: ana }, clerk).totalCents;
  t.ok('payments.receive', { customerId: ana, amountCents: anaPayoff, method: 'pix' }, clerk);
  t.ok('sales.create', { customerId: ana, date: '2026-11-23', description: 'Micro-ondas', totalCents: 20000, installmentCount: 2, firstDueDate: '2026-12-23' }, clerk);
});
afterAll(() => t.close());

const weekly = (): DashboardWeeklyResult => t.ok('dashboard.weekly', { from: FROM, to: TO }, owner);

/** Open and overdue principal at the end of `day` from the raw rows (the rule of weekly.ts, written again here). */
function balancesAt(day: string, overdueWhenDueBefore: string) {
  const parcelas = all(
    `SELECT i.id, i.amount_cents AS amount, st.effective_due_date AS due, COALESCE(s.date, a.date) AS doc, ag.date AS cut
       FROM installments i JOIN installment_standings st ON st.id = i.id LEFT JOIN sales s ON s.id = i.sale_id
       LEFT JOIN agreements a ON a.id = i.agreement_id LEFT JOIN agreements ag ON ag.id = i.renegotiated_by`,
  );
  let open = 0;
  let overdue = 0;
  for (const p of parcelas) {
    if (p.doc > day || (p.cut && p.cut <= day)) continue;
    const paid = all(`SELECT al.principal_cents + al.discount_cents AS c, pay.date, r.date AS rev FROM allocations al JOIN payments pay ON pay.id = al.payment_id LEFT JOIN reversals r ON r.payment_id = pay.id WHERE al.installment_id = ?`, p.id)
      .filter((a) => a.date <= day && !(a.rev && a.rev <= day))
      .reduce((s, a) => s + a.c, 0);
    open += p.amount - paid;
    if (p.due < overdueWhenDueBefore) overdue += p.amount - paid;
  }
  return { open, overdue };
}

describe('dashboard.weekly on crafted data', () => {
  it('reads whole weeks, Monday to Sunday, and each week adds up from the raw rows', () => {
    const r = weekly();
    expect(r.weeks[0].weekStart).toBe('2026-08-31');
    expect(r.weeks.at(-1)!.weekStart).toBe('2026-11-23');
    expect(r.weeks).toHaveLength(13);
    const today = '2026-11-23';
    for (const w of r.weeks) {
      const end = addDays(w.weekStart, 6);
      const paid = sumIn('SELECT SUM(amount_cents) AS s FROM payments WHERE date >= ? AND date <= ?', w.weekStart, end);
      const reversed = sumIn('SELECT SUM(p.amount_cents) AS s FROM reversals r JOIN payments p ON p.id = r.payment_id WHERE r.date >= ? AND r.date <= ?', w.weekStart, end);
      expect({ week: w.weekStart, paid: w.paymentsCents, reversed: w.reversedCents, recovered: w.recoveredCents }).toEqual({ week: w.weekStart, paid, reversed, recovered: paid - reversed });
      expect(w.newCreditCents).toBe(sumIn('SELECT SUM(financed_cents) AS s FROM sales WHERE date >= ? AND date <= ?', w.weekStart, end));
      expect(w.agreements).toBe(one('SELECT COUNT(*) AS n FROM agreements WHERE date >= ? AND date <= ?', w.weekStart, end).n);
      expect(w.promisesDue).toBe(one('SELECT COUNT(*) AS n FROM promises WHERE date >= ? AND date <= ?', w.weekStart, end).n);
      // the clock is frozen at noon in São Paulo, so each row's UTC day is the store's day
      const contacts = all('SELECT channel, outcome, inbound FROM contacts WHERE substr(at, 1, 10) >= ? AND substr(at, 1, 10) <= ?', w.weekStart, end);
      const calls = contacts.filter((c) => c.channel === 'phone' && !c.inbound);
      expect(w.attempts).toBe(calls.length);
      expect(w.answered).toBe(calls.filter((c) => !['no_answer', 'wrong_number', 'third_party', 'message_sent'].includes(c.outcome)).length);
      expect(w.promisesMade).toBe(one('SELECT COUNT(*) AS n FROM promises WHERE substr(created_at, 1, 10) >= ? AND substr(created_at, 1, 10) <= ?', w.weekStart, end).n);
      const fb = one('SELECT COUNT(*) AS n, IFNULL(SUM(score), 0) AS s FROM feedback WHERE substr(created_at, 1, 10) >= ? AND substr(created_at, 1, 10) <= ?', w.weekStart, end);
      expect([w.feedbackCount, w.feedbackSum]).toEqual([fb.n, fb.s]);
      const b = end >= today ? balancesAt(today, today) : balancesAt(end, addDays(end, 1));
      expect({ week: w.weekStart, open: w.openCents, overdue: w.overdueCents }).toEqual({ week: w.weekStart, open: b.open, overdue: b.overdue });
    }
  });

  it('names the figures of the story: credit, recovery, the reversal, the kept and the un-kept promise', () => {
    const r = weekly();
    const week = (d: string) => r.weeks.find((w) => w.weekStart === d)!;
    expect(week('2026-09-07').newCreditCents).toBe(30000 + 20000 + 40000);
    expect(week('2026-10-05').recoveredCents).toBe(10000);
    expect(week('2026-10-19')).toMatchObject({ paymentsCents: 5000, attempts: 3, answered: 2, promisesMade: 1, promisesDue: 1, feedbackCount: 1, feedbackSum: 4 });
    // Bia's promise was kept by the payment of 20/10, and is no longer once that payment was reversed on 27/10.
    expect(week('2026-10-19').promisesKept).toBe(0);
    expect(week('2026-10-26')).toMatchObject({ paymentsCents: 21000, reversedCents: 5000, recoveredCents: 16000, attempts: 0 });
    expect(week('2026-11-09')).toMatchObject({ promisesMade: 1, promisesDue: 1, promisesKept: 1, recoveredCents: 10000 });
    const agreement = one('SELECT discount_cents AS d FROM agreements');
    expect(week('2026-11-23')).toMatchObject({ agreements: 1, discountCents: agreement.d, feedbackCount: 1, feedbackSum: 2 });
    expect(r.totals).toMatchObject({ recoveredCents: 10000 + 5000 - 5000 + 21000 + 10000 + anaPayoff, newCreditCents: 90000 + 20000, agreements: 1, feedbackAverage: 3, promisesMade: 2, promisesKept: 1 });
    expect(r.agreements).toEqual({ count: 1, discountCents: agreement.d, beyondMargins: 0 });
    expect(r.contactRate).toMatchObject({ cases: 3, hits: 2, ratePct: 66.7, enoughCases: false });
    expect(r.loyalty).toEqual({ paidOff: 0, boughtAgain: 1 });
    const again: DashboardDrillResult = t.ok('dashboard.drill', { kind: 'paid_off_bought_again', from: FROM, to: TO }, owner);
    expect(again.items.map((i) => i.name)).toEqual(['Ana Lima']);
  });

  it('sorts the open balance by days late; the buckets sum to it and to the standings', () => {
    const r = weekly();
    const sum = r.aging.reduce((s, b) => s + b.cents, 0);
    expect(sum).toBe(r.openCents);
    expect(r.openCents).toBe(one('SELECT SUM(open_principal_cents) AS s FROM customer_standings').s);
    expect(r.openCents).toBe(balancesAt('2026-11-23', '2026-11-23').open);
    expect(r.aging.map((b) => b.id)).toEqual(['a_vencer', 'd1_30', 'd31_60', 'd61_90', 'd90_mais']);
    // Ana: 08/12 not due yet (a vencer). Caio: parcela 2 due 20/10, 34 days late today.
    expect(r.aging.find((b) => b.id === 'd31_60')).toMatchObject({ customers: 1 });
    expect(r.weeks.at(-1)!.overdueCents).toBe(r.totals.overdueCents);
    expect(r.totals.overdueCents).toBe(one('SELECT SUM(overdue_principal_cents) AS s FROM customer_standings').s);
  });

  it('a past end date sorts the open balance from the raw rows as of that day', () => {
    const r: DashboardWeeklyResult = t.ok('dashboard.weekly', { from: '2026-09-01', to: '2026-10-25' }, owner);
    expect(r.aging.reduce((s, b) => s + b.cents, 0)).toBe(r.openCents);
    expect(r.openCents).toBe(balancesAt('2026-10-25', '2026-10-25').open);
    const late = r.aging.filter((b) => b.id !== 'a_vencer').reduce((s, b) => s + b.cents, 0);
    expect(late).toBe(balancesAt('2026-10-25', '2026-10-25').overdue);
  });

  it('per clerk: the clerk’s calls, promises, payments received and feedback', () => {
    const r = weekly();
    const c = r.byUser.find((u) => u.userId === clerkId)!;
    const own = one('SELECT SUM(amount_cents) AS s FROM payments WHERE created_by = ?', clerkId).s;
    const reversedOwn = one('SELECT IFNULL(SUM(p.amount_cents), 0) AS s FROM reversals r JOIN payments p ON p.id = r.payment_id WHERE p.created_by = ?', clerkId).s;
    expect(c).toMatchObject({ attempts: 3, conversations: 3, promises: 2, promisesKept: 1, agreements: 1, recoveredCents: own - reversedOwn, feedbackCount: 2, feedbackAverage: 3 });
    const o = r.byUser.find((u) => u.userId !== clerkId)!;
    expect(o.recoveredCents).toBe(21000);
    const rates = r.promiseRates.byUser.find((u) => u.userId === clerkId)!;
    expect(rates).toMatchObject({ cases: 2, hits: 1, ratePct: 50 });
    expect(rates.made).toMatchObject({ cases: 3, hits: 2 });
  });

  it('profiles count every customer; moves come from the standings’ log; what works counts its cases', () => {
    const r = weekly();
    const moves = all(`SELECT from_profile AS "from", to_profile AS "to", COUNT(DISTINCT customer_id) AS customers FROM profile_moves WHERE day >= ? AND day <= ? GROUP BY 1, 2`, FROM, '2026-11-29');
    expect([...r.profileMoves].sort((a, b) => (a.from + a.to).localeCompare(b.from + b.to))).toEqual(moves.sort((a, b) => (a.from + a.to).localeCompare(b.from + b.to)));
    expect(r.profiles.reduce((s, p) => s + p.customers, 0)).toBe(3);
    // Caio heard "sem dinheiro" on 19/10 and paid on 27/10: eight days later, not within the week
    expect(r.whatWorks.byObjection).toEqual([expect.objectContaining({ key: 'sem-dinheiro', outcome: expect.objectContaining({ cases: 1, hits: 0, enoughCases: false }) })]);
    expect(r.whatWorks.minCases).toBe(20);
  });

  it('the previous period is the same number of weeks just before', () => {
    const r = weekly();
    expect(r.previous.newCreditCents).toBe(0);
    const later: DashboardWeeklyResult = t.ok('dashboard.weekly', { from: '2026-10-05', to: '2026-10-11' }, owner);
    expect(later.weeks).toHaveLength(1);
    expect(later.previous.recoveredCents).toBe(sumIn('SELECT SUM(amount_cents) AS s FROM payments WHERE date >= ? AND date <= ?', '2026-09-28', '2026-10-04'));
  });

  it('the stored figures equal a full recomputation, and npx emdia check agrees', () => {
    expect(checkWeeklyFacts(t.store.sqlite, loadSettings(t.store.db))).toEqual([]);
    expect(checkProjections(t.store).differences).toEqual([]);
  });

  it('dashboard.drill lists the rows behind a bar, adding up to it', () => {
    const r = weekly();
    const w = r.weeks.find((x) => x.weekStart === '2026-10-26')!;
    const d: DashboardDrillResult & { totalCents: number } = t.ok('dashboard.drill', { kind: 'recovered', weekStart: w.weekStart }, owner);
    expect(d.total).toBe(2);
    expect(d.totalCents).toBe(w.recoveredCents);
    expect(d.items.map((i) => i.name).sort()).toEqual(['Bia Souza', 'Caio Reis']);
    const credit: DashboardDrillResult & { totalCents: number } = t.ok('dashboard.drill', { kind: 'new_credit', weekStart: '2026-09-07' }, owner);
    expect(credit.totalCents).toBe(90000);
    for (const b of r.aging) {
      const a: DashboardDrillResult & { totalCents: number } = t.ok('dashboard.drill', { kind: 'aging', key: b.id }, owner);
      expect([b.id, a.totalCents, a.total]).toEqual([b.id, b.cents, b.customers]);
    }
    const kept: DashboardDrillResult = t.ok('dashboard.drill', { kind: 'promises_kept', weekStart: '2026-11-09' }, owner);
    expect(kept.items.map((i) => i.name)).toEqual(['Ana Lima']);
    const late: DashboardDrillResult & { totalCents: number } = t.ok('dashboard.drill', { kind: 'overdue', weekStart: '2026-10-19' }, owner);
    expect(late.totalCents).toBe(r.weeks.find((x) => x.weekStart === '2026-10-19')!.overdueCents);
    expect(t.fail('dashboard.drill', { kind: 'aging' }, owner)).toMatchObject({ kind: 'validation', issues: [expect.objectContaining({ path: 'key' })] });
  });
});

describe('dashboard.weekly refuses', () => {
  it('an end before the start, and more than five years, naming the field; a clerk gets forbidden', () => {
    const back = t.fail('dashboard.weekly', { from: '2026-11-01', to: '2026-10-01' }, owner);
    expect(back).toMatchObject({ kind: 'validation', issues: [expect.objectContaining({ path: 'to' })] });
    expect(back.message).toMatch(/antes do início/);
    const long = t.fail('dashboard.weekly', { from: '2020-01-01', to: '2026-11-01' }, owner);
    expect(long).toMatchObject({ kind: 'validation', issues: [expect.objectContaining({ path: 'to' })] });
    expect(t.fail('dashboard.weekly', { from: '2026-13-01', to: '2026-11-01' }, owner).kind).toBe('validation');
    expect(t.fail('dashboard.weekly', { from: FROM, to: TO }, clerk).kind).toBe('forbidden');
    expect(t.fail('dashboard.drill', { kind: 'recovered', weekStart: '2026-10-26' }, clerk).kind).toBe('forbidden');
  });
});
