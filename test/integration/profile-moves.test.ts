import { describe, it, expect, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';

// How customers moved between profiles (issue 8, dashboard.weekly profileMoves): the standings log each change
// of profile as it happens, in the transaction that moves the standing; a rebuild is not a move.

let t: TestBackend;
afterEach(() => t.close());

const moves = () => t.store.sqlite.prepare('SELECT day, from_profile AS "from", to_profile AS "to" FROM profile_moves ORDER BY rowid').all() as { day: string; from: string; to: string }[];
const profileOf = (id: string) => (t.store.sqlite.prepare('SELECT profile FROM customer_standings WHERE id = ?').get(id) as { profile: string }).profile;

describe('profile moves', () => {
  it('are logged when the days alone change a profile, and when a payment does; the dashboard counts them', () => {
    t = testBackend('2026-01-05');
    const { owner, clerk } = t.withPeople();
    const ana = t.ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [] }, clerk).id;
    t.ok('sales.create', { customerId: ana, date: '2026-01-05', description: 'Geladeira', totalCents: 60000, installmentCount: 2, firstDueDate: '2026-02-05' }, clerk);
    const start = profileOf(ana);
    expect(moves()).toEqual([]);

    // Months without paying: the day changes alone carry her to another profile.
    t.clock.set('2026-07-01');
    t.ok('settings.get', {}, clerk);
    const late = profileOf(ana);
    expect(late).not.toBe(start);
    expect(moves()).toEqual([{ day: '2026-07-01', from: start, to: late }]);

    // Paying everything moves her again, in the payment's transaction.
    const q = t.ok('payments.quote', { customerId: ana }, clerk);
    t.ok('payments.receive', { customerId: ana, amountCents: q.totalCents, method: 'cash' }, clerk);
    const after = profileOf(ana);
    if (after !== late) expect(moves().at(-1)).toEqual({ day: '2026-07-01', from: late, to: after });

    const d = t.ok('dashboard.weekly', { from: '2026-06-01', to: '2026-07-05' }, owner);
    expect(d.profileMoves).toContainEqual({ from: start, to: late, customers: 1 });
    // Outside the period, nothing.
    expect(t.ok('dashboard.weekly', { from: '2026-01-05', to: '2026-03-01' }, owner).profileMoves).toEqual([]);
  });
});
