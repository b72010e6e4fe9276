import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';

/**
 * LGPD art. 18: the customer's data on request (customers.export) and anonymisation (customers.anonymize):
 * nothing that identifies the person remains anywhere in the file, the money stays, the audit says who asked.
 */
let t: TestBackend;
let owner: Caller;
let clerk: Caller;
let id: string;
const CPF = '52998224725';
const PHONE = '11987654321';

beforeEach(() => {
  t = testBackend();
  ({ owner, clerk } = t.withPeople());
  ({ id } = t.ok<{ id: string }>(
    'customers.create',
    { name: 'Benedita Quintanilha', cpf: '529.982.247-25', phones: [{ number: '(11) 98765-4321', whatsapp: true }], email: 'benedita@example.com', address: 'Rua das Acácias, 45', birthDate: '1980-04-02', notes: 'Prefere ligação depois das 18h' },
    clerk,
  ));
  t.ok('sales.create', { customerId: id, date: '2026-08-01', description: 'Guarda-roupa', totalCents: 150000, installmentCount: 3, firstDueDate: '2026-09-01' }, clerk);
  t.ok('payments.receive', { customerId: id, amountCents: 50000, method: 'pix' }, clerk);
  t.ok('customers.create', { name: 'Outra Pessoa', cpf: '11144477735', phones: [] }, clerk);
});
afterEach(() => t.close());

/** Every text cell of every table, to look for the person's data anywhere in the file. */
const allText = () =>
  (t.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[])
    .flatMap(({ name }) => t.store.sqlite.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][])
    .flat()
    .filter((v) => typeof v === 'string')
    .join('\n');

describe('customers.export', () => {
  it('gives everything held about the customer: record, phones, sales, parcelas, payments, allocations, audit', () => {
    const r = t.ok<any>('customers.export', { id }, owner);
    expect(r.customer).toMatchObject({ id, name: 'Benedita Quintanilha', cpf: CPF, email: 'benedita@example.com', address: 'Rua das Acácias, 45' });
    expect(r.records.customer_phones).toEqual([expect.objectContaining({ number: PHONE })]);
    expect(r.records.sales).toHaveLength(1);
    expect(r.records.installments).toHaveLength(3);
    expect(r.records.payments).toEqual([expect.objectContaining({ amount_cents: 50000 })]);
    expect(r.records.allocations.length).toBeGreaterThan(0);
    expect(r.audit.map((a: { method: string }) => a.method)).toEqual(expect.arrayContaining(['sales.create', 'payments.receive']));
    expect(r.purpose).toMatch(/LGPD/);
    // Nobody else's data.
    expect(JSON.stringify(r)).not.toContain('Outra Pessoa');
  });

  it('is for the owner only, and an unknown id is not_found', () => {
    expect(t.fail('customers.export', { id }, clerk).kind).toBe('forbidden');
    expect(t.fail('customers.export', { id: '01900000-0000-7000-8000-000000000000' }, owner).kind).toBe('not_found');
  });
});

describe('customers.anonymize', () => {
  it('removes name, CPF, phones, e-mail, address, birth date and notes everywhere; keeps the money', () => {
    const moneyBefore = t.store.sqlite.prepare('SELECT (SELECT SUM(amount_cents) FROM payments) AS p, (SELECT SUM(amount_cents) FROM installments) AS i').get();
    t.ok('customers.anonymize', { id }, owner);
    const text = allText();
    for (const secret of ['Benedita', 'Quintanilha', CPF, '529.982.247-25', PHONE, '98765-4321', 'benedita@example.com', 'Acácias', '1980-04-02', 'depois das 18h']) {
      expect(text, secret).not.toContain(secret);
    }
    const c = t.ok<any>('customers.get', { id }, clerk);
    expect(c).toMatchObject({ name: 'Cliente anonimizado', phones: [], email: null, address: null, birthDate: null, notes: null, doNotCall: true });
    expect(c.cpf).not.toMatch(/^\d{11}$/); // a placeholder that is not a CPF
    expect(t.store.sqlite.prepare('SELECT (SELECT SUM(amount_cents) FROM payments) AS p, (SELECT SUM(amount_cents) FROM installments) AS i').get()).toEqual(moneyBefore);
    expect(t.ok<any>('accounts.statement', { customerId: id }, clerk).installments).toHaveLength(3);
    // Search no longer finds the person by the old name or CPF.
    expect(t.ok<any>('customers.search', { query: 'Benedita' }, clerk).items).toHaveLength(0);
    expect(t.ok<any>('customers.search', { query: CPF }, clerk).items).toHaveLength(0);
    // The audit says who asked.
    const row = t.store.sqlite.prepare("SELECT user_name AS userName FROM audit WHERE method = 'customers.anonymize'").get();
    expect(row).toEqual({ userName: 'Dona Maria' });
  });

  it('two anonymised customers do not collide on the CPF placeholder; a second call changes nothing', () => {
    const other = (t.ok<any>('customers.search', { query: 'Outra' }, clerk).items[0] as { id: string }).id;
    t.ok('customers.anonymize', { id }, owner);
    t.ok('customers.anonymize', { id: other }, owner);
    expect(t.ok('customers.anonymize', { id }, owner)).toEqual({ id });
    expect(t.store.sqlite.prepare("SELECT COUNT(DISTINCT cpf) AS n FROM customers WHERE anonymized_at IS NOT NULL").get()).toEqual({ n: 2 });
  });

  it('is for the owner only; a clerk is refused and nothing changes', () => {
    expect(t.fail('customers.anonymize', { id }, clerk).kind).toBe('forbidden');
    expect(t.ok<any>('customers.get', { id }, clerk).name).toBe('Benedita Quintanilha');
  });
});
