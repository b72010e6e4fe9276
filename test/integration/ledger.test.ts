import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';

let t: TestBackend;
let owner: Caller;
let clerk: Caller;
let ana: string;
let bia: string;
beforeEach(() => {
  t = testBackend('2026-09-13');
  ({ owner, clerk } = t.withPeople());
  ana = t.ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [] }, clerk).id;
  bia = t.ok('customers.create', { name: 'Bia Souza', cpf: '11144477735', phones: [] }, clerk).id;
});
afterEach(() => t.close());

const sale = (over: Record<string, unknown> = {}) =>
  t.ok('sales.create', { customerId: ana, date: '2026-09-13', description: 'Geladeira', totalCents: 15000, installmentCount: 1, firstDueDate: '2026-10-13', ...over }, clerk);

describe('sales.create', () => {
  it('makes Tabela Price parcelas (DOMAIN.md: PV 100000, n 5, 3% → 5 × 21835)', () => {
    const s = sale({ totalCents: 120000, downPaymentCents: 20000, installmentCount: 5, monthlyRatePct: 3 });
    expect(s.installments.map((i: any) => i.amountCents)).toEqual([21835, 21835, 21835, 21835, 21835]);
    expect(s.number).toMatch(/^A-\d{6}$/);
  });

  it('without interest puts the remainder centavos on the first parcela', () => {
    const s = sale({ totalCents: 10000, installmentCount: 3 });
    expect(s.installments.map((i: any) => i.amountCents)).toEqual([3334, 3333, 3333]);
  });

  it('moves a due date on a closed day to the next open day (2026-12-25 → 2026-12-26)', () => {
    const s = sale({ firstDueDate: '2026-10-25', installmentCount: 3 });
    expect(s.installments.map((i: any) => [i.dueDate, i.effectiveDueDate])).toEqual([
      ['2026-10-25', '2026-10-26'], // Sunday
      ['2026-11-25', '2026-11-25'],
      ['2026-12-25', '2026-12-26'], // Natal
    ]);
  });

  it('refuses bad sales with a pt-BR message and writes nothing', () => {
    const before = t.count('installments');
    expect(t.fail('sales.create', { customerId: ana, date: '2026-09-13', description: 'TV', totalCents: 1000, installmentCount: 0, firstDueDate: '2026-10-13' }, clerk).message).toMatch(/pelo menos 1 parcela/);
    expect(t.fail('sales.create', { customerId: ana, date: '2026-09-13', description: 'TV', totalCents: 1000, installmentCount: 25, firstDueDate: '2026-10-13' }, clerk).message).toMatch(/no máximo 24/);
    expect(t.fail('sales.create', { customerId: ana, date: '2026-09-13', description: 'TV', totalCents: 1000, installmentCount: 2, firstDueDate: '2026-09-01' }, clerk).message).toMatch(/primeiro vencimento/);
    expect(t.fail('sales.create', { customerId: ana, date: '2026-09-13', description: 'TV', totalCents: 1000, installmentCount: 2, firstDueDate: '2026-10-13', monthlyRatePct: 16 }, clerk).kind).toBe('validation');
    expect(t.fail('sales.create', { customerId: 'nao-existe', date: '2026-09-13', description: 'TV', totalCents: 1000, installmentCount: 2, firstDueDate: '2026-10-13' }, clerk).kind).toBe('not_found');
    expect(t.count('installments')).toBe(before);
    expect(t.count('sales')).toBe(0);
  });

  it('a repeated idempotency key returns the first sale and writes nothing more', () => {
    const a = sale({ idempotencyKey: 'clique-1' });
    const b = sale({ idempotencyKey: 'clique-1' });
    expect(b).toEqual(a);
    expect(t.count('sales')).toBe(1);
  });
});

describe('payments', () => {
  it('late payment: DOMAIN.md example, multa 300 + juros 205 = 15505, and the receipt shows it', () => {
    sale();
    t.clock.set('2026-11-23');
    const q = t.ok('payments.quote', { customerId: ana }, clerk);
    expect(q.items[0]).toMatchObject({ daysLate: 41, principalCents: 15000, fineCents: 300, interestCents: 205, totalCents: 15505 });
    const st = t.ok('accounts.statement', { customerId: ana }, clerk);
    expect(st.openCents).toBe(q.totalCents);
    expect(st.overdueCents).toBe(15505);
    const p = t.ok('payments.receive', { customerId: ana, amountCents: 15505, method: 'pix' }, clerk);
    expect(p.allocations).toEqual([expect.objectContaining({ principalCents: 15000, fineCents: 300, interestCents: 205, discountCents: 0 })]);
    const r = t.ok('payments.receipt', { paymentId: p.id }, clerk);
    expect(r).toMatchObject({ receiptNumber: p.receiptNumber, customerName: 'Ana Lima', amountInWords: 'cento e cinquenta e cinco reais e cinco centavos', store: { name: 'Loja Teste' } });
    expect(t.ok('accounts.statement', { customerId: ana }, clerk).installments[0].status).toBe('paid');
  });

  it('partial payments over several dates: juros then multa then principal, charges never charged twice', () => {
    sale();
    t.clock.set('2026-10-23'); // 10 days late: multa 300, juros round(15000 × 1% × 10/30) = 50
    const p1 = t.ok('payments.receive', { customerId: ana, amountCents: 5350, method: 'cash' }, clerk);
    expect(p1.allocations[0]).toMatchObject({ interestCents: 50, fineCents: 300, principalCents: 5000 });
    t.clock.set('2026-11-22'); // 30 more days on 10000 open: juros 100, multa already paid
    const q = t.ok('payments.quote', { customerId: ana }, clerk);
    expect(q.items[0]).toMatchObject({ principalCents: 10000, fineCents: 0, interestCents: 100, totalCents: 10100 });
  });

  it('early payment of a sale with interest gets the present-value discount (CDC art. 52 §2)', () => {
    sale({ totalCents: 100000, installmentCount: 5, monthlyRatePct: 3, firstDueDate: '2026-10-13' });
    // paying parcela 2 (due 2026-11-13) on 2026-09-13: 61 days early → round(21835 / 1.03^(61/30))
    const st = t.ok('accounts.statement', { customerId: ana }, clerk);
    const second = st.installments[1];
    const q = t.ok('payments.quote', { customerId: ana, installmentIds: [second.id] }, clerk);
    const expected = Math.round(21835 / Math.pow(1.03, 61 / 30));
    expect(q.items[0].totalCents).toBe(expected);
    expect(q.items[0].discountCents).toBe(21835 - expected);
    const p = t.ok('payments.receive', { customerId: ana, amountCents: expected, method: 'cash', installmentIds: [second.id] }, clerk);
    expect(p.allocations[0]).toMatchObject({ principalCents: expected, discountCents: 21835 - expected });
    // On the receipt the parcela shows its face value less the discount, adding up to the money paid.
    const rc = t.ok('payments.receipt', { paymentId: p.id }, clerk);
    expect(rc.lines[0]).toMatchObject({ principalCents: 21835, discountCents: 21835 - expected });
    expect(rc.lines[0].principalCents + rc.lines[0].fineCents + rc.lines[0].interestCents - rc.lines[0].discountCents).toBe(rc.amountCents);
    expect(t.ok('accounts.statement', { customerId: ana }, clerk).installments[1].status).toBe('paid');
  });

  it('refuses bad payments and writes nothing', () => {
    const s = sale();
    const other = t.ok('sales.create', { customerId: bia, date: '2026-09-13', description: 'Sofá', totalCents: 9000, installmentCount: 1, firstDueDate: '2026-10-13' }, clerk);
    t.clock.set('2026-10-20');
    const before = [t.count('payments'), t.count('allocations'), t.count('audit')];
    expect(t.fail('payments.receive', { customerId: ana, amountCents: 0, method: 'cash' }, clerk).kind).toBe('validation');
    expect(t.fail('payments.receive', { customerId: ana, amountCents: -5, method: 'cash' }, clerk).kind).toBe('validation');
    const tooMuch = t.fail('payments.receive', { customerId: ana, amountCents: 999999, method: 'cash' }, clerk);
    expect(tooMuch).toMatchObject({ kind: 'conflict' });
    expect(tooMuch.message).toMatch(/maior que o devido/);
    expect(t.fail('payments.receive', { customerId: ana, amountCents: 100, method: 'cash', date: '2026-10-21' }, clerk).message).toMatch(/futura/);
    expect(t.fail('payments.receive', { customerId: ana, amountCents: 100, method: 'cash', date: '2026-09-01' }, clerk).message).toMatch(/anterior à venda/);
    expect(t.fail('payments.receive', { customerId: 'ninguem', amountCents: 100, method: 'cash' }, clerk).kind).toBe('not_found');
    expect(t.fail('payments.receive', { customerId: ana, amountCents: 100, method: 'cash', installmentIds: [other.installments[0].id] }, clerk).message).toMatch(/outro cliente/);
    expect(t.fail('payments.receive', { customerId: ana, amountCents: 100, method: 'cheque' }, clerk).kind).toBe('validation');
    expect(t.fail('payments.receive', { customerId: ana, amountCents: 100, method: 'cash', installmentIds: ['0190c5a2-0000-7000-8000-000000000000'] }, clerk).kind).toBe('not_found');
    expect([t.count('payments'), t.count('allocations'), t.count('audit')]).toEqual(before);
    expect(s.id).toBeTruthy();
  });

  it('a double click with the same idempotency key pays once', () => {
    sale();
    const a = t.ok('payments.receive', { customerId: ana, amountCents: 1000, method: 'cash', idempotencyKey: 'k1' }, clerk);
    const b = t.ok('payments.receive', { customerId: ana, amountCents: 1000, method: 'cash', idempotencyKey: 'k1' }, clerk);
    expect(b.id).toBe(a.id);
    expect(t.count('payments')).toBe(1);
  });
});

describe('payments.reverse (estorno)', () => {
  it('needs the owner PIN, restores the exact prior balances, is recorded, and cannot be repeated', () => {
    sale({ totalCents: 30000, installmentCount: 3 });
    t.clock.set('2026-12-01');
    const before = t.ok('accounts.statement', { customerId: ana }, clerk);
    const p = t.ok('payments.receive', { customerId: ana, amountCents: 12345, method: 'cash' }, clerk);
    expect(t.ok('accounts.statement', { customerId: ana }, clerk).openCents).toBeLessThan(before.openCents);

    expect(t.fail('payments.reverse', { paymentId: p.id, reason: 'Valor digitado errado' }, clerk).message).toMatch(/PIN do dono/);
    expect(t.fail('payments.reverse', { paymentId: p.id, reason: 'Valor digitado errado', ownerPin: '4321' }, clerk).message).toMatch(/não confere/);
    t.ok('payments.reverse', { paymentId: p.id, reason: 'Valor digitado errado', ownerPin: '1234' }, clerk);

    const after = t.ok('accounts.statement', { customerId: ana }, clerk);
    expect(after.installments.map((i: any) => [i.totalDueCents, i.fineCents, i.interestCents, i.status])).toEqual(
      before.installments.map((i: any) => [i.totalDueCents, i.fineCents, i.interestCents, i.status]),
    );
    expect(after.openCents).toBe(before.openCents);
    expect(after.events.map((e: any) => e.kind)).toEqual(['sale', 'payment', 'reversal']);
    expect(t.count('payments')).toBe(1); // never deleted
    const again = t.fail('payments.reverse', { paymentId: p.id, reason: 'De novo', ownerPin: '1234' }, owner);
    expect(again.kind).toBe('conflict');
    expect(again.message).toMatch(/já foi estornado/);
  });

  it('reverses newest first when two payments touch the same parcela', () => {
    sale();
    t.clock.set('2026-10-20');
    const p1 = t.ok('payments.receive', { customerId: ana, amountCents: 1000, method: 'cash' }, clerk);
    t.clock.set('2026-10-25');
    const p2 = t.ok('payments.receive', { customerId: ana, amountCents: 1000, method: 'cash' }, clerk);
    expect(t.fail('payments.reverse', { paymentId: p1.id, reason: 'Erro', ownerPin: '1234' }, clerk).message).toContain(p2.receiptNumber);
    t.ok('payments.reverse', { paymentId: p2.id, reason: 'Erro', ownerPin: '1234' }, clerk);
    t.ok('payments.reverse', { paymentId: p1.id, reason: 'Erro', ownerPin: '1234' }, clerk);
  });

  it('statement as of an earlier date ignores later payments and reversals', () => {
    sale();
    t.clock.set('2026-10-20');
    const p = t.ok('payments.receive', { customerId: ana, amountCents: 5000, method: 'cash' }, clerk);
    t.clock.set('2026-11-02');
    t.ok('payments.reverse', { paymentId: p.id, reason: 'Cheque devolvido', ownerPin: '1234' }, clerk);
    const mid = t.ok('accounts.statement', { customerId: ana, asOf: '2026-10-25' }, clerk);
    expect(mid.installments[0].paidCents).toBe(5000);
    const early = t.ok('accounts.statement', { customerId: ana, asOf: '2026-10-01' }, clerk);
    expect(early).toMatchObject({ overdueCents: 0, openCents: 15000 });
  });
});

describe('contract terms', () => {
  it('a later change of the store policy does not change the charges of an existing parcela', () => {
    sale();
    t.ok('settings.update', { policy: { fineRatePct: 1, lateInterestMonthlyPct: 0.5 } }, owner);
    t.clock.set('2026-11-23');
    expect(t.ok('payments.quote', { customerId: ana }, clerk).items[0]).toMatchObject({ fineCents: 300, interestCents: 205 });
  });
});
