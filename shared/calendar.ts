import Holidays from 'date-holidays';
import { addDays, weekday, type IsoDate } from './dates';

// Closed days move due dates (DOMAIN.md "Closed days"): the effective due date is the next open day.
// Holidays come from `date-holidays`, keeping only type "public" (feriados by law). Carnaval is "optional" /
// "bank" for Brazil there — a ponto facultativo, not a feriado — so stores are open on Carnaval by default;
// a store that closes adds the dates in extraClosedDates. (RJ lists its Carnaval Tuesday as a state feriado.)

export const BRAZIL_STATES = [
  'AC', 'AL', 'AM', 'AP', 'BA', 'CE', 'DF', 'ES', 'GO', 'MA', 'MG', 'MS', 'MT', 'PA',
  'PB', 'PE', 'PI', 'PR', 'RJ', 'RN', 'RO', 'RR', 'RS', 'SC', 'SE', 'SP', 'TO',
] as const;

export interface CalendarOptions {
  /** 0 = Sunday … 6 = Saturday; default [0]. */
  closedWeekdays?: number[];
  /** UF, e.g. "SP": adds that state's feriados. */
  state?: string;
  /** Days the store decided to close (`YYYY-MM-DD`). */
  extraClosedDates?: string[];
}

export interface Calendar {
  isClosed(date: IsoDate): boolean;
  /** The date itself when open, else the next open day. */
  nextOpenDay(date: IsoDate): IsoDate;
  /** The feriado's pt-BR name, or null. */
  holidayName(date: IsoDate): string | null;
  /** Why the store is closed that day, for people: the holiday's name or the weekday ("domingo"); null if open. */
  closedReason(date: IsoDate): string | null;
}

// Lei 14.759/2023 made 20 de novembro a national feriado from 2024 on. date-holidays has it nationally, but
// its AM, MT, RJ and SP rule sets drop it (checked with date-holidays 3.x), so it is added here whenever a
// year lacks it.
const BLACK_CONSCIOUSNESS = { monthDay: '11-20', fromYear: 2024, name: 'Dia da Consciência Negra' };

const WEEKDAY_NAMES = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];

const byYear = new Map<string, Map<IsoDate, string>>();
const engines = new Map<string, Holidays>();

function engine(state: string | undefined): Holidays {
  const key = state ?? '';
  let hd = engines.get(key);
  if (!hd) {
    hd = state ? new Holidays('BR', state, { languages: ['pt'] }) : new Holidays('BR', { languages: ['pt'] });
    engines.set(key, hd);
  }
  return hd;
}

function publicHolidays(year: number, state: string | undefined): Map<IsoDate, string> {
  const key = `${state ?? ''}:${year}`;
  const cached = byYear.get(key);
  if (cached) return cached;
  const days = new Map<IsoDate, string>();
  // National feriados always apply, even where a state's rule set overrides them away (see above).
  const sources = state ? [engine(undefined), engine(state)] : [engine(undefined)];
  for (const hd of sources) {
    for (const h of hd.getHolidays(year)) {
      const date = h.date.slice(0, 10);
      if (h.type === 'public' && date.startsWith(`${year}-`) && !days.has(date)) days.set(date, h.name);
    }
  }
  const blackConsciousness = `${year}-${BLACK_CONSCIOUSNESS.monthDay}`;
  if (year >= BLACK_CONSCIOUSNESS.fromYear && !days.has(blackConsciousness)) {
    days.set(blackConsciousness, BLACK_CONSCIOUSNESS.name);
  }
  byYear.set(key, days);
  return days;
}

export function makeCalendar(options: CalendarOptions = {}): Calendar {
  const closedWeekdays = new Set(options.closedWeekdays ?? [0]);
  for (const d of closedWeekdays) {
    if (!Number.isInteger(d) || d < 0 || d > 6) throw new RangeError(`Dia da semana inválido: ${d} (use 0 a 6).`);
  }
  if (closedWeekdays.size === 7) throw new RangeError('A loja precisa abrir pelo menos um dia da semana.');
  const state = options.state?.trim().toUpperCase() || undefined;
  if (state && !(BRAZIL_STATES as readonly string[]).includes(state)) throw new RangeError(`UF desconhecida: ${options.state}.`);
  const extra = new Set(options.extraClosedDates ?? []);

  const holidayName = (date: IsoDate): string | null => publicHolidays(Number(date.slice(0, 4)), state).get(date) ?? null;
  const isClosed = (date: IsoDate): boolean => closedWeekdays.has(weekday(date)) || extra.has(date) || holidayName(date) !== null;

  return {
    isClosed,
    holidayName,
    closedReason: (date) => holidayName(date) ?? (closedWeekdays.has(weekday(date)) ? WEEKDAY_NAMES[weekday(date)] : extra.has(date) ? 'loja fechada' : null),
    nextOpenDay(date) {
      let d = date;
      // At least one weekday is open, so a year of closed days means a broken extraClosedDates list.
      for (let i = 0; i <= 366; i++, d = addDays(d, 1)) if (!isClosed(d)) return d;
      throw new RangeError(`Nenhum dia aberto no ano seguinte a ${date}.`);
    },
  };
}
