import { addDays, dayNumber, daysBetween, fromDayNumber, maxDate, type IsoDate } from '../../shared/dates';
import { lateInterestFor } from '../../shared/ledger/charges';
import { dueOf } from '../../shared/ledger/quote';
import type { ChargePolicy } from '../../shared/ledger/charges';
import { profileFacts, classifyProfile, profileRulesOf, type PromiseFact } from '../../shared/profile';
import { judgePromise, promiseThresholds, type PaymentFact, type PromiseRules, type PromiseStatus } from '../../shared/collection/promises';
import { bestHour } from '../../shared/collection/best-time';
import { CONVERSATION_OUTCOMES } from '../../shared/contract/collection';
import type { Settings } from '../../shared/contract/settings';
import type { LedgerInstallment } from '../../shared/ledger/quote';

// The standing of one customer as of one day, derived from the truth (installments, allocations, reversals,
// promises, contacts, disputes) by the same shared rules the statement and the quote use. Pure: the loaders
// in load.ts fetch the facts, standings.ts writes the rows, check.ts compares a recomputation with them.

export interface InstallmentStandingRow {
  id: string;
  customerId: string;
  effectiveDueDate: IsoDate;
  status: 'open' | 'overdue' | 'paid' | 'renegotiated';
  principalOpenCents: number;
  fineAssessedCents: number;
  fineOpenCents: number;
  interestBaseCents: number;
  interestFrom: IsoDate;
  lateInterestMonthlyPct: number;
  lastPaymentDate: IsoDate | null;
  paidOffOn: IsoDate | null;
}

export interface CustomerStandingRow {
  id: string;
  computedOn: IsoDate;
  validUntil: IsoDate;
  openPrincipalCents: number;
  overduePrincipalCents: number;
  overdueCount: number;
  oldestOverdueDue: IsoDate | null;
  nextDueDate: IsoDate | null;
  fineChargedCents: number;
  lastPaymentDate: IsoDate | null;
  paidOffOn: IsoDate | null;
  profile: string;
  /** JSON array of pt-BR sentences */
  profileReasons: string;
  firstDelay: boolean;
  promiseId: string | null;
  promiseDate: IsoDate | null;
  promiseAmountCents: number | null;
  promiseStatus: PromiseStatus | null;
  brokenPromiseOn: IsoDate | null;
  lastAttemptAt: string | null;
  lastConversationAt: string | null;
  callbackAt: string | null;
  openDisputes: number;
  bestHour: number | null;
}

export interface PromiseFactRow {
  id: string;
  /** store-time day the promise was made */
  madeOn: IsoDate;
  date: IsoDate;
  amountCents: number;
}

export interface ContactFactRow {
  /** stored timestamp (UTC ISO) and its store-time day and hour */
  at: string;
  day: IsoDate;
  hour: number;
  channel: string;
  outcome: string;
  inbound: boolean;
  callbackAt: string | null;
}

export interface CustomerFacts {
  ledger: LedgerInstallment[];
  /** non-reversed payments as of the day (a reversal counts from its own date) */
  payments: PaymentFact[];
  /** in order of creation */
  promises: PromiseFactRow[];
  /** in order of time */
  contacts: ContactFactRow[];
  openDisputes: number;
}

/** How long a broken promise keeps leading the list when nobody has talked with the customer since. */
export const BROKEN_PROMISE_FOLLOW_UP_DAYS = 30;

/** No date-driven change is known beyond the horizon: the standing stays valid "forever". */
export const FOREVER = '9999-12-31';

const CONVERSATIONS = new Set<string>(CONVERSATION_OUTCOMES);


export const promiseRulesOf = (settings: Settings): PromiseRules => ({
  keptSharePct: settings.policy.promiseKeptSharePct,
  toleranceDays: settings.policy.promiseToleranceDays,
});

function installmentStanding(customerId: string, i: LedgerInstallment, asOf: IsoDate, policy: ChargePolicy): InstallmentStandingRow {
  const pct = (i.policy ?? policy).lateInterestMonthlyPct;
  const D = i.effectiveDueDate;
  if (i.renegotiated) {
    return { id: i.id, customerId, effectiveDueDate: D, status: 'renegotiated', principalOpenCents: 0, fineAssessedCents: 0, fineOpenCents: 0, interestBaseCents: 0, interestFrom: D, lateInterestMonthlyPct: pct, lastPaymentDate: null, paidOffOn: null };
  }
  const due = dueOf(i, asOf, policy);
  // The running juros segment starts at the later of D and the last payment after D (charges.ts).
  let interestFrom = D;
  let interestPaid = 0;
  for (const a of i.history) {
    if (a.date > asOf) continue;
    if (a.date > D) interestFrom = maxDate(interestFrom, a.date);
    interestPaid += a.interestCents + (a.interestWaivedCents ?? 0);
  }
  const running = asOf > D ? lateInterestFor(due.principalOpenCents, pct, daysBetween(interestFrom, asOf)) : 0;
  return {
    id: i.id,
    customerId,
    effectiveDueDate: D,
    status: due.status,
    principalOpenCents: due.principalOpenCents,
    fineAssessedCents: due.fineAssessedCents,
    fineOpenCents: due.fineCents,
    interestBaseCents: due.interestAccruedCents - running - interestPaid,
    interestFrom,
    lateInterestMonthlyPct: pct,
    lastPaymentDate: due.lastPaymentDate,
    paidOffOn: due.status === 'paid' ? due.lastPaymentDate : null,
  };
}

/** The day a parcela's principal reached zero (null while open), from its history up to asOf. */
function settledOn(i: LedgerInstallment, asOf: IsoDate): IsoDate | null {
  let open = i.amountCents;
  for (const a of i.history) {
    if (a.date > asOf) continue;
    open -= a.principalCents + a.discountCents;
    if (open <= 0) return a.date;
  }
  return null;
}

export function deriveStanding(customerId: string, facts: CustomerFacts, asOf: IsoDate, settings: Settings, policy: ChargePolicy): { customer: CustomerStandingRow; installments: InstallmentStandingRow[] } {
  const grace = settings.policy.graceDays;
  const rules = profileRulesOf(settings);
  const promiseRules = promiseRulesOf(settings);
  const installments = facts.ledger.map((i) => installmentStanding(customerId, i, asOf, policy));
  // The first day after asOf on which the calendar alone changes an output (a parcela falls due, leaves grace,
  // leaves the 12-month window, crosses the mau pagador line; a promise's date or tolerance passes…). In day
  // numbers: this loop runs for every parcela of every customer in a rebuild.
  const today = dayNumber(asOf);
  let next = Infinity;
  const consider = (day: number) => {
    if (day > today && day < next) next = day;
  };
  const late = rules.mauPagadorDaysLate + 1;

  let openPrincipal = 0;
  let overduePrincipal = 0;
  let overdueCount = 0;
  let oldestOverdue: IsoDate | null = null;
  let nextDue: IsoDate | null = null;
  let fineCharged = 0;
  let allPaid = installments.length > 0;
  let paidOff: IsoDate | null = null;
  let paidLateBefore = false;
  facts.ledger.forEach((i, k) => {
    const s = installments[k];
    const D = i.effectiveDueDate;
    const d = dayNumber(D);
    for (const offset of [0, 1, grace, grace + 1, 365, 366, 365 + grace + 1, late]) consider(d + offset);
    for (const a of i.history) {
      const p = dayNumber(a.date);
      consider(p + 365);
      consider(p + 366);
    }
    if (s.status === 'renegotiated') return;
    if (s.status !== 'paid') {
      allPaid = false;
      openPrincipal += s.principalOpenCents;
      fineCharged += s.fineAssessedCents;
    } else if (!paidOff || (s.paidOffOn && s.paidOffOn > paidOff)) paidOff = s.paidOffOn;
    if (s.status === 'overdue') {
      overduePrincipal += s.principalOpenCents;
      overdueCount++;
      if (!oldestOverdue || D < oldestOverdue) oldestOverdue = D;
    } else if (s.status === 'open' && (!nextDue || D < nextDue)) nextDue = D;
    if (s.status !== 'overdue' && D <= asOf) {
      const settled = settledOn(i, asOf);
      if (settled && settled > addDays(D, grace)) paidLateBefore = true;
    }
  });

  let lastPayment: IsoDate | null = null;
  for (const p of facts.payments) if (p.date <= asOf && (!lastPayment || p.date > lastPayment)) lastPayment = p.date;
  if (lastPayment) consider(dayNumber(lastPayment) + rules.mauPagadorDaysSincePayment + 1);

  // Promises: each judged from the payments; the profile counts kept and broken ones (partial = not kept).
  const judged = facts.promises.map((p) => ({ p, j: judgePromise(p, facts.payments, asOf, promiseRules) }));
  const promiseFacts: PromiseFact[] = judged.map(({ p, j }) => ({ date: p.date, kept: j.status === 'kept' ? true : j.status === 'broken' || j.status === 'partial' ? false : null }));
  for (const { p } of judged) {
    for (const t of promiseThresholds(p, promiseRules)) consider(dayNumber(t));
    consider(dayNumber(p.date) + 90);
    consider(dayNumber(p.date) + 91);
    consider(dayNumber(p.date) + BROKEN_PROMISE_FOLLOW_UP_DAYS + 1);
  }

  const { kind, reasons } = classifyProfile(profileFacts(facts.ledger, promiseFacts, asOf, rules), rules);

  // Contacts: the caps, the quiet days and the callback read these (contact policy, shared/collection).
  let lastAttemptAt: string | null = null;
  let lastConversationAt: string | null = null;
  let lastConversationDay: IsoDate | null = null;
  const answeredHours: number[] = [];
  for (const c of facts.contacts) {
    if (c.day > asOf) continue;
    if (c.channel === 'phone' && !c.inbound) lastAttemptAt = c.at;
    if (CONVERSATIONS.has(c.outcome)) {
      lastConversationAt = c.at;
      lastConversationDay = c.day;
      if (c.channel === 'phone') answeredHours.push(c.hour);
    }
  }
  // A callback the customer asked for stays pending until the store calls again (a reminder message in between
  // does not answer it): the newest conversation is a callback and no outbound call came after it.
  let callbackAt: string | null = null;
  for (const c of facts.contacts) {
    if (c.day > asOf) continue;
    if (CONVERSATIONS.has(c.outcome)) callbackAt = c.outcome === 'callback' ? (c.callbackAt ?? c.at) : null;
    else if (c.channel === 'phone' && !c.inbound) callbackAt = null;
  }

  // The newest promise whose date passed unpaid and that no conversation after its date has answered, within
  // the follow-up window: it leads the list the next open day (CALLS.md stage 9); a month later, unanswered, it
  // is an old debt like any other and no longer jumps the queue.
  let brokenPromiseOn: IsoDate | null = null;
  const followUpFrom = addDays(asOf, -BROKEN_PROMISE_FOLLOW_UP_DAYS);
  for (const { p, j } of judged) {
    if (p.date < followUpFrom) continue;
    if ((j.status === 'late' || j.status === 'partial' || j.status === 'broken') && !(lastConversationDay && lastConversationDay > p.date)) {
      if (!brokenPromiseOn || p.date > brokenPromiseOn) brokenPromiseOn = p.date;
    }
  }
  const newest = judged[judged.length - 1];

  const validUntil = next === Infinity ? FOREVER : fromDayNumber(next);

  return {
    installments,
    customer: {
      id: customerId,
      computedOn: asOf,
      validUntil,
      openPrincipalCents: openPrincipal,
      overduePrincipalCents: overduePrincipal,
      overdueCount,
      oldestOverdueDue: oldestOverdue,
      nextDueDate: nextDue,
      fineChargedCents: fineCharged,
      lastPaymentDate: lastPayment,
      paidOffOn: allPaid ? paidOff : null,
      profile: kind,
      profileReasons: JSON.stringify(reasons),
      firstDelay: overdueCount > 0 && !paidLateBefore,
      promiseId: newest?.p.id ?? null,
      promiseDate: newest?.p.date ?? null,
      promiseAmountCents: newest?.p.amountCents ?? null,
      promiseStatus: newest?.j.status ?? null,
      brokenPromiseOn,
      lastAttemptAt,
      lastConversationAt,
      callbackAt,
      openDisputes: facts.openDisputes,
      bestHour: bestHour(answeredHours),
    },
  };
}
