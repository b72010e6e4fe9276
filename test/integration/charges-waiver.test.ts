import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { checkProjections } from '../../db/projections/check';

// A discount on multa and juros at the counter (Receber) follows the owner's margins like an agreement does
// (issue 7): within maxChargesDiscountPct of the charges the payment reaches it is the clerk's call; beyond it
// only with an owner's PIN, whoever calls, and the approval is recorded on the payment.

let t: TestBackend;
let owner: Caller;
let clerk: Caller;
let ana: string;
let profile: string;

beforeEach(() => {
  t = testBackend('2026-09-13');
  ({ owner, clerk } = t.withPeople());
  ana = t.ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [] }, clerk).id;
  // 3 × R$ 150,00 due 13/10, 13/11, 13/12; on 23/11 the first two are overdue.
  t.ok('sales.create', { customerId: ana, date: '2026-09-13', description: 'Geladeira', totalCents: 45000, installmentCount: 3, firstDueDate: '2026-10-13' }, clerk);
  t.clock.set('2026-11-23');
  profile = (t.store.sqlite.prepare('SELECT profile FROM customer_standings WHERE id = ?').get(ana) as { profile: string }).profile;
  t.ok('settings.update', { margins: { byProfile: { [profile]: { maxChargesDiscountPct: 50 } } } }, owner);
});
afterEach(() => t.close());

const overdue = () => {
  const q = t.ok('payments.quote', { customerId: ana }, clerk);
  const items = q.items.filter((i: any) => i.daysLate > 0);
  return {
    ids: items.map((i: any) => i.installmentId) as string[],
    total: items.reduce((s: number, i: any) => s + i.totalCents, 0) as number,
    charges: items.reduce((s: number, i: any) => s + i.fineCents + i.interestCents, 0) as number,
  };
};
const moneyRows = () => ({ payments: t.count('payments'), allocations: t.count('allocations'), audit: t.count('audit') });

describe('payments.receive with a discount on charges', () => {
  it('within the margins: the parcelas are settled, the money is what was paid, the charges forgiven are recorded', () => {
    const d = overdue();
    expect(d.charges).toBeGreaterThan(0);
    const waiver = Math.floor(d.charges / 2);
    const r = t.ok('payments.receive', { customerId: ana, amountCents: d.total - waiver, method: 'cash', installmentIds: d.ids, waiveChargesCents: waiver }, clerk);
    expect(r.waivedChargesCents).toBe(waiver);
    expect(r.allocations.reduce((s: number, a: any) => s + a.principalCents + a.fineCents + a.interestCents, 0)).toBe(d.total - waiver);
    expect(r.allocations.reduce((s: number, a: any) => s + a.fineWaivedCents + a.interestWaivedCents, 0)).toBe(waiver);
    const st = t.ok('accounts.statement', { customerId: ana }, clerk);
    for (const id of d.ids) expect(st.installments.find((i: any) => i.id === id)).toMatchObject({ status: 'paid', totalDueCents: 0, fineCents: 0, interestCents: 0 });
    expect(st.overdueCents).toBe(0);
    const row = t.store.sqlite.prepare('SELECT approved_by AS a FROM payments WHERE id = ?').get(r.id) as { a: string | null };
    expect(row.a).toBeNull();
    // The receipt shows the charges and the discount, and each parcela's subtotal is money actually paid.
    const rc = t.ok('payments.receipt', { paymentId: r.id }, clerk);
    expect(rc.lines.reduce((s: number, l: any) => s + l.principalCents + l.fineCents + l.interestCents - l.discountCents, 0)).toBe(d.total - waiver);
    expect(rc.lines.reduce((s: number, l: any) => s + l.discountCents, 0)).toBe(waiver);
    expect(checkProjections(t.store).differences).toEqual([]);
  });

  it('beyond the margins without a PIN: limit_exceeded naming the limit, nothing written', () => {
    const d = overdue();
    const limit = Math.floor(d.charges / 2);
    const before = moneyRows();
    const e = t.fail('payments.receive', { customerId: ana, amountCents: d.total - limit - 1, method: 'cash', installmentIds: d.ids, waiveChargesCents: limit + 1 }, clerk);
    expect(e.kind).toBe('limit_exceeded');
    expect(e.message).toContain('50%');
    expect(e.message).toContain('PIN');
    expect(moneyRows()).toEqual(before);
    // The owner's own session and the CLI are held to the store's margins too.
    expect(t.fail('payments.receive', { customerId: ana, amountCents: d.total - limit - 1, method: 'cash', waiveChargesCents: limit + 1 }, owner).kind).toBe('limit_exceeded');
    expect(t.fail('payments.receive', { customerId: ana, amountCents: d.total - limit - 1, method: 'cash', waiveChargesCents: limit + 1 }).kind).toBe('limit_exceeded');
    expect(moneyRows()).toEqual(before);
  });

  it('beyond the margins with a wrong PIN is refused; with the owner’s PIN it is paid and the approval recorded', () => {
    const d = overdue();
    const before = moneyRows();
    const wrong = t.fail('payments.receive', { customerId: ana, amountCents: d.total - d.charges, method: 'pix', waiveChargesCents: d.charges, approvalPin: '9999' }, clerk);
    expect(wrong.kind).toBe('limit_exceeded');
    expect(wrong.message).toContain('PIN do dono não confere');
    expect(moneyRows().payments).toBe(before.payments);
    const r = t.ok('payments.receive', { customerId: ana, amountCents: d.total - d.charges, method: 'pix', waiveChargesCents: d.charges, approvalPin: '1234' }, clerk);
    const row = t.store.sqlite.prepare('SELECT approved_by AS a FROM payments WHERE id = ?').get(r.id) as { a: string | null };
    const ownerId = (t.ok('users.list', {}, owner).items as { id: string; role: string }[]).find((u) => u.role === 'owner')!.id;
    expect(row.a).toBe(ownerId);
    expect(t.ok('accounts.statement', { customerId: ana }, clerk).overdueCents).toBe(0);
  });

  it('a reversal brings back the charges that were forgiven', () => {
    const d = overdue();
    const waiver = Math.floor(d.charges / 2);
    const r = t.ok('payments.receive', { customerId: ana, amountCents: d.total - waiver, method: 'cash', waiveChargesCents: waiver }, clerk);
    t.ok('payments.reverse', { paymentId: r.id, reason: 'Lançado no cliente errado', ownerPin: '1234' }, clerk);
    expect(overdue()).toEqual(d);
    expect(checkProjections(t.store).differences).toEqual([]);
  });

  it('refuses a discount larger than the charges the payment reaches, and one on a parcela with no charges', () => {
    const d = overdue();
    const before = moneyRows();
    const e = t.fail('payments.receive', { customerId: ana, amountCents: d.total - d.charges, method: 'cash', installmentIds: d.ids, waiveChargesCents: d.charges + 1, approvalPin: '1234' }, clerk);
    expect(e.kind).toBe('validation');
    expect(e.issues?.[0].path).toBe('waiveChargesCents');
    const notDue = t.ok('payments.quote', { customerId: ana }, clerk).items.find((i: any) => i.daysLate === 0).installmentId;
    expect(t.fail('payments.receive', { customerId: ana, amountCents: 1000, method: 'cash', installmentIds: [notDue], waiveChargesCents: 1 }, clerk).kind).toBe('validation');
    expect(t.fail('payments.receive', { customerId: ana, amountCents: 1000, method: 'cash', waiveChargesCents: -1 }, clerk).kind).toBe('validation');
    expect(moneyRows()).toEqual(before);
  });

  it('the standings agree with the statement weeks later, when a parcela stays open after a discount on its juros', () => {
    const d = overdue();
    const first = t.ok('payments.quote', { customerId: ana }, clerk).items[0];
    expect(first.interestCents).toBeGreaterThan(0);
    // Forgive the first parcela's juros and pay only part of its principal: juros go on accruing on the rest.
    t.ok('payments.receive', { customerId: ana, amountCents: 5000, method: 'cash', waiveChargesCents: first.interestCents }, clerk);
    for (const day of ['2026-11-24', '2026-12-20', '2027-02-01']) {
      t.clock.set(day);
      const st = t.ok('accounts.statement', { customerId: ana }, clerk);
      const found = t.ok('customers.search', { query: 'ana' }, clerk).items.find((i: any) => i.id === ana);
      expect(found.overdueCents, day).toBe(st.overdueCents);
    }
    expect(d.charges).toBeGreaterThan(0);
    expect(checkProjections(t.store).differences).toEqual([]);
  });
});
