import type { IsoDate } from '../../shared/dates';
import { plusDays } from './days';
import { dueOf, type LedgerInstallment } from '../../shared/ledger/quote';
import type { ChargePolicy } from '../../shared/ledger/charges';
import type { ReguaStep } from '../../shared/contract/settings';
import { render, messageVars, type MessageFacts, type StoreIdentity } from '../../shared/collection/templates';
import type { Dice } from './random';
import type { DemoClock } from './moments';
import type { DemoProfile } from './profiles';
import type { ContactRow, DisputeRow, MessageRow, PromiseRow } from './rows';

/** What the régua history of every customer of one store shares. */
export interface ReguaEnv {
  /** the store's steps that send a message (phone steps are call tasks on the list, not messages) */
  steps: ReguaStep[];
  /** the first day the store ran the régua */
  from: IsoDate;
  today: IsoDate;
  clock: DemoClock;
  store: StoreIdentity;
  userNames: Map<string, string>;
  policy: ChargePolicy;
  keptSharePct: number;
  device: string;
  newId(): string;
}

export interface ReguaPhone {
  id: string;
  number: string;
  whatsapp: boolean;
  wrongNumber: boolean;
  addedOn?: IsoDate;
}

export interface ReguaInstallment extends LedgerInstallment {
  count: number;
  description: string;
  soldBy: string;
}

/** One customer's facts, once the calls and the payments are written. */
export interface ReguaCustomer {
  customerId: string;
  name: string;
  email: string | null;
  profile: DemoProfile;
  /** WhatsApp only after the opt-in (CONVENTIONS.md) */
  optInDay: IsoDate | null;
  remindersPaused: boolean;
  phones: ReguaPhone[];
  installments: ReguaInstallment[];
  /** non-reversed payments */
  payments: { date: IsoDate; amountCents: number }[];
  promises: PromiseRow[];
  /** the collection log's contacts, in time order */
  contacts: ContactRow[];
  disputes: DisputeRow[];
}

/** The parcela's principal was paid off before `day` (its history is in date order). */
function settledBefore(i: ReguaInstallment, day: IsoDate): boolean {
  let retired = 0;
  for (const a of i.history) if (a.date < day) retired += a.principalCents + a.discountCents;
  return retired >= i.amountCents;
}

/** A message goes out in the morning, when the clerk opens Hoje and sends the day's reminders. */
const SEND_FROM = 8 * 60 + 30;
const SEND_TO = 10 * 60 + 30;

/**
 * The reminders the régua sent from `env.from` until yesterday, as Hoje's "lembretes" would have sent them
 * with the store's own steps and templates (settings.regua): one message per step and due date of the
 * customer's carnês, on WhatsApp only after the opt-in, to a number not known to be wrong, never to a
 * customer who paused reminders. Each message is logged as a `message_sent` contact (issue 6 §5).
 * Steps that would talk over the collection are held back: while a dispute is open, while a promise is
 * pending (its own reminder the day before goes instead), and while the customer waits for a callback.
 */
export function reguaHistory(env: ReguaEnv, c: ReguaCustomer, d: Dice): { messages: MessageRow[]; contacts: ContactRow[] } {
  const out = { messages: [] as MessageRow[], contacts: [] as ContactRow[] };
  if (c.remindersPaused) return out;
  const lastDay = plusDays(env.today, -1);

  const recipient = (step: ReguaStep, day: IsoDate): { phoneId: string | null; to: string } | null => {
    if (step.channel === 'email') return c.email ? { phoneId: null, to: c.email } : null;
    const usable = c.phones.filter((p) => !p.wrongNumber && (!p.addedOn || p.addedOn < day));
    if (step.channel === 'whatsapp') {
      if (c.optInDay === null || c.optInDay >= day) return null;
      const p = usable.find((x) => x.whatsapp);
      return p ? { phoneId: p.id, to: p.number } : null;
    }
    // SMS: a mobile (DDD + 9 digits starting with 9).
    const p = usable.find((x) => x.number.length === 11 && x.number[2] === '9');
    return p ? { phoneId: p.id, to: p.number } : null;
  };

  /** Anything that makes a reminder wrong at that moment, or the person who signs it. */
  const situation = (at: string, day: IsoDate) => {
    let newest: ContactRow | undefined;
    let signer: string | null = null;
    for (const k of c.contacts) {
      if (k.at >= at) break;
      newest = k;
      if (k.userId) signer = k.userId;
    }
    const waitingCallback = newest?.outcome === 'callback';
    const disputeOpen = c.disputes.some((x) => x.createdAt! < at && (!x.resolvedAt || x.resolvedAt > at));
    const promisePending = c.promises.some((p) => p.createdAt! < at && p.date >= day && !paidFor(p, day));
    return { blocked: waitingCallback || disputeOpen, promisePending, signer };
  };

  const madeOn = (p: PromiseRow) => env.clock.dayOf(p.createdAt!);
  /** The promise reached the share with the payments from its day until the day before `day`. */
  const paidFor = (p: PromiseRow, day: IsoDate) => {
    const from = madeOn(p);
    const paid = c.payments.reduce((s, x) => (x.date >= from && x.date < day ? s + x.amountCents : s), 0);
    return paid * 100 >= p.amountCents * env.keptSharePct;
  };

  /** `facts` is asked for only when the message really goes out (the amounts cost the charge math). */
  const send = (step: ReguaStep, day: IsoDate, installmentId: string | null, facts: () => Partial<MessageFacts>, soldBy: string) => {
    const to = recipient(step, day);
    if (!to) return;
    const minute = d.int(SEND_FROM, SEND_TO);
    const at = env.clock.at(day, minute);
    const s = situation(at, day);
    if (s.blocked || (step.trigger === 'due' && s.promisePending)) return;
    const signer = s.signer ?? soldBy;
    const body = render(step.template, messageVars({ ...facts(), customerName: c.name, store: env.store, signer: env.userNames.get(signer) ?? '' }));
    const contactId = env.newId();
    const meta = { createdAt: at, updatedAt: at, device: env.device };
    out.contacts.push({
      id: contactId,
      ...meta,
      customerId: c.customerId,
      userId: signer,
      phoneId: to.phoneId,
      channel: step.channel as ContactRow['channel'],
      outcome: 'message_sent',
      at,
      inbound: false,
      notes: `Lembrete da régua: ${step.label.charAt(0).toLowerCase()}${step.label.slice(1)}.`,
      objectionIds: null,
      callbackAt: null,
      callbackChannel: null,
    });
    out.messages.push({
      id: env.newId(),
      ...meta,
      customerId: c.customerId,
      agreementId: null,
      channel: step.channel,
      template: step.id,
      body,
      createdBy: signer,
      stepId: step.id,
      installmentId,
      status: 'sent',
      recipient: to.to,
      subject: null,
      attempts: step.channel === 'email' ? 1 : 0,
      nextAttemptAt: null,
      lastError: null,
      sentAt: at,
      contactId,
    });
  };

  // Steps relative to a due date: the parcelas of one due date (several carnês) share one message.
  const byDue = new Map<IsoDate, ReguaInstallment[]>();
  for (const i of c.installments) {
    if (i.effectiveDueDate < plusDays(env.from, -30) || i.effectiveDueDate > plusDays(env.today, 30)) continue;
    byDue.set(i.effectiveDueDate, [...(byDue.get(i.effectiveDueDate) ?? []), i]);
  }
  for (const step of env.steps) {
    if (step.trigger !== 'due' || (step.profiles && !step.profiles.includes(c.profile))) continue;
    for (const [due, parcelas] of byDue) {
      const day = env.clock.nextOpenDay(plusDays(due, step.offsetDays));
      if (day < env.from || day > lastDay) continue;
      // Open the morning it goes out: only the payments of the days before count.
      const open = parcelas.filter((i) => !settledBefore(i, day));
      if (!open.length) continue;
      const first = open[0];
      send(
        step,
        day,
        first.id,
        () => ({
          amountCents: open.reduce((s, i) => s + dueOf({ ...i, history: i.history.filter((a) => a.date < day) }, day, env.policy).totalCents, 0),
          dueDate: first.dueDate,
          installmentNumber: first.number,
          installmentCount: first.count,
          description: first.description,
        }),
        first.soldBy,
      );
    }
  }

  // The day before a promise (the last open day before it): a reminder of what was agreed.
  for (const step of env.steps) {
    if (step.trigger !== 'promise') continue;
    for (const p of c.promises) {
      const day = env.clock.prevOpenDay(plusDays(p.date, step.offsetDays));
      if (day < env.from || day > lastDay || day <= madeOn(p) || paidFor(p, day)) continue;
      send(step, day, null, () => ({ promiseDate: p.date, promiseAmountCents: p.amountCents }), p.createdBy!);
    }
  }
  return out;
}
