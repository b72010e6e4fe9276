import { describe, it, expect, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import { cpfFromBase } from '../../shared/cpf';
import { addDays } from '../../shared/dates';

// queue.build has two paths: today's list filters and orders in SQL over the standings, another day's list
// recomputes every standing in memory and applies only the JS policy. Random histories, driven through the
// dispatcher day by day: the list planned yesterday for today must be the list today gives. A SQL filter
// that drops someone the policy allows, or a SQL score that disagrees with score.ts, shows up here.

let t: TestBackend;
afterEach(() => t?.close());

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const OUTCOMES = ['no_answer', 'no_answer', 'third_party', 'wrong_number', 'promise', 'refused', 'callback', 'dispute', 'paid'];

describe('queue.build: planned (asOf) = real (standings)', () => {
  for (const seed of [1, 2]) {
    it(`random histories, seed ${seed}`, () => {
      const r = rng(seed);
      const pick = <T,>(xs: T[]) => xs[Math.floor(r() * xs.length)];
      t = testBackend('2026-10-01');
      const { clerk } = t.withPeople();
      const ids: string[] = [];
      for (let k = 0; k < 24; k++) {
        const phones = Array.from({ length: 1 + Math.floor(r() * 2) }, (_, j) => ({ number: `11${9}${String(10000000 + k * 10 + j)}` }));
        const id = t.ok('customers.create', { name: `Cliente ${String(k).padStart(2, '0')}`, cpf: cpfFromBase(String(200000000 + k * 7919 + seed)), phones, keyCustomer: r() < 0.2, doNotCall: r() < 0.08 }, clerk).id;
        const due = addDays('2026-10-05', Math.floor(r() * 40));
        t.ok('sales.create', { customerId: id, date: '2026-09-20', description: 'Sofá', totalCents: 5000 + Math.floor(r() * 200000), installmentCount: 1 + Math.floor(r() * 3), firstDueDate: due }, clerk);
        ids.push(id);
      }
      let day = '2026-11-02';
      let listed = 0;
      let refused = 0;
      for (let step = 0; step < 18; step++, day = addDays(day, 1)) {
        t.clock.set(day);
        for (const id of ids) {
          const x = r();
          if (x < 0.25) {
            const outcome = pick(OUTCOMES);
            const extra: Record<string, unknown> = outcome === 'callback' && r() < 0.6 ? { callbackAt: `${addDays(day, Math.floor(r() * 3))}T18:00:00-03:00` } : {};
            // Refused when the policy forbids it right now: that is part of what is being exercised.
            const c = t.raw('contacts.record', { customerId: id, channel: 'phone', outcome, inbound: r() < 0.15, ...extra }, clerk) as any;
            if (c.error) refused++;
            if (outcome === 'promise' && !c.error) t.raw('promises.create', { customerId: id, date: addDays(day, Math.floor(r() * 5)), amountCents: 2000 + Math.floor(r() * 8000), contactId: c.id }, clerk);
          } else if (x < 0.32) {
            t.raw('payments.receive', { customerId: id, amountCents: 1000 + Math.floor(r() * 20000), method: 'pix' }, clerk);
          } else if (x < 0.34) {
            t.raw('contacts.record', { customerId: id, channel: 'whatsapp', outcome: 'message_sent' }, clerk);
          }
        }
        const planned = t.raw('queue.build', { asOf: addDays(day, 1), limit: 200 }, clerk) as any;
        t.clock.set(addDays(day, 1));
        const real = t.ok('queue.build', { limit: 200 }, clerk);
        expect(planned.error).toBeUndefined();
        expect(planned.items, `list of ${addDays(day, 1)}`).toEqual(real.items);
        expect(planned.promisesDueToday).toEqual(real.promisesDueToday);
        listed += real.items.length;
      }
      // The histories must really exercise the list and the policy, not pass on empty lists.
      expect(listed).toBeGreaterThan(40);
      expect(refused).toBeGreaterThan(5);
    });
  }
});

describe('queue.build: the SQL order agrees with score.ts across pages', () => {
  it('70 candidates, a list of 5: the database pages (15 rows) and the top 5 match the in-memory ranking', () => {
    const r = rng(7);
    t = testBackend('2026-11-23');
    const { clerk } = t.withPeople();
    for (let k = 0; k < 70; k++) {
      const id = t.ok('customers.create', { name: `Pessoa ${String(k).padStart(2, '0')}`, cpf: cpfFromBase(String(300000000 + k * 7919)), phones: [{ number: `1197${String(1000000 + k)}` }], keyCustomer: r() < 0.3 }, clerk).id;
      t.ok('sales.create', { customerId: id, date: '2026-06-01', description: 'Fogão', totalCents: 10000 + Math.floor(r() * 300000), installmentCount: 1 + Math.floor(r() * 4), firstDueDate: addDays('2026-07-01', Math.floor(r() * 120)) }, clerk);
      if (r() < 0.3) t.raw('contacts.record', { customerId: id, channel: 'phone', outcome: 'no_answer', at: `2026-11-${String(10 + Math.floor(r() * 10)).padStart(2, '0')}T10:00:00-03:00`, inbound: true }, clerk);
    }
    t.clock.set('2026-11-24');
    const planned = t.ok('queue.build', { asOf: '2026-11-25', limit: 5 }, clerk);
    t.clock.set('2026-11-25');
    const real = t.ok('queue.build', { limit: 5 }, clerk);
    expect(real.items).toHaveLength(5);
    expect(planned.items).toEqual(real.items);
    // And the whole ranking, for good measure.
    expect(t.ok('queue.build', { limit: 200 }, clerk).items.slice(0, 5)).toEqual(real.items);
  });
});
