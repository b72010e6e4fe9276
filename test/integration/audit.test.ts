import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';

// audit.list (issue 8 §4): the rows the dispatcher writes, filtered by person, action, store days and kind.

let t: TestBackend;
let owner: Caller;
let clerk: Caller;
let clerkId: string;
let ownerId: string;
let ana: string;

beforeAll(() => {
  t = testBackend('2026-09-13');
  ({ owner, clerk, clerkId } = t.withPeople());
  ownerId = t.ok('users.list', {}, owner).items.find((u: { role: string }) => u.role === 'owner').id;
  ana = t.ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [] }, clerk).id;
  const bia = t.ok('customers.create', { name: 'Bia Souza', cpf: '11144477735', phones: [] }, clerk).id;
  t.ok('sales.create', { customerId: ana, date: '2026-09-13', description: 'Geladeira', totalCents: 45000, installmentCount: 3, firstDueDate: '2026-10-13' }, clerk);
  t.ok('sales.create', { customerId: bia, date: '2026-09-13', description: 'Fogão', totalCents: 30000, installmentCount: 1, firstDueDate: '2026-10-13' }, clerk);

  t.clock.set('2026-11-23');
  const p = t.ok('payments.receive', { customerId: ana, amountCents: 5000, method: 'cash' }, clerk);
  t.ok('payments.reverse', { paymentId: p.id, reason: 'Valor digitado errado', ownerPin: '1234' }, clerk);
  t.ok('settings.update', { policy: { graceDays: 3 } }, owner);

  t.clock.set('2026-11-24');
  // Bia: an agreement within the margins (no PIN); Ana: one with half the principal off, beyond them (owner's PIN).
  const within = t.ok('offers.compute', { customerId: bia }, clerk).options[0];
  t.ok('agreements.create', { customerId: bia, discountCents: 0, downPaymentCents: within.downPaymentCents, installmentCount: within.installmentCount, monthlyRatePct: within.monthlyRatePct, firstDueDate: within.firstDueDate }, clerk);
  const debt = t.ok('offers.compute', { customerId: ana }, clerk).debt;
  const discount = Math.floor(debt.principalCents / 2);
  t.ok('agreements.create', { customerId: ana, discountCents: discount, downPaymentCents: debt.totalCents - discount, installmentCount: 0, monthlyRatePct: 0, firstDueDate: '2026-11-24', approvalPin: '1234' }, clerk);
});
afterAll(() => t.close());

const list = (input: Record<string, unknown> = {}) => t.ok('audit.list', input, owner);

describe('audit.list', () => {
  it('lists every write newest first, in words: who, dd/mm/aaaa hh:mm, the action, the details without ids', () => {
    const r = list();
    expect(r.total).toBe(t.count('audit'));
    expect(r.items.length).toBe(r.total);
    const ats = r.items.map((i: { at: string }) => i.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    const reversal = r.items.find((i: { method: string }) => i.method === 'payments.reverse');
    expect(reversal).toMatchObject({ userName: 'Carlos Atendente', date: '23/11/2026', time: '12:00', action: 'Estornar pagamento', flag: 'reversal', approvedBy: 'Dona Maria', via: 'Tela' });
    expect(reversal.details).toBe('Recibo: A-000001 · Motivo: Valor digitado errado · PIN do dono: informado');
    const pay = r.items.find((i: { method: string }) => i.method === 'payments.receive');
    expect(pay.details).toBe('Cliente: Ana Lima · Valor: R$ 50,00 · Forma de pagamento: cash');
    expect(JSON.stringify(r.items)).not.toContain(ana.slice(0, 18) + '"');
    expect(r.items.every((i: { details: string }) => !/[0-9a-f]{8}-[0-9a-f]{4}-/.test(i.details))).toBe(true);
    // The filters' choices.
    expect(r.people.map((p: { name: string }) => p.name)).toEqual(['Carlos Atendente', 'Dona Maria']);
    expect(r.actions.find((a: { method: string }) => a.method === 'payments.reverse').label).toBe('Estornar pagamento');
    expect(r.actions.some((a: { method: string }) => a.method === 'audit.list')).toBe(false);
  });

  it('filters by person', () => {
    const mine = list({ userId: clerkId }).items;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i: { userName: string }) => i.userName === 'Carlos Atendente')).toBe(true);
    const boss = list({ userId: ownerId }).items.map((i: { method: string }) => i.method);
    // setup.store ran before anyone was logged in: its row names the owner but carries no user id.
    expect(boss.sort()).toEqual(['settings.update', 'users.create']);
  });

  it('filters by action', () => {
    const r = list({ method: 'sales.create' });
    expect(r.total).toBe(2);
    expect(r.items.map((i: { details: string }) => i.details.split(' · ')[0]).sort()).toEqual(['Cliente: Ana Lima', 'Cliente: Bia Souza']);
  });

  it('filters by the store’s days, both ends included', () => {
    const day = (d: string) => list({ from: d, to: d }).items.map((i: { method: string }) => i.method).sort();
    expect(day('2026-11-23')).toEqual(['payments.receive', 'payments.reverse', 'settings.update']);
    expect(day('2026-11-24')).toEqual(['agreements.create', 'agreements.create']);
    expect(list({ from: '2026-11-23' }).total).toBe(5);
    expect(list({ to: '2026-11-22' }).items.every((i: { date: string }) => i.date === '13/09/2026')).toBe(true);
    expect(list({ from: '2026-11-25' }).items).toEqual([]);
  });

  it('finds reversals, approvals beyond the margins and settings changes', () => {
    expect(list({ kind: 'reversals' }).items.map((i: { method: string }) => i.method)).toEqual(['payments.reverse']);
    const approvals = list({ kind: 'approvals' }).items;
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ method: 'agreements.create', flag: 'approval', approvedBy: 'Dona Maria' });
    expect(approvals[0].details).toMatch(/^Cliente: Ana Lima/);
    expect(approvals[0].details).toContain('PIN de aprovação: informado');
    const settings = list({ kind: 'settings' }).items;
    expect(settings.map((i: { method: string }) => i.method).sort()).toEqual(['settings.update', 'users.create']);
    const change = settings.find((i: { method: string }) => i.method === 'settings.update').details;
    expect(change).toMatch(/^Regras › [A-ZÀ-Ú][^:]+: 3$/);
    expect(change).not.toContain('graceDays');
    // Combined with a person: the clerk changed no settings.
    expect(list({ kind: 'settings', userId: clerkId }).items).toEqual([]);
  });

  it('pages with limit and offset', () => {
    const all = list().items.map((i: { id: string }) => i.id);
    const page = list({ limit: 3, offset: 2 });
    expect(page.items.map((i: { id: string }) => i.id)).toEqual(all.slice(2, 5));
    expect(page.total).toBe(all.length);
  });

  it('bad input: a range that ends before it starts, an unknown action, a clerk → pt-BR errors', () => {
    expect(t.fail('audit.list', { from: '2026-11-24', to: '2026-11-23' }, owner)).toMatchObject({ kind: 'validation', message: 'Até: A data final não pode ser antes da inicial.' });
    expect(t.fail('audit.list', { method: 'payments.steal' }, owner)).toMatchObject({ kind: 'validation', message: 'Ação desconhecida: escolha uma ação da lista.' });
    expect(t.fail('audit.list', { kind: 'everything' }, owner).kind).toBe('validation');
    expect(t.fail('audit.list', {}, clerk).kind).toBe('forbidden');
  });
});
