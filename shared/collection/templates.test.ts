import { describe, it, expect } from 'vitest';
import {
  render, listUnknownVariables, listVariables, templateProblems, messageVars, firstName, dateWithWeekday,
  DEFAULT_STEP_TEMPLATES, THANK_YOU_TEMPLATE, PROMISE_RECAP_TEMPLATE, LONG_SAMPLE_VARS, MESSAGE_MAX_CHARS, emailSubject,
} from './templates';

const store = { name: 'Loja Boa Vista', cnpj: '11222333000181', address: 'Rua das Flores, 100', city: 'Campinas', pixKey: '11222333000181' };
const vars = messageVars({ customerName: 'ANA MARIA DA SILVA', store, signer: 'Carlos Atendente', amountCents: 15000, dueDate: '2026-11-27', installmentNumber: 3, installmentCount: 10, description: 'Fogão 4 bocas' });

describe('templates', () => {
  it('renders the variables: first name, amount, weekday and date, signer, store identity (CDC art. 42-A)', () => {
    const text = render(DEFAULT_STEP_TEMPLATES['antes-3'], vars);
    expect(text).toMatch(/^Oi, Ana, tudo bem\?/);
    expect(text).toContain('a parcela 3/10 (Fogão 4 bocas) vence sexta-feira, 27/11, no valor de R$ 150,00');
    expect(text).toContain('aqui na loja ou por PIX, chave 11222333000181');
    expect(text).toContain('\nCarlos\nLoja Boa Vista – CNPJ 11.222.333/0001-81\nRua das Flores, 100 – Campinas');
    expect(text).not.toMatch(/[{}]/);
  });

  it('lists unknown variables (a typo would reach the customer)', () => {
    expect(listUnknownVariables('Oi {primeiroNome}, {valr} vence {vencimento} { loja }')).toEqual(['valr']);
    expect(listVariables('{a}{b}{a}')).toEqual(['a', 'b']);
    expect(render('Oi {primeiroNome} {valr}', vars)).toBe('Oi Ana {valr}');
  });

  it('names first names and dates the way people write them', () => {
    expect(firstName('  josé  carlos ')).toBe('José');
    expect(firstName('MARIA-LUÍSA SOUZA')).toBe('Maria-Luísa');
    expect(dateWithWeekday('2026-11-28')).toBe('sábado, 28/11');
  });

  it('every shipped text is valid, signed, identifies the store and stays under 600 characters with long real data', () => {
    const messages = { ...DEFAULT_STEP_TEMPLATES, agradecimento: THANK_YOU_TEMPLATE, recap: PROMISE_RECAP_TEMPLATE };
    for (const [key, t] of Object.entries(messages)) {
      const channel = key === 'depois-30' ? 'phone' : 'whatsapp';
      expect(templateProblems(t, channel), key).toEqual([]);
      expect(render(t, LONG_SAMPLE_VARS).length, key).toBeLessThanOrEqual(MESSAGE_MAX_CHARS);
      expect(t, key).not.toMatch(/https?:|www\./);
    }
    expect(emailSubject('after_due', vars)).toBe('Sua parcela em aberto – Loja Boa Vista');
  });

  it('explains each problem of an owner-written template in pt-BR', () => {
    expect(templateProblems('  ', 'sms')).toEqual(['o modelo da mensagem está vazio: escreva o texto.']);
    const p = templateProblems('Oi {primeiroNome}, {valr}. Último aviso! {atendente} {loja} {cnpj} {endereco}', 'whatsapp');
    expect(p.join(' ')).toMatch(/\{valr\}, que não existe/);
    expect(p.join(' ')).toMatch(/Último aviso/);
    expect(templateProblems('Oi {primeiroNome}, sua parcela venceu.', 'sms').join(' ')).toMatch(/falta \{atendente\}, \{loja\}, \{endereco\}, \{cnpj\}.*CDC art\. 42-A/);
    expect(templateProblems('Ligar para {primeiroNome}', 'phone')).toEqual([]);
    expect(templateProblems(`{primeiroNome} {atendente} {loja} {cnpj} {endereco} ${'x'.repeat(600)}`, 'whatsapp').join(' ')).toMatch(/limite é 600/);
  });
});
