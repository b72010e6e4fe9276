import { z } from 'zod';
import { id, pin, personName, role, isoDate, cpf, profileKind } from './common';
import { isValidPhone } from '../phone';

export const userCreate = z.object({ name: personName, role, pin }).strict();
export const userPublic = z.object({ id: z.string(), name: z.string(), role });
export type UserPublic = z.infer<typeof userPublic>;

export const phone = z
  .object({
    number: z.string({ error: 'Informe o telefone.' }).trim().refine(isValidPhone, 'Telefone inválido: use DDD + número, ex.: (11) 98765-4321.'),
    whatsapp: z.boolean().optional(),
  })
  .strict();

const address = z.string().trim().max(200, 'Endereço longo demais (máximo 200 letras).');

const customerFields = {
  name: personName,
  cpf,
  phones: z.array(phone).max(5, 'No máximo 5 telefones.'),
  email: z.email('E-mail inválido.').max(120).optional().or(z.literal('')),
  address: address.optional(),
  birthDate: isoDate.optional(),
  keyCustomer: z.boolean().optional(),
  doNotCall: z.boolean().optional(),
  /** the customer asked for no automatic reminders: the régua skips them (calls still follow the policy) */
  remindersPaused: z.boolean().optional(),
  notes: z.string().max(2000, 'Observações longas demais (máximo 2000 letras).').optional(),
};

export const customerCreate = z.object(customerFields).strict();
// On update, null clears the birth date (the other optional texts clear with '').
export const customerUpdate = z.object({ id, ...z.object(customerFields).partial().shape, birthDate: isoDate.nullable().optional() }).strict();
export type CustomerCreate = z.infer<typeof customerCreate>;

export const customer = z.object({
  id: z.string(),
  name: z.string(),
  cpf: z.string(),
  phones: z.array(z.object({ number: z.string(), whatsapp: z.boolean() })),
  email: z.string().nullable(),
  address: z.string().nullable(),
  birthDate: z.string().nullable(),
  keyCustomer: z.boolean(),
  doNotCall: z.boolean(),
  remindersPaused: z.boolean(),
  notes: z.string().nullable(),
  createdAt: z.string(),
});
export type Customer = z.infer<typeof customer>;

export const customerSearch = z
  .object({
    query: z.string({ error: 'Informe o texto da busca.' }).max(100, 'Busca longa demais.'),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();

export const customerSearchItem = z.object({
  id: z.string(),
  name: z.string(),
  cpf: z.string(),
  phone: z.string().nullable(),
  overdueCents: z.number().int(),
  profile: profileKind,
  /** the facts behind the profile, in pt-BR (LOOK.md: hovering the badge shows why) */
  profileReasons: z.array(z.string()),
});
export type CustomerSearchItem = z.infer<typeof customerSearchItem>;

export const sessionLogin = z.object({ userId: id, pin }).strict();

/**
 * The owner manages a person (Configurações → Usuários): deactivate or bring back, a new PIN, unlock after
 * wrong PINs. Nothing is deleted: a deactivated person's history keeps their name.
 */
export const userUpdate = z
  .object({
    id,
    active: z.boolean({ error: 'Ativo: use true ou false.' }).optional(),
    pin: pin.optional(),
    unlock: z.literal(true, { error: 'Desbloquear: use true.' }).optional(),
  })
  .strict()
  .refine((u) => u.active !== undefined || u.pin !== undefined || u.unlock !== undefined, { message: 'Diga o que mudar: ativo, PIN ou desbloquear.' });

/** One person as the owner sees them in Configurações (users.listAll). */
export const userAdmin = z.object({
  id: z.string(),
  name: z.string(),
  role,
  active: z.boolean(),
  /** locked by wrong PINs until this time (ISO), else null */
  lockedUntil: z.string().nullable(),
  failedAttempts: z.number().int(),
  createdAt: z.string(),
});
export type UserAdmin = z.infer<typeof userAdmin>;
