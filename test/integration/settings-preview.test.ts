import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { cpfFromBase } from '../../shared/cpf';
import { DEFAULT_STEP_TEMPLATES } from '../../shared/collection/templates';

// reminders.preview (issue 8 §3): the régua editor's live preview renders the template as typed with a real
// customer's data — the same amount reminders.list would send today — and lists the problems settings.update
// would refuse it for. A read: nothing is written.

let t: TestBackend;
let owner: Caller;
let clerk: Caller;

beforeEach(() => {
  t = testBackend('2026-11-23');
  ({ owner, clerk } = t.withPeople());
  t.ok('settings.update', { store: { cnpj: '11.222.333/0001-81', address: 'Rua das Flores, 100', city: 'Campinas', pixKey: 'loja@exemplo.com.br' } }, owner);
});
afterEach(() => t.close());

let seq = 0;
function customerWithParcela(name: string, due: string, totalCents = 15000): string {
  const id = t.ok('customers.create', { name, cpf: cpfFromBase(String(200000000 + ++seq * 7919)), phones: [{ number: '11987650001', whatsapp: true }] }, clerk).id;
  t.ok('sales.create', { customerId: id, date: '2026-09-20', description: 'Geladeira duplex', totalCents, installmentCount: 1, firstDueDate: due }, clerk);
  return id;
}

describe('reminders.preview', () => {
  it('with no customer yet: sample data and a note, the store identity real', () => {
    const r = t.ok('reminders.preview', { template: DEFAULT_STEP_TEMPLATES['depois-3'], channel: 'whatsapp' }, owner);
    expect(r.customer).toBeNull();
    expect(r.note).toBe('Prévia com dados de exemplo: a loja ainda não tem clientes.');
    expect(r.text).toContain('Oi, Maria, tudo bem?');
    expect(r.text).toContain('Loja Teste – CNPJ 11.222.333/0001-81');
    expect(r.problems).toEqual([]);
  });

  it('picks the customer with the oldest overdue parcela and shows what reminders.list would send today', () => {
    customerWithParcela('Bruno Lima', '2026-11-30');
    const ana = customerWithParcela('ANA PAULA SOUZA', '2026-10-13');
    const r = t.ok('reminders.preview', { template: DEFAULT_STEP_TEMPLATES['depois-3'], channel: 'whatsapp' }, owner);
    expect(r.customer).toEqual({ id: ana, name: 'ANA PAULA SOUZA' });
    // DOMAIN.md example: P 15000 due 13/10, on 23/11 (41 days): multa 300 + juros 205
    expect(r.text).toContain('Oi, Ana, tudo bem?');
    expect(r.text).toContain('Hoje o valor é R$ 155,05');
    expect(r.text).toContain('que venceu terça-feira, 13/10');
    expect(r.text).toContain('aqui na loja ou por PIX, chave loja@exemplo.com.br');
    expect(r.text).toContain('Carlos'); // signed by who sold
    expect(r.chars).toBe([...r.text].length);
    expect(r.subject).toBeNull();
  });

  it('for a chosen customer; an e-mail gets its subject; a parcela not yet due shows its face value', () => {
    customerWithParcela('Ana Souza', '2026-10-13');
    const bruno = customerWithParcela('Bruno Lima', '2026-11-30', 12345);
    const r = t.ok('reminders.preview', { template: DEFAULT_STEP_TEMPLATES['antes-3'], channel: 'email', customerId: bruno }, owner);
    expect(r.customer.name).toBe('Bruno Lima');
    expect(r.text).toContain('no valor de R$ 123,45');
    expect(r.subject).toBe('Lembrete da sua parcela – Loja Teste');
  });

  it('lists the problems as you type: an unknown variable, a forbidden word, a missing identification', () => {
    customerWithParcela('Ana Souza', '2026-10-13');
    const typo = t.ok('reminders.preview', { template: DEFAULT_STEP_TEMPLATES['depois-3'].replace('{valor}', '{valr}'), channel: 'sms' }, owner);
    expect(typo.problems.join(' ')).toMatch(/\{valr\}, que não existe/);
    expect(typo.text).toContain('{valr}'); // left as typed, so the owner sees it
    const threat = t.ok('reminders.preview', { template: `${DEFAULT_STEP_TEMPLATES['depois-3']} Seu nome sujo vai para o SPC.`, channel: 'whatsapp' }, owner);
    expect(threat.problems.join(' ')).toMatch(/o texto tem o que uma cobrança não pode dizer/);
    const bare = t.ok('reminders.preview', { template: 'Oi, {primeiroNome}! A parcela de {valor} está em aberto.', channel: 'whatsapp' }, owner);
    expect(bare.problems.join(' ')).toMatch(/falta \{atendente\}, \{loja\}, \{endereco\}, \{cnpj\}/);
    expect(bare.text).toBe('Oi, Ana! A parcela de R$ 155,05 está em aberto.');
    // a phone step is a task for the clerk: no signature needed
    expect(t.ok('reminders.preview', { template: 'Ligar para {primeiroNome}', channel: 'phone' }, owner).problems).toEqual([]);
  });

  it('a promise step uses the pending promise', () => {
    const ana = customerWithParcela('Ana Souza', '2026-10-13');
    t.ok('promises.create', { customerId: ana, date: '2026-11-27', amountCents: 8000 }, clerk);
    const r = t.ok('reminders.preview', { template: DEFAULT_STEP_TEMPLATES['promessa-1'], channel: 'whatsapp', trigger: 'promise' }, owner);
    expect(r.customer.id).toBe(ana);
    expect(r.text).toContain('R$ 80,00 até sexta-feira, 27/11');
  });

  it('writes nothing, refuses an unknown customer, and is the owner’s', () => {
    const audit = t.count('audit');
    const e = t.fail('reminders.preview', { template: 'x', channel: 'sms', customerId: 'nao-existe' }, owner);
    expect(e).toMatchObject({ kind: 'not_found', message: 'Cliente não encontrado.' });
    expect(t.fail('reminders.preview', { template: 'x', channel: 'fax' }, owner).kind).toBe('validation');
    expect(t.fail('reminders.preview', { template: 'x', channel: 'sms' }, clerk).kind).toBe('forbidden');
    expect(t.count('audit')).toBe(audit);
  });
});
