import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { localTimeReader } from './local-time';

// The projections read every contact's store-time day and hour through this cache; it must agree with Intl.
describe('localTimeReader', () => {
  const sp = localTimeReader('America/Sao_Paulo');

  it('gives the store-time day and hour, across midnight and in the old summer time', () => {
    expect(sp('2026-11-23T02:30:00Z')).toEqual({ day: '2026-11-22', hour: 23 });
    expect(sp('2026-11-23T15:00:00.000Z')).toEqual({ day: '2026-11-23', hour: 12 });
    // São Paulo kept summer time (UTC−2) until 2019: 12:00 UTC was 10:00 there on 01/12/2018
    expect(sp('2018-12-01T12:00:00Z')).toEqual({ day: '2018-12-01', hour: 10 });
  });

  it('agrees with Intl for any instant and zone', () => {
    const zones = ['America/Sao_Paulo', 'America/Manaus', 'America/Noronha', 'America/Rio_Branco'];
    const readers = new Map(zones.map((z) => [z, localTimeReader(z)]));
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2010, 0, 1), max: Date.UTC(2030, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const parts = Object.fromEntries(
          new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
            .formatToParts(new Date(ms))
            .map((p) => [p.type, p.value]),
        );
        expect(readers.get(zone)!(new Date(ms).toISOString())).toEqual({ day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24 });
      }),
      { numRuns: 2000 },
    );
  });
});
