import { describe, it, expect } from 'vitest';
import { OBJECTIONS, OBJECTION_IDS, isObjectionId, objectionById } from './objections';
import { registeredCatalogs } from './catalog-registry';
import { scanForbidden } from './forbidden';
import { contactRecord, contactOutcome, disputeKind } from '../contract/collection';

// The eleven objections of CALLS.md and where each leads (issue 7 §3).

describe('objections', () => {
  it('eleven, kebab-case ids, 2–3 answers each, clean and registered for the scan', () => {
    expect(OBJECTIONS).toHaveLength(11);
    expect(OBJECTIONS.map((o) => o.id)).toEqual([...OBJECTION_IDS]);
    for (const o of OBJECTIONS) {
      expect(o.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(o.responses.length, o.id).toBeGreaterThanOrEqual(2);
      expect(o.responses.length, o.id).toBeLessThanOrEqual(3);
      for (const t of [o.label, ...o.responses, o.next.hint]) expect(scanForbidden(t), `${o.id}: ${t}`).toEqual([]);
    }
    const texts = registeredCatalogs().find((c) => c.id === 'objections')!.texts();
    expect(texts.length).toBe(OBJECTIONS.reduce((n, o) => n + o.responses.length + 2, 0));
  });

  it.each([
    ['sem-dinheiro', 'offers', undefined, undefined],
    ['nao-recebi-defeito', 'dispute', 'defect', 'dispute'],
    ['ja-paguei', 'dispute', 'payment_check', 'dispute'],
    ['pago-semana-que-vem', 'promise', undefined, 'promise'],
    ['nao-reconheco', 'dispute', 'not_recognized', 'dispute'],
    ['so-uma-parte', 'partial_and_promise', undefined, 'promise'],
    ['ligue-mais-tarde', 'callback', undefined, 'callback'],
    ['procon-irritado', 'escalate', undefined, undefined],
    ['carne-nao-chegou', 'second_copy_pix', undefined, undefined],
    ['quem-esta-falando', 'third_party', undefined, 'third_party'],
    ['numero-errado', 'wrong_number', undefined, 'wrong_number'],
  ] as const)('%s → %s', (id, kind, dk, outcome) => {
    const o = objectionById(id);
    expect(o.next.kind).toBe(kind);
    expect(o.next.disputeKind).toBe(dk);
    expect(o.next.outcome).toBe(outcome);
    if (o.next.outcome) expect(contactOutcome.safeParse(o.next.outcome).success).toBe(true);
    if (o.next.disputeKind) expect(disputeKind.safeParse(o.next.disputeKind).success).toBe(true);
  });

  it('"quem está falando?" discloses nothing: no amount, no parcela, no payment', () => {
    for (const r of objectionById('quem-esta-falando').responses) expect(r).not.toMatch(/R\$|parcela|pagamento|pagar|valor|atraso|conta/i);
  });

  it('isObjectionId and contacts.record accept only the known ids', () => {
    expect(isObjectionId('sem-dinheiro')).toBe(true);
    expect(isObjectionId('vou-pensar')).toBe(false);
    expect(isObjectionId(3)).toBe(false);
    const base = { customerId: 'c1', channel: 'phone', outcome: 'no_answer' };
    expect(contactRecord.safeParse({ ...base, objectionIds: ['ja-paguei'] }).success).toBe(true);
    const bad = contactRecord.safeParse({ ...base, objectionIds: ['ja-paguei', 'vou-pensar'] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].message).toMatch(/^Objeção desconhecida/);
    expect(bad.error!.issues[0].path).toEqual(['objectionIds', 1]);
  });
});
