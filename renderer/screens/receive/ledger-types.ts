// The shapes the ledger methods return (API.md; db/usecases/payments.ts and accounts.ts). The screens show
// these numbers as they come: every charge is computed by the backend, never here.

export type PaymentMethod = 'cash' | 'pix' | 'card' | 'transfer';

export interface QuoteItem {
  installmentId: string;
  dueDate: string;
  effectiveDueDate: string;
  daysLate: number;
  principalCents: number;
  fineCents: number;
  interestCents: number;
  discountCents: number;
  totalCents: number;
  number: number;
  count: number;
  saleNumber: string;
  description: string;
}

export interface Quote {
  asOf: string;
  items: QuoteItem[];
  totalCents: number;
  /** the share of multa and juros the clerk may forgive without the owner's PIN (the profile's margin) */
  chargesDiscountMaxPct?: number;
}

export interface ReceiveResult {
  id: string;
  receiptNumber: string;
  date: string;
  amountCents: number;
}

export type InstallmentStatus = 'paid' | 'open' | 'overdue' | 'renegotiated';

export interface StatementInstallment {
  id: string;
  number: number;
  count: number;
  dueDate: string;
  effectiveDueDate: string;
  amountCents: number;
  paidCents: number;
  status: InstallmentStatus;
  daysLate: number;
  fineCents: number;
  interestCents: number;
  discountCents: number;
  totalDueCents: number;
  saleNumber: string;
  description: string;
}

export interface StatementPayment {
  id: string;
  receiptNumber: string;
  date: string;
  amountCents: number;
  method: PaymentMethod;
  reversed: boolean;
  reversedOn: string | null;
  reversalReason: string | null;
}

export interface StatementEvent {
  date: string;
  kind: 'sale' | 'payment' | 'reversal' | 'agreement';
  title: string;
  amountCents: number;
  refId: string;
}

export interface Statement {
  customer: { id: string; name: string; cpf: string };
  asOf: string;
  installments: StatementInstallment[];
  overdueCents: number;
  openCents: number;
  payments: StatementPayment[];
  events: StatementEvent[];
}

/** On-screen names of the payment methods, in the order of the segmented control. */
export const METHOD_LABELS: Record<PaymentMethod, string> = { cash: 'Dinheiro', pix: 'PIX', card: 'Cartão', transfer: 'Transferência' };
export const METHODS: PaymentMethod[] = ['cash', 'pix', 'card', 'transfer'];

/** A fresh idempotency key (API.md): a repeated call with the same key never pays twice. */
export const newIdempotencyKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
