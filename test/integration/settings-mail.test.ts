import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { mailTestSettled } from '../../db/usecases/mail-test';

// "Enviar teste" (issue 8 §3): mail.test sends one e-mail through the SAVED SMTP account to a real SMTP server
// started here (smtp-server on 127.0.0.1), outside the dispatcher's transaction; mail.testStatus tells the
// owner, in pt-BR, what happened and what to check.

interface Received { from: string; to: string[]; data: string }

let t: TestBackend;
let owner: Caller;
let servers: SMTPServer[] = [];
let received: Received[] = [];

beforeEach(() => {
  t = testBackend();
  ({ owner } = t.withPeople());
  received = [];
});
afterEach(async () => {
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
  servers = [];
  t.close();
});

function startSmtp(): Promise<number> {
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
  });
  servers.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.server.address() as { port: number }).port));
  });
}

const account = (port: number, password = 's3nh@') => ({ host: '127.0.0.1', port, secure: false, user: 'loja', password, from: 'Loja Teste <loja@exemplo.com.br>' });

async function testTo(to: string) {
  const started = t.ok('mail.test', { email: to }, owner);
  expect(started).toMatchObject({ state: 'sending', to });
  expect(t.ok('mail.testStatus', {}, owner).state).toBe('sending');
  await mailTestSettled(t.file);
  return t.ok('mail.testStatus', {}, owner);
}

describe('mail.test', () => {
  it('sends one e-mail with the saved account and says so in pt-BR', async () => {
    const port = await startSmtp();
    t.ok('settings.update', { smtp: account(port) }, owner);
    const audit = t.count('audit');
    const status = await testTo('dono@example.com');
    expect(status.state).toBe('sent');
    expect(status.message).toMatch(/^E-mail de teste enviado para dono@example\.com\. Confira a caixa de entrada/);
    expect(status.finishedAt).not.toBeNull();
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe('loja@exemplo.com.br');
    expect(received[0].to).toEqual(['dono@example.com']);
    expect(received[0].data).toMatch(/Subject: =\?UTF-8\?Q\?Teste_do_e-mail_da_loja/);
    expect(received[0].data).toContain('Loja Teste');
    // a read: no audit row, no message row (the test is not a reminder to any customer)
    expect(t.count('audit')).toBe(audit);
    expect(t.count('messages')).toBe(0);
  });

  it('uses the SAVED password even though settings.get only shows the mask', async () => {
    const port = await startSmtp();
    t.ok('settings.update', { smtp: account(port) }, owner);
    const shown = t.ok('settings.get', {}, owner).smtp;
    expect(shown.password).toBe('••••••••');
    t.ok('settings.update', { smtp: { ...shown, port } }, owner); // the screen sends the mask back
    expect((await testTo('dono@example.com')).state).toBe('sent');
  });

  it('a wrong password: the server refuses and the owner is told to check user and password', async () => {
    const port = await startSmtp();
    t.ok('settings.update', { smtp: account(port, 'errada') }, owner);
    const status = await testTo('dono@example.com');
    expect(status.state).toBe('failed');
    expect(status.message).toBe('O servidor recusou o usuário ou a senha do e-mail. Confira os dois (no Gmail e no Outlook, use uma "senha de app").');
    expect(received).toHaveLength(0);
  });

  it('nothing listening on the port: a pt-BR message naming the server and port', async () => {
    const port = await startSmtp();
    await new Promise<void>((r) => servers.pop()!.close(() => r()));
    t.ok('settings.update', { smtp: account(port) }, owner);
    const status = await testTo('dono@example.com');
    expect(status.state).toBe('failed');
    expect(status.message).toBe(`O servidor 127.0.0.1, porta ${port} recusou a conexão. Confira o servidor e a porta (geralmente 587 ou 465).`);
  });

  it('refuses without an account, and a destination that is not an e-mail', () => {
    const e = t.fail('mail.test', { email: 'dono@example.com' }, owner);
    expect(e).toMatchObject({ kind: 'conflict', message: 'Salve primeiro o servidor SMTP da loja; depois envie o teste.' });
    const bad = t.fail('mail.test', { email: 'dono@' }, owner);
    expect(bad.kind).toBe('validation');
    expect(bad.message).toBe('E-mail: Confira o endereço de destino do teste (ex.: voce@exemplo.com.br).');
    expect(t.ok('mail.testStatus', {}, owner).state).toBe('idle');
  });
});

describe('the saved password never travels back', () => {
  it('settings.update answers with the mask, like settings.get', () => {
    const saved = t.ok('settings.update', { smtp: account(2525) }, owner);
    expect(saved.smtp.password).toBe('••••••••');
    expect(JSON.stringify(saved)).not.toContain('s3nh@');
    const row = (t.store.sqlite.prepare("SELECT json FROM settings WHERE id = 'store'").get() as { json: string }).json;
    expect(JSON.parse(row).smtp.password).toBe('s3nh@');
  });
});
