import { z } from 'zod';
import { id, isoDate, cents, positiveCents, pct, asOf, timestamp, idempotencyKey } from './common';
import { OBJECTION_IDS } from '../collection/objections';

export const contactOutcome = z.enum(['no_answer', 'wrong_number', 'promise', 'agreement', 'paid', 'refused', 'dispute', 'callback', 'message_sent', 'third_party'], {
  error: 'Resultado inválido: use no_answer, wrong_number, promise, agreement, paid, refused, dispute, callback, message_sent ou third_party.',
});
/** A conversation is a contact in which the customer answered (DOMAIN.md); the rest are attempts. */
export const CONVERSATION_OUTCOMES = ['promise', 'agreement', 'paid', 'refused', 'dispute', 'callback'] as const;
export const disputeKind = z.enum(['defect', 'not_received', 'payment_check', 'not_recognized', 'other'], {
  error: 'Tipo de contestação inválido: use defect, not_received, payment_check, not_recognized ou other.',
});
export const contactChannel = z.enum(['phone', 'whatsapp', 'sms', 'email', 'in_person']);
/** The objections of CALLS.md the clerk clicked (shared/collection/objections.ts). */
export const objectionId = z.enum(OBJECTION_IDS, { error: `Objeção desconhecida: use ${OBJECTION_IDS.join(', ')}.` });

export const queueBuild = z.object({ asOf, limit: z.number().int().min(1).max(200).optional() }).strict();
export const callsContext = z.object({ customerId: id, asOf }).strict();
/** firstDueDate: the customer's payday, when they asked for one (the plans and the postponement fall on it) */
export const offersCompute = z.object({ customerId: id, asOf, capacityCents: cents.optional(), firstDueDate: isoDate.optional() }).strict();
export const agreementCreate = z
  .object({
    customerId: id,
    asOf,
    discountCents: cents,
    downPaymentCents: cents,
    /** 0 = pay today: the entrada is the whole agreed amount (shared/collection/offers.ts) */
    installmentCount: z.number().int().min(0).max(48),
    monthlyRatePct: pct(15),
    firstDueDate: isoDate,
    approvalPin: z.string().regex(/^\d{4,8}$/, 'PIN do dono: de 4 a 8 números.').optional(),
    idempotencyKey,
  })
  .strict();
export const agreementGet = z.object({ id }).strict();
export const promiseCreate = z.object({ customerId: id, date: isoDate, amountCents: positiveCents, contactId: id.optional() }).strict();
export const contactRecord = z
  .object({
    customerId: id,
    channel: contactChannel,
    outcome: contactOutcome,
    at: timestamp.optional(),
    inbound: z.boolean().optional(),
    notes: z.string().max(2000).optional(),
    /** the number used (digits with DDD); default the one the list proposed */
    phone: z.string().trim().max(20).optional(),
    objectionIds: z.array(objectionId).max(20).optional(),
    /** outcome callback: when and how the customer asked to be contacted again */
    callbackAt: timestamp.optional(),
    callbackChannel: contactChannel.optional(),
    /** outcome dispute: what kind (pauses collection until the owner resolves it) */
    disputeKind: disputeKind.optional(),
  })
  .strict();
/** disputes.resolve (owner): what was decided, in a sentence the next clerk will read */
export const disputeResolve = z
  .object({ id, resolution: z.string({ error: 'Descreva como a contestação foi resolvida.' }).trim().min(3, 'Descreva como a contestação foi resolvida.').max(500) })
  .strict();
export const disputesList = z.object({ customerId: id.optional(), open: z.boolean().optional() }).strict();
export const dashboardWeekly = z.object({ from: isoDate, to: isoDate }).strict();
export const backupRestore = z.object({ file: z.string().min(1).max(400) }).strict();
export const customerById = z.object({ id }).strict();

/** "Como foi o atendimento?" after an agreement or a payment: the customer's answer, 1 to 5 (issue 7 item 9). */
export const feedbackRecord = z
  .object({
    customerId: id,
    score: z.number({ error: 'Informe a nota de 1 a 5.' }).int('A nota é um número inteiro de 1 a 5.').min(1, 'A nota vai de 1 a 5.').max(5, 'A nota vai de 1 a 5.'),
    contactId: id.optional(),
    notes: z.string().max(500, 'Comentário longo demais (máximo 500 letras).').optional(),
  })
  .strict();
