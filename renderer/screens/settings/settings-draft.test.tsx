import { describe, expect, it } from 'vitest';
import { defaultSettings, mergeSettings } from '../../../shared/settings-defaults';
import { FINE_LIMIT_MESSAGE, draftFromSettings, marginsPatch, normalizePixKey, pixKeyError, policyPatch, storePatch, windowPath } from './settings-draft';

describe('PIX key', () => {
  it('accepts the formats banks accept and stores them the way banks expect', () => {
    expect(normalizePixKey('529.982.247-25')).toBe('52998224725');
    expect(normalizePixKey('+55 (11) 98765-4321')).toBe('+5511987654321');
    expect(normalizePixKey(' Loja@Exemplo.com.br ')).toBe('loja@exemplo.com.br');
    for (const key of ['52998224725', '11222333000181', '+5511987654321', 'loja@exemplo.com.br', '123e4567-e12b-12d1-a456-426655440000', '']) {
      expect(pixKeyError(key), key).toBeNull();
    }
  });

  it('says how to fix a key a bank would refuse', () => {
    expect(pixKeyError('52998224700')).toMatch(/CPF da chave PIX inválido/);
    expect(pixKeyError('11987654321')).toMatch(/\+55/);
    expect(pixKeyError('+5511')).toMatch(/Celular da chave PIX/);
    expect(pixKeyError('loja')).toMatch(/^Chave PIX não reconhecida/);
  });
});

describe('section patches', () => {
  const draft = draftFromSettings(defaultSettings);

  it('refuses a fine above 2% with the reason (CDC art. 52 §1)', () => {
    const r = policyPatch({ ...draft.policy, fineRatePct: 3 });
    expect(r.patch).toBeNull();
    expect(r.errors['policy.fineRatePct']).toBe(FINE_LIMIT_MESSAGE);
  });

  it('keys call-window errors by weekday, whatever the position in the list sent', () => {
    const windows = draft.policy.windows.map((w) => (w.weekday === 6 ? { ...w, from: '15:00', to: '14:00' } : w));
    const r = policyPatch({ ...draft.policy, windows });
    expect(r.errors[windowPath(6, 'to')]).toBe('O fim deve ser depois do início.');
  });

  it('sends the store with digits-only CNPJ and refuses a wrong one', () => {
    expect(storePatch({ ...draft.store, cnpj: '11.222.333/0001-81' }).patch?.store?.cnpj).toBe('11222333000181');
    expect(storePatch({ ...draft.store, cnpj: '11.222.333/0001-00' }).errors['store.cnpj']).toMatch(/CNPJ inválido/);
  });

  it('an emptied profile cell follows the default (an override cannot be deleted, so it takes the default)', () => {
    const saved = defaultSettings.margins;
    expect(draft.margins.byProfile.em_dia.maxChargesDiscountPct).toBe(100);
    const cleared = { ...draft.margins, byProfile: { ...draft.margins.byProfile, em_dia: { ...draft.margins.byProfile.em_dia, maxChargesDiscountPct: '' } } };
    const r = marginsPatch(cleared, saved);
    expect(r.patch?.margins?.byProfile?.em_dia).toEqual({ maxChargesDiscountPct: 50 });
    const after = draftFromSettings(mergeSettings(defaultSettings, r.patch));
    expect(after.margins.byProfile.em_dia.maxChargesDiscountPct).toBe('');
  });
});
