// Minimal cases for bugs the property tests in this folder found, kept as plain examples.
import { describe, it, expect, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import { roundHalfUp } from '../../shared/money';
import { earlyDiscountFor } from '../../shared/ledger/charges';
import { pricePayment } from '../../shared/ledger/plan';

let t: TestBackend;
afterEach(() => t?.close());

describe('payments.reverse: only the newest payment of a parcela', () => {
  // Found by ledger-model.test.ts. Two payments on the same parcela in the same clock instant (the frozen
  // clock of `emdia call --today D` stamps every call at 12:00 of D) have the same created_at, so the check
  // "is there a later payment on these parcelas?" saw neither as later and let the older one be reversed,
  // leaving the newer payment's split (computed after the older one covered juros and multa) orphaned.
  it('refuses to reverse the older of two payments made in the same instant', () => {
    t = testBackend('2026-10-20');
    const { clerk } = t.withPeople();
    const ana = t.ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [] }, clerk).id;
    t.ok('sales.create', { customerId: ana, date: '2026-09-13', description: 'Geladeira', totalCents: 15000, installmentCount: 1, firstDueDate: '2026-10-13' }, clerk);
    const p1 = t.ok('payments.receive', { customerId: ana, amountCents: 1000, method: 'cash' }, clerk);
    const p2 = t.ok('payments.receive', { customerId: ana, amountCents: 1000, method: 'cash' }, clerk);
    const err = t.fail('payments.reverse', { paymentId: p1.id, reason: 'Erro', ownerPin: '1234' }, clerk);
    expect(err.kind).toBe('conflict');
    expect(err.message).toContain(p2.receiptNumber);
    t.ok('payments.reverse', { paymentId: p2.id, reason: 'Erro', ownerPin: '1234' }, clerk);
    t.ok('payments.reverse', { paymentId: p1.id, reason: 'Erro', ownerPin: '1234' }, clerk);
    expect(t.ok('accounts.statement', { customerId: ana }, clerk).openCents).toBe(t.ok('payments.quote', { customerId: ana }, clerk).totalCents);
  });
});

describe('half-up rounding of float formulas (Tabela Price, present value)', () => {
  // Found by ledger-pure.test.ts. roundHalfUp treated anything within 1024 ulps of the magnitude below .5 as
  // float noise on a true half and rounded it up. At large amounts that window is far wider than the noise
  // (e.g. 1.3e-4 centavo at R$ 5 milhões, where the formulas are off by at most ~13 ulps ≈ 2e-6): values a
  // real distance below .5 were rounded up, a centavo more charged than DOMAIN.md's round().
  it('rounds a real distance below .5 down, even for large values', () => {
    expect(roundHalfUp(1_000_000_000.4999)).toBe(1_000_000_000);
    // 592752889 / 1.0053^(87/30) = 583735626.49990117… → 583735626; discount 592752889 − 583735626.
    expect(earlyDiscountFor(592_752_889, 0.53, 87)).toBe(9_017_263);
    // 682464696 × 0.0367 / (1 − 1.0367^−3) = 244386433.49997101… → 244386433.
    expect(pricePayment(682_464_696, 3, 3.67)).toBe(244_386_433);
  });

  it('still rounds true halves up', () => {
    // 1250 × 1.0004 = 1250.5 exactly; the textbook formula lands ~150 ulps below it at such a low rate.
    expect(pricePayment(1250, 1, 0.04)).toBe(1251);
    expect(pricePayment(100, 1, 0.5)).toBe(101); // 100.5
    // 313 / 1.0016 = 312.5 exactly → 313, no discount.
    expect(earlyDiscountFor(313, 0.16, 30)).toBe(0);
    expect(roundHalfUp(1.005 * 100)).toBe(101);
  });
});
