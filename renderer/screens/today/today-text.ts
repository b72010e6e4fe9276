import { formatDateBR, weekday, type IsoDate } from '../../../shared/dates';
import type { CallingStatus } from './today-types';

// The pt-BR sentences of the Hoje screen that are computed from data (the rest is written in the components).

const WEEKDAYS = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];
const MONTHS = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];

/** `2026-11-23` → "segunda-feira, 23 de novembro de 2026" (the header reads like a calendar, not a form). */
export function longDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${WEEKDAYS[weekday(date)]}, ${d} de ${MONTHS[m - 1]} de ${y}`;
}

/** "sexta-feira, 27/11" */
export const shortDate = (date: IsoDate): string => `${WEEKDAYS[weekday(date)]}, ${formatDateBR(date).slice(0, 5)}`;

export type CallingTone = 'open' | 'later' | 'closed';

/**
 * The calling status as one calm line: "Ligações liberadas até 20:00", "Ligações liberadas a partir de 08:00",
 * "Hoje é feriado (Consciência Negra): não ligamos para clientes". The backend decides (shared/collection/
 * calling-window.ts); this only words it. Its own sentence stays as the detail line.
 */
export function callingLine(c: CallingStatus, today: IsoDate): { tone: CallingTone; title: string; detail: string | null } {
  if (c.closedReason) {
    const next = c.opensOn && c.opensAt ? `Ligações liberadas a partir de ${shortDate(c.opensOn)}, às ${c.opensAt}.` : null;
    return { tone: 'closed', title: `Hoje é ${c.closedReason}: não ligamos para clientes`, detail: next };
  }
  if (c.allowed) {
    const until = /até (\d{2}:\d{2})/.exec(c.message)?.[1];
    return { tone: 'open', title: until ? `Ligações liberadas até ${until}` : 'Ligações liberadas agora', detail: null };
  }
  if (c.opensAt && (!c.opensOn || c.opensOn === today)) return { tone: 'later', title: `Ligações liberadas a partir de ${c.opensAt}`, detail: null };
  return { tone: 'later', title: 'Fora do horário de ligações', detail: c.message };
}

/** "por volta das 10h" from the hour the customer usually answers. */
export const bestTimeText = (hour: number | null): string | null => (hour === null || hour === undefined ? null : `Costuma atender por volta das ${hour}h`);

export const daysLateText = (days: number): string => (days === 1 ? '1 dia em atraso' : `${days} dias em atraso`);

/** `tel:` link for the phone app (digits with the country code; a softphone or a paired mobile dials it). */
export const telHref = (number: string): string => `tel:+55${number.replace(/\D/g, '')}`;

/** "Ana" from "Ana Paula Ferreira", for buttons and notifications. */
export const firstName = (name: string): string => name.trim().split(/\s+/)[0] ?? name;

/**
 * The reasons worth a line of their own. The score's reasons repeat what the row already shows in its own
 * place (the amount, the days late, the best time): those are left out of the lines, and the backend's
 * wording of the best time ("Atende melhor entre 16h e 17h") replaces ours when it gives one.
 */
export function reasonLines(reasons: string[], bestHour: number | null): { lines: string[]; bestTime: string | null } {
  const shownElsewhere = (r: string) => /^\d+ dias? (de|em) atraso$/.test(r) || /^R\$ [\d.,]+ em atraso$/.test(r);
  const best = reasons.find((r) => /^Atende melhor/.test(r)) ?? null;
  return { lines: reasons.filter((r) => !shownElsewhere(r) && r !== best), bestTime: best ?? bestTimeText(bestHour) };
}
