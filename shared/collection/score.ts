import { daysBetween, formatDateBR, type IsoDate } from '../dates';
import { formatBRL } from '../money';
import type { ProfileKind } from '../ui-format/profile';
import { bestHourLabel } from './best-time';

/**
 * Who to call first (issue "Who to call today" §4): a sum of small, named points, so every item can say why it
 * is where it is. A broken promise outweighs everything else (CALLS.md stage 9: follow it within 24 h), then a
 * callback the customer asked for; then days late, amount, profile, strategic customer, first delay, time since
 * the last contact. The best hour to call only breaks ties. queue.ts writes the same sum in SQL from these weights, so keep them integers.
 */
export const SCORE = {
  brokenPromise: 1000,
  /** the customer asked to be called back (today or earlier): a call the store owes them */
  callback: 500,
  /** one point per day late, up to */
  maxDaysLate: 120,
  /** one point per `amountStepCents` overdue, up to `maxAmount` */
  amountStepCents: 2500,
  maxAmount: 60,
  profile: { negligente: 30, cronico: 25, novo: 25, ocasional: 20, em_dia: 15, mau_pagador: 10 } satisfies Record<ProfileKind, number>,
  keyCustomer: 20,
  firstDelay: 15,
  /** a "first delay" older than this, or of a mau pagador, is no longer a lapse to remind of gently */
  firstDelayMaxDaysLate: 30,
  /** one point per day since the last contact, up to (never contacted = the maximum) */
  maxDaysSinceContact: 14,
} as const;

export interface ScoreFacts {
  today: IsoDate;
  overduePrincipalCents: number;
  /** what the statement says is overdue today (principal + charges), for the reason; default the principal */
  overdueCents?: number;
  oldestOverdueDue: IsoDate;
  profile: ProfileKind;
  keyCustomer: boolean;
  firstDelay: boolean;
  brokenPromiseOn: IsoDate | null;
  /** the newest promise's date and status, to tell a partly kept one */
  promiseDate: IsoDate | null;
  promiseStatus: string | null;
  /** store-time day of the newest call attempt or conversation */
  lastContactDay: IsoDate | null;
  bestHour: number | null;
  /** a pending callback due today or earlier, worded for the list ("Pediu retorno hoje às 18:00"); null if none */
  callbackReason?: string | null;
}

export interface Scored {
  score: number;
  daysLate: number;
  reasons: string[];
}

export function scoreCustomer(f: ScoreFacts): Scored {
  const reasons: string[] = [];
  let score = 0;
  if (f.brokenPromiseOn) {
    score += SCORE.brokenPromise;
    const partial = f.promiseDate === f.brokenPromiseOn && f.promiseStatus === 'partial';
    reasons.push(`Promessa de ${formatDateBR(f.brokenPromiseOn).slice(0, 5)} ${partial ? 'cumprida só em parte' : 'não cumprida'}`);
  }
  if (f.callbackReason) {
    score += SCORE.callback;
    reasons.push(f.callbackReason);
  }
  const daysLate = Math.max(0, daysBetween(f.oldestOverdueDue, f.today));
  score += Math.min(SCORE.maxDaysLate, daysLate);
  reasons.push(`${daysLate} ${daysLate === 1 ? 'dia' : 'dias'} de atraso`);
  score += Math.min(SCORE.maxAmount, Math.floor(f.overduePrincipalCents / SCORE.amountStepCents));
  reasons.push(`${formatBRL(f.overdueCents ?? f.overduePrincipalCents)} em atraso`);
  score += SCORE.profile[f.profile] ?? 0;
  if (f.keyCustomer) {
    score += SCORE.keyCustomer;
    reasons.push('Cliente estratégico');
  }
  if (f.firstDelay && f.profile !== 'mau_pagador' && daysLate <= SCORE.firstDelayMaxDaysLate) {
    score += SCORE.firstDelay;
    reasons.push('Primeiro atraso: ligação de lembrete');
  }
  const since = f.lastContactDay ? Math.max(0, daysBetween(f.lastContactDay, f.today)) : null;
  score += since === null ? SCORE.maxDaysSinceContact : Math.min(SCORE.maxDaysSinceContact, since);
  if (since === null) reasons.push('Nenhum contato anterior');
  else if (since >= 7) reasons.push(`Sem contato há ${since} dias`);
  if (f.bestHour !== null) reasons.push(`Atende melhor ${bestHourLabel(f.bestHour)}`);
  return { score, daysLate, reasons };
}

/** How far a best hour is from now (an unknown one comes last among equals). */
export const hourDistance = (bestHour: number | null, nowHour: number) => (bestHour === null ? 99 : Math.abs(bestHour - nowHour));

/**
 * Higher score first; on a tie, the one whose best hour is nearer to now; then more overdue principal; then the
 * id, so the order is total and queue.ts's SQL ORDER BY gives exactly the same one (no re-sorting across pages).
 */
export function compareScored<T extends { id: string; score: number; bestHour: number | null; overduePrincipalCents: number }>(nowHour: number) {
  return (a: T, b: T) =>
    b.score - a.score ||
    hourDistance(a.bestHour, nowHour) - hourDistance(b.bestHour, nowHour) ||
    b.overduePrincipalCents - a.overduePrincipalCents ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
