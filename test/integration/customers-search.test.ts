import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';

// customers.search at the counter: the customer hands over the carnê, the clerk types its number.
let t: TestBackend;
let clerk: Caller;
let ana: string;
let bia: string;
let anaCarne: string;
let biaCarne: string;

beforeEach(() => {
  t = testBackend('2026-11-23');
  ({ clerk } = t.withPeople());
  ana = t.ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [{ number: '11987654321' }] }, clerk).id;
  bia = t.ok('customers.create', { name: 'Bia Souza', cpf: '11144477735', phones: [{ number: '1133334444' }] }, clerk).id;
  const sale = (customerId: string) =>
    t.ok('sales.create', { customerId, date: '2026-09-13', description: 'Geladeira', totalCents: 15000, installmentCount: 1, firstDueDate: '2026-10-13' }, clerk).number as string;
  anaCarne = sale(ana);
  biaCarne = sale(bia);
});
afterEach(() => t.close());

const search = (query: string) => t.ok<{ items: { id: string; name: string }[] }>('customers.search', { query }, clerk).items.map((i) => i.name);

describe('customers.search by carnê number', () => {
  it('finds the customer of the sale by its carnê number, exactly as printed', () => {
    expect(anaCarne).toBe('A-000001');
    expect(biaCarne).toBe('A-000002');
    expect(search('A-000001')).toEqual(['Ana Lima']);
    expect(search('A-000002')).toEqual(['Bia Souza']);
  });

  it('accepts lower case, spaces and the number without its leading zeros', () => {
    expect(search('a-000002')).toEqual(['Bia Souza']);
    expect(search(' A - 2 ')).toEqual(['Bia Souza']);
    expect(search('a-1')).toEqual(['Ana Lima']);
  });

  it('finds nobody for a carnê that does not exist', () => {
    expect(search('A-000099')).toEqual([]);
    expect(search('B-000001')).toEqual([]);
  });

  it('finds the customer of an agreement by the agreement number', () => {
    // agreements.create is not built yet: the row an agreement leaves behind is enough for the search.
    const at = '2026-11-23T15:00:00.000Z';
    t.store.sqlite
      .prepare(
        `INSERT INTO agreements (id, created_at, updated_at, device, customer_id, number, date, principal_cents, charges_cents, discount_cents,
           down_payment_cents, installment_count, monthly_rate_pct, first_due_date) VALUES (?, ?, ?, 'A', ?, 'A-000007', '2026-11-23', 15000, 505, 0, 0, 2, 0, '2026-12-10')`,
      )
      .run('agreement-1', at, at, bia);
    expect(search('A-000007')).toEqual(['Bia Souza']);
  });

  it('keeps name, CPF and phone search as they were', () => {
    expect(search('ana')).toEqual(['Ana Lima']);
    expect(search('529.982')).toEqual(['Ana Lima']);
    expect(search('3333-4444')).toEqual(['Bia Souza']);
    expect(search('98765')).toEqual(['Ana Lima']);
  });
});

describe('customers.search by name and by phone', () => {
  it('puts names that begin with the first word first, then the word in the middle of a name; every word must start a word', () => {
    for (const [name, cpf] of [['Ana Maria Silva', '39053344705'], ['Maria Silva Prado', '86288366757'], ['Mariana Silveira', '71428793860'], ['Maria Souza', '46676371022']])
      t.ok('customers.create', { name, cpf, phones: [] }, clerk);
    expect(search('mar sil')).toEqual(['Maria Silva Prado', 'Mariana Silveira', 'Ana Maria Silva']);
    expect(search('MARIA sou')).toEqual(['Maria Souza']);
    expect(search('aria')).toEqual([]);
  });

  it('finds a phone by its first digits, with or without the DDD, through the index', () => {
    expect(search('1198765')).toEqual(['Ana Lima']);
    expect(search('98765')).toEqual(['Ana Lima']);
    expect(search('3333')).toEqual(['Bia Souza']);
    // digits in the middle of a number are not a phone typed at the counter
    expect(search('654321')).toEqual([]);
  });
});
