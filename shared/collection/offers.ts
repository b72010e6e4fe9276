import { addDays, addMonthsClamped, daysBetween, formatDateBR, minDate, type IsoDate } from '../dates';
import { formatBRL, roundHalfUp, type Cents } from '../money';
import { planInstallments, pricePayment, type PlannedInstallment } from '../ledger/plan';
import type { Margins } from '../contract/settings';

// Offers and agreement terms (DOMAIN.md "Agreement", "Margins"; CALLS.md stage 4). Pure: the use cases
// (db/usecases/offers.ts, agreements.ts) feed the overdue debt from the ledger and the settings' margins.
//
// Model of an agreement: base = overdue principal + multa + juros − discount. The entrada (if any) is a parcela
// due on the agreement date; the rest, base − entrada, is split in n Tabela Price parcelas (plan.ts, every one
// equal, PMT rounded half-up). n = 0 with entrada = base is "pay today with a discount".
// A discount covers charges first, then principal (each against its own margin).

/** What one open overdue parcela owes on the agreement day (payments.quote's numbers). */
export interface OverdueItem {
  installmentId: string;
  principalCents: Cents;
  fineCents: Cents;
  interestCents: Cents;
}

export interface Debt {
  installmentIds: string[];
  principalCents: Cents;
  fineCents: Cents;
  interestCents: Cents;
  /** multa + juros */
  chargesCents: Cents;
  totalCents: Cents;
}

export function debtOf(items: readonly OverdueItem[]): Debt {
  let principalCents = 0;
  let fineCents = 0;
  let interestCents = 0;
  for (const i of items) {
    principalCents += i.principalCents;
    fineCents += i.fineCents;
    interestCents += i.interestCents;
  }
  const chargesCents = fineCents + interestCents;
  return { installmentIds: items.map((i) => i.installmentId), principalCents, fineCents, interestCents, chargesCents, totalCents: principalCents + chargesCents };
}

/** The margins for a profile: the default merged with the profile's own overrides (settings.margins). */
export function marginsFor(settings: { default: Margins; byProfile: Record<string, Partial<Margins> | null | undefined> }, profile: string | null): Margins {
  const own = (profile && settings.byProfile[profile]) || {};
  const merged: Margins = { ...settings.default };
  for (const [k, v] of Object.entries(own)) if (v !== undefined && v !== null) (merged as unknown as Record<string, number>)[k] = v as number;
  return merged;
}

export interface AgreementTerms {
  /** the agreement date: the debt is computed on it and the entrada falls due on it */
  asOf: IsoDate;
  discountCents: Cents;
  downPaymentCents: Cents;
  installmentCount: number;
  monthlyRatePct: number;
  firstDueDate: IsoDate;
}

export interface AgreementPlan {
  /** debt − discount */
  baseCents: Cents;
  /** base − entrada: what the Price parcelas finance */
  financedCents: Cents;
  parcelas: PlannedInstallment[];
  /** Σ parcelas − financed: the interest of the Price plan (0 when n = 0 or the rate is 0 … or the rounding) */
  planInterestCents: Cents;
  /** entrada + Σ parcelas: all the customer pays under the agreement */
  totalCents: Cents;
}

/** The parcelas of valid terms (checkAgreementTerms has no `validation` violation for them). */
export function agreementPlan(terms: AgreementTerms, debt: Debt): AgreementPlan {
  const baseCents = debt.totalCents - terms.discountCents;
  const financedCents = baseCents - terms.downPaymentCents;
  const parcelas =
    terms.installmentCount > 0 && financedCents > 0
      ? planInstallments({ financedCents, count: terms.installmentCount, monthlyRatePct: terms.monthlyRatePct, firstDueDate: terms.firstDueDate })
      : [];
  const sum = parcelas.reduce((s, p) => s + p.amountCents, 0);
  return { baseCents, financedCents, parcelas, planInterestCents: sum - Math.max(0, financedCents), totalCents: terms.downPaymentCents + sum };
}

export interface Violation {
  path: string;
  message: string;
  /** `limit`: beyond the owner's margins, allowed with the owner's PIN; `validation`: never allowed */
  kind: 'limit' | 'validation';
}

/** Highest discount on charges and on principal the margins allow (rounded down: never a centavo beyond). */
export function discountCaps(debt: Debt, m: Margins): { chargesCents: Cents; principalCents: Cents } {
  return {
    chargesCents: Math.floor((debt.chargesCents * m.maxChargesDiscountPct) / 100),
    principalCents: Math.floor((debt.principalCents * m.maxPrincipalDiscountPct) / 100),
  };
}

/** A prorrogação: the whole debt in one parcela, no entrada, no discount, without interest, a few days later. */
export function isPostponement(t: AgreementTerms): boolean {
  return t.installmentCount === 1 && t.downPaymentCents === 0 && t.discountCents === 0 && t.monthlyRatePct === 0;
}

/**
 * Everything wrong with these terms for this debt, in pt-BR (agreements.create refuses on any; the screen shows
 * them next to the fields). `limit` ones go through with the owner's PIN; `validation` ones never do.
 */
export function checkAgreementTerms(t: AgreementTerms, debt: Debt, m: Margins): Violation[] {
  const out: Violation[] = [];
  const bad = (path: string, message: string) => out.push({ path, message, kind: 'validation' });
  const limit = (path: string, message: string) => out.push({ path, message, kind: 'limit' });
  if (debt.totalCents <= 0) {
    bad('customerId', 'Este cliente não tem parcelas em atraso para renegociar.');
    return out;
  }
  // Discount: never more than the debt; charges first, then principal, each within its margin.
  if (t.discountCents >= debt.totalCents) {
    bad('discountCents', `O desconto (${formatBRL(t.discountCents)}) não pode ser igual ou maior que a dívida (${formatBRL(debt.totalCents)}).`);
    return out;
  }
  const caps = discountCaps(debt, m);
  const onCharges = Math.min(t.discountCents, debt.chargesCents);
  const onPrincipal = t.discountCents - onCharges;
  if (onCharges > caps.chargesCents)
    limit('discountCents', `Desconto em multa e juros de ${formatBRL(onCharges)} passa do limite de ${m.maxChargesDiscountPct}% (${formatBRL(caps.chargesCents)}).`);
  if (onPrincipal > caps.principalCents)
    limit('discountCents', `Desconto no valor principal de ${formatBRL(onPrincipal)} passa do limite de ${m.maxPrincipalDiscountPct}% (${formatBRL(caps.principalCents)}).`);

  const base = debt.totalCents - t.discountCents;
  if (t.downPaymentCents > base) {
    bad('downPaymentCents', `A entrada (${formatBRL(t.downPaymentCents)}) é maior que o valor do acordo (${formatBRL(base)}).`);
    return out;
  }
  const financed = base - t.downPaymentCents;
  if (t.installmentCount === 0 && financed > 0) bad('installmentCount', `Sem parcelas, a entrada precisa cobrir todo o valor do acordo (${formatBRL(base)}).`);
  if (t.installmentCount > 0 && financed === 0) bad('installmentCount', 'A entrada já cobre todo o valor: use 0 parcelas (pagamento à vista).');
  if (t.installmentCount > m.maxInstallments) limit('installmentCount', `${t.installmentCount} parcelas passam do limite de ${m.maxInstallments} parcelas.`);

  if (t.monthlyRatePct > m.renegotiationMonthlyPct)
    bad('monthlyRatePct', `A taxa de ${fmtPct(t.monthlyRatePct)} ao mês passa da taxa de renegociação da loja (${fmtPct(m.renegotiationMonthlyPct)}).`);
  const postponement = isPostponement(t);
  if (t.installmentCount > 0 && t.monthlyRatePct < m.renegotiationMonthlyPct && !postponement)
    limit('monthlyRatePct', `A taxa de ${fmtPct(t.monthlyRatePct)} ao mês é menor que a taxa de renegociação da loja (${fmtPct(m.renegotiationMonthlyPct)}).`);

  if (t.installmentCount > 0) {
    if (t.firstDueDate < t.asOf) bad('firstDueDate', `O primeiro vencimento (${formatDateBR(t.firstDueDate)}) não pode ser antes da data do acordo (${formatDateBR(t.asOf)}).`);
    else {
      const days = daysBetween(t.asOf, t.firstDueDate);
      const maxDays = postponement ? m.maxPostponeDays : m.maxDaysToFirstDue;
      if (days > maxDays) limit('firstDueDate', `O primeiro vencimento fica a ${days} dias; o limite é ${maxDays} dias${postponement ? ' para prorrogar' : ''}.`);
    }
    if (financed > 0 && t.firstDueDate >= t.asOf) {
      const pmt = t.monthlyRatePct > 0 ? pricePayment(financed, t.installmentCount, t.monthlyRatePct) : Math.floor(financed / t.installmentCount);
      if (pmt < m.minInstallmentCents) limit('installmentCount', `Parcela de ${formatBRL(pmt)} fica abaixo do mínimo de ${formatBRL(m.minInstallmentCents)}.`);
    }
  }
  return out;
}

const fmtPct = (p: number) => `${String(p).replace('.', ',')}%`;

// ---- offers.compute ---------------------------------------------------------------------------------------

export type OfferKind = 'cash' | 'installments' | 'postpone';

export interface Offer extends AgreementTerms {
  kind: OfferKind;
  /** each Price parcela (0 for cash) */
  installmentCents: Cents;
  /** all the customer pays: entrada + Σ parcelas */
  totalCents: Cents;
  withinLimits: boolean;
  /** one of the (at most two) concrete counter-offers the screen shows first */
  suggested: boolean;
  /** short pt-BR line for the screen */
  label: string;
  violations: string[];
}

export interface OfferInput {
  asOf: IsoDate;
  debt: Debt;
  margins: Margins;
  /** what the customer says they can pay per month */
  capacityCents?: Cents;
  /** the customer's payday as a first due date, if they asked for one */
  preferredFirstDueDate?: IsoDate;
}

/** Most parcelas we ever look at beyond the margins (the contract's own cap). */
const MAX_COUNT = 48;

/**
 * The entrada of a "1 + n" plan: about one parcela, so entrada and parcelas look alike on the carnê.
 * E = total / (1 + a(n)), a(n) = (1 − (1 + i)^−n) / i the Price annuity factor (n when i = 0).
 */
export function equalDownPayment(baseCents: Cents, count: number, monthlyRatePct: number): Cents {
  const i = monthlyRatePct / 100;
  const a = i > 0 ? -Math.expm1(-count * Math.log1p(i)) / i : count;
  return Math.min(baseCents - 1, Math.max(1, roundHalfUp(baseCents / (1 + a))));
}

function offer(kind: OfferKind, t: AgreementTerms, input: OfferInput, label: string): Offer {
  const violations = checkAgreementTerms(t, input.debt, input.margins);
  const plan = agreementPlan(t, input.debt);
  return {
    kind,
    ...t,
    installmentCents: plan.parcelas[0]?.amountCents ?? 0,
    totalCents: plan.totalCents,
    withinLimits: violations.length === 0,
    suggested: false,
    label,
    violations: violations.map((v) => v.message),
  };
}

/**
 * The options for a call (CALLS.md stage 4): the full amount first, then pay today with the largest discount
 * on charges the margins allow, then "entrada + n" Price plans, then a postponement. With a capacity, the plan
 * is the smallest n whose parcela fits it (beyond the margins if it must: the owner may approve it).
 * At most two options are `suggested`: the discount today and the plan that fits.
 */
export function computeOffers(input: OfferInput): Offer[] {
  const { asOf, debt, margins: m } = input;
  const total = debt.totalCents;
  const base = { asOf, discountCents: 0, monthlyRatePct: 0 };
  const options: Offer[] = [];

  options.push(offer('cash', { ...base, downPaymentCents: total, installmentCount: 0, firstDueDate: asOf }, input, `Valor total hoje: ${formatBRL(total)}`));

  const chargesDiscount = discountCaps(debt, m).chargesCents;
  const cashDiscount = chargesDiscount > 0 ? offer('cash', { ...base, discountCents: chargesDiscount, downPaymentCents: total - chargesDiscount, installmentCount: 0, firstDueDate: asOf }, input, `À vista hoje com ${formatBRL(chargesDiscount)} de desconto nos encargos: ${formatBRL(total - chargesDiscount)}`) : null;
  if (cashDiscount) options.push(cashDiscount);

  // First Price parcela: a month after the entrada, never beyond the margin; the customer's payday when asked.
  const defaultFirst = minDate(addMonthsClamped(asOf, 1), addDays(asOf, m.maxDaysToFirstDue));
  const firstDueDate = input.preferredFirstDueDate && input.preferredFirstDueDate >= asOf ? input.preferredFirstDueDate : defaultFirst;
  const rate = m.renegotiationMonthlyPct;
  const planFor = (n: number): Offer => {
    const entrada = equalDownPayment(total, n, rate);
    const t = { ...base, monthlyRatePct: rate, downPaymentCents: entrada, installmentCount: n, firstDueDate };
    const o = offer('installments', t, input, '');
    o.label = `Entrada de ${formatBRL(entrada)} + ${n}x de ${formatBRL(o.installmentCents)}`;
    return o;
  };
  const plans: Offer[] = [];
  if (total >= 2) for (let n = 1; n <= Math.min(m.maxInstallments, MAX_COUNT); n++) plans.push(planFor(n));
  const fits = (o: Offer) => input.capacityCents === undefined || (o.installmentCents <= input.capacityCents && o.downPaymentCents <= input.capacityCents);
  const inside = plans.filter((o) => o.withinLimits);
  let pick = input.capacityCents === undefined ? inside[inside.length - 1] : plans.find((o) => fits(o));
  if (!pick && input.capacityCents !== undefined && total >= 2) {
    // Nothing within the margins fits what the customer can pay: the smallest n that does, for the owner to approve.
    for (let n = m.maxInstallments + 1; n <= MAX_COUNT && !pick; n++) {
      const o = planFor(n);
      if (fits(o)) pick = o;
    }
    if (pick) plans.push(pick);
  }
  options.push(...plans.filter((o) => o.withinLimits || o === pick));

  const postponeTo = input.preferredFirstDueDate && input.preferredFirstDueDate >= asOf ? input.preferredFirstDueDate : addDays(asOf, m.maxPostponeDays);
  if (m.maxPostponeDays > 0 || postponeTo > asOf)
    options.push(offer('postpone', { ...base, downPaymentCents: 0, installmentCount: 1, firstDueDate: postponeTo }, input, `Prorrogar tudo para ${formatDateBR(postponeTo)}: ${formatBRL(total)}`));

  for (const s of [cashDiscount, pick]) if (s) s.suggested = true;
  // The full amount first (always asked first), then the two counter-offers, then the rest.
  const [full, ...rest] = options;
  return [full, ...rest.filter((o) => o.suggested), ...rest.filter((o) => !o.suggested)];
}

/**
 * What a clerk may forgive of multa and juros at the counter without the owner's PIN: the profile's
 * maxChargesDiscountPct of the charges the payment reaches, never rounded up past the owner's percentage.
 */
export const chargesWaiverLimitCents = (chargesCents: number, maxChargesDiscountPct: number): number => Math.floor((chargesCents * maxChargesDiscountPct) / 100);
