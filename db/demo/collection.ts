import { formatDateBR, type IsoDate } from '../../shared/dates';
import { plusDays, daysFrom, weekdayOf } from './days';
import { formatBRL } from '../../shared/money';
import type { Dice } from './random';
import type { DemoClock } from './moments';
import type { DemoProfile } from './profiles';
import { mobile, type DemoPhone } from './person';
import type { ContactRow, PromiseRow, DisputeRow } from './rows';
import { objectionsHeard } from './objections-heard';

/** A promise as the customer's history needs it: kept ones are followed by a payment by `date`. */
interface PromiseMade {
  date: IsoDate;
  kept: boolean | null;
}

export interface CallerIds {
  owner: string;
  clerks: string[];
}

export interface EpisodeInput {
  /** first day a call may happen (grace over, and a few days after the last payment) */
  from: IsoDate;
  /** the day the customer pays (exclusive), or today when the parcela is still open */
  until: IsoDate;
  /** the episode ends with this visit to pay; absent when the customer has not paid yet */
  visit?: { date: IsoDate };
  /** amount of a kept promise: what the customer will really pay (negligente: a part) */
  keptAmount(date: IsoDate): number;
  /** amount of a promise that will break */
  brokenAmount(date: IsoDate): number;
}

// How each profile answers the phone and keeps its word (CALLS.md "By profile"; DOMAIN.md profiles).
const ANSWERS: Record<DemoProfile, number> = { novo: 0.7, em_dia: 0.9, ocasional: 0.8, cronico: 0.6, negligente: 0.55, mau_pagador: 0.3 };
const KEEPS: Record<DemoProfile, number> = { novo: 0.85, em_dia: 0.95, ocasional: 0.9, cronico: 0.75, negligente: 0.6, mau_pagador: 0.5 };

const NO_ANSWER_NOTES = [null, null, 'Caixa postal.', 'Chamou até cair.', 'Telefone desligado.'];
/**
 * A callback the customer asked for, with the time they chose (contacts.callback_at): the next call happens
 * then. `from`–`to` are minutes after midnight; `weekdaysOnly`: after 18h there is no calling on Saturdays.
 */
interface CallbackAsked {
  note: string;
  from: number;
  to: number;
  weekdaysOnly?: boolean;
  /** open days ahead (default 1: the next one) */
  days?: number;
}
const CALLBACKS: CallbackAsked[] = [
  { note: 'Estava no trabalho; pediu para ligar {quando} depois das 18h.', from: 1080, to: 1140, weekdaysOnly: true },
  { note: 'Estava dirigindo; pediu para ligar {quando} de manhã.', from: 540, to: 660 },
  { note: 'Pediu para ligar {quando} no horário do almoço.', from: 720, to: 780 },
  { note: 'Estava no médico; pediu para ligar {quando} à tarde.', from: 840, to: 960, weekdaysOnly: true },
  { note: 'Está viajando a trabalho; pediu para ligar {quando}, à tarde.', from: 840, to: 1020, weekdaysOnly: true, days: 2 },
  { note: 'Recebe o pagamento {quando}; pediu para ligar nesse dia de manhã.', from: 540, to: 690, days: 2 },
];
const WEEKDAY_AT = ['no domingo', 'na segunda-feira', 'na terça-feira', 'na quarta-feira', 'na quinta-feira', 'na sexta-feira', 'no sábado'];
/** How the customer said the day: "amanhã", "depois de amanhã", or its weekday when a Sunday or feriado is between. */
function whenSaid(day: IsoDate, next: IsoDate, asked: number): string {
  const gap = daysFrom(day, next);
  return gap === 1 ? 'amanhã' : gap === 2 && asked === 2 ? 'depois de amanhã' : WEEKDAY_AT[weekdayOf(next)];
}
const LATER_NOTES = ['Recebe só no fim do mês; pediu para ligar no dia {dia}.', 'Está esperando um pagamento; pediu retorno no dia {dia}.', 'Pediu para ligar de novo no dia {dia}, perto do pagamento.'];
const THIRD_PARTY_NOTES = ['Atendeu um parente; nada foi informado. Tentar outro horário.', 'Atendeu uma colega de trabalho; só pedimos que o cliente retorne, sem dizer o assunto.'];
const REFUSED_NOTES = ['Disse que não tem como pagar agora e encerrou a ligação.', 'Diz que só consegue pagar quando arrumar serviço.', 'Disse que não vai pagar os juros; quer falar com o dono.'];
type DisputeKind = DisputeRow['kind'];
// What the customer says and, for a dispute settled before paying, how the owner resolved it (CALLS.md objections).
const DISPUTES: { kind: DisputeKind; weight: number; note: string; resolution: string }[] = [
  { kind: 'defect', weight: 40, note: 'Diz que o produto veio com defeito; encaminhado à assistência técnica.', resolution: 'A assistência técnica consertou o produto; cliente satisfeito, voltou a pagar.' },
  { kind: 'payment_check', weight: 30, note: 'Diz que já pagou esta parcela; pedimos o comprovante.', resolution: 'Comprovante conferido: era de outra parcela. Explicamos ao cliente, que concordou.' },
  { kind: 'not_received', weight: 15, note: 'Diz que parte da mercadoria não foi entregue; conferindo com a equipe de entrega.', resolution: 'Entrega da parte que faltava feita; cliente confirmou o recebimento.' },
  { kind: 'not_recognized', weight: 10, note: 'Não reconhece uma das compras do carnê; pedimos para vir à loja conferir a via assinada.', resolution: 'Cliente veio à loja, conferiu a via assinada e reconheceu a compra (foi a filha).' },
  { kind: 'other', weight: 5, note: 'Reclama do atendimento na entrega; pediu para falar com a dona da loja.', resolution: 'A dona conversou com o cliente e pediu desculpas; assunto encerrado.' },
];
const CAUSES: Record<DemoProfile, string[]> = {
  novo: ['Confirmou que o produto chegou e está funcionando.', 'Não tinha entendido onde pagar; explicamos o carnê e o PIX.'],
  em_dia: ['Esqueceu o vencimento.'],
  ocasional: ['Esqueceu o vencimento; pediu desculpas.', 'Teve um gasto com remédio este mês.', 'O salário atrasou.'],
  cronico: ['Recebe só depois do vencimento.', 'O salário cai no dia 20.', 'Mês apertado de novo.'],
  negligente: ['Disse que se enrolou com as contas.', 'Vai pagar uma parte agora e o resto depois.', 'Está fazendo bicos; renda incerta.'],
  mau_pagador: ['Ficou desempregado.', 'Diz que está sem renda no momento.', 'Mudou de emprego e ainda não recebeu.'],
};

export interface CollectionSetup {
  d: Dice;
  /** a stream apart from `d`: whether the clerk ticked the objections heard (adding it changes no call) */
  ticks: Dice;
  clock: DemoClock;
  profile: DemoProfile;
  customerId: string;
  phones: DemoPhone[];
  phoneIds: string[];
  doNotCall: boolean;
  keyCustomer: boolean;
  callers: CallerIds;
  today: IsoDate;
  device: string;
  newId: () => string;
  /** the day the customer agreed to WhatsApp messages (CONVENTIONS.md); null: never, or opted out */
  optInDay: IsoDate | null;
  /** settings.policy.promiseToleranceDays: a promise is broken only once its date plus these days passed */
  toleranceDays: number;
}

/**
 * The collection calls and promises of one customer, written as the episodes of the payment history are
 * known. Follows the default call policy (DOMAIN.md): calls only after the grace period, inside the
 * calling window, at most one a day and about two a week, a pause after a conversation unless a promise
 * broke or the customer asked for a callback (then the next call is at the time they chose), none for
 * "não ligar", none to a number known to be wrong, none while a dispute is open.
 * Promises follow shared/collection/promises.ts: kept when the payments from the day it was made reach the
 * share by its date plus the tolerance; broken after that. Profiles other than mau pagador never break two
 * promises in the last 90 days (that would make them one).
 */
export class CollectionLog {
  readonly contacts: ContactRow[] = [];
  readonly promises: PromiseRow[] = [];
  readonly disputes: DisputeRow[] = [];
  private made: PromiseMade[] = [];
  private lastCallDay: IsoDate | null = null;
  /** the minute the customer chose for the next call (a callback with a time) */
  private nextMinute: number | null = null;
  private noAnswersInARow = 0;
  private stopped = false;
  private readonly d: Dice;
  private readonly clock: DemoClock;
  private readonly profile: DemoProfile;
  private readonly phones: DemoPhone[];
  private readonly phoneIds: string[];
  private readonly today: IsoDate;
  private readonly tolerance: number;

  constructor(private readonly s: CollectionSetup) {
    ({ d: this.d, clock: this.clock, profile: this.profile, phones: this.phones, phoneIds: this.phoneIds, today: this.today, toleranceDays: this.tolerance } = s);
  }

  /** The earliest day a new episode may call: the day after the last call. */
  private notBefore(day: IsoDate): IsoDate {
    return this.lastCallDay && this.lastCallDay >= day ? plusDays(this.lastCallDay, 1) : day;
  }

  /** Calls from `from` until the visit (or today); returns the minute of a call in which the customer paid by PIX. */
  episode(input: EpisodeInput): { paidOnCallMinute: number | null } {
    const maxAttempts = this.profile === 'mau_pagador' ? 8 : 4;
    let day = this.clock.nextCallDay(this.notBefore(input.from));
    this.nextMinute = null;
    // A time the customer chose is kept even after the episode's attempts are used up.
    for (let attempt = 0; (attempt < maxAttempts || this.nextMinute !== null) && day < input.until && day < this.today; attempt++) {
      if (this.s.doNotCall || this.stopped) break;
      const phone = this.phones.findIndex((p) => !p.wrongNumber);
      if (phone < 0) break;
      const minute = this.nextMinute ?? this.clock.callMinute(this.d, day);
      this.nextMinute = null;
      const late = daysFrom(input.from, day);
      const spacing = (min: number, max: number) => this.clock.nextCallDay(plusDays(day, late > 60 ? this.d.int(15, 30) : this.d.int(min, max)));

      if (this.noAnswersInARow >= 2 && this.d.chance(0.02)) {
        this.contact(day, minute, phone, 'phone', 'wrong_number', 'Número não pertence ao cliente; removido da lista de ligações.');
        this.phones[phone].wrongNumber = true;
        day = this.clock.nextCallDay(plusDays(day, 1));
        if (this.phones.length < 5 && this.d.chance(0.7)) {
          // Most customers give a new number at their next visit to the store.
          const addedOn = plusDays(day, this.d.int(3, 20));
          this.phones.push({ number: mobile(this.d, this.phones[phone].number.slice(0, 2)), whatsapp: this.phones.some((p) => p.whatsapp) && this.d.chance(0.8), wrongNumber: false, addedOn });
          this.phoneIds.push(this.s.newId());
          day = this.clock.nextCallDay(addedOn);
        }
        continue;
      }
      // An ocasional customer often calls the store first, worried about the delay.
      const inbound = this.profile === 'ocasional' && attempt === 0 && !!input.visit && this.d.chance(0.3);
      if (!inbound && !this.d.chance(ANSWERS[this.profile])) {
        this.noAnswersInARow++;
        // Someone else picks up now and then: nothing is said about the debt (CALLS.md), it counts as an attempt.
        if (this.d.chance(0.06)) this.contact(day, minute, phone, 'phone', 'third_party', this.d.pick(THIRD_PARTY_NOTES));
        else this.contact(day, minute, phone, 'phone', 'no_answer', this.d.pick(NO_ANSWER_NOTES));
        const wa = this.phones.findIndex((p) => p.whatsapp && !p.wrongNumber);
        if (this.noAnswersInARow === 2 && wa >= 0 && this.optedIn(day)) {
          this.contact(day, minute + 2, wa, 'whatsapp', 'message_sent', 'Lembrete amigável pelo WhatsApp, com o valor atualizado e a chave PIX.');
        }
        day = spacing(2, 4);
        continue;
      }
      this.noAnswersInARow = 0;
      const cause = this.d.chance(0.6) ? `${this.d.pick(CAUSES[this.profile])} ` : '';

      if (input.visit) {
        const visit = input.visit.date;
        const daysLeft = daysFrom(day, visit);
        if (daysLeft >= this.tolerance + 4 && this.wantsToBreak(day)) {
          const date = this.clock.nextOpenDay(plusDays(day, this.d.int(2, Math.min(6, daysLeft - this.tolerance - 2))));
          // Broken beyond doubt: the visit to pay comes after the promise's date plus the tolerance.
          if (plusDays(date, this.tolerance) < visit) {
            this.promise(day, minute, phone, date, input.brokenAmount(day), false, cause, inbound);
            day = this.clock.nextCallDay(plusDays(date, this.d.int(1, 2)));
            continue;
          }
        }
        if (!inbound && daysLeft >= 6 && this.d.chance(0.015)) {
          // A complaint before paying: collection pauses until the owner settles it, then the customer pays.
          this.dispute(day, minute, phone, plusDays(day, this.d.int(1, daysLeft - 1)));
          return { paidOnCallMinute: null };
        }
        if (daysLeft > 12) {
          // Too far from the day the money comes in: pin the date closer to it (CALLS.md: "ideally payday").
          const next = this.clock.nextCallDay(plusDays(visit, -this.d.int(2, 6)));
          const at = this.clock.callMinute(this.d, next);
          this.contact(day, minute, phone, 'phone', 'callback', `${cause}${this.d.pick(LATER_NOTES).replace('{dia}', formatDateBR(next))}`, false, undefined, { day: next, minute: at });
          day = next;
          this.nextMinute = at;
          continue;
        }
        if (this.profile === 'negligente' && this.d.chance(0.25)) {
          // "Vou ver" is not a promise (CALLS.md stage 6): recorded as a callback, no date, no amount.
          this.contact(day, minute, phone, 'phone', 'callback', `${cause}Disse que vai ver quanto consegue pagar; não marcou data.`);
          return { paidOnCallMinute: null };
        }
        if (daysLeft >= 3 && this.d.chance(0.12)) {
          day = this.callback(day, minute, phone);
          continue;
        }
        if (!inbound && this.d.chance(0.2)) {
          // On the day the customer pays, the clerk calls and the customer pays by PIX during the call.
          const callMinute = this.clock.callMinute(this.d, visit);
          this.contact(visit, callMinute, phone, 'phone', 'paid', `${cause}Pagou por PIX durante a ligação.`);
          return { paidOnCallMinute: callMinute };
        }
        this.promise(day, minute, phone, plusDays(visit, this.d.int(0, 2)), input.keptAmount(day), true, cause, inbound);
        return { paidOnCallMinute: null };
      }

      // Still open today: the promise is pending (its date is today or later), late (its date passed, the
      // tolerance still runs: today's list follows it up first), or broken.
      const outcome =
        this.profile === 'mau_pagador'
          ? this.d.weighted([['promise', 45], ['refused', 25], ['callback', 22], ['dispute', 3]] as const)
          : this.d.weighted([['promise', 70], ['callback', 30], ['dispute', 1.5]] as const);
      if (outcome === 'promise') {
        let date = this.clock.nextOpenDay(plusDays(day, this.d.int(2, 7)));
        // Promises made in the last days before today name days of the coming week, not only its first.
        if (date <= this.today && daysFrom(day, this.today) <= 6 && this.d.chance(0.4)) date = this.clock.nextOpenDay(plusDays(this.today, this.d.int(1, 3)));
        const passed = date < this.today;
        const broken = plusDays(date, this.tolerance) < this.today;
        if (!passed || (this.mayBreak(date) && (this.profile !== 'negligente' || this.wantsToBreak(day)))) {
          this.promise(day, minute, phone, date, input.brokenAmount(day), broken ? false : null, cause, false);
          if (!broken) break;
          day = this.clock.nextCallDay(plusDays(date, this.d.int(1, 3)));
          continue;
        }
      }
      if (outcome === 'refused') {
        this.contact(day, minute, phone, 'phone', 'refused', `${cause}${this.d.pick(REFUSED_NOTES)}`);
        day = spacing(7, 15);
        continue;
      }
      if (outcome === 'dispute') {
        // A dispute pauses collection (DOMAIN.md) until the owner resolves it: still open today.
        this.dispute(day, minute, phone, null);
        this.stopped = true;
        break;
      }
      day = this.callback(day, minute, phone, late > 60);
    }
    return { paidOnCallMinute: null };
  }

  /**
   * The customer came to the store and made an agreement (DOMAIN.md "Agreement"): a conversation in person,
   * by the person who made it. Returns the contact's id.
   */
  agreementVisit(day: IsoDate, minute: number, userId: string, notes: string): string {
    const at = this.clock.at(day, minute);
    const id = this.s.newId();
    const objections = objectionsHeard('agreement', notes);
    const ticked = objections.length && this.s.ticks.chance(0.85) ? objections : null;
    this.contacts.push({
      id,
      createdAt: at,
      updatedAt: at,
      device: this.s.device,
      customerId: this.s.customerId,
      userId,
      phoneId: null,
      channel: 'in_person',
      outcome: 'agreement',
      at,
      inbound: true,
      notes,
      objectionIds: ticked ? JSON.stringify(ticked) : null,
      callbackAt: null,
      callbackChannel: null,
    });
    this.lastCallDay = day;
    this.noAnswersInARow = 0;
    return id;
  }

  /** Whether a dispute is open (collection paused: no agreement either, CALLS.md). */
  hasOpenDispute(): boolean {
    return this.stopped || this.disputes.some((x) => !x.resolvedAt);
  }

  /** The person who would take this customer's call or visit (key customers: the owner). */
  whoAttends(): string {
    return this.caller();
  }

  /** Promise-kept counts, for the negligente's 40–80% and the report. */
  keptRate(): { kept: number; broken: number } {
    return { kept: this.made.filter((p) => p.kept === true).length, broken: this.made.filter((p) => p.kept === false).length };
  }

  private optedIn(day: IsoDate): boolean {
    return this.s.optInDay !== null && this.s.optInDay < day;
  }

  /**
   * The customer asks to be called back: mostly at a time they choose on the next call day (the next call
   * happens then), sometimes without one. Returns the day of the next call.
   */
  private callback(day: IsoDate, minute: number, phone: number, longLate = false): IsoDate {
    if (this.d.chance(0.2)) {
      this.contact(day, minute, phone, 'phone', 'callback', 'Atendeu, mas não podia falar; pediu para ligar outra hora.');
      return this.clock.nextCallDay(plusDays(day, longLate ? this.d.int(15, 30) : this.d.int(1, 3)));
    }
    const asked = this.d.pick(CALLBACKS);
    let next = this.clock.nextCallDay(plusDays(day, 1));
    if (asked.days === 2) next = this.clock.nextCallDay(plusDays(next, 1));
    while (asked.weekdaysOnly && weekdayOf(next) === 6) next = this.clock.nextCallDay(plusDays(next, 1));
    const at = this.d.int(asked.from, asked.to);
    this.contact(day, minute, phone, 'phone', 'callback', asked.note.replace('{quando}', whenSaid(day, next, asked.days ?? 1)), false, undefined, { day: next, minute: at });
    this.nextMinute = at;
    return next;
  }

  /** A dispute conversation and its row; `resolvedOn` null: still open today. */
  private dispute(day: IsoDate, minute: number, phone: number, resolvedOn: IsoDate | null): void {
    const what = this.d.weighted(DISPUTES.map((x) => [x, x.weight] as const));
    const userId = this.caller();
    const contactId = this.contact(day, minute, phone, 'phone', 'dispute', what.note, false, userId, undefined, { disputeKind: what.kind });
    const at = this.clock.at(day, minute + 1);
    const resolvedAt = resolvedOn ? this.clock.at(this.clock.nextOpenDay(resolvedOn), this.d.int(540, 1020)) : null;
    this.disputes.push({
      id: this.s.newId(),
      createdAt: at,
      updatedAt: resolvedAt ?? at,
      device: this.s.device,
      customerId: this.s.customerId,
      contactId,
      kind: what.kind,
      notes: what.note,
      openedBy: userId,
      resolvedAt,
      resolvedBy: resolvedAt ? this.s.callers.owner : null,
      resolution: resolvedAt ? what.resolution : null,
    });
  }

  /**
   * Two broken promises in the last 90 days make a mau pagador (DOMAIN.md; shared/profile.ts counts them
   * back from today), so other profiles break a second one only outside that window.
   */
  private mayBreak(date: IsoDate): boolean {
    if (this.profile === 'mau_pagador') return true;
    const window = plusDays(this.today, -91);
    return date <= window || !this.made.some((p) => p.kept !== true && p.date > window);
  }

  private wantsToBreak(day: IsoDate): boolean {
    const horizon = plusDays(day, 7);
    if (!this.mayBreak(horizon) || !this.mayBreak(day)) return false;
    if (this.profile === 'negligente') {
      // Steered, not drawn: a negligente keeps about 55–65% of promises (DOMAIN.md: 40–80%).
      const { kept, broken } = this.keptRate();
      return kept + broken > 0 && kept / (kept + broken) >= 0.55;
    }
    return !this.d.chance(KEEPS[this.profile]);
  }

  private caller(): string {
    return this.s.keyCustomer || this.d.chance(0.15) ? this.s.callers.owner : this.d.pick(this.s.callers.clerks);
  }

  private contact(
    day: IsoDate,
    minute: number,
    phone: number,
    channel: ContactRow['channel'],
    outcome: string,
    notes: string | null,
    inbound = false,
    userId = this.caller(),
    callback?: { day: IsoDate; minute: number },
    heard?: Parameters<typeof objectionsHeard>[2],
  ): string {
    const at = this.clock.at(day, minute);
    const id = this.s.newId();
    // The guided call asks which objection was heard; most of the time the clerk ticks it.
    const objections = objectionsHeard(outcome, notes, heard);
    const ticked = objections.length && this.s.ticks.chance(0.85) ? objections : null;
    this.contacts.push({
      id,
      createdAt: at,
      updatedAt: at,
      device: this.s.device,
      customerId: this.s.customerId,
      userId,
      phoneId: this.phoneIds[phone],
      channel,
      outcome,
      at,
      inbound,
      notes,
      objectionIds: ticked ? JSON.stringify(ticked) : null,
      callbackAt: callback ? this.clock.at(callback.day, callback.minute) : null,
      callbackChannel: callback ? 'phone' : null,
    });
    this.lastCallDay = day;
    return id;
  }

  private promise(day: IsoDate, minute: number, phone: number, date: IsoDate, amountCents: number, kept: boolean | null, cause: string, inbound: boolean): void {
    const where = this.d.chance(0.5) ? 'na loja' : 'por PIX';
    const userId = this.caller();
    const notes = `${cause}Combinou pagar ${formatBRL(amountCents)} em ${formatDateBR(date)}, ${where}.`;
    const contactId = this.contact(day, minute, phone, inbound && this.d.chance(0.5) ? 'whatsapp' : 'phone', 'promise', notes, inbound, userId, undefined, { promiseDaysAhead: daysFrom(day, date) });
    const at = this.clock.at(day, minute);
    this.promises.push({ id: this.s.newId(), createdAt: at, updatedAt: at, device: this.s.device, customerId: this.s.customerId, contactId, date, amountCents, createdBy: userId });
    this.made.push({ date, kept });
  }
}
