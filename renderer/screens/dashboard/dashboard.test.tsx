// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import type { DashboardWeek, DashboardWeeklyResult, PeriodTotals } from '../../../shared/contract/dashboard';
import { renderWithTheme } from '../../test-utils';
import { areasFor } from '../../areas';
import { compare, capPoints, mergeWeeks, moneyAxis, pct, rateText } from './dashboard-text';
import { useDashboard } from './dashboard-store';
import { mondayOf, parseCustomPeriod, periodFor, previousPeriod } from './period';
import { WeeklyBody } from './WeeklyScreen';

afterEach(cleanup);

const week = (weekStart: string, recoveredCents: number): DashboardWeek => ({
  weekStart,
  overdueCents: 500000,
  openCents: 2000000,
  defaultRatePct: 25,
  recoveredCents,
  paymentsCents: recoveredCents,
  reversedCents: 0,
  newCreditCents: 30000,
  promisesMade: 3,
  promisesDue: 2,
  promisesKept: 1,
  attempts: 10,
  answered: 4,
  agreements: 1,
  discountCents: 1000,
  feedbackCount: 2,
  feedbackSum: 9,
});

const totals = (recoveredCents: number, overdueCents: number): PeriodTotals => ({
  recoveredCents,
  newCreditCents: 60000,
  promisesMade: 6,
  promisesKept: 2,
  attempts: 20,
  answered: 8,
  agreements: 2,
  discountCents: 2000,
  feedbackAverage: 4.5,
  overdueCents,
  defaultRatePct: 25,
});

const few = { cases: 3, hits: 2, ratePct: 66.7, enoughCases: false };
const many = { cases: 40, hits: 30, ratePct: 75, enoughCases: true };

/** A small but complete answer of dashboard.weekly, as the backend types it. */
const fixture: DashboardWeeklyResult = {
  from: '2026-11-09',
  to: '2026-11-22',
  weeks: [week('2026-11-09', 123456), week('2026-11-16', 50000)],
  totals: totals(173456, 500000),
  previous: totals(100000, 600000),
  aging: [
    { id: 'a_vencer', label: 'a vencer', cents: 1500000, customers: 9 },
    { id: 'd1_30', label: '1 a 30 dias', cents: 300000, customers: 4 },
    { id: 'd31_60', label: '31 a 60 dias', cents: 100000, customers: 2 },
    { id: 'd61_90', label: '61 a 90 dias', cents: 50000, customers: 1 },
    { id: 'd90_mais', label: 'mais de 90 dias', cents: 50000, customers: 1 },
  ],
  openCents: 2000000,
  profiles: [
    { kind: 'em_dia', label: 'em dia', customers: 10 },
    { kind: 'mau_pagador', label: 'mau pagador', customers: 2 },
  ],
  profileMoves: [{ from: 'em_dia', to: 'ocasional', customers: 3 }],
  promiseRates: { byUser: [{ userId: 'u1', name: 'Marcos Silva', ...many, made: few }], byProfile: [] },
  contactRate: { cases: 20, hits: 8, ratePct: 40, enoughCases: true },
  agreements: { count: 2, discountCents: 2000, beyondMargins: 1 },
  whatWorks: {
    byObjection: [
      { key: 'sem-dinheiro', label: 'Sem dinheiro agora', outcome: few },
      { key: 'vou-pagar', label: 'Pago semana que vem', outcome: many },
    ],
    byProfile: [],
    byStep: [],
    minCases: 20,
  },
  byUser: [{ userId: 'u1', name: 'Marcos Silva', attempts: 20, conversations: 8, promises: 6, promisesKept: 2, agreements: 2, recoveredCents: 173456, feedbackAverage: 4.5, feedbackCount: 2 }],
  loyalty: { paidOff: 4, boughtAgain: 1 },
};

describe('Painel: the weekly review from a dashboard.weekly answer', () => {
  it('shows the totals against the previous period, in R$ and pt-BR', () => {
    useDashboard.setState({ period: { from: fixture.from, to: fixture.to }, drill: null });
    renderWithTheme(<WeeklyBody data={fixture} />);
    const summary = screen.getByRole('list', { name: 'Resumo do período' });
    expect(within(summary).getByText('R$ 1.734,56')).toBeTruthy();
    expect(within(summary).getByText('73% a mais que no período anterior (R$ 1.000,00)')).toBeTruthy();
    // Less overdue is good news; the comparison says by how much.
    expect(within(summary).getByText('17% a menos que no período anterior (R$ 6.000,00)')).toBeTruthy();
    expect(within(summary).getByText('Contato atendido (8 de 20)')).toBeTruthy();
  });

  it('puts the cases beside each rate and names no winner below the minimum sample', () => {
    useDashboard.setState({ period: { from: fixture.from, to: fixture.to }, drill: null });
    renderWithTheme(<WeeklyBody data={fixture} />);
    const table = screen.getByRole('table', { name: 'O que funciona por objeção' });
    const rows = within(table).getAllByRole('row').slice(1);
    // The rate with enough cases comes first, although 66,7% of 3 cases is "higher" than nothing.
    expect(rows[0].textContent).toContain('Pago semana que vem');
    expect(rows[0].textContent).toContain('30 de 40');
    expect(rows[1].textContent).toContain('2 de 3');
    expect(rows[1].textContent).toContain('poucos casos ainda');
    expect(within(rows[0]).queryByText('poucos casos ainda')).toBeNull();
  });

  it('the aging table sums to the open balance, and a bucket opens its customers', () => {
    useDashboard.setState({ period: { from: fixture.from, to: fixture.to }, drill: null });
    renderWithTheme(<WeeklyBody data={fixture} />);
    const aging = screen.getByRole('table', { name: 'Saldo em aberto por faixa de atraso' });
    expect(within(aging).getByText('R$ 20.000,00')).toBeTruthy();
    fireEvent.click(within(aging).getByRole('button', { name: 'R$ 1.000,00, ver os clientes: 31 a 60 dias' }));
    const drill = useDashboard.getState().drill!;
    expect(drill.ask).toEqual({ kind: 'aging', key: 'd31_60' });
    expect(drill.caption).toBe('Em aberto: 31 a 60 dias');
  });

  it('a week of the table opens its payments', () => {
    useDashboard.setState({ period: { from: fixture.from, to: fixture.to }, drill: null });
    renderWithTheme(<WeeklyBody data={fixture} />);
    fireEvent.click(screen.getByRole('button', { name: 'R$ 1.234,56, ver os pagamentos da semana de 09/11/2026' }));
    expect(useDashboard.getState().drill!.ask).toEqual({ kind: 'recovered', weekStart: '2026-11-09' });
    expect(screen.getAllByRole('button', { name: /^Exportar CSV: / }).length).toBeGreaterThanOrEqual(9);
  });
});

describe('Painel: periods, comparisons and words', () => {
  it('periods end today and start on a Monday; the previous period has the same length', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(periodFor('w4', '2026-11-25')).toEqual({ from: '2026-11-02', to: '2026-11-25' });
    expect(periodFor('w12', '2026-11-25')).toEqual({ from: '2026-09-07', to: '2026-11-25' });
    expect(periodFor('m12', '2026-11-25').from).toBe('2025-11-24');
    expect(periodFor('y3', '2026-11-25').from).toBe('2023-11-20');
    expect(previousPeriod({ from: '2026-11-02', to: '2026-11-29' })).toEqual({ from: '2026-10-05', to: '2026-11-01' });
    // Whole weeks, as the backend reads them: today's Monday opens the 12th week.
    expect(previousPeriod({ from: '2026-09-07', to: '2026-11-23' })).toEqual({ from: '2026-06-15', to: '2026-09-06' });
  });

  it('a typed period: dd/mm/aaaa, end not before start, at most five years, the field named', () => {
    expect(parseCustomPeriod('01/01/2026', '31/03/2026')).toEqual({ period: { from: '2026-01-01', to: '2026-03-31' } });
    expect(parseCustomPeriod('31/02/2026', '31/03/2026')).toMatchObject({ field: 'from' });
    expect(parseCustomPeriod('01/04/2026', '31/03/2026')).toEqual({ field: 'to', message: 'O fim não pode ser antes do início.' });
    expect(parseCustomPeriod('01/01/2020', '02/01/2026')).toMatchObject({ field: 'to', message: expect.stringContaining('cinco anos') });
  });

  it('compares in words, with the colour of good or bad news', () => {
    const brl = (v: number) => `R$ ${v}`;
    expect(compare(150, 100, 'higher', brl)).toEqual({ trend: 'up', tone: 'good', text: '50% a mais que no período anterior (R$ 100)' });
    expect(compare(150, 100, 'lower', brl).tone).toBe('bad');
    expect(compare(5, 0, 'higher', brl).text).toBe('no período anterior: R$ 0');
    expect(compare(3, 3, 'higher', brl).text).toBe('igual ao período anterior (R$ 3)');
    expect(compare(null, 3, 'higher', brl).trend).toBe('new');
    expect(compare(12.5, 10, 'lower', (v) => pct(v), 'points').text).toBe('2,5 pontos a mais que no período anterior (10,0%)');
    expect(rateText({ cases: 13, hits: 8, ratePct: 61.5, enoughCases: false })).toBe('61,5% (8 de 13)');
    expect(moneyAxis(123456789)).toBe('R$ 1,2 mi');
    expect(moneyAxis(250000)).toBe('R$ 2,5 mil');
  });

  it('caps a series at the point limit, summing flows and keeping the last balance', () => {
    const weeks = Array.from({ length: 10 }, (_, i) => ({ ...week(`2026-01-${String(5 + i).padStart(2, '0')}`, 100), overdueCents: i }));
    const capped = capPoints(weeks, 4, mergeWeeks);
    expect(capped.length).toBeLessThanOrEqual(4);
    expect(capped[0]).toMatchObject({ weekStart: '2026-01-05', recoveredCents: 300, overdueCents: 2 });
    expect(capped.reduce((s, w) => s + w.recoveredCents, 0)).toBe(1000);
  });

  it('Painel is an owner-only area: a clerk does not get it', () => {
    expect(areasFor('owner').map((a) => a.id)).toContain('painel');
    expect(areasFor('clerk').map((a) => a.id)).not.toContain('painel');
    expect(areasFor('clerk').map((a) => a.id)).toContain('hoje');
  });
});
