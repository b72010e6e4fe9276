import { z } from 'zod';

// Validation messages reach the clerk as-is: zod speaks Portuguese, and each field gets its on-screen name.
z.config(z.locales.pt());

const LABELS: Record<string, string> = {
  name: 'Nome', cpf: 'CPF', phones: 'Telefones', number: 'Telefone', whatsapp: 'WhatsApp', email: 'E-mail', address: 'Endereço',
  birthDate: 'Data de nascimento', keyCustomer: 'Cliente estratégico', doNotCall: 'Não ligar', notes: 'Observações', id: 'Identificador',
  query: 'Busca', limit: 'Limite', role: 'Papel', pin: 'PIN', userId: 'Usuário', storeName: 'Nome da loja', cnpj: 'CNPJ', state: 'UF',
  ownerName: 'Nome do dono', ownerPin: 'PIN do dono', customerId: 'Cliente', date: 'Data', description: 'Descrição', totalCents: 'Valor total',
  downPaymentCents: 'Entrada', installmentCount: 'Número de parcelas', firstDueDate: 'Primeiro vencimento', monthlyRatePct: 'Juros ao mês',
  amountCents: 'Valor', method: 'Forma de pagamento', installmentIds: 'Parcelas', paymentId: 'Pagamento', reason: 'Motivo', asOf: 'Data de referência',
  content: 'Arquivo', dryRun: 'Simulação', discountCents: 'Desconto', approvalPin: 'PIN de aprovação', channel: 'Canal', outcome: 'Resultado',
  at: 'Data e hora', from: 'De', to: 'Até', file: 'Arquivo', capacityCents: 'Quanto consegue pagar', idempotencyKey: 'Chave de repetição',
  // régua de cobrança and the store's e-mail account (settings.regua, settings.smtp, reminders.*)
  template: 'Modelo da mensagem', label: 'Nome do passo', offsetDays: 'Dias', trigger: 'Gatilho', profiles: 'Perfis', steps: 'Passos da régua',
  regua: 'Régua de cobrança', smtp: 'E-mail da loja (SMTP)', host: 'Servidor SMTP', port: 'Porta SMTP', secure: 'Conexão segura',
  user: 'Usuário do e-mail', password: 'Senha do e-mail', stepId: 'Passo da régua', installmentId: 'Parcela',
  // spreadsheet import (import.preview / import.run) and the call list
  fileName: 'Nome do arquivo', contentBase64: 'Arquivo', mapping: 'Colunas', sheet: 'Planilha', saveMappingAs: 'Nome do mapeamento',
  phone: 'Telefone usado', objectionIds: 'Objeções', callbackAt: 'Retorno combinado', callbackChannel: 'Canal do retorno', disputeKind: 'Tipo de contestação',
  inbound: 'Ligação recebida', contactId: 'Contato',
  // audit trail and the formal path (audit.list, formal.*)
  offset: 'Deslocamento', kind: 'Tipo', deadline: 'Prazo', bureau: 'Birô', recordId: 'Registro', scope: 'O que exportar', status: 'Situação',
  // Configurações (settings.update, users.update, mail.test): each setting by its name on the screen
  pixKey: 'Chave PIX', city: 'Cidade', timeZone: 'Fuso horário', deviceCode: 'Código do caixa', graceDays: 'Dias de tolerância',
  fineRatePct: 'Multa por atraso', lateInterestMonthlyPct: 'Juros de mora', closedWeekdays: 'Dias em que a loja fecha',
  callWindows: 'Horários de ligação', weekday: 'Dia da semana', maxCallsPerDay: 'Ligações por cliente, por dia',
  maxCallsPer7Days: 'Ligações por cliente, em 7 dias', quietDaysAfterConversation: 'Pausa depois de uma conversa', queueSize: 'Tamanho da lista do dia',
  promiseKeptSharePct: 'Parte paga para a promessa valer', promiseToleranceDays: 'Tolerância da promessa', maxChargesDiscountPct: 'Desconto nos encargos',
  maxPrincipalDiscountPct: 'Desconto no principal', maxInstallments: 'Máximo de parcelas', minInstallmentCents: 'Parcela mínima',
  renegotiationMonthlyPct: 'Juros de renegociação', maxDaysToFirstDue: 'Dias até o 1º vencimento', maxPostponeDays: 'Prorrogação máxima',
  receiptColumns: 'Colunas do recibo', accentFree: 'Imprimir sem acentos', extraFolder: 'Pasta extra das cópias', active: 'Ativo', unlock: 'Desbloquear',
};

export const fieldLabel = (path: PropertyKey[]): string => {
  const named = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  return named ? (LABELS[named] ?? named) : 'Dados';
};

/** `{ kind: 'validation', message, issues }` for a zod failure, naming the field in pt-BR. */
export function validationBody(error: z.ZodError): { kind: 'validation'; message: string; issues: { path: string; message: string }[] } {
  const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = error.issues[0];
  const message = first ? `${fieldLabel(first.path)}: ${first.message}` : 'Dados inválidos.';
  return { kind: 'validation', message, issues };
}
