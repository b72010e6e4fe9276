import { describe, expect, it } from 'vitest';
import { contactPolicy, belongsOnTodaysList, quietLastDay, type ContactPolicyFacts, type PolicyContact } from './contact-policy';

const rules = { graceDays: 3, maxCallsPerDay: 1, maxCallsPer7Days: 3, quietDaysAfterConversation: 7 };
const tz = 'America/Sao_Paulo';
const ts = (date: string, hhmm = '10:00') => new Date(`${date}T${hhmm}:00-03:00`).toISOString();
const call = (date: string, outcome = 'no_answer', hhmm = '10:00'): PolicyContact => ({ at: ts(date, hhmm), channel: 'phone', outcome, inbound: false });

// Monday 2026-11-23 at 11:00; a parcela due (effectively) on 2026-11-10.
const base = (over: Partial<ContactPolicyFacts> = {}, standing: Partial<ContactPolicyFacts['standing']> = {}): ContactPolicyFacts => ({
  standing: { overduePrincipalCents: 15000, oldestOverdueDue: '2026-11-10', paidOffOn: null, brokenPromiseOn: null, lastConversationAt: null, callbackAt: null, openDisputes: 0, ...standing },
  doNotCall: false,
  agreement: null,
  phones: [{ number: '11987654321', position: 0, wrongNumber: false }],
  recentContacts: [],
  today: '2026-11-23',
  now: new Date('2026-11-23T11:00:00-03:00'),
  timeZone: tz,
  ...over,
});
const codes = (f: ContactPolicyFacts, r = rules) => contactPolicy(f, r).blocks.map((b) => b.code);

describe('contactPolicy — the plain case', () => {
  it('an overdue customer past the grace days with a good phone may be called', () => {
    const d = contactPolicy(base(), rules);
    expect(d).toMatchObject({ allowed: true, reasons: [], phone: { number: '11987654321' } });
  });
});

describe('contactPolicy — grace days after the oldest effective due date', () => {
  it('due 20/11 with 3 grace days: not on 21, 22, 23; from 24/11', () => {
    for (const today of ['2026-11-21', '2026-11-22', '2026-11-23']) expect(codes(base({ today }, { oldestOverdueDue: '2026-11-20' }))).toEqual(['grace']);
    expect(codes(base({ today: '2026-11-24' }, { oldestOverdueDue: '2026-11-20' }))).toEqual([]);
    expect(contactPolicy(base({}, { oldestOverdueDue: '2026-11-20' }), rules).reasons[0]).toBe('Dentro da carência: a parcela venceu em 20/11; ligar a partir de 24/11.');
  });
  it('nothing overdue or paid off: never', () => {
    expect(codes(base({}, { overduePrincipalCents: 0, oldestOverdueDue: null }))).toEqual(['nothing_overdue']);
    expect(contactPolicy(base({}, { overduePrincipalCents: 0, oldestOverdueDue: null, paidOffOn: '2026-11-20' }), rules).reasons).toEqual(['Conta quitada em 20/11/2026: nada a cobrar.']);
  });
});

describe('contactPolicy — pauses', () => {
  it('não ligar, an open dispute, a current agreement in good standing', () => {
    expect(codes(base({ doNotCall: true }))).toEqual(['do_not_call']);
    expect(codes(base({}, { openDisputes: 1 }))).toEqual(['dispute']);
    expect(codes(base({ agreement: { openCount: 4, overdueCount: 0 } }))).toEqual(['agreement']);
    expect(codes(base({ agreement: { openCount: 4, overdueCount: 1 } }))).toEqual(['agreement']);
  });
  it('an agreement with two parcelas missed is broken: collection resumes', () => {
    expect(codes(base({ agreement: { openCount: 4, overdueCount: 2 } }))).toEqual([]);
  });
  it('a pending promise: a reminder, not a call, until its date passes; a kept one no longer holds', () => {
    expect(codes(base({}, { promiseDate: '2026-11-23', promiseStatus: 'pending' }))).toEqual(['promise_pending']);
    expect(contactPolicy(base({}, { promiseDate: '2026-11-23', promiseStatus: 'pending' }), rules).reasons).toEqual(['Promessa de pagamento para hoje: enviar lembrete e conferir o pagamento, sem ligar.']);
    expect(codes(base({}, { promiseDate: '2026-11-30', promiseStatus: 'pending' }))).toEqual(['promise_pending']);
    expect(codes(base({}, { promiseDate: '2026-11-30', promiseStatus: 'kept' }))).toEqual([]);
    expect(codes(base({}, { promiseDate: '2026-11-20', promiseStatus: 'late', brokenPromiseOn: '2026-11-20' }))).toEqual([]);
  });
  it('lists every block, not just the first', () => {
    expect(codes(base({ doNotCall: true, phones: [] }, { openDisputes: 2 }))).toEqual(['do_not_call', 'dispute', 'no_phone']);
  });
});

describe('contactPolicy — caps per customer', () => {
  it('one call attempt today is the daily cap, whatever its outcome', () => {
    expect(codes(base({ recentContacts: [call('2026-11-23', 'no_answer', '09:00')] }))).toEqual(['cap_day']);
    expect(codes(base({ recentContacts: [call('2026-11-23', 'third_party', '09:00')] }))).toEqual(['cap_day']);
    expect(codes(base({ recentContacts: [call('2026-11-22', 'no_answer', '09:00')] }))).toEqual([]);
  });
  it('three calls in the last 7 days (today and the six before) is the weekly cap', () => {
    const three = [call('2026-11-17'), call('2026-11-19'), call('2026-11-21')];
    expect(codes(base({ recentContacts: three }))).toEqual(['cap_week']);
    expect(contactPolicy(base({ recentContacts: three }), rules).reasons).toEqual(['3 ligações nos últimos 7 dias (limite de 3).']);
    // 16/11 is eight days ago counting today: outside the window.
    expect(codes(base({ recentContacts: [call('2026-11-16'), call('2026-11-19'), call('2026-11-21')] }))).toEqual([]);
  });
  it('messages and calls the customer made do not count as collection calls', () => {
    const others: PolicyContact[] = [
      { at: ts('2026-11-23', '09:00'), channel: 'whatsapp', outcome: 'message_sent', inbound: false },
      { at: ts('2026-11-23', '09:30'), channel: 'phone', outcome: 'no_answer', inbound: true },
    ];
    expect(codes(base({ recentContacts: others }))).toEqual([]);
  });
  it('a daily cap of 0 means no calls at all', () => {
    expect(codes(base(), { ...rules, maxCallsPerDay: 0 })).toEqual(['cap_day']);
  });
});

describe('contactPolicy — quiet days after a conversation', () => {
  it('a conversation on Monday 16/11 pauses calls up to Sunday 22/11; Monday 23/11 is free', () => {
    expect(quietLastDay('2026-11-16', 7)).toBe('2026-11-22');
    expect(codes(base({ today: '2026-11-22' }, { lastConversationAt: ts('2026-11-16') }))).toEqual(['quiet']);
    const d = contactPolicy(base({ today: '2026-11-20' }, { lastConversationAt: ts('2026-11-16') }), rules);
    expect(d).toMatchObject({ allowed: false, quietUntil: '2026-11-22' });
    expect(d.reasons).toEqual(['Conversou com a loja em 16/11: pausa de 7 dias após uma conversa, até 22/11.']);
    expect(codes(base({}, { lastConversationAt: ts('2026-11-16') }))).toEqual([]);
  });
  it('a promise broken after the conversation lifts the pause', () => {
    expect(codes(base({}, { lastConversationAt: ts('2026-11-18'), brokenPromiseOn: '2026-11-20' }))).toEqual([]);
  });
  it('counts the store-time day: 22:30 in São Paulo is already the next day in UTC', () => {
    const late = new Date('2026-11-15T22:30:00-03:00').toISOString();
    expect(late.slice(0, 10)).toBe('2026-11-16');
    expect(codes(base({ today: '2026-11-22' }, { lastConversationAt: late }))).toEqual([]);
  });
});

describe('contactPolicy — callbacks', () => {
  const asked = ts('2026-11-20', '10:00');
  it('asked for a later day: not before it', () => {
    const d = contactPolicy(base({}, { lastConversationAt: asked, callbackAt: ts('2026-11-24', '18:00') }), rules);
    expect(d.blocks.map((b) => b.code)).toEqual(['callback_later']);
    expect(d.reasons).toEqual(['Pediu retorno em 24/11 às 18:00.']);
  });
  it('asked for today at 18:00: on today’s list, not callable before the time, free of the quiet days', () => {
    const d = contactPolicy(base({}, { lastConversationAt: asked, callbackAt: ts('2026-11-23', '18:00') }), rules);
    expect(d.blocks.map((b) => b.code)).toEqual(['callback_later_today']);
    expect(belongsOnTodaysList(d)).toBe(true);
    expect(d.callbackDue).toBe(true);
    const at18 = contactPolicy(base({ now: new Date('2026-11-23T18:00:00-03:00') }, { lastConversationAt: asked, callbackAt: ts('2026-11-23', '18:00') }), rules);
    expect(at18.allowed).toBe(true);
  });
  it('a callback the customer timed is exempt from the caps: "ligue às 18h" after a call at 10h today', () => {
    const d = contactPolicy(
      base({ now: new Date('2026-11-23T18:05:00-03:00'), recentContacts: [call('2026-11-23', 'callback', '10:00')] }, { lastConversationAt: ts('2026-11-23', '10:00'), callbackAt: ts('2026-11-23', '18:00') }),
      rules,
    );
    expect(d.allowed).toBe(true);
  });
  it('a callback with no time is callable from the next moment the caps allow', () => {
    const f = base({ recentContacts: [call('2026-11-23', 'callback', '10:00')] }, { lastConversationAt: ts('2026-11-23', '10:00'), callbackAt: ts('2026-11-23', '10:00') });
    expect(codes(f)).toEqual(['cap_day']);
    expect(codes({ ...f, today: '2026-11-24', now: new Date('2026-11-24T09:00:00-03:00') })).toEqual([]);
  });
});

describe('contactPolicy — phones', () => {
  it('skips a wrong number for the next good phone by position', () => {
    const phones = [
      { number: '11911111111', position: 1, wrongNumber: false },
      { number: '11900000000', position: 0, wrongNumber: true },
    ];
    expect(contactPolicy(base({ phones }), rules)).toMatchObject({ allowed: true, phone: { number: '11911111111' } });
  });
  it('every phone wrong: left out', () => {
    const d = contactPolicy(base({ phones: [{ number: '11900000000', position: 0, wrongNumber: true }] }), rules);
    expect(d).toMatchObject({ allowed: false, phone: null });
    expect(d.reasons).toEqual(['Nenhum telefone válido: os números do cadastro estão marcados como errados.']);
  });
  it('the clerk dialling a number marked wrong is refused; another number is fine', () => {
    const phones = [{ number: '11900000000', position: 0, wrongNumber: true }, { number: '11911111111', position: 1, wrongNumber: false }];
    expect(codes(base({ phones, phoneUsed: '(11) 90000-0000' }))).toEqual(['wrong_number']);
    expect(contactPolicy(base({ phones, phoneUsed: '11911111111' }), rules).phone?.number).toBe('11911111111');
  });
});
