import { OBJECTIONS, type Objection, type ObjectionId } from '../../../shared/collection/objections';
import { avoidList, objectionsFor, talkingPoints, type TalkingFacts, type TalkingPoint } from '../../../shared/collection/talking-points';
import { STAGES } from '../../../shared/collection/talking-points-catalog';
import { addDays, type IsoDate } from '../../../shared/dates';
import { PROFILE_MEANINGS, type ProfileKind } from '../../../shared/ui-format/profile';

// Treino (issue 7 §8): a made-up customer for the profile the trainee picks, with the same talking points and
// objections as a real call. Pure: nothing here reaches the backend, so a rehearsal writes no rows.

/** A simulated customer: what the talking points are built from, and what they will say. */
export interface PracticeCustomer {
  name: string;
  profile: ProfileKind;
  profileReason: string;
  facts: TalkingFacts;
  points: TalkingPoint[];
  avoid: string[];
  objections: Objection[];
}

const NAMES: Record<ProfileKind, string> = {
  novo: 'Bruna Teixeira (treino)',
  em_dia: 'Sérgio Almeida (treino)',
  ocasional: 'Patrícia Lima (treino)',
  cronico: 'Rogério Nunes (treino)',
  negligente: 'Vanessa Costa (treino)',
  mau_pagador: 'Cláudio Ramos (treino)',
};

const SHAPE: Record<ProfileKind, { daysLate: number; overdueCount: number; overdueCents: number; onTime: number; purchases: number; firstDelay: boolean; broken: boolean }> = {
  novo: { daysLate: 8, overdueCount: 1, overdueCents: 18990, onTime: 0, purchases: 1, firstDelay: true, broken: false },
  em_dia: { daysLate: 5, overdueCount: 1, overdueCents: 12500, onTime: 18, purchases: 4, firstDelay: true, broken: false },
  ocasional: { daysLate: 12, overdueCount: 1, overdueCents: 15480, onTime: 9, purchases: 3, firstDelay: false, broken: false },
  cronico: { daysLate: 20, overdueCount: 2, overdueCents: 31200, onTime: 6, purchases: 5, firstDelay: false, broken: true },
  negligente: { daysLate: 35, overdueCount: 3, overdueCents: 47850, onTime: 2, purchases: 2, firstDelay: false, broken: false },
  mau_pagador: { daysLate: 75, overdueCount: 4, overdueCents: 96000, onTime: 1, purchases: 2, firstDelay: false, broken: true },
};

export function practiceCustomer(profile: ProfileKind, today: IsoDate, storeName: string, clerkName: string, pixKey = ''): PracticeCustomer {
  const s = SHAPE[profile];
  const name = NAMES[profile];
  const facts: TalkingFacts = {
    profile,
    firstPurchase: s.purchases === 1,
    firstDelay: s.firstDelay,
    onTimePaidCount: s.onTime,
    keyCustomer: false,
    daysLate: s.daysLate,
    overdueCents: s.overdueCents,
    overdueCount: s.overdueCount,
    oldestOverdue: { number: 2, count: 6, dueDate: addDays(today, -s.daysLate) },
    brokenPromise: s.broken ? { date: addDays(today, -7), amountCents: Math.round(s.overdueCents / 2) } : null,
    callback: false,
    storeName: storeName || 'Loja',
    clerkName,
    customerName: name,
    purchase: 'Sofá de 3 lugares',
    pixKey,
  };
  return { name, profile, profileReason: PROFILE_MEANINGS[profile], facts, points: talkingPoints(facts), avoid: avoidList(facts), objections: objectionsFor(facts) };
}

/** What the simulated customer says for each objection: the trainee hears this and picks the objection. */
export const CUSTOMER_LINES: Record<ObjectionId, string> = {
  'sem-dinheiro': 'Olha, este mês eu estou sem dinheiro nenhum. Perdi o emprego.',
  'nao-recebi-defeito': 'Mas o sofá veio com defeito, eu nem estou usando.',
  'ja-paguei': 'Eu já paguei essa parcela, paguei na semana passada.',
  'pago-semana-que-vem': 'Semana que vem eu pago, pode ficar tranquilo.',
  'nao-reconheco': 'Não reconheço essa compra. Não fui eu que comprei.',
  'so-uma-parte': 'Agora eu só consigo pagar uma parte.',
  'ligue-mais-tarde': 'Agora não dá, estou no trabalho. Liga mais tarde.',
  'procon-irritado': 'Vocês ficam ligando toda hora! Vou reclamar no Procon.',
  'carne-nao-chegou': 'O carnê nunca chegou aqui em casa, nem sei quanto é.',
  'quem-esta-falando': 'Quem está falando? Ela não está, aqui é a irmã dela.',
  'numero-errado': 'Acho que ligou errado, não tem ninguém com esse nome aqui.',
};

/** The simulated customer's line when raising an objection: what the trainee hears. */
export const customerLine = (o: Objection): string => `“${CUSTOMER_LINES[o.id]}”`;

/** The next objection the simulated customer raises: one not raised yet, in a shuffled order (`random` in [0,1)). */
export function nextObjection(raised: readonly string[], random: () => number = Math.random): Objection | null {
  const left = OBJECTIONS.filter((o) => !raised.includes(o.id));
  if (!left.length) return null;
  return left[Math.floor(random() * left.length)];
}

export { STAGES };
