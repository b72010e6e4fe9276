// Property test of the standings projection (issue "Who to call today" §1): random sequences of sales,
// payments, reversals, promises, contacts and day changes go through the real dispatcher on a real SQLite
// file, and after every step the stored standings must equal a recomputation from the money tables
// (db/projections/check.ts, the same check as `npx emdia check`). A missed threshold date, a write that forgets
// to touch its customer or a refresh that drifts from the ledger shows up here as a difference.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { testBackend } from '../support/backend';
import { checkProjections } from '../../db/projections/check';
import { addDays } from '../../shared/dates';
import { implementedMethods } from '../../db/api/dispatcher';

const NUM_RUNS = Number(process.env.EMDIA_PROPERTY_RUNS ?? 25);
const CPFS = ['52998224725', '11144477735', '39053344705'];

type Cmd =
  | { k: 'advance'; days: number }
  | { k: 'sale'; c: number; total: number; n: number; rate: number; firstIn: number }
  | { k: 'pay'; c: number; share: number; waive: number }
  | { k: 'reverse'; c: number }
  | { k: 'promise'; c: number; inDays: number; share: number }
  | { k: 'contact'; c: number; outcome: 'no_answer' | 'callback' | 'refused' | 'third_party' };

const c = fc.integer({ min: 0, max: CPFS.length - 1 });
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('advance' as const), days: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 6, max: 70 }), fc.integer({ min: 300, max: 400 })) }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('sale' as const), c, total: fc.integer({ min: 1000, max: 500_000 }), n: fc.integer({ min: 1, max: 12 }), rate: fc.constantFrom(0, 0, 2.5), firstIn: fc.integer({ min: 5, max: 40 }) }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('pay' as const), c, share: fc.double({ min: 0.05, max: 1, noNaN: true }), waive: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('reverse' as const), c }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('promise' as const), c, inDays: fc.integer({ min: 0, max: 10 }), share: fc.double({ min: 0.1, max: 1, noNaN: true }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('contact' as const), c, outcome: fc.constantFrom('no_answer' as const, 'callback' as const, 'refused' as const, 'third_party' as const) }) },
);

describe('standings projection = recomputation after every step (property)', () => {
  it('holds for random histories', () => {
    const has = new Set<string>(implementedMethods());
    fc.assert(
      fc.property(fc.array(cmdArb, { minLength: 5, maxLength: 30 }), (cmds) => {
        let today = '2026-01-05';
        const t = testBackend(today);
        try {
          t.ok('setup.store', { storeName: 'Loja Teste', state: 'SP', ownerName: 'Dona Maria', ownerPin: '1234' }, { transport: 'http' });
          const ids = CPFS.map((cpf, k) => t.ok<{ id: string }>('customers.create', { name: `Cliente ${k}`, cpf, phones: [{ number: '11987654321' }] }).id);
          const step = (cmd: Cmd) => {
            switch (cmd.k) {
              case 'advance':
                today = addDays(today, cmd.days);
                t.clock.set(today);
                t.ok('settings.get'); // any call moves the projection to the new day
                return;
              case 'sale':
                t.raw('sales.create', { customerId: ids[cmd.c], date: today, description: 'Compra', totalCents: cmd.total, installmentCount: cmd.n, firstDueDate: addDays(today, cmd.firstIn), monthlyRatePct: cmd.rate });
                return;
              case 'pay': {
                const q = t.ok<{ totalCents: number; items: { fineCents: number; interestCents: number }[] }>('payments.quote', { customerId: ids[cmd.c] });
                // Some payments forgive part of the charges of the first parcela they reach (a discount at the counter,
                // approved by the owner's PIN), so later juros accrue on what stays open.
                const first = q.items[0];
                const waiver = first ? Math.floor((first.fineCents + first.interestCents) * cmd.waive) : 0;
                const amount = Math.max(1, Math.floor((q.totalCents - waiver) * cmd.share));
                if (q.totalCents - waiver <= 0) return;
                if (!waiver) return void t.ok('payments.receive', { customerId: ids[cmd.c], amountCents: amount, method: 'cash' });
                t.ok('payments.receive', { customerId: ids[cmd.c], amountCents: amount, method: 'cash', waiveChargesCents: waiver, approvalPin: '1234' });
                return;
              }
              case 'reverse': {
                const s = t.ok<{ payments: { id: string; reversed: boolean }[] }>('accounts.statement', { customerId: ids[cmd.c] });
                const newest = [...s.payments].reverse().find((p) => !p.reversed);
                if (newest) t.raw('payments.reverse', { paymentId: newest.id, reason: 'Lançado errado', ownerPin: '1234' });
                return;
              }
              case 'promise': {
                if (!has.has('promises.create')) return;
                const s = t.ok<{ overdueCents: number; openCents: number }>('accounts.statement', { customerId: ids[cmd.c] });
                const amount = Math.max(1, Math.floor(s.openCents * cmd.share));
                if (s.openCents > 0) t.raw('promises.create', { customerId: ids[cmd.c], date: addDays(today, cmd.inDays), amountCents: amount });
                return;
              }
              case 'contact':
                if (!has.has('contacts.record')) return;
                t.raw('contacts.record', { customerId: ids[cmd.c], channel: 'phone', outcome: cmd.outcome, inbound: true });
                return;
            }
          };
          for (const cmd of cmds) {
            step(cmd);
            const report = checkProjections(t.store);
            expect(report.differences, `after ${JSON.stringify(cmd)} on ${today}`).toEqual([]);
            expect(report.day).toBe(today);
            // Independently of the projection's own loader: what the search shows (standings) is what the
            // statement says (the ledger use case), to the centavo.
            const found = t.ok<{ items: { id: string; overdueCents: number }[] }>('customers.search', { query: '' }).items;
            for (const id of ids) {
              const st = t.ok<{ overdueCents: number }>('accounts.statement', { customerId: id });
              expect(found.find((f) => f.id === id)!.overdueCents, `overdue of ${id} after ${JSON.stringify(cmd)}`).toBe(st.overdueCents);
            }
          }
        } finally {
          t.close();
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, 240_000);
});
