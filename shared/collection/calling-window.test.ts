import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../calendar';
import { defaultSettings } from '../settings-defaults';
import { callingWindow } from './calling-window';

const tz = 'America/Sao_Paulo';
const calendar = makeCalendar({ closedWeekdays: [0], state: 'SP' });
const windows = defaultSettings.policy.callWindows;
// São Paulo is UTC−3 all year (no daylight saving since 2019).
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00-03:00`);
const win = (date: string, hhmm: string) => callingWindow({ now: at(date, hhmm), timeZone: tz, windows, calendar });

describe('callingWindow — weekdays 08:00–20:00 (2026-11-23 is a Monday)', () => {
  it('07:59 is closed and says when calls open', () => {
    expect(win('2026-11-23', '07:59')).toMatchObject({ allowed: false, opensAt: '08:00', opensOn: '2026-11-23', reason: 'Ligações liberadas a partir de 08:00.', closedReason: null });
  });
  it('08:00 and 19:59 are open', () => {
    expect(win('2026-11-23', '08:00')).toMatchObject({ allowed: true, closesAt: '20:00' });
    expect(win('2026-11-23', '19:59')).toMatchObject({ allowed: true, closesAt: '20:00' });
  });
  it('20:00 sharp is closed: next opening is tomorrow at 08:00', () => {
    const w = win('2026-11-23', '20:00');
    expect(w).toMatchObject({ allowed: false, opensAt: '08:00', opensOn: '2026-11-24' });
    expect(w.reason).toBe('O horário de ligações de hoje terminou às 20:00. Ligações liberadas a partir de terça-feira, 24/11, às 08:00.');
  });
});

describe('callingWindow — Saturday 08:00–14:00, never Sunday', () => {
  it('Saturday 13:59 is open, 14:00 is closed until Monday', () => {
    expect(win('2026-11-28', '13:59')).toMatchObject({ allowed: true, closesAt: '14:00' });
    const w = win('2026-11-28', '14:00');
    expect(w).toMatchObject({ allowed: false, opensAt: '08:00', opensOn: '2026-11-30' });
    expect(w.reason).toContain('segunda-feira, 30/11, às 08:00');
  });
  it('Sunday is closed all day, even at 10:00', () => {
    const w = win('2026-11-29', '10:00');
    expect(w).toMatchObject({ allowed: false, closedReason: 'domingo', opensOn: '2026-11-30', opensAt: '08:00' });
    expect(w.reason).toMatch(/^Hoje é domingo: não se liga para clientes\./);
  });
  it('a Sunday window in the settings does not open Sundays', () => {
    const w = callingWindow({ now: at('2026-11-29', '10:00'), timeZone: tz, windows: [...windows, { weekday: 0, from: '08:00', to: '12:00' }], calendar: makeCalendar({ closedWeekdays: [], state: 'SP' }) });
    expect(w.allowed).toBe(false);
  });
});

describe('callingWindow — feriados', () => {
  it('20 de novembro (a Friday in 2026) is closed, named, and the next opening is Saturday', () => {
    const w = win('2026-11-20', '10:00');
    expect(w).toMatchObject({ allowed: false, closedReason: 'feriado (Dia da Consciência Negra)', opensOn: '2026-11-21', opensAt: '08:00' });
    expect(w.reason).toContain('Consciência Negra');
  });
  it('skips a holiday when looking for the next opening (19/11 20:00 → Saturday 21/11)', () => {
    expect(win('2026-11-19', '20:00')).toMatchObject({ opensOn: '2026-11-21', opensAt: '08:00' });
  });
  it('Christmas and the next opening after it', () => {
    expect(win('2026-12-25', '09:00')).toMatchObject({ allowed: false, opensOn: '2026-12-26' });
  });
  it('a state feriado: 9 de julho in São Paulo (a Thursday in 2026)', () => {
    expect(win('2026-07-09', '10:00').allowed).toBe(false);
    expect(callingWindow({ now: at('2026-07-09', '10:00'), timeZone: tz, windows, calendar: makeCalendar({ state: 'RJ' }) }).allowed).toBe(true);
  });
});

describe('callingWindow — settings', () => {
  it('follows the owner’s windows, including two windows in one day', () => {
    const split = [{ weekday: 1, from: '09:00', to: '12:00' }, { weekday: 1, from: '14:00', to: '18:00' }];
    const w = (hhmm: string) => callingWindow({ now: at('2026-11-23', hhmm), timeZone: tz, windows: split, calendar });
    expect(w('08:30')).toMatchObject({ allowed: false, opensAt: '09:00' });
    expect(w('12:30')).toMatchObject({ allowed: false, opensAt: '14:00', opensOn: '2026-11-23' });
    expect(w('15:00')).toMatchObject({ allowed: true, closesAt: '18:00' });
    // No Tuesday window: the next opening is next Monday.
    expect(w('18:00')).toMatchObject({ allowed: false, opensOn: '2026-11-30', opensAt: '09:00' });
  });
  it('no windows at all: never allowed, says so', () => {
    expect(callingWindow({ now: at('2026-11-23', '10:00'), timeZone: tz, windows: [], calendar })).toMatchObject({ allowed: false, opensAt: undefined, reason: expect.stringContaining('Não há horário de ligações') });
  });
});
