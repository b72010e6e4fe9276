import type { ProfileKind } from '../../../shared/ui-format/profile';
import type { IsoDate } from '../../../shared/dates';
import type { Margins } from '../../../shared/contract/settings';
import type { Objection } from '../../../shared/collection/objections';
import type { Stage } from '../../../shared/collection/talking-points-catalog';
import type { TalkingPoint } from '../../../shared/collection/talking-points';

// What the call screen reads from `calls.context` (db/usecases/calls-context.ts), `offers.compute`
// (db/usecases/offers.ts) and `agreements.get` (db/usecases/agreements.ts). Only the fields shown.

export interface CallContext {
  asOf: IsoDate;
  customer: { id: string; name: string; cpf: string; customerSince: IsoDate; keyCustomer: boolean; doNotCall: boolean; notes: string | null };
  profile: { kind: ProfileKind; label: string; reasons: string[] };
  facts: {
    firstPurchase: boolean;
    firstDelay: boolean;
    onTimePaidCount: number;
    longGoodHistory: boolean;
    purchaseCount: number;
    daysLate: number;
    overdueCount: number;
    overdueCents: number;
    openCents: number;
    bestTime: string | null;
    whatsappOptIn: boolean;
    openDisputes: number;
  };
  purchases: { id: string; number: string; date: IsoDate; description: string; totalCents: number; installmentCount: number }[];
  installments: { id: string; number: number; count: number; dueDate: IsoDate; daysLate: number; amountCents: number; paidCents: number; fineCents: number; interestCents: number; totalDueCents: number; saleNumber: string; description: string }[];
  contacts: { id: string; day: IsoDate; channelLabel: string; outcomeLabel: string; by: string | null; notes: string | null }[];
  promises: { id: string; madeOn: IsoDate; date: IsoDate; amountCents: number; statusLabel: string; kept: boolean; broken: boolean }[];
  disputes: { id: string; kindLabel: string; open: boolean; notes: string | null }[];
  phones: { number: string; label: string; whatsapp: boolean; wrongNumber: boolean; use: boolean }[];
  phoneToUse: { number: string; label: string; whatsapp: boolean } | null;
  calling: { allowed: boolean; reasons: string[] };
  payment: { pixKey: string | null };
  stages: readonly { id: Stage; label: string }[];
  talkingPoints: TalkingPoint[];
  avoid: string[];
  objections: Objection[];
}

export interface Offer {
  kind: 'cash' | 'installments' | 'postpone';
  asOf: IsoDate;
  discountCents: number;
  downPaymentCents: number;
  installmentCount: number;
  monthlyRatePct: number;
  firstDueDate: IsoDate;
  installmentCents: number;
  totalCents: number;
  withinLimits: boolean;
  suggested: boolean;
  label: string;
  violations: string[];
}

export interface OffersResult {
  asOf: IsoDate;
  /** the margins for this customer's profile (the screen's "Ajustar" recomputes against them) */
  margins: Margins;
  debt: { principalCents: number; fineCents: number; interestCents: number; chargesCents: number; totalCents: number; installmentCount: number };
  options: Offer[];
}

export interface AgreementTerm {
  id: string;
  number: string;
  date: IsoDate;
  store: { name: string; cnpj: string; address: string; city: string; state: string };
  customer: { id: string; name: string; cpf: string };
  principalCents: number;
  fineCents: number;
  interestCents: number;
  discountCents: number;
  debtCents: number;
  agreedCents: number;
  downPaymentCents: number;
  installmentCount: number;
  monthlyRatePct: number;
  totalCents: number;
  approvedBy: string | null;
  replaced: { id: string; saleNumber: string; number: number; count: number; dueDate: IsoDate; principalCents: number; fineCents: number; interestCents: number }[];
  installments: { id: string; number: number; count: number; dueDate: IsoDate; amountCents: number; kind: 'entrada' | 'parcela' }[];
  rule: string;
  pix: { payload: string; amountCents: number; dueDate: IsoDate; note: string } | null;
}
