import type { ObjectionId } from '../../shared/collection/objections';
import { CONVERSATION_OUTCOMES } from '../../shared/contract/collection';
import type { DisputeRow } from './rows';

// Which of CALLS.md's objections (shared/collection/objections.ts) a demo call's note tells: the clerk ticks what
// the customer said, so the ids follow the text written for the call, never a draw of their own. Whether the
// clerk remembered to tick them is drawn by the caller, from a stream apart from the payment story.

/** Phrases of the demo's notes (collection.ts CAUSES, REFUSED_NOTES, LATER_NOTES, CALLBACKS) and what they are. */
const HEARD: [RegExp, ObjectionId][] = [
  [/desempregado|sem renda|bicos|renda incerta|apertado|remédio|se enrolou|não tem como pagar|arrumar serviço|fim do mês|esperando um pagamento|ainda não recebeu|quanto consegue pagar/i, 'sem-dinheiro'],
  [/salário atrasou|recebe só depois do vencimento|salário cai no dia|perto do pagamento|recebe o pagamento/i, 'pago-semana-que-vem'],
  [/uma parte agora/i, 'so-uma-parte'],
  [/não vai pagar os juros|falar com o dono|falar com a dona|reclama/i, 'procon-irritado'],
  [/onde pagar/i, 'carne-nao-chegou'],
  [/no trabalho|dirigindo|médico|viajando|almoço|não podia falar/i, 'ligue-mais-tarde'],
];

const TALK = new Set<string>(CONVERSATION_OUTCOMES);

const BY_DISPUTE: Record<DisputeRow['kind'], ObjectionId> = {
  defect: 'nao-recebi-defeito',
  not_received: 'nao-recebi-defeito',
  payment_check: 'ja-paguei',
  not_recognized: 'nao-reconheco',
  other: 'procon-irritado',
};

/**
 * The objections one call's note tells, at most two (the screen records what mattered most: the first found).
 * `promiseDaysAhead`: a promise for a day five or more days after the call is the customer's "pago semana que vem".
 */
export function objectionsHeard(outcome: string, notes: string | null, extra: { disputeKind?: DisputeRow['kind']; promiseDaysAhead?: number } = {}): ObjectionId[] {
  const ids: ObjectionId[] = [];
  const add = (id: ObjectionId) => {
    if (!ids.includes(id) && ids.length < 2) ids.push(id);
  };
  if (outcome === 'third_party') add('quem-esta-falando');
  if (outcome === 'wrong_number') add('numero-errado');
  if (extra.disputeKind) add(BY_DISPUTE[extra.disputeKind]);
  if (notes && TALK.has(outcome)) for (const [re, id] of HEARD) if (re.test(notes)) add(id);
  if (outcome === 'promise' && (extra.promiseDaysAhead ?? 0) >= 5) add('pago-semana-que-vem');
  return ids;
}
