import type Database from 'better-sqlite3';
import type { Ctx } from '../context';
import type {
  AgingBucketId,
  ClerkRow,
  DashboardWeek,
  DashboardWeeklyResult,
  PeriodTotals,
  Rate,
  WhatWorksRow,
} from '../../shared/contract/dashboard';
import { OBJECTIONS } from '../../shared/collection/objections';
import { PROFILE_LABELS, PROFILE_KINDS } from '../../shared/ui-format/profile';
import { addDays, daysBetween, type IsoDate } from '../../shared/dates';
import { WEEKLY, WORKED_DAYS, weekOf, weekEnd, weeklyFactsBuilt, rebuildWeeklyFacts } from '../projections/weekly';
import { projectionDay } from '../projections/standings';
import { preparedOn } from './ledger-load';
import { agingAsOf, AGING_LABELS } from './dashboard-aging';

// dashboard.weekly (issue 8 item 1): the owner's weekly review. The weekly series come from weekly_facts
// (db/projections/weekly.ts has the conventions); what is "now" (aging, profiles, balances of the running week,
// the figures by profile — no history of profiles is kept) from the standings.
//
// The period is read in whole weeks: from the Monday of `from`'s week to the Sunday of `to`'s week. The previous
// period is the same number of weeks just before. A balance is the one at the end of its week (Sunday night); for
// the week that holds the store's today (and any later one) it is today's, from the standings.

/** Below this many cases a rate names no winner: the screen says "poucos casos ainda". */
export const MIN_CASES = 20;


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

/**
 * Everything the dashboard reads from the standings, in one pass over customer_standings (one row per customer,
 * valid for today): totals, aging by the oldest late parcela, profiles, and the by-profile rates.
 */
interface StandingsGroup {
  profile: string;
  bucket: AgingBucketId | null;
  customers: number;
  openCents: number;
  overdueCents: number;
  notDueCustomers: number;
  paidOff: number;
  keptCases: number;
  keptHits: number;
  madeCases: number;
  madeHits: number;
  workedCases: number;
  workedHits: number;
}
function standingsPass(ctx: Ctx, first: IsoDate, last: IsoDate): StandingsGroup[] {
  // Days late by date thresholds (string comparisons: a quarter of the pass's time with julianday per row); the
  // by-profile rates only for the customers whose latest promise or conversation falls in the period (CASE).
  const conv = 'substr(last_conversation_at, 1, 10)';
  const inPeriod = 'last_conversation_at >= @first AND last_conversation_at < @next';
  const promised = 'promise_date >= @first AND promise_date <= @last';
  return preparedOn(ctx.store.sqlite,
    `SELECT profile,
            CASE WHEN overdue_principal_cents <= 0 OR oldest_overdue_due IS NULL THEN NULL
                 WHEN oldest_overdue_due >= @t30 THEN 'd1_30' WHEN oldest_overdue_due >= @t60 THEN 'd31_60' WHEN oldest_overdue_due >= @t90 THEN 'd61_90' ELSE 'd90_mais' END AS bucket,
            COUNT(*) AS customers, SUM(open_principal_cents) AS openCents, SUM(overdue_principal_cents) AS overdueCents,
            SUM(open_principal_cents > overdue_principal_cents) AS notDueCustomers,
            IFNULL(SUM(paid_off_on >= @first AND paid_off_on <= @last), 0) AS paidOff,
            IFNULL(SUM(CASE WHEN ${promised} THEN promise_status IN ('kept', 'partial', 'broken') END), 0) AS keptCases,
            IFNULL(SUM(CASE WHEN ${promised} THEN promise_status = 'kept' END), 0) AS keptHits,
            IFNULL(SUM(CASE WHEN ${inPeriod} THEN 1 END), 0) AS madeCases,
            IFNULL(SUM(CASE WHEN ${inPeriod} THEN promise_date >= ${conv} END), 0) AS madeHits,
            IFNULL(SUM(CASE WHEN ${inPeriod} AND last_payment_date >= ${conv} THEN julianday(last_payment_date) - julianday(${conv}) <= ${WORKED_DAYS} END), 0) AS workedHits
       FROM customer_standings GROUP BY 1, 2`,
  ).all({ first, last, next: addDays(last, 1), t30: addDays(ctx.today, -30), t60: addDays(ctx.today, -60), t90: addDays(ctx.today, -90) }).map((g) => ({ ...(g as StandingsGroup), workedCases: (g as StandingsGroup).madeCases }));
}

function buildWeeks(ctx: Ctx, first: IsoDate, last: IsoDate, today: { openCents: number; overdueCents: number } | null): DashboardWeek[] {
  const q = ctx.store.sqlite;
  const weeks = weeksBetween(first, last);
  const f = readFacts(q, '', first, last);
  const v = (metric: string, w: string) => f.get(metric)!.get(w) ?? 0;
  const open = balanceSeries(q, WEEKLY.openDelta, weeks);
  const overdue = balanceSeries(q, WEEKLY.overdueDelta, weeks);
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
function profiles(pass: StandingsGroup[]) {
  return PROFILE_KINDS.map((kind) => ({ kind, label: PROFILE_LABELS[kind], customers: pass.filter((g) => g.profile === kind).reduce((n, g) => n + g.customers, 0) }));
}

/**
 * What works: a case "worked" when the customer paid (not reversed) within 7 days of it. By objection heard and
 * by régua step from weekly_facts (db/projections/weekly.ts); by profile from the standings (no history of
 * profiles is kept): each customer whose latest conversation falls in the period, by their current profile, and
 * whether their newest payment came within 7 days after it (a later payment hides an earlier one: a lower bound).
 */
function whatWorks(ctx: Ctx, first: IsoDate, last: IsoDate, pass: StandingsGroup[]): DashboardWeeklyResult['whatWorks'] {
  const q = ctx.store.sqlite;
  const facts = preparedOn(q, 'SELECT dim, metric, SUM(value) AS n FROM weekly_facts WHERE metric IN (?, ?) AND week_start >= ? AND week_start <= ? GROUP BY dim, metric').all(WEEKLY.cases, WEEKLY.worked, first, last) as { dim: string; metric: string; n: number }[];
  const by = (prefix: string) => {
    const m = new Map<string, { cases: number; hits: number }>();
    for (const f of facts) {
      if (!f.dim.startsWith(prefix)) continue;
      const key = f.dim.slice(prefix.length);
      const r = m.get(key) ?? { cases: 0, hits: 0 };
      if (f.metric === WEEKLY.cases) r.cases += f.n;
      else r.hits += f.n;
      m.set(key, r);
    }
    return [...m].map(([key, r]) => ({ key, ...r }));
  };
  const byProfile = PROFILE_KINDS.map((key) => ({ key, cases: sumOf(pass, key, 'workedCases'), hits: sumOf(pass, key, 'workedHits') })).filter((r) => r.cases > 0);
  const stepLabels = new Map(ctx.settings.regua.steps.map((s) => [s.id, s.label]));
  const objectionLabels = new Map(OBJECTIONS.map((o) => [o.id as string, o.label]));
  const row = (labels: (k: string) => string) => (r: { key: string; cases: number; hits: number }): WhatWorksRow => ({ key: r.key, label: labels(r.key), outcome: rate(r.hits, r.cases) });
  const order = (a: WhatWorksRow, b: WhatWorksRow) => b.outcome.cases - a.outcome.cases;
  return {
    byProfile: byProfile.map(row((k) => PROFILE_LABELS[k as keyof typeof PROFILE_LABELS] ?? k)).sort(order),
    byObjection: by('objection:').map(row((k) => objectionLabels.get(k) ?? k)).sort(order),
    byStep: by('step:').map(row((k) => stepLabels.get(k) ?? k)).sort(order),
    minCases: MIN_CASES,
  };
}

/**
 * Promise rates by the customer's current profile, from the standings (one pass, no history of profiles is kept):
 * kept = each customer's newest promise whose date is in the period and is decided (kept, partial or broken);
 * made = each customer whose latest conversation is in the period, and whether a promise dated on or after it exists.
 */
function promisesByProfile(pass: StandingsGroup[]): DashboardWeeklyResult['promiseRates']['byProfile'] {
  return PROFILE_KINDS.map((kind) => ({
    kind,
    label: PROFILE_LABELS[kind],
    ...rate(sumOf(pass, kind, 'keptHits'), sumOf(pass, kind, 'keptCases')),
    made: rate(sumOf(pass, kind, 'madeHits'), sumOf(pass, kind, 'madeCases')),
  }));
}

const sumOf = (pass: StandingsGroup[], profile: string, k: keyof StandingsGroup) => pass.filter((g) => g.profile === profile).reduce((n, g) => n + ((g[k] as number) ?? 0), 0);

/**
 * Loyalty in the period: customers whose whole balance reached zero in the period and is still zero (standings),
 * and sales to customers who had bought before and paid everything off by then (weekly_facts bought_again).
 */
function loyalty(q: Database.Database, first: IsoDate, last: IsoDate, pass: StandingsGroup[]): DashboardWeeklyResult['loyalty'] {
  const boughtAgain = (preparedOn(q, "SELECT IFNULL(SUM(value), 0) AS n FROM weekly_facts WHERE metric = ? AND dim = '' AND week_start >= ? AND week_start <= ?").get(WEEKLY.boughtAgain, first, last) as { n: number }).n;
  return { paidOff: pass.reduce((n, g) => n + g.paidOff, 0), boughtAgain };
}

/** Today's aging from the standings pass: not yet due, then each late bucket (a customer by their oldest late parcela). */
function agingFromPass(pass: StandingsGroup[]): { buckets: DashboardWeeklyResult['aging']; openCents: number } {
  const buckets = (Object.keys(AGING_LABELS) as AgingBucketId[]).map((id) => {
    const cents = id === 'a_vencer' ? pass.reduce((s, g) => s + g.openCents - g.overdueCents, 0) : pass.filter((g) => g.bucket === id).reduce((s, g) => s + g.overdueCents, 0);
    const customers = id === 'a_vencer' ? pass.reduce((s, g) => s + g.notDueCustomers, 0) : pass.filter((g) => g.bucket === id).reduce((s, g) => s + g.customers, 0);
    return { id, label: AGING_LABELS[id], cents, customers };
  });
  return { buckets, openCents: pass.reduce((s, g) => s + g.openCents, 0) };
}

/**
 * How customers moved between profiles in the period: the standings log each change (profile_moves, written with
 * the standing); a customer who moved twice the same way counts once for that move.
 */
function profileMoves(q: Database.Database, first: IsoDate, last: IsoDate): DashboardWeeklyResult['profileMoves'] {
  return preparedOn(q,
    `SELECT from_profile AS "from", to_profile AS "to", COUNT(DISTINCT customer_id) AS customers FROM profile_moves
      WHERE day >= ? AND day <= ? AND from_profile <> to_profile GROUP BY 1, 2 ORDER BY customers DESC`,
  ).all(first, last) as DashboardWeeklyResult['profileMoves'];
}

export function dashboardWeekly(ctx: Ctx, input: { from: string; to: string }): DashboardWeeklyResult {
  const q = ctx.store.sqlite;
  // A store that predates the table (or a bulk load that skipped it): computed once, then kept by every write.
  if (!weeklyFactsBuilt(q)) rebuildWeeklyFacts(q, ctx.settings);
  const first = weekOf(input.from);
  const last = weekOf(input.to);
  const n = daysBetween(first, last) / 7 + 1;
  const periodEnd = weekEnd(last);
  // the standings hold today: without them (a day the projection has not reached) balances come from the weeks
  const current = projectionDay(q) === ctx.today;
  const pass = current ? standingsPass(ctx, first, periodEnd) : [];
  const todayTotals = current ? { openCents: pass.reduce((s, g) => s + g.openCents, 0), overdueCents: pass.reduce((s, g) => s + g.overdueCents, 0) } : null;
  const weeks = buildWeeks(ctx, first, last, todayTotals);
  const previous = buildWeeks(ctx, addDays(first, -7 * n), addDays(first, -7), todayTotals);
  const aging = current && input.to >= ctx.today ? agingFromPass(pass) : agingAsOf(ctx, input.to);
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
    profiles: profiles(pass),
    profileMoves: profileMoves(q, first, periodEnd),
    promiseRates: { byUser: people.byUser, byProfile: promisesByProfile(pass) },
    contactRate: rate(sums('answered'), sums('attempts')),
    agreements: { count: totals.agreements, discountCents: all(WEEKLY.discountAgreements), beyondMargins: all(WEEKLY.agreementsBeyond) },
    whatWorks: whatWorks(ctx, first, periodEnd, pass),
    byUser: people.rows,
    loyalty: loyalty(q, first, periodEnd, pass),
  };
}
export { dashboardDrill } from './dashboard-drill';
