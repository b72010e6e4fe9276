import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { checkProjections } from '../../db/projections/check';

// The formal path (issue 8 §6) on a real store file: candidates, the written notice (CDC art. 43 §2), the
// record after its deadline, a dispute blocking it, and the removal 5 business days after full payment
// (STJ Súmula 548), counted over the 20/11/2026 feriado.

let t: TestBackend;
let owner: Caller;
let clerk: Caller;
let ana: string; // 3 × R$ 150,00 due 01/07, 01/08, 01/09: long overdue by 15/10
let bia: string; // one parcela due 05/10: 10 days late on 15/10
let cida: string; // nothing due yet
let dani: string; // long overdue, with an open dispute
let anaFirstSale: string[];

beforeEach(() => {
  t = testBackend('2026-06-01');
  ({ owner, clerk } = t.withPeople());
  t.ok('settings.update', { store: { name: 'Loja Boa Vista', cnpj: '11.222.333/0001-81', address: 'Rua das Flores, 100', city: 'Campinas', pixKey: 'loja@exemplo.com.br' } }, owner);
  const customer = (name: string, cpf: string) => t.ok('customers.create', { name, cpf, phones: [], address: `Rua ${name}, 1` }, clerk).id as string;
  ana = customer('Ana Lima', '52998224725');
  bia = customer('Bia Souza', '11144477735');
  cida = customer('Cida Rocha', '39053344705');
  dani = customer('Dani Alves', '15350946056');
  const sale = (customerId: string, totalCents: number, n: number, firstDueDate: string, date = '2026-06-01') =>
    t.ok('sales.create', { customerId, date, description: 'Geladeira', totalCents, installmentCount: n, firstDueDate }, clerk);
  anaFirstSale = sale(ana, 45000, 3, '2026-07-01').installments.map((i: { id: string }) => i.id);
  sale(bia, 20000, 1, '2026-10-05');
  sale(cida, 20000, 1, '2026-12-10');
  sale(dani, 30000, 2, '2026-07-01');
  t.clock.set('2026-10-01');
  // Ana buys again: a parcela due 15/12 that is not part of the debt in collection.
  sale(ana, 10000, 1, '2026-12-15', '2026-10-01');
  t.clock.set('2026-10-15');
  t.ok('contacts.record', { customerId: dani, channel: 'in_person', outcome: 'dispute', inbound: true, disputeKind: 'defect', notes: 'Geladeira não gela' }, clerk);
});
afterEach(() => t.close());

const rows = () => ({ notices: t.count('formal_notices'), records: t.count('bureau_records'), audit: t.count('audit') });

describe('formal.candidates', () => {
  it('lists the long overdue without dispute, not the recent delay, the dispute or the one with nothing due', () => {
    const r = t.ok('formal.candidates', {}, owner);
    const names = r.items.map((c: { name: string }) => c.name);
    expect(names).toEqual(['Ana Lima']);
    const a = r.items[0];
    expect(a).toMatchObject({ customerId: ana, oldestOverdueDue: '2026-07-01', daysLate: 106, overduePrincipalCents: 45000, overdueCount: 3, notice: null });
    expect(a.reason).toMatch(/Mau pagador|atraso desde 01\/07\/2026/);
  });

  it('leaves out a customer whose agreement is being paid', () => {
    const offer = t.ok('offers.compute', { customerId: ana }, clerk).options[0];
    t.ok('agreements.create', { customerId: ana, discountCents: 0, downPaymentCents: offer.downPaymentCents, installmentCount: offer.installmentCount, monthlyRatePct: offer.monthlyRatePct, firstDueDate: offer.firstDueDate }, clerk);
    expect(t.ok('formal.candidates', {}, owner).items).toEqual([]);
    expect(t.fail('formal.notice', { customerId: ana }, owner)).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/acordo em dia/) });
  });

  it('is for the owner only', () => {
    expect(t.fail('formal.candidates', {}, clerk).kind).toBe('forbidden');
    expect(t.fail('formal.notice', { customerId: ana }, clerk).kind).toBe('forbidden');
    expect(t.fail('formal.removals', {}, clerk).kind).toBe('forbidden');
  });
});

describe('formal.notice', () => {
  it('records the notice sent today with the breakdown from the quote and a 10-day deadline (Sunday 25/10 → Monday)', () => {
    const q = t.ok('payments.quote', { customerId: ana }, owner);
    const overdue = q.items.filter((i: { daysLate: number }) => i.daysLate > 0);
    const sum = (k: string) => overdue.reduce((s: number, i: Record<string, number>) => s + i[k], 0);
    const n = t.ok('formal.notice', { customerId: ana }, owner);
    expect(n).toMatchObject({ sentOn: '2026-10-15', deadline: '2026-10-26', principalCents: 45000, fineCents: sum('fineCents'), interestCents: sum('interestCents') });
    expect(n.fineCents).toBe(900); // 2% of 3 × R$ 150,00
    expect(n.interestCents).toBeGreaterThan(0);
    expect(n.totalCents).toBe(n.principalCents + n.fineCents + n.interestCents);
    expect(n.parcelas.map((p: { number: number; count: number }) => `${p.number}/${p.count}`)).toEqual(['1/3', '2/3', '3/3']);
    expect(n.store).toMatchObject({ name: 'Loja Boa Vista', cnpj: '11.222.333/0001-81', address: 'Rua das Flores, 100' });
    expect(n.customer).toMatchObject({ name: 'Ana Lima', cpf: '52998224725' });
    expect(n.pix.payload).toContain('br.gov.bcb.pix');
    // The same notice again, to reprint it.
    expect(t.ok('formal.noticeGet', { id: n.id }, owner)).toMatchObject({ id: n.id, totalCents: n.totalCents, parcelas: n.parcelas });
    // Shown on the candidate, deadline still running.
    expect(t.ok('formal.candidates', {}, owner).items[0].notice).toMatchObject({ id: n.id, deadline: '2026-10-26', expired: false });
    // A second one while the first runs is refused.
    const before = rows();
    expect(t.fail('formal.notice', { customerId: ana }, owner)).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/Já há uma notificação enviada a Ana Lima em 15\/10\/2026/) });
    expect(rows()).toEqual(before);
  });

  it('refuses a deadline under 10 days, naming the field; nothing written', () => {
    const before = rows();
    const e = t.fail('formal.notice', { customerId: ana, deadline: '2026-10-20' }, owner);
    expect(e).toMatchObject({ kind: 'validation', message: expect.stringMatching(/^Prazo: dê pelo menos 10 dias/), issues: [{ path: 'deadline' }] });
    expect(rows()).toEqual(before);
    expect(t.ok('formal.notice', { customerId: ana, deadline: '2026-10-30' }, owner).deadline).toBe('2026-10-30');
  });

  it('bad input: nothing overdue, an unknown customer, a recent delay, an open dispute → pt-BR errors, nothing written', () => {
    const before = rows();
    expect(t.fail('formal.notice', { customerId: cida }, owner)).toMatchObject({ kind: 'conflict', message: 'Cida Rocha não tem parcelas em atraso: não há o que notificar.' });
    expect(t.fail('formal.notice', { customerId: 'nao-existe' }, owner)).toMatchObject({ kind: 'not_found', message: 'Cliente não encontrado.' });
    expect(t.fail('formal.notice', { customerId: bia }, owner)).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/Bia Souza está com 10 dias de atraso/) });
    expect(t.fail('formal.notice', { customerId: dani }, owner)).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/contestação em aberto/) });
    expect(t.fail('formal.notice', {}, owner)).toMatchObject({ kind: 'validation' });
    expect(rows()).toEqual(before);
  });
});

describe('formal.register', () => {
  it('needs a notice whose deadline has passed', () => {
    let before = rows();
    expect(t.fail('formal.register', { customerId: ana, bureau: 'SPC' }, owner)).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/notificação por escrito.*CDC art\. 43 §2/) });
    expect(rows()).toEqual(before);
    t.ok('formal.notice', { customerId: ana }, owner);
    t.clock.set('2026-10-26'); // the deadline itself: still the customer's day to pay
    before = rows();
    expect(t.fail('formal.register', { customerId: ana, bureau: 'SPC' }, owner)).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/vai até 26\/10\/2026/) });
    expect(rows()).toEqual(before);
    t.clock.set('2026-10-27');
    const r = t.ok('formal.register', { customerId: ana, bureau: 'SPC' }, owner);
    expect(r.registeredOn).toBe('2026-10-27');
    const q = t.ok('payments.quote', { customerId: ana }, owner);
    expect(r.amountCents).toBe(q.items.filter((i: { daysLate: number }) => i.daysLate > 0).reduce((s: number, i: { totalCents: number }) => s + i.totalCents, 0));
    // Registered: off the candidates, on the list, once only.
    expect(t.ok('formal.candidates', {}, owner).items).toEqual([]);
    expect(t.ok('formal.list', { status: 'active' }, owner).items).toMatchObject([{ name: 'Ana Lima', bureau: 'SPC', status: 'active', paidOffOn: null }]);
    expect(t.fail('formal.register', { customerId: ana, bureau: 'Serasa' }, owner).kind).toBe('conflict');
  });

  it('an open dispute blocks it with a clear pt-BR conflict, nothing written; resolved, it goes', () => {
    t.ok('formal.notice', { customerId: ana }, owner);
    t.clock.set('2026-10-27');
    const { disputeId } = t.ok('contacts.record', { customerId: ana, channel: 'in_person', outcome: 'dispute', inbound: true, disputeKind: 'payment_check' }, clerk);
    const before = rows();
    const e = t.fail('formal.register', { customerId: ana, bureau: 'SPC' }, owner);
    expect(e).toMatchObject({ kind: 'conflict', message: 'Ana Lima tem uma contestação em aberto. Enquanto ela não for resolvida, a cobrança formal fica parada: não é possível registrar.' });
    expect(rows()).toEqual(before);
    expect(t.ok('formal.candidates', {}, owner).items).toEqual([]);
    t.ok('disputes.resolve', { id: disputeId, resolution: 'Pagamento não encontrado no extrato do banco' }, owner);
    expect(t.ok('formal.register', { customerId: ana, bureau: 'SPC' }, owner).registeredOn).toBe('2026-10-27');
  });

  it('bad input: unknown customer, missing bureau', () => {
    const before = rows();
    expect(t.fail('formal.register', { customerId: 'nao-existe', bureau: 'SPC' }, owner)).toMatchObject({ kind: 'not_found', message: 'Cliente não encontrado.' });
    expect(t.fail('formal.register', { customerId: ana, bureau: '' }, owner)).toMatchObject({ kind: 'validation', message: expect.stringMatching(/^Birô: Informe o birô/) });
    expect(t.fail('formal.register', { customerId: cida, bureau: 'SPC' }, owner)).toMatchObject({ kind: 'conflict', message: 'Cida Rocha não tem parcelas em atraso: não há o que registrar.' });
    expect(rows()).toEqual(before);
  });
});

describe('the removal after full payment (STJ Súmula 548)', () => {
  const register = () => {
    t.ok('formal.notice', { customerId: ana }, owner);
    t.clock.set('2026-10-27');
    return t.ok('formal.register', { customerId: ana, bureau: 'Serasa' }, owner).id as string;
  };
  const payAll = () => {
    const q = t.ok('payments.quote', { customerId: ana, installmentIds: anaFirstSale }, clerk);
    return t.ok('payments.receive', { customerId: ana, amountCents: q.totalCents, method: 'pix', installmentIds: anaFirstSale }, clerk);
  };

  it('a partial payment changes nothing; the full one sets paid_off_on and removal_due 5 business days later, over the 20/11 feriado', () => {
    const id = register();
    t.clock.set('2026-11-10');
    t.ok('payments.receive', { customerId: ana, amountCents: 10000, method: 'cash' }, clerk);
    expect(t.ok('formal.removals', {}, owner).items).toEqual([]);
    t.clock.set('2026-11-17'); // Tuesday; Friday 20/11 is Dia da Consciência Negra
    payAll();
    // The parcela of the second sale (due 15/12) is still open: it was never part of the registered debt.
    expect(t.ok('accounts.statement', { customerId: ana }, clerk).openCents).toBe(10000);
    const removals = t.ok('formal.removals', {}, owner).items;
    expect(removals).toMatchObject([{ id, name: 'Ana Lima', bureau: 'Serasa', paidOffOn: '2026-11-17', removalDue: '2026-11-25', status: 'removal', removalLate: false }]);
    expect(checkProjections(t.store).differences).toEqual([]);
  });

  it('stays on the Hoje list until done, late after its deadline; formal.removed takes it off', () => {
    const id = register();
    t.clock.set('2026-11-17');
    payAll();
    t.clock.set('2026-11-26');
    expect(t.ok('formal.removals', {}, owner).items).toMatchObject([{ id, removalDue: '2026-11-25', removalLate: true }]);
    const audit = t.count('audit');
    expect(t.ok('formal.removed', { recordId: id }, owner)).toEqual({ id, removedOn: '2026-11-26' });
    expect(t.count('audit')).toBe(audit + 1);
    expect(t.ok('formal.removals', {}, owner).items).toEqual([]);
    expect(t.ok('formal.list', { status: 'removed' }, owner).items).toMatchObject([{ id, removedOn: '2026-11-26', removedBy: 'Dona Maria', status: 'removed' }]);
    expect(t.fail('formal.removed', { recordId: id }, owner)).toMatchObject({ kind: 'conflict', message: 'A baixa do registro de Ana Lima já foi feita em 26/11/2026.' });
    expect(t.fail('formal.removed', { recordId: 'nao-existe' }, owner).kind).toBe('not_found');
  });

  it('a reversal of the payoff puts the record back; paying again starts a new deadline', () => {
    register();
    t.clock.set('2026-11-17');
    const p = payAll();
    expect(t.ok('formal.removals', {}, owner).items).toHaveLength(1);
    t.clock.set('2026-11-18');
    t.ok('payments.reverse', { paymentId: p.id, reason: 'PIX devolvido pelo banco', ownerPin: '1234' }, owner);
    expect(t.ok('formal.removals', {}, owner).items).toEqual([]);
    expect(t.ok('formal.list', { status: 'active' }, owner).items).toHaveLength(1);
    payAll();
    // Wed 18 → Thu 19 (1), Mon 23 (2), Tue 24 (3), Wed 25 (4), Thu 26 (5)
    expect(t.ok('formal.removals', {}, owner).items).toMatchObject([{ paidOffOn: '2026-11-18', removalDue: '2026-11-26' }]);
  });

  it('an agreement alone does not settle the debt; paying the agreement does', () => {
    register();
    t.clock.set('2026-11-02');
    const offer = t.ok('offers.compute', { customerId: ana }, clerk).options[0];
    const ag = t.ok('agreements.create', { customerId: ana, discountCents: 0, downPaymentCents: offer.downPaymentCents, installmentCount: offer.installmentCount, monthlyRatePct: offer.monthlyRatePct, firstDueDate: offer.firstDueDate }, clerk);
    expect(t.ok('formal.removals', {}, owner).items).toEqual([]);
    const ids = ag.installments.map((i: { id: string }) => i.id);
    const q = t.ok('payments.quote', { customerId: ana, installmentIds: ids }, clerk);
    t.ok('payments.receive', { customerId: ana, amountCents: q.totalCents, method: 'cash', installmentIds: ids }, clerk);
    expect(t.ok('formal.removals', {}, owner).items).toMatchObject([{ paidOffOn: '2026-11-02', removalDue: '2026-11-09' }]);
  });
});

describe('formal.export', () => {
  it('gives the fields the bureaus ask for, as CSV for Brazilian Excel', () => {
    t.ok('formal.notice', { customerId: ana }, owner);
    t.clock.set('2026-10-27');
    const ready = t.ok('formal.export', { scope: 'ready' }, owner);
    expect(ready.rows).toBe(1);
    const r = t.ok('formal.register', { customerId: ana, bureau: 'SPC' }, owner);
    const readyAmount = (r.amountCents / 100).toFixed(2).replace('.', ',');
    expect(ready.content.split('\r\n')[1]).toBe(`Ana Lima;529.982.247-25;Rua Ana Lima, 1;${readyAmount};01/07/2026;A-000001;11.222.333/0001-81;15/10/2026;;`);
    // Registered: no longer ready.
    expect(t.ok('formal.export', { scope: 'ready' }, owner).rows).toBe(0);
    const out = t.ok('formal.export', {}, owner);
    expect(out.fileName).toBe('registros-biro-2026-10-27.csv');
    const bytes = Buffer.from(out.content, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = out.content.slice(1).split('\r\n');
    expect(lines[0]).toBe('Nome;CPF;Endereço;Valor da dívida;Vencimento da dívida mais antiga;Contrato (carnê);CNPJ da loja;Notificado em;Birô;Registrado em');
    const amount = (r.amountCents / 100).toFixed(2).replace('.', ',');
    expect(lines[1]).toBe(`Ana Lima;529.982.247-25;Rua Ana Lima, 1;${amount};01/07/2026;A-000001;11.222.333/0001-81;15/10/2026;SPC;27/10/2026`);
    expect(lines[2]).toBe('');
  });
});
