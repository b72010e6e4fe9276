import { z } from 'zod';
import { pct, cents, profileKind } from './common';
import { templateProblems } from '../collection/templates';

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

// --- Régua de cobrança and e-mail (issue 6 §5) -------------------------------------------------------------

/** Reserved for the thank-you after a payoff (messages.step_id); no régua step may take it. */
export const THANK_YOU_STEP_ID = 'agradecimento';

/**
 * One planned contact, `offsetDays` from the parcela's effective due date (trigger `due`) or from a pending
 * promise's date (trigger `promise`): −3 is three days before. A `phone` step puts a call task on the list.
 */
export const reguaStep = z
  .object({
    id: z.string({ error: 'Informe o identificador do passo.' }).regex(/^[a-z0-9-]{1,40}$/, 'Identificador do passo: até 40 letras minúsculas, números ou hífens.'),
    label: z.string({ error: 'Dê um nome ao passo (ex.: "3 dias antes").' }).trim().min(1, 'Dê um nome ao passo (ex.: "3 dias antes").').max(60, 'Nome do passo: até 60 letras.'),
    trigger: z.enum(['due', 'promise'], { error: 'Gatilho inválido: use due (vencimento da parcela) ou promise (data da promessa).' }),
    offsetDays: z.number({ error: 'Informe os dias em relação à data (ex.: -3 para 3 dias antes).' }).int('Use um número inteiro de dias.').min(-30, 'No máximo 30 dias antes.').max(180, 'No máximo 180 dias depois.'),
    channel: z.enum(['whatsapp', 'sms', 'email', 'phone'], { error: 'Canal inválido: use whatsapp, sms, email ou phone (ligação).' }),
    /** only customers with one of these profiles; absent = everyone */
    profiles: z.array(profileKind).min(1, 'Escolha pelo menos um perfil, ou deixe sem perfis para valer para todos.').max(6).optional(),
    template: z.string({ error: 'Escreva o modelo da mensagem.' }).max(2000, 'O modelo pode ter no máximo 2000 caracteres.'),
    active: z.boolean(),
  })
  .strict();
export type ReguaStep = z.infer<typeof reguaStep>;

export const reguaSettings = z
  .object({ steps: z.array(reguaStep).max(30, 'No máximo 30 passos na régua.') })
  .strict()
  .superRefine((regua, ctx) => {
    const ids = new Set<string>();
    regua.steps.forEach((step, i) => {
      const name = `Passo "${step.label}"`;
      if (ids.has(step.id) || step.id === THANK_YOU_STEP_ID) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `${name}: outro passo já usa o identificador "${step.id}".` });
      ids.add(step.id);
      for (const problem of templateProblems(step.template, step.channel)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'template'], message: `${name}: ${problem}` });
    });
  });

/** What settings.get shows instead of a saved password; sending it back in settings.update keeps the saved one. */
export const SECRET_MASK = '••••••••';

const smtpHost = z
  .string({ error: 'Informe o servidor SMTP (ex.: smtp.gmail.com).' })
  .trim()
  .min(1, 'Informe o servidor SMTP (ex.: smtp.gmail.com).')
  .max(200)
  .regex(/^[A-Za-z0-9.-]+$/, 'Servidor SMTP: só o nome do servidor, sem "http://" (ex.: smtp.gmail.com).');
const smtpPort = z.number({ error: 'Informe a porta SMTP (geralmente 587 ou 465).' }).int().min(1, 'Porta SMTP entre 1 e 65535.').max(65535, 'Porta SMTP entre 1 e 65535.');
const EMAIL = /^[^<>@\s]+@[^<>@\s]+\.[^<>@\s]+$/;
const smtpFrom = z
  .string({ error: 'Informe o remetente (ex.: Loja Boa Vista <loja@exemplo.com.br>).' })
  .trim()
  .max(200)
  .refine((s) => EMAIL.test(s) || EMAIL.test(/<([^<>]*)>$/.exec(s)?.[1] ?? ''), 'Remetente: informe um e-mail (ex.: Loja Boa Vista <loja@exemplo.com.br>).');

/** The store's own e-mail account: when set, régua e-mails really go out through the outbox (db/mail). */
export const smtpSettings = z
  .object({
    host: smtpHost,
    port: smtpPort.default(587),
    /** true: TLS from the start (port 465); false: STARTTLS when the server offers it (587) */
    secure: z.boolean().default(false),
    user: z.string().trim().max(200).default(''),
    password: z.string().max(200).default(''),
    from: smtpFrom,
  })
  .strict();
export type SmtpSettings = z.infer<typeof smtpSettings>;

/** A change to the account: the server is always named; a missing (or masked) password keeps the saved one. */
export const smtpPatch = z
  .object({
    host: smtpHost,
    port: smtpPort.optional(),
    secure: z.boolean().optional(),
    user: z.string().trim().max(200).optional(),
    /** SECRET_MASK (what settings.get shows) keeps the saved password: db/usecases/settings.ts updateSettings */
    password: z.string().max(200).optional(),
    from: smtpFrom.optional(),
  })
  .strict();

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
  /** the régua de cobrança: planned reminders and call tasks (issue 6 §5) */
  regua: reguaSettings,
  /** null until the owner configures an e-mail account */
  smtp: smtpSettings.nullable().default(null),
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
    // The steps replace the whole list (arrays replace, API.md); null turns e-mail off.
    regua: reguaSettings,
    smtp: smtpPatch.nullable(),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;
