import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import type { Store } from '../open';
import type { IsoDate } from '../../shared/dates';
import type { Settings } from '../../shared/contract/settings';
import { loadSettings } from '../usecases/settings';
import { chargePolicy, preparedOn } from '../usecases/ledger-load';
import { deriveStanding, type CustomerStandingRow, type InstallmentStandingRow } from './derive';
import { loadFacts } from './load';
import { refreshQueueCandidates, queueDay } from './queue-candidates';

// The standings projection (issue "Who to call today" §1): one row per parcela and per customer, derived from
// the money tables, promises, contacts and disputes. Three ways it moves, all inside a write transaction:
// - syncStandings: after a write, the customers it touched (ctx.touched), in the same transaction;
// - advanceDay: when the store's day changes, only the customers whose valid_until has come;
// - rebuildAllStandings: everything (demo builder, a store that predates the projection, the clock going back).
// `npx emdia check` (check.ts) recomputes everything and compares.

const BATCH = 500;
const STATE_ID = 'standings';

export interface Derived {
  customer: CustomerStandingRow;
  installments: InstallmentStandingRow[];
}

/** The standings of these customers as of `asOf`, computed from the truth (nothing written). */
export function computeStandings(sqlite: Database.Database, settings: Settings, customerIds: string[], asOf: IsoDate): Map<string, Derived> {
  const out = new Map<string, Derived>();
  const policy = chargePolicy(settings);
  for (let k = 0; k < customerIds.length; k += BATCH) {
    const batch = customerIds.slice(k, k + BATCH);
    const facts = loadFacts(sqlite, settings, batch, asOf);
    for (const id of batch) out.set(id, deriveStanding(id, facts.get(id)!, asOf, settings, policy));
  }
  return out;
}

const CUSTOMER_COLS = [
  'id', 'computed_on', 'valid_until', 'open_principal_cents', 'overdue_principal_cents', 'overdue_count', 'oldest_overdue_due', 'next_due_date',
  'fine_charged_cents', 'last_payment_date', 'paid_off_on', 'profile', 'profile_reasons', 'first_delay', 'promise_id', 'promise_date',
  'promise_amount_cents', 'promise_status', 'broken_promise_on', 'last_attempt_at', 'last_conversation_at', 'callback_at', 'open_disputes', 'best_hour',
] as const;
const INSTALLMENT_COLS = [
  'id', 'customer_id', 'effective_due_date', 'status', 'principal_open_cents', 'fine_assessed_cents', 'fine_open_cents', 'interest_base_cents',
  'interest_from', 'late_interest_monthly_pct', 'last_payment_date', 'paid_off_on',
] as const;
const camel = (col: string) => col.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
const upsert = (table: string, cols: readonly string[]) => `INSERT OR REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + camel(c)).join(', ')})`;
const CUSTOMER_UPSERT = upsert('customer_standings', CUSTOMER_COLS);
const INSTALLMENT_UPSERT = upsert('installment_standings', INSTALLMENT_COLS);

export function writeStandings(sqlite: Database.Database, derived: Map<string, Derived>): void {
  const c = preparedOn(sqlite, CUSTOMER_UPSERT);
  const i = preparedOn(sqlite, INSTALLMENT_UPSERT);
  // its own SQL text: preparedOn caches by text, and pluck() changes the cached statement for every user of it
  const before = preparedOn(sqlite, 'SELECT profile AS was FROM customer_standings WHERE id = ?').pluck();
  const move = preparedOn(sqlite, 'INSERT INTO profile_moves (customer_id, day, from_profile, to_profile) VALUES (?, ?, ?, ?)');
  for (const d of derived.values()) {
    // The owner sees how customers moved between profiles (dashboard.weekly): log the change as it happens.
    const was = before.get(d.customer.id) as string | undefined;
    if (was !== undefined && was !== d.customer.profile) move.run(d.customer.id, d.customer.computedOn, was, d.customer.profile);
    c.run({ ...d.customer, firstDelay: d.customer.firstDelay ? 1 : 0 });
    for (const row of d.installments) i.run(row);
  }
}

/** Declares the standings valid for `day` (after a bulk load wrote them all). */
export function setProjectionDay(sqlite: Database.Database, day: IsoDate): void {
  preparedOn(sqlite, 'INSERT OR REPLACE INTO projection_state (id, day, updated_at) VALUES (?, ?, ?)').run(STATE_ID, day, new Date().toISOString());
}

export function projectionDay(sqlite: Database.Database): IsoDate | null {
  const row = preparedOn(sqlite, 'SELECT day FROM projection_state WHERE id = ?').get(STATE_ID) as { day: string } | undefined;
  return row?.day ?? null;
}

/** Recompute and store the standings of the customers the call touched (same transaction as the write). */
export function syncStandings(ctx: Ctx): void {
  const ids = [...ctx.touched];
  ctx.touched.clear();
  if (!ids.length) return;
  // A write on a day the projection has not reached yet (a frozen clock moved back) waits for the rebuild.
  if (projectionDay(ctx.store.sqlite) !== ctx.today) return;
  writeStandings(ctx.store.sqlite, computeStandings(ctx.store.sqlite, ctx.settings, ids, ctx.today));
  refreshQueueCandidates(ctx.store.sqlite, ctx.settings, ctx.today, ids);
}

/** Every customer, from scratch, as of `today`. Runs in the caller's transaction, or its own. */
export function rebuildStandings(sqlite: Database.Database, settings: Settings, today: IsoDate, onProgress?: (done: number, total: number) => void): void {
  const ids = (preparedOn(sqlite, 'SELECT id FROM customers ORDER BY id').all() as { id: string }[]).map((r) => r.id);
  const run = sqlite.transaction(() => {
    sqlite.prepare('DELETE FROM installment_standings').run();
    sqlite.prepare('DELETE FROM customer_standings').run();
    for (let k = 0; k < ids.length; k += BATCH * 4) {
      writeStandings(sqlite, computeStandings(sqlite, settings, ids.slice(k, k + BATCH * 4), today));
      onProgress?.(Math.min(ids.length, k + BATCH * 4), ids.length);
    }
    setProjectionDay(sqlite, today);
    refreshQueueCandidates(sqlite, settings, today);
  });
  run.immediate();
}

export function rebuildAllStandings(store: Store, today: IsoDate, onProgress?: (done: number, total: number) => void): void {
  rebuildStandings(store.sqlite, loadSettings(store.db), today, onProgress);
}

/**
 * The store's day changed: refresh only the customers for whom a date crossed a threshold (valid_until), plus any
 * customer without a standing. The clock going back (tests, `--today`) rebuilds everything.
 */
export function advanceDay(sqlite: Database.Database, settings: Settings, today: IsoDate): number {
  const day = projectionDay(sqlite);
  if (day === today) return 0;
  if (day === null || today < day) {
    rebuildStandings(sqlite, settings, today);
    return -1;
  }
  let n = 0;
  sqlite
    .transaction(() => {
      const due = (preparedOn(sqlite,
        `SELECT id FROM customer_standings WHERE valid_until <= ?
         UNION ALL SELECT c.id FROM customers c WHERE NOT EXISTS (SELECT 1 FROM customer_standings s WHERE s.id = c.id)`).all(today) as { id: string }[]).map((r) => r.id);
      n = due.length;
      writeStandings(sqlite, computeStandings(sqlite, settings, due, today));
      setProjectionDay(sqlite, today);
      // Every candidate's score moves with the date (days late, days since the last contact).
      refreshQueueCandidates(sqlite, settings, today);
    })
    .immediate();
  return n;
}

/** Before any call: bring the standings to the store's today when the day has changed. */
export function ensureProjectionDay(ctx: Ctx): void {
  const sqlite = ctx.store.sqlite;
  if (projectionDay(sqlite) !== ctx.today) advanceDay(sqlite, ctx.settings, ctx.today);
  // A store whose standings predate the list's projection (or a bulk load that wrote only the standings).
  else if (queueDay(sqlite) !== ctx.today) sqlite.transaction(() => refreshQueueCandidates(sqlite, ctx.settings, ctx.today)).immediate();
}

/** Settings that change a derivation (grace, profile thresholds, promise rules, charges) need a full recomputation. */
export function settingsAffectStandings(before: Settings, after: Settings): boolean {
  const pick = (s: Settings) => JSON.stringify([s.policy.graceDays, s.policy.promiseKeptSharePct, s.policy.promiseToleranceDays, s.policy.fineRatePct, s.policy.lateInterestMonthlyPct, s.policy.closedWeekdays, s.store.state, s.store.timeZone, s.profiles]);
  return pick(before) !== pick(after);
}
