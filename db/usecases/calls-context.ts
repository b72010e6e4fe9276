import type { Ctx } from '../context';
import { noonIn, type IsoDate } from '../../shared/dates';
import { formatPhone } from '../../shared/phone';
import { callingWindow } from '../../shared/collection/calling-window';
import { contactPolicy } from '../../shared/collection/contact-policy';
import { judgePromise, type PromiseStatus } from '../../shared/collection/promises';
import { talkingPoints, avoidList, objectionsFor, LONG_HISTORY_MIN, type TalkingFacts } from '../../shared/collection/talking-points';
import { STAGES } from '../../shared/collection/talking-points-catalog';
import { PROFILE_LABELS, type ProfileKind } from '../../shared/ui-format/profile';
import { promiseRulesOf } from '../projections/derive';
import { localTimeFor } from '../projections/local-time';
import { statement } from './accounts';
import { prepared, storeCalendar } from './ledger-load';
import { policyFactsFor, policyRules } from './queue';

// calls.context (issue 7 §1): the customer's file for the guided call and the Clientes page — who they are, what
// they owe today, what happened in past contacts, whether calling is allowed now — and the talking points,
// the "evitar" list and the objections for this call (shared/collection/talking-points.ts). One customer: a
// handful of indexed queries (customer, standing, the statement's ledger, contacts, promises, disputes, phones).
//
// `asOf` moves the charges (the statement's math) and the calling window (that day's noon, as queue.build does);
// the profile, promises' follow-up and policy facts are the standing's, which is always today's (standings.md).

const OUTCOME_LABELS: Record<string, string> = {
  no_answer: 'Não atendeu',
  wrong_number: 'Número errado',
  promise: 'Prometeu pagar',
  agreement: 'Fez acordo',
  paid: 'Pagou',
  refused: 'Recusou',
  dispute: 'Contestou',
  callback: 'Pediu para ligar depois',
  message_sent: 'Mensagem enviada',
  third_party: 'Terceiro atendeu — nada foi informado',
};
const CHANNEL_LABELS: Record<string, string> = { phone: 'Ligação', whatsapp: 'WhatsApp', sms: 'SMS', email: 'E-mail', in_person: 'Na loja' };
const PROMISE_LABELS: Record<PromiseStatus, string> = { pending: 'Aguardando', late: 'Venceu, ainda no prazo de tolerância', kept: 'Cumprida', partial: 'Cumprida em parte', broken: 'Não cumprida' };
const DISPUTE_LABELS: Record<string, string> = {
  defect: 'Produto com defeito',
  not_received: 'Não recebeu o produto',
  payment_check: 'Pagamento a conferir',
  not_recognized: 'Não reconhece a compra',
  other: 'Outro motivo',
};

interface CustomerRow {
  id: string;
  name: string;
  cpf: string;
  createdAt: string;
  keyCustomer: number;
  doNotCall: number;
  notes: string | null;
  whatsappOptInAt: string | null;
}
interface StandingRow {
  profile: ProfileKind;
  profileReasons: string;
  firstDelay: number;
  brokenPromiseOn: IsoDate | null;
  callbackAt: string | null;
  bestHour: number | null;
  openDisputes: number;
  lastPaymentDate: IsoDate | null;
  nextDueDate: IsoDate | null;
}

export function callsContext(ctx: Ctx, input: { customerId: string; asOf?: string }) {
  const asOf = input.asOf ?? ctx.today;
  const tz = ctx.settings.store.timeZone;
  const local = localTimeFor(tz);
  // statement() refuses an unknown or deleted customer with not_found (the same message as everywhere).
  const st = statement(ctx, { customerId: input.customerId, asOf });
  const c = prepared(ctx,
    `SELECT id, name, cpf, created_at AS createdAt, key_customer AS keyCustomer, do_not_call AS doNotCall, notes, whatsapp_opt_in_at AS whatsappOptInAt
       FROM customers WHERE id = ?`,
  ).get(input.customerId) as CustomerRow;
  const s = prepared(ctx,
    `SELECT profile, profile_reasons AS profileReasons, first_delay AS firstDelay, broken_promise_on AS brokenPromiseOn, callback_at AS callbackAt,
            best_hour AS bestHour, open_disputes AS openDisputes, last_payment_date AS lastPaymentDate, next_due_date AS nextDueDate
       FROM customer_standings WHERE id = ?`,
  ).get(input.customerId) as StandingRow | undefined;
  // Parcelas paid within the grace days, ever: the "long good history" the call may mention (CALLS.md).
  const onTime = (prepared(ctx,
    `SELECT COUNT(*) AS n FROM installment_standings
      WHERE customer_id = ? AND status = 'paid' AND paid_off_on IS NOT NULL AND paid_off_on <= date(effective_due_date, ?)`,
  ).get(input.customerId, `+${ctx.settings.policy.graceDays} days`) as { n: number }).n;

  // Purchases: the sales, newest first (agreements are not purchases).
  const purchases = [...st.sales].reverse().map((x) => ({ id: x.id, number: x.number, date: x.date, description: x.description, totalCents: x.totalCents, installmentCount: x.installmentCount }));
  const createdDay = local(c.createdAt).day;
  const firstSale = st.sales[0]?.date ?? null;
  const customerSince = firstSale && firstSale < createdDay ? firstSale : createdDay;

  const overdue = st.installments.filter((l) => l.status === 'overdue').sort((a, b) => (a.effectiveDueDate < b.effectiveDueDate ? -1 : a.effectiveDueDate > b.effectiveDueDate ? 1 : a.number - b.number));
  const oldest = overdue[0] ?? null;
  const daysLate = overdue.reduce((m, l) => Math.max(m, l.daysLate), 0);

  // Last contacts, with who made them and the number used.
  const contacts = (prepared(ctx,
    `SELECT k.id, k.at, k.channel, k.outcome, k.inbound, k.notes, k.objection_ids AS objectionIds, k.callback_at AS callbackAt, u.name AS byName, p.number AS phone
       FROM contacts k LEFT JOIN users u ON u.id = k.user_id LEFT JOIN customer_phones p ON p.id = k.phone_id
      WHERE k.customer_id = ? ORDER BY k.at DESC, k.rowid DESC LIMIT 10`,
  ).all(input.customerId) as { id: string; at: string; channel: string; outcome: string; inbound: number; notes: string | null; objectionIds: string | null; callbackAt: string | null; byName: string | null; phone: string | null }[]).map((k) => ({
    id: k.id,
    at: k.at,
    day: local(k.at).day,
    channel: k.channel,
    channelLabel: CHANNEL_LABELS[k.channel] ?? k.channel,
    outcome: k.outcome,
    outcomeLabel: OUTCOME_LABELS[k.outcome] ?? k.outcome,
    inbound: !!k.inbound,
    by: k.byName,
    phone: k.phone ? formatPhone(k.phone) : null,
    notes: k.notes,
    objectionIds: k.objectionIds ? (JSON.parse(k.objectionIds) as string[]) : [],
    callbackAt: k.callbackAt,
  }));

  // Promises, newest first, judged on the statement's non-reversed payments (promises.ts).
  const paid = st.payments.filter((p) => !p.reversed).map((p) => ({ date: p.date, amountCents: p.amountCents }));
  const rules = promiseRulesOf(ctx.settings);
  const promises = (prepared(ctx, 'SELECT id, date, amount_cents AS amountCents, created_at AS createdAt FROM promises WHERE customer_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 10').all(input.customerId) as {
    id: string;
    date: IsoDate;
    amountCents: number;
    createdAt: string;
  }[]).map((p) => {
    const madeOn = local(p.createdAt).day;
    const j = judgePromise({ madeOn, date: p.date, amountCents: p.amountCents }, paid, asOf, rules);
    return { id: p.id, madeOn, date: p.date, amountCents: p.amountCents, paidCents: j.paidCents, status: j.status, statusLabel: PROMISE_LABELS[j.status], kept: j.status === 'kept', broken: j.status === 'broken' || j.status === 'partial' };
  });

  const disputes = (prepared(ctx,
    `SELECT d.id, d.kind, d.notes, d.created_at AS openedAt, d.resolved_at AS resolvedAt, d.resolution, u.name AS openedBy
       FROM disputes d LEFT JOIN users u ON u.id = d.opened_by WHERE d.customer_id = ? ORDER BY d.created_at DESC`,
  ).all(input.customerId) as { id: string; kind: string; notes: string | null; openedAt: string; resolvedAt: string | null; resolution: string | null; openedBy: string | null }[]).map((d) => ({
    ...d,
    kindLabel: DISPUTE_LABELS[d.kind] ?? d.kind,
    open: !d.resolvedAt,
  }));

  // Whether calling is allowed right now: the store's hours, then the customer's policy (contact-policy.ts).
  const now = asOf === ctx.today ? ctx.now : noonIn(asOf, tz);
  const window = callingWindow({ now, timeZone: tz, windows: ctx.settings.policy.callWindows, calendar: storeCalendar(ctx.settings) });
  const found = policyFactsFor(ctx, input.customerId);
  const decision = found ? contactPolicy({ ...found.facts, today: asOf, now }, policyRules(ctx)) : null;
  const reasons = [...(window.allowed ? [] : [`Fora do horário de ligações. ${window.reason}`]), ...(decision?.reasons ?? ['Sem histórico de compras.'])];
  const phoneToUse = decision?.phone ?? null;
  const phones = (found?.facts.phones ?? []).map((p) => ({
    id: p.id ?? null,
    number: p.number,
    label: formatPhone(p.number),
    whatsapp: !!p.whatsapp,
    wrongNumber: p.wrongNumber,
    use: !!phoneToUse && p.number === phoneToUse.number,
  }));

  const profile = s?.profile ?? 'novo';
  const brokenPromise = s?.brokenPromiseOn ? (promises.find((p) => p.date === s.brokenPromiseOn) ?? null) : null;
  const facts = {
    keyCustomer: !!c.keyCustomer,
    doNotCall: !!c.doNotCall,
    firstPurchase: st.sales.length === 1,
    firstDelay: !!s?.firstDelay,
    onTimePaidCount: onTime,
    longGoodHistory: onTime >= LONG_HISTORY_MIN && profile !== 'mau_pagador',
    purchaseCount: st.sales.length,
    daysLate,
    overdueCount: overdue.length,
    overdueCents: st.overdueCents,
    openCents: st.openCents,
    lastPaymentDate: s?.lastPaymentDate ?? null,
    nextDueDate: s?.nextDueDate ?? null,
    brokenPromiseOn: s?.brokenPromiseOn ?? null,
    callbackAt: s?.callbackAt ?? null,
    openDisputes: s?.openDisputes ?? 0,
    bestHour: s?.bestHour ?? null,
    bestTime: s?.bestHour != null ? `Costuma atender por volta das ${String(s.bestHour).padStart(2, '0')}h` : null,
    whatsappOptIn: !!c.whatsappOptInAt,
  };

  const talking: TalkingFacts = {
    profile,
    firstPurchase: facts.firstPurchase,
    firstDelay: facts.firstDelay,
    onTimePaidCount: onTime,
    keyCustomer: facts.keyCustomer,
    daysLate,
    overdueCents: st.overdueCents,
    overdueCount: overdue.length,
    oldestOverdue: oldest ? { number: oldest.number, count: oldest.count, dueDate: oldest.dueDate } : null,
    brokenPromise: brokenPromise ? { date: brokenPromise.date, amountCents: brokenPromise.amountCents } : null,
    callback: !!decision?.callbackDue || !!s?.callbackAt,
    storeName: ctx.settings.store.name,
    clerkName: ctx.actor?.name ?? '',
    customerName: c.name,
    purchase: purchases[0]?.description ?? null,
    pixKey: ctx.settings.store.pixKey ?? '',
  };

  return {
    asOf,
    customer: { id: c.id, name: c.name, cpf: c.cpf, customerSince, keyCustomer: facts.keyCustomer, doNotCall: facts.doNotCall, notes: c.notes },
    profile: { kind: profile, label: PROFILE_LABELS[profile], reasons: s ? (JSON.parse(s.profileReasons) as string[]) : [] },
    facts,
    purchases,
    installments: overdue,
    contacts,
    promises,
    disputes,
    phones,
    phoneToUse: phoneToUse ? { number: phoneToUse.number, label: formatPhone(phoneToUse.number), whatsapp: !!phoneToUse.whatsapp } : null,
    calling: {
      allowed: window.allowed && !!decision?.allowed,
      reasons,
      window: { allowed: window.allowed, message: window.reason, opensAt: window.opensAt ?? null, opensOn: window.opensOn ?? null, closesAt: window.closesAt ?? null },
      blocks: decision?.blocks.map((b) => b.code) ?? [],
    },
    payment: { pixKey: ctx.settings.store.pixKey || null, inStore: true },
    stages: STAGES,
    talkingPoints: talkingPoints(talking),
    avoid: avoidList(talking),
    objections: objectionsFor(talking),
  };
}
