import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import type {
  ClerkRow,
  DashboardWeek,
  DashboardWeeklyResult,
  PeriodTotals,
  Rate,
  WhatWorksRow,
} from '../../shared/contract/dashboard';
import { CONVERSATION_OUTCOMES } from '../../shared/contract/collection';
import { OBJECTIONS } from '../../shared/collection/objections';
import { PROFILE_LABELS, PROFILE_KINDS } from '../../shared/ui-format/profile';
import { addDays, daysBetween, type IsoDate } from '../../shared/dates';
import { WEEKLY, weekOf, weekEnd, weeklyFactsBuilt, rebuildWeeklyFacts } from '../projections/weekly';
import { projectionDay } from '../projections/standings';
import { preparedOn } from './ledger-load';
import { agingAsOf } from './dashboard-aging';

// dashboard.weekly (issue 8 item 1): the owner's weekly review. The weekly series come from weekly_facts
// (db/projections/weekly.ts has the conventions); what is "now" (aging, profiles, balances of the running week)
// from the standings; the few figures that need a customer's current profile or the days after a contact are
// read from the raw rows over the last RECENT_DAYS of the period (what works, promises by profile).
//
// The period is read in whole weeks: from the Monday of `from`'s week to the Sunday of `to`'s week. The previous
// period is the same number of weeks just before. A balance is the one at the end of its week (Sunday night); for
// the week that holds the store's today (and any later one) it is today's, from the standings.

/** Below this many cases a rate names no winner: the screen says "poucos casos ainda". */
export const MIN_CASES = 20;
/** What works and promises by profile look at the period's last 13 weeks (raw rows, the current profile). */
export const RECENT_DAYS = 91;

const TALK = CONVERSATION_OUTCOMES.map((o) => `'${o}'`).join(', ');

export const rate = (hits: number, cases: number): Rate => ({
  cases,
  hits,
  ratePct: cases ? Math.round((hits / cases) * 1000) / 10 : null,
  enoughCases: cases >= MIN_CASES,
});
const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

/** The store's weekly figures of one dimension (''), metric → week → value, for weeks in [first, last]. */
function readFacts(q: Database.Database, dim: string, first: IsoDate, last: IsoDate): Map<string, Map<string, number>> {
  const rows = preparedOn(q, 'SELECT metric, week_start AS w, value FROM weekly_facts WHERE metric = ? AND dim = ? AND week_start >= ? AND week_start <= ?');
  const out = new Map<string, Map<string, number>>();
  for (const metric of Object.values(WEEKLY)) {
    if (metric === WEEKLY.openDelta || metric === WEEKLY.overdueDelta) continue;
    const m = new Map<string, number>();
    for (const r of rows.all(metric, dim, first, last) as { w: string; value: number }[]) m.set(r.w, r.value);
    out.set(metric, m);
  }
  return out;
}

/** A balance at the end of each week: everything before `first`, then week by week. */
function balanceSeries(q: Database.Database, metric: string, weeks: IsoDate[]): number[] {
  const before = (preparedOn(q, "SELECT IFNULL(SUM(value), 0) AS s FROM weekly_facts WHERE metric = ? AND dim = '' AND week_start < ?").get(metric, weeks[0]) as { s: number }).s;
  const byWeek = new Map(
    (preparedOn(q, "SELECT week_start AS w, value FROM weekly_facts WHERE metric = ? AND dim = '' AND week_start >= ? AND week_start <= ?").all(metric, weeks[0], weeks[weeks.length - 1]) as { w: string; value: number }[]).map((r) => [r.w, r.value]),
  );
  let run = before;
  return weeks.map((w) => (run += byWeek.get(w) ?? 0));
}

function weeksBetween(first: IsoDate, last: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  for (let w = first; w <= last; w = addDays(w, 7)) out.push(w);
  return out;
}

/** The store's open and overdue principal today (customer_standings: valid for the projection's day). */
function balancesToday(q: Database.Database): { openCents: number; overdueCents: number } {
  return preparedOn(q, 'SELECT IFNULL(SUM(open_principal_cents), 0) AS openCents, IFNULL(SUM(overdue_principal_cents), 0) AS overdueCents FROM customer_standings').get() as {
    openCents: number;
    overdueCents: number;
  };
}

function buildWeeks(ctx: Ctx, first: IsoDate, last: IsoDate): DashboardWeek[] {
  const q = ctx.store.sqlite;
  const weeks = weeksBetween(first, last);
  const f = readFacts(q, '', first, last);
  const v = (metric: string, w: string) => f.get(metric)!.get(w) ?? 0;
  const open = balanceSeries(q, WEEKLY.openDelta, weeks);
  const overdue = balanceSeries(q, WEEKLY.overdueDelta, weeks);
  const today = projectionDay(q) === ctx.today ? balancesToday(q) : null;
  return weeks.map((w, k) => {
    const now = today && weekEnd(w) >= ctx.today;
    const openCents = now ? today.openCents : open[k];
    const overdueCents = now ? today.overdueCents : overdue[k];
    const paymentsCents = v(WEEKLY.payments, w);
    const reversedCents = v(WEEKLY.reversed, w);
    return {
      weekStart: w,
      overdueCents,
      openCents,
      defaultRatePct: pct(overdueCents, openCents),
      recoveredCents: paymentsCents - reversedCents,
      paymentsCents,
      reversedCents,
      newCreditCents: v(WEEKLY.newCredit, w),
      promisesMade: v(WEEKLY.promisesMade, w),
      promisesDue: v(WEEKLY.promisesDue, w),
      promisesKept: v(WEEKLY.promisesKept, w),
      attempts: v(WEEKLY.attempts, w),
      answered: v(WEEKLY.answered, w),
      agreements: v(WEEKLY.agreements, w),
      discountCents: v(WEEKLY.discountAgreements, w) + v(WEEKLY.discountWaived, w),
      feedbackCount: v(WEEKLY.feedbackCount, w),
      feedbackSum: v(WEEKLY.feedbackSum, w),
    };
  });
}

function totalsOf(weeks: DashboardWeek[]): PeriodTotals {
  const sum = (k: keyof DashboardWeek) => weeks.reduce((s, w) => s + (w[k] as number), 0);
  const last = weeks[weeks.length - 1];
  const feedbackCount = sum('feedbackCount');
  return {
    recoveredCents: sum('recoveredCents'),
    newCreditCents: sum('newCreditCents'),
    promisesMade: sum('promisesMade'),
    promisesKept: sum('promisesKept'),
    attempts: sum('attempts'),
    answered: sum('answered'),
    agreements: sum('agreements'),
    discountCents: sum('discountCents'),
    feedbackAverage: feedbackCount ? Math.round((sum('feedbackSum') / feedbackCount) * 10) / 10 : null,
    overdueCents: last?.overdueCents ?? 0,
    defaultRatePct: last?.defaultRatePct ?? 0,
  };
}

/** Promises are judged once their date + tolerance has passed: the weeks whose promises may still be pending are left out of kept rates. */
const decidedUpTo = (ctx: Ctx) => weekOf(addDays(ctx.today, -ctx.settings.policy.promiseToleranceDays - 7));

function clerks(ctx: Ctx, first: IsoDate, last: IsoDate) {
  const q = ctx.store.sqlite;
  const users = preparedOn(q, 'SELECT id, name FROM users WHERE deleted_at IS NULL ORDER BY name').all() as { id: string; name: string }[];
  const sums = preparedOn(q, 'SELECT metric, IFNULL(SUM(value), 0) AS s FROM weekly_facts WHERE dim = ? AND week_start >= ? AND week_start <= ? AND metric IN (SELECT value FROM json_each(?)) GROUP BY metric');
  const decided = decidedUpTo(ctx) < last ? decidedUpTo(ctx) : last;
  const metrics = JSON.stringify(Object.values(WEEKLY));
  const rows: ClerkRow[] = [];
  const byUser: DashboardWeeklyResult['promiseRates']['byUser'] = [];
  for (const u of users) {
    const m = new Map((sums.all(u.id, first, last, metrics) as { metric: string; s: number }[]).map((r) => [r.metric, r.s]));
    const d = new Map((sums.all(u.id, first, decided, metrics) as { metric: string; s: number }[]).map((r) => [r.metric, r.s]));
    const g = (k: string) => m.get(k) ?? 0;
    const feedbackCount = g(WEEKLY.feedbackCount);
    const row: ClerkRow = {
      userId: u.id,
      name: u.name,
      attempts: g(WEEKLY.attempts),
      conversations: g(WEEKLY.conversations),
      promises: g(WEEKLY.promisesMade),
      promisesKept: g(WEEKLY.promisesKept),
      agreements: g(WEEKLY.agreements),
      recoveredCents: g(WEEKLY.payments) - g(WEEKLY.reversed),
      feedbackAverage: feedbackCount ? Math.round((g(WEEKLY.feedbackSum) / feedbackCount) * 10) / 10 : null,
      feedbackCount,
    };
    rows.push(row);
    byUser.push({ userId: u.id, name: u.name, ...rate(d.get(WEEKLY.promisesKept) ?? 0, d.get(WEEKLY.promisesDue) ?? 0), made: rate(row.promises, row.conversations) });
  }
  return { rows, byUser };
}

/** The store's customers per profile today (standings), in DOMAIN.md order. */
function profiles(q: Database.Database) {
  const n = new Map((preparedOn(q, 'SELECT profile, COUNT(*) AS n FROM customer_standings GROUP BY profile').all() as { profile: string; n: number }[]).map((r) => [r.profile, r.n]));
  return PROFILE_KINDS.map((kind) => ({ kind, label: PROFILE_LABELS[kind], customers: n.get(kind) ?? 0 }));
}

/**
 * What works, over the period's last RECENT_DAYS: a case "worked" when the customer paid (not reversed) within
 * 7 days of it — a conversation by the customer's current profile, a contact in which an objection was heard, a
 * régua reminder by its step.
 */
function whatWorks(ctx: Ctx, from: IsoDate, to: IsoDate): DashboardWeeklyResult['whatWorks'] {
  const q = ctx.store.sqlite;
  const paidWithin = `EXISTS (SELECT 1 FROM payments p WHERE p.customer_id = x.customer_id AND p.date >= x.day AND p.date <= date(x.day, '+7 days')
                       AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id))`;
  // contacts.at and created_at are UTC; the store's day is close enough to the UTC one for a 7-day window
  const fromTs = from;
  const toTs = addDays(to, 1);
  const byProfile = preparedOn(q,
    `SELECT s.profile AS key, COUNT(*) AS cases, SUM(${paidWithin}) AS hits FROM
       (SELECT customer_id, substr(at, 1, 10) AS day FROM contacts WHERE at >= ? AND at < ? AND outcome IN (${TALK})) x
       JOIN customer_standings s ON s.id = x.customer_id GROUP BY s.profile`,
  ).all(fromTs, toTs) as { key: string; cases: number; hits: number }[];
  const byObjection = preparedOn(q,
    `SELECT j.value AS key, COUNT(*) AS cases, SUM(${paidWithin}) AS hits FROM
       (SELECT customer_id, substr(at, 1, 10) AS day, objection_ids FROM contacts WHERE at >= ? AND at < ? AND objection_ids IS NOT NULL) x, json_each(x.objection_ids) j
      GROUP BY j.value`,
  ).all(fromTs, toTs) as { key: string; cases: number; hits: number }[];
  const byStep = preparedOn(q,
    `SELECT x.step_id AS key, COUNT(*) AS cases, SUM(${paidWithin}) AS hits FROM
       (SELECT customer_id, substr(created_at, 1, 10) AS day, step_id FROM messages WHERE created_at >= ? AND created_at < ? AND step_id IS NOT NULL) x
      GROUP BY x.step_id`,
  ).all(fromTs, toTs) as { key: string; cases: number; hits: number }[];
  const stepLabels = new Map(ctx.settings.regua.steps.map((s) => [s.id, s.label]));
  const objectionLabels = new Map(OBJECTIONS.map((o) => [o.id as string, o.label]));
  const row = (labels: (k: string) => string) => (r: { key: string; cases: number; hits: number }): WhatWorksRow => ({ key: r.key, label: labels(r.key), outcome: rate(r.hits, r.cases) });
  const order = (a: WhatWorksRow, b: WhatWorksRow) => b.outcome.cases - a.outcome.cases;
  return {
    byProfile: byProfile.map(row((k) => PROFILE_LABELS[k as keyof typeof PROFILE_LABELS] ?? k)).sort(order),
    byObjection: byObjection.map(row((k) => objectionLabels.get(k) ?? k)).sort(order),
    byStep: byStep.map(row((k) => stepLabels.get(k) ?? k)).sort(order),
    minCases: MIN_CASES,
  };
}

/** Promise-kept and promise-made rates by the customer's current profile, over the period's last RECENT_DAYS. */
function promisesByProfile(ctx: Ctx, from: IsoDate, to: IsoDate): DashboardWeeklyResult['promiseRates']['byProfile'] {
  const q = ctx.store.sqlite;
  const tol = ctx.settings.policy.promiseToleranceDays;
  const share = ctx.settings.policy.promiseKeptSharePct;
  const decided = addDays(ctx.today, -tol - 1) < to ? addDays(ctx.today, -tol - 1) : to;
  // made on: the creation's UTC day, as whatWorks (a promise made after 21:00 in São Paulo counts from the next UTC day)
  const kept = preparedOn(q,
    `SELECT s.profile AS key, COUNT(*) AS cases, SUM((SELECT IFNULL(SUM(p.amount_cents), 0) FROM payments p WHERE p.customer_id = x.customer_id AND p.date >= substr(x.created_at, 1, 10)
              AND p.date <= date(x.date, '+' || @tol || ' days') AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id)) * 100 >= x.amount_cents * @share) AS hits
       FROM promises x JOIN customer_standings s ON s.id = x.customer_id WHERE x.date >= @from AND x.date <= @decided GROUP BY s.profile`,
  ).all({ tol, share, from, decided }) as { key: string; cases: number; hits: number }[];
  const made = preparedOn(q,
    `SELECT s.profile AS key, COUNT(*) AS cases, SUM(EXISTS (SELECT 1 FROM promises pr WHERE pr.contact_id = x.id)) AS hits
       FROM contacts x JOIN customer_standings s ON s.id = x.customer_id WHERE x.at >= @from AND x.at < @to AND x.outcome IN (${TALK}) GROUP BY s.profile`,
  ).all({ from, to: addDays(to, 1) }) as { key: string; cases: number; hits: number }[];
  const k = new Map(kept.map((r) => [r.key, r]));
  const m = new Map(made.map((r) => [r.key, r]));
  return PROFILE_KINDS.map((kind) => ({
    kind,
    label: PROFILE_LABELS[kind],
    ...rate(k.get(kind)?.hits ?? 0, k.get(kind)?.cases ?? 0),
    made: rate(m.get(kind)?.hits ?? 0, m.get(kind)?.cases ?? 0),
  }));
}

/**
 * Loyalty in the period: customers whose whole balance is paid off now and reached zero in the period, and customers
 * who bought again in the period after having paid every earlier parcela (installment_standings.paid_off_on on or
 * before the new sale's date).
 */
function loyalty(q: Database.Database, from: IsoDate, to: IsoDate): DashboardWeeklyResult['loyalty'] {
  const paidOff = (preparedOn(q, 'SELECT COUNT(*) AS n FROM customer_standings WHERE paid_off_on >= ? AND paid_off_on <= ?').get(from, to) as { n: number }).n;
  const boughtAgain = (preparedOn(q,
    `SELECT COUNT(DISTINCT s.customer_id) AS n FROM sales s
      WHERE s.date >= @from AND s.date <= @to
        AND EXISTS (SELECT 1 FROM sales e WHERE e.customer_id = s.customer_id AND e.date < s.date)
        AND NOT EXISTS (SELECT 1 FROM installments i JOIN sales e ON e.id = i.sale_id JOIN installment_standings st ON st.id = i.id
                         WHERE i.customer_id = s.customer_id AND e.date < s.date AND st.status <> 'renegotiated' AND (st.paid_off_on IS NULL OR st.paid_off_on > s.date))`,
  ).get({ from, to }) as { n: number }).n;
  return { paidOff: paidOff + boughtAgain, boughtAgain };
}

export function dashboardWeekly(ctx: Ctx, input: { from: string; to: string }): DashboardWeeklyResult {
  const q = ctx.store.sqlite;
  // A store that predates the table (or a bulk load that skipped it): computed once, then kept by every write.
  if (!weeklyFactsBuilt(q)) rebuildWeeklyFacts(q, ctx.settings);
  const first = weekOf(input.from);
  const last = weekOf(input.to);
  const n = daysBetween(first, last) / 7 + 1;
  const weeks = buildWeeks(ctx, first, last);
  const previous = buildWeeks(ctx, addDays(first, -7 * n), addDays(first, -7));
  const periodEnd = weekEnd(last);
  const recentFrom = addDays(periodEnd, -RECENT_DAYS + 1) > first ? addDays(periodEnd, -RECENT_DAYS + 1) : first;
  const aging = agingAsOf(ctx, input.to);
  const totals = totalsOf(weeks);
  const people = clerks(ctx, first, last);
  const sums = (metric: string) => weeks.reduce((s, w) => s + ((w as unknown as Record<string, number>)[metric] ?? 0), 0);
  const facts = readFacts(q, '', first, last);
  const all = (metric: string) => [...facts.get(metric)!.values()].reduce((s, v) => s + v, 0);
  return {
    from: input.from,
    to: input.to,
    weeks,
    totals,
    previous: totalsOf(previous),
    aging: aging.buckets,
    openCents: aging.openCents,
    profiles: profiles(q),
    // No history of profiles is kept (the standings hold today's only): moves cannot be told yet.
    profileMoves: [],
    promiseRates: { byUser: people.byUser, byProfile: promisesByProfile(ctx, recentFrom, periodEnd) },
    contactRate: rate(sums('answered'), sums('attempts')),
    agreements: { count: totals.agreements, discountCents: all(WEEKLY.discountAgreements), beyondMargins: all(WEEKLY.agreementsBeyond) },
    whatWorks: whatWorks(ctx, recentFrom, periodEnd),
    byUser: people.rows,
    loyalty: loyalty(q, first, periodEnd),
  };
}
export { dashboardDrill } from './dashboard-drill';
