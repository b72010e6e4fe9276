import { maxDate, type IsoDate } from '../../shared/dates';
import { plusDays, daysFrom } from './days';
import { allocatePayment, type Allocation } from '../../shared/ledger/allocate';
import { openInstallments, comparePaymentOrder, type OpenInstallment } from '../../shared/ledger/quote';
import type { ChargePolicy } from '../../shared/ledger/charges';
import { planInstallments } from '../../shared/ledger/plan';
import { foldText } from '../../shared/text';
import { Dice, mixSeed } from './random';
import type { DemoClock } from './moments';
import { demoProfileOf, standsOut, type DemoProfile } from './profiles';
import { makePerson, whatsappConsent, type CpfMaker } from './person';
import { planCustomer, type PlannedSale } from './sales-plan';
import { Payer, type Visit } from './payer';
import { CollectionLog, type CallerIds } from './collection';
import { reguaHistory, type ReguaEnv, type ReguaInstallment } from './regua';
import type { CustomerRows, PaymentRow } from './rows';
import { counterWaiver, feedbackAnswer } from './counter-extras';
import { demoAgreement } from './agreement-terms';
import { formatBRL } from '../../shared/money';
import { CONVERSATION_OUTCOMES } from '../../shared/contract/collection';

/** What every customer of one demo store shares. */
export interface DemoEnv {
  seed: number;
  today: IsoDate;
  graceDays: number;
  /** the store's multa and juros, carried by every parcela (contractCharges) */
  policy: ChargePolicy;
  clock: DemoClock;
  device: string;
  users: CallerIds;
  cpf: CpfMaker;
  /** settings.policy.promiseToleranceDays */
  toleranceDays: number;
  regua: ReguaEnv;
  newId(): string;
  /** provisional human numbers; build.ts renumbers them in date order at the end */
  nextSaleNumber(): string;
  nextReceiptNumber(): string;
  nextAgreementNumber(): string;
}

export interface CustomerHistory {
  rows: CustomerRows;
  profile: DemoProfile;
  /** what accounts.statement would show as overdueCents today (principal + multa + juros) */
  overdueCents: number;
  /** promises of this customer that were kept / broken (pending ones not counted) */
  promisesKept: number;
  promisesBroken: number;
  /** the customer renegotiated the overdue parcelas (the profile then follows the agreement, not the plan) */
  agreement: boolean;
  /** payments with a discount on multa and juros */
  waivedPayments: number;
}

const METHODS = [['cash', 40], ['pix', 35], ['card', 18], ['transfer', 7]] as const;

interface DemoInstallment extends ReguaInstallment {
  saleDate: IsoDate;
}

/**
 * Writes one customer's three years: registration, sales, and payments in date order, each payment split by
 * the ledger's own rules (shared/ledger: openInstallments + allocatePayment, the functions payments.receive
 * runs), so the rows are exactly what the counter would have written day by day. Only parcelas not yet
 * settled are kept in memory: a settled parcela never owes again, and openInstallments would skip it.
 */
export function customerHistory(env: DemoEnv, index: number): CustomerHistory {
  const d = new Dice(mixSeed(env.seed, index));
  const profile = demoProfileOf(env.seed, index);
  const person = makePerson(d, env.cpf, index, profile, env.today);
  // What the collection morning needs beyond the payment story (consent, flags) comes from a stream of its
  // own, so that adding to it never changes a customer's purchases and payments.
  const m = new Dice(mixSeed(env.seed, 0x40000000 + index));
  // Objections ticked, discounts at the counter and feedback: a third stream, for the same reason.
  const w = new Dice(mixSeed(env.seed, 0x50000000 + index));
  const flags = standsOut(env.seed, index);
  if (flags.keyCustomer && !person.keyCustomer) Object.assign(person, { keyCustomer: true, notes: person.notes ?? 'Compra para a família toda; sempre volta.' });
  if (flags.doNotCall && !person.doNotCall) Object.assign(person, { doNotCall: true, notes: 'Pediu para não receber ligações; tratar no balcão.' });
  const plan = planCustomer(d, env.clock, profile, env.today, env.graceDays);
  const payer = new Payer(d, plan, env.today, env.graceDays, (day) => env.clock.nextOpenDay(day));
  const consent = whatsappConsent(m, person, plan.sales.map((s) => s.date));

  const customerId = env.newId();
  // The counter's work for this customer happens in order, minutes apart: registration, then each sale and
  // payment. A second visit the same day comes after the first, as the ledger (and a replay) reads them.
  let lastAtCounter = 0;
  const atCounter = (day: IsoDate, minute = env.clock.counterMinute(d, day)): number => {
    const ms = Math.max(env.clock.ms(day, minute), lastAtCounter + 120_000);
    lastAtCounter = ms;
    return ms;
  };
  const iso = (ms: number) => new Date(ms).toISOString();
  const firstDay = plan.sales[0].date;
  const registered = iso(atCounter(firstDay));
  const stamp = (at: string) => ({ createdAt: at, updatedAt: at, device: env.device });
  const phoneIds = person.phones.map(() => env.newId());
  const rows: CustomerRows = {
    customer: {
      id: customerId,
      ...stamp(registered),
      name: person.name,
      nameFolded: foldText(person.name),
      cpf: person.cpf,
      email: person.email,
      address: person.address,
      birthDate: person.birthDate,
      keyCustomer: person.keyCustomer,
      doNotCall: person.doNotCall,
      notes: consent.notes ?? person.notes,
      // A later opt-in is stamped when that sale is written (below).
      whatsappOptInAt: consent.onSale === 0 ? registered : null,
      remindersPaused: consent.remindersPaused,
      anonymizedAt: null,
      deletedAt: null,
    },
    phones: [],
    sales: [],
    agreements: [],
    installments: [],
    payments: [],
    allocations: [],
    reversals: [],
    contacts: [],
    promises: [],
    disputes: [],
    messages: [],
    feedback: [],
  };
  const optInDay = consent.onSale === null ? null : plan.sales[consent.onSale].date;
  const log = new CollectionLog({
    d,
    ticks: w,
    clock: env.clock,
    profile,
    customerId,
    phones: person.phones,
    phoneIds,
    doNotCall: person.doNotCall,
    keyCustomer: person.keyCustomer,
    callers: env.users,
    today: env.today,
    device: env.device,
    newId: env.newId,
    optInDay,
    toleranceDays: env.toleranceDays,
  });
  const clerk = () => (d.chance(0.1) ? env.users.owner : d.pick(env.users.clerks));

  let open: DemoInstallment[] = [];
  let waivedPayments = 0;
  const every: DemoInstallment[] = [];
  let lastPayment: IsoDate | null = null;

  const addSale = (s: PlannedSale, k: number) => {
    const id = env.newId();
    const at = iso(atCounter(s.date));
    const soldBy = clerk();
    if (consent.onSale === k && k > 0) rows.customer.whatsappOptInAt = at;
    rows.sales.push({
      id,
      ...stamp(at),
      customerId,
      number: env.nextSaleNumber(),
      date: s.date,
      description: s.description,
      totalCents: s.totalCents,
      downPaymentCents: s.downPaymentCents,
      financedCents: s.totalCents - s.downPaymentCents,
      installmentCount: s.installmentCount,
      monthlyRatePct: s.monthlyRatePct,
      createdBy: soldBy,
      source: 'demo',
    });
    for (const p of planInstallments({ financedCents: s.totalCents - s.downPaymentCents, count: s.installmentCount, monthlyRatePct: s.monthlyRatePct, firstDueDate: s.firstDueDate })) {
      const iid = env.newId();
      rows.installments.push({
        id: iid,
        ...stamp(at),
        customerId,
        saleId: id,
        agreementId: null,
        number: p.number,
        count: s.installmentCount,
        dueDate: p.dueDate,
        amountCents: p.amountCents,
        monthlyRatePct: s.monthlyRatePct,
        fineRatePct: env.policy.fineRatePct,
        lateInterestMonthlyPct: env.policy.lateInterestMonthlyPct,
        renegotiatedBy: null,
      });
      const installment: DemoInstallment = {
        id: iid,
        number: p.number,
        dueDate: p.dueDate,
        effectiveDueDate: env.clock.nextOpenDay(p.dueDate),
        amountCents: p.amountCents,
        monthlyRatePct: s.monthlyRatePct,
        policy: env.policy,
        history: [],
        saleDate: s.date,
        count: s.installmentCount,
        description: s.description,
        soldBy,
      };
      open.push(installment);
      every.push(installment);
    }
    open.sort(comparePaymentOrder);
  };

  /** Collection calls start a few days after the grace period, and not right after a part was paid. */
  const callsFrom = (effectiveDueDate: IsoDate): IsoDate => {
    const afterGrace = plusDays(effectiveDueDate, env.graceDays + d.int(1, 4));
    return lastPayment ? maxDate(afterGrace, plusDays(lastPayment, d.int(3, 8))) : afterGrace;
  };

  /**
   * openInstallments over the parcelas due by `horizon` only. `open` is in payment order, so they are the
   * head of the list, and a payment that does not exceed their total splits exactly as over the whole list:
   * the later parcelas would get nothing. Skipping the rest saves the charge math of long carnês.
   */
  const openUpTo = (day: IsoDate, horizon: IsoDate) => {
    let n = 0;
    while (n < open.length && open[n].effectiveDueDate <= horizon) n++;
    return openInstallments(n === open.length ? open : open.slice(0, n), day, env.policy);
  };

  /** Total of the overdue parcelas on `day`, as the clerk would quote it on the phone. */
  const overdueOn = (day: IsoDate) => sumTotals(openUpTo(day, plusDays(day, -1)).filter((o) => o.due.status === 'overdue'));

  const writePayment = (day: IsoDate, ms: number, items: OpenInstallment[], amountCents: number, method: PaymentRow['method'], by: string, waiverCents = 0, approvedBy: string | null = null) => {
    const split = allocatePayment(items, amountCents, waiverCents);
    if (waiverCents) waivedPayments++;
    const at = iso(ms);
    const id = env.newId();
    rows.payments.push({ id, ...stamp(at), customerId, receiptNumber: env.nextReceiptNumber(), date: day, amountCents, method, createdBy: by, approvedBy });
    for (const a of split) rows.allocations.push({ id: env.newId(), ...stamp(at), paymentId: id, ...a });
    return { id, split };
  };

  const pay = (visit: Visit) => {
    const day = visit.date;
    const items = visit.mode === 'payoff' ? openInstallments(open, day, env.policy) : openUpTo(day, maxDate(day, open[0].effectiveDueDate));
    const owed = visitAmount(d, visit, items);

    // Calls since the parcela passed the grace period (or since the last part paid), until this visit.
    const oldestOverdue = items.find((o) => o.due.status === 'overdue');
    const partial = visit.mode === 'partial';
    let method: PaymentRow['method'] = d.weighted(METHODS);
    let minute: number | undefined;
    let talk: { id: string; userId: string | null } | null = null;
    // A late payment that settles what it reaches may come with a discount on its multa and juros.
    const waiver = oldestOverdue && !partial ? counterWaiver(w, profile, visit.mode === 'payoff' ? items : dueBy(visit, items), owed) : null;
    const amount = owed - (waiver?.waiverCents ?? 0);
    if (oldestOverdue) {
      const from = callsFrom(oldestOverdue.installment.effectiveDueDate);
      const before = log.contacts.length;
      const episode = log.episode({ from, until: day, visit: { date: day }, keptAmount: (c) => (partial ? amount : overdueOn(c)), brokenAmount: (c) => brokenPromiseAmount(d, partial, overdueOn(c)) });
      if (episode.paidOnCallMinute !== null) {
        method = 'pix';
        minute = episode.paidOnCallMinute + 3; // right after the call
      }
      for (let k = log.contacts.length - 1; k >= before && !talk; k--) if (TALK.has(log.contacts[k].outcome)) talk = { id: log.contacts[k].id!, userId: log.contacts[k].userId ?? null };
    }

    const by = clerk();
    let ms = atCounter(day, minute);
    if (d.chance(0.004)) {
      // A slip at the counter, fixed on the spot with a reversal approved by the owner (payments.reverse).
      const wrongAmount = d.chance(0.5) && amount >= 1000 ? Math.floor(amount / 10) : amount;
      const wrongMethod: PaymentRow['method'] = wrongAmount === amount ? (method === 'cash' ? 'pix' : 'cash') : method;
      const wrong = writePayment(day, ms, items, wrongAmount, wrongMethod, by);
      const reversedAt = iso(atCounter(day, 0)); // minutes after the slip
      rows.reversals.push({
        id: env.newId(),
        ...stamp(reversedAt),
        paymentId: wrong.id,
        date: day,
        reason: wrongAmount === amount ? 'Forma de pagamento lançada errada.' : 'Valor digitado errado.',
        createdBy: by,
        approvedBy: env.users.owner,
      });
      ms = atCounter(day, 0);
    }
    const { split } = writePayment(day, ms, items, amount, method, by, waiver?.waiverCents ?? 0, waiver?.beyondMargins ? env.users.owner : null);
    apply(items, split, day);
    lastPayment = day;
    // "Como foi o atendimento?" after a payment that followed a conversation: asked by whoever is with the
    // customer — the clerk at the counter, or the caller when the PIX came during the call.
    const answer = talk && feedbackAnswer(w, profile);
    if (talk && answer) {
      const at = iso(ms + 60_000);
      rows.feedback.push({ id: env.newId(), ...stamp(at), customerId, contactId: talk.id, score: answer.score, notes: answer.notes, userId: minute !== undefined ? (talk.userId ?? by) : by });
    }
  };

  const apply = (items: OpenInstallment[], split: Allocation[], day: IsoDate) => {
    const byId = new Map(items.map((o) => [o.installmentId, o]));
    const settled = new Set<string>();
    for (const a of split) {
      const o = byId.get(a.installmentId)!;
      o.installment.history.push({
        date: day,
        principalCents: a.principalCents,
        fineCents: a.fineCents,
        interestCents: a.interestCents,
        discountCents: a.discountCents,
        fineWaivedCents: a.fineWaivedCents,
        interestWaivedCents: a.interestWaivedCents,
      });
      const due = o.due;
      if (a.principalCents + a.discountCents === due.principalOpenCents && a.fineCents + a.fineWaivedCents === due.fineCents && a.interestCents + a.interestWaivedCents === due.interestCents) settled.add(a.installmentId);
    }
    if (settled.size) open = open.filter((i) => !settled.has(i.id));
  };

  let si = 0;
  for (;;) {
    const target = open[0];
    const visit = target ? payer.next(target, lastPayment, open.map((i) => i.effectiveDueDate)) : null;
    const sale = plan.sales[si];
    if (sale && (!visit || sale.date <= visit.date)) {
      addSale(sale, si);
      si++;
      continue;
    }
    if (!visit || visit.date >= env.today) break;
    pay(visit);
  }

  // A mau pagador now and then comes to the store, some weeks ago, and renegotiates (DOMAIN.md "Agreement").
  let agreedOn: IsoDate | null = null;
  if (profile === 'mau_pagador' && w.chance(AGREEMENT_SHARE)) renegotiate();

  // Parcelas still late today: the calls (and promises) of the episode going on now.
  const overdue = openUpTo(env.today, plusDays(env.today, -1)).filter((o) => o.due.status === 'overdue');
  if (overdue.length) {
    log.episode({ from: callsFrom(overdue[0].installment.effectiveDueDate), until: env.today, keptAmount: overdueOn, brokenAmount: (c) => brokenPromiseAmount(d, profile === 'negligente', overdueOn(c)) });
  }

  rows.phones = person.phones.map((p, position) => ({
    id: phoneIds[position],
    ...stamp(p.addedOn ? env.clock.at(p.addedOn, env.clock.counterMinute(d, p.addedOn)) : registered),
    customerId,
    number: p.number,
    whatsapp: p.whatsapp,
    wrongNumber: p.wrongNumber,
    position,
    deletedAt: null,
  }));
  rows.promises = log.promises;
  rows.disputes = log.disputes;
  const byTime = (a: { at: string }, b: { at: string }) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0);
  const calls = [...log.contacts].sort(byTime);
  const reversed = new Set(rows.reversals.map((r) => r.paymentId));
  const regua = reguaHistory(
    env.regua,
    {
      customerId,
      name: person.name,
      email: person.email,
      profile,
      optInDay,
      remindersPaused: consent.remindersPaused,
      phones: rows.phones.map((p, k) => ({ id: p.id!, number: p.number, whatsapp: !!p.whatsapp, wrongNumber: !!p.wrongNumber, addedOn: person.phones[k].addedOn })),
      // A renegotiated parcela gets no reminder after the agreement (its own ones may come up to D+10).
      installments: agreedOn ? every.filter((i) => !i.renegotiated || plusDays(i.effectiveDueDate, 12) < agreedOn!) : every,
      payments: rows.payments.filter((p) => !reversed.has(p.id!)).map((p) => ({ date: p.date, amountCents: p.amountCents })),
      promises: rows.promises,
      contacts: calls,
      disputes: rows.disputes,
    },
    m,
  );
  rows.contacts = regua.contacts.length ? [...calls, ...regua.contacts].sort(byTime) : calls;
  rows.messages = regua.messages;
  const { kept, broken } = log.keptRate();
  return { rows, profile, overdueCents: sumTotals(overdue), promisesKept: kept, promisesBroken: broken, agreement: rows.agreements.length > 0, waivedPayments };

  /**
   * The agreement: on day A, 5–14 weeks ago, a parcela more than 60 days late and nothing paid for 60 days. The
   * calls of the episode run until A; the customer comes in, the overdue parcelas are renegotiated (the old rows
   * stay, linked), the entrada is paid on the spot, and the agreement's parcelas are paid on their due dates —
   * or, for about 4 in 10, missed from one of those already due on (two missed: broken, back to collection).
   */
  function renegotiate(): void {
    const A: IsoDate = env.clock.nextOpenDay(plusDays(env.today, -w.int(35, 100)));
    if (A >= env.today || (lastPayment && plusDays(lastPayment, 60) >= A) || plan.sales.some((x) => x.date >= A)) return;
    const overdueThen = openInstallments(open, A, env.policy).filter((o) => o.due.status === 'overdue');
    if (!overdueThen.length || daysFrom(overdueThen[0].installment.effectiveDueDate, A) <= 60) return;
    log.episode({ from: callsFrom(overdueThen[0].installment.effectiveDueDate), until: A, keptAmount: overdueOn, brokenAmount: (c) => brokenPromiseAmount(d, false, overdueOn(c)) });
    if (log.hasOpenDispute()) return;
    // A promise whose window reaches A stays broken: the entrada stays under 90% of it.
    const tolerance = env.toleranceDays;
    const reaching = log.promises.filter((p) => plusDays(p.date, tolerance) >= A).map((p) => Math.floor((p.amountCents * 89) / 100));
    const agreed = demoAgreement(w, A, overdueThen, Math.min(Number.MAX_SAFE_INTEGER, ...reaching));
    if (!agreed) return;

    const by = log.whoAttends();
    const minute = env.clock.counterMinute(w, A);
    const talkAt = atCounter(A, minute);
    const { terms } = agreed;
    const financed = agreed.parcelas.filter((p) => p.dueDate !== A || terms.downPaymentCents === 0);
    const says =
      `Diz que está sem renda fixa e quer sair do atraso. Veio à loja e fez um acordo: ` +
      (terms.downPaymentCents ? `entrada de ${formatBRL(terms.downPaymentCents)} hoje e ` : '') +
      `${terms.installmentCount}x de ${formatBRL(financed[0].amountCents)}` +
      (terms.discountCents ? `, com ${formatBRL(terms.discountCents)} de desconto na multa e nos juros.` : '.');
    const contactId = log.agreementVisit(A, minute, by, says);
    const id = env.newId();
    const at = iso(talkAt + 60_000);
    agreedOn = A;
    rows.agreements.push({
      id,
      ...stamp(at),
      customerId,
      number: env.nextAgreementNumber(),
      date: A,
      principalCents: agreed.debt.principalCents,
      chargesCents: agreed.debt.chargesCents,
      discountCents: terms.discountCents,
      downPaymentCents: terms.downPaymentCents,
      installmentCount: terms.installmentCount,
      monthlyRatePct: terms.monthlyRatePct,
      firstDueDate: terms.firstDueDate,
      approvedBy: null,
      createdBy: by,
    });
    const replaced = new Set(agreed.debt.installmentIds);
    for (const r of rows.installments) if (replaced.has(r.id!)) r.renegotiatedBy = id;
    for (const i of every) if (replaced.has(i.id)) i.renegotiated = true;
    open = open.filter((i) => !replaced.has(i.id));
    agreed.parcelas.forEach((p, k) => {
      const iid = env.newId();
      rows.installments.push({
        id: iid,
        ...stamp(at),
        customerId,
        saleId: null,
        agreementId: id,
        number: k + 1,
        count: agreed.parcelas.length,
        dueDate: p.dueDate,
        amountCents: p.amountCents,
        monthlyRatePct: terms.monthlyRatePct,
        fineRatePct: env.policy.fineRatePct,
        lateInterestMonthlyPct: env.policy.lateInterestMonthlyPct,
        renegotiatedBy: null,
      });
      const installment: DemoInstallment = {
        id: iid,
        number: k + 1,
        dueDate: p.dueDate,
        effectiveDueDate: env.clock.nextOpenDay(p.dueDate),
        amountCents: p.amountCents,
        monthlyRatePct: terms.monthlyRatePct,
        policy: env.policy,
        history: [],
        saleDate: A,
        count: agreed.parcelas.length,
        description: 'Acordo',
        soldBy: by,
      };
      open.push(installment);
      every.push(installment);
    });
    open.sort(comparePaymentOrder);
    if (w.chance(0.5)) {
      const answer = feedbackAnswer(w, 'ocasional');
      if (answer) rows.feedback.push({ id: env.newId(), ...stamp(iso(talkAt + 90_000)), customerId, contactId, score: answer.score, notes: answer.notes, userId: by });
    }

    // The entrada on the spot; then each parcela on its due date, until (for a broken one) the customer stops.
    const dueSoFar = agreed.parcelas.filter((p) => env.clock.nextOpenDay(p.dueDate) < env.today).length;
    const firstMissable = terms.downPaymentCents ? 1 : 0;
    const stopsAt = w.chance(0.4) ? w.int(firstMissable, Math.max(firstMissable, dueSoFar - 1)) : agreed.parcelas.length;
    agreed.parcelas.forEach((p, k) => {
      const day = env.clock.nextOpenDay(p.dueDate);
      if (k >= stopsAt || day >= env.today || (lastPayment && day < lastPayment)) return;
      const items = openInstallments(open, day, env.policy);
      const due = items.filter((o) => o.installment.effectiveDueDate <= day);
      if (!due.length) return;
      const { split } = writePayment(day, atCounter(day), items, sumTotals(due), w.weighted(METHODS), k === 0 ? by : clerk());
      apply(items, split, day);
      lastPayment = day;
    });
  }
}

/** Share of maus pagadores who renegotiated some weeks ago (a few percent of the long-overdue debt). */
const AGREEMENT_SHARE = 0.45;

const TALK = new Set<string>(CONVERSATION_OUTCOMES);

/** The parcelas a "due" visit pays: every one due by the visit (or of the oldest due date, paying early). */
const dueBy = (visit: Visit, items: OpenInstallment[]) => items.filter((o) => o.installment.effectiveDueDate <= maxDate(visit.date, items[0].installment.effectiveDueDate));

const sumTotals = (items: OpenInstallment[]) => items.reduce((s, o) => s + o.due.totalCents, 0);

const roundDown = (cents: number, step: number) => Math.floor(cents / step) * step;

/**
 * What the customer hands over: what is due by today (the parcelas the carnê coupons show), everything
 * (quitação), or — the negligente — a round part that never clears the two newest late parcelas.
 */
function visitAmount(d: Dice, visit: Visit, items: OpenInstallment[]): number {
  if (visit.mode === 'payoff') return sumTotals(items);
  // Paying early, the customer brings this month's coupons: every parcela of the oldest due date.
  const due = dueBy(visit, items);
  const total = sumTotals(due);
  if (visit.mode === 'due') return total;
  // A part that leaves at least two parcelas open when two are due ("several parcelas open", DOMAIN.md).
  const n = due.length;
  const last = (k: number) => due[n - k].due.totalCents;
  const untouched = n >= 3 ? last(1) + last(2) : n === 2 ? last(1) + Math.ceil(last(2) * 0.3) : Math.ceil(last(1) * 0.3);
  const cap = total - untouched;
  const amount = Math.min(Math.max(roundDown(total * (0.25 + 0.35 * d.float()), 1000), 2000), cap);
  if (amount >= 1000) return roundDown(amount, 1000);
  // Too little left to split: what can be paid, or the oldest parcela off, so every visit moves the story on.
  return cap > 0 ? cap : due[0].due.totalCents;
}

/** A promise that will break: the whole amount quoted, or (negligente) a round part of it. */
function brokenPromiseAmount(d: Dice, partial: boolean, quoted: number): number {
  if (!partial) return quoted;
  return Math.max(Math.min(quoted, 2000), roundDown(quoted * (0.3 + 0.3 * d.float()), 1000));
}
