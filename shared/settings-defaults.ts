import type { Settings, Margins, SettingsPatch } from './contract/settings';
import { DEFAULT_STEP_TEMPLATES as T } from './collection/templates';

const margins: Margins = {
  maxChargesDiscountPct: 50,
  maxPrincipalDiscountPct: 10,
  maxInstallments: 6,
  minInstallmentCents: 3000,
  renegotiationMonthlyPct: 2,
  maxDaysToFirstDue: 30,
  maxPostponeDays: 15,
};

/** A new store starts from these; the owner changes them in Configurações. Sources in DOMAIN.md. */
export const defaultSettings: Settings = {
  store: { name: 'Minha Loja', cnpj: '', address: '', city: '', state: 'SP', pixKey: '', timeZone: 'America/Sao_Paulo', deviceCode: 'A' },
  policy: {
    graceDays: 3,
    fineRatePct: 2, // CDC art. 52 §1: never above 2%
    lateInterestMonthlyPct: 1, // customary juros de mora
    closedWeekdays: [0], // Sundays; national holidays are always closed
    // São Paulo's calling-hours law, the strictest common rule: Mon–Fri 08–20, Sat 08–14, never Sunday.
    callWindows: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '08:00', to: '20:00' })).concat([{ weekday: 6, from: '08:00', to: '14:00' }]),
    maxCallsPerDay: 1,
    maxCallsPer7Days: 3,
    quietDaysAfterConversation: 7,
    queueSize: 20,
    promiseKeptSharePct: 90,
    promiseToleranceDays: 3,
  },
  // DOMAIN.md "Debtor profiles", default rules.
  profiles: {
    novoMaxDue: 3,
    emDiaOnTimePct: 90,
    ocasionalMaxEpisodes: 1,
    ocasionalOnTimePct: 85,
    cronicoLateOfLast6: 3,
    negligentePartials: 3,
    negligenteOpenParcelas: 2,
    mauPagadorDaysLate: 60,
    mauPagadorDaysSincePayment: 60,
    mauPagadorBrokenPromises: 2,
  },
  margins: {
    default: margins,
    byProfile: {
      em_dia: { maxChargesDiscountPct: 100 },
      ocasional: { maxChargesDiscountPct: 100 },
      mau_pagador: { maxChargesDiscountPct: 20, maxPrincipalDiscountPct: 0 },
    },
  },
  printing: { receiptColumns: 48, accentFree: false },
  backup: { extraFolder: '' },
  // Issue 6 §5: D−3 for crônico and negligente (reminders before the due date work best, CALLS.md), D−1 of a
  // promise, D+grace, D+10 and a call at D+30. The e-mail step only sends once the owner sets up SMTP.
  regua: {
    steps: [
      { id: 'antes-3', label: '3 dias antes do vencimento', trigger: 'due', offsetDays: -3, channel: 'whatsapp', profiles: ['cronico', 'negligente'], template: T['antes-3'], active: true },
      { id: 'promessa-1', label: 'Véspera da promessa', trigger: 'promise', offsetDays: -1, channel: 'whatsapp', template: T['promessa-1'], active: true },
      { id: 'depois-3', label: 'Fim da carência (3 dias depois)', trigger: 'due', offsetDays: 3, channel: 'whatsapp', template: T['depois-3'], active: true },
      { id: 'depois-3-email', label: 'Fim da carência, por e-mail', trigger: 'due', offsetDays: 3, channel: 'email', template: T['depois-3-email'], active: true },
      { id: 'depois-10', label: '10 dias depois', trigger: 'due', offsetDays: 10, channel: 'sms', template: T['depois-10'], active: true },
      { id: 'depois-30', label: 'Ligação aos 30 dias', trigger: 'due', offsetDays: 30, channel: 'phone', template: T['depois-30'], active: true },
    ],
  },
  smtp: null,
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Nested objects merge; arrays and values replace; null removes (API.md settings.update). */
export function mergeSettings<T>(base: T, patch: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(patch)) return (patch === undefined ? base : patch) as T;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]; // the schema allows null only where removing makes sense (a profile override)
    else if (v !== undefined) out[k] = isPlainObject(v) && isPlainObject(out[k]) ? mergeSettings(out[k], v) : v;
  }
  return out as T;
}

export type { Settings, SettingsPatch };
