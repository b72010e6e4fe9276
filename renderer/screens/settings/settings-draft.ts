import type { z } from 'zod';
import { settingsPatch, CNPJ_INVALID, FINE_LIMIT_MESSAGE, normalizePixKey, pixKeyError, type Margins, type Settings, type SettingsPatch } from '../../../shared/contract/settings';
import { formatCnpj, isValidCnpj, onlyDigits } from '../../../shared/cpf';
import { formatBRL } from '../../../shared/money';
import { PROFILE_KINDS, type ProfileKind } from '../../../shared/ui-format/profile';
import { reguaDraft, type ReguaDraft } from './regua-draft';
import { emailDraft, type EmailDraft } from './email-draft';

/**
 * What the Configurações screens hold while the owner types, section by section, and how each section
 * becomes a `settings.update` patch. The renderer runs the shared schema for instant feedback, with words a
 * shop owner understands; the backend runs it again to decide (STYLE.md "Data flows one way").
 */

/** A NumberInput's value: a number, or '' while empty (a string also while half typed, "1,"). */
export type Num = number | string;

/** Field errors keyed by the API path (`store.cnpj`, `policy.fineRatePct`, `margins.byProfile.cronico.maxInstallments`). */
export type FieldErrors = Record<string, string>;

export type SectionId = 'store' | 'policy' | 'margins' | 'regua' | 'email' | 'printing';

export const WEEKDAYS = ['Domingo', 'Segunda', 'Terça', 'Quarta', 'Quinta', 'Sexta', 'Sábado'] as const;
/** Monday first, as shop calendars in Brazil are read; Sunday last. */
export const WEEK_ORDER = [1, 2, 3, 4, 5, 6, 0] as const;

export const MARGIN_KEYS = [
  'maxChargesDiscountPct',
  'maxPrincipalDiscountPct',
  'maxInstallments',
  'minInstallmentCents',
  'renegotiationMonthlyPct',
  'maxDaysToFirstDue',
  'maxPostponeDays',
] as const satisfies readonly (keyof Margins)[];
export type MarginKey = (typeof MARGIN_KEYS)[number];

// ---------------------------------------------------------------------------------------------------------
// Drafts

export interface StoreDraft {
  name: string;
  cnpj: string;
  address: string;
  city: string;
  state: string | null;
  pixKey: string;
}

export interface WindowDraft {
  weekday: number;
  enabled: boolean;
  from: string;
  to: string;
}

export interface PolicyDraft {
  graceDays: Num;
  fineRatePct: Num;
  lateInterestMonthlyPct: Num;
  closedWeekdays: number[];
  /** one line per weekday, index = weekday (0 = Sunday) */
  windows: WindowDraft[];
  /** a second window on the same day (only the CLI makes them): kept as it is */
  extraWindows: Settings['policy']['callWindows'];
  maxCallsPerDay: Num;
  maxCallsPer7Days: Num;
  quietDaysAfterConversation: Num;
  queueSize: Num;
}

/** A margins line; `minInstallmentCents` is centavos or '' (empty), like the money field. */
export type MarginsLine = Record<MarginKey, Num>;

export interface MarginsDraft {
  default: MarginsLine;
  byProfile: Record<ProfileKind, MarginsLine>;
}

export interface PrintingDraft {
  receiptColumns: '48' | '42';
  accentFree: boolean;
}

export interface SettingsDraft {
  store: StoreDraft;
  policy: PolicyDraft;
  margins: MarginsDraft;
  regua: ReguaDraft;
  email: EmailDraft;
  printing: PrintingDraft;
}

const emptyLine = (): MarginsLine => Object.fromEntries(MARGIN_KEYS.map((k) => [k, ''])) as MarginsLine;

export function storeDraft(s: Settings): StoreDraft {
  const { name, cnpj, address, city, state, pixKey } = s.store;
  return { name, cnpj: formatCnpj(cnpj), address, city, state, pixKey };
}

export function policyDraft(s: Settings): PolicyDraft {
  const p = s.policy;
  const windows: WindowDraft[] = WEEKDAYS.map((_, weekday) => ({ weekday, enabled: false, from: '08:00', to: weekday === 6 ? '14:00' : '20:00' }));
  const extraWindows: PolicyDraft['extraWindows'] = [];
  for (const w of p.callWindows) {
    const line = windows[w.weekday];
    if (line && !line.enabled) windows[w.weekday] = { weekday: w.weekday, enabled: true, from: w.from, to: w.to };
    else extraWindows.push(w);
  }
  return {
    graceDays: p.graceDays,
    fineRatePct: p.fineRatePct,
    lateInterestMonthlyPct: p.lateInterestMonthlyPct,
    closedWeekdays: [...p.closedWeekdays].sort(),
    windows,
    extraWindows,
    maxCallsPerDay: p.maxCallsPerDay,
    maxCallsPer7Days: p.maxCallsPer7Days,
    quietDaysAfterConversation: p.quietDaysAfterConversation,
    queueSize: p.queueSize,
  };
}

export function marginsDraft(s: Settings): MarginsDraft {
  const byProfile = {} as MarginsDraft['byProfile'];
  for (const profile of PROFILE_KINDS) {
    const line = emptyLine();
    const saved = (s.margins.byProfile[profile] ?? {}) as Partial<Margins>;
    // An override equal to the default reads as "uses the default" (see marginsPatch).
    for (const k of MARGIN_KEYS) if (saved[k] !== undefined && saved[k] !== s.margins.default[k]) line[k] = saved[k]!;
    byProfile[profile] = line;
  }
  return { default: { ...s.margins.default }, byProfile };
}

export function printingDraft(s: Settings): PrintingDraft {
  return { receiptColumns: s.printing.receiptColumns === 42 ? '42' : '48', accentFree: s.printing.accentFree };
}

export const draftFromSettings = (s: Settings): SettingsDraft => ({
  store: storeDraft(s),
  policy: policyDraft(s),
  margins: marginsDraft(s),
  regua: reguaDraft(s),
  email: emailDraft(s),
  printing: printingDraft(s),
});

export const SECTION_DRAFT: { [K in SectionId]: (s: Settings) => SettingsDraft[K] } = {
  store: storeDraft,
  policy: policyDraft,
  margins: marginsDraft,
  regua: reguaDraft,
  email: emailDraft,
  printing: printingDraft,
};

export const sameDraft = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

// ---------------------------------------------------------------------------------------------------------
// Small masks and checks

/** Progressive `HH:MM` for a time being typed. */
export function maskTime(typed: string): string {
  const d = onlyDigits(typed).slice(0, 4);
  return d.length <= 2 ? d : `${d.slice(0, 2)}:${d.slice(2)}`;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** "1,5" → 1.5; '' → undefined (empty); anything else that is not a number → NaN (the schema refuses it). */
export function toNumber(v: Num): number | undefined {
  if (typeof v === 'number') return v;
  const t = v.trim();
  if (!t) return undefined;
  const n = Number(t.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(n) ? n : NaN;
}

/** `2` → "2", `1.5` → "1,5": numbers in the owner's notation, for messages and placeholders. */
export const formatNumberBR = (n: number): string => n.toLocaleString('pt-BR', { maximumFractionDigits: 2 });

// The PIX key and CNPJ checks live in the contract: the backend runs the very same ones (settings.update).
export { PIX_KEY_HELP, normalizePixKey, pixKeyError, CNPJ_INVALID, FINE_LIMIT_MESSAGE } from '../../../shared/contract/settings';

export function cnpjError(masked: string, finished: boolean): string | null {
  const digits = onlyDigits(masked);
  if (!digits) return null;
  if (digits.length < 14 && !finished) return null;
  return isValidCnpj(digits) ? null : CNPJ_INVALID;
}

// ---------------------------------------------------------------------------------------------------------
// Friendly messages for the shared schema's issues

/** How each number reads in a message: "30 dias", "2%", "R$ 30,00". */
const UNITS: Record<string, (n: number) => string> = {
  graceDays: (n) => `${n} ${n === 1 ? 'dia' : 'dias'}`,
  quietDaysAfterConversation: (n) => `${n} ${n === 1 ? 'dia' : 'dias'}`,
  maxDaysToFirstDue: (n) => `${n} ${n === 1 ? 'dia' : 'dias'}`,
  maxPostponeDays: (n) => `${n} ${n === 1 ? 'dia' : 'dias'}`,
  fineRatePct: (n) => `${formatNumberBR(n)}%`,
  lateInterestMonthlyPct: (n) => `${formatNumberBR(n)}% ao mês`,
  renegotiationMonthlyPct: (n) => `${formatNumberBR(n)}% ao mês`,
  maxChargesDiscountPct: (n) => `${formatNumberBR(n)}%`,
  maxPrincipalDiscountPct: (n) => `${formatNumberBR(n)}%`,
  maxCallsPerDay: (n) => `${n} ${n === 1 ? 'ligação' : 'ligações'}`,
  maxCallsPer7Days: (n) => `${n} ${n === 1 ? 'ligação' : 'ligações'}`,
  queueSize: (n) => `${n} ${n === 1 ? 'cliente' : 'clientes'}`,
  maxInstallments: (n) => `${n} ${n === 1 ? 'parcela' : 'parcelas'}`,
  minInstallmentCents: (n) => formatBRL(n),
  port: (n) => String(n),
};


type Issue = z.core.$ZodIssue;

export function friendlyMessage(issue: Issue): string {
  const leaf = String(issue.path[issue.path.length - 1] ?? '');
  const unit = UNITS[leaf] ?? ((n: number) => formatNumberBR(n));
  if (leaf === 'fineRatePct' && issue.code === 'too_big') return FINE_LIMIT_MESSAGE;
  // The screen types the offset as "3 dias antes": the schema's own words ("No máximo 30 dias antes.") fit it, −30 would not.
  if (leaf === 'offsetDays') return issue.message;
  if (issue.code === 'too_big' && typeof issue.maximum === 'number') return `O máximo é ${unit(issue.maximum)}.`;
  if (issue.code === 'too_small' && typeof issue.minimum === 'number') return `O mínimo é ${unit(issue.minimum)}.`;
  if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Use um número inteiro, sem vírgula.';
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Preencha com um número.';
  return issue.message;
}

export const FILL_IN = 'Preencha este campo.';

// ---------------------------------------------------------------------------------------------------------
// Draft → patch, with the same checks the backend runs

export interface SectionResult {
  patch: SettingsPatch | null;
  errors: FieldErrors;
}

/** Runs the shared schema over a section's patch; issues come back on the API's paths, in plain words. */
export function checkPatch(patch: SettingsPatch, errors: FieldErrors, mapPath: (path: string) => string = (p) => p, mapMessage: (m: string) => string = (m) => m): SectionResult {
  const parsed = settingsPatch.safeParse(patch);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = mapPath(issue.path.map(String).join('.'));
      errors[path] ??= mapMessage(friendlyMessage(issue));
    }
  }
  return { patch: Object.keys(errors).length ? null : (parsed.data as SettingsPatch), errors };
}

function numbers<K extends string>(source: Record<K, Num>, keys: readonly K[], prefix: string, errors: FieldErrors, required = true): Partial<Record<K, number>> {
  const out: Partial<Record<K, number>> = {};
  for (const k of keys) {
    const n = toNumber(source[k]);
    if (n === undefined) {
      if (required) errors[`${prefix}.${k}`] = FILL_IN;
    } else out[k] = n;
  }
  return out;
}

export function storePatch(d: StoreDraft): SectionResult {
  const errors: FieldErrors = {};
  const cnpj = onlyDigits(d.cnpj);
  if (cnpj && !isValidCnpj(cnpj)) errors['store.cnpj'] = CNPJ_INVALID;
  const pix = pixKeyError(d.pixKey);
  if (pix) errors['store.pixKey'] = pix;
  if (!d.state) errors['store.state'] = 'Escolha a UF da loja.';
  const patch: SettingsPatch = {
    store: {
      name: d.name.trim(),
      cnpj,
      address: d.address.trim(),
      city: d.city.trim(),
      ...(d.state ? { state: d.state as Settings['store']['state'] } : {}),
      pixKey: normalizePixKey(d.pixKey),
    },
  };
  return checkPatch(patch, errors);
}

const POLICY_NUMBERS = ['graceDays', 'fineRatePct', 'lateInterestMonthlyPct', 'maxCallsPerDay', 'maxCallsPer7Days', 'quietDaysAfterConversation', 'queueSize'] as const;

/** Call-window errors are keyed by weekday (`policy.callWindows.wd3.from`): the list sent skips days without calls. */
export const windowPath = (weekday: number, field: 'from' | 'to') => `policy.callWindows.wd${weekday}.${field}`;

export function policyPatch(d: PolicyDraft): SectionResult {
  const errors: FieldErrors = {};
  const values = numbers(d, POLICY_NUMBERS, 'policy', errors);
  const sentWeekdays: number[] = [];
  const callWindows: Settings['policy']['callWindows'] = [];
  for (const w of d.windows) {
    if (!w.enabled) continue;
    const badFrom = !TIME.test(w.from);
    const badTo = !TIME.test(w.to);
    if (badFrom) errors[windowPath(w.weekday, 'from')] = 'Use HH:MM, ex.: 08:00.';
    if (badTo) errors[windowPath(w.weekday, 'to')] = 'Use HH:MM, ex.: 20:00.';
    if (!badFrom && !badTo && w.from >= w.to) errors[windowPath(w.weekday, 'to')] = 'O fim deve ser depois do início.';
    sentWeekdays.push(w.weekday);
    callWindows.push({ weekday: w.weekday, from: w.from, to: w.to });
  }
  for (const extra of d.extraWindows) if (d.windows[extra.weekday]?.enabled) callWindows.push(extra);
  if (values.maxCallsPer7Days !== undefined && values.maxCallsPerDay !== undefined && values.maxCallsPer7Days < values.maxCallsPerDay) {
    errors['policy.maxCallsPer7Days'] = 'Deve ser pelo menos o limite por dia.';
  }
  const patch: SettingsPatch = { policy: { ...values, closedWeekdays: [...d.closedWeekdays].sort(), callWindows } };
  return checkPatch(patch, errors, (path) => {
    const m = /^policy\.callWindows\.(\d+)\.(from|to)$/.exec(path);
    const weekday = m ? sentWeekdays[Number(m[1])] : undefined;
    return m && weekday !== undefined ? windowPath(weekday, m[2] as 'from' | 'to') : path;
  });
}

/**
 * `settings.update` merges objects, so an override cannot be deleted, only changed. An emptied cell therefore
 * sends the default being saved: the profile then behaves as the default, and reads as empty again next time
 * (marginsDraft shows an override equal to the default as empty). Any such override is kept in step whenever
 * the default changes here.
 */
export function marginsPatch(d: MarginsDraft, saved: Settings['margins']): SectionResult {
  const errors: FieldErrors = {};
  const defaults = numbers(d.default, MARGIN_KEYS, 'margins.default', errors) as Partial<Margins>;
  const byProfile = {} as Record<ProfileKind, Partial<Margins>>;
  for (const profile of PROFILE_KINDS) {
    const line = numbers(d.byProfile[profile], MARGIN_KEYS, `margins.byProfile.${profile}`, errors, false) as Partial<Margins>;
    const before = (saved.byProfile[profile] ?? {}) as Partial<Margins>;
    for (const k of MARGIN_KEYS) {
      if (line[k] === undefined && before[k] !== undefined && defaults[k] !== undefined) (line as Record<string, number>)[k] = defaults[k]!;
    }
    byProfile[profile] = line;
  }
  return checkPatch({ margins: { default: defaults, byProfile } }, errors);
}

export function printingPatch(d: PrintingDraft): SectionResult {
  return checkPatch({ printing: { receiptColumns: d.receiptColumns === '42' ? 42 : 48, accentFree: d.accentFree } }, {});
}

/** Server issues onto the screen's paths (call windows by weekday). */
export function errorsFromIssues(issues: { path: string; message: string }[], section: SectionId, draft: SettingsDraft): FieldErrors {
  const sentWeekdays = draft.policy.windows.filter((w) => w.enabled).map((w) => w.weekday);
  const out: FieldErrors = {};
  for (const issue of issues) {
    let path = issue.path;
    const m = /^policy\.callWindows\.(\d+)\.(from|to)$/.exec(path);
    if (m && sentWeekdays[Number(m[1])] !== undefined) path = windowPath(sentWeekdays[Number(m[1])], m[2] as 'from' | 'to');
    const prefix = SECTION_PATH[section];
    if (path.startsWith(`${prefix}.`) || path === prefix) {
      out[path] ??= path === 'policy.fineRatePct' ? FINE_LIMIT_MESSAGE : issue.message.replace(/^Passo "[^"]*": /, '');
    }
  }
  return out;
}

/** Where each section's fields live in the API (the E-mail section edits `smtp`). */
const SECTION_PATH: Record<SectionId, string> = { store: 'store', policy: 'policy', margins: 'margins', regua: 'regua', email: 'smtp', printing: 'printing' };

/** Fields of each section in screen order, to put the cursor on the first one with an error. */
export function firstErrorPath(errors: FieldErrors, order: string[]): string | undefined {
  const paths = Object.keys(errors);
  return order.find((p) => paths.includes(p)) ?? paths[0];
}

export const fieldId = (path: string) => `settings-${path.replace(/\./g, '-')}`;
