import { describe, expect, it } from 'vitest';
import { scanForbidden } from '../../../shared/collection/forbidden';
import { agreementRecap, promiseRecap } from './call-text';
import type { AgreementTerm } from './call-types';

const store = { name: 'Loja Exemplo', cnpj: '11222333000181', address: 'Rua A, 10', city: 'Campinas', pixKey: '11222333000181' };
const term = {
  number: 'AC-0001',
  date: '2026-11-23',
  customer: { id: 'x', name: 'MARIA DA SILVA', cpf: '' },
  installments: [
    { id: '1', number: 1, count: 4, dueDate: '2026-11-23', amountCents: 8000, kind: 'entrada' },
    { id: '2', number: 2, count: 4, dueDate: '2026-12-23', amountCents: 8000, kind: 'parcela' },
    { id: '3', number: 3, count: 4, dueDate: '2027-01-23', amountCents: 8000, kind: 'parcela' },
    { id: '4', number: 4, count: 4, dueDate: '2027-02-23', amountCents: 8000, kind: 'parcela' },
  ],
} as unknown as AgreementTerm;

describe('call recap texts', () => {
  it('states the amounts, the weekday and date, how to pay and who the store is, without forbidden words', () => {
    const text = agreementRecap(store, term, 'Marcos Silva');
    expect(text).toContain('Oi, Maria!');
    expect(text).toContain('entrada de R$ 80,00 hoje (seg, 23/11)'.replace('seg', text.match(/\((\S+), 23\/11\)/)![1]));
    expect(text).toContain('3 parcelas de R$ 80,00');
    expect(text).toContain('PIX, chave 11222333000181');
    expect(text).toContain('CNPJ 11.222.333/0001-81');
    expect(text).toContain('Marcos');
    expect(scanForbidden(text)).toEqual([]);
    expect(text.length).toBeLessThan(600);
  });

  it('recaps a promise with its date and amount', () => {
    const text = promiseRecap(store, 'João Souza', 'Marcos', '2026-11-27', 12345);
    expect(text).toContain('R$ 123,45');
    expect(text).toContain('27/11');
    expect(scanForbidden(text)).toEqual([]);
  });
});

describe('Treino', () => {
  it('has a line for every objection, clean of forbidden words, and builds talking points for every profile', async () => {
    const { CUSTOMER_LINES, practiceCustomer, nextObjection } = await import('./practice');
    const { OBJECTIONS } = await import('../../../shared/collection/objections');
    const { PROFILE_KINDS } = await import('../../../shared/ui-format/profile');
    for (const o of OBJECTIONS) expect(scanForbidden(CUSTOMER_LINES[o.id])).toEqual([]);
    for (const p of PROFILE_KINDS) {
      const sim = practiceCustomer(p, '2026-11-23', 'Loja Exemplo', 'Marcos');
      expect(sim.points.some((t) => t.stage === 'open')).toBe(true);
      expect(sim.objections).toHaveLength(11);
    }
    const raised: string[] = [];
    for (let i = 0; i < 11; i++) raised.push(nextObjection(raised)!.id);
    expect(new Set(raised).size).toBe(11);
    expect(nextObjection(raised)).toBeNull();
  });
});
