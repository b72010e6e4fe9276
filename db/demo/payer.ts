import { maxDate, type IsoDate } from '../../shared/dates';
import { plusDays, daysFrom } from './days';
import type { Dice } from './random';
import type { CustomerPlan } from './sales-plan';

/** How the customer pays at a visit: what is due (the usual), everything (quitação), or a part. */
export type VisitMode = 'due' | 'payoff' | 'partial';

export interface Visit {
  date: IsoDate;
  mode: VisitMode;
}

/** The parcela the customer is paying next: the oldest open one (DOMAIN.md payment order). */
export interface Target {
  effectiveDueDate: IsoDate;
  saleDate: IsoDate;
}

/**
 * When each profile comes to pay (DOMAIN.md "Debtor profiles"). A lag is drawn once per due date and kept:
 * the parcelas of several carnês falling due the same day are paid together, and a sale made meanwhile
 * never changes a visit already decided.
 *
 * - em dia: a week early to 3 days late (inside the grace period); nothing left late at the end.
 * - novo: like em dia, unless the first parcela is the first delay.
 * - ocasional: on time, except one late episode in the last year (chosen in sales-plan.ts), past or going on now.
 * - crônico: 3 of every 4 due dates 6–35 days late (never reaching the next one), the 4th on time; always pays in the end.
 * - negligente: like crônico, then from `messyFrom` comes every 12–35 days and pays a part.
 * - mau pagador: like crônico until `stopDate`, then never again.
 */
export class Payer {
  /** the decision for each effective due date */
  private readonly lags = new Map<IsoDate, { lag: number; mode: VisitMode }>();
  /** position of each due date in the story (crônico's rhythm) */
  private readonly ordinal = new Map<IsoDate, number>();
  /** negligente: days between visits, drawn once per visit */
  private messyGap: { after: IsoDate; days: number } | null = null;
  private readonly messyLag = new Map<IsoDate, number>();

  constructor(
    private readonly d: Dice,
    private readonly plan: CustomerPlan,
    private readonly today: IsoDate,
    private readonly graceDays: number,
    private readonly nextOpenDay: (date: IsoDate) => IsoDate,
  ) {}

  /**
   * The next visit to pay, given the oldest open parcela, the last payment and the effective due dates of
   * the open parcelas (sorted); null when there is none.
   */
  next(target: Target, lastPayment: IsoDate | null, dues: IsoDate[]): Visit | null {
    const D = target.effectiveDueDate;
    const p = this.plan;
    if (!this.ordinal.has(D)) this.ordinal.set(D, this.ordinal.size);
    const k = this.ordinal.get(D)!;

    if (p.profile === 'negligente' && p.messyFrom && (D >= p.messyFrom || (lastPayment && lastPayment >= p.messyFrom))) {
      // Comes every 12–35 days, and never before the oldest parcela is a few days late.
      const after = lastPayment ?? p.messyFrom;
      if (this.messyGap?.after !== after) this.messyGap = { after, days: this.d.int(12, 35) };
      if (!this.messyLag.has(D)) this.messyLag.set(D, this.d.int(3, 12));
      return { date: this.settle(target, lastPayment, maxDate(plusDays(after, this.messyGap.days), plusDays(D, this.messyLag.get(D)!))), mode: 'partial' };
    }

    let plan = this.lags.get(D);
    if (!plan) {
      const nextDue = dues.find((x) => x > D);
      plan = this.draw(D, k, dues.length, nextDue ? daysFrom(D, nextDue) : null);
      this.lags.set(D, plan);
    }
    let date = this.settle(target, lastPayment, plusDays(D, plan.lag));
    // Good payers stay inside the grace period even when a Sunday or a feriado moves the visit, and leave
    // nothing late at the end of the story: then the parcela is paid on its due date.
    const punctual = p.profile === 'em_dia' || (p.profile === 'novo' && !(k === 0 && p.lateFirst)) || (p.profile === 'ocasional' && plan.lag <= 0);
    if (punctual && (daysFrom(D, date) > this.graceDays || (D < this.today && date >= this.today))) date = maxDate(D, lastPayment ?? D);
    if (p.stopDate && date > p.stopDate) return null;
    return { date, mode: plan.mode };
  }

  /** `gap`: days to the next due date, which a late visit does not reach (it would sweep that one along). */
  private draw(D: IsoDate, k: number, openCount: number, gap: number | null): { lag: number; mode: VisitMode } {
    const d = this.d;
    const onTime = () => d.weighted([[-d.int(1, 7), 40], [0, 30], [d.int(1, 3), 30]] as const);
    const late = (min: number, max: number) => d.int(min, Math.max(min, Math.min(max, gap === null ? max : gap - 3)));
    switch (this.plan.profile) {
      case 'em_dia': {
        // December's 13º salário: some good payers settle everything early (with the discount, CDC art. 52 §2).
        const payoff = openCount >= 3 && (D.slice(5, 7) === '12' ? d.chance(0.12) : d.chance(0.01));
        return { lag: payoff ? -d.int(5, 20) : onTime(), mode: payoff ? 'payoff' : 'due' };
      }
      case 'novo':
        if (k === 0 && this.plan.lateFirst === 'open') return { lag: daysFrom(D, this.today) + d.int(1, 20), mode: 'due' };
        return { lag: k === 0 && this.plan.lateFirst === 'paid' ? d.int(6, 40) : onTime(), mode: 'due' };
      case 'ocasional': {
        const e = this.plan.episode;
        if (e && D === e.due) return { lag: e.lag, mode: 'due' };
        return { lag: Math.min(onTime(), 0), mode: 'due' };
      }
      case 'cronico':
      case 'negligente':
        // Three of every four due dates late: the last six parcelas hold at least three late ones.
        return { lag: k % 4 !== 3 ? late(6, 35) : d.int(-3, 0), mode: 'due' };
      case 'mau_pagador':
        return { lag: d.chance(0.6) ? late(5, 45) : d.int(-3, 3), mode: 'due' };
    }
  }

  /** A visit happens on an open day, after the last payment and never before the sale. */
  private settle(target: Target, lastPayment: IsoDate | null, date: IsoDate): IsoDate {
    let day = maxDate(date, target.saleDate);
    if (lastPayment) day = maxDate(day, lastPayment);
    return this.nextOpenDay(day);
  }
}
