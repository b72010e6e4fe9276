import { z } from 'zod';
import { id, isoDate, cents, positiveCents, pct, idempotencyKey, asOf, paymentMethod } from './common';

export const saleCreate = z
  .object({
    customerId: id,
    date: isoDate,
    description: z.string({ error: 'Descreva o que foi vendido.' }).trim().min(2, 'Descreva o que foi vendido.').max(200),
    totalCents: positiveCents,
    downPaymentCents: cents.optional(),
    installmentCount: z
      .number({ error: 'Informe o número de parcelas.' })
      .int('O número de parcelas deve ser inteiro.')
      .min(1, 'A venda deve ter pelo menos 1 parcela.')
      .max(24, 'A venda pode ter no máximo 24 parcelas.'),
    firstDueDate: isoDate,
    monthlyRatePct: pct(15).optional(),
    idempotencyKey,
  })
  .strict();

/** The carnê before confirming: the same fields as the sale, minus who and what. */
export const salePreview = saleCreate.omit({ customerId: true, description: true, idempotencyKey: true });

/** `sales.get`: one sale with its carnê (customer, parcelas, the store's identification), for printing. */
export const saleById = z.object({ id }).strict();

export const statementInput = z.object({ customerId: id, asOf }).strict();
export const quoteInput = z.object({ customerId: id, asOf, installmentIds: z.array(id).max(200).optional() }).strict();

export const paymentReceive = z
  .object({
    customerId: id,
    amountCents: positiveCents,
    method: paymentMethod,
    date: isoDate.optional(),
    installmentIds: z.array(id).min(1).max(200).optional(),
    /** multa and juros forgiven with this payment: within the margins for the customer's profile, or with approvalPin */
    waiveChargesCents: cents.optional(),
    approvalPin: z.string().regex(/^\d{4,8}$/, 'PIN do dono: de 4 a 8 números.').optional(),
    idempotencyKey,
  })
  .strict();

export const paymentReverse = z
  .object({
    paymentId: id,
    reason: z.string({ error: 'Informe o motivo do estorno.' }).trim().min(3, 'Informe o motivo do estorno.').max(300),
    // The owner's PIN authorizes a reversal typed at a clerk's session (issue "ledger").
    ownerPin: z.string().regex(/^\d{4,8}$/, 'PIN do dono inválido.').optional(),
  })
  .strict();

export const importCsv = z
  .object({ content: z.string({ error: 'Envie o conteúdo do arquivo CSV.' }).max(50_000_000, 'Arquivo grande demais.'), dryRun: z.boolean() })
  .strict();

/** The result of `sales.get`: everything a printed carnê needs (LOOK.md/CONVENTIONS.md "The carnê"). */
export interface SaleCarne {
  id: string;
  /** human carnê number, e.g. `A-000012` */
  number: string;
  date: string;
  description: string;
  totalCents: number;
  downPaymentCents: number;
  financedCents: number;
  installmentCount: number;
  monthlyRatePct: number;
  /** entrada + the parcelas */
  totalToPayCents: number;
  source: 'counter' | 'import' | 'demo';
  customer: { id: string; name: string; cpf: string };
  installments: {
    id: string;
    number: number;
    /** parcelas in the carnê ("3/5"); an imported carnê may hold only its open parcelas */
    count: number;
    dueDate: string;
    /** the due date moved past a closed day (Sunday, feriado) */
    effectiveDueDate: string;
    amountCents: number;
    /** replaced by an agreement (acordo); the row stays */
    renegotiated: boolean;
  }[];
  /** the after-due rule the parcelas carry for life (CDC art. 52 §1: multa ≤ 2%) */
  policy: { fineRatePct: number; lateInterestMonthlyPct: number };
  /** the store's identification (CDC art. 42-A) and its PIX key */
  store: { name: string; cnpj: string; address: string; city: string; state: string; pixKey: string };
}
