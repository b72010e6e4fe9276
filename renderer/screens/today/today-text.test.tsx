import { describe, expect, it } from 'vitest';
import { callingLine, longDate, reasonLines, telHref } from './today-text';

// The sentences Hoje builds from the backend's facts (the facts themselves are tested in shared/collection).
describe('Hoje: calling status, dates and reasons in pt-BR', () => {
  const base = { allowed: false, message: '', opensAt: null, opensOn: null, closedReason: null };

  it('words the calling window as one calm line', () => {
    expect(callingLine({ ...base, allowed: true, message: 'Horário de ligações: até 20:00.' }, '2026-11-23')).toEqual({ tone: 'open', title: 'Ligações liberadas até 20:00', detail: null });
    expect(callingLine({ ...base, message: 'Ligações liberadas a partir de 08:00.', opensAt: '08:00', opensOn: '2026-11-23' }, '2026-11-23').title).toBe('Ligações liberadas a partir de 08:00');
    const holiday = callingLine({ ...base, closedReason: 'feriado (Dia da Consciência Negra)', opensAt: '08:00', opensOn: '2026-11-21' }, '2026-11-20');
    expect(holiday.title).toBe('Hoje é feriado (Dia da Consciência Negra): não ligamos para clientes');
    expect(holiday.detail).toBe('Ligações liberadas a partir de sábado, 21/11, às 08:00.');
    // After 20:00 the window of today is over: the backend's own sentence says when it opens again.
    const late = callingLine({ ...base, message: 'O horário de ligações de hoje terminou às 20:00. Ligações liberadas a partir de terça-feira, 24/11, às 08:00.', opensAt: '08:00', opensOn: '2026-11-24' }, '2026-11-23');
    expect(late).toMatchObject({ tone: 'later', title: 'Fora do horário de ligações' });
    expect(late.detail).toContain('terça-feira, 24/11');
  });

  it('writes the date like a calendar', () => {
    expect(longDate('2026-11-23')).toBe('segunda-feira, 23 de novembro de 2026');
    expect(longDate('2027-03-01')).toBe('segunda-feira, 1 de março de 2027');
  });

  it('leaves out the reasons the row already shows, and keeps the backend wording of the best time', () => {
    const r = reasonLines(['Promessa de 23/03 não cumprida', '301 dias de atraso', 'R$ 2.880,25 em atraso', 'Sem contato há 252 dias', 'Atende melhor entre 16h e 17h'], 16);
    expect(r).toEqual({ lines: ['Promessa de 23/03 não cumprida', 'Sem contato há 252 dias'], bestTime: 'Atende melhor entre 16h e 17h' });
    expect(reasonLines(['Primeiro atraso'], 10)).toEqual({ lines: ['Primeiro atraso'], bestTime: 'Costuma atender por volta das 10h' });
    expect(reasonLines([], null)).toEqual({ lines: [], bestTime: null });
  });

  it('dials with the country code', () => {
    expect(telHref('17974942428')).toBe('tel:+5517974942428');
  });
});
