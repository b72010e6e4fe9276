import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { checkProjections } from '../../db/projections/check';
import { isValidPixPayload } from '../../shared/pix';
import { daysBetween } from '../../shared/dates';

let t: TestBackend;
let owner: Caller;
let clerk: Caller;
let ana: string;
let bia: string;
let ownerId: string;
const CLI: Caller = { transport: 'cli' };

beforeEach(() => {
  t = testBackend('2026-09-13');
  ({ owner, clerk } = t.withPeople());
  ownerId = (t.ok('users.list', {}, owner).items as { id: string; role: string }[]).find((u) => u.role === 'owner')!.id;
  t.ok('settings.update', { store: { name: 'Loja Boa Vista', cnpj: '12.345.678/0001-95', address: 'Rua das Flores, 100', city: 'Campinas', pixKey: 'loja@exemplo.com.br' } }, owner);
  ana = t.ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [] }, clerk).id;
  bia = t.ok('customers.create', { name: 'Bia Souza', cpf: '11144477735', phones: [] }, clerk).id;
  // Ana: 3 × R$ 150,00 due 13/10, 13/11, 13/12; on 23/11 the first two are overdue, the third is not yet due.
  t.ok('sales.create', { customerId: ana, date: '2026-09-13', description: 'Geladeira', totalCents: 45000, installmentCount: 3, firstDueDate: '2026-10-13' }, clerk);
  // Bia: nothing overdue on 23/11.
  t.ok('sales.create', { customerId: bia, date: '2026-09-13', description: 'Ventilador', totalCents: 20000, installmentCount: 1, firstDueDate: '2026-12-13' }, clerk);
  t.clock.set('2026-11-23');
});
afterEach(() => t.close());

const overdueQuote = () => {
  const q = t.ok('payments.quote', { customerId: ana }, clerk);
  const items = q.items.filter((i: any) => i.daysLate > 0);
  return {
    ids: items.map((i: any) => i.installmentId),
    principal: items.reduce((s: number, i: any) => s + i.principalCents, 0),
    fine: items.reduce((s: number, i: any) => s + i.fineCents, 0),
    interest: items.reduce((s: number, i: any) => s + i.interestCents, 0),
  };
};
const snapshot = () => ({
  agreements: t.count('agreements'),
  installments: t.count('installments'),
  audit: t.count('audit'),
  payments: t.count('payments'),
  linked: (t.store.sqlite.prepare('SELECT COUNT(*) AS n FROM installments WHERE renegotiated_by IS NOT NULL').get() as { n: number }).n,
});
const failedAttempts = () => (t.store.sqlite.prepare('SELECT failed_attempts AS n FROM users WHERE id = ?').get(ownerId) as { n: number }).n;
const noDifferences = () => expect(checkProjections(t.store).differences).toEqual([]);

describe('offers.compute', () => {
  it('takes the debt from the ledger: overdue parcelas only, with today’s charges', () => {
    const q = overdueQuote();
    expect(q.ids).toHaveLength(2);
    const r = t.ok('offers.compute', { customerId: ana }, clerk);
    expect(r.debt).toMatchObject({ principalCents: 30000, chargesCents: q.fine + q.interest, totalCents: 30000 + q.fine + q.interest });
    expect(r.options[0]).toMatchObject({ kind: 'cash', discountCents: 0, totalCents: r.debt.totalCents, withinLimits: true });
    expect(r.options.filter((o: any) => o.suggested).length).toBeLessThanOrEqual(2);
  });

  it('checks every option against the margins of the customer’s profile (minimum parcela, max parcelas, first due)', () => {
    const { profile } = t.ok('offers.compute', { customerId: ana }, clerk);
    t.ok('settings.update', { margins: { byProfile: { [profile]: { maxInstallments: 3, minInstallmentCents: 9000, maxDaysToFirstDue: 20, maxChargesDiscountPct: 10 } } } }, owner);
    const r = t.ok('offers.compute', { customerId: ana }, clerk);
    expect(r.margins).toMatchObject({ maxInstallments: 3, minInstallmentCents: 9000, maxDaysToFirstDue: 20, maxChargesDiscountPct: 10, maxPostponeDays: 15 });
    const cash = r.options.find((o: any) => o.kind === 'cash' && o.discountCents > 0);
    expect(cash.discountCents).toBe(Math.floor(r.debt.chargesCents * 0.1));
    const plans = r.options.filter((o: any) => o.kind === 'installments' && o.withinLimits);
    expect(plans.length).toBeGreaterThan(0);
    for (const p of plans) {
      expect(p.installmentCount).toBeLessThanOrEqual(3);
      expect(p.installmentCents).toBeGreaterThanOrEqual(9000);
      expect(daysBetween('2026-11-23', p.firstDueDate)).toBeLessThanOrEqual(20);
      expect(p.monthlyRatePct).toBe(2);
    }
    // Another profile keeps the default margins.
    expect(t.ok('settings.get', {}, clerk).margins.default.maxInstallments).toBe(6);
  });

  it('sizes the plan to the capacity: the smallest n whose parcela fits', () => {
    const r = t.ok('offers.compute', { customerId: ana, capacityCents: 8000 }, clerk);
    const plan = r.options.find((o: any) => o.kind === 'installments' && o.suggested);
    expect(plan.installmentCents).toBeLessThanOrEqual(8000);
    const fewer = r.options.find((o: any) => o.kind === 'installments' && o.installmentCount === plan.installmentCount - 1);
    expect(fewer.installmentCents > 8000 || fewer.downPaymentCents > 8000).toBe(true);
  });

  it('refuses a capacity of zero, an unknown customer and a customer with nothing overdue', () => {
    expect(t.fail('offers.compute', { customerId: ana, capacityCents: 0 }, clerk)).toMatchObject({ kind: 'validation', issues: [{ path: 'capacityCents' }] });
    expect(t.fail('offers.compute', { customerId: '01900000-0000-7000-8000-000000000000' }, clerk).kind).toBe('not_found');
    const e = t.fail('offers.compute', { customerId: bia }, clerk);
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/Bia Souza não tem parcelas em atraso/);
  });
});

describe('agreements.create', () => {
  const within = (over: Record<string, unknown> = {}) => ({ customerId: ana, discountCents: 0, downPaymentCents: 5000, installmentCount: 5, monthlyRatePct: 2, firstDueDate: '2026-12-23', ...over });

  it('renegotiates the overdue parcelas atomically, creates the new ones and keeps the standings right', () => {
    const q = overdueQuote();
    const before = snapshot();
    const a = t.ok('agreements.create', within(), clerk);
    expect(a.installments.map((i: any) => [i.number, i.kind])).toEqual([[1, 'entrada'], [2, 'parcela'], [3, 'parcela'], [4, 'parcela'], [5, 'parcela'], [6, 'parcela']]);
    expect(a.installments[0]).toMatchObject({ dueDate: '2026-11-23', amountCents: 5000 });
    expect(a.installments.slice(1).map((i: any) => i.dueDate)).toEqual(['2026-12-23', '2027-01-23', '2027-02-23', '2027-03-23', '2027-04-23']);
    expect(snapshot()).toEqual({ ...before, agreements: 1, installments: before.installments + 6, audit: before.audit + 1, linked: 2 });

    const row = t.store.sqlite.prepare('SELECT * FROM agreements WHERE id = ?').get(a.id) as any;
    expect(row).toMatchObject({ principal_cents: q.principal, charges_cents: q.fine + q.interest, discount_cents: 0, down_payment_cents: 5000, installment_count: 5, approved_by: null });
    const linked = (t.store.sqlite.prepare('SELECT id, amount_cents AS a FROM installments WHERE renegotiated_by = ?').all(a.id) as { id: string; a: number }[]);
    expect(linked.map((r) => r.id).sort()).toEqual([...q.ids].sort());
    expect(linked.every((r) => r.a === 15000)).toBe(true); // amounts untouched
    // Nothing created or lost: entrada + parcelas = debt + the Price interest on what is financed.
    const financed = q.principal + q.fine + q.interest - 5000;
    const sum = a.installments.reduce((s: number, i: any) => s + i.amountCents, 0);
    expect(sum - 5000).toBeGreaterThanOrEqual(financed);

    const st = t.ok('accounts.statement', { customerId: ana }, clerk);
    const byId = new Map(st.installments.map((i: any) => [i.id, i]));
    for (const id of q.ids) expect(byId.get(id)).toMatchObject({ status: 'renegotiated', totalDueCents: 0 });
    for (const i of a.installments) expect(byId.get(i.id)).toMatchObject({ status: 'open', amountCents: i.amountCents });
    expect(st.overdueCents).toBe(0);
    const standing = t.store.sqlite.prepare('SELECT overdue_count AS n, overdue_principal_cents AS p FROM customer_standings WHERE id = ?').get(ana) as any;
    expect(standing).toEqual({ n: 0, p: 0 });
    noDifferences();

    // The customer pays the entrada and the first parcela at the counter; paid a month early, the Price parcela
    // gets the early-payment discount at the agreement's rate (CDC art. 52 §2), the entrada (due today) none.
    const picked = [a.installments[0].id, a.installments[1].id];
    const quote = t.ok('payments.quote', { customerId: ana, installmentIds: picked }, clerk);
    expect(quote.items[0]).toMatchObject({ installmentId: picked[0], discountCents: 0, totalCents: 5000 });
    expect(quote.items[1].discountCents).toBeGreaterThan(0);
    const pay = t.ok('payments.receive', { customerId: ana, amountCents: quote.totalCents, method: 'pix', installmentIds: picked }, clerk);
    expect(pay.allocations.map((x: any) => x.installmentId).sort()).toEqual([a.installments[0].id, a.installments[1].id].sort());
    const after = t.ok('accounts.statement', { customerId: ana }, clerk);
    expect(after.installments.filter((i: any) => i.status === 'paid').map((i: any) => i.id).sort()).toEqual([a.installments[0].id, a.installments[1].id].sort());
    noDifferences();
    // The old parcelas can no longer be paid by themselves.
    expect(t.fail('payments.receive', { customerId: ana, amountCents: 100, method: 'cash', installmentIds: [q.ids[0]] }, clerk).kind).toBe('conflict');
  });

  it('a plan beyond the margins without the owner’s PIN is limit_exceeded and writes nothing', () => {
    const before = snapshot();
    const e = t.fail('agreements.create', within({ installmentCount: 10, downPaymentCents: 0 }), clerk);
    expect(e.kind).toBe('limit_exceeded');
    expect(e.message).toMatch(/10 parcelas passam do limite de 6.*PIN/);
    expect(snapshot()).toEqual(before);
    expect(failedAttempts()).toBe(0);

    // A wrong PIN: refused, counts towards the lockout, and nothing else is written.
    const wrong = t.fail('agreements.create', within({ installmentCount: 10, downPaymentCents: 0, approvalPin: '9999' }), clerk);
    expect(wrong.kind).toBe('limit_exceeded');
    expect(wrong.message).toMatch(/PIN do dono não confere/);
    expect(snapshot()).toEqual(before);
    expect(failedAttempts()).toBe(1);

    const a = t.ok('agreements.create', within({ installmentCount: 10, downPaymentCents: 0, approvalPin: '1234' }), clerk);
    expect((t.store.sqlite.prepare('SELECT approved_by AS b FROM agreements WHERE id = ?').get(a.id) as any).b).toBe(ownerId);
    expect(a.approvedBy).toBe(ownerId);
    expect(failedAttempts()).toBe(0);
    noDifferences();
  });

  it('locks the owner after five wrong PINs, even with the right one then', () => {
    for (let k = 0; k < 5; k++) t.fail('agreements.create', within({ discountCents: 900, approvalPin: '9999' }), clerk);
    const e = t.fail('agreements.create', within({ discountCents: 900, approvalPin: '1234' }), clerk);
    expect(e).toMatchObject({ kind: 'limit_exceeded' });
    expect(e.message).toMatch(/bloqueado/);
    expect(t.count('agreements')).toBe(0);
  });

  it('needs the PIN on the CLI too, and from the owner’s own session', () => {
    const before = snapshot();
    expect(t.fail('agreements.create', within({ firstDueDate: '2027-01-30' }), CLI).kind).toBe('limit_exceeded');
    expect(t.fail('agreements.create', within({ firstDueDate: '2027-01-30' }), owner).kind).toBe('limit_exceeded');
    expect(snapshot()).toEqual(before);
    const a = t.ok('agreements.create', within({ firstDueDate: '2027-01-30', approvalPin: '1234' }), CLI);
    expect(a.approvedBy).toBe(ownerId);
  });

  it('refuses bad terms with pt-BR messages and writes nothing', () => {
    const before = snapshot();
    const { debt } = t.ok('offers.compute', { customerId: ana }, clerk);
    expect(t.fail('agreements.create', within({ discountCents: debt.totalCents + 1 }), clerk)).toMatchObject({ kind: 'validation', issues: [{ path: 'discountCents' }] });
    expect(t.fail('agreements.create', within({ downPaymentCents: debt.totalCents + 1 }), clerk)).toMatchObject({ kind: 'validation', issues: [{ path: 'downPaymentCents' }] });
    expect(t.fail('agreements.create', within({ firstDueDate: '2026-11-01' }), clerk).kind).toBe('validation');
    expect(t.fail('agreements.create', within({ monthlyRatePct: 5 }), clerk).kind).toBe('validation');
    expect(t.fail('agreements.create', within({ installmentCount: 0 }), clerk).kind).toBe('validation');
    expect(t.fail('agreements.create', within({ asOf: '2026-12-01' }), clerk).kind).toBe('validation');
    expect(t.fail('agreements.create', { ...within(), customerId: bia }, clerk).kind).toBe('conflict');
    expect(t.fail('agreements.create', within({ installmentCount: 3, downPaymentCents: 0, discountCents: 0, firstDueDate: '2026-12-23', approvalPin: '12' }), clerk).kind).toBe('validation');
    expect(snapshot()).toEqual(before);
  });

  it('parcelas already renegotiated: a second agreement is refused', () => {
    t.ok('agreements.create', within(), clerk);
    const before = snapshot();
    // Today nothing is overdue any more…
    expect(t.fail('agreements.create', within(), clerk).kind).toBe('conflict');
    // …and "as of" a day before the first agreement, the same parcelas are taken already.
    const e = t.fail('agreements.create', within({ asOf: '2026-11-20', downPaymentCents: 0, firstDueDate: '2026-12-20' }), clerk);
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/já foi renegociada/);
    expect(snapshot()).toEqual(before);
  });

  it('a repeated call with the same idempotencyKey makes one agreement (a double click)', () => {
    const first = t.ok('agreements.create', within({ downPaymentCents: 0, idempotencyKey: 'acordo-ana-1' }), clerk);
    expect(first.installments.map((i: any) => [i.number, i.kind])).toEqual([1, 2, 3, 4, 5].map((n) => [n, 'parcela']));
    const again = t.ok('agreements.create', within({ downPaymentCents: 0, idempotencyKey: 'acordo-ana-1' }), clerk);
    expect(again.id).toBe(first.id);
    expect(t.count('agreements')).toBe(1);
  });

  it('pay today with a discount: only the entrada, due today, within the charges margin', () => {
    const r = t.ok('offers.compute', { customerId: ana }, clerk);
    const cash = r.options.find((o: any) => o.kind === 'cash' && o.discountCents > 0);
    const a = t.ok('agreements.create', { customerId: ana, discountCents: cash.discountCents, downPaymentCents: cash.downPaymentCents, installmentCount: 0, monthlyRatePct: 0, firstDueDate: '2026-11-23' }, clerk);
    expect(a.installments).toHaveLength(1);
    t.ok('payments.receive', { customerId: ana, amountCents: cash.totalCents, method: 'cash', installmentIds: [a.installments[0].id] }, clerk);
    const st = t.ok('accounts.statement', { customerId: ana }, clerk);
    expect(st.installments.find((i: any) => i.id === a.installments[0].id).status).toBe('paid');
    noDifferences();
  });
});

describe('agreements.get (the printable term)', () => {
  it('has the store’s identification, the breakdown, the parcelas, the rule and a valid PIX for the entrada', () => {
    const q = overdueQuote();
    const a = t.ok('agreements.create', { customerId: ana, discountCents: 100, downPaymentCents: 5000, installmentCount: 4, monthlyRatePct: 2, firstDueDate: '2026-12-23' }, clerk);
    const term = t.ok('agreements.get', { id: a.id }, clerk);
    expect(term.store).toMatchObject({ name: 'Loja Boa Vista', cnpj: '12.345.678/0001-95', address: 'Rua das Flores, 100' });
    expect(term.customer.name).toBe('Ana Lima');
    expect(term).toMatchObject({ principalCents: q.principal, fineCents: q.fine, interestCents: q.interest, discountCents: 100, downPaymentCents: 5000, installmentCount: 4 });
    expect(term.installments.map((i: any) => i.id)).toEqual(a.installments.map((i: any) => i.id));
    expect(term.replaced.map((r: any) => r.id).sort()).toEqual([...q.ids].sort());
    expect(term.rule).toMatch(/multa de 2% e juros de 1% ao mês.*2 parcelas/);
    expect(term.pix.amountCents).toBe(5000);
    expect(isValidPixPayload(term.pix.payload)).toBe(true);
    expect(term.pix.payload).toContain('540550.00');
    expect(term.pix.payload).toContain('loja@exemplo.com.br');
    expect(t.fail('agreements.get', { id: '01900000-0000-7000-8000-000000000000' }, clerk).kind).toBe('not_found');
  });
});

describe('the call that made the agreement', () => {
  it('is recorded as outcome agreement with the objections heard, though nothing is overdue any more', () => {
    const withPhone = t.ok('customers.create', { name: 'Caio Reis', cpf: '39053344705', phones: [{ number: '11987654321', whatsapp: true }] }, clerk).id;
    t.clock.set('2026-09-13');
    t.ok('sales.create', { customerId: withPhone, date: '2026-09-13', description: 'Sofá', totalCents: 30000, installmentCount: 2, firstDueDate: '2026-10-13' }, clerk);
    t.clock.set('2026-11-23');
    const plan = t.ok('offers.compute', { customerId: withPhone, capacityCents: 20000 }, clerk).options.find((o: any) => o.kind === 'installments' && o.withinLimits);
    const { kind: _k, installmentCents: _i, totalCents: _t, withinLimits: _w, suggested: _s, label: _l, violations: _v, asOf: _a, ...terms } = plan;
    t.ok('agreements.create', { customerId: withPhone, ...terms }, clerk);
    const r = t.ok('contacts.record', { customerId: withPhone, channel: 'phone', outcome: 'agreement', phone: '11987654321', objectionIds: ['sem-dinheiro'] }, clerk);
    expect(r.id).toBeTruthy();
    // Any other outcome for a customer with nothing overdue is still refused.
    expect(t.fail('contacts.record', { customerId: withPhone, channel: 'phone', outcome: 'no_answer', phone: '11987654321' }, clerk).kind).toBe('conflict');
  });
});
