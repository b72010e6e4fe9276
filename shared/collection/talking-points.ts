import { formatBRL, type Cents } from '../money';
import type { IsoDate } from '../dates';
import type { ProfileKind } from '../ui-format/profile';
import { dateWithWeekday, firstName, paymentOptions } from './templates';
import { FORBIDDEN_RULES } from './forbidden';
import { OBJECTIONS, type Objection } from './objections';
import { TALKING_POINTS, AVOID, STAGES, type Stage, type Situation, type TalkingPointVariable, type TalkingPointEntry } from './talking-points-catalog';

// The talking-point rules (issue 7 §2): from the facts of one call to the phrases of each stage of CALLS.md,
// chosen from talking-points-catalog.ts. Pure: calls.context gathers the facts, Treino can feed made-up ones.

export interface TalkingFacts {
  profile: ProfileKind;
  /** only one sale so far */
  firstPurchase: boolean;
  /** overdue now and never paid late before (the standing's first_delay) */
  firstDelay: boolean;
  /** parcelas paid within grace, ever (long good history from LONG_HISTORY_MIN) */
  onTimePaidCount: number;
  keyCustomer: boolean;
  /** days since the oldest overdue parcela's effective due date (0 = nothing overdue) */
  daysLate: number;
  /** what is overdue today, charges included */
  overdueCents: Cents;
  overdueCount: number;
  /** the oldest overdue parcela */
  oldestOverdue?: { number: number; count: number; dueDate: IsoDate } | null;
  /** a broken promise no conversation has answered yet (the standing's broken_promise_on) */
  brokenPromise?: { date: IsoDate; amountCents: Cents } | null;
  /** the customer asked for this call */
  callback: boolean;
  storeName: string;
  clerkName: string;
  customerName: string;
  /** what they bought (newest sale first) */
  purchase?: string | null;
  pixKey: string;
}

export interface TalkingPoint {
  stage: Stage;
  id: string;
  text: string;
  /** for the clerk's eyes only */
  note: boolean;
}

/** CALLS.md "long good history": a record worth mentioning as an invitation. */
export const LONG_HISTORY_MIN = 12;

/**
 * The situations the catalog's variants key on. A customer judged mau pagador is not treated as "forgot"
 * (first delay) nor invited by a good record: 60 days without paying is not a lapse (DOMAIN.md profiles).
 */
export function situationsOf(f: TalkingFacts): Set<Situation> {
  const s = new Set<Situation>([f.profile]);
  const bad = f.profile === 'mau_pagador';
  if (f.firstPurchase) s.add('first_purchase');
  if (f.firstDelay && !bad) s.add('first_delay');
  if (f.onTimePaidCount >= LONG_HISTORY_MIN && !bad) s.add('long_history');
  if (f.keyCustomer) s.add('key_customer');
  if (f.brokenPromise) s.add('broken_promise');
  if (f.callback) s.add('callback');
  if (f.pixKey.trim()) s.add('pix');
  if (f.overdueCount > 0) s.add('overdue');
  if (f.overdueCount > 1) s.add('several_overdue');
  return s;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function variablesOf(f: TalkingFacts): Partial<Record<TalkingPointVariable, string>> {
  const o = f.oldestOverdue;
  return {
    primeiroNome: firstName(f.customerName),
    loja: f.storeName.trim(),
    atendente: firstName(f.clerkName),
    valor: f.overdueCount > 0 ? formatBRL(f.overdueCents) : '',
    parcela: o ? `${o.number}/${o.count}` : '',
    vencimento: o ? dateWithWeekday(o.dueDate) : '',
    compra: f.purchase?.trim() ?? '',
    diasAtraso: f.daysLate > 0 ? plural(f.daysLate, 'dia', 'dias') : '',
    parcelasEmAtraso: f.overdueCount > 0 ? plural(f.overdueCount, 'parcela em atraso', 'parcelas em atraso') : '',
    parcelasEmDia: f.onTimePaidCount > 0 ? plural(f.onTimePaidCount, 'parcela', 'parcelas') : '',
    formasDePagamento: paymentOptions({ name: f.storeName, cnpj: '', address: '', city: '', pixKey: f.pixKey }),
    pix: f.pixKey.trim(),
    dataPromessa: f.brokenPromise ? dateWithWeekday(f.brokenPromise.date) : '',
    valorPromessa: f.brokenPromise ? formatBRL(f.brokenPromise.amountCents) : '',
  };
}

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The text with its variables filled, or null when one of them has no value (the next variant is used). */
export function fill(template: string, vars: Partial<Record<string, string>>): string | null {
  let missing = false;
  const out = template.replace(PLACEHOLDER, (_w, name: string) => {
    const v = vars[name];
    if (!v) missing = true;
    return v ?? '';
  });
  return missing ? null : out;
}

const applies = (e: { when?: Situation[]; unless?: Situation[] }, s: Set<Situation>) => (e.when ?? []).every((x) => s.has(x)) && !(e.unless ?? []).some((x) => s.has(x));

/** For each stage in CALLS.md order and each of its slots, the first variant that applies and can be filled. */
export function talkingPoints(f: TalkingFacts, catalog: readonly TalkingPointEntry[] = TALKING_POINTS): TalkingPoint[] {
  const s = situationsOf(f);
  const vars = variablesOf(f);
  const out: TalkingPoint[] = [];
  for (const { id: stage } of STAGES) {
    const done = new Set<string>();
    for (const e of catalog) {
      if (e.stage !== stage || done.has(e.slot) || !applies(e, s)) continue;
      const text = fill(e.text, vars);
      if (text === null) continue;
      done.add(e.slot);
      out.push({ stage, id: e.id, text, note: !!e.note });
    }
  }
  return out;
}

/** The words never to say, from forbidden.ts (the same list the catalog scan enforces). */
const AVOID_WORDS = `Palavras que ofendem, assustam ou expõem: ${FORBIDDEN_RULES.filter((r) => r.id !== 'link').map((r) => r.label).join('; ')}.`;

/** The "evitar" list for this call: the situation's pitfalls, then the words. */
export function avoidList(f: TalkingFacts): string[] {
  const s = situationsOf(f);
  const vars = variablesOf(f);
  const out: string[] = [];
  for (const a of AVOID) if (applies(a, s)) out.push(fill(a.text, vars) ?? a.text.replace(PLACEHOLDER, 'o cliente'));
  out.push(AVOID_WORDS);
  return out;
}

/** The objections with their answers filled for this call (the clerk clicks the one heard). */
export function objectionsFor(f: TalkingFacts): Objection[] {
  const vars = variablesOf(f);
  return OBJECTIONS.map((o) => ({ ...o, responses: o.responses.map((r) => fill(r, vars) ?? r.replace(PLACEHOLDER, '')) }));
}
