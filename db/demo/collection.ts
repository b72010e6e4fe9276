import { formatDateBR, type IsoDate } from '../../shared/dates';
import { plusDays, daysFrom } from './days';
import { formatBRL } from '../../shared/money';
import type { Dice } from './random';
import type { DemoClock } from './moments';
import type { DemoProfile } from './profiles';
import { mobile, type DemoPhone } from './person';
import type { ContactRow, PromiseRow } from './rows';

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
const CALLBACK_NOTES = ['Estava no trabalho; pediu para ligar mais tarde.', 'Pediu retorno depois das 18h.', 'Estava dirigindo; pediu para ligar amanhã.', 'Atendeu um parente; retornar outro horário.'];
const LATER_NOTES = ['Recebe só no fim do mês; pediu para ligar perto do dia.', 'Está esperando um pagamento; pediu retorno na semana que vem.', 'Pediu para ligar de novo perto do dia do pagamento.'];
const REFUSED_NOTES = ['Disse que não tem como pagar agora e encerrou a ligação.', 'Diz que só consegue pagar quando arrumar serviço.', 'Disse que não vai pagar os juros; quer falar com o dono.'];
const DISPUTE_NOTES = ['Diz que o produto veio com defeito; encaminhado à assistência técnica.', 'Diz que já pagou esta parcela; pedimos o comprovante.'];
const CAUSES: Record<DemoProfile, string[]> = {
  novo: ['Confirmou que o produto chegou e está funcionando.', 'Não tinha entendido onde pagar; explicamos o carnê e o PIX.'],
  em_dia: ['Esqueceu o vencimento.'],
  ocasional: ['Esqueceu o vencimento; pediu desculpas.', 'Teve um gasto com remédio este mês.', 'O salário atrasou.'],
  cronico: ['Recebe só depois do vencimento.', 'O salário cai no dia 20.', 'Mês apertado de novo.'],
  negligente: ['Disse que se enrolou com as contas.', 'Vai pagar uma parte agora e o resto depois.', 'Está fazendo bicos; renda incerta.'],
  mau_pagador: ['Ficou desempregado.', 'Diz que está sem renda no momento.', 'Mudou de emprego e ainda não recebeu.'],
};

/**
 * The collection calls and promises of one customer, written as the episodes of the payment history are
 * known. Follows the default call policy (DOMAIN.md): calls only after the grace period, inside the
 * calling window, at most one a day and about two a week, a pause after a conversation unless a promise
 * broke or the customer asked for a callback, none for "não ligar", none to a number known to be wrong.
 * Profiles other than mau pagador never break two promises in the last 90 days (that would make them one).
 */
export class CollectionLog {
  readonly contacts: ContactRow[] = [];
  readonly promises: PromiseRow[] = [];
  private made: PromiseMade[] = [];
  private lastCallDay: IsoDate | null = null;
  private noAnswersInARow = 0;
  private stopped = false;

  constructor(
    private readonly d: Dice,
    private readonly clock: DemoClock,
    private readonly profile: DemoProfile,
    private readonly customerId: string,
    private readonly phones: DemoPhone[],
    private readonly phoneIds: string[],
    private readonly doNotCall: boolean,
    private readonly keyCustomer: boolean,
    private readonly callers: CallerIds,
    private readonly today: IsoDate,
    private readonly device: string,
    private readonly newId: () => string,
  ) {}

  /** The earliest day a new episode may call: the day after the last call. */
  private notBefore(day: IsoDate): IsoDate {
    return this.lastCallDay && this.lastCallDay >= day ? plusDays(this.lastCallDay, 1) : day;
  }

  /** Calls from `from` until the visit (or today); returns the minute of a call in which the customer paid by PIX. */
  episode(input: EpisodeInput): { paidOnCallMinute: number | null } {
    const maxAttempts = this.profile === 'mau_pagador' ? 8 : 4;
    let day = this.clock.nextCallDay(this.notBefore(input.from));
    for (let attempt = 0; attempt < maxAttempts && day < input.until && day < this.today; attempt++) {
      if (this.doNotCall || this.stopped) break;
      const phone = this.phones.findIndex((p) => !p.wrongNumber);
      if (phone < 0) break;
      const minute = this.clock.callMinute(this.d, day);
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
          this.phoneIds.push(this.newId());
          day = this.clock.nextCallDay(addedOn);
        }
        continue;
      }
      // An ocasional customer often calls the store first, worried about the delay.
      const inbound = this.profile === 'ocasional' && attempt === 0 && !!input.visit && this.d.chance(0.3);
      if (!inbound && !this.d.chance(ANSWERS[this.profile])) {
        this.noAnswersInARow++;
        this.contact(day, minute, phone, 'phone', 'no_answer', this.d.pick(NO_ANSWER_NOTES));
        if (this.noAnswersInARow === 2 && this.phones[phone].whatsapp) {
          this.contact(day, minute + 2, phone, 'whatsapp', 'message_sent', 'Lembrete amigável pelo WhatsApp, com o valor atualizado e a chave PIX.');
        }
        day = spacing(2, 4);
        continue;
      }
      this.noAnswersInARow = 0;
      const cause = this.d.chance(0.6) ? `${this.d.pick(CAUSES[this.profile])} ` : '';

      if (input.visit) {
        const visit = input.visit.date;
        const daysLeft = daysFrom(day, visit);
        if (daysLeft >= 4 && this.wantsToBreak(day)) {
          const date = this.clock.nextOpenDay(plusDays(day, this.d.int(2, Math.min(6, daysLeft - 2))));
          // Broken beyond doubt: not even a payment the next morning (the one day of slack promises get).
          if (date < plusDays(visit, -1)) {
            this.promise(day, minute, phone, date, input.brokenAmount(day), false, cause, inbound);
            day = this.clock.nextCallDay(plusDays(date, this.d.int(1, 2)));
            continue;
          }
        }
        if (daysLeft > 12) {
          // Too far from the day the money comes in: pin the date closer to it (CALLS.md: "ideally payday").
          this.contact(day, minute, phone, 'phone', 'callback', `${cause}${this.d.pick(LATER_NOTES)}`);
          day = this.clock.nextCallDay(plusDays(visit, -this.d.int(2, 6)));
          continue;
        }
        if (this.profile === 'negligente' && this.d.chance(0.25)) {
          // "Vou ver" is not a promise (CALLS.md stage 6): recorded as a callback, no date, no amount.
          this.contact(day, minute, phone, 'phone', 'callback', `${cause}Disse que vai ver quanto consegue pagar; não marcou data.`);
          return { paidOnCallMinute: null };
        }
        if (daysLeft >= 3 && this.d.chance(0.12)) {
          this.contact(day, minute, phone, 'phone', 'callback', this.d.pick(CALLBACK_NOTES));
          day = this.clock.nextCallDay(plusDays(day, this.d.int(1, 3)));
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

      // Still open today: the promise is pending, or it already broke (its day and the day of slack passed).
      const outcome =
        this.profile === 'mau_pagador'
          ? this.d.weighted([['promise', 45], ['refused', 25], ['callback', 22], ['dispute', 3]] as const)
          : this.d.weighted([['promise', 70], ['callback', 30]] as const);
      if (outcome === 'promise') {
        const date = this.clock.nextOpenDay(plusDays(day, this.d.int(2, 7)));
        const breaks = plusDays(date, 1) < this.today;
        if (!breaks || (this.mayBreak(date) && (this.profile !== 'negligente' || this.wantsToBreak(day)))) {
          this.promise(day, minute, phone, date, input.brokenAmount(day), breaks ? false : null, cause, false);
          if (!breaks) break;
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
        // A dispute pauses collection (DOMAIN.md): no more calls.
        this.contact(day, minute, phone, 'phone', 'dispute', this.d.pick(DISPUTE_NOTES));
        this.stopped = true;
        break;
      }
      this.contact(day, minute, phone, 'phone', 'callback', this.d.pick(CALLBACK_NOTES));
      day = spacing(1, 3);
    }
    return { paidOnCallMinute: null };
  }

  /** Promise-kept counts, for the negligente's 40–80% and the report. */
  keptRate(): { kept: number; broken: number } {
    return { kept: this.made.filter((p) => p.kept === true).length, broken: this.made.filter((p) => p.kept === false).length };
  }

  /**
   * Two broken promises in the last 90 days make a mau pagador (DOMAIN.md; shared/profile.ts counts them
   * back from today), so other profiles break a second one only outside that window.
   */
  private mayBreak(date: IsoDate): boolean {
    if (this.profile === 'mau_pagador') return true;
    const window = plusDays(this.today, -91);
    return date <= window || !this.made.some((p) => p.kept === false && p.date > window);
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
    return this.keyCustomer || this.d.chance(0.15) ? this.callers.owner : this.d.pick(this.callers.clerks);
  }

  private contact(day: IsoDate, minute: number, phone: number, channel: ContactRow['channel'], outcome: string, notes: string | null, inbound = false, userId = this.caller()): string {
    const at = this.clock.at(day, minute);
    const id = this.newId();
    this.contacts.push({ id, createdAt: at, updatedAt: at, device: this.device, customerId: this.customerId, userId, phoneId: this.phoneIds[phone], channel, outcome, at, inbound, notes, objectionIds: null });
    this.lastCallDay = day;
    return id;
  }

  private promise(day: IsoDate, minute: number, phone: number, date: IsoDate, amountCents: number, kept: boolean | null, cause: string, inbound: boolean): void {
    const where = this.d.chance(0.5) ? 'na loja' : 'por PIX';
    const userId = this.caller();
    const notes = `${cause}Combinou pagar ${formatBRL(amountCents)} em ${formatDateBR(date)}, ${where}.`;
    const contactId = this.contact(day, minute, phone, inbound && this.d.chance(0.5) ? 'whatsapp' : 'phone', 'promise', notes, inbound, userId);
    const at = this.clock.at(day, minute);
    this.promises.push({ id: this.newId(), createdAt: at, updatedAt: at, device: this.device, customerId: this.customerId, contactId, date, amountCents, createdBy: userId });
    this.made.push({ date, kept });
  }
}
