import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { testBackend } from '../support/backend';
import { cpfFromBase, formatCpf } from '../../shared/cpf';
import { addMonthsClamped, formatDateBR } from '../../shared/dates';
import { formatBRL, formatDecimalBR } from '../../shared/money';
import type { ImportRunResult } from '../../shared/contract/import';

// Issue 11 "Proof": whatever the book, the open balance imported equals the sum of its rows' open amounts
// (amount − already paid) to the centavo — in the money tables, in the dry run's totals and in the standings.

const CPFS = ['529982247', '111444777', '741852963', '321654987', '012345678'].map((b) => cpfFromBase(b));

const carne = fc.record({
  customer: fc.integer({ min: 0, max: CPFS.length - 1 }),
  soldMonthsAgo: fc.integer({ min: 1, max: 14 }),
  count: fc.integer({ min: 1, max: 12 }),
  parcelas: fc.array(
    fc.record({
      amount: fc.integer({ min: 1, max: 5_000_000 }),
      // none, all, or part of it already paid
      paid: fc.oneof(fc.constant(0), fc.constant(-1), fc.double({ min: 0.01, max: 0.99, noNaN: true })),
      asText: fc.constantFrom('plain', 'brl', 'number'),
    }),
    { minLength: 1, maxLength: 12 },
  ),
});

const TODAY = '2026-11-23';
type CarneSpec = typeof carne extends fc.Arbitrary<infer T> ? T : never;

function bookOf(carnes: CarneSpec[]): { csv: string; open: number } {
  const lines = ['Cliente;CPF;Produto;Data da venda;Parcela;Vencimento;Valor;Valor pago'];
  let open = 0;
  carnes.forEach((c, k) => {
    const sold = addMonthsClamped(TODAY, -c.soldMonthsAgo);
    const count = Math.max(c.count, c.parcelas.length);
    c.parcelas.forEach((p, n) => {
      const number = n + 1;
      const paid = p.paid === -1 ? p.amount : Math.floor(p.amount * p.paid);
      open += p.amount - paid;
      const money = (cents: number) => (p.asText === 'brl' ? formatBRL(cents) : p.asText === 'number' ? (cents / 100).toFixed(2) : formatDecimalBR(cents));
      lines.push(
        [`Cliente ${c.customer}`, formatCpf(CPFS[c.customer]), `Produto ${k}`, formatDateBR(sold), `${number}/${count}`, formatDateBR(addMonthsClamped(sold, number)), money(p.amount), paid ? money(paid) : ''].join(';'),
      );
    });
  });
  return { csv: lines.join('\r\n'), open };
}

describe('import.run: open balance = Σ rows’ open amounts', () => {
  it('to the centavo, for any mix of open, paid and partly paid parcelas', () => {
    fc.assert(
      fc.property(fc.array(carne, { minLength: 1, maxLength: 6 }), (carnes) => {
        const { csv, open } = bookOf(carnes);
        const t = testBackend(TODAY);
        try {
          const { owner } = t.withPeople();
          const file = { content: csv, fileName: 'caderno.csv' };
          const p = t.ok<{ mapping: Record<string, string> }>('import.preview', file, owner);
          const dry = t.ok<ImportRunResult>('import.run', { ...file, mapping: p.mapping, dryRun: true }, owner);
          expect(dry.errors).toEqual([]);
          expect(dry.summary.openCents).toBe(open);
          const real = t.ok<ImportRunResult>('import.run', { ...file, mapping: p.mapping, dryRun: false }, owner);
          expect(real.errors).toEqual([]);
          const q = (sql: string) => (t.store.sqlite.prepare(sql).get() as { v: number | null }).v ?? 0;
          expect(q('SELECT SUM(amount_cents) AS v FROM installments') - q('SELECT SUM(principal_cents) AS v FROM allocations')).toBe(open);
          expect(q('SELECT SUM(open_principal_cents) AS v FROM customer_standings')).toBe(open);
        } finally {
          t.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});
