import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { cpfFromBase } from '../../shared/cpf';
import { addDays } from '../../shared/dates';
import type { RemindersList, ReminderItem } from '../../shared/contract/reminders';
import { loadSettings } from '../../db/usecases/settings';
import { SECRET_MASK } from '../../shared/contract/settings';
import { defaultSettings } from '../../shared/settings-defaults';
import { whatsappLink } from '../../shared/whatsapp';

// The régua de cobrança on a fixed date through the dispatcher, on a real SQLite file with the real migrations.
// Today is Tuesday 2026-11-24; Friday 20/11 is a feriado (Consciência Negra), so a parcela due that day is
// effectively due on Saturday 21/11 and its D+3 falls today. Default régua: D−3 (crônico and negligente),
// D−1 of a promise, D+3 by WhatsApp and by e-mail, D+10 by SMS, a call at D+30.

let t: TestBackend;
let clerk: Caller;
let owner: Caller;
let seq = 0;
beforeEach(() => {
  t = testBackend('2026-11-24');
  ({ clerk, owner } = t.withPeople());
  seq = 0;
  t.ok('settings.update', { store: { cnpj: '11.222.333/0001-81', address: 'Rua das Flores, 100', city: 'Campinas', pixKey: '11222333000181' } }, owner);
});
afterEach(() => t.close());

const sql = (q: string, ...args: unknown[]) => t.store.sqlite.prepare(q).run(...args);

function person(name: string, extra: Record<string, unknown> = {}): string {
  seq++;
  const phones = extra.phones ?? [{ number: `119${String(87650000 + seq)}`, whatsapp: true }];
  return t.ok('customers.create', { name, cpf: cpfFromBase(String(100000000 + seq * 7919)), ...extra, phones }, clerk).id as string;
}

/** One parcela of R$ 150,00 due on `due`, sold a month before by the clerk. */
function buys(customerId: string, due: string, description = 'Fogão 4 bocas', who: Caller = clerk): string {
  const sale = t.ok('sales.create', { customerId, date: addDays(due, -30), description, totalCents: 15000, installmentCount: 1, firstDueDate: due }, who);
  return t.ok('sales.get', { id: sale.id }, clerk).installments[0].id as string;
}

/** Six parcelas paid ten days late, then two open ones due 27/11 and 27/12: a crônico (≥ 3 of the last 6 late). */
function chronicPayer(name: string): { id: string; next: string } {
  const id = person(name);
  const sale = t.ok('sales.create', { customerId: id, date: '2026-05-01', description: 'Sofá retrátil 3 lugares', totalCents: 80000, installmentCount: 8, firstDueDate: '2026-05-27' }, clerk);
  const parcelas = t.ok('sales.get', { id: sale.id }, clerk).installments as { id: string; dueDate: string }[];
  for (const p of parcelas.slice(0, 6)) {
    const day = addDays(p.dueDate, 10);
    const q = t.ok('payments.quote', { customerId: id, asOf: day, installmentIds: [p.id] }, clerk);
    t.ok('payments.receive', { customerId: id, amountCents: q.totalCents, method: 'pix', date: day, installmentIds: [p.id] }, clerk);
  }
  return { id, next: parcelas[6].id };
}

const list = (input: Record<string, unknown> = {}) => t.ok<RemindersList>('reminders.list', input, clerk);
const forCustomer = (l: RemindersList, id: string) => l.reminders.filter((r) => r.customerId === id);
const profileOf = (id: string) => (t.store.sqlite.prepare('SELECT profile FROM customer_standings WHERE id = ?').get(id) as { profile: string }).profile;

describe('reminders.list — the régua on 24/11/2026', () => {
  it('D−3 goes to a crônico only, signed by the clerk who sold, with the store identified and a wa.me link', () => {
    const carla = chronicPayer('Carla Nunes');
    const elisa = person('Elisa Prado'); // a first purchase: novo
    buys(elisa, '2026-11-27');
    expect(profileOf(carla.id)).toBe('cronico');
    expect(profileOf(elisa)).toBe('novo');

    const l = list();
    expect(l.asOf).toBe('2026-11-24');
    const [item] = forCustomer(l, carla.id);
    expect(forCustomer(l, carla.id)).toHaveLength(1);
    expect(item).toMatchObject({ stepId: 'antes-3', channel: 'whatsapp', installmentId: carla.next, dueDate: '2026-11-27', amountCents: 10000, signedBy: 'Carlos Atendente', phone: '11987650001', sentAt: null, tooLong: false });
    expect(item.reason).toBe('Vence em 3 dias (sexta-feira, 27/11)');
    expect(item.text).toContain('Oi, Carla, tudo bem?');
    expect(item.text).toContain('a parcela 7/8 (Sofá retrátil 3 lugares) vence sexta-feira, 27/11, no valor de R$ 100,00');
    expect(item.text).toContain('\nCarlos\nLoja Teste – CNPJ 11.222.333/0001-81\nRua das Flores, 100 – Campinas');
    expect(item.text).not.toMatch(/https?:|www\./);
    expect(item.whatsappUrl).toBe(`https://wa.me/5511987650001?text=${encodeURIComponent(item.text)}`);
    // "tentar sem o 9", as the screen builds it from the item
    expect(whatsappLink(item.phone!, item.text)!.urlWithout9).toBe(`https://wa.me/551187650001?text=${encodeURIComponent(item.text)}`);
    expect(forCustomer(l, elisa)).toEqual([]);
    expect(l.skipped.otherProfile).toBe(1);
    expect(l.notes).toEqual([]); // store identified, nothing waiting for SMTP
  });

  it('D−1 of a promise, signed by whoever made it; D+3 (after a feriado) and D+10 by SMS with the charges of today', () => {
    const paulo = person('Paulo Reis');
    buys(paulo, '2026-10-13');
    const promise = t.ok('promises.create', { customerId: paulo, date: '2026-11-25', amountCents: 10000 }, clerk);
    buys(paulo, '2026-11-20'); // his D+3 is today, but the promise takes over
    const fabio = person('Fábio Alves');
    const fabioParcela = buys(fabio, '2026-11-20', 'Micro-ondas 20 L'); // feriado → effective Saturday 21/11
    const gabi = person('Gabi Torres', { phones: [{ number: '(19) 3234-5678' }, { number: '(19) 99876-5432' }] });
    buys(gabi, '2026-11-14');

    const l = list();
    const [p] = forCustomer(l, paulo);
    expect(forCustomer(l, paulo)).toHaveLength(1);
    expect(p).toMatchObject({ stepId: 'promessa-1', trigger: 'promise', promiseId: promise.id, promiseDate: '2026-11-25', amountCents: 10000, signedBy: 'Carlos Atendente' });
    expect(p.reason).toBe('Promessa de R$ 100,00 para amanhã (quarta-feira, 25/11)');
    expect(p.text).toContain('Só lembrando do que combinamos: R$ 100,00 até quarta-feira, 25/11.');
    expect(l.skipped.promisePending).toBe(1);

    const f = forCustomer(l, fabio);
    expect(f.map((i) => i.stepId)).toEqual(['depois-3']); // the e-mail step waits for SMTP (and Fábio has no e-mail)
    expect(f[0]).toMatchObject({ installmentId: fabioParcela, dueDate: '2026-11-21', channel: 'whatsapp' });
    expect(f[0].reason).toBe('Venceu há 3 dias (sábado, 21/11)');
    // what the statement says he owes today: R$ 150,00 + multa 2% + juros of 3 days
    const st = t.ok('accounts.statement', { customerId: fabio }, clerk);
    expect(f[0].amountCents).toBe(st.overdueCents);
    expect(f[0].amountCents).toBe(15000 + 300 + 15);
    expect(f[0].text).toContain('Hoje o valor é R$ 153,15.');

    const [g] = forCustomer(l, gabi);
    expect(g).toMatchObject({ stepId: 'depois-10', channel: 'sms', phone: '19998765432', whatsappUrl: null });
    expect(g.smsText).toContain('Oi, Gabi. A parcela 1/1, que venceu sábado, 14/11, segue em aberto');
    expect(g.smsText).not.toContain('\n\n');
    // the day before, nothing of this
    expect(list({ asOf: '2026-11-23' }).reminders.filter((r) => [fabio, gabi].includes(r.customerId))).toEqual([]);
  });

  it('a call step at D+30 is a task on the list, left out for "não ligar"', () => {
    const rui = person('Rui Campos');
    buys(rui, '2026-10-26');
    const nina = person('Nina Rocha', { doNotCall: true });
    buys(nina, '2026-10-26');
    t.clock.set('2026-11-25');
    const l = list();
    expect(forCustomer(l, rui)).toMatchObject([{ stepId: 'depois-30', channel: 'phone', phone: expect.any(String), whatsappUrl: null, smsText: null }]);
    expect(forCustomer(l, rui)[0].text).toMatch(/^Ligar para Rui: a parcela 1\/1 \(R\$ .+\) está há 30 dias em aberto/);
    expect(forCustomer(l, nina)).toEqual([]);
    expect(l.skipped.doNotCall).toBe(1);
    expect(t.fail('reminders.send', { customerId: rui, stepId: 'depois-30', installmentId: forCustomer(l, rui)[0].installmentId, channel: 'sms' }, clerk).message).toMatch(/ligação/);
  });

  it('WhatsApp needs a recorded opt-in; a paused customer and an open dispute are skipped', () => {
    const hugo = person('Hugo Lima');
    const hugoParcela = buys(hugo, '2026-11-20');
    sql('UPDATE customers SET whatsapp_opt_in_at = NULL WHERE id = ?', hugo); // e.g. imported without the authorization
    const iara = person('Iara Melo');
    buys(iara, '2026-11-20');
    t.ok('customers.update', { id: iara, remindersPaused: true });
    const jonas = person('Jonas Pires');
    const jp = buys(jonas, '2026-11-20');
    sql(`INSERT INTO disputes (id, created_at, updated_at, device, customer_id, kind) VALUES ('d1', '2026-11-23T12:00:00Z', '2026-11-23T12:00:00Z', 'A', ?, 'defect')`, jonas);
    t.ok('contacts.record', { customerId: jonas, channel: 'in_person', outcome: 'dispute', disputeKind: 'defect', inbound: true }, clerk); // refreshes his standing
    const kaio = person('Kaio Dias');
    buys(kaio, '2026-11-20');

    const l = list();
    expect(l.reminders.map((r) => r.customerName)).toEqual(['Kaio Dias']);
    expect(l.skipped).toMatchObject({ noWhatsappOptIn: 1, paused: 1, dispute: 1 });
    expect(l.notes.join(' ')).toMatch(/1 cliente\(s\) sem autorização registrada para WhatsApp/);
    const e = t.fail('reminders.send', { customerId: hugo, stepId: 'depois-3', installmentId: hugoParcela, channel: 'whatsapp' }, clerk);
    expect(e).toMatchObject({ kind: 'conflict' });
    expect(e.message).toMatch(/Sem autorização registrada para WhatsApp/);
    expect(t.fail('reminders.send', { customerId: jonas, stepId: 'depois-3', installmentId: jp, channel: 'whatsapp' }, clerk).message).toMatch(/contestação/);
    expect(t.count('messages')).toBe(0);
  });
});

describe('reminders.send', () => {
  it('waits for the store\'s CNPJ and address (CDC art. 42-A): the list says so, the send is refused', () => {
    t.ok('settings.update', { store: { cnpj: '', address: '' } }, owner);
    const carla = chronicPayer('Carla Nunes');
    const l = list();
    expect(l.notes[0]).toBe('Cadastre CNPJ e endereço da loja em Configurações: toda mensagem de cobrança identifica a loja (CDC art. 42-A).');
    expect(forCustomer(l, carla.id)[0].text).not.toMatch(/[{}]/);
    const e = t.fail('reminders.send', { customerId: carla.id, stepId: 'antes-3', installmentId: carla.next, channel: 'whatsapp' }, clerk);
    expect(e).toMatchObject({ kind: 'conflict', message: expect.stringMatching(/^Cadastre CNPJ e endereço da loja em Configurações antes de enviar/) });
    expect(t.count('messages')).toBe(0);
  });

  it('logs the message and a message_sent contact once; a second send is refused and writes nothing', () => {
    const carla = chronicPayer('Carla Nunes');
    const before = { contacts: t.count('contacts'), audit: t.count('audit') };
    const r = t.ok('reminders.send', { customerId: carla.id, stepId: 'antes-3', installmentId: carla.next, channel: 'whatsapp' }, clerk);
    expect(r).toMatchObject({ status: 'sent', whatsappUrl: expect.stringMatching(/^https:\/\/wa\.me\/5511987650001\?text=Oi%2C%20Carla/) });
    const msg = t.store.sqlite.prepare('SELECT * FROM messages WHERE id = ?').get(r.messageId) as any;
    expect(msg).toMatchObject({ customer_id: carla.id, channel: 'whatsapp', step_id: 'antes-3', installment_id: carla.next, status: 'sent', recipient: '11987650001', contact_id: r.contactId });
    expect(msg.body).toBe(r.text);
    const contact = t.store.sqlite.prepare('SELECT * FROM contacts WHERE id = ?').get(r.contactId) as any;
    expect(contact).toMatchObject({ customer_id: carla.id, channel: 'whatsapp', outcome: 'message_sent', inbound: 0 });
    expect(contact.user_id).toBeTruthy();
    expect(t.count('contacts')).toBe(before.contacts + 1);
    // the standing saw the contact (a message is an attempt, not a conversation)
    const st = t.store.sqlite.prepare('SELECT last_conversation_at FROM customer_standings WHERE id = ?').get(carla.id) as any;
    expect(st.last_conversation_at).toBeNull();

    const again = t.fail('reminders.send', { customerId: carla.id, stepId: 'antes-3', installmentId: carla.next, channel: 'whatsapp' }, clerk);
    expect(again.kind).toBe('conflict');
    expect(again.message).toMatch(/já foi enviado em 24\/11\/2026 às 12:00/);
    expect(t.count('messages')).toBe(1);
    expect(t.count('contacts')).toBe(before.contacts + 1);
    expect(t.count('audit')).toBe(before.audit + 1);
    expect(forCustomer(list(), carla.id)[0].sentAt).toBe(msg.sent_at);
  });

  it('an e-mail step queues the message for the outbox once SMTP is set and the customer has an e-mail', () => {
    const fabio = person('Fábio Alves', { email: 'fabio@example.com' });
    const parcela = buys(fabio, '2026-11-20');
    expect(list().skipped.noSmtp).toBe(1);
    t.ok('settings.update', { smtp: { host: 'smtp.exemplo.com.br', port: 587, user: 'loja', password: 'segredo', from: 'Loja Teste <loja@exemplo.com.br>' } }, owner);
    const [mail] = forCustomer(list(), fabio).filter((i) => i.channel === 'email');
    expect(mail).toMatchObject({ stepId: 'depois-3-email', email: 'fabio@example.com', subject: 'Sua parcela em aberto – Loja Teste' });
    const r = t.ok('reminders.send', { customerId: fabio, stepId: 'depois-3-email', installmentId: parcela, channel: 'email' }, clerk);
    expect(r.status).toBe('queued');
    expect(t.store.sqlite.prepare('SELECT status, recipient, subject, attempts, next_attempt_at FROM messages WHERE id = ?').get(r.messageId)).toMatchObject({
      status: 'queued', recipient: 'fabio@example.com', subject: 'Sua parcela em aberto – Loja Teste', attempts: 0,
    });
    expect(forCustomer(list(), fabio).find((i) => i.channel === 'email')).toMatchObject({ status: 'queued', sentAt: expect.any(String) });
    expect(t.fail('reminders.send', { customerId: fabio, stepId: 'depois-3-email', installmentId: parcela, channel: 'email' }, clerk).kind).toBe('conflict');
    // a wrong channel for the step, an unknown step, a due step without its parcela
    expect(t.fail('reminders.send', { customerId: fabio, stepId: 'depois-3', installmentId: parcela, channel: 'sms' }, clerk)).toMatchObject({ kind: 'validation', message: expect.stringMatching(/^Canal: .*WhatsApp/) });
    expect(t.fail('reminders.send', { customerId: fabio, stepId: 'nao-existe', installmentId: parcela, channel: 'sms' }, clerk).message).toMatch(/^Passo da régua: /);
    expect(t.fail('reminders.send', { customerId: fabio, stepId: 'depois-3', channel: 'whatsapp' }, clerk).message).toMatch(/^Parcela: /);
  });

  it('a thank-you is suggested after a payoff, once', () => {
    const lia = person('Lia Souza');
    buys(lia, '2026-11-10');
    const q = t.ok('payments.quote', { customerId: lia, asOf: '2026-11-22' }, clerk);
    t.ok('payments.receive', { customerId: lia, amountCents: q.totalCents, method: 'cash', date: '2026-11-22' }, clerk);
    const [ty] = list().thankYous;
    expect(ty).toMatchObject({ customerId: lia, paidOffOn: '2026-11-22', channels: ['whatsapp', 'sms'], signedBy: 'Carlos Atendente' });
    expect(ty.text).toMatch(/^Oi, Lia, tudo bem\? Vi aqui que você quitou todas as parcelas/);
    const r = t.ok('reminders.send', { customerId: lia, stepId: 'agradecimento', channel: 'whatsapp' }, clerk);
    expect(r.status).toBe('sent');
    expect(list().thankYous).toEqual([]);
    expect(t.fail('reminders.send', { customerId: lia, stepId: 'agradecimento', channel: 'whatsapp' }, clerk).message).toMatch(/já foi enviado/);
    // eight days after the payoff it is no longer suggested
    const max = person('Max Lobo');
    buys(max, '2026-11-10');
    t.ok('payments.receive', { customerId: max, amountCents: 15000, method: 'cash', date: '2026-11-10' }, clerk);
    t.clock.set('2026-11-18');
    expect(list().thankYous.map((x) => x.customerName)).toEqual([]);
  });
});

describe('bad input: the régua and the e-mail account', () => {
  const steps = () => structuredClone(defaultSettings.regua.steps);
  const savedJson = () => (t.store.sqlite.prepare("SELECT json FROM settings WHERE id = 'store'").get() as { json: string }).json;

  it('a step with no template, an unknown variable, forbidden content or no store identification: validation naming the field, nothing written', () => {
    const json = savedJson();
    const audit = t.count('audit');
    const s1 = steps();
    s1[2].template = '   ';
    let e = t.fail('settings.update', { regua: { steps: s1 } }, owner);
    expect(e.kind).toBe('validation');
    expect(e.message).toBe('Modelo da mensagem: Passo "Fim da carência (3 dias depois)": o modelo da mensagem está vazio: escreva o texto.');
    expect(e.issues?.[0].path).toBe('regua.steps.2.template');

    const s2 = steps();
    s2[0].template = s2[0].template.replace('{valor}', '{valr}');
    e = t.fail('settings.update', { regua: { steps: s2 } }, owner);
    expect(e.message).toMatch(/^Modelo da mensagem: Passo "3 dias antes do vencimento": o modelo usa \{valr\}, que não existe/);

    const s3 = steps();
    s3[4].template = s3[4].template.replace('Imprevistos acontecem', 'Último aviso antes de avisar sua família');
    e = t.fail('settings.update', { regua: { steps: s3 } }, owner);
    expect(e.message).toMatch(/Último aviso/);
    expect(e.issues?.map((i) => i.message).join(' ')).toMatch(/avisar sua família/);

    const s4 = steps();
    s4[3].template = 'Olá {primeiroNome}, sua parcela venceu.';
    expect(t.fail('settings.update', { regua: { steps: s4 } }, owner).message).toMatch(/CDC art\. 42-A/);

    expect(t.fail('settings.update', { regua: { steps: [{ ...steps()[0], offsetDays: 1.5 }] } }, owner).message).toMatch(/^Dias: /);
    expect(savedJson()).toBe(json);
    expect(t.count('audit')).toBe(audit);
  });

  it('an owner edit within the rules is saved and used by the list', () => {
    const s = steps();
    s[0] = { ...s[0], profiles: undefined, template: s[0].template.replace('Passando para lembrar', 'Lembrete amigo') } as any;
    delete (s[0] as any).profiles;
    t.ok('settings.update', { regua: { steps: s } }, owner);
    const elisa = person('Elisa Prado');
    buys(elisa, '2026-11-27');
    expect(forCustomer(list(), elisa)[0].text).toContain('Lembrete amigo que a parcela 1/1');
  });

  it('SMTP without host is refused naming the field; the password is masked for everyone and kept when the mask comes back', () => {
    const json = savedJson();
    let e = t.fail('settings.update', { smtp: { port: 587, from: 'loja@exemplo.com.br' } }, owner);
    expect(e).toMatchObject({ kind: 'validation', message: 'Servidor SMTP: Informe o servidor SMTP (ex.: smtp.gmail.com).' });
    e = t.fail('settings.update', { smtp: { host: '', from: 'loja@exemplo.com.br' } }, owner);
    expect(e.message).toBe('Servidor SMTP: Informe o servidor SMTP (ex.: smtp.gmail.com).');
    expect(t.fail('settings.update', { smtp: { host: 'smtp.exemplo.com', from: 'sem-arroba' } }, owner).message).toMatch(/^De: Remetente: informe um e-mail/);
    expect(savedJson()).toBe(json);

    t.ok('settings.update', { smtp: { host: 'smtp.exemplo.com', port: 465, secure: true, user: 'loja', password: 's3nh@', from: 'Loja <loja@exemplo.com.br>' } }, owner);
    expect(t.ok('settings.get', {}, clerk).smtp).toEqual({ host: 'smtp.exemplo.com', port: 465, secure: true, user: 'loja', password: SECRET_MASK, from: 'Loja <loja@exemplo.com.br>' });
    expect(t.ok('settings.get', {}, owner).smtp.password).toBe(SECRET_MASK);
    // nor in the audit trail (the dispatcher redacts it like a PIN)
    const summaries = (t.store.sqlite.prepare("SELECT summary FROM audit WHERE method = 'settings.update'").all() as { summary: string }[]).map((r) => r.summary).join(' ');
    expect(summaries).toContain('smtp.exemplo.com');
    expect(summaries).not.toContain('s3nh@');
    t.ok('settings.update', { smtp: { host: 'smtp2.exemplo.com', password: SECRET_MASK } }, owner);
    expect(loadSettings(t.store.db).smtp).toMatchObject({ host: 'smtp2.exemplo.com', password: 's3nh@', port: 465 });
    t.ok('settings.update', { smtp: null }, owner);
    expect(loadSettings(t.store.db).smtp ?? null).toBeNull();
    expect(t.ok('settings.get', {}, clerk).smtp).toBeNull();
    expect(t.fail('settings.update', { smtp: { host: 'smtp.x.com' } }, owner).message).toMatch(/remetente/);
  });
});
