import type { z } from 'zod';
import type { profileKind } from '../contract/common';

export type ProfileKind = z.infer<typeof profileKind>;

/** Short on-screen labels for the debtor profiles (DOMAIN.md "Debtor profiles"; LOOK.md asks for short badges). */
export const PROFILE_LABELS: Record<ProfileKind, string> = {
  novo: 'novo',
  em_dia: 'em dia',
  ocasional: 'ocasional',
  cronico: 'crônico',
  negligente: 'negligente',
  mau_pagador: 'mau pagador',
};

/**
 * What each profile means, in the clerk's words. Shown when the badge is hovered or focused until the
 * search result carries the customer's own reasons.
 */
export const PROFILE_MEANINGS: Record<ProfileKind, string> = {
  novo: 'Primeira compra: menos de 3 parcelas vencidas até agora.',
  em_dia: 'Bom pagador: paga dentro do prazo e não tem nada em atraso.',
  ocasional: 'Atrasa raramente e costuma se preocupar com isso.',
  cronico: 'Atrasa com frequência, mas acaba pagando.',
  negligente: 'Paga aos poucos e tem várias parcelas em aberto.',
  mau_pagador: 'Atraso longo sem pagamento ou promessas não cumpridas.',
};

export const PROFILE_KINDS = Object.keys(PROFILE_LABELS) as ProfileKind[];
