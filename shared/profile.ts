import { addDays, daysBetween, formatDateBR, type IsoDate } from './dates';
import type { LedgerInstallment } from './ledger/quote';
import type { Settings } from './contract/settings';
import { defaultSettings } from './settings-defaults';

/** DOMAIN.md "Debtor profiles": Serasa's four plus novo and mau pagador; labels live in ui-format/profile. */
export type { ProfileKind } from './ui-format/profile';
import type { ProfileKind } from './ui-format/profile';


/** The thresholds of DOMAIN.md's default rules. */
export interface ProfileRules {
  graceDays: number;
  novoMaxDue: number; // < 3 parcelas due so far
  emDiaOnTimeRate: number; // ≥ 90% within grace in 12 months
  ocasionalMaxEpisodes: number; // ≤ 1 late episode in 12 months
  ocasionalOnTimeRate: number; // ≥ 85%
  cronicoLateOfLast6: number; // ≥ 3 of the last 6 paid late
  negligentePartials: number; // many partial payments
  negligenteOpenParcelas: number; // several parcelas open
  mauPagadorDaysLate: number; // > 60 days late
  mauPagadorDaysSincePayment: number; // and no payment in 60 days
  mauPagadorBrokenPromises: number; // or ≥ 2 broken promises in 90 days
}

/** The thresholds as the store set them (settings.profiles; percentages there, rates here). */
export function profileRulesOf(settings: Settings): ProfileRules {
  const p = settings.profiles;
  return {
    graceDays: settings.policy.graceDays,
    novoMaxDue: p.novoMaxDue,
    emDiaOnTimeRate: p.emDiaOnTimePct / 100,
    ocasionalMaxEpisodes: p.ocasionalMaxEpisodes,
    ocasionalOnTimeRate: p.ocasionalOnTimePct / 100,
    cronicoLateOfLast6: p.cronicoLateOfLast6,
    negligentePartials: p.negligentePartials,
    negligenteOpenParcelas: p.negligenteOpenParcelas,
    mauPagadorDaysLate: p.mauPagadorDaysLate,
    mauPagadorDaysSincePayment: p.mauPagadorDaysSincePayment,
    mauPagadorBrokenPromises: p.mauPagadorBrokenPromises,
  };
}

/** DOMAIN.md's default rules (shared/settings-defaults.ts) with a given grace. */
export const defaultProfileRules = (graceDays: number): ProfileRules => profileRulesOf({ ...defaultSettings, policy: { ...defaultSettings.policy, graceDays } });

export interface PromiseFact {
  date: IsoDate;
  kept: boolean | null; // null while its date has not passed
}

export interface ProfileFacts {
  dueCount: number;
  due12: number;
  onTime12: number;
  lateEpisodes12: number;
  lateOfLast6: number;
  lastSixAllPaid: boolean;
  partialPayments12: number;
  overdueNow: number;
  maxDaysLate: number;
  /** effective due date of the oldest parcela overdue past grace, and the last payment's date */
  oldestLateDue: IsoDate | null;
  lastPaymentDate: IsoDate | null;
  daysSinceLastPayment: number | null;
  brokenPromises90: number;
  promisesKeptRate: number | null;
}

/** The date a parcela's principal reached zero, from its history (null while open). */
function settledOn(i: LedgerInstallment): IsoDate | null {
  let open = i.amountCents;
  for (const a of [...i.history].sort((x, y) => (x.date < y.date ? -1 : 1))) {
    open -= a.principalCents + a.discountCents;
    if (open <= 0) return a.date;
  }
  return null;
}

export function profileFacts(installments: LedgerInstallment[], promises: PromiseFact[], asOf: IsoDate, rules: ProfileRules): ProfileFacts {
  const live = installments.filter((i) => !i.renegotiated && i.effectiveDueDate <= asOf);
  const yearAgo = addDays(asOf, -365);
  const graceEnd = (i: LedgerInstallment) => addDays(i.effectiveDueDate, rules.graceDays);
  const rows = live
    .map((i) => ({ i, settled: settledOn(i) }))
    .sort((a, b) => (a.i.effectiveDueDate < b.i.effectiveDueDate ? -1 : 1));
  const paidLate = (r: (typeof rows)[number]) => (r.settled ? r.settled > graceEnd(r.i) : graceEnd(r.i) < asOf);
  const last12 = rows.filter((r) => r.i.effectiveDueDate > yearAgo);
  const lastSix = rows.slice(-6);
  const paymentDates = installments.flatMap((i) => i.history.map((a) => a.date)).sort();
  const lastPayment = paymentDates[paymentDates.length - 1] ?? null;
  const partials = installments.flatMap((i) => {
    let open = i.amountCents;
    return i.history.filter((a) => a.date > yearAgo).map((a) => (open -= a.principalCents + a.discountCents) > 0);
  }).filter(Boolean).length;
  const overdue = rows.filter((r) => !r.settled && graceEnd(r.i) < asOf);
  const judged = promises.filter((p) => p.kept !== null);
  return {
    dueCount: live.length,
    due12: last12.length,
    onTime12: last12.filter((r) => !paidLate(r)).length,
    lateEpisodes12: last12.filter(paidLate).length,
    lateOfLast6: lastSix.filter(paidLate).length,
    lastSixAllPaid: lastSix.every((r) => r.settled),
    partialPayments12: partials,
    overdueNow: overdue.length,
    maxDaysLate: overdue.reduce((m, r) => Math.max(m, daysBetween(r.i.effectiveDueDate, asOf)), 0),
    oldestLateDue: overdue.length ? overdue[0].i.effectiveDueDate : null,
    lastPaymentDate: lastPayment,
    daysSinceLastPayment: lastPayment ? daysBetween(lastPayment, asOf) : null,
    brokenPromises90: judged.filter((p) => p.kept === false && p.date > addDays(asOf, -90)).length,
    promisesKeptRate: judged.length ? judged.filter((p) => p.kept).length / judged.length : null,
  };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The profile and the facts that explain it, in plain pt-BR (LOOK.md: always show why). */
export function classifyProfile(f: ProfileFacts, r: ProfileRules): { kind: ProfileKind; reasons: string[] } {
  const noRecentPayment = f.daysSinceLastPayment === null || f.daysSinceLastPayment > r.mauPagadorDaysSincePayment;
  if (f.maxDaysLate > r.mauPagadorDaysLate && noRecentPayment) {
    return {
      kind: 'mau_pagador',
      // Dates, not day counts: the reasons stay true from one day to the next (the standings keep them).
      reasons: [
        `Parcela vencida em ${formatDateBR(f.oldestLateDue!)}, com mais de ${r.mauPagadorDaysLate} dias de atraso`,
        f.lastPaymentDate === null ? 'Nenhum pagamento registrado' : `Nenhum pagamento desde ${formatDateBR(f.lastPaymentDate)}`,
      ],
    };
  }
  if (f.brokenPromises90 >= r.mauPagadorBrokenPromises) return { kind: 'mau_pagador', reasons: [`${f.brokenPromises90} promessas não cumpridas em 90 dias`] };
  if (f.dueCount < r.novoMaxDue) return { kind: 'novo', reasons: [f.dueCount === 0 ? 'Nenhuma parcela vencida ainda' : `Só ${f.dueCount} parcela(s) vencida(s) até agora`] };
  const rate = f.due12 ? f.onTime12 / f.due12 : 1;
  const promisesMiddling = f.promisesKeptRate === null || (f.promisesKeptRate >= 0.4 && f.promisesKeptRate <= 0.8);
  if (f.partialPayments12 >= r.negligentePartials && f.overdueNow >= r.negligenteOpenParcelas && promisesMiddling) {
    return { kind: 'negligente', reasons: [`${f.partialPayments12} pagamentos parciais em 12 meses`, `${f.overdueNow} parcelas em atraso agora`] };
  }
  if (f.lateOfLast6 >= r.cronicoLateOfLast6) {
    return { kind: 'cronico', reasons: [`${f.lateOfLast6} das últimas 6 parcelas pagas com atraso`, f.lastSixAllPaid ? 'Sempre acaba pagando' : `${f.overdueNow} parcela(s) em atraso agora`] };
  }
  if (rate >= r.emDiaOnTimeRate && f.overdueNow === 0) return { kind: 'em_dia', reasons: [`${pct(rate)} das parcelas de 12 meses pagas em dia`, 'Nada em atraso agora'] };
  if (f.lateEpisodes12 <= r.ocasionalMaxEpisodes && rate >= r.ocasionalOnTimeRate) {
    return { kind: 'ocasional', reasons: [`${f.lateEpisodes12} atraso(s) em 12 meses`, `${pct(rate)} pagas em dia`] };
  }
  // Late more than the occasional payer but without the pattern of the others: treat as crônico, the
  // profile whose approach (reminders before the due date, due day on payday) fits irregular payers.
  return { kind: 'cronico', reasons: [`${f.lateEpisodes12} atrasos em 12 meses`, `${pct(rate)} pagas em dia`] };
}
