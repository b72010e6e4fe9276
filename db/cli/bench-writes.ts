import { copyFileSync, existsSync, mkdirSync, rmSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { openStore, closeStore, type Store } from '../open';
import { createDispatcher } from '../api/dispatcher';
import { fixedClock } from '../clock';
import { applyKey, keyFileFor, readStoreKey } from '../crypto-key';
import { openGuarded, type GuardedBackend } from '../health/guarded';
import { noonIn } from '../../shared/dates';
import { isErrorResult } from '../../shared/contract/errors';
import type { BenchCase } from './bench-command';

// The writes at the counter and the heavy jobs, through the dispatcher as the app makes them, on a copy of the
// bench store (.cache/bench/work/): the cached store is never written, so every other measurement stays
// comparable from run to run. The copy is removed at the end. synchronous = FULL, as openStore sets it for the
// app: a receipt handed over is on the disk.

export interface WorkCopy {
  file: string;
  store: Store;
  call: (m: string, i: unknown) => unknown;
  remove(): void;
}

/** A copy of the store (its WAL too, and the key beside it), opened as the app opens it. */
export function workCopy(source: string, today: string): WorkCopy {
  const dir = join(dirname(source), 'work');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'store.db');
  copyFileSync(source, file);
  if (existsSync(`${source}-wal`)) copyFileSync(`${source}-wal`, `${file}-wal`);
  if (existsSync(keyFileFor(source))) copyFileSync(keyFileFor(source), keyFileFor(file));
  const store = openStore(file);
  const { dispatch } = createDispatcher(store, fixedClock(noonIn(today, 'America/Sao_Paulo')));
  const call = (m: string, i: unknown) => {
    const r = dispatch(m, i, { transport: 'cli' });
    if (isErrorResult(r)) throw new Error(`${m}: ${r.error.message}`);
    return r;
  };
  call('settings.get', {});
  return {
    file,
    store,
    call,
    remove: () => {
      closeStore(store);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** INSERT … SELECT of one row with new values for some columns: the same bytes the API writes, without its logic. */
function cloner(q: Database.Database, table: string, overrides: string[]) {
  const cols = (q.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const values = cols.map((c) => (overrides.includes(c) ? `@${c}` : c));
  return q.prepare(`INSERT INTO ${table} (${cols.join(', ')}) SELECT ${values.join(', ')} FROM ${table} WHERE id = @src`);
}

/** INSERT of one row from the values given; other NOT NULL columns without a default get 0 (a floor writes bytes, not meaning). */
function rowInserter(q: Database.Database, table: string) {
  const cols = q.prepare(`PRAGMA table_info(${table})`).all() as { name: string; notnull: number; dflt_value: unknown }[];
  return (values: Record<string, unknown>) => {
    const row: Record<string, unknown> = {};
    for (const c of cols) if (c.name in values) row[c.name] = values[c.name];
      else if (c.notnull && c.dflt_value === null) row[c.name] = 0;
    const names = Object.keys(row);
    q.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => '@' + n).join(', ')})`).run(row);
  };
}

export function writeCases(w: WorkCopy, today: string): BenchCase[] {
  const q = w.store.sqlite;
  const now = noonIn(today, 'America/Sao_Paulo').toISOString();
  // Customers with parcelas overdue, a different one at each run (a payment changes its file): the first 100
  // pay through the API, the next 100 through the floor, the rest are for the agreements.
  const debtors = (
    q
      .prepare(
        `SELECT s.id, (SELECT i.id FROM installment_standings i WHERE i.customer_id = s.id AND i.status = 'overdue' ORDER BY i.effective_due_date LIMIT 1) AS installmentId
           FROM customer_standings s WHERE s.overdue_count > 0 ORDER BY s.id LIMIT 500`,
      )
      .all() as { id: string; installmentId: string }[]
  ).filter((d) => d.installmentId);
  const payers = debtors.slice(0, 100);
  const floorPayers = debtors.slice(100, 200);
  let payer = 0;
  let floorPayer = 0;

  // payments.receive's floor: the rows it writes (counter, payment, allocation, the parcela's and the customer's
  // standings, the audit row) in one IMMEDIATE transaction with synchronous = FULL.
  const counter = q.prepare(`INSERT INTO counters (id, created_at, updated_at, device, value) VALUES ('receipt:bench', @now, @now, 'bench', 1)
    ON CONFLICT(id) DO UPDATE SET value = value + 1, updated_at = @now RETURNING value`);
  const payment = q.prepare(`INSERT INTO payments (id, created_at, updated_at, device, customer_id, receipt_number, date, amount_cents, method)
    VALUES (@id, @now, @now, 'bench', @customer, @receipt, @today, 1000, 'cash')`);
  const allocation = q.prepare(`INSERT INTO allocations (id, created_at, updated_at, device, payment_id, installment_id, principal_cents, fine_cents, interest_cents, discount_cents)
    VALUES (@id, @now, @now, 'bench', @payment, @installment, 1000, 0, 0, 0)`);
  const parcela = q.prepare('UPDATE installment_standings SET principal_open_cents = principal_open_cents - 1000 WHERE id = ?');
  const standing = q.prepare('UPDATE customer_standings SET overdue_principal_cents = overdue_principal_cents - 1000 WHERE id = ?');
  const auditRow = q.prepare(`INSERT INTO audit (id, created_at, updated_at, device, at, user_id, user_name, transport, method, summary)
    VALUES (@id, @now, @now, 'bench', @now, NULL, 'bench', 'cli', @method, '{}')`);
  const payFloor = q.transaction((d: { id: string; installmentId: string }) => {
    const n = (counter.get({ now }) as { value: number }).value;
    const id = randomUUID();
    payment.run({ id, now, customer: d.id, receipt: `bench-${n}`, today });
    allocation.run({ id: randomUUID(), now, payment: id, installment: d.installmentId });
    parcela.run(d.installmentId);
    standing.run(d.id);
    auditRow.run({ id: randomUUID(), now, method: 'payments.receive' });
  });

  // agreements.create: the first within-margins option offers.compute gives each customer (untimed, beforehand).
  const agreementInputs: { input: Record<string, unknown>; installments: number; overdue: string[] }[] = [];
  for (const d of debtors.slice(200)) {
    if (agreementInputs.length >= 40) break;
    try {
      const o = w.call('offers.compute', { customerId: d.id }) as { options: { kind: string; withinLimits: boolean; discountCents: number; downPaymentCents: number; installmentCount: number; monthlyRatePct: number; firstDueDate: string }[] };
      const opt = o.options.find((x) => x.kind === 'installments' && x.withinLimits);
      if (!opt) continue;
      const overdue = (q.prepare("SELECT id FROM installment_standings WHERE customer_id = ? AND status = 'overdue'").all(d.id) as { id: string }[]).map((r) => r.id);
      agreementInputs.push({
        input: { customerId: d.id, discountCents: opt.discountCents, downPaymentCents: opt.downPaymentCents, installmentCount: opt.installmentCount, monthlyRatePct: opt.monthlyRatePct, firstDueDate: opt.firstDueDate },
        installments: opt.installmentCount,
        overdue,
      });
    } catch (e) {
      // nothing to renegotiate for this one
      if (process.env.EMDIA_BENCH_DEBUG) console.error(e);
    }
  }
  const half = Math.floor(agreementInputs.length / 2);
  let agreed = 0;
  let floorAgreed = 0;
  // its floor: the agreement row, its parcelas and their standings cloned from existing rows, the renegotiated
  // parcelas marked, the customer's standing and the audit row, in one IMMEDIATE transaction.
  const someInstallment = (q.prepare('SELECT id FROM installments LIMIT 1').get() as { id: string } | undefined)?.id;
  const insertAgreement = rowInserter(q, 'agreements');
  const cloneInstallment = cloner(q, 'installments', ['id', 'customer_id', 'sale_id', 'agreement_id', 'number']);
  const cloneStanding = cloner(q, 'installment_standings', ['id', 'customer_id']);
  const renegotiate = q.prepare('UPDATE installments SET renegotiated_by = ? WHERE id = ?');
  const settle = q.prepare("UPDATE installment_standings SET status = 'renegotiated' WHERE id = ?");
  const agreeFloor = q.transaction((a: (typeof agreementInputs)[number]) => {
    const customer = String(a.input.customerId);
    const id = randomUUID();
    insertAgreement({ id, created_at: now, updated_at: now, device: 'bench', customer_id: customer, number: `bench-${id}`, date: today, first_due_date: today, installment_count: a.installments });
    for (const o of a.overdue) renegotiate.run(id, o);
    for (const o of a.overdue) settle.run(o);
    for (let n = 1; n <= a.installments; n++) {
      const iid = randomUUID();
      cloneInstallment.run({ src: someInstallment, id: iid, customer_id: customer, sale_id: null, agreement_id: id, number: n });
      cloneStanding.run({ src: someInstallment, id: iid, customer_id: customer });
    }
    standing.run(customer);
    auditRow.run({ id: randomUUID(), now, method: 'agreements.create' });
  });

  const cases: BenchCase[] = [
    {
      name: 'payments.receive (synchronous FULL)',
      api: () => w.call('payments.receive', { customerId: payers[payer++ % payers.length].id, amountCents: 1000, method: 'cash' }),
      floor: () => payFloor.immediate(floorPayers[floorPayer++ % floorPayers.length]),
      runs: 100,
    },
  ];
  if (agreementInputs.length >= 4 && someInstallment)
    cases.push({
      name: 'agreements.create (synchronous FULL)',
      api: () => w.call('agreements.create', agreementInputs[agreed++ % half].input),
      floor: () => agreeFloor.immediate(agreementInputs[half + (floorAgreed++ % half)]),
      runs: Math.max(1, half - 5), // each customer once: after its agreement there is nothing overdue left
      warmup: 2,
    });

  // Opening the app's database as the desktop app does (header check, key, open, migration check, start-up
  // check); the connection is closed outside the timing. The floor: open the file with its key and read once.
  const opened: GuardedBackend[] = [];
  const key = readStoreKey(w.file);
  cases.push({
    name: 'abrir o banco (abertura + migração + checagem)',
    api: () => opened.push(openGuarded({ dbPath: w.file, clock: fixedClock(new Date(now)), background: false })),
    floor: () => {
      const db = new Database(w.file);
      if (key) applyKey(db, key);
      db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
      db.close();
    },
    after: () => {
      for (const b of opened.splice(0)) b.close();
    },
    runs: 20,
  });

  // backup.create as the CLI asks for it (waiting for the copy and its check). The floor: copy the file's bytes
  // and fsync them — what any copy must at least do.
  const made: string[] = [];
  cases.push({
    name: 'backup.create',
    api: () => made.push((w.call('backup.create', {}) as { file: string }).file),
    floor: () => {
      const dest = `${w.file}.floor-copy`;
      copyFileSync(w.file, dest);
      const fd = openSync(dest, 'r+');
      fsyncSync(fd);
      closeSync(fd);
      made.push(dest);
    },
    after: () => {
      for (const f of made.splice(0)) if (existsSync(f)) rmSync(f, { force: true });
    },
    runs: 1,
    warmup: 0,
  });
  return cases;
}
