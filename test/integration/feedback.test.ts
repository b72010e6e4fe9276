import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';

// "Como foi o atendimento?" (issue "The guided call" item 9): 1 to 5, after an agreement or a payment.
let t: TestBackend;
let clerk: Caller;
let ana: string;
let bia: string;

beforeEach(() => {
  t = testBackend('2026-11-23');
  ({ clerk } = t.withPeople());
  ana = t.ok('customers.create', { name: 'Ana Lima', cpf: '52998224725', phones: [{ number: '11987654321' }] }, clerk).id;
  bia = t.ok('customers.create', { name: 'Bia Souza', cpf: '11144477735', phones: [] }, clerk).id;
});
afterEach(() => t.close());

describe('feedback.record', () => {
  it('keeps the score with the clerk who asked and the contact it follows', () => {
    const contact = t.ok<{ id: string }>('contacts.record', { customerId: ana, channel: 'in_person', outcome: 'paid', inbound: true }, clerk).id;
    const { id } = t.ok<{ id: string }>('feedback.record', { customerId: ana, score: 5, contactId: contact, notes: 'Gostou de resolver rápido.' }, clerk);
    const row = t.store.sqlite.prepare('SELECT customer_id AS c, contact_id AS k, score, notes, user_id AS u FROM feedback WHERE id = ?').get(id) as { c: string; k: string; score: number; notes: string; u: string };
    expect(row).toMatchObject({ c: ana, k: contact, score: 5, notes: 'Gostou de resolver rápido.' });
    expect(row.u).toBeTruthy();
  });

  it('refuses a score outside 1–5, an unknown customer and another customer\'s contact, writing nothing', () => {
    const contact = t.ok<{ id: string }>('contacts.record', { customerId: ana, channel: 'in_person', outcome: 'paid', inbound: true }, clerk).id;
    expect(t.fail('feedback.record', { customerId: ana, score: 6 }, clerk)).toMatchObject({ kind: 'validation', issues: [{ path: 'score' }] });
    expect(t.fail('feedback.record', { customerId: ana, score: 0 }, clerk).message).toMatch(/1 a 5/);
    expect(t.fail('feedback.record', { customerId: ana, score: 3.5 }, clerk).kind).toBe('validation');
    expect(t.fail('feedback.record', { customerId: 'nao-existe', score: 4 }, clerk).kind).toBe('not_found');
    expect(t.fail('feedback.record', { customerId: bia, score: 4, contactId: contact }, clerk)).toMatchObject({ kind: 'validation', issues: [{ path: 'contactId' }] });
    expect(t.count('feedback')).toBe(0);
  });
});
