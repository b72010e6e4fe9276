import type { IsoDate } from '../../shared/dates';
import { plusDays } from './days';
import { cpfFromBase, isValidCpf } from '../../shared/cpf';
import { foldText } from '../../shared/text';
import { Dice, mixSeed } from './random';
import type { DemoProfile } from './profiles';
import {
  FEMALE_FIRST, MALE_FIRST, FEMALE_COMPOUND, MALE_COMPOUND, SURNAMES, PARTICLE, STORE_CITY, STORE_DDD, OTHER_DDDS,
  STREETS, NEIGHBOURHOODS, CITIES, EMAIL_DOMAINS,
} from './names';

export interface DemoPhone {
  number: string;
  whatsapp: boolean;
  wrongNumber: boolean;
  /** a number given later (after the first one turned out wrong); absent: given at registration */
  addedOn?: IsoDate;
}

export interface DemoPerson {
  name: string;
  cpf: string;
  phones: DemoPhone[];
  email: string | null;
  address: string | null;
  birthDate: IsoDate | null;
  keyCustomer: boolean;
  doNotCall: boolean;
  notes: string | null;
}

const CEP_PREFIX: Record<string, [number, number]> = {
  [STORE_CITY]: [15000, 15099],
  Mirassol: [15130, 15134],
  'Bady Bassitt': [15115, 15115],
  Cedral: [15895, 15895],
  Guapiaçu: [15110, 15110],
  Ipiguá: [15108, 15108],
  Potirendaba: [15105, 15105],
};

const NOTES = [
  'Prefere contato pelo WhatsApp.',
  'Trabalha em turno da noite: ligar depois das 14h.',
  'Recebe o salário no dia 5.',
  'Recebe o salário no dia 20; combinou vencimento próximo dessa data.',
  'Indicada por outra cliente da loja.',
  'Cliente desde a loja antiga da Rua Bernardino de Campos.',
  'Aposentado: recebe o benefício no começo do mês.',
  'Trabalha na colheita de laranja; renda menor na entressafra.',
  'Gosta de pagar no balcão e conversar com a equipe.',
  'Pediu o carnê com letras grandes.',
];
const DO_NOT_CALL_NOTES = [
  'Pediu para não receber ligações; tratar no balcão.',
  'Não ligar: só atende mensagens no WhatsApp.',
];
const KEY_CUSTOMER_NOTES = [
  'Compra para a família toda; sempre volta.',
  'Indicou vários clientes para a loja.',
];

/**
 * CPFs are unique by construction: the 8 free digits are an affine bijection of the customer's position
 * (mod 10^8), the 9th is the fiscal region (8 = São Paulo, for most), and the last two are the check digits.
 */
export class CpfMaker {
  private readonly a: number;
  private readonly b: number;
  constructor(seed: number) {
    const d = new Dice(mixSeed(seed, 0x7fff0001));
    // Odd and not a multiple of 5: coprime with 10^8, so the map is a bijection.
    let a = d.int(10_000_001, 99_999_999);
    while (a % 2 === 0 || a % 5 === 0) a++;
    this.a = a;
    this.b = d.int(0, 99_999_999);
  }
  make(index: number, region: string): string {
    const attempt = (x: number) => cpfFromBase(String(Number((BigInt(this.a) * BigInt(x) + BigInt(this.b)) % 100_000_000n)).padStart(8, '0') + region);
    const cpf = attempt(index);
    // Repeated digits (888.888.888-88) are not valid CPFs; take a position no customer of this store uses.
    return isValidCpf(cpf) ? cpf : attempt(99_999_999 - index);
  }
}

function personName(d: Dice): { name: string; first: string; last: string } {
  const female = d.chance(0.55);
  const first = d.chance(0.18) ? d.pick(female ? FEMALE_COMPOUND : MALE_COMPOUND) : d.pick(female ? FEMALE_FIRST : MALE_FIRST);
  const last = d.pick(SURNAMES);
  let middle = d.chance(0.7) ? d.pick(SURNAMES) : null;
  if (middle === last) middle = null;
  const particle = PARTICLE[last] && d.chance(0.35) ? `${PARTICLE[last]} ` : '';
  const name = [first, middle, `${particle}${last}`].filter(Boolean).join(' ');
  return { name, first: first.split(' ')[0], last };
}

/** `DD9XXXXXXXX`: mobile numbers start with 9, then 6–9 in practice. */
export function mobile(d: Dice, ddd: string): string {
  return `${ddd}9${d.int(6, 9)}${d.digits(7)}`;
}

function address(d: Dice): string {
  const city = d.weighted(CITIES);
  const [lo, hi] = CEP_PREFIX[city];
  const cep = `${d.int(lo, hi)}-${String(d.int(0, 99) * 10).padStart(3, '0')}`;
  const complement = d.weighted([['', 85], [', casa 2', 4], [', fundos', 4], [`, apto ${d.int(1, 9)}${d.int(1, 4)}`, 7]] as const);
  const neighbourhood = city === STORE_CITY ? d.pick(NEIGHBOURHOODS) : 'Centro';
  return `${d.pick(STREETS)}, ${d.int(10, 3999)}${complement} – ${neighbourhood}, ${city} – SP, ${cep}`;
}

const FLAGS: Record<DemoProfile, { key: number; doNotCall: number }> = {
  novo: { key: 0, doNotCall: 0 },
  em_dia: { key: 0.04, doNotCall: 0.005 },
  ocasional: { key: 0.03, doNotCall: 0.01 },
  cronico: { key: 0.01, doNotCall: 0.02 },
  negligente: { key: 0.005, doNotCall: 0.03 },
  mau_pagador: { key: 0, doNotCall: 0.06 },
};

/** A customer's registration data, drawn from the customer's own stream. */
export function makePerson(d: Dice, cpf: CpfMaker, index: number, profile: DemoProfile, today: IsoDate): DemoPerson {
  const { name, first, last } = personName(d);
  const region = d.chance(0.85) ? '8' : String(d.pick([1, 2, 3, 4, 5, 6, 7, 9, 0]));
  const ddd = d.chance(0.85) ? STORE_DDD : d.pick(OTHER_DDDS);
  const phones: DemoPhone[] = [{ number: mobile(d, ddd), whatsapp: d.chance(0.75), wrongNumber: false }];
  if (d.chance(0.15)) phones.push(d.chance(0.6) ? { number: `${STORE_DDD}3${d.digits(7)}`, whatsapp: false, wrongNumber: false } : { number: mobile(d, STORE_DDD), whatsapp: false, wrongNumber: false });
  const email = d.chance(0.3) ? `${foldText(first)}.${foldText(last).replace(/\s+/g, '')}${d.chance(0.5) ? d.int(1, 99) : ''}@${d.weighted(EMAIL_DOMAINS)}` : null;
  const birthDate = d.chance(0.8) ? plusDays(today, -Math.round(365.25 * (18 + 62 * d.float() ** 1.6))) : null;
  const keyCustomer = d.chance(FLAGS[profile].key);
  const doNotCall = d.chance(FLAGS[profile].doNotCall);
  const notes = doNotCall ? d.pick(DO_NOT_CALL_NOTES) : keyCustomer ? d.pick(KEY_CUSTOMER_NOTES) : d.chance(0.12) ? d.pick(NOTES) : null;
  return {
    name,
    cpf: cpf.make(index, region),
    phones,
    email,
    address: d.chance(0.65) ? address(d) : null,
    birthDate,
    keyCustomer,
    doNotCall,
    notes,
  };
}

export interface WhatsappConsent {
  /** the sale at whose visit the customer agreed to WhatsApp messages (0: at registration); null: no opt-in */
  onSale: number | null;
  remindersPaused: boolean;
  /** a note replacing the registration's when the customer said no */
  notes: string | null;
}

/**
 * The opt-in for WhatsApp reminders (CONVENTIONS.md: recorded with its date, opt-outs honoured): most
 * customers with WhatsApp agree when they register, some at a later purchase, some were never asked, a few
 * said no. Now and then a customer asks for no automatic reminders at all (customers.reminders_paused).
 */
export function whatsappConsent(m: Dice, person: DemoPerson, saleDates: IsoDate[]): WhatsappConsent {
  const paused = m.chance(0.015);
  const pausedNote = 'Pediu para não receber lembretes automáticos; avisar no balcão.';
  if (!person.phones.some((p) => p.whatsapp)) return { onSale: null, remindersPaused: paused, notes: paused && !person.notes ? pausedNote : null };
  // "Não ligar: só atende mensagens no WhatsApp" agreed to the messages, of course.
  const answer = person.notes?.includes('WhatsApp') ? 'registration' : m.weighted([['registration', 64], ['later', 22], ['never', 9], ['no', 5]] as const);
  if (answer === 'no') return { onSale: null, remindersPaused: paused, notes: person.notes ? null : 'Não quer receber mensagens pelo WhatsApp; avisar por ligação ou no balcão.' };
  const onSale = answer === 'never' ? null : answer === 'later' && saleDates.length > 1 ? m.int(1, saleDates.length - 1) : 0;
  return { onSale, remindersPaused: paused, notes: paused && !person.notes ? pausedNote : null };
}
