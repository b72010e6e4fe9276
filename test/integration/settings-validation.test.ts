import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';

// Configurações, bad input (issue 8 "Bad input"): every refusal names the field in pt-BR and changes nothing —
// the settings row, the audit trail and the standings stay exactly as they were.

let t: TestBackend;
let owner: Caller;

beforeEach(() => {
  t = testBackend();
  ({ owner } = t.withPeople());
});
afterEach(() => t.close());

const settingsRow = () => (t.store.sqlite.prepare("SELECT json FROM settings WHERE id = 'store'").get() as { json: string }).json;

/** The call fails as `validation`, names the field, and writes nothing at all. */
function refused(patch: unknown, path: string, message: RegExp) {
  const before = { row: settingsRow(), audit: t.count('audit') };
  const e = t.fail('settings.update', patch, owner);
  expect(e.kind).toBe('validation');
  expect(e.message).toMatch(message);
  expect(e.issues!.map((i: { path: string }) => i.path)).toContain(path);
  expect(settingsRow()).toBe(before.row);
  expect(t.count('audit')).toBe(before.audit);
  return e;
}

describe('settings.update refuses bad input, naming the field, and changes nothing', () => {
  it('a multa above 2%, citing the law (CDC art. 52 §1)', () => {
    const e = refused({ policy: { fineRatePct: 2.5 } }, 'policy.fineRatePct', /^Multa por atraso: A multa pode ser de no máximo 2% \(CDC, art\. 52 §1\)\.$/);
    expect(e.issues![0].message).toContain('CDC, art. 52 §1');
    // exactly 2% is the law's limit and is accepted
    expect(t.ok('settings.update', { policy: { fineRatePct: 2 } }, owner).policy.fineRatePct).toBe(2);
  });

  it('negative rates, days and amounts', () => {
    refused({ policy: { fineRatePct: -1 } }, 'policy.fineRatePct', /^Multa por atraso: Não pode ser negativa\.$/);
    refused({ policy: { lateInterestMonthlyPct: -0.5 } }, 'policy.lateInterestMonthlyPct', /^Juros de mora: Não pode ser negativo\.$/);
    refused({ policy: { graceDays: -2 } }, 'policy.graceDays', /^Dias de tolerância: Não pode ser negativo\.$/);
    refused({ margins: { default: { minInstallmentCents: -100 } } }, 'margins.default.minInstallmentCents', /^Parcela mínima: O valor não pode ser negativo\.$/);
    refused({ margins: { default: { maxPostponeDays: -1 } } }, 'margins.default.maxPostponeDays', /^Prorrogação máxima: Não pode ser negativo\.$/);
    refused({ margins: { byProfile: { cronico: { renegotiationMonthlyPct: -1 } } } }, 'margins.byProfile.cronico.renegotiationMonthlyPct', /^Juros de renegociação: Não pode ser negativo\.$/);
  });

  it('a juros de mora above 10% a month, a grace longer than 30 days, a list of 0 customers', () => {
    refused({ policy: { lateInterestMonthlyPct: 12 } }, 'policy.lateInterestMonthlyPct', /^Juros de mora: No máximo 10% ao mês\.$/);
    refused({ policy: { graceDays: 31 } }, 'policy.graceDays', /^Dias de tolerância: No máximo 30 dias\.$/);
    refused({ policy: { queueSize: 0 } }, 'policy.queueSize', /^Tamanho da lista do dia: No mínimo 1 clientes\.$/);
    refused({ policy: { maxCallsPerDay: 1.5 } }, 'policy.maxCallsPerDay', /^Ligações por cliente, por dia: Use um número inteiro/);
  });

  it('a discount margin above 100%, by default or for one profile', () => {
    refused({ margins: { default: { maxChargesDiscountPct: 101 } } }, 'margins.default.maxChargesDiscountPct', /^Desconto nos encargos: No máximo 100%\.$/);
    refused({ margins: { byProfile: { em_dia: { maxPrincipalDiscountPct: 150 } } } }, 'margins.byProfile.em_dia.maxPrincipalDiscountPct', /^Desconto no principal: No máximo 100%\.$/);
    refused({ margins: { byProfile: { novo: { maxInstallments: 0 } } } }, 'margins.byProfile.novo.maxInstallments', /^Máximo de parcelas: No mínimo 1 parcelas\.$/);
  });

  it('a calling window that ends before (or when) it starts', () => {
    const windows = [
      { weekday: 1, from: '08:00', to: '20:00' },
      { weekday: 6, from: '14:00', to: '08:00' },
    ];
    refused({ policy: { callWindows: windows } }, 'policy.callWindows.1.to', /^Até: O fim do horário de ligação deve ser depois do início/);
    refused({ policy: { callWindows: [{ weekday: 2, from: '09:00', to: '09:00' }] } }, 'policy.callWindows.0.to', /depois do início/);
    refused({ policy: { callWindows: [{ weekday: 2, from: '25:00', to: '26:00' }] } }, 'policy.callWindows.0.from', /HH:MM/);
  });

  it('fewer calls allowed in 7 days than in one day (checked on the merged settings)', () => {
    const before = settingsRow();
    const e = t.fail('settings.update', { policy: { maxCallsPerDay: 4 } }, owner); // 7-day cap stays 3
    expect(e.kind).toBe('validation');
    expect(e.message).toContain('Ligações em 7 dias: deve ser pelo menos o limite por dia.');
    expect(e.issues![0].path).toBe('policy.maxCallsPer7Days');
    expect(settingsRow()).toBe(before);
    t.ok('settings.update', { policy: { maxCallsPerDay: 2, maxCallsPer7Days: 4 } }, owner);
  });

  it('an invalid CNPJ; a valid one, with or without the mask, is saved', () => {
    refused({ store: { cnpj: '11.222.333/0001-00' } }, 'store.cnpj', /^CNPJ: CNPJ inválido: confira os 14 dígitos/);
    refused({ store: { cnpj: '1122233300018' } }, 'store.cnpj', /CNPJ inválido/);
    refused({ store: { cnpj: 'abc' } }, 'store.cnpj', /CNPJ inválido/);
    expect(t.ok('settings.update', { store: { cnpj: '11.222.333/0001-81' } }, owner).store.cnpj).toBe('11.222.333/0001-81');
    expect(t.ok('settings.update', { store: { cnpj: '11222333000181' } }, owner).store.cnpj).toBe('11222333000181');
    expect(t.ok('settings.update', { store: { cnpj: '' } }, owner).store.cnpj).toBe('');
  });

  it('an invalid PIX key of each kind; valid ones are saved the way banks expect', () => {
    refused({ store: { pixKey: '529.982.247-00' } }, 'store.pixKey', /^Chave PIX: CPF da chave PIX inválido/);
    refused({ store: { pixKey: '11222333000100' } }, 'store.pixKey', /CNPJ da chave PIX inválido/);
    refused({ store: { pixKey: '11987654321' } }, 'store.pixKey', /\+55/); // a phone without +55 reads as a bad CPF
    refused({ store: { pixKey: '+5511' } }, 'store.pixKey', /Celular da chave PIX/);
    refused({ store: { pixKey: 'loja@' } }, 'store.pixKey', /E-mail da chave PIX inválido/);
    refused({ store: { pixKey: 'minha-chave' } }, 'store.pixKey', /^Chave PIX: Chave PIX não reconhecida/);
    const cases: [string, string][] = [
      ['529.982.247-25', '52998224725'],
      ['11.222.333/0001-81', '11222333000181'],
      ['+55 (11) 98765-4321', '+5511987654321'],
      [' Loja@Exemplo.com.br ', 'loja@exemplo.com.br'],
      ['123E4567-E12B-12D1-A456-426655440000', '123e4567-e12b-12d1-a456-426655440000'],
    ];
    for (const [typed, saved] of cases) expect(t.ok('settings.update', { store: { pixKey: typed } }, owner).store.pixKey, typed).toBe(saved);
  });

  it('a template with an unknown variable or a forbidden word', () => {
    const steps = t.ok('settings.get', {}, owner).regua.steps;
    const typo = steps.map((s: any, i: number) => (i === 0 ? { ...s, template: s.template.replace('{valor}', '{valr}') } : s));
    refused({ regua: { steps: typo } }, 'regua.steps.0.template', /\{valr\}, que não existe/);
    const threat = steps.map((s: any, i: number) => (i === 2 ? { ...s, template: `${s.template}\nÚltimo aviso antes de avisarmos sua família.` } : s));
    const e = refused({ regua: { steps: threat } }, 'regua.steps.2.template', /Modelo da mensagem: Passo "Fim da carência \(3 dias depois\)": o texto tem o que uma cobrança não pode dizer/);
    expect(e.message).toMatch(/último aviso/i);
  });

  it('several bad fields at once: all of them come back, nothing is saved', () => {
    const before = settingsRow();
    const e = t.fail('settings.update', { store: { cnpj: '123' }, policy: { fineRatePct: 5, graceDays: -1 } }, owner);
    expect(e.issues!.map((i: { path: string }) => i.path).sort()).toEqual(['policy.fineRatePct', 'policy.graceDays', 'store.cnpj']);
    expect(settingsRow()).toBe(before);
  });
});
