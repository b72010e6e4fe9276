import { z } from 'zod';
import { isValidCpf } from '../cpf';

// Field-level building blocks shared by every method. Messages are pt-BR because they reach the clerk as-is.

export const id = z.string({ error: 'Informe o identificador.' }).min(1, 'Informe o identificador.').max(64);

export const isoDate = z
  .string({ error: 'Informe a data no formato AAAA-MM-DD.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Data inválida: use AAAA-MM-DD.')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d && y >= 1900 && y <= 2200;
  }, 'Data inexistente no calendário.');

export const timestamp = z.iso.datetime({ offset: true, error: 'Data e hora inválidas: use ISO 8601 com fuso.' });

/** Integer centavos; the API never carries floats for money (DOMAIN.md). */
export const cents = z
  .number({ error: 'Informe o valor em centavos (número inteiro).' })
  .int('O valor deve ser um número inteiro de centavos.')
  .min(0, 'O valor não pode ser negativo.')
  .max(100_000_000_000, 'Valor alto demais.');

export const positiveCents = cents.min(1, 'O valor deve ser maior que zero.');

export const pct = (max: number) =>
  z.number({ error: 'Informe a porcentagem.' }).min(0, 'A porcentagem não pode ser negativa.').max(max, `A porcentagem não pode passar de ${max}%.`);

export const cpf = z
  .string({ error: 'Informe o CPF.' })
  .trim()
  .refine((s) => isValidCpf(s), 'CPF inválido: confira os 11 dígitos.');

export const pin = z
  .string({ error: 'Informe o PIN.' })
  .regex(/^\d{4,8}$/, 'O PIN deve ter de 4 a 8 números.');

export const personName = z
  .string({ error: 'Informe o nome.' })
  .trim()
  .min(2, 'O nome deve ter pelo menos 2 letras.')
  .max(120, 'O nome pode ter no máximo 120 letras.');

export const idempotencyKey = z.string().min(1).max(120).optional();

export const asOf = isoDate.optional();

export const role = z.enum(['clerk', 'owner'], { error: 'Papel inválido: use "clerk" (atendente) ou "owner" (dono).' });

export const profileKind = z.enum(['novo', 'em_dia', 'ocasional', 'cronico', 'negligente', 'mau_pagador']);

export const paymentMethod = z.enum(['cash', 'pix', 'card', 'transfer'], {
  error: 'Forma de pagamento inválida: use dinheiro, PIX, cartão ou transferência.',
});

export const empty = z.object({}).strict();
