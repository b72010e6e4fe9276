import type { Ctx } from '../context';
import { addDays, noonIn, todayIn, type IsoDate } from '../../shared/dates';
import { dayStartIso, zoneOffsetMinutes } from '../projections/queue-candidates';
import { formatPhone } from '../../shared/phone';
import { statementLine, statementTotals } from '../../shared/ledger/quote';
import { callingWindow, minutesOfDay } from '../../shared/collection/calling-window';
import { contactPolicy, belongsOnTodaysList, type ContactDecision, type PolicyContact, type PolicyPhone, type PolicyStanding, type ContactPolicyFacts, type ContactPolicyRules } from '../../shared/collection/contact-policy';
import { scoreCustomer, compareScored } from '../../shared/collection/score';
import { judgePromise } from '../../shared/collection/promises';
import type { ProfileKind } from '../../shared/ui-format/profile';
import type { QueueItem, PromiseDue, QueueResult } from '../../shared/contract/queue';
import { overdueTotalsFor } from '../projections/read';
import { computeStandings } from '../projections/standings';
import { promiseRulesOf } from '../projections/derive';
import { localTimeFor } from '../projections/local-time';
import { prepared, storeCalendar, loadLedgers, chargePolicy } from './ledger-load';

// queue.build (issue "Who to call today" §4) and the facts the contact policy reads for it and for
// contacts.record. Today's list: SQL over customer_standings filters what the standing alone decides and orders
// by score.ts's sum; JS checks the rest for the top rows only (a page of a few × the list size). Another day's
// list: the standings recomputed in memory (slow; see pagerAsOf).

// The per-customer facts the contact policy reads that are not in the standing (standings.md): flags,
// phones, the last 7 days of contacts, the current agreement. One query each for a batch of customers.

// Re-exported: contacts.ts and the tests read them from here.
export { dayStartIso, zoneOffsetMinutes };

export const policyRules = (ctx: Ctx): ContactPolicyRules => ({
  graceDays: ctx.settings.policy.graceDays,
  maxCallsPerDay: ctx.settings.policy.maxCallsPerDay,
  maxCallsPer7Days: ctx.settings.policy.maxCallsPer7Days,
  quietDaysAfterConversation: ctx.settings.policy.quietDaysAfterConversation,
});

export function phonesOf(ctx: Ctx, ids: string[]): Map<string, PolicyPhone[]> {
  const out = new Map<string, PolicyPhone[]>(ids.map((id) => [id, []]));
  const rows = prepared(ctx,
    `SELECT customer_id AS c, id, number, position, wrong_number AS wrong, whatsapp FROM customer_phones
      WHERE customer_id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL ORDER BY customer_id, position`,
  ).all(JSON.stringify(ids)) as { c: string; id: string; number: string; position: number; wrong: number; whatsapp: number }[];
  for (const r of rows) out.get(r.c)!.push({ id: r.id, number: r.number, position: r.position, wrongNumber: !!r.wrong, whatsapp: !!r.whatsapp });
  return out;
}

/** Contacts from the start of the day six days before `today` up to `now` (the 7-day cap), by the contacts index. */
export function recentContactsOf(ctx: Ctx, ids: string[], today: IsoDate, now: Date): Map<string, PolicyContact[]> {
  const out = new Map<string, PolicyContact[]>(ids.map((id) => [id, []]));
  const rows = prepared(ctx,
    `SELECT customer_id AS c, at, channel, outcome, inbound FROM contacts
      WHERE customer_id IN (SELECT value FROM json_each(@ids)) AND at >= @from AND at <= @to ORDER BY customer_id, at`,
  ).all({ ids: JSON.stringify(ids), from: dayStartIso(addDays(today, -6), ctx.settings.store.timeZone), to: now.toISOString() }) as { c: string; at: string; channel: string; outcome: string; inbound: number }[];
  for (const r of rows) out.get(r.c)!.push({ at: r.at, channel: r.channel, outcome: r.outcome, inbound: !!r.inbound });
  return out;
}

/**
 * Each customer's current agreement — the newest one with parcelas still open — and how many of its parcelas
 * are overdue (DOMAIN.md "Agreements": broken after two are missed). Read from the parcelas' standings.
 */
export function agreementsOf(ctx: Ctx, ids: string[]): Map<string, { openCount: number; overdueCount: number }> {
  const rows = prepared(ctx,
    `SELECT i.customer_id AS c, i.agreement_id AS a, MAX(ag.date) AS d,
            SUM(st.status IN ('open', 'overdue')) AS openCount, SUM(st.status = 'overdue') AS overdueCount
       FROM installments i JOIN installment_standings st ON st.id = i.id JOIN agreements ag ON ag.id = i.agreement_id
      WHERE i.customer_id IN (SELECT value FROM json_each(?)) AND i.agreement_id IS NOT NULL
      GROUP BY i.customer_id, i.agreement_id HAVING openCount > 0 ORDER BY d`,
  ).all(JSON.stringify(ids)) as { c: string; openCount: number; overdueCount: number }[];
  const out = new Map<string, { openCount: number; overdueCount: number }>();
  for (const r of rows) out.set(r.c, { openCount: r.openCount, overdueCount: r.overdueCount });
  return out;
}

export interface StandingFacts extends PolicyStanding {
  id: string;
  lastAttemptAt: string | null;
}

const STANDING_POLICY_COLS = `s.id, s.overdue_principal_cents AS overduePrincipalCents, s.oldest_overdue_due AS oldestOverdueDue, s.paid_off_on AS paidOffOn,
  s.broken_promise_on AS brokenPromiseOn, s.last_conversation_at AS lastConversationAt, s.callback_at AS callbackAt, s.open_disputes AS openDisputes,
  s.last_attempt_at AS lastAttemptAt, s.promise_date AS promiseDate, s.promise_status AS promiseStatus`;

/** Everything the policy needs about one customer right now (contacts.record checks an outbound call with it). */
export function policyFactsFor(ctx: Ctx, customerId: string): { facts: ContactPolicyFacts; doNotCall: boolean } | null {
  const row = prepared(ctx, `SELECT ${STANDING_POLICY_COLS}, c.do_not_call AS doNotCall FROM customer_standings s JOIN customers c ON c.id = s.id WHERE s.id = ?`).get(customerId) as
    | (StandingFacts & { doNotCall: number })
    | undefined;
  if (!row) return null;
  const { doNotCall, id: _id, lastAttemptAt: _l, ...standing } = row;
  const ids = [customerId];
  return {
    doNotCall: !!doNotCall,
    facts: {
      standing,
      doNotCall: !!doNotCall,
      agreement: agreementsOf(ctx, ids).get(customerId) ?? null,
      phones: phonesOf(ctx, ids).get(customerId)!,
      recentContacts: recentContactsOf(ctx, ids, ctx.today, ctx.now).get(customerId)!,
      today: ctx.today,
      now: ctx.now,
      timeZone: ctx.settings.store.timeZone,
    },
  };
}

// ---- queue.build -------------------------------------------------------------------------------------------

/** One row the list may pick: the standing's facts and the customer's flags. */
interface Candidate extends StandingFacts {
  name: string;
  keyCustomer: boolean;
  doNotCall: boolean;
  profile: ProfileKind;
  profileReasons: string[];
  firstDelay: boolean;
  promiseDate: IsoDate | null;
  promiseStatus: string | null;
  bestHour: number | null;
}

export type { QueueItem, PromiseDue };

const CANDIDATE_COLS = `${STANDING_POLICY_COLS}, c.name, c.key_customer AS keyCustomer, c.do_not_call AS doNotCall, s.profile, s.profile_reasons AS profileReasons,
  s.first_delay AS firstDelay, s.best_hour AS bestHour`;

/**
 * Today's candidates come from their projection (db/projections/queue-candidates.ts: the exclusions the standing
 * alone decides, and the score), read from the top of the score index: the rows down to the score of the last
 * one asked for, then ordered exactly as compareScored orders them.
 */
const THRESHOLD_SQL = 'SELECT score FROM queue_candidates ORDER BY score DESC LIMIT 1 OFFSET ?';
const CANDIDATES_SQL = `SELECT ${CANDIDATE_COLS}, q.score
  FROM queue_candidates q JOIN customer_standings s ON s.id = q.id JOIN customers c ON c.id = q.id
 WHERE q.score >= @threshold
 ORDER BY q.score DESC, ABS(IFNULL(q.best_hour, @nowHour + 99) - @nowHour), q.overdue_principal_cents DESC, q.id`;

type CandidateRow = Omit<Candidate, 'keyCustomer' | 'doNotCall' | 'firstDelay' | 'profileReasons'> & { keyCustomer: number; doNotCall: number; firstDelay: number; profileReasons: string; score: number };

const toCandidate = ({ keyCustomer, doNotCall, firstDelay, profileReasons, score: _s, ...r }: CandidateRow): Candidate => ({
  ...r,
  keyCustomer: !!keyCustomer,
  doNotCall: !!doNotCall,
  firstDelay: !!firstDelay,
  profileReasons: JSON.parse(profileReasons),
});

/**
 * Fast path: the standings are for today. The database filters and orders by exactly compareScored's order,
 * so JS only drops rows (phones, the 7-day count, agreements) page by page and never re-sorts across pages.
 */
function pagerFromStandings(ctx: Ctx, nowHour: number): (skip: number, take: number) => Candidate[] {
  const threshold = prepared(ctx, THRESHOLD_SQL);
  const rows = prepared(ctx, CANDIDATES_SQL);
  return (skip, take) => {
    const last = threshold.get(skip + take - 1) as { score: number } | undefined;
    const all = rows.all({ threshold: last ? last.score : -1e9, nowHour }) as CandidateRow[];
    return all.slice(skip, skip + take).map(toCandidate);
  };
}

/**
 * Slow path for another day (asOf ≠ today): the standings hold today's facts, so the candidates' standings are
 * recomputed in memory as of that day (computeStandings, nothing written) for every customer with a parcela
 * due before the grace cutoff. Seconds on a large store; meant for looking back or planning, not for the counter.
 */
function pagerAsOf(ctx: Ctx, day: IsoDate, now: Date, nowHour: number): { page: (skip: number, take: number) => Candidate[]; agreements: Map<string, { openCount: number; overdueCount: number }> } {
  const cutoff = addDays(day, -ctx.settings.policy.graceDays);
  const ids = (prepared(ctx, 'SELECT DISTINCT customer_id AS id FROM installments WHERE due_date < ?').all(cutoff) as { id: string }[]).map((r) => r.id);
  const derived = computeStandings(ctx.store.sqlite, ctx.settings, ids, day);
  const flags = new Map(
    (prepared(ctx, `SELECT id, name, key_customer AS k, do_not_call AS d FROM customers WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`).all(JSON.stringify(ids)) as { id: string; name: string; k: number; d: number }[]).map(
      (r) => [r.id, r],
    ),
  );
  const agreementOf = new Map(
    (prepared(ctx, `SELECT id, customer_id AS c, agreement_id AS a FROM installments WHERE customer_id IN (SELECT value FROM json_each(?)) AND agreement_id IS NOT NULL ORDER BY due_date`).all(JSON.stringify(ids)) as { id: string; c: string; a: string }[]).map(
      (r) => [r.id, r.a],
    ),
  );
  const agreements = new Map<string, { openCount: number; overdueCount: number }>();
  const tz = ctx.settings.store.timeZone;
  const all: (Candidate & { score: number })[] = [];
  for (const [id, d] of derived) {
    const f = flags.get(id);
    const s = d.customer;
    if (!f || !s.oldestOverdueDue || s.overduePrincipalCents <= 0 || s.oldestOverdueDue >= cutoff) continue;
    const byAgreement = new Map<string, { openCount: number; overdueCount: number }>();
    for (const i of d.installments) {
      const a = agreementOf.get(i.id);
      if (!a || (i.status !== 'open' && i.status !== 'overdue')) continue;
      const c = byAgreement.get(a) ?? { openCount: 0, overdueCount: 0 };
      c.openCount++;
      if (i.status === 'overdue') c.overdueCount++;
      byAgreement.set(a, c);
    }
    const current = [...byAgreement.values()].pop();
    if (current) agreements.set(id, current);
    // Contacts after the moment judged do not exist yet for that day.
    const before = (ts: string | null) => (ts && Date.parse(ts) <= now.getTime() ? ts : null);
    const c: Candidate = {
      id,
      name: f.name,
      keyCustomer: !!f.k,
      doNotCall: !!f.d,
      overduePrincipalCents: s.overduePrincipalCents,
      oldestOverdueDue: s.oldestOverdueDue,
      paidOffOn: s.paidOffOn,
      brokenPromiseOn: s.brokenPromiseOn,
      lastConversationAt: before(s.lastConversationAt),
      lastAttemptAt: before(s.lastAttemptAt),
      callbackAt: s.callbackAt,
      openDisputes: s.openDisputes,
      profile: s.profile as ProfileKind,
      profileReasons: JSON.parse(s.profileReasons),
      firstDelay: s.firstDelay,
      promiseDate: s.promiseDate,
      promiseStatus: s.promiseStatus,
      bestHour: s.bestHour,
    };
    all.push({ ...c, score: scoreOf(c, day, tz, null).score });
  }
  all.sort(compareScored(nowHour));
  return { page: (skip, take) => all.slice(skip, skip + take), agreements };
}

const localDay = (iso: string | null, tz: string) => (iso ? todayIn(tz, new Date(iso)) : null);

function scoreOf(c: Candidate, day: IsoDate, tz: string, callbackReason: string | null, overdueCents?: number) {
  const lastContact = [c.lastAttemptAt, c.lastConversationAt].filter((x): x is string => !!x).sort().pop() ?? null;
  return scoreCustomer({
    today: day,
    overduePrincipalCents: c.overduePrincipalCents,
    overdueCents,
    oldestOverdueDue: c.oldestOverdueDue!,
    profile: c.profile,
    keyCustomer: c.keyCustomer,
    firstDelay: c.firstDelay,
    brokenPromiseOn: c.brokenPromiseOn,
    promiseDate: c.promiseDate,
    promiseStatus: c.promiseStatus,
    lastContactDay: localDay(lastContact, tz),
    bestHour: c.bestHour,
    callbackReason: c.callbackAt ? callbackReason ?? 'Pediu retorno' : null,
  });
}

const phoneView = (p: PolicyPhone | null) => (p ? { number: p.number, label: formatPhone(p.number), whatsapp: !!p.whatsapp } : null);

/**
 * The newest promise of each customer (the one the standing follows) when it is dated today — a reminder and a
 * check of the payment, not a call — or tomorrow (a reminder the day before). Today's come straight from the
 * standings, status included; `paidCents` is what judgePromise counts (payments from the day it was made).
 */
// The page is chosen from the standings alone (largest promises first), then the names and the payments are
// read for its rows only: joining every customer of a busy day costs more than the rest of the list.
const PROMISES_TODAY_SQL = `SELECT t.promiseId, t.customerId, c.name, t.date, t.amountCents,
       (SELECT IFNULL(SUM(pay.amount_cents), 0) FROM payments pay
         WHERE pay.customer_id = t.customerId AND pay.date >= date((SELECT p.created_at FROM promises p WHERE p.id = t.promiseId), @offset) AND pay.date <= MIN(@day, date(t.date, @tolerance))
           AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = pay.id AND r.date <= @day)) AS paidCents,
       t.status
  FROM (SELECT s.promise_id AS promiseId, s.id AS customerId, s.promise_date AS date, s.promise_amount_cents AS amountCents, s.promise_status AS status
          FROM customer_standings s WHERE s.promise_date = @date ORDER BY s.promise_amount_cents DESC, s.id LIMIT @limit) t
  JOIN customers c ON c.id = t.customerId
 WHERE c.deleted_at IS NULL
 ORDER BY t.amountCents DESC, t.customerId`;

const PROMISES_COUNT_SQL = `SELECT COUNT(*) AS n FROM customer_standings s WHERE s.promise_date = ?`;

/** A large store can have thousands of promises due on one day: the screen gets a page and the count. */
export const PROMISES_PAGE = 200;

interface PromisesOfDay {
  today: PromiseDue[];
  tomorrow: PromiseDue[];
  todayTotal: number;
  tomorrowTotal: number;
}

function promisesFromStandings(ctx: Ctx, day: IsoDate): PromisesOfDay {
  const params = { offset: `${zoneOffsetMinutes(day, ctx.settings.store.timeZone)} minutes`, tolerance: `+${ctx.settings.policy.promiseToleranceDays} days`, day, limit: PROMISES_PAGE };
  const page = (date: IsoDate) => prepared(ctx, PROMISES_TODAY_SQL).all({ ...params, date }) as PromiseDue[];
  const count = (date: IsoDate) => (prepared(ctx, PROMISES_COUNT_SQL).get(date) as { n: number }).n;
  const tomorrow = addDays(day, 1);
  return { today: page(day), tomorrow: page(tomorrow), todayTotal: count(day), tomorrowTotal: count(tomorrow) };
}

/** The same for another day: each customer's newest promise as of that day, judged from the payments. */
function promisesAsOf(ctx: Ctx, day: IsoDate): PromisesOfDay {
  const tomorrow = addDays(day, 1);
  const local = localTimeFor(ctx.settings.store.timeZone);
  const rows = (prepared(ctx,
    `SELECT p.id, p.customer_id AS customerId, c.name, p.date, p.amount_cents AS amountCents, p.created_at AS createdAt
       FROM promises p JOIN customers c ON c.id = p.customer_id
      WHERE p.date IN (@day, @tomorrow) AND c.deleted_at IS NULL ORDER BY p.date, c.name_folded, c.id`,
  ).all({ day, tomorrow }) as { id: string; customerId: string; name: string; date: IsoDate; amountCents: number; createdAt: string }[]).filter((r) => local(r.createdAt).day <= day);
  const out: PromisesOfDay = { today: [], tomorrow: [], todayTotal: 0, tomorrowTotal: 0 };
  if (!rows.length) return out;
  const ids = JSON.stringify([...new Set(rows.map((r) => r.customerId))]);
  const newest = new Map<string, string>();
  for (const p of prepared(ctx, 'SELECT customer_id AS c, id, created_at AS createdAt FROM promises WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid').all(ids) as { c: string; id: string; createdAt: string }[])
    if (local(p.createdAt).day <= day) newest.set(p.c, p.id);
  const byCustomer = new Map<string, { date: IsoDate; amountCents: number }[]>();
  for (const p of prepared(ctx,
    `SELECT p.customer_id AS c, p.date, p.amount_cents AS amountCents FROM payments p
      WHERE p.customer_id IN (SELECT value FROM json_each(@ids)) AND p.date <= @day
        AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id AND r.date <= @day)`,
  ).all({ ids, day }) as { c: string; date: IsoDate; amountCents: number }[]) {
    const list = byCustomer.get(p.c) ?? [];
    list.push(p);
    byCustomer.set(p.c, list);
  }
  const rules = promiseRulesOf(ctx.settings);
  for (const r of rows) {
    if (newest.get(r.customerId) !== r.id) continue;
    const j = judgePromise({ madeOn: local(r.createdAt).day, date: r.date, amountCents: r.amountCents }, byCustomer.get(r.customerId) ?? [], day, rules);
    (r.date === day ? out.today : out.tomorrow).push({ promiseId: r.id, customerId: r.customerId, name: r.name, date: r.date, amountCents: r.amountCents, paidCents: j.paidCents, status: j.status });
  }
  // Another day is looked back on or planned, not worked through: every promise, no page.
  return { ...out, todayTotal: out.today.length, tomorrowTotal: out.tomorrow.length };
}

export function buildQueue(ctx: Ctx, input: { asOf?: string; limit?: number }): QueueResult {
  const day = input.asOf ?? ctx.today;
  const limit = input.limit ?? ctx.settings.policy.queueSize;
  const tz = ctx.settings.store.timeZone;
  // Another day is judged at its noon, as the CLI's --today does (API.md).
  const now = day === ctx.today ? ctx.now : noonIn(day, tz);
  const window = callingWindow({ now, timeZone: tz, windows: ctx.settings.policy.callWindows, calendar: storeCalendar(ctx.settings) });
  const calling = { allowed: window.allowed, message: window.reason, opensAt: window.opensAt ?? null, opensOn: window.opensOn ?? null, closedReason: window.closedReason };
  const promises = day === ctx.today ? promisesFromStandings(ctx, day) : promisesAsOf(ctx, day);
  const base = {
    asOf: day,
    calling,
    promisesDueToday: promises.today,
    remindersTomorrow: promises.tomorrow,
    promisesDueTodayTotal: promises.todayTotal,
    remindersTomorrowTotal: promises.tomorrowTotal,
  };
  // Sunday or a feriado: nobody is called, and the list says why.
  if (window.closedReason) return { ...base, items: [] as QueueItem[] };

  const nowHour = Math.floor(minutesOfDay(now, tz) / 60);
  const slow = day === ctx.today ? null : pagerAsOf(ctx, day, now, nowHour);
  const page = slow ? slow.page : pagerFromStandings(ctx, nowHour);
  const rules = policyRules(ctx);
  const picked: { c: Candidate; d: ContactDecision; callback: string | null; score: number }[] = [];
  // A few times the list: the SQL filters leave only phones, the 7-day count and agreements to JS.
  const take = Math.max(10, limit * 3);
  for (let skip = 0; picked.length < limit; skip += take) {
    const rows = page(skip, take);
    const ids = rows.map((r) => r.id);
    const phones = phonesOf(ctx, ids);
    const contacts = recentContactsOf(ctx, ids, day, now);
    const agreements = slow ? slow.agreements : agreementsOf(ctx, ids);
    for (const c of rows) {
      const d = contactPolicy(
        { standing: c, doNotCall: c.doNotCall, agreement: agreements.get(c.id) ?? null, phones: phones.get(c.id)!, recentContacts: contacts.get(c.id)!, today: day, now, timeZone: tz },
        rules,
      );
      if (!belongsOnTodaysList(d)) continue;
      const later = d.blocks.find((b) => b.code === 'callback_later_today');
      const callback = later ? later.message.replace(/\.$/, '') : null;
      picked.push({ c, d, callback, score: scoreOf(c, day, tz, callback).score });
    }
    if (rows.length < take) break;
  }
  const top = picked.slice(0, limit);
  // What accounts.statement would say is overdue (principal + multa + juros), for the items shown only.
  const ids = top.map((p) => p.c.id);
  const totals = slow ? overdueAsOf(ctx, ids, day) : overdueTotalsFor(ctx, ids);
  const items: QueueItem[] = top.map(({ c, d, callback, score }) => {
    const overdueCents = totals.get(c.id) ?? c.overduePrincipalCents;
    const s = scoreOf(c, day, tz, callback, overdueCents);
    return {
      customerId: c.id,
      name: c.name,
      score,
      overdueCents,
      daysLate: s.daysLate,
      profile: c.profile,
      profileReasons: c.profileReasons,
      reasons: s.reasons,
      phone: phoneView(d.phone),
      bestHour: c.bestHour,
      keyCustomer: c.keyCustomer,
    };
  });
  return { ...base, items };
}

/** overdueTotalsFor for another day: from the ledgers as of that day (the statement's own math). */
function overdueAsOf(ctx: Ctx, ids: string[], day: IsoDate): Map<string, number> {
  const policy = chargePolicy(ctx.settings);
  const out = new Map<string, number>();
  for (const [id, ledger] of loadLedgers(ctx, ids, day)) out.set(id, statementTotals(ledger.map((i) => statementLine(i, day, policy))).overdueCents);
  return out;
}
