import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { cpfFromBase } from '../../shared/cpf';
import { rebuildAllStandings } from '../../db/projections/standings';

// The day's short list through the dispatcher, on a real SQLite file: one crafted history per exclusion.
// 2026-11-23 is a Monday; the test clock stands at noon (inside the calling window) unless moved.

let t: TestBackend;
let clerk: Caller;
let owner: Caller;
let seq = 0;

beforeEach(() => {
  t = testBackend('2026-11-23');
  ({ clerk, owner } = t.withPeople());
  seq = 0;
});
afterEach(() => t.close());

const SP = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00-03:00`);

/** A customer with one parcela of R$ 150,00 due on `due` (bought a month before). */
function customer(name: string, due = '2026-10-13', over: Record<string, unknown> = {}, amount = 15000): string {
  seq++;
  const phones = (over.phones as unknown) ?? [{ number: `119${String(87650000 + seq)}` }];
  const id = t.ok('customers.create', { name, cpf: cpfFromBase(String(100000000 + seq * 7919)), ...over, phones }, clerk).id as string;
  const [y, m, d] = due.split('-').map(Number);
  const saleDate = new Date(Date.UTC(y, m - 2, Math.min(d, 28))).toISOString().slice(0, 10);
  t.ok('sales.create', { customerId: id, date: saleDate, description: 'Geladeira', totalCents: amount, installmentCount: 1, firstDueDate: due }, clerk);
  return id;
}

type Queue = {
  asOf: string;
  items: { customerId: string; name: string; score: number; overdueCents: number; daysLate: number; reasons: string[]; phone: { number: string; label: string } | null; profile: string }[];
  promisesDueToday: { customerId: string; date: string; amountCents: number; paidCents: number; status: string }[];
  remindersTomorrow: { customerId: string; date: string }[];
  calling: { allowed: boolean; message: string; opensAt: string | null; closedReason: string | null };
};
const queue = (input: Record<string, unknown> = {}) => t.ok<Queue>('queue.build', input, clerk);
const names = (input: Record<string, unknown> = {}) => queue(input).items.map((i) => i.name);
const call = (customerId: string, outcome: string, extra: Record<string, unknown> = {}) => t.ok('contacts.record', { customerId, channel: 'phone', outcome, ...extra }, clerk);

describe('queue.build — who is on the list', () => {
  it('an overdue customer past the grace days, with the reasons, the phone and what the statement says is overdue', () => {
    const ana = customer('Ana Lima');
    const q = queue();
    expect(q.asOf).toBe('2026-11-23');
    expect(q.items).toHaveLength(1);
    const st = t.ok('accounts.statement', { customerId: ana }, clerk);
    expect(q.items[0]).toMatchObject({ customerId: ana, name: 'Ana Lima', daysLate: 41, overdueCents: st.overdueCents, phone: { number: '11987650001', label: '(11) 98765-0001' } });
    expect(st.overdueCents).toBe(15505); // DOMAIN.md example: multa 300 + juros 205
    expect(q.items[0].reasons).toEqual(expect.arrayContaining(['41 dias de atraso', 'R$ 155,05 em atraso']));
    expect(q.calling).toMatchObject({ allowed: true, closedReason: null });
  });

  it('inside grace: due on the 20/11 feriado → effective Saturday 21/11, callable from Wednesday 25/11', () => {
    customer('Bia Souza', '2026-11-20');
    expect(names()).toEqual([]);
    t.clock.set('2026-11-24');
    expect(names()).toEqual([]);
    t.clock.set('2026-11-25');
    expect(names()).toEqual(['Bia Souza']);
  });

  it('não ligar leaves the customer out', () => {
    const c = customer('Caio Dias');
    t.ok('customers.update', { id: c, doNotCall: true }, clerk);
    expect(names()).toEqual([]);
    t.ok('customers.update', { id: c, doNotCall: false }, clerk);
    expect(names()).toEqual(['Caio Dias']);
  });

  it('called today (no answer): out until tomorrow', () => {
    const c = customer('Davi Reis');
    call(c, 'no_answer');
    expect(names()).toEqual([]);
    t.clock.set('2026-11-24');
    expect(names()).toEqual(['Davi Reis']);
  });

  it('over the 7-day cap: three attempts on 17, 18 and 19/11 hold Monday 23/11, free on 24/11', () => {
    const c = customer('Eva Prado');
    for (const day of ['2026-11-17', '2026-11-18', '2026-11-19']) {
      t.clock.set(day);
      call(c, 'no_answer');
    }
    t.clock.set('2026-11-23');
    expect(names()).toEqual([]);
    expect(t.fail('contacts.record', { customerId: c, channel: 'phone', outcome: 'no_answer' }, clerk).message).toContain('3 ligações nos últimos 7 dias (limite de 3).');
    t.clock.set('2026-11-24');
    expect(names()).toEqual(['Eva Prado']);
  });

  it('quiet after a conversation: refused on 18/11 → quiet through 24/11, back on 25/11', () => {
    const c = customer('Fábio Luz');
    t.clock.set('2026-11-18');
    call(c, 'refused');
    t.clock.set('2026-11-23');
    expect(names()).toEqual([]);
    t.clock.set('2026-11-24');
    expect(names()).toEqual([]);
    t.clock.set('2026-11-25');
    expect(names()).toEqual(['Fábio Luz']);
  });

  it('third party answered: an attempt (counts for the cap), not a conversation (no quiet days)', () => {
    const c = customer('Gil Moura');
    call(c, 'third_party', { notes: 'A irmã atendeu; nada foi informado.' });
    expect(names()).toEqual([]);
    t.clock.set('2026-11-24');
    expect(names()).toEqual(['Gil Moura']);
  });

  it('callback requested for 25/11 at 18:00: out before that day, first on it, callable at the time', () => {
    const c = customer('Hugo Sá');
    customer('Iara Melo', '2026-08-10', {}, 500000); // older and bigger: would lead otherwise
    call(c, 'callback', { callbackAt: '2026-11-25T18:00:00-03:00', callbackChannel: 'phone', notes: 'Está no trabalho.' });
    expect(names()).toEqual(['Iara Melo']);
    t.clock.set('2026-11-24');
    expect(names()).toEqual(['Iara Melo']);
    t.clock.set('2026-11-25');
    const q = queue();
    expect(q.items.map((i) => i.name)).toEqual(['Hugo Sá', 'Iara Melo']);
    expect(q.items[0].reasons[0]).toBe('Pediu retorno hoje às 18:00');
    // At noon the customer's chosen time has not come: an outbound call is refused, with the reason.
    expect(t.fail('contacts.record', { customerId: c, channel: 'phone', outcome: 'no_answer' }, clerk)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('Pediu retorno hoje às 18:00.') });
    t.clock.at(SP('2026-11-25', '18:00'));
    expect(call(c, 'promise').id).toBeTruthy();
  });

  it('a dispute pauses collection until it is resolved', () => {
    const c = customer('Jair Neves');
    const r = call(c, 'dispute', { disputeKind: 'defect', notes: 'A geladeira não gela.' });
    expect(r.disputeId).toBeTruthy();
    const row = t.store.sqlite.prepare('SELECT kind, customer_id AS c, contact_id AS k, resolved_at AS r FROM disputes').get() as any;
    expect(row).toEqual({ kind: 'defect', c, k: r.id, r: null });
    t.clock.set('2026-12-07'); // past the quiet days of the conversation
    expect(names()).toEqual([]);
    expect(t.ok('disputes.list', { open: true }, clerk).items).toEqual([expect.objectContaining({ id: r.disputeId, customerName: 'Jair Neves', kindLabel: 'Produto com defeito', resolvedAt: null })]);
    // Only the owner resolves it; then collection resumes.
    expect(t.fail('disputes.resolve', { id: r.disputeId, resolution: 'Geladeira trocada.' }, clerk).kind).toBe('forbidden');
    t.ok('disputes.resolve', { id: r.disputeId, resolution: 'Geladeira trocada pela assistência.' }, owner);
    expect(t.fail('disputes.resolve', { id: r.disputeId, resolution: 'De novo.' }, owner).kind).toBe('conflict');
    expect(t.fail('disputes.resolve', { id: 'nao-existe', resolution: 'Nada.' }, owner).kind).toBe('not_found');
    expect(t.ok('disputes.list', { open: true }, clerk).items).toEqual([]);
    expect(names()).toEqual(['Jair Neves']);
  });

  it('a current agreement in good standing pauses collection; two missed parcelas bring the debt back', () => {
    const c = customer('Lia Rocha');
    // agreements.create belongs to another issue: the rows are written as it would write them.
    const meta = { at: '2026-11-01T15:00:00.000Z', device: 'A' };
    const q = t.store.sqlite;
    q.prepare(`INSERT INTO agreements (id, customer_id, number, date, principal_cents, charges_cents, discount_cents, down_payment_cents, installment_count, monthly_rate_pct, first_due_date, created_at, updated_at, device)
               VALUES ('ag1', @c, 'AC-1', '2026-10-20', 15000, 0, 0, 0, 4, 0, '2026-11-05', @at, @at, @device)`).run({ c, ...meta });
    q.prepare('UPDATE installments SET renegotiated_by = ? WHERE customer_id = ?').run('ag1', c);
    const ins = q.prepare(`INSERT INTO installments (id, customer_id, agreement_id, number, count, due_date, amount_cents, monthly_rate_pct, fine_rate_pct, late_interest_monthly_pct, created_at, updated_at, device)
                           VALUES (@id, @c, 'ag1', @n, 4, @due, 3750, 0, 2, 1, @at, @at, @device)`);
    ['2026-11-05', '2026-12-07', '2027-01-05', '2027-02-05'].forEach((due, k) => ins.run({ id: `ag1-${k + 1}`, c, n: k + 1, due, ...meta }));
    rebuildAllStandings(t.store, '2026-11-23');
    // One agreement parcela overdue (05/11): still in good standing.
    expect(names()).toEqual([]);
    t.clock.set('2026-12-14');
    expect(names()).toEqual(['Lia Rocha']);
  });

  it('paid off: out of the list', () => {
    const c = customer('Mara Cruz');
    const { overdueCents } = t.ok('accounts.statement', { customerId: c }, clerk);
    t.ok('payments.receive', { customerId: c, amountCents: overdueCents, method: 'pix' }, clerk);
    expect(names()).toEqual([]);
  });

  it('a wrong number is marked and never proposed again: the next phone, then nobody', () => {
    const c = customer('Nina Paz', '2026-10-13', { phones: [{ number: '11911110000' }, { number: '11922220000' }] });
    expect(queue().items[0].phone?.number).toBe('11911110000');
    expect(call(c, 'wrong_number', { phone: '(11) 91111-0000' }).markedWrong).toBe('11911110000');
    expect(t.store.sqlite.prepare('SELECT number, wrong_number AS w FROM customer_phones WHERE customer_id = ? ORDER BY position').all(c)).toEqual([
      { number: '11911110000', w: 1 },
      { number: '11922220000', w: 0 },
    ]);
    t.clock.set('2026-11-24');
    expect(queue().items[0].phone?.number).toBe('11922220000');
    // Dialling the wrong one again is refused; the default phone of a call is the good one.
    expect(t.fail('contacts.record', { customerId: c, channel: 'phone', outcome: 'no_answer', phone: '11911110000' }, clerk).message).toContain('marcado como errado');
    expect(call(c, 'wrong_number').markedWrong).toBe('11922220000');
    t.clock.set('2026-11-25');
    expect(names()).toEqual([]);
  });
});

describe('queue.build — order', () => {
  it('a broken promise comes first, with its reason; then days late and amount', () => {
    customer('Olga Big', '2026-08-10', {}, 500000);
    customer('Paulo Mid', '2026-10-13', {}, 30000);
    const p = customer('Rita Promessa', '2026-11-03', {}, 10000);
    t.clock.set('2026-11-09');
    call(p, 'promise');
    t.ok('promises.create', { customerId: p, date: '2026-11-13', amountCents: 10000 }, clerk);
    t.clock.set('2026-11-23');
    const q = queue();
    expect(q.items.map((i) => i.name)).toEqual(['Rita Promessa', 'Olga Big', 'Paulo Mid']);
    expect(q.items[0].reasons[0]).toBe('Promessa de 13/11 não cumprida');
    expect(q.items[0].score).toBeGreaterThan(q.items[1].score);
  });

  it('limit cuts the list; the default is the queue size setting', () => {
    for (let k = 0; k < 5; k++) customer(`Cliente ${k}`, `2026-10-${String(10 + k).padStart(2, '0')}`);
    expect(names({ limit: 2 })).toEqual(['Cliente 0', 'Cliente 1']);
    t.ok('settings.update', { policy: { queueSize: 3 } }, owner);
    expect(names()).toHaveLength(3);
  });
});

describe('queue.build — the calling window', () => {
  it('Sunday: the list is empty and says why', () => {
    customer('Sara Lins');
    t.clock.set('2026-11-22');
    const q = queue();
    expect(q.items).toEqual([]);
    expect(q.calling).toMatchObject({ allowed: false, closedReason: 'domingo', opensAt: '08:00' });
    expect(q.calling.message).toMatch(/^Hoje é domingo/);
  });

  it('20 de novembro: a feriado, empty list', () => {
    customer('Tais Lobo');
    t.clock.set('2026-11-20');
    expect(queue()).toMatchObject({ items: [], calling: { allowed: false, closedReason: 'feriado (Dia da Consciência Negra)' } });
  });

  it('before 08:00 the list is shown with "Ligações liberadas a partir de 08:00"; outbound calls are refused, inbound are recorded', () => {
    const c = customer('Ugo Vaz');
    t.clock.at(SP('2026-11-23', '07:30'));
    const q = queue();
    expect(q.items.map((i) => i.name)).toEqual(['Ugo Vaz']);
    expect(q.calling).toMatchObject({ allowed: false, opensAt: '08:00', message: 'Ligações liberadas a partir de 08:00.' });
    const before = t.count('contacts');
    expect(t.fail('contacts.record', { customerId: c, channel: 'phone', outcome: 'no_answer' }, clerk)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('Fora do horário de ligações') });
    expect(t.count('contacts')).toBe(before);
    // The customer phoned the store: theirs, always recorded.
    expect(t.ok('contacts.record', { customerId: c, channel: 'phone', outcome: 'promise', inbound: true }, clerk).id).toBeTruthy();
    t.clock.at(SP('2026-11-23', '20:00'));
    expect(queue().calling.message).toContain('terminou às 20:00');
    // A call made at 19:55 and recorded at 20:00 was within the hours.
    const other = customer('Vivi Tardia');
    expect(t.fail('contacts.record', { customerId: other, channel: 'phone', outcome: 'no_answer' }, clerk).message).toContain('Fora do horário de ligações');
    expect(t.ok('contacts.record', { customerId: other, channel: 'phone', outcome: 'no_answer', at: '2026-11-23T19:55:00-03:00' }, clerk).id).toBeTruthy();
  });
});

describe('queue.build — another day', () => {
  it('asOf tomorrow (recomputed in memory) gives what tomorrow’s list will be', () => {
    const a = customer('Vera Alves');
    customer('Xico Bento', '2026-11-19');
    customer('Zeca Cunha', '2026-11-20');
    call(a, 'no_answer');
    const planned = queue({ asOf: '2026-11-24' });
    t.clock.set('2026-11-24');
    const real = queue();
    expect(planned.items).toEqual(real.items);
    expect(planned.items.map((i) => i.name)).toEqual(['Vera Alves', 'Xico Bento']);
  });
});

describe('promises', () => {
  it('due today: listed apart (not a call), kept by payments, late then broken by the days', () => {
    const kept = customer('Ana Paga');
    const broken = customer('Beto Esquece');
    for (const c of [kept, broken]) {
      call(c, 'promise');
      t.ok('promises.create', { customerId: c, date: '2026-11-25', amountCents: 10000 }, clerk);
    }
    t.clock.set('2026-11-24');
    expect(queue().remindersTomorrow.map((p) => p.customerId).sort()).toEqual([kept, broken].sort());
    t.clock.set('2026-11-25');
    let q = queue();
    expect(q.items).toEqual([]); // the quiet days of the conversation that made them still run
    expect(q.promisesDueToday).toEqual(expect.arrayContaining([expect.objectContaining({ customerId: kept, status: 'pending', paidCents: 0, amountCents: 10000 })]));
    t.ok('payments.receive', { customerId: kept, amountCents: 9000, method: 'pix' }, clerk); // 90%: kept
    q = queue();
    expect(q.promisesDueToday.find((p) => p.customerId === kept)).toMatchObject({ status: 'kept', paidCents: 9000 });
    // The next open day, the unpaid promise leads the list, before the tolerance ends.
    t.clock.set('2026-11-26');
    q = queue();
    // The kept one is still in the quiet days of the conversation; the broken one's promise lifted them.
    expect(q.items.map((i) => i.customerId)).toEqual([broken]);
    expect(q.items[0].reasons[0]).toBe('Promessa de 25/11 não cumprida');
    expect(t.store.sqlite.prepare('SELECT promise_status AS s FROM customer_standings WHERE id = ?').get(broken)).toEqual({ s: 'late' });
    t.clock.set('2026-11-29');
    queue(); // any call brings the standings to the new day
    expect(t.store.sqlite.prepare('SELECT promise_status AS s FROM customer_standings WHERE id = ?').get(broken)).toEqual({ s: 'broken' });
    expect(t.store.sqlite.prepare('SELECT promise_status AS s FROM customer_standings WHERE id = ?').get(kept)).toEqual({ s: 'kept' });
  });

  it('a promise still pending holds the calls after the quiet days: a reminder the day before, not a call', () => {
    const c = customer('Dino Espera');
    t.clock.set('2026-11-10');
    call(c, 'promise');
    t.ok('promises.create', { customerId: c, date: '2026-11-27', amountCents: 15000 }, clerk);
    t.clock.set('2026-11-23');
    expect(names()).toEqual([]);
    expect(t.fail('contacts.record', { customerId: c, channel: 'phone', outcome: 'no_answer' }, clerk).message).toContain('Promessa de pagamento para 27/11: lembrete na véspera, sem ligar antes.');
    t.clock.set('2026-11-26');
    expect(queue().remindersTomorrow).toEqual([expect.objectContaining({ customerId: c, date: '2026-11-27', status: 'pending' })]);
    t.clock.set('2026-11-28');
    expect(names()).toEqual(['Dino Espera']);
  });

  it('partly kept: some money in, below the share, after the tolerance', () => {
    const c = customer('Caco Parte');
    const contact = call(c, 'promise');
    t.ok('promises.create', { customerId: c, date: '2026-11-25', amountCents: 10000, contactId: contact.id }, clerk);
    t.clock.set('2026-11-25');
    t.ok('payments.receive', { customerId: c, amountCents: 5000, method: 'cash' }, clerk);
    t.clock.set('2026-11-30');
    const q = queue();
    expect(t.store.sqlite.prepare('SELECT promise_status AS s, broken_promise_on AS b FROM customer_standings WHERE id = ?').get(c)).toEqual({ s: 'partial', b: '2026-11-25' });
    expect(q.items[0].reasons[0]).toBe('Promessa de 25/11 cumprida só em parte');
  });
});

describe('bad input: a pt-BR message naming the field, nothing written', () => {
  it('queue.build: malformed date, list size outside 1–200', () => {
    expect(t.fail('queue.build', { asOf: '2026-13-01' }, clerk)).toMatchObject({ kind: 'validation', issues: [expect.objectContaining({ path: 'asOf' })] });
    expect(t.fail('queue.build', { limit: 0 }, clerk)).toMatchObject({ kind: 'validation', issues: [expect.objectContaining({ path: 'limit' })] });
    expect(t.fail('queue.build', { limit: 201 }, clerk).kind).toBe('validation');
  });

  it('promises.create: unknown customer, a date in the past, more than the debt, an unknown contact', () => {
    const c = customer('Dora Erro');
    const before = t.count('promises');
    expect(t.fail('promises.create', { customerId: 'nao-existe', date: '2026-11-25', amountCents: 1000 }, clerk).kind).toBe('not_found');
    expect(t.fail('promises.create', { customerId: c, date: '2026-11-22', amountCents: 1000 }, clerk)).toMatchObject({ kind: 'validation', message: 'A data da promessa não pode ser anterior a hoje (23/11/2026).' });
    // Open debt today: 15000 + multa 300 + juros 205.
    expect(t.fail('promises.create', { customerId: c, date: '2026-11-25', amountCents: 15506 }, clerk)).toMatchObject({ kind: 'validation', issues: [expect.objectContaining({ path: 'amountCents' })], message: expect.stringContaining('R$ 155,05') });
    expect(t.fail('promises.create', { customerId: c, date: '25/11/2026', amountCents: 1000 }, clerk).kind).toBe('validation');
    expect(t.fail('promises.create', { customerId: c, date: '2026-11-25', amountCents: 0 }, clerk).kind).toBe('validation');
    expect(t.fail('promises.create', { customerId: c, date: '2026-11-25', amountCents: 1000, contactId: 'nao-existe' }, clerk).kind).toBe('not_found');
    expect(t.count('promises')).toBe(before);
    expect(t.ok('promises.create', { customerId: c, date: '2026-11-23', amountCents: 15505 }, clerk).id).toBeTruthy();
  });

  it('contacts.record: outcome not in the list, unknown customer, a callback time with another outcome, a future time', () => {
    const c = customer('Elis Fim');
    const before = t.count('contacts');
    expect(t.fail('contacts.record', { customerId: c, channel: 'phone', outcome: 'ameaçou' }, clerk)).toMatchObject({ kind: 'validation', message: expect.stringContaining('Resultado inválido') });
    expect(t.fail('contacts.record', { customerId: 'nao-existe', channel: 'phone', outcome: 'no_answer' }, clerk).kind).toBe('not_found');
    expect(t.fail('contacts.record', { customerId: c, channel: 'phone', outcome: 'no_answer', callbackAt: '2026-11-24T10:00:00-03:00' }, clerk).issues?.[0].path).toBe('callbackAt');
    expect(t.fail('contacts.record', { customerId: c, channel: 'phone', outcome: 'no_answer', at: '2026-11-24T10:00:00-03:00' }, clerk).issues?.[0].path).toBe('at');
    expect(t.fail('contacts.record', { customerId: c, channel: 'phone', outcome: 'no_answer', phone: '123' }, clerk).issues?.[0].path).toBe('phone');
    expect(t.fail('contacts.record', { customerId: c, channel: 'fax', outcome: 'no_answer' }, clerk).kind).toBe('validation');
    expect(t.count('contacts')).toBe(before);
    expect(t.count('disputes')).toBe(0);
  });
});
