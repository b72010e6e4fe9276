import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import type { SaleCarne } from '../../shared/contract/ledger';

// sales.get on a real SQLite file: the carnê as it prints, with the parcelas' own contract terms.
let t: TestBackend;
let owner: Caller;
let clerk: Caller;
let ana: string;
beforeEach(() => {
  t = testBackend('2026-11-23');
  ({ owner, clerk } = t.withPeople());
  t.ok('settings.update', { store: { cnpj: '11.222.333/0001-81', address: 'Rua Direita, 45 - Centro', city: 'Campinas', pixKey: '11222333000181' } }, owner);
  ana = t.ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [] }, clerk).id;
});
afterEach(() => t.close());

const sell = (over: Record<string, unknown> = {}) =>
  t.ok('sales.create', { customerId: ana, date: '2026-11-23', description: 'Geladeira Frost Free', totalCents: 120000, downPaymentCents: 20000, installmentCount: 5, firstDueDate: '2026-12-23', monthlyRatePct: 3, ...over }, clerk);

describe('sales.get', () => {
  it('returns the sale, its customer, every parcela and the store identification', () => {
    const created = sell();
    const s = t.ok<SaleCarne>('sales.get', { id: created.id }, clerk);
    expect(s).toMatchObject({
      id: created.id,
      number: created.number,
      date: '2026-11-23',
      description: 'Geladeira Frost Free',
      totalCents: 120000,
      downPaymentCents: 20000,
      financedCents: 100000,
      installmentCount: 5,
      monthlyRatePct: 3,
      totalToPayCents: 20000 + 5 * 21835,
      source: 'counter',
      customer: { id: ana, name: 'Ana Lima', cpf: '52998224725' },
      policy: { fineRatePct: 2, lateInterestMonthlyPct: 1 },
      store: { name: 'Loja Teste', cnpj: '11.222.333/0001-81', address: 'Rua Direita, 45 - Centro', city: 'Campinas', state: 'SP', pixKey: '11222333000181' },
    });
    expect(s.installments.map((i) => [i.number, i.count, i.dueDate, i.amountCents, i.renegotiated])).toEqual([
      [1, 5, '2026-12-23', 21835, false],
      [2, 5, '2027-01-23', 21835, false],
      [3, 5, '2027-02-23', 21835, false],
      [4, 5, '2027-03-23', 21835, false],
      [5, 5, '2027-04-23', 21835, false],
    ]);
    expect(s.installments.map((i) => i.id)).toEqual(created.installments.map((i: { id: string }) => i.id));
  });

  it('gives the effective due date past closed days (Natal, Sunday), as sales.create did', () => {
    const created = sell({ firstDueDate: '2026-12-25', installmentCount: 3, downPaymentCents: 0, monthlyRatePct: 0, totalCents: 30000 });
    const s = t.ok<SaleCarne>('sales.get', { id: created.id }, clerk);
    expect(s.installments.map((i) => [i.dueDate, i.effectiveDueDate])).toEqual([
      ['2026-12-25', '2026-12-26'], // Natal
      ['2027-01-25', '2027-01-25'],
      ['2027-02-25', '2027-02-25'],
    ]);
    expect(s.installments.map((i) => i.effectiveDueDate)).toEqual(created.installments.map((i: { effectiveDueDate: string }) => i.effectiveDueDate));
  });

  it("keeps the parcelas' own after-due rule when the store's policy changes later", () => {
    const created = sell();
    t.ok('settings.update', { policy: { fineRatePct: 1, lateInterestMonthlyPct: 0.5 } }, owner);
    const s = t.ok<SaleCarne>('sales.get', { id: created.id }, clerk);
    expect(s.policy).toEqual({ fineRatePct: 2, lateInterestMonthlyPct: 1 });
  });

  it('answers not_found in pt-BR for an unknown id, and refuses a call without login', () => {
    const e = t.fail('sales.get', { id: '01900000-0000-7000-8000-000000000000' }, clerk);
    expect(e.kind).toBe('not_found');
    expect(e.message).toBe('Venda não encontrada.');
    expect(t.fail('sales.get', {}, clerk).kind).toBe('validation');
    expect(t.fail('sales.get', { id: 'x' }, { transport: 'http', sessionId: 'nope' }).kind).toBe('forbidden');
  });
});
