import { z } from 'zod';
import { id, isoDate, cents, positiveCents, pct, asOf, timestamp } from './common';

export const contactOutcome = z.enum(['no_answer', 'wrong_number', 'promise', 'agreement', 'paid', 'refused', 'dispute', 'callback', 'message_sent']);
export const contactChannel = z.enum(['phone', 'whatsapp', 'sms', 'email', 'in_person']);

export const queueBuild = z.object({ asOf, limit: z.number().int().min(1).max(200).optional() }).strict();
export const callsContext = z.object({ customerId: id, asOf }).strict();
export const offersCompute = z.object({ customerId: id, asOf, capacityCents: cents.optional() }).strict();
export const agreementCreate = z
  .object({
    customerId: id,
    asOf,
    discountCents: cents,
    downPaymentCents: cents,
    installmentCount: z.number().int().min(1).max(48),
    monthlyRatePct: pct(15),
    firstDueDate: isoDate,
    approvalPin: z.string().regex(/^\d{4,8}$/).optional(),
  })
  .strict();
export const promiseCreate = z.object({ customerId: id, date: isoDate, amountCents: positiveCents }).strict();
export const contactRecord = z
  .object({
    customerId: id,
    channel: contactChannel,
    outcome: contactOutcome,
    at: timestamp.optional(),
    inbound: z.boolean().optional(),
    notes: z.string().max(2000).optional(),
    objectionIds: z.array(z.string().max(60)).max(20).optional(),
  })
  .strict();
export const dashboardWeekly = z.object({ from: isoDate, to: isoDate }).strict();
export const backupRestore = z.object({ file: z.string().min(1).max(400) }).strict();
export const customerById = z.object({ id }).strict();
