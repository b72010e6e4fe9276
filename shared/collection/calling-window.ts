import { addDays, formatDateBR, todayIn, weekday, type IsoDate } from '../dates';
import type { Calendar } from '../calendar';

/**
 * When the store may phone a customer about a debt (DOMAIN.md "Calling hours"): São Paulo's rule by default —
 * Mon–Fri 08:00–20:00, Sat 08:00–14:00 — and never on Sundays or feriados (national, state, 20 de novembro),
 * whatever the windows say. A window is [from, to): at 20:00 sharp the day's calls are over (CDC art. 71:
 * no interference with rest).
 */
export interface CallWindow {
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  from: string;
  to: string;
}

export interface CallingWindowInput {
  now: Date;
  timeZone: string;
  windows: readonly CallWindow[];
  calendar: Pick<Calendar, 'isClosed' | 'closedReason' | 'holidayName'>;
}

export interface CallingWindow {
  allowed: boolean;
  /** pt-BR, for the screen */
  reason: string;
  /** the next opening: later today, or on `opensOn` */
  opensAt?: string;
  opensOn?: IsoDate;
  /** while allowed: when today's window ends */
  closesAt?: string;
  /** the whole day is closed for calls: the feriado's name or the weekday ("domingo") */
  closedReason: string | null;
}

const WEEKDAYS = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const clockFormatters = new Map<string, Intl.DateTimeFormat>();
/** Minutes since midnight on the store's wall clock. */
export function minutesOfDay(now: Date, timeZone: string): number {
  let f = clockFormatters.get(timeZone);
  if (!f) clockFormatters.set(timeZone, (f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' })));
  const parts = f.formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return (get('hour') % 24) * 60 + get('minute');
}

/** Why no collection call may be made on that date at all (null when the day has calling hours). */
export function closedForCalls(date: IsoDate, calendar: CallingWindowInput['calendar']): string | null {
  const holiday = calendar.holidayName(date);
  if (holiday) return `feriado (${holiday})`;
  if (weekday(date) === 0) return 'domingo';
  if (calendar.isClosed(date)) return calendar.closedReason(date) ?? 'loja fechada';
  return null;
}

const windowsOn = (date: IsoDate, windows: readonly CallWindow[]) =>
  windows
    .filter((w) => w.weekday === weekday(date) && toMinutes(w.to) > toMinutes(w.from))
    .sort((a, b) => toMinutes(a.from) - toMinutes(b.from));

/** The first opening after `date` (two weeks ahead at most: a store with no windows at all has none). */
function nextOpening(date: IsoDate, input: CallingWindowInput): { on: IsoDate; at: string } | null {
  for (let d = addDays(date, 1), i = 0; i < 14; i++, d = addDays(d, 1)) {
    if (closedForCalls(d, input.calendar)) continue;
    const w = windowsOn(d, input.windows)[0];
    if (w) return { on: d, at: w.from };
  }
  return null;
}

const dayLabel = (d: IsoDate) => `${WEEKDAYS[weekday(d)]}, ${formatDateBR(d).slice(0, 5)}`;
const released = (o: { on: IsoDate; at: string } | null) => (o ? `Ligações liberadas a partir de ${dayLabel(o.on)}, às ${o.at}.` : 'Não há horário de ligações configurado.');

export function callingWindow(input: CallingWindowInput): CallingWindow {
  const today = todayIn(input.timeZone, input.now);
  const closed = closedForCalls(today, input.calendar);
  if (closed) {
    const next = nextOpening(today, input);
    return { allowed: false, reason: `Hoje é ${closed}: não se liga para clientes. ${released(next)}`, opensAt: next?.at, opensOn: next?.on, closedReason: closed };
  }
  const t = minutesOfDay(input.now, input.timeZone);
  const todays = windowsOn(today, input.windows);
  const current = todays.find((w) => toMinutes(w.from) <= t && t < toMinutes(w.to));
  if (current) return { allowed: true, reason: `Horário de ligações: até ${current.to}.`, closesAt: current.to, closedReason: null };
  const later = todays.find((w) => toMinutes(w.from) > t);
  if (later) return { allowed: false, reason: `Ligações liberadas a partir de ${later.from}.`, opensAt: later.from, opensOn: today, closedReason: null };
  const next = nextOpening(today, input);
  const ended = todays.length ? `O horário de ligações de hoje terminou às ${todays[todays.length - 1].to}.` : `Não há horário de ligações neste dia (${WEEKDAYS[weekday(today)]}).`;
  return { allowed: false, reason: `${ended} ${released(next)}`, opensAt: next?.at, opensOn: next?.on, closedReason: null };
}
