import type { Store } from '../open';
import type { BenchCase } from './bench-command';
import { loadSettings } from '../usecases/settings';
import { rebuildWeeklyFacts, weeklyFactsBuilt, weekOf } from '../projections/weekly';
import { addDays } from '../../shared/dates';

/**
 * dashboard.weekly over three years (issue 8: aim ≤ 200 ms on the 100,000-customer store), beside its floor: the
 * same figures read by hand — the weekly facts of both periods in one range, the balances before them, the
 * clerks' sums, one pass over the standings for today's aging, profiles and rates, and the profile moves.
 * A cached store built before weekly_facts existed (or by older conventions) gets the table computed here, once,
 * before anything is timed (about a minute at 100,000 customers).
 */
export function dashboardBenchCase(store: Store, call: (m: string, i: unknown) => unknown, today: string, log: (s: string) => void = (s) => console.error(s)): BenchCase {
  const q = store.sqlite;
  if (!weeklyFactsBuilt(q)) {
    log('Calculando os números semanais do painel (weekly_facts) nesta loja, uma vez...');
    const t0 = Date.now();
    rebuildWeeklyFacts(q, loadSettings(store.db));
    log(`  prontos em ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  const from = addDays(today, -3 * 365);
  const first = weekOf(from);
  const last = weekOf(today);
  const weeks = Math.round((Date.parse(last) - Date.parse(first)) / (7 * 86_400_000)) + 1;
  const p = { prev: addDays(first, -7 * weeks), first, last, end: addDays(last, 6), next: addDays(last, 7), t30: addDays(today, -30), t60: addDays(today, -60), t90: addDays(today, -90) };
  const facts = q.prepare("SELECT metric, week_start, value FROM weekly_facts WHERE dim = '' AND week_start >= @prev AND week_start <= @last");
  const before = q.prepare("SELECT metric, SUM(value) FROM weekly_facts WHERE metric IN ('open_delta', 'overdue_delta') AND dim = '' AND week_start < @prev GROUP BY metric");
  const clerks = q.prepare("SELECT f.dim, f.metric, SUM(f.value) FROM weekly_facts f WHERE f.dim IN (SELECT id FROM users) AND f.week_start >= @first AND f.week_start <= @last GROUP BY f.dim, f.metric");
  const users = q.prepare('SELECT id, name FROM users WHERE deleted_at IS NULL');
  const cases = q.prepare("SELECT dim, metric, SUM(value) FROM weekly_facts WHERE metric IN ('ww_cases', 'ww_worked') AND week_start >= @first AND week_start <= @last GROUP BY dim, metric");
  const standings = q.prepare(
    `SELECT profile,
            CASE WHEN overdue_principal_cents <= 0 OR oldest_overdue_due IS NULL THEN NULL
                 WHEN oldest_overdue_due >= @t30 THEN 1 WHEN oldest_overdue_due >= @t60 THEN 2 WHEN oldest_overdue_due >= @t90 THEN 3 ELSE 4 END,
            COUNT(*), SUM(open_principal_cents), SUM(overdue_principal_cents), SUM(open_principal_cents > overdue_principal_cents),
            SUM(paid_off_on >= @first AND paid_off_on <= @end),
            SUM(CASE WHEN promise_date >= @first AND promise_date <= @end THEN promise_status IN ('kept', 'partial', 'broken') END),
            SUM(CASE WHEN promise_date >= @first AND promise_date <= @end THEN promise_status = 'kept' END),
            SUM(CASE WHEN last_conversation_at >= @first AND last_conversation_at < @next THEN 1 END),
            SUM(CASE WHEN last_conversation_at >= @first AND last_conversation_at < @next THEN promise_date >= substr(last_conversation_at, 1, 10) END),
            SUM(CASE WHEN last_conversation_at >= @first AND last_conversation_at < @next AND last_payment_date >= substr(last_conversation_at, 1, 10)
                     THEN julianday(last_payment_date) - julianday(substr(last_conversation_at, 1, 10)) <= 7 END)
       FROM customer_standings GROUP BY 1, 2`,
  );
  const moves = q.prepare('SELECT from_profile, to_profile, COUNT(DISTINCT customer_id) FROM profile_moves WHERE day >= @first AND day <= @end GROUP BY 1, 2');
  for (const s of [facts, before, clerks, users, cases, standings, moves]) s.raw(true);
  return {
    name: 'dashboard.weekly (3 anos)',
    api: () => call('dashboard.weekly', { from, to: today }),
    floor: () => [facts.all(p), before.all(p), clerks.all(p), users.all(), cases.all(p), standings.all(p), moves.all(p)],
    runs: 20,
  };
}
