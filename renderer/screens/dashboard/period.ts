import { MAX_PERIOD_DAYS } from '../../../shared/contract/dashboard';
import { addDays, addMonthsClamped, daysBetween, formatDateBR, parseDateBR, weekday } from '../../../shared/dates';

// The Painel's period selector: the usual windows end today and start on a Monday, so every week on the chart
// is a whole week (the backend counts weeks from Monday). "Personalizado" takes two dd/mm/aaaa dates.

export type PeriodChoice = 'w4' | 'w12' | 'm12' | 'y3' | 'custom';

export const PERIOD_OPTIONS: { value: PeriodChoice; label: string }[] = [
  { value: 'w4', label: 'Últimas 4 semanas' },
  { value: 'w12', label: 'Últimas 12 semanas' },
  { value: 'm12', label: 'Últimos 12 meses' },
  { value: 'y3', label: 'Últimos 3 anos' },
  { value: 'custom', label: 'Outro período' },
];

export interface Period {
  from: string;
  to: string;
}

/** The Monday of the week of `date` (weekday: 0 = Sunday). */
export function mondayOf(date: string): string {
  const d = weekday(date);
  return addDays(date, d === 0 ? -6 : 1 - d);
}

export function periodFor(choice: Exclude<PeriodChoice, 'custom'>, today: string): Period {
  const thisMonday = mondayOf(today);
  switch (choice) {
    case 'w4':
      return { from: addDays(thisMonday, -7 * 3), to: today };
    case 'w12':
      return { from: addDays(thisMonday, -7 * 11), to: today };
    case 'm12':
      return { from: mondayOf(addDays(addMonthsClamped(today, -12), 1)), to: today };
    case 'y3':
      return { from: mondayOf(addDays(addMonthsClamped(today, -36), 1)), to: today };
  }
}

/**
 * The period the backend compares with (db/usecases/dashboard.ts): it reads whole weeks, Monday of `from` to
 * Sunday of `to`, and compares with the same number of weeks just before.
 */
export function previousPeriod(p: Period): Period {
  const first = mondayOf(p.from);
  const weeks = daysBetween(first, mondayOf(p.to)) / 7 + 1;
  return { from: addDays(first, -7 * weeks), to: addDays(first, -1) };
}

/**
 * A period typed as two dd/mm/aaaa dates: the period, or a pt-BR message naming the field to fix. The backend
 * checks the same (contract dashboardWeekly); asking here first spares a round trip and keeps the old charts.
 */
export function parseCustomPeriod(fromText: string, toText: string): { period: Period } | { field: 'from' | 'to'; message: string } {
  const from = parseDateBR(fromText.trim());
  if (!from) return { field: 'from', message: 'Escreva o início como dd/mm/aaaa, por exemplo 01/01/2026.' };
  const to = parseDateBR(toText.trim());
  if (!to) return { field: 'to', message: 'Escreva o fim como dd/mm/aaaa, por exemplo 31/03/2026.' };
  if (to < from) return { field: 'to', message: 'O fim não pode ser antes do início.' };
  if (daysBetween(from, to) > MAX_PERIOD_DAYS) return { field: 'to', message: 'Período longo demais: escolha no máximo cinco anos.' };
  return { period: { from, to } };
}

export const periodText = (p: Period): string => `${formatDateBR(p.from)} a ${formatDateBR(p.to)}`;
