import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { cpfFromBase } from '../../shared/cpf';
import { processOutbox, RETRY_MINUTES } from '../../db/mail/outbox';

// E-mail reminders through the persistent outbox to a real SMTP server started here (smtp-server on
// 127.0.0.1): queued inside the dispatcher's transaction, sent outside it, retried while the server is down or
// refusing, and recorded. Today is Tuesday 2026-11-24; a parcela due on the 20/11 feriado reaches its D+3 today.

interface Received { from: string; to: string[]; data: string }

let t: TestBackend;
let clerk: Caller;
let owner: Caller;
let servers: SMTPServer[] = [];
let received: Received[] = [];
let seq = 0;

beforeEach(() => {
  t = testBackend('2026-11-24');
  ({ clerk, owner } = t.withPeople());
  t.ok('settings.update', { store: { cnpj: '11.222.333/0001-81', address: 'Rua das Flores, 100', city: 'Campinas' } }, owner);
  received = [];
});
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  servers = [];
  t.close();
});

function startSmtp(port = 0, opts: Partial<SMTPServerOptions> = {}): Promise<number> {
  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'loja' && auth.password === 's3nh@') cb(null, { user: 'loja' });
      else cb(new Error('Invalid username or password'));
    },
    onData(stream, session, cb) {
      let data = '';
      stream.on('data', (c: Buffer) => (data += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ from: (session.envelope.mailFrom || { address: '' }).address, to: session.envelope.rcptTo.map((r) => r.address), data });
        cb();
      });
    },
    ...opts,
  });
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
}
const stopSmtp = (s: SMTPServer) => new Promise<void>((r) => s.close(() => r()));

/** A customer with an e-mail whose parcela (due on the feriado) gets the D+3 e-mail today; the e-mail is queued. */
function queueReminder(name = 'Fábio Alves', email = 'fabio@example.com'): string {
  const id = t.ok('customers.create', { name, cpf: cpfFromBase(String(100000000 + ++seq * 7919)), email, phones: [{ number: '11987650001', whatsapp: true }] }, clerk).id;
  const sale = t.ok('sales.create', { customerId: id, date: '2026-10-20', description: 'Micro-ondas 20 L', totalCents: 15000, installmentCount: 1, firstDueDate: '2026-11-20' }, clerk);
  const parcela = t.ok('sales.get', { id: sale.id }, clerk).installments[0].id;
  return t.ok('reminders.send', { customerId: id, stepId: 'depois-3-email', installmentId: parcela, channel: 'email' }, clerk).messageId;
}

const smtpSettings = (port: number) => ({ host: '127.0.0.1', port, secure: false, user: 'loja', password: 's3nh@', from: 'Loja Teste <loja@exemplo.com.br>' });
const message = (id: string) => t.store.sqlite.prepare('SELECT status, attempts, last_error, next_attempt_at, sent_at FROM messages WHERE id = ?').get(id) as {
  status: string; attempts: number; last_error: string | null; next_attempt_at: string | null; sent_at: string | null;
};
// Noon in São Paulo on the test day, as the dispatcher's frozen clock; the outbox gets its own clock to move.
const NOON = new Date('2026-11-24T15:00:00Z');
const clockAt = (minutesAfterNoon: number) => ({ now: () => new Date(NOON.getTime() + minutesAfterNoon * 60_000) });

describe('e-mail outbox', () => {
  it('sends a queued reminder to the SMTP server, with the store as sender, and records it as sent', async () => {
    const port = await startSmtp();
    t.ok('settings.update', { smtp: smtpSettings(port) }, owner);
    const id = queueReminder();
    expect(message(id).status).toBe('queued');
    expect(received).toHaveLength(0); // nothing goes out inside the dispatcher's transaction

    expect(await processOutbox(t.store, clockAt(0))).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe('loja@exemplo.com.br');
    expect(received[0].to).toEqual(['fabio@example.com']);
    const mail = received[0].data;
    expect(mail).toMatch(/^Subject: =\?UTF-8\?|^Subject: Sua parcela/m);
    expect(mail).toMatch(/To: fabio@example\.com/);
    expect(mail).not.toMatch(/https?:\/\//);
    // quoted-printable body: decode soft breaks and =XX bytes
    const body = Buffer.from(mail.split(/\r?\n\r?\n/).slice(1).join('\n').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    expect(body).toContain('Olá, Fábio, tudo bem?');
    expect(body).toContain('Hoje o valor é R$ 153,15.');
    expect(message(id)).toMatchObject({ status: 'sent', attempts: 1, last_error: null, next_attempt_at: null, sent_at: clockAt(0).now().toISOString() });
    // sent once: a second run finds nothing
    expect(await processOutbox(t.store, clockAt(5))).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });

  it('while the server is down the message fails, waits with backoff, and goes out once the server is back', async () => {
    const port = await startSmtp();
    await stopSmtp(servers.pop()!); // the port is now closed: "offline"
    t.ok('settings.update', { smtp: smtpSettings(port) }, owner);
    const id = queueReminder();

    expect(await processOutbox(t.store, clockAt(0))).toEqual({ sent: 0, failed: 1 });
    let m = message(id);
    expect(m).toMatchObject({ status: 'failed', attempts: 1, sent_at: null });
    expect(m.last_error).toMatch(/^Tentativa 1: .*(ECONNREFUSED|connect)/);
    expect(m.next_attempt_at).toBe(clockAt(RETRY_MINUTES[0]).now().toISOString());

    // still down at the next attempt: the pause grows
    expect(await processOutbox(t.store, clockAt(1))).toEqual({ sent: 0, failed: 1 });
    m = message(id);
    expect(m).toMatchObject({ status: 'failed', attempts: 2 });
    expect(m.next_attempt_at).toBe(clockAt(1 + RETRY_MINUTES[1]).now().toISOString());

    await startSmtp(port);
    // not due yet: nothing is tried before next_attempt_at
    expect(await processOutbox(t.store, clockAt(3))).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(0);
    expect(await processOutbox(t.store, clockAt(6))).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    expect(message(id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null, next_attempt_at: null });
  });

  it('a server that refuses the recipient for now (451) is retried later; wrong credentials fail without losing the message', async () => {
    let refuse = true;
    const port = await startSmtp(0, {
      onRcptTo(_address, _session, cb) {
        if (refuse) {
          const err = new Error('Caixa temporariamente indisponível') as Error & { responseCode: number };
          err.responseCode = 451;
          return cb(err);
        }
        cb();
      },
    });
    t.ok('settings.update', { smtp: { ...smtpSettings(port), password: 'errada' } }, owner);
    const id = queueReminder();
    expect(await processOutbox(t.store, clockAt(0))).toEqual({ sent: 0, failed: 1 });
    expect(message(id).last_error).toMatch(/Invalid username or password|auth/i);

    t.ok('settings.update', { smtp: { host: '127.0.0.1', password: 's3nh@' } }, owner);
    expect(await processOutbox(t.store, clockAt(1))).toEqual({ sent: 0, failed: 1 });
    expect(message(id).last_error).toMatch(/^Tentativa 2: .*451/);

    refuse = false;
    expect(await processOutbox(t.store, clockAt(6))).toEqual({ sent: 1, failed: 0 });
    expect(received.map((r) => r.to)).toEqual([['fabio@example.com']]);
  });

  it('does not hold the database during the network send: a counter can write while the e-mail is in flight', async () => {
    let wroteDuringSend = '';
    const port = await startSmtp(0, {
      onData(stream, _session, cb) {
        stream.resume();
        stream.on('end', () => {
          // The outbox is awaiting this server right now: a dispatcher write must go through, not wait or fail.
          wroteDuringSend = t.ok('customers.create', { name: 'Outro Caixa', cpf: cpfFromBase('123456789'), phones: [{ number: '11912345678' }] }, clerk).id;
          received.push({ from: '', to: [], data: '' });
          cb();
        });
      },
    });
    t.ok('settings.update', { smtp: smtpSettings(port) }, owner);
    const id = queueReminder();
    expect(await processOutbox(t.store, clockAt(0))).toEqual({ sent: 1, failed: 0 });
    expect(wroteDuringSend).toBeTruthy();
    expect(message(id).status).toBe('sent');
  });

  it('without an SMTP account nothing is tried, and overlapping runs do not send twice', async () => {
    expect(await processOutbox(t.store, clockAt(0))).toEqual({ sent: 0, failed: 0, skipped: 'no_smtp' });
    const port = await startSmtp();
    t.ok('settings.update', { smtp: smtpSettings(port) }, owner);
    queueReminder('Fábio Alves', 'fabio@example.com');
    queueReminder('Gabi Torres', 'gabi@example.com');
    const [a, b] = await Promise.all([processOutbox(t.store, clockAt(0)), processOutbox(t.store, clockAt(0))]);
    expect(a).toEqual({ sent: 2, failed: 0 });
    expect(b).toEqual({ sent: 0, failed: 0, skipped: 'busy' });
    expect(received.map((r) => r.to[0]).sort()).toEqual(['fabio@example.com', 'gabi@example.com']);
  });
});

describe('the outbox timer (desktop app and browser mode)', () => {
  it('sends on its own shortly after start, and stops when asked', async () => {
    const { startOutbox } = await import('../../db/mail/outbox');
    const port = await startSmtp();
    t.ok('settings.update', { smtp: smtpSettings(port) }, owner);
    const id = queueReminder();
    const outbox = startOutbox(() => t.store, clockAt(0), 100);
    for (let i = 0; i < 50 && message(id).status !== 'sent'; i++) await new Promise((r) => setTimeout(r, 100));
    outbox.stop();
    expect(message(id).status).toBe('sent');
    const later = queueReminder('Gabi Torres', 'gabi@example.com');
    await new Promise((r) => setTimeout(r, 1500));
    expect(message(later).status).toBe('queued'); // stopped: nothing more goes out
  });
});
