import type { DashboardWeek, Rate } from '../../../shared/contract/dashboard';
import { formatBRL } from '../../../shared/money';
import { formatDateBR } from '../../../shared/dates';

// The Painel's words and small numbers, pure so they are tested without a browser (dashboard.test.tsx).

/** `12,5%`, or a dash when there is nothing to divide. */
export const pct = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '—' : `${value.toLocaleString('pt-BR', { minimumFractionDigits: digits, maximumFractionDigits: digits })}%`;

/** A rate with its cases beside it: "62,5% (8 de 13)"; "sem casos" when there were none. */
export function rateText(r: Rate): string {
  if (r.cases === 0 || r.ratePct === null) return 'sem casos';
  return `${pct(r.ratePct)} (${r.hits} de ${r.cases})`;
}

/** Feedback average out of 5: "4,3 de 5". */
export const scoreText = (avg: number | null | undefined): string => (avg === null || avg === undefined ? '—' : `${avg.toLocaleString('pt-BR', { maximumFractionDigits: 1 })} de 5`);

/** Week label for a chart axis: the Monday as dd/mm, or dd/mm/aa when the chart spans more than a year. */
export const weekLabel = (monday: string, withYear = false): string => {
  const d = formatDateBR(monday);
  return withYear ? `${d.slice(0, 6)}${d.slice(8)}` : d.slice(0, 5);
};
export const weekLong = (monday: string): string => `semana de ${formatDateBR(monday)}`;

/** Compact money for chart axes: R$ 1,2 mil, R$ 3,4 mi. */
export function moneyAxis(cents: number): string {
  const reais = cents / 100;
  const abs = Math.abs(reais);
  if (abs >= 1_000_000) return `R$ ${(reais / 1_000_000).toLocaleString('pt-BR', { maximumFractionDigits: 1 })} mi`;
  if (abs >= 1_000) return `R$ ${(reais / 1_000).toLocaleString('pt-BR', { maximumFractionDigits: 1 })} mil`;
  return `R$ ${reais.toLocaleString('pt-BR', { maximumFractionDigits: 0 })}`;
}

export type Trend = 'up' | 'down' | 'same' | 'new';
/** Whether a rise is good news: more received is, more overdue is not. Decides only the colour. */
export type Better = 'higher' | 'lower' | 'neutral';

export interface Comparison {
  trend: Trend;
  /** "12% a mais que no período anterior (R$ 1.000,00)" */
  text: string;
  tone: 'good' | 'bad' | 'neutral';
}

/**
 * This period beside the previous one, in words. `format` writes the previous value as the card does. A change
 * is counted in percent of the previous value; from zero there is no percent, only "antes: nada".
 */
export function compare(now: number | null, before: number | null, better: Better, format: (v: number) => string, unit: 'percent' | 'points' = 'percent'): Comparison {
  if (now === null || before === null) return { trend: 'new', text: 'sem comparação com o período anterior', tone: 'neutral' };
  if (now === before) return { trend: 'same', text: `igual ao período anterior (${format(before)})`, tone: 'neutral' };
  const trend: Trend = now > before ? 'up' : 'down';
  const good = better === 'neutral' ? null : (trend === 'up') === (better === 'higher');
  const tone = good === null ? 'neutral' : good ? 'good' : 'bad';
  const word = trend === 'up' ? 'a mais' : 'a menos';
  if (unit === 'points') {
    const diff = Math.abs(now - before);
    return { trend, tone, text: `${diff.toLocaleString('pt-BR', { maximumFractionDigits: 1 })} ponto${diff >= 2 ? 's' : ''} ${word} que no período anterior (${format(before)})` };
  }
  if (before === 0) return { trend, tone, text: `no período anterior: ${format(0)}` };
  const change = Math.round((Math.abs(now - before) / Math.abs(before)) * 100);
  return { trend, tone, text: `${change < 1 ? 'menos de 1' : change}% ${word} que no período anterior (${format(before)})` };
}

export const brl = (cents: number): string => formatBRL(cents);
export const count = (n: number): string => n.toLocaleString('pt-BR');

/**
 * At most `max` points per series (LOOK.md: charts stay light): longer series are summed into groups of
 * consecutive weeks, labelled by the first week of each group. Five years are 262 weeks, so today this only
 * guards the rule; the backend never sends more than that.
 */
export function capPoints<T extends { weekStart: string }>(rows: T[], max: number, merge: (group: T[]) => T): T[] {
  if (rows.length <= max) return rows;
  const size = Math.ceil(rows.length / max);
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(merge(rows.slice(i, i + size)));
  return out;
}

/** Groups of weeks for capPoints: money and counts that flow are summed, balances are those of the last week. */
export function mergeWeeks(group: DashboardWeek[]): DashboardWeek {
  const last = group[group.length - 1];
  const sum = (k: keyof DashboardWeek) => group.reduce((s, w) => s + (w[k] as number), 0);
  return {
    ...last,
    weekStart: group[0].weekStart,
    recoveredCents: sum('recoveredCents'),
    paymentsCents: sum('paymentsCents'),
    reversedCents: sum('reversedCents'),
    newCreditCents: sum('newCreditCents'),
    promisesMade: sum('promisesMade'),
    promisesDue: sum('promisesDue'),
    promisesKept: sum('promisesKept'),
    attempts: sum('attempts'),
    answered: sum('answered'),
    agreements: sum('agreements'),
    discountCents: sum('discountCents'),
    feedbackCount: sum('feedbackCount'),
    feedbackSum: sum('feedbackSum'),
  };
}
