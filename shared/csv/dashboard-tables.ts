import type { ClerkRow, DashboardWeek, DashboardWeeklyResult, DrillItem, PeriodTotals, Rate, WhatWorksRow } from '../contract/dashboard';
import { date, money, toCsvColumns, type CsvValue } from './write';

// The Painel's tables as CSV for Brazilian Excel (issue 8 item 2), through the one writer (write.ts): `;`,
// UTF-8 with BOM, decimal comma, dd/mm/aaaa. Pure, so the exact bytes are tested (dashboard-tables.test.ts)
// and the screen only hands the text to a download link. Headers are what the owner reads in Excel.

type Column<T> = { header: string; value: (row: T) => CsvValue };

const rateCols = <T>(get: (row: T) => Rate, prefix = ''): Column<T>[] => [
  { header: `${prefix}casos`, value: (r) => get(r).cases },
  { header: `${prefix}acertos`, value: (r) => get(r).hits },
  { header: `${prefix}taxa (%)`, value: (r) => get(r).ratePct },
  // The same words as the screen: below the minimum sample no winner is named.
  { header: `${prefix}amostra`, value: (r) => (get(r).enoughCases ? 'suficiente' : 'poucos casos ainda') },
];

const average = (sum: number, count: number): number | null => (count > 0 ? Math.round((sum / count) * 10) / 10 : null);

const WEEK_COLUMNS: Column<DashboardWeek>[] = [
  { header: 'semana (segunda-feira)', value: (w) => date(w.weekStart) },
  { header: 'em atraso no fim da semana', value: (w) => money(w.overdueCents) },
  { header: 'em aberto no fim da semana', value: (w) => money(w.openCents) },
  { header: 'inadimplência (%)', value: (w) => w.defaultRatePct },
  { header: 'recebido (pagamentos menos estornos)', value: (w) => money(w.recoveredCents) },
  { header: 'pagamentos', value: (w) => money(w.paymentsCents) },
  { header: 'estornos', value: (w) => money(w.reversedCents) },
  { header: 'crédito novo', value: (w) => money(w.newCreditCents) },
  { header: 'promessas feitas', value: (w) => w.promisesMade },
  { header: 'promessas que venceram', value: (w) => w.promisesDue },
  { header: 'promessas cumpridas', value: (w) => w.promisesKept },
  { header: 'tentativas de contato', value: (w) => w.attempts },
  { header: 'atendidas', value: (w) => w.answered },
  { header: 'acordos', value: (w) => w.agreements },
  { header: 'descontos concedidos', value: (w) => money(w.discountCents) },
  { header: 'notas do atendimento', value: (w) => w.feedbackCount },
  { header: 'nota média', value: (w) => average(w.feedbackSum, w.feedbackCount) },
];
export const weeksCsv = (weeks: DashboardWeek[]): string => toCsvColumns(WEEK_COLUMNS, weeks);

export const agingCsv = (aging: DashboardWeeklyResult['aging']): string =>
  toCsvColumns(
    [
      { header: 'faixa de atraso', value: (a) => a.label },
      { header: 'saldo', value: (a) => money(a.cents) },
      { header: 'clientes', value: (a) => a.customers },
    ],
    aging,
  );

export const profilesCsv = (profiles: DashboardWeeklyResult['profiles']): string =>
  toCsvColumns(
    [
      { header: 'perfil', value: (p) => p.label },
      { header: 'clientes', value: (p) => p.customers },
    ],
    profiles,
  );

/** Moves name profiles by their label when known (`labels`: kind → label), else by the kind itself. */
export const profileMovesCsv = (moves: DashboardWeeklyResult['profileMoves'], labels: Record<string, string>): string =>
  toCsvColumns(
    [
      { header: 'de', value: (m) => labels[m.from] ?? m.from },
      { header: 'para', value: (m) => labels[m.to] ?? m.to },
      { header: 'clientes', value: (m) => m.customers },
    ],
    moves,
  );

type PromiseRow = Rate & { made: Rate; label: string };
/** Promise-to-pay (of the conversations, how many ended in a promise) and promise-kept rates, per clerk or profile. */
export const promiseRatesCsv = (rows: PromiseRow[], who: 'atendente' | 'perfil'): string =>
  toCsvColumns<PromiseRow>([{ header: who, value: (r) => r.label }, ...rateCols<PromiseRow>((r) => r.made, 'promessas: '), ...rateCols<PromiseRow>((r) => r, 'cumpridas: ')], rows);

export const whatWorksCsv = (rows: WhatWorksRow[], what: string): string =>
  toCsvColumns<WhatWorksRow>([{ header: what, value: (r) => r.label }, ...rateCols<WhatWorksRow>((r) => r.outcome)], rows);

export const clerksCsv = (rows: ClerkRow[]): string =>
  toCsvColumns(
    [
      { header: 'atendente', value: (r) => r.name },
      { header: 'tentativas', value: (r) => r.attempts },
      { header: 'conversas', value: (r) => r.conversations },
      { header: 'promessas', value: (r) => r.promises },
      { header: 'promessas cumpridas', value: (r) => r.promisesKept },
      { header: 'acordos', value: (r) => r.agreements },
      { header: 'recebido', value: (r) => money(r.recoveredCents) },
      { header: 'nota média', value: (r) => r.feedbackAverage },
      { header: 'notas', value: (r) => r.feedbackCount },
    ],
    rows,
  );

export const drillCsv = (items: DrillItem[]): string =>
  toCsvColumns(
    [
      { header: 'cliente', value: (i) => i.name },
      { header: 'o que é', value: (i) => i.detail },
      { header: 'data', value: (i) => (i.date ? date(i.date.slice(0, 10)) : null) },
      { header: 'valor', value: (i) => money(i.amountCents) },
    ],
    items,
  );

type TotalLine = { label: string; now: CsvValue; before: CsvValue };
/** The period's totals beside the previous period's, one figure per line. */
export function totalsCsv(now: PeriodTotals, before: PeriodTotals): string {
  const line = (label: string, get: (t: PeriodTotals) => CsvValue): TotalLine => ({ label, now: get(now), before: get(before) });
  const lines: TotalLine[] = [
    line('recebido', (t) => money(t.recoveredCents)),
    line('crédito novo', (t) => money(t.newCreditCents)),
    line('em atraso no fim do período', (t) => money(t.overdueCents)),
    line('inadimplência no fim do período (%)', (t) => t.defaultRatePct),
    line('promessas feitas', (t) => t.promisesMade),
    line('promessas cumpridas', (t) => t.promisesKept),
    line('tentativas de contato', (t) => t.attempts),
    line('atendidas', (t) => t.answered),
    line('acordos', (t) => t.agreements),
    line('descontos concedidos', (t) => money(t.discountCents)),
    line('nota média do atendimento', (t) => t.feedbackAverage),
  ];
  return toCsvColumns<TotalLine>(
    [
      { header: 'indicador', value: (l) => l.label },
      { header: 'período', value: (l) => l.now },
      { header: 'período anterior', value: (l) => l.before },
    ],
    lines,
  );
}

/** UTF-8 bytes of a CSV text, BOM included (the BOM is a character of the text, EF BB BF once encoded). */
export const csvBytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** "Contato, acordos e fidelidade": one figure per line, the numbers of cases beside the rates. */
export function collectionFactsCsv(d: Pick<DashboardWeeklyResult, 'contactRate' | 'agreements' | 'loyalty' | 'totals'>): string {
  const lines: { label: string; value: CsvValue }[] = [
    { label: 'tentativas de contato', value: d.contactRate.cases },
    { label: 'atendidas', value: d.contactRate.hits },
    { label: 'contato atendido (%)', value: d.contactRate.ratePct },
    { label: 'acordos feitos', value: d.agreements.count },
    { label: 'descontos nos acordos', value: money(d.agreements.discountCents) },
    { label: 'acordos além da margem (com a senha do dono)', value: d.agreements.beyondMargins },
    { label: 'nota média do atendimento', value: d.totals.feedbackAverage },
    { label: 'quitaram tudo no período', value: d.loyalty.paidOff },
    { label: 'quitaram e voltaram a comprar', value: d.loyalty.boughtAgain },
  ];
  return toCsvColumns<(typeof lines)[number]>(
    [
      { header: 'indicador', value: (l) => l.label },
      { header: 'valor', value: (l) => l.value },
    ],
    lines,
  );
}
