import { z } from 'zod';
import { pct, cents } from './common';

const brState = z.enum(
  ['AC','AL','AP','AM','BA','CE','DF','ES','GO','MA','MT','MS','MG','PA','PB','PR','PE','PI','RJ','RN','RS','RO','RR','SC','SP','SE','TO'],
  { error: 'UF inválida: use a sigla do estado (ex.: SP).' },
);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Horário inválido: use HH:MM.');

export const callWindow = z.object({
  weekday: z.number().int().min(0).max(6),
  from: hhmm,
  to: hhmm,
});

export const margins = z.object({
  maxChargesDiscountPct: pct(100),
  maxPrincipalDiscountPct: pct(100),
  maxInstallments: z.number().int().min(1).max(48),
  minInstallmentCents: cents,
  renegotiationMonthlyPct: pct(15),
  maxDaysToFirstDue: z.number().int().min(0).max(180),
  maxPostponeDays: z.number().int().min(0).max(180),
});

export const profileRules = z.object({
  novoMaxDue: z.number().int().min(1).max(24),
  emDiaOnTimePct: pct(100),
  ocasionalMaxEpisodes: z.number().int().min(0).max(12),
  ocasionalOnTimePct: pct(100),
  cronicoLateOfLast6: z.number().int().min(1).max(6),
  negligentePartials: z.number().int().min(1).max(24),
  negligenteOpenParcelas: z.number().int().min(1).max(24),
  mauPagadorDaysLate: z.number().int().min(1).max(365),
  mauPagadorDaysSincePayment: z.number().int().min(1).max(365),
  mauPagadorBrokenPromises: z.number().int().min(1).max(10),
});

export const settings = z.object({
  store: z.object({
    name: z.string().trim().min(2, 'Informe o nome da loja.').max(120),
    cnpj: z.string().trim().max(20),
    address: z.string().trim().max(200),
    city: z.string().trim().max(80),
    state: brState,
    pixKey: z.string().trim().max(77),
    timeZone: z.string().min(3).max(60),
    deviceCode: z.string().regex(/^[A-Z0-9]{1,4}$/, 'Código do caixa: até 4 letras ou números.'),
  }),
  policy: z.object({
    graceDays: z.number().int().min(0).max(30),
    // CDC art. 52 §1: the late fine can never exceed 2%.
    fineRatePct: pct(2),
    lateInterestMonthlyPct: pct(10),
    closedWeekdays: z.array(z.number().int().min(0).max(6)).max(7),
    callWindows: z.array(callWindow).max(14),
    maxCallsPerDay: z.number().int().min(0).max(10),
    maxCallsPer7Days: z.number().int().min(0).max(20),
    quietDaysAfterConversation: z.number().int().min(0).max(60),
    queueSize: z.number().int().min(1).max(200),
    /** a promise is kept when payments from the day it was made reach this share of it… */
    promiseKeptSharePct: pct(100),
    /** …by its date plus these days (a payment at the counter or by PIX may be recorded late) */
    promiseToleranceDays: z.number().int().min(0).max(15),
  }),
  /** DOMAIN.md "Debtor profiles": the thresholds of the default rules */
  profiles: profileRules,
  margins: z.object({
    default: margins,
    byProfile: z.record(z.string(), margins.partial()),
  }),
  printing: z.object({
    /** 80 mm thermal printers: 48 columns by default, 42 on many Epson/Elgin/Bematech profiles (CONVENTIONS.md) */
    receiptColumns: z.union([z.literal(48), z.literal(42)]),
    /** some printers mangle accents: print the receipt without them */
    accentFree: z.boolean(),
  }),
  backup: z.object({
    /** a second folder for the copies (a pen drive); '' for none. It may be missing on some days. */
    extraFolder: z.string().trim().max(400, 'Caminho da pasta extra: até 400 caracteres.'),
  }),
});
export type Settings = z.infer<typeof settings>;
export type Margins = z.infer<typeof margins>;

/** A deep partial: nested objects merge (API.md). */
export const settingsPatch = z
  .object({
    store: settings.shape.store.partial().strict(),
    policy: settings.shape.policy.partial().strict(),
    margins: z
      .object({
        default: margins.partial().strict(),
        // Any subset of profiles; null removes a profile's override so it follows the default again.
        byProfile: z.partialRecord(z.enum(['novo', 'em_dia', 'ocasional', 'cronico', 'negligente', 'mau_pagador']), margins.partial().strict().nullable()),
      })
      .partial()
      .strict(),
    printing: settings.shape.printing.partial().strict(),
    backup: settings.shape.backup.partial().strict(),
    profiles: profileRules.partial().strict(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;
