import { z } from 'zod';
import { id, asOf } from './common';

// The régua de cobrança's day (issue 6 §5): which reminders are due today, and sending one.
// The Hoje screen renders `RemindersList` as is: one row per item, one click each.

// A large store has thousands of reminders a day: the screen asks for a page (not-yet-sent first).
export const remindersList = z
  .object({ asOf, limit: z.number().int().min(1, 'Peça pelo menos 1 lembrete.').max(500, 'No máximo 500 lembretes por vez.').optional(), offset: z.number().int().min(0).optional() })
  .strict();

export const messageChannel = z.enum(['whatsapp', 'sms', 'email'], { error: 'Canal inválido: use whatsapp, sms ou email.' });

export const remindersSend = z
  .object({
    customerId: id,
    /** a régua step's id, or "agradecimento" for the thank-you after a payoff */
    stepId: z.string({ error: 'Informe o passo da régua.' }).min(1, 'Informe o passo da régua.').max(60),
    /** the parcela, for a step triggered by a due date */
    installmentId: id.optional(),
    channel: messageChannel,
  })
  .strict();
export type RemindersSendInput = z.infer<typeof remindersSend>;

export type MessageChannel = z.infer<typeof messageChannel>;

/**
 * One reminder due today: a régua step applied to one parcela (trigger `due`) or to one pending promise
 * (trigger `promise`), on the step's channel. `channel: 'phone'` items are call tasks (no message to send;
 * the call is recorded with contacts.record). At most one message per step + parcela + channel is ever sent.
 */
export interface ReminderItem {
  /** stable key for the screen: step, parcela or promise, channel */
  key: string;
  stepId: string;
  stepLabel: string;
  trigger: 'due' | 'promise';
  offsetDays: number;
  channel: 'whatsapp' | 'sms' | 'email' | 'phone';
  customerId: string;
  customerName: string;
  profile: string;
  installmentId: string | null;
  promiseId: string | null;
  /** the parcela's effective due date (trigger due) */
  dueDate: string | null;
  promiseDate: string | null;
  /** what the message says: the parcela's amount today (with charges when overdue) or the promised amount */
  amountCents: number;
  /** why it is on the list, pt-BR ("Vence em 3 dias (sexta-feira, 27/11)") */
  reason: string;
  /** the rendered message (for a phone step: the task for the clerk) */
  text: string;
  chars: number;
  /** more than 600 characters, or a wa.me address too long to open */
  tooLong: boolean;
  /** who signs: the clerk who sold, made the promise or last talked with the customer */
  signedBy: string;
  /** the number used, digits with DDD (whatsapp, sms, phone), else null */
  phone: string | null;
  /**
   * whatsapp: the wa.me link with the text. The "tentar sem o 9" variant is built on demand by the screen with
   * `whatsappLink(phone, text).urlWithout9` (shared/whatsapp.ts): a 100k-customer store has thousands of
   * reminders a day, and every copy of the text in the answer costs (CONVENTIONS.md WhatsApp).
   */
  whatsappUrl: string | null;
  /** sms: the text ready to copy, and how many SMS parts it takes */
  smsText: string | null;
  smsParts: number | null;
  /** email: the address and the subject */
  email: string | null;
  subject: string | null;
  /** when it was already sent (or queued, for e-mail), else null */
  sentAt: string | null;
  /** e-mail only: queued | sent | failed (the outbox retries) */
  status: string | null;
}

/** A customer who paid everything off in the last 7 days and got no thank-you yet (DOMAIN.md idea 9). */
export interface ThankYouItem {
  key: string;
  customerId: string;
  customerName: string;
  paidOffOn: string;
  text: string;
  signedBy: string;
  /** the channels this customer can get it on, best first */
  channels: ('whatsapp' | 'sms' | 'email')[];
  /** the WhatsApp number when the customer can get it there, else the mobile for SMS */
  phone: string | null;
  /** as in ReminderItem ("tentar sem o 9": shared/whatsapp.ts) */
  whatsappUrl: string | null;
  smsText: string | null;
  email: string | null;
  subject: string | null;
}

/** How many step applications were left out today, and why (the screen may show "3 sem autorização de WhatsApp"). */
export interface ReminderSkips {
  /** the customer asked for no automatic reminders (customers.reminders_paused) */
  paused: number;
  /** "não ligar" (phone steps only) */
  doNotCall: number;
  /** an open dispute pauses collection */
  dispute: number;
  /** WhatsApp needs a WhatsApp phone and a recorded opt-in */
  noWhatsappOptIn: number;
  /** no good mobile for SMS, or no good phone to call */
  noPhone: number;
  noEmail: number;
  /** e-mail steps wait until the owner configures SMTP */
  noSmtp: number;
  /** after the due date, a pending promise takes over from the régua */
  promisePending: number;
  /** the step is for other profiles */
  otherProfile: number;
}

export interface RemindersList {
  asOf: string;
  reminders: ReminderItem[];
  /** how many reminders are due in all (the page is `reminders`) */
  total: number;
  /** how many of them are still to send */
  pending: number;
  thankYous: ThankYouItem[];
  thankYousTotal: number;
  skipped: ReminderSkips;
  /** pt-BR warnings for the screen, e.g. the store's CNPJ is missing (CDC art. 42-A) */
  notes: string[];
}

export interface RemindersSendResult {
  messageId: string;
  contactId: string;
  status: 'sent' | 'queued';
  /** whatsapp: the link to open now; sms: the text to copy */
  whatsappUrl: string | null;
  smsText: string | null;
  text: string;
}
