import type { Store } from '../open';
import type { BenchCase } from './bench-command';
import { dashboardBenchCase } from './bench-dashboard';

// Each floor returns the same result as the API call, computed by the fastest SQL we could write by hand on the
// same file (juros of the running segment included, in integer arithmetic as charges.ts does), so the ratio says
// what the API layers cost above the physical floor.

/** juros = round(P × pct/100 × days/30), half-up in integers: PCT_SCALE 10^6 as in shared/money.ts */
const JUROS = (p: string, pct: string, days: string) => `((2 * ${p} * CAST(ROUND(${pct} * 1000000) AS INTEGER) * ${days} + 3000000000) / 6000000000)`;
const OVERDUE_OF = (customer: string) => `(SELECT IFNULL(SUM(i.principal_open_cents + i.fine_open_cents + MAX(0, i.interest_base_cents + CASE WHEN julianday(@today) > julianday(i.interest_from)
    THEN ${JUROS('i.principal_open_cents', 'i.late_interest_monthly_pct', 'CAST(julianday(@today) - julianday(i.interest_from) AS INTEGER)')} ELSE 0 END)), 0)
  FROM installment_standings i WHERE i.customer_id = ${customer} AND i.status = 'overdue')`;
const SEARCH_SELECT = `SELECT c.id, c.name, c.cpf,
    (SELECT p.number FROM customer_phones p WHERE p.customer_id = c.id AND p.deleted_at IS NULL ORDER BY p.position LIMIT 1) AS phone,
    ${OVERDUE_OF('c.id')} AS overdueCents, s.profile, s.profile_reasons
  FROM customers c JOIN customer_standings s ON s.id = c.id`;

export function benchFloors(store: Store, call: (m: string, i: unknown) => unknown, has: Set<string>, today: string): BenchCase[] {
  const q = store.sqlite;
  const sample = q
    .prepare(`SELECT c.id, c.cpf, (SELECT number FROM customer_phones p WHERE p.customer_id = c.id LIMIT 1) AS phone,
                     (SELECT number FROM sales s WHERE s.customer_id = c.id LIMIT 1) AS carne
                FROM customer_standings st JOIN customers c ON c.id = st.id WHERE st.overdue_count > 0 LIMIT 1 OFFSET 17`)
    .get() as { id: string; cpf: string; phone: string; carne: string };
  const byName = q.prepare(`${SEARCH_SELECT} WHERE c.deleted_at IS NULL AND (c.name_folded LIKE @a OR c.name_folded LIKE @b) ORDER BY c.name_folded LIMIT 50`);
  // Two words: the names that begin with the first one, from a range of the name index (as the search reads first).
  const byTwoWords = q.prepare(
    `${SEARCH_SELECT} WHERE c.deleted_at IS NULL AND c.name_folded >= @a AND c.name_folded < @a || char(65535) AND (c.name_folded LIKE @b OR c.name_folded LIKE @c) ORDER BY c.name_folded LIMIT 50`,
  );
  const byCpf = q.prepare(`${SEARCH_SELECT} WHERE c.deleted_at IS NULL AND c.cpf >= @a AND c.cpf < @b ORDER BY c.name_folded LIMIT 50`);
  const byPhone = q.prepare(
    `${SEARCH_SELECT} WHERE c.deleted_at IS NULL AND c.id IN (SELECT customer_id FROM customer_phones WHERE ((number >= @a AND number < @b) OR (substr(number, 3) >= @a AND substr(number, 3) < @b)) AND deleted_at IS NULL) ORDER BY c.name_folded LIMIT 50`,
  );
  const byCarne = q.prepare(`${SEARCH_SELECT} WHERE c.deleted_at IS NULL AND c.id IN (SELECT customer_id FROM sales WHERE number = @a) ORDER BY c.name_folded LIMIT 50`);
  const instFloor = q.prepare(`SELECT * FROM installments WHERE customer_id = ?`);
  const allocFloor = q.prepare(`SELECT a.* FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE p.customer_id = ?`);
  const cpf6 = sample.cpf.slice(0, 6);
  // the local number's first digits, as a clerk types it without the DDD
  const phone6 = sample.phone.slice(2, 8);

  // The loads of one customer's file, by hand: what accounts.statement, calls.context and offers.compute read.
  const customerRow = q.prepare('SELECT id, name, cpf, created_at, key_customer, do_not_call, notes, whatsapp_opt_in_at FROM customers WHERE id = ? AND deleted_at IS NULL');
  const standingRow = q.prepare('SELECT * FROM customer_standings WHERE id = ?');
  const salesOf = q.prepare('SELECT id, number, date, description, total_cents, down_payment_cents, installment_count FROM sales WHERE customer_id = ?');
  const paymentsOf = q.prepare('SELECT p.id, p.receipt_number, p.date, p.amount_cents, p.method, r.date AS reversed_on FROM payments p LEFT JOIN reversals r ON r.payment_id = p.id WHERE p.customer_id = ?');
  const onTime = q.prepare(
    "SELECT COUNT(*) AS n FROM installment_standings WHERE customer_id = ? AND status = 'paid' AND paid_off_on IS NOT NULL AND paid_off_on <= date(effective_due_date, '+3 days')",
  );
  const lastContacts = q.prepare(
    `SELECT k.id, k.at, k.channel, k.outcome, k.inbound, k.notes, k.objection_ids, k.callback_at, u.name, p.number FROM contacts k
       LEFT JOIN users u ON u.id = k.user_id LEFT JOIN customer_phones p ON p.id = k.phone_id WHERE k.customer_id = ? ORDER BY k.at DESC, k.rowid DESC LIMIT 10`,
  );
  const lastPromises = q.prepare('SELECT id, date, amount_cents, created_at FROM promises WHERE customer_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 10');
  const disputesOf = q.prepare('SELECT d.id, d.kind, d.notes, d.created_at, d.resolved_at, d.resolution FROM disputes d WHERE d.customer_id = ?');
  const phonesOf = q.prepare('SELECT id, number, position, wrong_number, whatsapp FROM customer_phones WHERE customer_id = ? AND deleted_at IS NULL ORDER BY position');
  // the contact policy's window: the last 7 days of contacts (maxCallsPer7Days, quiet days after a conversation)
  const recentContacts = q.prepare('SELECT at, channel, outcome, inbound FROM contacts WHERE customer_id = ? AND at >= ?');
  const weekAgo = new Date(Date.parse(today + 'T12:00:00Z') - 8 * 86_400_000).toISOString();
  const profileOf = q.prepare('SELECT profile FROM customer_standings WHERE id = ?');

  const cases: BenchCase[] = [
    { name: 'customers.search nome "silva"', api: () => call('customers.search', { query: 'silva' }), floor: () => byName.all({ a: 'silva%', b: '% silva%', today }) },
    { name: 'customers.search nome "mar sil"', api: () => call('customers.search', { query: 'mar sil' }), floor: () => byTwoWords.all({ a: 'mar', b: 'sil%', c: '% sil%', today }) },
    { name: 'customers.search CPF (6 dígitos)', api: () => call('customers.search', { query: cpf6 }), floor: () => byCpf.all({ a: cpf6, b: cpf6 + ':', today }) },
    { name: 'customers.search telefone (6 dígitos)', api: () => call('customers.search', { query: phone6 }), floor: () => byPhone.all({ a: phone6, b: phone6 + ':', today }) },
    { name: 'customers.search carnê', api: () => call('customers.search', { query: sample.carne }), floor: () => byCarne.all({ a: sample.carne, today }) },
    { name: 'accounts.statement', api: () => call('accounts.statement', { customerId: sample.id }), floor: () => [instFloor.all(sample.id), allocFloor.all(sample.id)] },
    { name: 'payments.quote', api: () => call('payments.quote', { customerId: sample.id }), floor: () => [instFloor.all(sample.id), allocFloor.all(sample.id)] },
  ];
  if (has.has('calls.context'))
    cases.push({
      name: 'calls.context',
      api: () => call('calls.context', { customerId: sample.id }),
      floor: () => [
        customerRow.get(sample.id),
        instFloor.all(sample.id),
        allocFloor.all(sample.id),
        salesOf.all(sample.id),
        paymentsOf.all(sample.id),
        standingRow.get(sample.id),
        onTime.get(sample.id),
        lastContacts.all(sample.id),
        lastPromises.all(sample.id),
        disputesOf.all(sample.id),
        phonesOf.all(sample.id),
        recentContacts.all(sample.id, weekAgo),
      ],
    });
  if (has.has('offers.compute'))
    cases.push({
      name: 'offers.compute',
      api: () => call('offers.compute', { customerId: sample.id }),
      floor: () => [customerRow.get(sample.id), instFloor.all(sample.id), allocFloor.all(sample.id), profileOf.get(sample.id)],
    });
  if (has.has('queue.build')) {
    // The list's floor: the same rows by hand — the top of the candidates' score index with their standings and
    // names, the first good phone of each, and today's and tomorrow's promises with their count.
    const threshold = q.prepare('SELECT score FROM queue_candidates ORDER BY score DESC LIMIT 1 OFFSET 59');
    const top = q.prepare(
      `SELECT q.id, q.score, c.name, s.overdue_principal_cents, s.oldest_overdue_due, s.profile, s.profile_reasons, s.best_hour, ${OVERDUE_OF('q.id')} AS overdueCents,
              (SELECT p.number FROM customer_phones p WHERE p.customer_id = q.id AND p.deleted_at IS NULL AND p.wrong_number = 0 ORDER BY p.position LIMIT 1) AS phone
         FROM queue_candidates q JOIN customer_standings s ON s.id = q.id JOIN customers c ON c.id = q.id
        WHERE q.score >= @t ORDER BY q.score DESC, q.overdue_principal_cents DESC, q.id LIMIT 20`,
    );
    const promisesPage = q.prepare(
      `SELECT s.id, c.name, s.promise_amount_cents FROM (SELECT id FROM customer_standings WHERE promise_date = @d ORDER BY promise_amount_cents DESC LIMIT 200) p
         JOIN customer_standings s ON s.id = p.id JOIN customers c ON c.id = p.id`,
    );
    const promisesCount = q.prepare('SELECT COUNT(*) FROM customer_standings WHERE promise_date = ?');
    const tomorrow = new Date(Date.parse(today + 'T12:00:00Z') + 86_400_000).toISOString().slice(0, 10);
    cases.unshift({
      name: 'queue.build (20 clientes)',
      api: () => call('queue.build', {}),
      floor: () => {
        const t = (threshold.get() as { score: number } | undefined)?.score ?? -1e9;
        return [top.all({ t, today }), promisesPage.all({ d: today }), promisesPage.all({ d: tomorrow }), promisesCount.get(today), promisesCount.get(tomorrow)];
      },
      runs: 50,
    });
  }
  if (has.has('dashboard.weekly')) cases.push(dashboardBenchCase(store, call, today));
  return cases;
}
