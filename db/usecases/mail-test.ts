import nodemailer from 'nodemailer';
import type { Ctx } from '../context';
import { ApiError } from '../../shared/contract/errors';
import type { MailTestStatus, SmtpSettings } from '../../shared/contract/settings';

// "Enviar teste" in Configurações → E-mail (issue 8 §3): one e-mail through the SAVED account, so the owner
// knows the régua's e-mails will go out. The dispatcher is synchronous and its transaction must never wait on
// the network (db/mail/outbox.ts says why), so mail.test starts the send and answers at once, like
// backup.create; mail.testStatus follows it. One test at a time per store file.

const jobs = new Map<string, { status: MailTestStatus; done: Promise<MailTestStatus> }>();

const idle = (): MailTestStatus => ({ state: 'idle', to: null, message: null, startedAt: null, finishedAt: null });

export function mailTestStatus(ctx: Pick<Ctx, 'store'>): MailTestStatus {
  return { ...(jobs.get(ctx.store.file)?.status ?? idle()) };
}

/** Resolves when the running test (if any) ends; for tests and an orderly shutdown. */
export const mailTestSettled = (file: string): Promise<MailTestStatus> => jobs.get(file)?.done ?? Promise.resolve(idle());

export function startMailTest(ctx: Ctx, input: { email: string }): MailTestStatus {
  const to = input.email;
  const smtp = ctx.settings.smtp;
  if (!smtp) {
    throw new ApiError('conflict', 'Salve primeiro o servidor SMTP da loja; depois envie o teste.', [{ path: 'smtp', message: 'E-mail da loja ainda não configurado.' }]);
  }
  const current = jobs.get(ctx.store.file);
  if (current?.status.state === 'sending') return mailTestStatus(ctx);

  const status: MailTestStatus = { state: 'sending', to, message: `Enviando o teste para ${to}…`, startedAt: ctx.now.toISOString(), finishedAt: null };
  const storeName = ctx.settings.store.name;
  // Started now, but nodemailer only touches the network after this call (and its transaction) has ended.
  const done = send(smtp, to, storeName).then(
    () => Object.assign(status, { state: 'sent', message: `E-mail de teste enviado para ${to}. Confira a caixa de entrada (e o spam): se chegou, os lembretes por e-mail vão sair por esta conta.`, finishedAt: new Date().toISOString() }),
    (e: unknown) => Object.assign(status, { state: 'failed', message: explainFailure(e, smtp), finishedAt: new Date().toISOString() }),
  );
  jobs.set(ctx.store.file, { status, done });
  return mailTestStatus(ctx);
}

async function send(smtp: SmtpSettings, to: string, storeName: string): Promise<void> {
  // The same account options as the outbox's transport, with shorter waits: the owner is looking at the screen.
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user ? { user: smtp.user, pass: smtp.password } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({
      from: smtp.from,
      to,
      subject: `Teste do e-mail da loja – ${storeName}`,
      text:
        `Olá!\n\nEste é um e-mail de teste enviado pelo EmDia, nas Configurações da ${storeName}.\n\n` +
        'Se você está lendo esta mensagem, a conta de e-mail está certa e os lembretes da régua de cobrança por e-mail vão sair por ela.\n\n' +
        'Não é preciso responder.',
    });
  } finally {
    transport.close();
  }
}

/** nodemailer's error (English, technical) → what the owner should check, in pt-BR. */
export function explainFailure(e: unknown, smtp: Pick<SmtpSettings, 'host' | 'port' | 'secure'>): string {
  const err = (e ?? {}) as { code?: string; responseCode?: number; message?: string };
  const text = String(err.message ?? '');
  const where = `${smtp.host}, porta ${smtp.port}`;
  if (err.code === 'EAUTH' || err.responseCode === 535 || err.responseCode === 534) {
    return 'O servidor recusou o usuário ou a senha do e-mail. Confira os dois (no Gmail e no Outlook, use uma "senha de app").';
  }
  if (err.code === 'ENOAUTH' || err.responseCode === 530) return 'O servidor pede usuário e senha: preencha os dois e salve antes de testar.';
  if (err.code === 'EDNS' || /ENOTFOUND|EAI_AGAIN/.test(text)) return `Servidor SMTP "${smtp.host}" não encontrado. Confira o nome do servidor e a internet do computador.`;
  if (/ECONNREFUSED/.test(text)) return `O servidor ${where} recusou a conexão. Confira o servidor e a porta (geralmente 587 ou 465).`;
  if (err.code === 'ETIMEDOUT' || /timeout|timed out/i.test(text)) return `O servidor ${where} não respondeu a tempo. Confira a porta, a internet e se um antivírus ou firewall bloqueia o envio.`;
  if (err.code === 'ETLS' || /wrong version number|ssl|tls|certificate/i.test(text)) {
    return `A conexão segura falhou em ${where}. Em geral a porta 465 usa "conexão segura" ligada e a 587 desligada: confira as duas.`;
  }
  if (err.code === 'EENVELOPE' || (err.responseCode && err.responseCode >= 550 && err.responseCode < 560)) {
    return 'O servidor recusou o remetente ou o destinatário. Confira o e-mail do remetente (deve ser o da conta) e o endereço de destino.';
  }
  if (err.code === 'ECONNECTION' || err.code === 'ESOCKET') return `Não foi possível falar com o servidor ${where}. Confira o servidor, a porta e a internet.`;
  return `O e-mail de teste não foi enviado. Confira o servidor, a porta, o usuário e a senha.${err.responseCode ? ` (resposta do servidor: ${err.responseCode})` : ''}`;
}
