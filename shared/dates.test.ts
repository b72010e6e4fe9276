import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  formatDateBR,
  isIsoDate,
  isoTimestamp,
  noonIn,
  parseDateBR,
  todayIn,
  weekday,
} from './dates';

const SP = 'America/Sao_Paulo';
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('Brazilian date text', () => {
  it('formats and parses dd/mm/aaaa', () => {
    expect(formatDateBR('2026-11-23')).toBe('23/11/2026');
    expect(formatDateBR('2026-01-05')).toBe('05/01/2026');
    expect(parseDateBR('23/11/2026')).toBe('2026-11-23');
    expect(parseDateBR('5/1/2026')).toBe('2026-01-05');
    expect(parseDateBR('29/02/2024')).toBe('2024-02-29');
  });

  it.each(['31/04/2026', '29/02/2025', '00/01/2026', '32/01/2026', '10/13/2026', '2026-11-23', '23/11/26', ''])('rejects %j', (text) => {
    expect(parseDateBR(text)).toBeNull();
  });

  it('tells real ISO dates apart', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2026-2-28')).toBe(false);
    expect(() => formatDateBR('2026-02-30')).toThrow(RangeError);
  });

  it('round-trips', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        expect(parseDateBR(formatDateBR(d))).toBe(d);
      }),
    );
  });
});

describe('date arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-10-13', 41)).toBe('2026-11-23');
  });

  it('adds months clamped to the end of the month', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsClamped('2026-01-31', 2)).toBe('2026-03-31');
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonthsClamped('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('counts calendar days between dates', () => {
    expect(daysBetween('2026-10-13', '2026-11-23')).toBe(41); // DOMAIN.md example
    expect(daysBetween('2026-11-23', '2026-10-13')).toBe(-41);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('knows the weekday (0 = Sunday)', () => {
    expect(weekday('2026-11-15')).toBe(0);
    expect(weekday('2026-11-16')).toBe(1);
    expect(weekday('2026-12-26')).toBe(6);
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -2000, max: 2000 }), (d, n) => {
        expect(daysBetween(d, addDays(d, n))).toBe(n);
        expect(weekday(addDays(d, n))).toBe((((weekday(d) + n) % 7) + 7) % 7);
      }),
    );
  });

  it('addMonthsClamped never overflows into the next month', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -60, max: 60 }), (d, n) => {
        const r = addMonthsClamped(d, n);
        expect(isIsoDate(r)).toBe(true);
        const months = (Number(r.slice(0, 4)) - Number(d.slice(0, 4))) * 12 + Number(r.slice(5, 7)) - Number(d.slice(5, 7));
        expect(months).toBe(n);
        expect(Number(r.slice(8))).toBeLessThanOrEqual(Number(d.slice(8)));
      }),
    );
  });
});

describe('time zones', () => {
  it("gives the store's date, not UTC's", () => {
    // 02:30 UTC on the 24th is still 23:30 of the 23rd in São Paulo (UTC−3).
    expect(todayIn(SP, new Date('2026-11-24T02:30:00Z'))).toBe('2026-11-23');
    expect(todayIn(SP, new Date('2026-11-24T03:00:00Z'))).toBe('2026-11-24');
    expect(todayIn('Asia/Tokyo', new Date('2026-11-23T15:00:00Z'))).toBe('2026-11-24');
  });

  it('finds noon of a date in a zone', () => {
    expect(noonIn('2026-11-23', SP).toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(noonIn('2026-11-23', 'America/Manaus').toISOString()).toBe('2026-11-23T16:00:00.000Z');
    // New York's DST starts on 2026-03-08: noon that day is already EDT (UTC−4).
    expect(noonIn('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-08T16:00:00.000Z');
    expect(noonIn('2026-03-07', 'America/New_York').toISOString()).toBe('2026-03-07T17:00:00.000Z');
  });

  it('writes ISO timestamps with the offset', () => {
    expect(isoTimestamp(noonIn('2026-11-23', SP), SP)).toBe('2026-11-23T12:00:00-03:00');
    expect(isoTimestamp(new Date('2026-11-23T12:34:56.789Z'), 'UTC')).toBe('2026-11-23T12:34:56+00:00');
    expect(isoTimestamp(new Date('2026-11-23T00:00:00Z'), 'Asia/Kolkata')).toBe('2026-11-23T05:30:00+05:30');
    expect(isoTimestamp(new Date('2026-11-24T02:59:00Z'), SP)).toBe('2026-11-23T23:59:00-03:00');
  });

  it('noonIn and todayIn agree in every zone we might meet', () => {
    fc.assert(
      fc.property(isoDate, fc.constantFrom(SP, 'America/Manaus', 'America/Noronha', 'America/New_York', 'Europe/Lisbon', 'UTC'), (d, tz) => {
        const noon = noonIn(d, tz);
        expect(todayIn(tz, noon)).toBe(d);
        expect(isoTimestamp(noon, tz).slice(0, 19)).toBe(`${d}T12:00:00`);
      }),
    );
  });
});

describe('storeMoment', () => {
  it('writes a store wall-clock time with its offset', async () => {
    const { storeMoment } = await import('./dates');
    expect(storeMoment('2026-11-23', '18:30', 'America/Sao_Paulo')).toBe('2026-11-23T18:30:00-03:00');
    expect(storeMoment('2026-11-23', '08:05', 'America/Manaus')).toBe('2026-11-23T08:05:00-04:00');
  });
});
