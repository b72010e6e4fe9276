import type { Ctx } from '../context';
import { contacts, messages } from '../schema';
import { ApiError } from '../../shared/contract/errors';
import { THANK_YOU_STEP_ID, type ReguaStep } from '../../shared/contract/settings';
import type { ReminderItem, ReminderSkips, RemindersList, RemindersSendInput, RemindersSendResult, ThankYouItem } from '../../shared/contract/reminders';
import { CONVERSATION_OUTCOMES } from '../../shared/contract/collection';
import { fieldLabel } from '../../shared/contract/labels';
import { addDays, daysBetween, formatDateBR, todayIn, type IsoDate } from '../../shared/dates';
import { formatBRL } from '../../shared/money';
import { lateInterestFor } from '../../shared/ledger/charges';
import { render, messageVars, emailSubject, dateWithWeekday, missingStoreIdentity, THANK_YOU_TEMPLATE, MESSAGE_MAX_CHARS, type SubjectKind } from '../../shared/collection/templates';
import { whatsappLink, smsText, isMobile } from '../../shared/whatsapp';
import { prepared, storeCalendar, requireCustomerId } from './ledger-load';
import { phonesOf } from './queue';
import { weeklyAfterMessage } from '../projections/weekly';

// The régua de cobrança's day (issue 6 §5). For each active step, who it applies to today:
// - trigger `due`: parcelas still open whose EFFECTIVE due date is today − offsetDays. Parcelas are found by
//   their nominal date on installments_due_ix (the nominal dates whose next open day is that effective date)
//   and joined to installment_standings by id, so a 100k-customer store reads only that day's parcelas.
// - trigger `promise`: the customer's newest promise is pending and dated today − offsetDays.
// Left out: customers who paused reminders, open disputes, "não ligar" for call steps, WhatsApp without a
// recorded opt-in (WhatsApp's business policy, CONVENTIONS.md), e-mail without an address or an SMTP account,
// and, after the due date, customers with a pending promise (the promise's own reminders take over).
// One message per step + parcela (or promise) + channel, ever: a second send is refused.

type Skip = keyof ReminderSkips;
const SKIP_MESSAGES: Record<Skip, string> = {
  paused: 'O cliente pediu para não receber lembretes automáticos.',
  doNotCall: 'Cliente marcado "não ligar".',
  dispute: 'Há uma contestação aberta: a cobrança fica parada até o dono resolver.',
  noWhatsappOptIn: 'Sem autorização registrada para WhatsApp (ou sem número de WhatsApp válido).',
  noPhone: 'Sem telefone válido para este canal.',
  noEmail: 'Cliente sem e-mail cadastrado.',
  noSmtp: 'O e-mail da loja (SMTP) ainda não foi configurado.',
  promisePending: 'Há uma promessa em dia: o lembrete da promessa vale no lugar deste.',
  otherProfile: 'Este passo é para outros perfis de cliente.',
};
const SKIPS = Object.keys(SKIP_MESSAGES) as Skip[];

interface Candidate {
  step: ReguaStep;
  customerId: string;
  installmentId: string | null;
  promiseId: string | null;
  promiseCreatedAt: string | null;
  dueDate: IsoDate | null;
  promiseDate: IsoDate | null;
  amountCents: number;
  installmentNumber?: number;
  installmentCount?: number;
  description?: string;
  /** who sold the parcela's sale or made the promise */
  ownerUserId: string | null;
}

interface CustomerInfo {
  id: string;
  name: string;
  email: string | null;
  optIn: string | null;
  paused: number;
  doNotCall: number;
  profile: string;
  openDisputes: number;
  promiseStatus: string | null;
}

interface SentRow {
  customerId: string;
  stepId: string;
  installmentId: string | null;
  channel: string;
  createdAt: string;
  status: string;
  sentAt: string | null;
}

/** The nominal due dates whose effective date (next open day) is `effective`: itself and the closed days just before it. */
function nominalDatesFor(effective: IsoDate, isClosed: (d: IsoDate) => boolean): IsoDate[] {
  if (isClosed(effective)) return [];
  const out = [effective];
  for (let d = addDays(effective, -1); isClosed(d) && out.length < 15; d = addDays(d, -1)) out.push(d);
  return out;
}

interface Scope {
  customerId?: string;
  stepId?: string;
}

function dueCandidates(ctx: Ctx, day: IsoDate, steps: ReguaStep[], scope: Scope): Candidate[] {
  const cal = storeCalendar(ctx.settings);
  const out: Candidate[] = [];
  const byOffset = new Map<number, ReguaStep[]>();
  for (const s of steps) byOffset.set(s.offsetDays, [...(byOffset.get(s.offsetDays) ?? []), s]);
  const query = prepared(ctx,
    `SELECT i.id, i.customer_id AS customerId, i.number, i.count, s.created_by AS soldBy, COALESCE(s.description, 'acordo') AS description,
            st.effective_due_date AS due, st.principal_open_cents AS p, st.fine_open_cents AS f, st.interest_base_cents AS b,
            st.interest_from AS since, st.late_interest_monthly_pct AS pct
       FROM installments i
       JOIN installment_standings st ON st.id = i.id
       LEFT JOIN sales s ON s.id = i.sale_id
      WHERE i.due_date IN (SELECT value FROM json_each(@dates)) AND (@customer IS NULL OR i.customer_id = @customer)
        AND st.status IN ('open', 'overdue') AND st.principal_open_cents > 0
      ORDER BY i.customer_id, i.due_date, i.number`,
  );
  for (const [offset, group] of byOffset) {
    const effective = addDays(day, -offset);
    const dates = nominalDatesFor(effective, (d) => cal.isClosed(d));
    if (!dates.length) continue;
    const rows = query.all({ dates: JSON.stringify(dates), customer: scope.customerId ?? null }) as {
      id: string; customerId: string; number: number; count: number; soldBy: string | null; description: string;
      due: string; p: number; f: number; b: number; since: string; pct: number;
    }[];
    for (const r of rows) {
      if (r.due !== effective) continue;
      // What the parcela owes on `day` (standings.md): principal, multa and the juros running since `since`.
      const amountCents = day > r.due ? r.p + r.f + Math.max(0, r.b + lateInterestFor(r.p, r.pct, daysBetween(r.since, day))) : r.p;
      for (const step of group) {
        out.push({
          step, customerId: r.customerId, installmentId: r.id, promiseId: null, promiseCreatedAt: null, dueDate: r.due, promiseDate: null,
          amountCents, installmentNumber: r.number, installmentCount: r.count, description: r.description, ownerUserId: r.soldBy,
        });
      }
    }
  }
  return out;
}

function promiseCandidates(ctx: Ctx, day: IsoDate, steps: ReguaStep[], scope: Scope): Candidate[] {
  if (!steps.length) return [];
  const targets = [...new Set(steps.map((s) => addDays(day, -s.offsetDays)))];
  const rows = prepared(ctx,
    `SELECT cs.id AS customerId, cs.promise_id AS promiseId, cs.promise_date AS date, cs.promise_amount_cents AS amount,
            p.created_by AS madeBy, p.created_at AS createdAt
       FROM customer_standings cs JOIN promises p ON p.id = cs.promise_id
      WHERE cs.promise_status = 'pending' AND cs.promise_date IN (SELECT value FROM json_each(@dates)) AND (@customer IS NULL OR cs.id = @customer)`,
  ).all({ dates: JSON.stringify(targets), customer: scope.customerId ?? null }) as { customerId: string; promiseId: string; date: string; amount: number; madeBy: string | null; createdAt: string }[];
  const out: Candidate[] = [];
  for (const r of rows) {
    for (const step of steps) {
      if (addDays(day, -step.offsetDays) !== r.date) continue;
      out.push({ step, customerId: r.customerId, installmentId: null, promiseId: r.promiseId, promiseCreatedAt: r.createdAt, dueDate: null, promiseDate: r.date, amountCents: r.amount, ownerUserId: r.madeBy });
    }
  }
  return out;
}

function customerInfo(ctx: Ctx, ids: string[]): Map<string, CustomerInfo> {
  const rows = prepared(ctx,
    `SELECT c.id, c.name, c.email, c.whatsapp_opt_in_at AS optIn, c.reminders_paused AS paused, c.do_not_call AS doNotCall,
            cs.profile, cs.open_disputes AS openDisputes, cs.promise_status AS promiseStatus
       FROM customers c JOIN customer_standings cs ON cs.id = c.id
      WHERE c.id IN (SELECT value FROM json_each(?)) AND c.deleted_at IS NULL AND c.anonymized_at IS NULL`,
  ).all(JSON.stringify(ids)) as CustomerInfo[];
  return new Map(rows.map((r) => [r.id, r]));
}

/** The person the customer knows: who they last talked with, else who sold (or made the promise), else the clerk now. */
function signers(ctx: Ctx, ids: string[]) {
  // The newest conversation, read backwards on contacts_customer_at_ix: it stops at the first one it finds.
  const lastTalked = prepared(ctx,
    `SELECT user_id AS u FROM contacts WHERE customer_id = ? AND user_id IS NOT NULL AND outcome IN (${CONVERSATION_OUTCOMES.map((o) => `'${o}'`).join(', ')})
      ORDER BY at DESC LIMIT 1`,
  );
  const last = new Map<string, string>();
  for (const id of ids) {
    const r = lastTalked.get(id) as { u: string } | undefined;
    if (r) last.set(id, r.u);
  }
  const names = new Map(
    (prepared(ctx, 'SELECT id, name FROM users WHERE deleted_at IS NULL').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]),
  );
  const fallback = ctx.actor?.name ?? 'Equipe da loja';
  return (customerId: string, ownerUserId: string | null, preferOwner = false): string => {
    const talked = last.get(customerId);
    const order = preferOwner ? [ownerUserId, talked] : [talked, ownerUserId];
    for (const u of order) if (u && names.has(u)) return names.get(u)!;
    return fallback;
  };
}

function sentRows(ctx: Ctx, ids: string[]): SentRow[] {
  return prepared(ctx,
    `SELECT customer_id AS customerId, step_id AS stepId, installment_id AS installmentId, channel, created_at AS createdAt, status, sent_at AS sentAt
       FROM messages WHERE customer_id IN (SELECT value FROM json_each(?)) AND step_id IS NOT NULL ORDER BY created_at`,
  ).all(JSON.stringify(ids)) as SentRow[];
}

function reasonFor(c: Candidate): string {
  const o = c.step.offsetDays;
  if (c.step.trigger === 'promise') {
    const when = o === -1 ? 'amanhã' : o === 0 ? 'hoje' : o < 0 ? `em ${-o} dias` : `há ${o} dias`;
    return `Promessa de ${formatBRL(c.amountCents)} para ${when} (${dateWithWeekday(c.promiseDate!)})`;
  }
  const date = dateWithWeekday(c.dueDate!);
  if (o < 0) return `Vence ${o === -1 ? 'amanhã' : `em ${-o} dias`} (${date})`;
  if (o === 0) return `Vence hoje (${date})`;
  return `Venceu há ${o} ${o === 1 ? 'dia' : 'dias'} (${date})`;
}

const subjectKind = (c: Candidate): SubjectKind => (c.step.trigger === 'promise' ? 'promise' : c.step.offsetDays > 0 ? 'after_due' : 'before_due');

/** A reminder that passed every check, before its text is written (the list writes only the page it shows). */
interface Draft {
  c: Candidate;
  cust: CustomerInfo;
  key: string;
  phone: string | null;
  email: string | null;
  done: SentRow | undefined;
}

interface Collected {
  drafts: Draft[];
  /** the finished reminders, texts and links included, for these drafts */
  finish(drafts: Draft[]): ReminderItem[];
  skipped: ReminderSkips;
  /** why a candidate was left out, by its key (for reminders.send's refusal) */
  skipReasons: Map<string, Skip>;
}

const itemKey = (stepId: string, ref: string | null, channel: string) => `${stepId}:${ref ?? '-'}:${channel}`;

function collect(ctx: Ctx, day: IsoDate, scope: Scope = {}): Collected {
  const steps = ctx.settings.regua.steps.filter((s) => s.active && (!scope.stepId || s.id === scope.stepId));
  const candidates = [
    ...dueCandidates(ctx, day, steps.filter((s) => s.trigger === 'due'), scope),
    ...promiseCandidates(ctx, day, steps.filter((s) => s.trigger === 'promise'), scope),
  ];
  // Counted in customers, not step applications: "3 clientes sem autorização de WhatsApp".
  const skippedCustomers = {} as Record<Skip, Set<string>>;
  for (const k of SKIPS) skippedCustomers[k] = new Set();
  const counts = (): ReminderSkips => {
    const out = {} as ReminderSkips;
    for (const k of SKIPS) out[k] = skippedCustomers[k].size;
    return out;
  };
  const skipReasons = new Map<string, Skip>();
  const drafts: Draft[] = [];
  if (!candidates.length) return { drafts, finish: () => [], skipped: counts(), skipReasons };

  const info = customerInfo(ctx, [...new Set(candidates.map((c) => c.customerId))]);
  const smtpReady = !!ctx.settings.smtp;

  // First the checks that need only the customer row and the standing; phones, signers and what was already
  // sent are loaded for the candidates that pass (a 100k-customer store has thousands of candidates a day).
  const passing: { c: Candidate; cust: CustomerInfo; key: string }[] = [];
  for (const c of candidates) {
    const cust = info.get(c.customerId);
    if (!cust) continue; // removed or anonymized (LGPD): nothing is sent
    const key = itemKey(c.step.id, c.installmentId ?? c.promiseId, c.step.channel);
    const why: Skip | null =
      c.step.profiles && !c.step.profiles.includes(cust.profile as never) ? 'otherProfile'
      : cust.paused ? 'paused'
      : cust.openDisputes > 0 ? 'dispute'
      : c.step.trigger === 'due' && c.step.offsetDays > 0 && cust.promiseStatus === 'pending' ? 'promisePending'
      : c.step.channel === 'phone' && cust.doNotCall ? 'doNotCall'
      : c.step.channel === 'email' && !smtpReady ? 'noSmtp'
      : c.step.channel === 'email' && !cust.email?.trim() ? 'noEmail'
      : c.step.channel === 'whatsapp' && !cust.optIn ? 'noWhatsappOptIn'
      : null;
    if (why) {
      skippedCustomers[why].add(c.customerId);
      skipReasons.set(key, why);
    } else passing.push({ c, cust, key });
  }
  const ids = [...new Set(passing.map((p) => p.c.customerId))];
  const phones = phonesOf(ctx, ids);
  const sent = new Map<string, SentRow[]>();
  for (const m of sentRows(ctx, ids)) {
    const k = `${m.customerId}|${m.stepId}|${m.channel}`;
    sent.set(k, [...(sent.get(k) ?? []), m]);
  }

  for (const { c, cust, key } of passing) {
    const skip = (why: Skip) => {
      skippedCustomers[why].add(c.customerId);
      skipReasons.set(key, why);
    };
    const good = (phones.get(c.customerId) ?? []).filter((p) => !p.wrongNumber);
    let phone: string | null = null;
    let email: string | null = null;
    if (c.step.channel === 'phone') {
      phone = good[0]?.number ?? null;
      if (!phone) { skip('noPhone'); continue; }
    } else if (c.step.channel === 'whatsapp') {
      phone = good.find((p) => p.whatsapp)?.number ?? null;
      if (!phone) { skip('noWhatsappOptIn'); continue; }
    } else if (c.step.channel === 'sms') {
      phone = good.find((p) => isMobile(p.number))?.number ?? null;
      if (!phone) { skip('noPhone'); continue; }
    } else {
      email = cust.email!.trim();
    }

    const done = sent.get(`${c.customerId}|${c.step.id}|${c.step.channel}`)?.find((m) =>
      c.installmentId ? m.installmentId === c.installmentId : m.createdAt >= c.promiseCreatedAt!,
    );
    drafts.push({ c, cust, key, phone, email, done });
  }
  // Promises first (a commitment the customer made), then by how close the date is, then by name.
  const collator = new Intl.Collator('pt-BR');
  const trig = (d: Draft) => (d.c.step.trigger === 'promise' ? 0 : 1);
  drafts.sort((a, b) => trig(a) - trig(b) || a.c.step.offsetDays - b.c.step.offsetDays || collator.compare(a.cust.name, b.cust.name));

  // Writing the texts (and finding who signs them) is most of the cost with thousands of reminders a day.
  const finish = (list: Draft[]): ReminderItem[] => {
    const signerOf = signers(ctx, [...new Set(list.map((d) => d.c.customerId))]);
    return list.map(({ c, cust, key, phone, email, done }): ReminderItem => {
      const signedBy = signerOf(c.customerId, c.ownerUserId, c.step.trigger === 'promise');
      const vars = messageVars({
        customerName: cust.name, store: ctx.settings.store, signer: signedBy,
        amountCents: c.amountCents, dueDate: c.dueDate ?? undefined, installmentNumber: c.installmentNumber, installmentCount: c.installmentCount, description: c.description,
        promiseDate: c.promiseDate ?? undefined, promiseAmountCents: c.promiseId ? c.amountCents : undefined,
      });
      const text = render(c.step.template, vars);
      const wa = c.step.channel === 'whatsapp' ? whatsappLink(phone!, text) : null;
      const sms = c.step.channel === 'sms' ? smsText(text) : null;
      const chars = [...text].length;
      return {
        key, stepId: c.step.id, stepLabel: c.step.label, trigger: c.step.trigger, offsetDays: c.step.offsetDays, channel: c.step.channel,
        customerId: c.customerId, customerName: cust.name, profile: cust.profile,
        installmentId: c.installmentId, promiseId: c.promiseId, dueDate: c.dueDate, promiseDate: c.promiseDate, amountCents: c.amountCents,
        reason: reasonFor(c), text, chars, tooLong: (c.step.channel !== 'phone' && chars > MESSAGE_MAX_CHARS) || !!wa?.tooLong, signedBy,
        phone, whatsappUrl: wa?.url ?? null,
        smsText: sms?.text ?? null, smsParts: sms?.parts ?? null,
        email, subject: email ? emailSubject(subjectKind(c), vars) : null,
        sentAt: done ? (done.sentAt ?? done.createdAt) : null, status: done ? done.status : null,
      };
    });
  };
  return { drafts, finish, skipped: counts(), skipReasons };
}

/** Customers who paid everything off in the last 7 days and got no thank-you since. */
function thankYous(ctx: Ctx, day: IsoDate, customerId?: string): { items: ThankYouItem[]; alreadyThanked: Set<string> } {
  const rows = prepared(ctx,
    `SELECT cs.id, cs.paid_off_on AS paidOffOn FROM customer_standings cs
      WHERE cs.paid_off_on BETWEEN @from AND @day AND (@customer IS NULL OR cs.id = @customer)`,
  ).all({ from: addDays(day, -6), day, customer: customerId ?? null }) as { id: string; paidOffOn: string }[];
  const alreadyThanked = new Set<string>();
  if (!rows.length) return { items: [], alreadyThanked };
  const ids = rows.map((r) => r.id);
  const info = customerInfo(ctx, ids);
  const phones = phonesOf(ctx, ids);
  const signerOf = signers(ctx, ids);
  const tz = ctx.settings.store.timeZone;
  const thanked = new Map<string, string>(); // customer → newest thank-you
  for (const t of prepared(ctx,
    `SELECT customer_id AS c, MAX(created_at) AS at FROM messages WHERE customer_id IN (SELECT value FROM json_each(?)) AND step_id = ? GROUP BY customer_id`,
  ).all(JSON.stringify(ids), THANK_YOU_STEP_ID) as { c: string; at: string }[]) thanked.set(t.c, t.at);
  const lastSale = prepared(ctx, 'SELECT created_by AS u FROM sales WHERE customer_id = ? ORDER BY date DESC, created_at DESC LIMIT 1');
  const items: ThankYouItem[] = [];
  for (const r of rows) {
    const cust = info.get(r.id);
    if (!cust || cust.paused) continue;
    const lastThanks = thanked.get(r.id);
    if (lastThanks && todayIn(tz, new Date(lastThanks)) >= r.paidOffOn) {
      alreadyThanked.add(r.id);
      continue;
    }
    const good = (phones.get(r.id) ?? []).filter((p) => !p.wrongNumber);
    const waPhone = cust.optIn ? (good.find((p) => p.whatsapp)?.number ?? null) : null;
    const smsPhone = good.find((p) => isMobile(p.number))?.number ?? null;
    const email = ctx.settings.smtp && cust.email?.trim() ? cust.email.trim() : null;
    const channels: ThankYouItem['channels'] = [...(waPhone ? ['whatsapp' as const] : []), ...(smsPhone ? ['sms' as const] : []), ...(email ? ['email' as const] : [])];
    if (!channels.length) continue;
    const soldBy = (lastSale.get(r.id) as { u: string | null } | undefined)?.u ?? null;
    const signedBy = signerOf(r.id, soldBy);
    const vars = messageVars({ customerName: cust.name, store: ctx.settings.store, signer: signedBy });
    const text = render(THANK_YOU_TEMPLATE, vars);
    const wa = waPhone ? whatsappLink(waPhone, text) : null;
    items.push({
      key: `${THANK_YOU_STEP_ID}:${r.id}`, customerId: r.id, customerName: cust.name, paidOffOn: r.paidOffOn, text, signedBy, channels,
      phone: waPhone ?? smsPhone, whatsappUrl: wa?.url ?? null,
      smsText: smsPhone ? smsText(text).text : null, email, subject: email ? emailSubject('thank_you', vars) : null,
    });
  }
  items.sort((a, b) => b.paidOffOn.localeCompare(a.paidOffOn) || a.customerName.localeCompare(b.customerName, 'pt-BR'));
  return { items, alreadyThanked };
}

/** reminders.list: the reminders due on `asOf` (default today). Amounts are the standings' (today's). */
export function listReminders(ctx: Ctx, input: { asOf?: string; limit?: number; offset?: number }): RemindersList {
  const day = input.asOf ?? ctx.today;
  const { drafts, finish, skipped } = collect(ctx, day);
  const limit = input.limit ?? 100;
  const offset = input.offset ?? 0;
  // Still to send first, then the ones done today (kept so the screen can show them as sent).
  const ordered = [...drafts.filter((d) => !d.done), ...drafts.filter((d) => d.done)];
  const thanks = thankYous(ctx, day).items;
  const notes: string[] = [];
  const missing = missingStoreIdentity(ctx.settings.store);
  if (missing.length) notes.push(`Cadastre ${missing.join(' e ')} da loja em Configurações: toda mensagem de cobrança identifica a loja (CDC art. 42-A).`);
  if (skipped.noSmtp) notes.push(`${skipped.noSmtp} lembrete(s) por e-mail esperam a conta de e-mail da loja (SMTP) em Configurações.`);
  if (skipped.noWhatsappOptIn) notes.push(`${skipped.noWhatsappOptIn} cliente(s) sem autorização registrada para WhatsApp ficaram de fora desse canal.`);
  return {
    asOf: day,
    reminders: finish(ordered.slice(offset, offset + limit)),
    total: drafts.length,
    pending: drafts.filter((d) => !d.done).length,
    thankYous: thanks.slice(0, limit),
    thankYousTotal: thanks.length,
    skipped,
    notes,
  };
}

const refuse = (message: string, path = 'stepId') => new ApiError('conflict', message, [{ path, message }]);
// Named like the dispatcher names a zod failure: "Canal: …".
const invalid = (path: string, message: string) => new ApiError('validation', `${fieldLabel([path])}: ${message}`, [{ path, message }]);

/**
 * reminders.send: the clerk opened the WhatsApp link or copied the SMS (status `sent`), or asked for the
 * e-mail (status `queued`: db/mail/outbox.ts sends it outside this transaction and retries while offline).
 * The text is rendered again here, never taken from the screen. Logged as a contact `message_sent`.
 */
export function sendReminder(ctx: Ctx, input: RemindersSendInput): RemindersSendResult {
  requireCustomerId(ctx, input.customerId);
  if (input.stepId === THANK_YOU_STEP_ID) return sendThankYou(ctx, input);
  const step = ctx.settings.regua.steps.find((s) => s.id === input.stepId);
  if (!step) throw invalid('stepId', 'Passo da régua não encontrado: confira em Configurações.');
  if (!step.active) throw refuse(`O passo "${step.label}" está desligado na régua.`);
  if (step.channel === 'phone') throw invalid('channel', `O passo "${step.label}" é uma ligação: registre-a na tela da ligação.`);
  if (step.channel !== input.channel) throw invalid('channel', `O passo "${step.label}" é por ${CHANNEL_NAMES[step.channel]}.`);
  if (step.trigger === 'due' && !input.installmentId) throw invalid('installmentId', 'Informe a parcela deste lembrete.');

  const { drafts, finish, skipReasons } = collect(ctx, ctx.today, { customerId: input.customerId, stepId: step.id });
  const draft = drafts.find((d) => (step.trigger === 'due' ? d.c.installmentId === input.installmentId : true));
  const item = draft ? finish([draft])[0] : undefined;
  if (!item) {
    const key = [...skipReasons.keys()].find((k) => step.trigger !== 'due' || k.startsWith(`${step.id}:${input.installmentId}:`));
    const why = key ? SKIP_MESSAGES[skipReasons.get(key)!] : step.trigger === 'due' ? 'Esta parcela não está neste passo da régua hoje.' : 'Não há promessa para este lembrete hoje.';
    throw refuse(`Este lembrete não vale hoje. ${why} Nada foi gravado.`);
  }
  // CDC art. 42-A: a collection message identifies the store by name, address and CNPJ. The list still shows
  // the reminders (with a note); sending waits until Configurações has them.
  const missing = missingStoreIdentity(ctx.settings.store);
  if (missing.length) throw refuse(`Cadastre ${missing.join(' e ')} da loja em Configurações antes de enviar lembretes: toda mensagem de cobrança identifica a loja (CDC art. 42-A). Nada foi gravado.`);
  if (item.sentAt) throw refuse(`Este lembrete já foi ${item.status === 'queued' ? 'colocado na fila' : 'enviado'} em ${whenBR(ctx, item.sentAt)}. Nada foi gravado.`);
  return record(ctx, {
    customerId: input.customerId, channel: input.channel, stepId: step.id, installmentId: item.installmentId, text: item.text,
    phone: item.phone, email: item.email, subject: item.subject, note: `Lembrete da régua: ${step.label}`, whatsappUrl: item.whatsappUrl,
  });
}

function sendThankYou(ctx: Ctx, input: RemindersSendInput): RemindersSendResult {
  const { items, alreadyThanked } = thankYous(ctx, ctx.today, input.customerId);
  if (alreadyThanked.has(input.customerId)) throw refuse('O agradecimento a este cliente já foi enviado. Nada foi gravado.');
  const item = items[0];
  if (!item) throw refuse('Este cliente não quitou tudo nos últimos 7 dias, ou não tem um canal para a mensagem. Nada foi gravado.');
  if (!item.channels.includes(input.channel)) throw invalid('channel', `Este cliente não pode receber por ${CHANNEL_NAMES[input.channel]}: use ${item.channels.map((c) => CHANNEL_NAMES[c]).join(' ou ')}.`);
  const good = phonesOf(ctx, [input.customerId]).get(input.customerId)!.filter((p) => !p.wrongNumber);
  const phone = input.channel === 'whatsapp' ? good.find((p) => p.whatsapp)!.number : input.channel === 'sms' ? good.find((p) => isMobile(p.number))!.number : null;
  return record(ctx, {
    customerId: input.customerId, channel: input.channel, stepId: THANK_YOU_STEP_ID, installmentId: null, text: item.text,
    phone, email: input.channel === 'email' ? item.email : null, subject: input.channel === 'email' ? item.subject : null,
    note: 'Agradecimento após quitar', whatsappUrl: phone && input.channel === 'whatsapp' ? whatsappLink(phone, item.text)?.url ?? null : null,
  });
}

const CHANNEL_NAMES = { whatsapp: 'WhatsApp', sms: 'SMS', email: 'e-mail', phone: 'ligação' } as const;

function whenBR(ctx: Ctx, iso: string): string {
  const local = new Intl.DateTimeFormat('pt-BR', { timeZone: ctx.settings.store.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${formatDateBR(todayIn(ctx.settings.store.timeZone, new Date(iso)))} às ${local}`;
}

function record(ctx: Ctx, m: {
  customerId: string; channel: 'whatsapp' | 'sms' | 'email'; stepId: string; installmentId: string | null; text: string;
  phone: string | null; email: string | null; subject: string | null; note: string; whatsappUrl: string | null;
}): RemindersSendResult {
  const now = ctx.now.toISOString();
  const phoneRow = m.phone ? phonesOf(ctx, [m.customerId]).get(m.customerId)!.find((p) => p.number === m.phone) : undefined;
  const contactId = ctx.newId();
  ctx.db.insert(contacts).values({
    id: contactId, customerId: m.customerId, userId: ctx.actor?.id ?? null, phoneId: phoneRow?.id ?? null, channel: m.channel,
    outcome: 'message_sent', at: now, inbound: false, notes: m.note, ...ctx.stamp(),
  }).run();
  const queued = m.channel === 'email';
  const messageId = ctx.newId();
  ctx.db.insert(messages).values({
    id: messageId, customerId: m.customerId, channel: m.channel, template: m.stepId, body: m.text, createdBy: ctx.actor?.id ?? null,
    stepId: m.stepId, installmentId: m.installmentId, status: queued ? 'queued' : 'sent', recipient: queued ? m.email : m.phone,
    subject: m.subject, attempts: 0, nextAttemptAt: queued ? now : null, sentAt: queued ? null : now, contactId, ...ctx.stamp(),
  }).run();
  ctx.touched.add(m.customerId);
  weeklyAfterMessage(ctx, messageId);
  return {
    messageId, contactId, status: queued ? 'queued' : 'sent', text: m.text,
    whatsappUrl: m.channel === 'whatsapp' ? m.whatsappUrl : null, smsText: m.channel === 'sms' ? smsText(m.text).text : null,
  };
}
