import { addMonthsClamped, formatDateBR, parseDateBR } from '../../../shared/dates';
import { formatBRL } from '../../../shared/money';

/** The customer the sale is for, as the picker found it. */
export interface PickedCustomer {
  id: string;
  name: string;
  cpf: string;
}

/** What the Nova venda form holds while the clerk types: masked texts and centavos, as on screen. */
export interface SaleDraft {
  customer: PickedCustomer | null;
  description: string;
  totalCents: number;
  downPaymentCents: number;
  /** digits only, '' while empty */
  installmentCount: string;
  /** `dd/mm/aaaa` as typed */
  firstDueDate: string;
  withInterest: boolean;
  /** `3` or `2,5` as typed */
  ratePct: string;
}

/** Field errors keyed by the API's issue path (`totalCents`, `firstDueDate`…). */
export type FieldErrors = Record<string, string>;

export const MAX_INSTALLMENTS = 24;
export const MAX_RATE_PCT = 15;

/** The first parcela is due one month after the sale by default. */
export const defaultFirstDue = (today: string): string => formatDateBR(addMonthsClamped(today, 1));

export const emptySaleDraft = (today: string, customer: PickedCustomer | null = null): SaleDraft => ({
  customer,
  description: '',
  totalCents: 0,
  downPaymentCents: 0,
  installmentCount: '',
  firstDueDate: defaultFirstDue(today),
  withInterest: false,
  ratePct: '',
});

/** `3` → 3, `2,5` → 2.5, `2.5` → 2.5; null when it is not a rate. */
export function parseRate(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,4}))?$/.exec(text.trim());
  return m ? Number(`${m[1]}.${m[2] ?? '0'}`) : null;
}

/** What a rate field may hold while typing: digits and one comma, at most 2 decimals. */
export function maskRate(typed: string): string {
  const t = typed.replace(/\./g, ',').replace(/[^\d,]/g, '');
  const [int, ...rest] = t.split(',');
  const intPart = int.slice(0, 2);
  return rest.length ? `${intPart},${rest.join('').slice(0, 2)}` : intPart;
}

/** `2` → `2%`, `0.5` → `0,5%`. */
export const formatPct = (pct: number): string => `${pct.toLocaleString('pt-BR', { maximumFractionDigits: 4 })}%`;

export interface PreviewInput {
  date: string;
  totalCents: number;
  downPaymentCents?: number;
  installmentCount: number;
  firstDueDate: string;
  monthlyRatePct?: number;
}

/**
 * The `sales.preview` input the draft stands for, and the errors the clerk can already fix. `input` is null
 * while something is missing or wrong; `complete` says whether every field was checked (on confirm, missing
 * fields become errors too; while typing they stay quiet).
 */
export function draftToPreview(draft: SaleDraft, today: string, opts: { finished: boolean }): { input: PreviewInput | null; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const { finished } = opts;

  if (draft.totalCents <= 0) {
    if (finished) errors.totalCents = 'Informe o valor total da venda.';
  }
  if (draft.downPaymentCents > 0 && draft.totalCents > 0 && draft.downPaymentCents >= draft.totalCents) {
    errors.downPaymentCents = 'A entrada deve ser menor que o valor total; venda à vista não vai para o crediário.';
  }

  const count = draft.installmentCount === '' ? null : Number(draft.installmentCount);
  if (count === null) {
    if (finished) errors.installmentCount = `Informe o número de parcelas (de 1 a ${MAX_INSTALLMENTS}).`;
  } else if (count < 1 || count > MAX_INSTALLMENTS) {
    errors.installmentCount = `De 1 a ${MAX_INSTALLMENTS} parcelas.`;
  }

  const typedDate = draft.firstDueDate.trim();
  const firstDue = parseDateBR(typedDate);
  if (!firstDue) {
    if (finished || typedDate.length >= 10) errors.firstDueDate = typedDate ? 'Data inválida: use dd/mm/aaaa, por exemplo 23/12/2026.' : 'Informe o primeiro vencimento.';
  } else if (firstDue <= today) {
    errors.firstDueDate = `O primeiro vencimento deve ser depois de hoje (${formatDateBR(today)}).`;
  }

  let rate: number | undefined;
  if (draft.withInterest) {
    const r = parseRate(draft.ratePct);
    if (r === null) {
      if (finished) errors.monthlyRatePct = 'Informe a taxa ao mês, por exemplo 3 ou 2,5.';
    } else if (r > MAX_RATE_PCT) {
      errors.monthlyRatePct = `A taxa não pode passar de ${MAX_RATE_PCT}% ao mês.`;
    } else rate = r;
  }

  const ready = draft.totalCents > 0 && count !== null && firstDue !== null && (!draft.withInterest || rate !== undefined);
  if (!ready || Object.keys(errors).length) return { input: null, errors };
  return {
    input: {
      date: today,
      totalCents: draft.totalCents,
      ...(draft.downPaymentCents > 0 ? { downPaymentCents: draft.downPaymentCents } : {}),
      installmentCount: count!,
      firstDueDate: firstDue!,
      ...(rate !== undefined && rate > 0 ? { monthlyRatePct: rate } : {}),
    },
    errors,
  };
}

/** The errors that stop a sale before it reaches the backend (the preview's plus who and what). */
export function draftErrors(draft: SaleDraft, today: string): { input: PreviewInput | null; errors: FieldErrors } {
  const { input, errors } = draftToPreview(draft, today, { finished: true });
  const all: FieldErrors = {};
  if (!draft.customer) all.customerId = 'Escolha o cliente: busque pelo nome, CPF ou telefone.';
  if (draft.description.trim().length < 2) all.description = 'Descreva o que foi vendido, por exemplo "Geladeira Frost Free 375L".';
  return { input, errors: { ...all, ...errors } };
}

/** The fields in screen order, to focus the first one with an error. */
export const FIELD_ORDER = ['customerId', 'description', 'totalCents', 'downPaymentCents', 'installmentCount', 'firstDueDate', 'monthlyRatePct'];

export const firstErrorPath = (errors: FieldErrors): string | undefined => FIELD_ORDER.find((f) => errors[f]) ?? Object.keys(errors)[0];

/** `25/12` from `2026-12-25`: the short date of a moved due date. */
export const shortDateBR = (date: string): string => formatDateBR(date).slice(0, 5);

/** "5 × R$ 218,35", or "1 × R$ 300,00 + 4 × R$ 299,99" when the first parcela carries the remainder. */
export function installmentsSummary(amounts: number[]): string {
  if (!amounts.length) return '';
  const groups: { amount: number; n: number }[] = [];
  for (const a of amounts) {
    const last = groups[groups.length - 1];
    if (last && last.amount === a) last.n++;
    else groups.push({ amount: a, n: 1 });
  }
  return groups.map((g) => `${g.n} × ${formatBRL(g.amount)}`).join(' + ');
}
