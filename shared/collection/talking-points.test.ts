import { describe, it, expect } from 'vitest';
import { talkingPoints, avoidList, objectionsFor, situationsOf, fill, type TalkingFacts } from './talking-points';
import { TALKING_POINTS, AVOID, STAGES, TALKING_POINT_VARIABLES } from './talking-points-catalog';
import { registeredCatalogs } from './catalog-registry';
import { scanForbidden } from './forbidden';
import { PROFILE_KINDS } from '../ui-format/profile';

// The talking-point rules (issue 7 §2) for each profile and situation. 2026-11-10 is a Tuesday.

const base: TalkingFacts = {
  profile: 'ocasional',
  firstPurchase: false,
  firstDelay: false,
  onTimePaidCount: 4,
  keyCustomer: false,
  daysLate: 13,
  overdueCents: 10250,
  overdueCount: 1,
  oldestOverdue: { number: 2, count: 5, dueDate: '2026-11-10' },
  brokenPromise: null,
  callback: false,
  storeName: 'Loja Boa Vista',
  clerkName: 'Carlos Atendente',
  customerName: 'ANA maria lima',
  purchase: 'Sofá 3 lugares',
  pixKey: 'loja@exemplo.com.br',
};
const with_ = (over: Partial<TalkingFacts>) => talkingPoints({ ...base, ...over });
const byStage = (pts: ReturnType<typeof talkingPoints>, stage: string) => pts.filter((p) => p.stage === stage);
const idsOf = (pts: ReturnType<typeof talkingPoints>) => pts.map((p) => p.id);

describe('talking points: one phrase per slot, every stage, variables filled', () => {
  it('covers the ten stages in CALLS.md order with the customer, clerk and store named', () => {
    const pts = talkingPoints(base);
    const stages = [...new Set(pts.map((p) => p.stage))];
    expect(stages).toEqual(STAGES.map((s) => s.id));
    const open = byStage(pts, 'open')[0].text;
    expect(open).toBe('Oi, tudo bem? Aqui é Carlos, da Loja Boa Vista. Por favor, eu falo com Ana?');
    expect(byStage(pts, 'say_why')[0].text).toBe('O motivo da ligação: a parcela 2/5, que venceu terça-feira, 10/11, ainda está em aberto. Hoje o valor é R$ 102,50.');
    for (const p of pts) expect(p.text).not.toMatch(/[{}]/);
  });

  it('first purchase: confirms the product and the carnê arrived before the money', () => {
    const pts = with_({ profile: 'novo', firstPurchase: true, firstDelay: true });
    const open = byStage(pts, 'open').map((p) => p.id);
    expect(open).toEqual(['open.greet', 'open.confirm.first-purchase', 'open.carne.first-purchase']);
    expect(byStage(pts, 'open')[1].text).toContain('(Sofá 3 lugares) chegou direitinho');
    expect(byStage(pts, 'say_why')[0].id).toBe('say-why.first-purchase');
  });

  it('first delay: assumes they forgot — a light reminder', () => {
    const pts = with_({ firstDelay: true });
    expect(byStage(pts, 'say_why')[0].id).toBe('say-why.first-delay');
    expect(byStage(pts, 'say_why')[0].text).toMatch(/passado batido/);
    expect(byStage(pts, 'prepare').map((p) => p.text).join(' ')).toMatch(/esquecimento/);
    expect(byStage(pts, 'propose')[0].id).toBe('propose.full.first-delay');
  });

  it('long good history: the record as an invitation and flexibility on charges', () => {
    const pts = with_({ profile: 'em_dia', onTimePaidCount: 12, firstDelay: true });
    expect(byStage(pts, 'say_why')[0].text).toContain('12 parcelas pagas em dia');
    expect(idsOf(pts)).toEqual(expect.arrayContaining(['propose.full.long-history', 'propose.flex.long-history', 'close.thanks.long-history']));
    expect(situationsOf({ ...base, onTimePaidCount: 11 }).has('long_history')).toBe(false);
  });

  it('mau pagador: brief, firm, the written notice as process, no first-delay or long-history tone', () => {
    const pts = with_({ profile: 'mau_pagador', firstDelay: true, onTimePaidCount: 20, overdueCount: 3, daysLate: 80 });
    const ids = idsOf(pts);
    expect(ids).toEqual(expect.arrayContaining(['prepare.approach.mau-pagador', 'open.confirm.mau-pagador', 'say-why.mau-pagador', 'propose.full.mau-pagador', 'propose.flex.mau-pagador', 'recap.consequence.mau-pagador', 'commit.who.mau-pagador']));
    expect(ids.filter((id) => /first-delay|long-history/.test(id))).toEqual([]);
    expect(byStage(pts, 'recap').map((p) => p.text).join(' ')).toMatch(/aviso por escrito com prazo.*5 dias úteis/);
    expect(avoidList({ ...base, profile: 'mau_pagador' })).toContain('Desconto sem entrada.');
  });

  it('crônico: due date on payday; negligente: one date and a reminder the day before', () => {
    expect(idsOf(with_({ profile: 'cronico' }))).toContain('propose.flex.cronico');
    expect(avoidList({ ...base, profile: 'cronico' }).join(' ')).toMatch(/Perdoar multa de novo/);
    expect(idsOf(with_({ profile: 'negligente' }))).toContain('propose.flex.negligente');
  });

  it('broken promise leads; callback greets with the request; key customer mentions the owner', () => {
    const pts = with_({ brokenPromise: { date: '2026-11-10', amountCents: 20000 }, callback: true, keyCustomer: true });
    expect(byStage(pts, 'say_why')[0].text).toBe('Estou ligando sobre o que combinamos: R$ 200,00 até terça-feira, 10/11. Ainda não apareceu aqui para mim.');
    expect(byStage(pts, 'open')[0].id).toBe('open.greet.callback');
    expect(idsOf(pts)).toEqual(expect.arrayContaining(['prepare.key-customer', 'prepare.broken-promise', 'record.broken-promise']));
  });

  it('no PIX key: payment in the store only; no clerk name: the store greets', () => {
    const pts = with_({ pixKey: '', clerkName: '' });
    expect(idsOf(pts)).toContain('prepare.payment.no-pix');
    expect(byStage(pts, 'open')[0].id).toBe('open.greet.store');
    expect(pts.map((p) => p.text).join(' ')).not.toMatch(/PIX, chave/);
    expect(byStage(talkingPoints(base), 'propose')[0].text).toContain('por PIX, chave loja@exemplo.com.br');
  });

  it('nothing overdue: no amounts, no proposal', () => {
    const pts = with_({ overdueCount: 0, overdueCents: 0, daysLate: 0, oldestOverdue: null });
    expect(byStage(pts, 'say_why')[0].id).toBe('say-why.none');
    expect(byStage(pts, 'propose')).toEqual([]);
  });

  it('every profile gets a full set of clean points', () => {
    for (const profile of PROFILE_KINDS) {
      const pts = with_({ profile });
      expect(new Set(pts.map((p) => p.stage)).size, profile).toBe(STAGES.length);
      for (const p of pts) expect(scanForbidden(p.text), p.id).toEqual([]);
    }
  });

  it('fill leaves a variant out when a variable has no value', () => {
    expect(fill('Oi, {primeiroNome}!', { primeiroNome: 'Ana' })).toBe('Oi, Ana!');
    expect(fill('Oi, {primeiroNome}!', {})).toBeNull();
  });
});

describe('the catalog as data', () => {
  it('unique ids, known variables, and registered for the catalog scan', () => {
    const ids = [...TALKING_POINTS, ...AVOID].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set<string>(TALKING_POINT_VARIABLES);
    for (const e of [...TALKING_POINTS, ...AVOID]) for (const m of e.text.matchAll(/\{([^{}]*)\}/g)) expect(known.has(m[1]), `${e.id}: {${m[1]}}`).toBe(true);
    // Every slot ends in a variant with no conditions, or is optional by design (conditions on all variants).
    expect(registeredCatalogs().map((c) => c.id)).toEqual(expect.arrayContaining(['talking-points', 'objections']));
    const texts = registeredCatalogs().find((c) => c.id === 'talking-points')!.texts();
    expect(texts.length).toBe(STAGES.length + TALKING_POINTS.length + AVOID.length);
  });

  it('the evitar list names the forbidden words and the situation', () => {
    const avoid = avoidList({ ...base, firstDelay: true });
    expect(avoid.join(' ')).toMatch(/atraso grave/);
    expect(avoid[avoid.length - 1]).toMatch(/"devedor"/);
    expect(avoid[0]).toBe('Falar de valores com quem atender no lugar de Ana.');
  });

  it('objection answers are filled for the call', () => {
    const o = objectionsFor(base).find((x) => x.id === 'carne-nao-chegou')!;
    expect(o.responses[1]).toBe('Você pode pagar aqui na loja ou por PIX, chave loja@exemplo.com.br. Posso te mandar os dados por mensagem?');
  });
});
