import type Database from 'better-sqlite3';
import { addDays, noonIn, type IsoDate } from '../../shared/dates';
import type { Settings } from '../../shared/contract/settings';
import { SCORE } from '../../shared/collection/score';
import { preparedOn } from '../usecases/ledger-load';

// The list's candidates (queue.build, issue "Who to call today" §4) as a projection: each customer the standing
// alone allows today, with score.ts's sum. Everything here depends on the day, the settings and the standing
// only — never on the hour — so it stays true until the next write that touches the customer or the next day.
// What depends on the moment (calling hours, a callback later today, the 7-day count, phones, agreements) is
// still checked by queue.ts, for the top rows only.

/** The UTC instant a store day starts, as stored timestamps are written (toISOString). */
export const dayStartIso = (date: IsoDate, timeZone: string): string => new Date(noonIn(date, timeZone).getTime() - 12 * 3_600_000).toISOString();

/** Minutes the store's zone is ahead of UTC on that day (São Paulo: −180), for SQLite's date(ts, '±N minutes'). */
export function zoneOffsetMinutes(date: IsoDate, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d, 12) - noonIn(date, timeZone).getTime()) / 60_000);
}

/** score.ts's sum, in SQL (keep the two in step: test/integration/queue-consistency.test.ts compares them). */
export const SQL_SCORE = `(CASE WHEN s.broken_promise_on IS NOT NULL THEN ${SCORE.brokenPromise} ELSE 0 END
  + CASE WHEN s.callback_at IS NOT NULL THEN ${SCORE.callback} ELSE 0 END
  + MIN(${SCORE.maxDaysLate}, CAST(julianday(@today) - julianday(s.oldest_overdue_due) AS INTEGER))
  + MIN(${SCORE.maxAmount}, s.overdue_principal_cents / ${SCORE.amountStepCents})
  + CASE s.profile ${Object.entries(SCORE.profile).map(([k, v]) => `WHEN '${k}' THEN ${v}`).join(' ')} ELSE 0 END
  + CASE WHEN c.key_customer THEN ${SCORE.keyCustomer} ELSE 0 END
  + CASE WHEN s.first_delay AND s.profile <> 'mau_pagador' AND julianday(@today) - julianday(s.oldest_overdue_due) <= ${SCORE.firstDelayMaxDaysLate} THEN ${SCORE.firstDelay} ELSE 0 END
  + COALESCE(MIN(${SCORE.maxDaysSinceContact}, CAST(julianday(@today) - julianday(date(MAX(COALESCE(s.last_attempt_at, ''), COALESCE(s.last_conversation_at, '')), @offset)) AS INTEGER)), ${SCORE.maxDaysSinceContact}))`;

/**
 * The policy's exclusions that the standing alone decides: past the grace days, not "não ligar", no open
 * dispute, not in the quiet days after a conversation (unless a callback is pending or a promise broke after it),
 * no callback set for a later day, no promise still pending (a reminder, not a call), and with a daily cap of
 * one, not called today (unless a timed callback is due).
 */
export const CANDIDATE_WHERE = `s.oldest_overdue_due < @graceCutoff AND s.overdue_principal_cents > 0
   AND c.do_not_call = 0 AND c.deleted_at IS NULL AND s.open_disputes = 0 AND @maxPerDay > 0
   AND NOT (@quietDays > 0 AND IFNULL(s.last_conversation_at, '') >= @quietFrom AND s.callback_at IS NULL
            AND (s.broken_promise_on IS NULL OR s.broken_promise_on < date(s.last_conversation_at, @offset)))
   AND IFNULL(s.callback_at, '') < @tomorrowStart
   AND NOT (IFNULL(s.promise_status, '') = 'pending' AND IFNULL(s.promise_date, '') >= @today)
   AND NOT (@maxPerDay = 1 AND IFNULL(s.last_attempt_at, '') >= @todayStart
            AND NOT (IFNULL(s.callback_at, '') > IFNULL(s.last_conversation_at, '~')))`;

export function candidateParams(settings: Settings, day: IsoDate) {
  const p = settings.policy;
  const tz = settings.store.timeZone;
  return {
    today: day,
    offset: `${zoneOffsetMinutes(day, tz)} minutes`,
    graceCutoff: addDays(day, -p.graceDays),
    maxPerDay: p.maxCallsPerDay,
    quietDays: p.quietDaysAfterConversation,
    quietFrom: dayStartIso(addDays(day, 1 - p.quietDaysAfterConversation), tz),
    todayStart: dayStartIso(day, tz),
    tomorrowStart: dayStartIso(addDays(day, 1), tz),
  };
}

const SELECT_CANDIDATES = `SELECT s.id, @today, ${SQL_SCORE}, s.overdue_principal_cents, s.best_hour
  FROM customer_standings s JOIN customers c ON c.id = s.id WHERE ${CANDIDATE_WHERE}`;
const INSERT_ALL = `INSERT INTO queue_candidates (id, day, score, overdue_principal_cents, best_hour) ${SELECT_CANDIDATES}`;
const INSERT_SOME = `${INSERT_ALL} AND s.id IN (SELECT value FROM json_each(@ids))`;

/** Recomputes the candidates: all of them (a new day, new settings, a rebuild) or only these customers (a write). */
export function refreshQueueCandidates(sqlite: Database.Database, settings: Settings, day: IsoDate, customerIds?: string[]): void {
  const params = candidateParams(settings, day);
  if (customerIds) {
    if (!customerIds.length) return;
    const ids = JSON.stringify(customerIds);
    preparedOn(sqlite, 'DELETE FROM queue_candidates WHERE id IN (SELECT value FROM json_each(?))').run(ids);
    preparedOn(sqlite, INSERT_SOME).run({ ...params, ids });
    return;
  }
  preparedOn(sqlite, 'DELETE FROM queue_candidates').run();
  preparedOn(sqlite, INSERT_ALL).run(params);
  preparedOn(sqlite, 'INSERT OR REPLACE INTO projection_state (id, day, updated_at) VALUES (?, ?, ?)').run('queue', day, new Date().toISOString());
}

export function queueDay(sqlite: Database.Database): IsoDate | null {
  return (preparedOn(sqlite, "SELECT day FROM projection_state WHERE id = 'queue'").get() as { day: string } | undefined)?.day ?? null;
}

/** For `npx emdia check`: the stored candidates against a recomputation from the stored standings. */
export function checkQueueCandidates(sqlite: Database.Database, settings: Settings, day: IsoDate): string[] {
  const expected = new Map((sqlite.prepare(SELECT_CANDIDATES).raw(true).all(candidateParams(settings, day)) as [string, string, number, number, number | null][]).map((r) => [r[0], r]));
  const stored = sqlite.prepare('SELECT id, day, score, overdue_principal_cents, best_hour FROM queue_candidates').raw(true).all() as [string, string, number, number, number | null][];
  const out: string[] = [];
  for (const row of stored) {
    const want = expected.get(row[0]);
    if (!want) out.push(`lista: cliente ${row[0]} está entre os candidatos, mas não deveria`);
    else if (JSON.stringify(want) !== JSON.stringify(row)) out.push(`lista: cliente ${row[0]} gravado ${JSON.stringify(row.slice(1))}, recalculado ${JSON.stringify(want.slice(1))}`);
    expected.delete(row[0]);
  }
  for (const id of expected.keys()) out.push(`lista: cliente ${id} deveria estar entre os candidatos`);
  return out;
}
