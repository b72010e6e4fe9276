import type { OpenInstallment } from '../../shared/ledger/quote';
import type { Dice } from './random';
import type { DemoProfile } from './profiles';

// What happens at the counter beyond the money: a discount on multa and juros now and then, and the customer's
// answer to "como foi o atendimento?". Drawn from a stream apart from the payment story (customer-history.ts),
// so a customer's purchases, visits and calls stay the same with or without them.

/**
 * A discount every profile's margin allows without the owner's PIN (settings-defaults.ts: the smallest is mau
 * pagador's 20% of the multa and juros the payment reaches; payments.receive floors the limit the same way).
 */
export const SAFE_WAIVER_PCT = 20;

export interface CounterWaiver {
  waiverCents: number;
  /** the whole multa and juros, beyond the default 50% margin: the owner approved it (payments.approved_by) */
  beyondMargins: boolean;
}

/**
 * A late payment that settles the parcelas it reaches may forgive part of their multa and juros: mostly the
 * clerk rounds the total down (the centavos, or to the R$ 5), within SAFE_WAIVER_PCT; rarely, for a crônico or
 * negligente who had a real reason, the owner forgives all of it. Never more than 5% of what is paid, so a
 * promise kept with the full amount stays kept (shared/collection/promises.ts: 90% of it).
 * `reached`: the parcelas the payment settles, in payment order; `totalCents`: what they owe on the day.
 */
export function counterWaiver(w: Dice, profile: DemoProfile, reached: OpenInstallment[], totalCents: number): CounterWaiver | null {
  const charges = reached.reduce((s, o) => s + o.due.fineCents + o.due.interestCents, 0);
  if (charges < 300 || !w.chance(0.1)) return null;
  const fits = (cents: number) => cents > 0 && cents * 20 <= totalCents;
  if ((profile === 'cronico' || profile === 'negligente') && w.chance(0.06) && fits(charges)) return { waiverCents: charges, beyondMargins: true };
  const limit = Math.floor((charges * SAFE_WAIVER_PCT) / 100);
  const options = [totalCents % 500, totalCents % 100, Math.floor((charges * w.int(10, SAFE_WAIVER_PCT)) / 100)];
  const waiverCents = options.find((c) => c <= limit && fits(c));
  return waiverCents ? { waiverCents, beyondMargins: false } : null;
}

const SCORES: Record<'usual' | 'tense', readonly (readonly [number, number])[]> = {
  usual: [[5, 58], [4, 26], [3, 9], [2, 4], [1, 3]],
  tense: [[5, 38], [4, 32], [3, 16], [2, 8], [1, 6]],
};
const NOTES: Record<number, string[]> = {
  5: ['Gostou de ser lembrada com educação.', 'Disse que o atendimento foi muito atencioso.', 'Agradeceu a paciência da loja.'],
  4: ['Achou bom poder pagar por PIX.', 'Gostou de combinar uma data que cabe no bolso.'],
  3: ['Achou que ligaram algumas vezes a mais.', 'Preferia receber mensagem em vez de ligação.'],
  2: ['Não gostou de receber ligação no trabalho.', 'Achou a multa e os juros pesados.'],
  1: ['Ficou chateado com as ligações; pediu mais cuidado.', 'Reclamou do valor dos juros.'],
};

/** "Como foi o atendimento?": asked after about 4 in 10 payments that followed a conversation; skewed positive. */
export function feedbackAnswer(w: Dice, profile: DemoProfile): { score: number; notes: string | null } | null {
  if (!w.chance(0.4)) return null;
  const score = w.weighted(SCORES[profile === 'mau_pagador' || profile === 'negligente' ? 'tense' : 'usual']);
  return { score, notes: w.chance(0.3) ? w.pick(NOTES[score]) : null };
}
