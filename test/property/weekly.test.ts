import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { testBackend } from '../support/backend';
import { checkWeeklyFacts, weeklyFactsBuilt } from '../../db/projections/weekly';
import { loadSettings } from '../../db/usecases/settings';
import { addDays } from '../../shared/dates';
import { isErrorResult } from '../../shared/contract/errors';

// The weekly figures kept by deltas (db/projections/weekly.ts) equal a full recomputation from the raw rows after
// any sequence of the writes that move them: sales, payments (backdated too), reversals, promises, contacts,
// agreements (which cut the replaced parcelas), feedback, and a settings change that rebuilds the table.

type Cmd =
  | { k: 'days'; n: number }
  | { k: 'sale'; c: number; total: number; count: number; firstDue: number; down: boolean }
  | { k: 'pay'; c: number; share: number; back: number }
  | { k: 'reverse'; c: number }
  | { k: 'promise'; c: number; inDays: number; share: number }
  | { k: 'contact'; c: number; outcome: string; phone: boolean }
  | { k: 'agreement'; c: number; count: number; discount: number }
  | { k: 'feedback'; c: number; score: number }
  | { k: 'tolerance'; days: number };

const customer = fc.integer({ min: 0, max: 2 });
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('days' as const), n: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('sale' as const), c: customer, total: fc.integer({ min: 5000, max: 90000 }), count: fc.integer({ min: 1, max: 4 }), firstDue: fc.integer({ min: 1, max: 40 }), down: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('pay' as const), c: customer, share: fc.integer({ min: 5, max: 100 }), back: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('reverse' as const), c: customer }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('promise' as const), c: customer, inDays: fc.integer({ min: 0, max: 8 }), share: fc.integer({ min: 10, max: 100 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('contact' as const), c: customer, outcome: fc.constantFrom('no_answer', 'promise', 'refused', 'callback', 'paid', 'wrong_number'), phone: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('agreement' as const), c: customer, count: fc.integer({ min: 0, max: 3 }), discount: fc.integer({ min: 0, max: 500 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('feedback' as const), c: customer, score: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('tolerance' as const), days: fc.integer({ min: 0, max: 5 }) }) },
);

function run(cmds: Cmd[]): string[] {
  let today = '2026-03-02';
  const t = testBackend(today);
  try {
    const { owner, clerk } = t.withPeople();
    const cpfs = ['52998224725', '11144477735', '39053344705'];
    const ids = cpfs.map((cpf, k) => t.ok('customers.create', { name: `Cliente ${k + 1}`, cpf, phones: [{ number: `1198765432${k}` }] }, clerk).id as string);
    const open = (c: string) => (t.ok('payments.quote', { customerId: c }, clerk).totalCents as number) ?? 0;
    for (const x of cmds) {
      const c = 'c' in x ? ids[x.c] : '';
      switch (x.k) {
        case 'days':
          today = addDays(today, x.n);
          t.clock.set(today);
          break;
        case 'sale':
          t.raw('sales.create', { customerId: c, date: today, description: 'Compra', totalCents: x.total, downPaymentCents: x.down ? 1000 : undefined, installmentCount: x.count, firstDueDate: addDays(today, x.firstDue) }, clerk);
          break;
        case 'pay': {
          const due = open(c);
          if (due > 0) t.raw('payments.receive', { customerId: c, amountCents: Math.max(1, Math.floor((due * x.share) / 100)), method: 'pix', date: addDays(today, -x.back) }, x.share % 2 ? clerk : owner);
          break;
        }
        case 'reverse': {
          const p = t.store.sqlite.prepare('SELECT id FROM payments p WHERE customer_id = ? AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = p.id) ORDER BY date DESC, created_at DESC, rowid DESC LIMIT 1').get(c) as { id: string } | undefined;
          if (p) t.raw('payments.reverse', { paymentId: p.id, reason: 'Engano no caixa' });
          break;
        }
        case 'promise': {
          const due = open(c);
          if (due > 0) t.raw('promises.create', { customerId: c, date: addDays(today, x.inDays), amountCents: Math.max(1, Math.floor((due * x.share) / 100)) }, clerk);
          break;
        }
        case 'contact':
          t.raw('contacts.record', x.phone ? { customerId: c, channel: 'phone', outcome: x.outcome, objectionIds: x.outcome === 'refused' || x.outcome === 'promise' ? ['sem-dinheiro', 'so-uma-parte'] : undefined } : { customerId: c, channel: 'whatsapp', outcome: x.outcome === 'no_answer' ? 'message_sent' : x.outcome, inbound: true }, clerk);
          break;
        case 'agreement': {
          const offer = t.raw('offers.compute', { customerId: c }, clerk) as { debt?: { totalCents: number; chargesCents: number } };
          if (isErrorResult(offer) || !offer.debt || offer.debt.totalCents <= 0) break;
          t.raw('agreements.create', { customerId: c, discountCents: Math.min(x.discount, offer.debt.chargesCents), downPaymentCents: 0, installmentCount: x.count, monthlyRatePct: 2, firstDueDate: addDays(today, 10), approvalPin: '1234' }, clerk);
          break;
        }
        case 'feedback':
          t.raw('feedback.record', { customerId: c, score: x.score }, clerk);
          break;
        case 'tolerance':
          t.ok('settings.update', { policy: { promiseToleranceDays: x.days } }, owner);
          break;
      }
    }
    if (!weeklyFactsBuilt(t.store.sqlite) && t.count('sales') > 0) return ['weekly_facts never built'];
    return checkWeeklyFacts(t.store.sqlite, loadSettings(t.store.db));
  } finally {
    t.close();
  }
}

describe('weekly_facts', () => {
  it('equals the full recomputation after any sequence of writes', () => {
    fc.assert(
      fc.property(fc.array(cmd, { minLength: 5, maxLength: 40 }), (cmds) => {
        expect(run([{ k: 'sale', c: 0, total: 30000, count: 3, firstDue: 10, down: false }, ...cmds])).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
