import { z } from 'zod';
import { id, isoDate } from './common';

// The formal path (negativação), owner only (issue 8 §6). EmDia never talks to a bureau: it lists who may go
// that way, prints the written notice CDC art. 43 §2 requires, keeps what the owner registered, and tracks the
// removal due 5 business days after full payment (STJ Súmula 548). Rules: shared/formal/rules.ts.

export const formalCandidates = z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict();

export const formalNotice = z
  .object({
    customerId: id,
    /** the last day to pay before a record; at least 10 days after today (default: exactly 10) */
    deadline: isoDate.optional(),
  })
  .strict();

export const formalNoticeGet = z.object({ id }).strict();

export const formalRegister = z
  .object({
    customerId: id,
    /** the bureau's name as the owner says it: SPC, Serasa, Boa Vista… */
    bureau: z.string({ error: 'Informe o birô (ex.: SPC, Serasa, Boa Vista).' }).trim().min(2, 'Informe o birô (ex.: SPC, Serasa, Boa Vista).').max(40, 'Nome do birô: até 40 letras.'),
  })
  .strict();

export const formalList = z.object({ status: z.enum(['active', 'removal', 'removed', 'all'], { error: 'Situação inválida: use active, removal, removed ou all.' }).optional() }).strict();

export const formalExport = z.object({ scope: z.enum(['registered', 'ready'], { error: 'Escolha registered (registros feitos) ou ready (prontos para registrar).' }).optional() }).strict();

export const formalRemoved = z.object({ recordId: id }).strict();

export interface NoticeSummary {
  id: string;
  sentOn: string;
  deadline: string;
  totalCents: number;
  /** the deadline has passed: the record may be made */
  expired: boolean;
}

export interface FormalCandidate {
  customerId: string;
  name: string;
  cpf: string;
  profile: string;
  overduePrincipalCents: number;
  overdueCount: number;
  oldestOverdueDue: string;
  daysLate: number;
  lastPaymentDate: string | null;
  /** why the customer is on the list, in pt-BR */
  reason: string;
  /** the notice sent for this delay, if any */
  notice: NoticeSummary | null;
}

export interface NoticeParcela {
  saleNumber: string;
  description: string;
  number: number;
  count: number;
  dueDate: string;
  daysLate: number;
  principalCents: number;
  fineCents: number;
  interestCents: number;
  totalCents: number;
}

/** Everything the printable notice needs (CDC art. 42-A: the store's name, CNPJ and address). */
export interface NoticeView {
  id: string;
  sentOn: string;
  deadline: string;
  store: { name: string; cnpj: string; address: string; city: string; state: string; pixKey: string };
  customer: { id: string; name: string; cpf: string; address: string | null };
  principalCents: number;
  fineCents: number;
  interestCents: number;
  totalCents: number;
  parcelas: NoticeParcela[];
  fineRatePct: number;
  lateInterestMonthlyPct: number;
  /** PIX copia e cola without an amount (the juros grow each day: the customer confirms the value) */
  pix: { payload: string; key: string } | null;
  createdBy: string | null;
}

export interface BureauRecordRow {
  id: string;
  customerId: string;
  name: string;
  cpf: string;
  bureau: string;
  registeredOn: string;
  amountCents: number;
  registeredBy: string | null;
  paidOffOn: string | null;
  removalDue: string | null;
  removedOn: string | null;
  removedBy: string | null;
  /** active | removal (paid off, removal pending) | removed */
  status: 'active' | 'removal' | 'removed';
  /** the removal deadline has passed and the record is still there */
  removalLate: boolean;
}

export interface FormalExport {
  fileName: string;
  /** the CSV text: `;`, UTF-8 with BOM, dd/mm/aaaa, 1234,56 (CONVENTIONS.md) */
  content: string;
  rows: number;
}
