import { z } from 'zod';
import { pct, cents, profileKind, id } from './common';
import { templateProblems } from '../collection/templates';
import { isValidCnpj, isValidCpf, onlyDigits } from '../cpf';

const brState = z.enum(
  ['AC','AL','AP','AM','BA','CE','DF','ES','GO','MA','MT','MS','MG','PA','PB','PR','PE','PI','RJ','RN','RS','RO','RR','SC','SP','SE','TO'],
  { error: 'UF inválida: use a sigla do estado (ex.: SP).' },
);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Horário inválido: use HH:MM.');

export const callWindow = z
  .object({
    weekday: z.number().int().min(0, 'Dia da semana de 0 (domingo) a 6 (sábado).').max(6, 'Dia da semana de 0 (domingo) a 6 (sábado).'),
    from: hhmm,
    to: hhmm,
  })
  // "HH:MM" strings compare in clock order. A window that ends before it starts would silently allow no call.
  .refine((w) => w.from < w.to, { path: ['to'], message: 'O fim do horário de ligação deve ser depois do início (ex.: das 08:00 até as 20:00).' });

/**
 * A whole number with its limits in the owner's words ("No máximo 30 dias."). The dispatcher puts the
 * field's name in front (labels.ts: "Dias de tolerância: No máximo 30 dias.").
 */
const whole = (min: number, max: number, unit: string) =>
  z
    .number({ error: 'Preencha com um número.' })
    .int('Use um número inteiro, sem vírgula.')
    .min(min, min === 0 ? 'Não pode ser negativo.' : `No mínimo ${min} ${unit}.`)
    .max(max, `No máximo ${max} ${unit}.`);

/** A percentage that can be neither negative nor above `max`. */
const percent = (max: number, unit = '%') =>
  z.number({ error: 'Preencha com um número.' }).min(0, 'Não pode ser negativo.').max(max, `No máximo ${max}${unit}.`);

// --- Store identity: CNPJ and PIX key -----------------------------------------------------------------------

export const CNPJ_INVALID = 'CNPJ inválido: confira os 14 dígitos (ou deixe em branco).';

/**
 * Printed on every carnê and message (CDC art. 42-A), so it must be a real CNPJ, or empty; with or without
 * the mask. No zod transform: the contract stays a JSON schema (malformed-inputs.test.ts).
 */
const storeCnpj = z
  .string()
  .trim()
  .max(20, CNPJ_INVALID)
  .refine((s) => s === '' || (/^[\d./\-\s]+$/.test(s) && isValidCnpj(s)), CNPJ_INVALID);

export const PIX_KEY_HELP = 'CPF ou CNPJ (só os números), e-mail, celular com +55 e DDD (ex.: +5511987654321) ou a chave aleatória de 36 caracteres.';

const RANDOM_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PIX_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The PIX key as banks expect it (CONVENTIONS.md "Key formats"): CPF/CNPJ digits only, `+55DDNNNNNNNNN`,
 * e-mail in lower case, random key (EVP) in lower case. A CPF typed with dots is accepted and kept as digits.
 */
export function normalizePixKey(raw: string): string {
  const t = raw.trim();
  if (!t) return '';
  if (t.includes('@')) return t.toLowerCase();
  if (RANDOM_KEY.test(t)) return t.toLowerCase();
  if (t.startsWith('+')) return `+${onlyDigits(t)}`;
  if (/^[\d.\-/\s]+$/.test(t)) return onlyDigits(t);
  return t;
}

/** Why a bank would refuse this key (pt-BR, says how to fix it), or null when it is fine or empty. */
export function pixKeyError(raw: string): string | null {
  const key = normalizePixKey(raw);
  if (!key) return null;
  if (key.includes('@')) return PIX_EMAIL.test(key) && key.length <= 77 ? null : 'E-mail da chave PIX inválido: confira o endereço.';
  if (RANDOM_KEY.test(key)) return null;
  if (key.startsWith('+')) return /^\+55\d{10,11}$/.test(key) ? null : 'Celular da chave PIX: use +55, o DDD e o número, ex.: +5511987654321.';
  if (/^\d+$/.test(key)) {
    if (key.length === 11) return isValidCpf(key) ? null : 'CPF da chave PIX inválido: confira os 11 dígitos. Se for um celular, escreva +55 antes do DDD.';
    if (key.length === 14) return isValidCnpj(key) ? null : 'CNPJ da chave PIX inválido: confira os 14 dígitos.';
  }
  return `Chave PIX não reconhecida. Use ${PIX_KEY_HELP}`;
}

/** Saved in the bank's form (normalizeStore). */
const storePixKey = z
  .string()
  .trim()
  .max(77, 'No máximo 77 caracteres.')
  .superRefine((key, ctx) => {
    const problem = pixKeyError(key);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/**
 * The store's PIX key as banks expect it, whatever way it was typed (it goes into every BR Code). The CNPJ is
 * kept as sent (the screen sends digits; every printout formats it with storeCnpj/formatCnpj).
 */
export function normalizeStore<T extends { pixKey?: string }>(store: T): T {
  return store.pixKey !== undefined ? { ...store, pixKey: normalizePixKey(store.pixKey) } : store;
}

/** CDC art. 52 §1: the late fine can never exceed 2% — the one limit the law fixes, so the message says why. */
export const FINE_LIMIT_MESSAGE = 'A multa pode ser de no máximo 2% (CDC, art. 52 §1).';

export const margins = z.object({
  // A discount is a share of what is owed: above 100% the store would pay the customer.
  maxChargesDiscountPct: percent(100),
  maxPrincipalDiscountPct: percent(100),
  maxInstallments: whole(1, 48, 'parcelas'),
  minInstallmentCents: cents,
  renegotiationMonthlyPct: percent(15, '% ao mês'),
  maxDaysToFirstDue: whole(0, 180, 'dias'),
  maxPostponeDays: whole(0, 180, 'dias'),
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
    name: z.string({ error: 'Informe o nome da loja.' }).trim().min(2, 'Informe o nome da loja.').max(120, 'No máximo 120 letras.'),
    cnpj: storeCnpj,
    address: z.string().trim().max(200, 'No máximo 200 letras.'),
    city: z.string().trim().max(80, 'No máximo 80 letras.'),
    state: brState,
    pixKey: storePixKey,
    timeZone: z.string().min(3).max(60),
    deviceCode: z.string().regex(/^[A-Z0-9]{1,4}$/, 'Código do caixa: até 4 letras ou números.'),
  }),
  policy: z.object({
    graceDays: whole(0, 30, 'dias'),
    // CDC art. 52 §1: the late fine can never exceed 2%.
    fineRatePct: z.number({ error: 'Preencha com um número.' }).min(0, 'Não pode ser negativa.').max(2, FINE_LIMIT_MESSAGE),
    lateInterestMonthlyPct: percent(10, '% ao mês'),
    closedWeekdays: z.array(z.number().int().min(0, 'Dia da semana de 0 (domingo) a 6 (sábado).').max(6, 'Dia da semana de 0 (domingo) a 6 (sábado).')).max(7),
    callWindows: z.array(callWindow).max(14, 'No máximo 14 horários de ligação.'),
    maxCallsPerDay: whole(0, 10, 'ligações'),
    maxCallsPer7Days: whole(0, 20, 'ligações'),
    quietDaysAfterConversation: whole(0, 60, 'dias'),
    queueSize: whole(1, 200, 'clientes'),
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
})
  // Checked on the whole (merged) settings: a patch may change only one of the two caps.
  .superRefine((s, ctx) => {
    if (s.policy.maxCallsPer7Days < s.policy.maxCallsPerDay) {
      ctx.addIssue({ code: 'custom', path: ['policy', 'maxCallsPer7Days'], message: 'Ligações em 7 dias: deve ser pelo menos o limite por dia.' });
    }
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

// --- Configurações' own reads and checks (issue 8 §3) --------------------------------------------------------

/**
 * The régua editor's live preview: a template as typed (not yet saved), rendered for a real customer of the
 * store, with the same problems settings.update would refuse it for. Without `customerId` the backend picks
 * a customer with an open parcela (the oldest overdue first), so the owner sees real names and amounts.
 */
export const reguaPreview = z
  .object({
    template: z.string({ error: 'Escreva o modelo da mensagem.' }).max(2000, 'O modelo pode ter no máximo 2000 caracteres.'),
    channel: z.enum(['whatsapp', 'sms', 'email', 'phone'], { error: 'Canal inválido: use whatsapp, sms, email ou phone (ligação).' }),
    trigger: z.enum(['due', 'promise'], { error: 'Gatilho inválido: use due (vencimento da parcela) ou promise (data da promessa).' }).optional(),
    customerId: id.optional(),
  })
  .strict();
export type ReguaPreviewInput = z.infer<typeof reguaPreview>;

export interface ReguaPreviewResult {
  /** the message as this customer would get it (for a phone step: the clerk's task) */
  text: string;
  chars: number;
  /** e-mail only: the subject line */
  subject: string | null;
  /** why settings.update would refuse this template (unknown variable, forbidden words, missing identity…) */
  problems: string[];
  /** whose data filled the variables; null when the store has no customer yet (sample data is used) */
  customer: { id: string; name: string } | null;
  /** pt-BR, e.g. "Prévia com dados de exemplo: a loja ainda não tem clientes." */
  note: string | null;
}

/** "Enviar teste": one e-mail through the saved SMTP account, to the address the owner types (`email`). */
export const mailTest = z
  .object({ email: z.email({ error: 'Confira o endereço de destino do teste (ex.: voce@exemplo.com.br).' }).max(200, 'Endereço de destino longo demais.') })
  .strict();

export interface MailTestStatus {
  /** idle: no test yet since the app started; sending: waiting for the server */
  state: 'idle' | 'sending' | 'sent' | 'failed';
  to: string | null;
  /** pt-BR: what happened and, on failure, what to check */
  message: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}
