import { z } from 'zod';
import { empty, id, isoDate, personName, pin, cpf } from './common';
import { settingsPatch, reguaPreview, mailTest } from './settings';
import { userCreate, userUpdate, customerCreate, customerUpdate, customerSearch, sessionLogin } from './people';
import { saleCreate, salePreview, saleById, statementInput, quoteInput, paymentReceive, paymentReverse, importCsv } from './ledger';
import * as c from './collection';
import * as reminders from './reminders';
import { importPreview, importRun } from './import';
import { auditList } from './audit';
import * as formal from './formal';
import { dashboardWeekly, dashboardDrill } from './dashboard';

/**
 * Every method of the public contract (API.md) plus the session methods the UI needs.
 * `role`: who may call it — `public` needs no login (first start, login screen), `clerk` any logged-in user,
 * `owner` the owner only (enforced by the dispatcher, whatever the transport).
 * `write`: the dispatcher appends an audit row for every successful write.
 */
export type Role = 'public' | 'clerk' | 'owner';
export interface MethodSpec<I extends z.ZodType = z.ZodType> {
  role: Role;
  write: boolean;
  input: I;
  summary: string;
}

const m = <I extends z.ZodType>(role: Role, write: boolean, input: I, summary: string): MethodSpec<I> => ({ role, write, input, summary });

export const storeSetup = z
  .object({
    storeName: z.string({ error: 'Informe o nome da loja.' }).trim().min(2, 'Informe o nome da loja.').max(120),
    cnpj: z.string().trim().max(20).optional(),
    state: z.string().length(2, 'Informe a UF (ex.: SP).'),
    // Printed on every carnê and receipt (CDC art. 42-A); may be filled in later in Configurações.
    address: z.string().trim().max(200).optional(),
    city: z.string().trim().max(80).optional(),
    ownerName: personName,
    ownerPin: pin,
  })
  .strict();

export const methods = {
  'setup.status': m('public', false, empty, 'Situação da primeira abertura'),
  'setup.store': m('public', true, storeSetup, 'Configurar minha loja'),
  'setup.demo': m('public', true, z.object({ customers: z.number().int().min(1).max(5000).optional(), seed: z.number().int().optional() }).strict(), 'Abrir a loja de demonstração'),
  'session.users': m('public', false, empty, 'Usuários para o login'),
  'session.login': m('public', false, sessionLogin, 'Entrar'),
  'session.logout': m('clerk', false, empty, 'Sair'),
  'session.me': m('clerk', false, empty, 'Usuário atual'),

  'settings.get': m('clerk', false, empty, 'Ler configurações'),
  'settings.update': m('owner', true, settingsPatch, 'Alterar configurações'),
  'users.create': m('owner', true, userCreate, 'Cadastrar usuário'),
  'users.list': m('clerk', false, empty, 'Listar usuários'),
  'users.listAll': m('owner', false, empty, 'Listar usuários, ativos e desativados'),
  'users.update': m('owner', true, userUpdate, 'Alterar usuário (desativar, novo PIN, desbloquear)'),
  'reminders.preview': m('owner', false, reguaPreview, 'Prévia de um modelo da régua com um cliente real'),
  'mail.test': m('owner', false, mailTest, 'Enviar e-mail de teste pela conta da loja'),
  'mail.testStatus': m('owner', false, empty, 'Resultado do e-mail de teste'),

  'customers.create': m('clerk', true, customerCreate, 'Cadastrar cliente'),
  'customers.update': m('clerk', true, customerUpdate, 'Alterar cliente'),
  'customers.get': m('clerk', false, c.customerById, 'Ver cliente'),
  'customers.search': m('clerk', false, customerSearch, 'Buscar clientes'),
  'customers.export': m('owner', false, c.customerById, 'Exportar dados do cliente (LGPD)'),
  'customers.anonymize': m('owner', true, c.customerById, 'Anonimizar cliente (LGPD)'),

  'sales.create': m('clerk', true, saleCreate, 'Registrar venda no crediário'),
  'sales.preview': m('clerk', false, salePreview, 'Prévia do carnê'),
  'sales.get': m('clerk', false, saleById, 'Ver venda e carnê'),
  'accounts.statement': m('clerk', false, statementInput, 'Extrato do cliente'),
  'payments.receipt': m('clerk', false, z.object({ paymentId: id }).strict(), 'Dados do recibo'),
  'payments.quote': m('clerk', false, quoteInput, 'Calcular valor a receber'),
  'payments.receive': m('clerk', true, paymentReceive, 'Receber pagamento'),
  'payments.reverse': m('clerk', true, paymentReverse, 'Estornar pagamento'),
  'import.csv': m('owner', true, importCsv, 'Importar clientes e parcelas'),
  'import.preview': m('owner', false, importPreview, 'Ler planilha e sugerir as colunas'),
  'import.run': m('owner', true, importRun, 'Importar planilha com as colunas escolhidas'),
  'import.mappings': m('owner', false, empty, 'Mapeamentos de planilha salvos'),

  'queue.build': m('clerk', false, c.queueBuild, 'Montar a lista de hoje'),
  'calls.context': m('clerk', false, c.callsContext, 'Preparar a ligação'),
  'offers.compute': m('clerk', false, c.offersCompute, 'Calcular propostas'),
  'agreements.create': m('clerk', true, c.agreementCreate, 'Fazer acordo'),
  'agreements.get': m('clerk', false, c.agreementGet, 'Termo do acordo'),
  'promises.create': m('clerk', true, c.promiseCreate, 'Registrar promessa'),
  'contacts.record': m('clerk', true, c.contactRecord, 'Registrar contato'),
  'feedback.record': m('clerk', true, c.feedbackRecord, 'Registrar a nota do atendimento'),
  'disputes.list': m('clerk', false, c.disputesList, 'Listar contestações'),
  'disputes.resolve': m('owner', true, c.disputeResolve, 'Resolver contestação'),
  'reminders.list': m('clerk', false, reminders.remindersList, 'Lembretes de hoje'),
  'reminders.send': m('clerk', true, reminders.remindersSend, 'Enviar lembrete'),
  'dashboard.weekly': m('owner', false, dashboardWeekly, 'Painel semanal'),
  'dashboard.drill': m('owner', false, dashboardDrill, 'Detalhe de uma barra do painel'),
  'audit.list': m('owner', false, auditList, 'Ver a auditoria'),
  'formal.candidates': m('owner', false, formal.formalCandidates, 'Clientes para a cobrança formal'),
  'formal.notice': m('owner', true, formal.formalNotice, 'Gerar notificação por escrito'),
  'formal.noticeGet': m('owner', false, formal.formalNoticeGet, 'Ver notificação'),
  'formal.register': m('owner', true, formal.formalRegister, 'Registrar no birô'),
  'formal.list': m('owner', false, formal.formalList, 'Registros no birô'),
  'formal.export': m('owner', false, formal.formalExport, 'Exportar registros para o birô'),
  'formal.removals': m('owner', false, empty, 'Baixas no birô a fazer'),
  'formal.removed': m('owner', true, formal.formalRemoved, 'Baixa do registro no birô'),
  // `background: true` (the screen) answers at once and backup.status follows the copy; without it the call waits.
  'backup.create': m('owner', true, z.object({ background: z.boolean().optional() }).strict(), 'Fazer cópia de segurança'),
  'backup.list': m('owner', false, empty, 'Listar cópias de segurança'),
  'backup.status': m('owner', false, empty, 'Andamento da cópia de segurança'),
  'backup.restore': m('owner', true, c.backupRestore, 'Restaurar cópia de segurança'),
  // Public: the damaged-store screen comes before any login (db/health).
  'health.status': m('public', false, empty, 'Situação do arquivo de dados'),
  'health.restore': m('public', true, z.object({ file: z.string().min(1).max(400).optional() }).strict(), 'Restaurar a última cópia boa (arquivo danificado)'),
} as const satisfies Record<string, MethodSpec>;

export type MethodName = keyof typeof methods;
export type MethodInput<M extends MethodName> = z.infer<(typeof methods)[M]['input']>;

export { id, isoDate, cpf };
