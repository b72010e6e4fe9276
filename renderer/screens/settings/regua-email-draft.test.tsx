import { describe, expect, it } from 'vitest';
import { defaultSettings, mergeSettings } from '../../../shared/settings-defaults';
import { SECRET_MASK, settingsPatch } from '../../../shared/contract/settings';
import { describeOffset, newStepId, offsetOf, reguaDraft, reguaPatch, stepOfPath } from './regua-draft';
import { emailDraft, emailPatch } from './email-draft';
import { errorsFromIssues, draftFromSettings } from './settings-draft';

describe('régua draft', () => {
  const draft = reguaDraft(defaultSettings);

  it('reads −3 as "3 dias antes", 0 as "no dia", +10 as "10 dias depois", and back', () => {
    const byId = Object.fromEntries(draft.steps.map((s) => [s.id, s]));
    expect(byId['antes-3']).toMatchObject({ when: 'before', days: 3 });
    expect(byId['depois-10']).toMatchObject({ when: 'after', days: 10 });
    expect(offsetOf(byId['antes-3'])).toBe(-3);
    expect(offsetOf({ when: 'on', days: '' })).toBe(0);
    expect(offsetOf({ when: 'after', days: '' })).toBeUndefined();
    expect(describeOffset('due', -3)).toBe('3 dias antes do vencimento');
    expect(describeOffset('promise', -1)).toBe('1 dia antes da promessa');
    expect(describeOffset('due', 0)).toBe('No dia do vencimento');
  });

  it('an unchanged draft saves the very same steps (profiles none = everyone)', () => {
    const r = reguaPatch(draft);
    expect(r.errors).toEqual({});
    expect(r.patch?.regua?.steps).toEqual(defaultSettings.regua.steps);
    expect(mergeSettings(defaultSettings, r.patch).regua).toEqual(defaultSettings.regua);
  });

  it('new steps get an id no step uses, never the thank-you one', () => {
    expect(newStepId(draft.steps)).toBe('passo-1');
    expect(newStepId([...draft.steps, { id: 'passo-1' }, { id: 'passo-2' }])).toBe('passo-3');
  });

  it('refuses an unknown variable, a forbidden word and empty days on the field of that step, without the "Passo" prefix', () => {
    const steps = draft.steps.map((s, i) =>
      i === 1 ? { ...s, template: s.template.replace('{valorPromessa}', '{valorPromesa}') }
      : i === 2 ? { ...s, template: `${s.template} Não seja caloteiro.` }
      : i === 4 ? { ...s, days: '' }
      : s,
    );
    const r = reguaPatch({ steps });
    expect(r.patch).toBeNull();
    expect(r.errors['regua.steps.1.template']).toMatch(/^o modelo usa \{valorPromesa\}, que não existe/);
    expect(r.errors['regua.steps.2.template']).toMatch(/não pode dizer/);
    expect(r.errors['regua.steps.4.offsetDays']).toBe('Preencha este campo.');
    expect(stepOfPath('regua.steps.12.template')).toBe(12);
    expect(stepOfPath('store.cnpj')).toBeNull();
  });

  it('more than 30 days before the due date is refused with the limit', () => {
    const steps = draft.steps.map((s, i) => (i === 0 ? { ...s, days: 31 } : s));
    expect(reguaPatch({ steps }).errors['regua.steps.0.offsetDays']).toBe('No máximo 30 dias antes.');
  });
});

describe('e-mail draft', () => {
  it('off means smtp: null; on sends the account, and the mask keeps the saved password', () => {
    const off = emailDraft(defaultSettings);
    expect(off.enabled).toBe(false);
    expect(emailPatch(off).patch).toEqual({ smtp: null });
    const saved = mergeSettings(defaultSettings, { smtp: { host: 'smtp.exemplo.com.br', port: 587, secure: false, user: 'loja', password: SECRET_MASK, from: 'Loja <loja@exemplo.com.br>' } });
    const on = emailDraft(saved);
    const r = emailPatch({ ...on, port: 465, secure: true });
    expect(r.patch?.smtp).toMatchObject({ host: 'smtp.exemplo.com.br', port: 465, secure: true, password: SECRET_MASK });
  });

  it('names the wrong field: a server with http://, a port out of range, a sender without e-mail', () => {
    const d = { enabled: true, host: 'http://smtp.x.com', port: 70000, secure: false, user: '', password: '', from: 'Loja' };
    const r = emailPatch(d);
    expect(r.patch).toBeNull();
    expect(r.errors['smtp.host']).toMatch(/sem "http:\/\/"/);
    expect(r.errors['smtp.port']).toBe('O máximo é 65535.');
    expect(r.errors['smtp.from']).toMatch(/Remetente: informe um e-mail/);
  });

  it('server issues on smtp.* land on the E-mail section', () => {
    const parsed = settingsPatch.safeParse({ smtp: { host: 'smtp.x.com', from: 'nada' } });
    expect(parsed.success).toBe(false);
    const issues = parsed.success ? [] : parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const found = errorsFromIssues(issues, 'email', draftFromSettings(defaultSettings));
    expect(Object.keys(found)).toEqual(['smtp.from']);
  });
});
