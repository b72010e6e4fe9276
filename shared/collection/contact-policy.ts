import { addDays, formatDateBR, todayIn, type IsoDate } from '../dates';
import { minutesOfDay } from './calling-window';
import { isAgreementBroken } from './agreement-status';

/**
 * Whether one customer may get a collection call now, and why not (DOMAIN.md "Law and practice": grace,
 * frequency, pauses; CALLS.md "número errado"). Pure: the caller gathers the facts (the standing row, the
 * customer's flags and phones, the last 7 days of contacts). The calling window is the store's, not the
 * customer's: see calling-window.ts.
 */
export interface PolicyStanding {
  overduePrincipalCents: number;
  /** oldest effective due date among overdue parcelas */
  oldestOverdueDue: IsoDate | null;
  paidOffOn: IsoDate | null;
  /** date of the newest broken promise no conversation after it has answered (standings.md) */
  brokenPromiseOn: IsoDate | null;
  lastConversationAt: string | null;
  /** a pending callback: the time the customer chose, or the asking contact's own time when they gave none */
  callbackAt: string | null;
  openDisputes: number;
  /** the newest promise (standings.md): while it is pending, the follow-up is a reminder, not a call */
  promiseDate?: IsoDate | null;
  promiseStatus?: string | null;
}

export interface PolicyPhone {
  id?: string;
  /** digits with DDD */
  number: string;
  position: number;
  wrongNumber: boolean;
  whatsapp?: boolean;
}

export interface PolicyContact {
  /** ISO timestamp */
  at: string;
  channel: string;
  outcome: string;
  inbound: boolean;
}

export interface ContactPolicyFacts {
  standing: PolicyStanding;
  doNotCall: boolean;
  /** the customer's current agreement (one with open parcelas) and how many of them are overdue */
  agreement: { openCount: number; overdueCount: number } | null;
  phones: readonly PolicyPhone[];
  /** contacts since the start of the day six days ago, at least (the 7-day cap) */
  recentContacts: readonly PolicyContact[];
  today: IsoDate;
  now: Date;
  timeZone: string;
  /** the number about to be dialled, when the clerk picked one (contacts.record) */
  phoneUsed?: string;
}

export interface ContactPolicyRules {
  graceDays: number;
  maxCallsPerDay: number;
  maxCallsPer7Days: number;
  quietDaysAfterConversation: number;
}

export type BlockCode =
  | 'nothing_overdue'
  | 'grace'
  | 'do_not_call'
  | 'dispute'
  | 'agreement'
  | 'promise_pending'
  | 'quiet'
  | 'callback_later'
  | 'callback_later_today'
  | 'cap_day'
  | 'cap_week'
  | 'no_phone'
  | 'wrong_number';

export interface ContactDecision {
  allowed: boolean;
  /** every block, in pt-BR */
  reasons: string[];
  blocks: { code: BlockCode; message: string }[];
  /** the number to dial: the first good one by position */
  phone: PolicyPhone | null;
  /** the last quiet day after a conversation */
  quietUntil?: IsoDate;
  /** the customer asked to be called back and that time has come (or comes later today) */
  callbackDue?: boolean;
}

/** A conversation pauses calls for `quietDays` days counting its own day: Monday's conversation → next Monday. */
export const quietLastDay = (conversationDay: IsoDate, quietDays: number): IsoDate | null => (quietDays > 0 ? addDays(conversationDay, quietDays - 1) : null);

const ddmm = (d: IsoDate) => formatDateBR(d).slice(0, 5);
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const digits = (s: string) => s.replace(/\D/g, '');

/** Collection calls are outbound phone calls; a call the customer makes to the store is theirs, not ours. */
export const isOutboundCall = (c: Pick<PolicyContact, 'channel' | 'inbound'>) => c.channel === 'phone' && !c.inbound;

export function contactPolicy(f: ContactPolicyFacts, rules: ContactPolicyRules): ContactDecision {
  const blocks: ContactDecision['blocks'] = [];
  const block = (code: BlockCode, message: string) => blocks.push({ code, message });
  const s = f.standing;
  const dayOf = (iso: string) => todayIn(f.timeZone, new Date(iso));
  let quietUntil: IsoDate | undefined;
  let callbackDue = false;

  // Nothing to collect: a paid-off or up-to-date customer is not on anyone's list.
  if (s.overduePrincipalCents <= 0 || !s.oldestOverdueDue) {
    block('nothing_overdue', s.paidOffOn ? `Conta quitada em ${formatDateBR(s.paidOffOn)}: nada a cobrar.` : 'Nenhuma parcela em atraso.');
  } else if (addDays(s.oldestOverdueDue, rules.graceDays) >= f.today) {
    // DOMAIN.md "Wait a little": it may be a simple lapse.
    block('grace', `Dentro da carência: a parcela venceu em ${ddmm(s.oldestOverdueDue)}; ligar a partir de ${ddmm(addDays(s.oldestOverdueDue, rules.graceDays + 1))}.`);
  }

  if (f.doNotCall) block('do_not_call', 'O cliente pediu para não receber ligações ("não ligar").');
  if (s.openDisputes > 0) block('dispute', 'Contestação em aberto: a cobrança fica pausada até o dono resolver.');
  // DOMAIN.md "Agreements": current while its parcelas are paid, broken after two are missed (agreement-status.ts).
  if (f.agreement && f.agreement.openCount > 0 && !isAgreementBroken(f.agreement.overdueCount)) {
    block('agreement', 'Acordo em dia: a cobrança fica pausada enquanto o acordo estiver em dia.');
  }

  // A promise whose date has not come: a reminder the day before and a check on the day, not a call (DOMAIN.md).
  if (s.promiseStatus === 'pending' && s.promiseDate && s.promiseDate >= f.today) {
    block('promise_pending', s.promiseDate === f.today ? 'Promessa de pagamento para hoje: enviar lembrete e conferir o pagamento, sem ligar.' : `Promessa de pagamento para ${ddmm(s.promiseDate)}: lembrete na véspera, sem ligar antes.`);
  }

  // A callback the customer asked for: their time, not ours. One they gave a time for is exempt from the
  // caps and the quiet days (it is one call, and the next contact clears it); "ligue mais tarde" without a
  // time is callable from the next moment the caps allow.
  const callback = s.callbackAt ? { at: s.callbackAt, day: dayOf(s.callbackAt), minutes: minutesOfDay(new Date(s.callbackAt), f.timeZone) } : null;
  const chosenTime = !!(callback && s.lastConversationAt && Date.parse(callback.at) > Date.parse(s.lastConversationAt));
  if (callback) {
    if (callback.day > f.today) block('callback_later', `Pediu retorno em ${ddmm(callback.day)} às ${hhmm(callback.minutes)}.`);
    else if (Date.parse(callback.at) > f.now.getTime()) {
      callbackDue = true;
      block('callback_later_today', `Pediu retorno hoje às ${hhmm(callback.minutes)}.`);
    } else callbackDue = true;
  }

  // Quiet days after a conversation, unless a promise made in it broke since (follow it within 24 h).
  if (s.lastConversationAt && !callback) {
    const convDay = dayOf(s.lastConversationAt);
    const last = quietLastDay(convDay, rules.quietDaysAfterConversation);
    const promiseBroke = !!(s.brokenPromiseOn && s.brokenPromiseOn >= convDay);
    if (last && f.today <= last && !promiseBroke) {
      quietUntil = last;
      block('quiet', `Conversou com a loja em ${ddmm(convDay)}: pausa de ${plural(rules.quietDaysAfterConversation, 'dia', 'dias')} após uma conversa, até ${ddmm(last)}.`);
    }
  }

  // Caps count every collection call, answered or not (DOMAIN.md: attempts and conversations alike).
  if (!(callbackDue && chosenTime)) {
    const weekStart = addDays(f.today, -6);
    const calls = f.recentContacts.filter(isOutboundCall).map((c) => dayOf(c.at));
    const today = calls.filter((d) => d === f.today).length;
    const week = calls.filter((d) => d >= weekStart && d <= f.today).length;
    if (today >= rules.maxCallsPerDay) block('cap_day', `Já houve ${plural(today, 'ligação', 'ligações')} hoje (limite de ${rules.maxCallsPerDay} por dia).`);
    if (week >= rules.maxCallsPer7Days) block('cap_week', `${plural(week, 'ligação', 'ligações')} nos últimos 7 dias (limite de ${rules.maxCallsPer7Days}).`);
  }

  // A wrong number is never dialled again (CALLS.md); the next good phone is, or nobody.
  const good = [...f.phones].filter((p) => !p.wrongNumber).sort((a, b) => a.position - b.position);
  let phone: PolicyPhone | null = good[0] ?? null;
  if (f.phoneUsed) {
    const used = digits(f.phoneUsed);
    const known = f.phones.find((p) => digits(p.number) === used);
    if (known?.wrongNumber) block('wrong_number', 'Este número está marcado como errado e não pode ser chamado de novo.');
    else phone = known ?? { number: used, position: f.phones.length, wrongNumber: false };
  } else if (!phone) {
    block('no_phone', f.phones.length ? 'Nenhum telefone válido: os números do cadastro estão marcados como errados.' : 'Nenhum telefone cadastrado.');
  }

  return { allowed: blocks.length === 0, reasons: blocks.map((b) => b.message), blocks, phone, quietUntil, callbackDue: callbackDue || undefined };
}

/** On today's list: nothing blocks, or only a callback the customer set for later today. */
export const belongsOnTodaysList = (d: ContactDecision) => d.blocks.every((b) => b.code === 'callback_later_today');
