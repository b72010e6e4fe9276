import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { cpfFromBase } from '../../shared/cpf';
import { addMonthsClamped } from '../../shared/dates';
import { scanForbidden } from '../../shared/collection/forbidden';
import { OBJECTION_IDS } from '../../shared/collection/objections';

// calls.context through the dispatcher on a real SQLite file, with crafted histories: a first-purchase novo,
// a long good history, a first delay, a mau pagador. The histories are built on Tuesday 2026-11-03 (a promise
// call is made that day) and read on Monday 2026-11-23 at noon, inside the calling window.

let t: TestBackend;
let clerk: Caller;
let owner: Caller;
let seq = 0;

type Ctx = {
  customer: { id: string; name: string; customerSince: string; keyCustomer: boolean };
  profile: { kind: string; label: string; reasons: string[] };
  facts: Record<string, any>;
  purchases: { description: string }[];
  installments: { id: string; number: number; status: string; fineCents: number; interestCents: number; totalDueCents: number }[];
  contacts: { outcome: string; outcomeLabel: string; by: string | null; objectionIds: string[] }[];
  promises: { date: string; amountCents: number; status: string; statusLabel: string; broken: boolean; kept: boolean }[];
  disputes: { kind: string; kindLabel: string; open: boolean }[];
  phones: { number: string; wrongNumber: boolean; use: boolean }[];
  phoneToUse: { number: string } | null;
  calling: { allowed: boolean; reasons: string[] };
  talkingPoints: { stage: string; id: string; text: string }[];
  avoid: string[];
  objections: { id: string; label: string; responses: string[]; next: { kind: string; outcome?: string; disputeKind?: string } }[];
};

beforeEach(() => {
  t = testBackend('2026-11-03');
  ({ clerk, owner } = t.withPeople());
  t.ok('settings.update', { store: { name: 'Loja Boa Vista', pixKey: 'loja@exemplo.com.br' } }, owner);
  seq = 0;
});
afterEach(() => t.close());

function person(name: string, extra: Record<string, unknown> = {}): string {
  seq++;
  const phones = (extra.phones as unknown) ?? [{ number: `119${String(87650000 + seq)}` }];
  return t.ok('customers.create', { name, cpf: cpfFromBase(String(100000000 + seq * 7919)), ...extra, phones }, clerk).id as string;
}

/** A sale of `count` parcelas of R$ 100,00 from `firstDue` monthly; `paidOnTime` of them paid on their due date. */
function sale(customerId: string, description: string, date: string, firstDue: string, count: number, paidOnTime = 0) {
  t.ok('sales.create', { customerId, date, description, totalCents: count * 10000, installmentCount: count, firstDueDate: firstDue }, clerk);
  for (let i = 0; i < paidOnTime; i++) t.ok('payments.receive', { customerId, amountCents: 10000, method: 'cash', date: addMonthsClamped(firstDue, i) }, clerk);
}

const context = (customerId: string, caller: Caller = clerk) => t.ok<Ctx>('calls.context', { customerId }, caller);
const point = (c: Ctx, stage: string) => c.talkingPoints.filter((p) => p.stage === stage);
const ids = (c: Ctx) => c.talkingPoints.map((p) => p.id);

describe('calls.context — the customer file and the talking points', () => {
  let novo: string, longGood: string, firstDelay: string, bad: string;

  beforeEach(() => {
    // First purchase, first parcela missed (due Tue 10/11).
    novo = person('Ana Lima');
    sale(novo, 'Geladeira Frost Free', '2026-10-10', '2026-11-10', 3);
    // 12 parcelas paid on time on an old sale, then a new sale's first parcela missed.
    longGood = person('Bruno Costa');
    sale(longGood, 'Sofá 3 lugares', '2025-09-05', '2025-10-10', 12, 12);
    sale(longGood, 'Televisão 50"', '2026-10-05', '2026-11-10', 5);
    // Two sales, the earlier paid on time, one parcela of the later one missed: a first delay.
    firstDelay = person('Carla Dias', { phones: [{ number: '11987651111' }, { number: '11987652222' }] });
    sale(firstDelay, 'Ventilador', '2026-05-05', '2026-06-10', 2, 2);
    sale(firstDelay, 'Micro-ondas', '2026-08-05', '2026-09-10', 3, 2);
    // Nothing paid since the first parcela fell due in August, and a broken promise.
    bad = person('Diego Rocha');
    sale(bad, 'Guarda-roupa', '2026-07-05', '2026-08-10', 6);
    t.ok('contacts.record', { customerId: bad, channel: 'phone', outcome: 'promise', notes: 'Disse que recebe dia 10' }, clerk);
    t.ok('promises.create', { customerId: bad, date: '2026-11-10', amountCents: 20000 }, clerk);
    t.clock.set('2026-11-23');
  });

  it('first purchase (novo): the facts, and the call confirms the product arrived before any money talk', () => {
    const c = context(novo);
    expect(c.customer).toMatchObject({ name: 'Ana Lima', customerSince: '2026-10-10', keyCustomer: false });
    expect(c.profile.kind).toBe('novo');
    expect(c.profile.reasons.length).toBeGreaterThan(0);
    expect(c.facts).toMatchObject({ firstPurchase: true, purchaseCount: 1, overdueCount: 1, daysLate: 13, longGoodHistory: false });
    expect(c.purchases.map((p) => p.description)).toEqual(['Geladeira Frost Free']);
    // Today's charges are the statement's own.
    const st = t.ok('accounts.statement', { customerId: novo }, clerk);
    expect(c.facts.overdueCents).toBe(st.overdueCents);
    expect(c.installments).toHaveLength(1);
    expect(c.installments[0]).toMatchObject({ number: 1, status: 'overdue', fineCents: 200 });
    expect(c.calling).toMatchObject({ allowed: true, reasons: [] });

    const open = point(c, 'open').map((p) => p.text).join(' ');
    expect(open).toContain('Carlos');
    expect(open).toContain('Loja Boa Vista');
    expect(open).toMatch(/Geladeira Frost Free\) chegou direitinho/);
    expect(open).toMatch(/carnê, chegou/);
    expect(ids(c)).toContain('prepare.approach.first-purchase');
    expect(point(c, 'say_why')[0].id).toBe('say-why.first-purchase');
    expect(c.avoid.join(' ')).toMatch(/multa e juros antes de saber se a compra chegou bem/);
    expect(point(c, 'prepare').map((p) => p.text).join(' ')).toContain('loja@exemplo.com.br');
  });

  it('long good history: the record is mentioned as an invitation, with flexibility on charges', () => {
    const c = context(longGood);
    expect(c.facts).toMatchObject({ firstPurchase: false, purchaseCount: 2, onTimePaidCount: 12, longGoodHistory: true, firstDelay: true });
    expect(c.purchases.map((p) => p.description)).toEqual(['Televisão 50"', 'Sofá 3 lugares']);
    expect(c.customer.customerSince).toBe('2025-09-05');
    const why = point(c, 'say_why')[0];
    expect(why.id).toBe('say-why.long-history');
    expect(why.text).toContain('12 parcelas pagas em dia');
    expect(ids(c)).toEqual(expect.arrayContaining(['propose.flex.long-history', 'close.thanks.long-history']));
    expect(ids(c)).not.toContain('open.confirm.first-purchase');
  });

  it('first delay: assume they forgot — a light reminder', () => {
    const c = context(firstDelay);
    expect(c.facts).toMatchObject({ firstDelay: true, firstPurchase: false, overdueCount: 1, longGoodHistory: false });
    expect(c.profile.kind).not.toBe('mau_pagador');
    const why = point(c, 'say_why')[0];
    expect(why.id).toBe('say-why.first-delay');
    expect(why.text).toMatch(/só para lembrar/);
    expect(why.text).toContain('3/3'); // the Micro-ondas' third parcela, due 10/11
    expect(point(c, 'prepare').map((p) => p.text).join(' ')).toMatch(/esquecimento/);
    expect(point(c, 'listen')[0].id).toBe('listen.ask.first-delay');
    expect(c.avoid.join(' ')).toMatch(/atraso grave/);
    expect(ids(c)).not.toContain('recap.consequence.mau-pagador');
  });

  it('mau pagador: brief, firm, factual; the formal steps as process; never the first-delay tone', () => {
    const c = context(bad);
    expect(c.profile.kind).toBe('mau_pagador');
    expect(c.facts).toMatchObject({ overdueCount: 4, daysLate: 105, firstPurchase: true, brokenPromiseOn: '2026-11-10' });
    expect(ids(c)).toEqual(expect.arrayContaining(['prepare.approach.mau-pagador', 'propose.full.mau-pagador', 'propose.flex.mau-pagador', 'recap.consequence.mau-pagador']));
    expect(ids(c).filter((id) => id.includes('first-delay') || id.includes('long-history'))).toEqual([]);
    const recap = point(c, 'recap').map((p) => p.text).join(' ');
    expect(recap).toMatch(/aviso por escrito com prazo/);
    expect(recap).toMatch(/5 dias úteis/);
    // The broken promise leads the reason for the call.
    expect(point(c, 'say_why')[0].id).toBe('say-why.broken-promise');
    expect(point(c, 'say_why')[0].text).toContain('R$ 200,00');
    expect(c.avoid).toEqual(expect.arrayContaining(['Desconto sem entrada.']));
    // History: the promise (broken) and the call that made it, with who made it.
    expect(c.promises[0]).toMatchObject({ date: '2026-11-10', amountCents: 20000, status: 'broken', broken: true, kept: false, statusLabel: 'Não cumprida' });
    expect(c.contacts[0]).toMatchObject({ outcome: 'promise', outcomeLabel: 'Prometeu pagar', by: 'Carlos Atendente' });
  });

  it('talking points differ between the four situations and every text is clean', () => {
    const all = [novo, longGood, firstDelay, bad].map((id) => context(id));
    const whys = all.map((c) => point(c, 'say_why')[0].id);
    expect(new Set(whys).size).toBe(4);
    for (const c of all) {
      for (const text of [...c.talkingPoints.map((p) => p.text), ...c.objections.flatMap((o) => o.responses)]) {
        expect(scanForbidden(text), text).toEqual([]);
        expect(text).not.toMatch(/[{}]/);
      }
      // Every stage of CALLS.md has at least one point.
      expect(new Set(c.talkingPoints.map((p) => p.stage))).toEqual(new Set(['prepare', 'open', 'say_why', 'listen', 'propose', 'objections', 'commit', 'recap', 'close', 'record']));
      expect(c.objections.map((o) => o.id)).toEqual([...OBJECTION_IDS]);
    }
    expect(all[0].objections.find((o) => o.id === 'quem-esta-falando')!.responses[0]).toBe('Aqui é Carlos, da Loja Boa Vista. É um assunto pessoal com Ana.');
  });

  it('calling allowed now, and why not after a call; the wrong phone is marked and the other one is proposed', () => {
    let c = context(firstDelay);
    expect(c.calling.allowed).toBe(true);
    expect(c.phoneToUse!.number).toBe('11987651111');
    t.ok('contacts.record', { customerId: firstDelay, channel: 'phone', outcome: 'wrong_number', phone: '11987651111', objectionIds: ['numero-errado'] }, clerk);
    c = context(firstDelay);
    expect(c.phones).toEqual([expect.objectContaining({ number: '11987651111', wrongNumber: true, use: false }), expect.objectContaining({ number: '11987652222', wrongNumber: false, use: true })]);
    expect(c.phoneToUse!.number).toBe('11987652222');
    expect(c.calling.allowed).toBe(false);
    expect(c.calling.reasons.length).toBeGreaterThan(0);
    expect(c.contacts[0]).toMatchObject({ outcome: 'wrong_number', outcomeLabel: 'Número errado', objectionIds: ['numero-errado'] });
  });

  it('a dispute shows in the file and pauses calling', () => {
    t.ok('contacts.record', { customerId: novo, channel: 'phone', outcome: 'dispute', disputeKind: 'not_received', objectionIds: ['nao-recebi-defeito'] }, clerk);
    const c = context(novo);
    expect(c.disputes).toEqual([expect.objectContaining({ kind: 'not_received', kindLabel: 'Não recebeu o produto', open: true })]);
    expect(c.facts.openDisputes).toBe(1);
    expect(c.calling.allowed).toBe(false);
  });
});

describe('calls.context — bad input', () => {
  it('unknown customer → not_found; malformed id → validation', () => {
    expect(t.fail('calls.context', { customerId: '01J00000000000000000000000' }, clerk).kind).toBe('not_found');
    expect(t.fail('calls.context', {}, clerk).kind).toBe('validation');
  });

  it('contacts.record refuses an unknown objection id with a pt-BR message, nothing written', () => {
    const id = person('Eva Nunes');
    sale(id, 'Cama', '2026-09-05', '2026-10-10', 2);
    t.clock.set('2026-11-23');
    const before = t.count('contacts');
    const e = t.fail('contacts.record', { customerId: id, channel: 'phone', outcome: 'no_answer', objectionIds: ['sem-dinheiro', 'vou-pensar'] }, clerk);
    expect(e.kind).toBe('validation');
    expect(e.message).toMatch(/Objeção desconhecida/);
    expect(t.count('contacts')).toBe(before);
    t.ok('contacts.record', { customerId: id, channel: 'phone', outcome: 'no_answer', objectionIds: ['sem-dinheiro'] }, clerk);
    expect(t.count('contacts')).toBe(before + 1);
  });
});
