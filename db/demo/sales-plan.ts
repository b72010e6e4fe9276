import { addMonthsClamped, type IsoDate } from '../../shared/dates';
import { plusDays, daysFrom } from './days';
import { planInstallments } from '../../shared/ledger/plan';
import type { Dice } from './random';
import type { DemoClock } from './moments';
import type { DemoProfile } from './profiles';
import { PRODUCTS, MONTHLY_RATES, type Product } from './catalog';

/** A crediário sale as the counter would type it (sales.create). */
export interface PlannedSale {
  date: IsoDate;
  description: string;
  totalCents: number;
  downPaymentCents: number;
  installmentCount: number;
  monthlyRatePct: number;
  firstDueDate: IsoDate;
}

/** What the customer buys and the knobs of how they pay (read by payer.ts). */
export interface CustomerPlan {
  profile: DemoProfile;
  sales: PlannedSale[];
  /** mau pagador: no visit to pay after this day */
  stopDate?: IsoDate;
  /** negligente: from this day on, pays bits at irregular intervals */
  messyFrom?: IsoDate;
  /** ocasional: the one late episode of the last 12 months: the parcelas due on `due` are paid `lag` days late */
  episode?: { due: IsoDate; lag: number };
  /** novo: the first parcela was paid late, or is late right now (the first delay, CALLS.md) */
  lateFirst?: 'paid' | 'open';
}

const MIN_INSTALLMENT_CENTS = 3000; // no carnê with parcelas under R$ 30

/** The first day-of-month `dueDay` at least 25 days after the sale: "primeira parcela para 30 dias". */
function firstDue(date: IsoDate, dueDay: number): IsoDate {
  const earliest = plusDays(date, 25);
  const day = Number(earliest.slice(8, 10));
  const month = `${earliest.slice(0, 7)}-${String(dueDay).padStart(2, '0')}`;
  return day <= dueDay ? month : addMonthsClamped(month, 1);
}

function priceCents(d: Dice, p: Product): number {
  // Price tags end in ,90: R$ 1.899,90.
  const reais = Math.round(d.int(p.minReais, p.maxReais) / 10) * 10 - 1;
  return reais * 100 + 90;
}

function makeSale(d: Dice, date: IsoDate, preferredDueDay: number, minCount = 1): PlannedSale {
  // Cheap things cannot be split in many parcelas of at least R$ 30.
  const choices = PRODUCTS.filter((p) => p.maxInstallments >= minCount && p.minReais * 100 >= minCount * MIN_INSTALLMENT_CENTS * 1.2);
  // Half the carnês fall due on the customer's payday; the others a month after the purchase, same day.
  const dueDay = d.chance(0.5) ? preferredDueDay : Math.min(28, Number(date.slice(8, 10)));
  const product = d.weighted(choices.map((p) => [p, p.weight] as const));
  let description = product.description;
  let total = priceCents(d, product);
  let max = product.maxInstallments;
  if (d.chance(0.1)) {
    // Two things in one carnê, as when a family sets up a house.
    const other = d.weighted(PRODUCTS.filter((p) => p !== product).map((p) => [p, p.weight] as const));
    description = `${description} e ${other.description.charAt(0).toLowerCase()}${other.description.slice(1)}`;
    total += priceCents(d, other);
    max = Math.max(max, other.maxInstallments);
  }
  const down = d.chance(0.3) ? Math.round((total * (0.1 + 0.2 * d.float())) / 1000) * 1000 : 0;
  const financed = total - down;
  const options = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].filter((n) => n >= minCount && n <= max && financed / n >= MIN_INSTALLMENT_CENTS);
  const count = options.length
    ? d.weighted(options.map((n) => [n, n === max ? 5 : n === 10 || n === 12 ? 3 : n === 6 || n === 5 || n === 3 ? 2 : 1] as const))
    : Math.max(1, Math.min(max, Math.floor(financed / MIN_INSTALLMENT_CENTS)));
  // Most carnês are "sem juros"; long ones are often Tabela Price at 2–4% a.m.
  const withInterest = count >= 6 ? d.chance(0.35) : count >= 4 ? d.chance(0.1) : false;
  return {
    date,
    description,
    totalCents: total,
    downPaymentCents: down,
    installmentCount: count,
    monthlyRatePct: withInterest ? d.pick(MONTHLY_RATES) : 0,
    firstDueDate: firstDue(date, dueDay),
  };
}

/** Purchases from `from` until `until` (exclusive), months apart; the store only sells on open days. */
function regularSales(d: Dice, clock: DemoClock, from: IsoDate, until: IsoDate, preferredDueDay: number, firstMinCount = 1): PlannedSale[] {
  const out: PlannedSale[] = [];
  for (let day = from; day < until; day = plusDays(day, 60 + Math.round(600 * d.float() ** 1.3))) {
    const date = clock.nextOpenDay(day);
    if (date >= until) break;
    out.push(makeSale(d, date, preferredDueDay, out.length ? 1 : firstMinCount));
  }
  return out;
}

/** The customer's purchases over three years up to yesterday, shaped so that the profile's facts can happen. */
export function planCustomer(d: Dice, clock: DemoClock, profile: DemoProfile, today: IsoDate, graceDays: number): CustomerPlan {
  const dueDay = d.pick([5, 10, 10, 15, 20, 20, 25]); // payday-ish
  const ago = (days: number) => plusDays(today, -days);
  const sale = (date: IsoDate, minCount = 1) => makeSale(d, clock.nextOpenDay(date), dueDay, minCount);
  const plan: CustomerPlan = { profile, sales: [] };
  let anchor: PlannedSale | null = null;
  const byDate = () => plan.sales.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  switch (profile) {
    case 'novo': {
      // First purchase recently: at most 2 parcelas can be due by today.
      plan.lateFirst = d.weighted([[undefined, 60], ['paid', 15], ['open', 25]] as const);
      if (plan.lateFirst === 'open') {
        // Late right now: the first parcela fell due 5–40 days ago (a month after the purchase).
        const firstDueDate = ago(d.int(5, 40));
        plan.sales.push({ ...sale(plusDays(firstDueDate, -30)), firstDueDate });
      } else plan.sales.push(sale(ago(d.int(5, 80))));
      break;
    }
    case 'em_dia': {
      // At least 3 parcelas due by now, or the history says novo rather than em dia.
      plan.sales = regularSales(d, clock, ago(d.int(180, 1095)), today, dueDay, 3);
      break;
    }
    case 'ocasional':
    case 'cronico':
    case 'negligente': {
      // Customers for a year at least, with a long carnê running through the last 12 months: enough parcelas
      // for the profile's rates (≥ 85% on time, 3 of the last 6 late) to mean something.
      plan.sales = regularSales(d, clock, ago(d.int(330, 1095)), today, dueDay);
      anchor = sale(ago(d.int(270, 330)), 12);
      plan.sales.push(anchor);
      if (profile === 'negligente') plan.messyFrom = ago(d.int(200, 400));
      break;
    }
    case 'mau_pagador': {
      if (d.chance(0.12)) {
        // Bought once and never paid a parcela.
        const date = ago(d.int(120, 400));
        plan.sales.push(sale(date, 3));
        plan.stopDate = plan.sales[0].date;
        break;
      }
      // Paid for a while, took a long carnê, then stopped: no payment in the last 95+ days.
      const stop = ago(d.int(95, 420));
      const since = plusDays(stop, -d.int(150, 650));
      plan.sales = regularSales(d, clock, since < ago(1095) ? ago(1095) : since, plusDays(stop, -150), dueDay);
      anchor = sale(plusDays(stop, -d.int(20, 120)), 6);
      plan.sales.push(anchor);
      plan.stopDate = stop;
      break;
    }
  }
  byDate();
  plan.sales = withinCreditLimit(plan.sales, anchor);
  if (profile === 'ocasional') {
    plan.episode = chooseEpisode(d, clock, plan.sales, today, graceDays);
    if (!plan.episode) {
      // Every recent due date is shared by two carnês: without the other carnês of the last weeks, the
      // anchor's parcela can be the one late parcela.
      const recent = plusDays(today, -40);
      plan.sales = plan.sales.filter((s) => s === anchor || lastDue(s) < recent);
      plan.episode = chooseEpisode(d, clock, plan.sales, today, graceDays);
    }
  }
  return plan;
}

/** Last due date of a sale's carnê (nominal; a day or two off does not matter here). */
const lastDue = (s: PlannedSale) => addMonthsClamped(s.firstDueDate, s.installmentCount - 1);

/**
 * The store's credit limit, roughly: no new carnê while two are still running. The anchor carnê (the
 * long one of the last year, or the mau pagador's last) is kept whatever happens: the profile needs it.
 */
function withinCreditLimit(sales: PlannedSale[], anchor: PlannedSale | null): PlannedSale[] {
  const kept: PlannedSale[] = [];
  for (const s of sales) {
    const running = kept.filter((k) => lastDue(k) >= s.date).length;
    if (s === anchor || running < 2) kept.push(s);
  }
  return kept;
}

/**
 * The ocasional's one late parcela in the last 12 months (DOMAIN.md: ≤ 1 late episode, ≥ 85% on time),
 * picked knowing every parcela of the plan, so that exactly one parcela is late: not one sharing its due
 * date with another carnê, nor one the customer is still late on when the next falls due. DOMAIN.md's em
 * dia rule (≥ 90%, nothing late now) comes first, so a past episode only reads ocasional in a year of at
 * most 9 parcelas; with more, the parcela is late right now (most ocasionais in the demo are).
 */
function chooseEpisode(d: Dice, clock: DemoClock, sales: PlannedSale[], today: IsoDate, graceDays: number): CustomerPlan['episode'] {
  const dues = sales
    .flatMap((s) => planInstallments({ financedCents: s.totalCents - s.downPaymentCents, count: s.installmentCount, monthlyRatePct: s.monthlyRatePct, firstDueDate: s.firstDueDate }))
    .map((p) => clock.nextOpenDay(p.dueDate))
    .sort();
  const yearAgo = plusDays(today, -365);
  const inYear = dues.filter((x) => x > yearAgo && x <= today).length;
  const lateIfPaidOn = (due: IsoDate, visit: IsoDate) => dues.filter((x) => x >= due && x <= visit && daysFrom(x, visit) > graceDays).length;
  const current = () => {
    if (inYear < 7) return null; // 6 of 7 on time is the least that is ≥ 85%
    const [from, to] = [plusDays(today, -37), plusDays(today, -(graceDays + 1))];
    const options = dues.filter((x) => x >= from && x <= to && lateIfPaidOn(x, today) === 1);
    // Still open today: the visit to pay lands after today.
    return options.length ? ((due: IsoDate) => ({ due, lag: daysFrom(due, today) + d.int(1, 30) }))(d.pick(options)) : null;
  };
  const past = () => {
    if (inYear < 7 || inYear > 9) return null;
    const lag = d.int(8, 22);
    const [from, to] = [plusDays(today, -330), plusDays(today, -45)];
    const options = dues.filter((x) => x >= from && x <= to && lateIfPaidOn(x, clock.nextOpenDay(plusDays(x, lag))) === 1);
    return options.length ? { due: d.pick(options), lag } : null;
  };
  return (d.chance(0.7) ? current() ?? past() : past() ?? current()) ?? undefined;
}
