import { describe, expect, it } from 'vitest';
import { makeCalendar } from './calendar';
import { weekday } from './dates';

describe('makeCalendar — defaults (Sundays and national feriados)', () => {
  const cal = makeCalendar({ closedWeekdays: [0] });

  it('moves a due date on a feriado to the next open day', () => {
    expect(weekday('2026-12-25')).toBe(5);
    expect(cal.holidayName('2026-12-25')).toBe('Natal');
    expect(cal.nextOpenDay('2026-12-25')).toBe('2026-12-26'); // Saturday is open by default
  });

  it('moves a Sunday that is also a feriado to Monday', () => {
    expect(weekday('2026-11-15')).toBe(0);
    expect(cal.holidayName('2026-11-15')).toBe('Proclamação da República');
    expect(cal.nextOpenDay('2026-11-15')).toBe('2026-11-16');
  });

  it('moves a plain Sunday to Monday and keeps open days', () => {
    expect(cal.nextOpenDay('2026-11-22')).toBe('2026-11-23');
    expect(cal.nextOpenDay('2026-11-23')).toBe('2026-11-23');
    expect(cal.isClosed('2026-11-23')).toBe(false);
  });

  it('knows Tiradentes and Sexta-Feira Santa', () => {
    expect(cal.holidayName('2026-04-21')).toBe('Dia de Tiradentes');
    expect(cal.isClosed('2026-04-21')).toBe(true);
    expect(cal.isClosed('2026-04-03')).toBe(true);
  });

  it('has Consciência Negra as a national feriado from 2024 (Lei 14.759/2023)', () => {
    expect(cal.holidayName('2026-11-20')).toBe('Dia da Consciência Negra');
    expect(cal.nextOpenDay('2026-11-20')).toBe('2026-11-21');
    expect(cal.holidayName('2024-11-20')).toBe('Dia da Consciência Negra');
    expect(cal.isClosed('2023-11-20')).toBe(false); // a Monday, before the law
  });

  it('keeps the store open on Carnaval and Corpus Christi (pontos facultativos, not feriados)', () => {
    for (const d of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-06-04']) expect(cal.isClosed(d)).toBe(false);
    expect(cal.holidayName('2026-02-17')).toBeNull();
  });

  it('does not close on observances like Dia das Mães or half-day eves', () => {
    expect(cal.isClosed('2026-12-24')).toBe(false);
    expect(cal.isClosed('2026-12-31')).toBe(false);
  });

  it('defaults to Sundays closed', () => {
    const plain = makeCalendar();
    expect(plain.isClosed('2026-11-22')).toBe(true);
    expect(plain.isClosed('2026-11-21')).toBe(false);
  });
});

describe('makeCalendar — options', () => {
  it("adds the state's feriados and keeps the national ones", () => {
    const sp = makeCalendar({ state: 'SP' });
    expect(sp.isClosed('2026-07-09')).toBe(true); // Revolução Constitucionalista
    expect(makeCalendar().isClosed('2026-07-09')).toBe(false);
    // date-holidays' SP rules drop 20 de novembro; it is national since Lei 14.759/2023.
    for (const uf of ['SP', 'RJ', 'AM', 'MT', 'sp']) expect(makeCalendar({ state: uf }).holidayName('2026-11-20')).toBe('Dia da Consciência Negra');
    expect(makeCalendar({ state: 'RJ' }).isClosed('2026-04-23')).toBe(true); // São Jorge
  });

  it('closes on extra dates and on chosen weekdays', () => {
    const cal = makeCalendar({ closedWeekdays: [0, 6], extraClosedDates: ['2026-04-06'] });
    // Good Friday, Saturday, Sunday, then the store's own closed Monday.
    expect(cal.nextOpenDay('2026-04-03')).toBe('2026-04-07');
    expect(cal.holidayName('2026-04-06')).toBeNull();
    expect(cal.nextOpenDay('2026-12-25')).toBe('2026-12-28');
  });

  it('lets a store open on Sundays', () => {
    const cal = makeCalendar({ closedWeekdays: [] });
    expect(cal.isClosed('2026-11-22')).toBe(false);
    expect(cal.isClosed('2026-11-15')).toBe(true); // still a feriado
  });

  it('rejects impossible settings', () => {
    expect(() => makeCalendar({ closedWeekdays: [0, 1, 2, 3, 4, 5, 6] })).toThrow(RangeError);
    expect(() => makeCalendar({ closedWeekdays: [7] })).toThrow(RangeError);
    expect(() => makeCalendar({ state: 'XX' })).toThrow(RangeError);
  });

  it('is fast enough to call per installment (holidays cached per year)', () => {
    const cal = makeCalendar({ state: 'MG' });
    const start = performance.now();
    for (let i = 0; i < 20_000; i++) cal.isClosed('2026-11-20');
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('closedReason', () => {
  it('names the holiday or the closed weekday, for the clerk', () => {
    const cal = makeCalendar({ closedWeekdays: [0], state: 'SP' });
    expect(cal.closedReason('2026-12-25')).toBe('Natal');
    expect(cal.closedReason('2027-04-25')).toBe('domingo');
    expect(cal.closedReason('2026-11-20')).toBe('Dia da Consciência Negra');
    expect(cal.closedReason('2026-11-23')).toBeNull();
  });
});
