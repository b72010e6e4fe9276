import { formatBRL, type Cents } from '../money';
import { weekday, type IsoDate } from '../dates';
import { formatCnpj, onlyDigits } from '../cpf';
import { scanForbidden, describeForbidden } from './forbidden';
import { registerCatalog } from './catalog-registry';

// Message templates of the régua de cobrança (issue 6 §5) and the two fixed messages around it (thank-you,
// promise recap). Rules every message follows:
// - the customer's first name (a personal message raised payment, CALLS.md "What the evidence says");
// - signed by a person the customer knows and the store (the clerk who sold or who last talked with them);
// - the store's name, address and CNPJ (CDC art. 42-A);
// - no links: collection scams arrive by WhatsApp and SMS, so the CNPJ and the PIX key let the customer
//   check who is writing (CONVENTIONS.md);
// - under ~600 characters (Windows refuses very long wa.me addresses);
// - nothing from CALLS.md "Avoid" (forbidden.ts, checked by catalog-scan.test.ts and by the settings).

/** The variables a template may use, with what each becomes (shown to the owner in Configurações). */
export const TEMPLATE_VARIABLES = {
  primeiroNome: 'primeiro nome do cliente (ex.: Ana)',
  valor: 'valor da parcela hoje, com multa e juros se estiver vencida (ex.: R$ 152,40)',
  vencimento: 'vencimento com o dia da semana (ex.: sexta-feira, 27/11)',
  parcela: 'qual parcela (ex.: 3/10)',
  compra: 'o que foi comprado (ex.: Sofá retrátil 3 lugares)',
  loja: 'nome da loja',
  endereco: 'endereço e cidade da loja',
  cnpj: 'CNPJ da loja',
  pix: 'chave PIX da loja',
  formasDePagamento: 'como pagar (ex.: aqui na loja ou por PIX, chave …)',
  atendente: 'quem assina: quem vendeu ou quem falou por último com o cliente',
  dataPromessa: 'data combinada na promessa, com o dia da semana',
  valorPromessa: 'valor combinado na promessa',
} as const;
export type TemplateVariable = keyof typeof TEMPLATE_VARIABLES;
export type TemplateVars = Partial<Record<TemplateVariable, string>>;
export const TEMPLATE_VARIABLE_NAMES = Object.keys(TEMPLATE_VARIABLES) as TemplateVariable[];

/** A message must name the customer, be signed by a person, and identify the store (CDC art. 42-A). */
export const REQUIRED_IN_MESSAGES: readonly TemplateVariable[] = ['primeiroNome', 'atendente', 'loja', 'endereco', 'cnpj'];

/** Characters a message may have (CONVENTIONS.md WhatsApp: keep messages under ~600). */
export const MESSAGE_MAX_CHARS = 600;

const PLACEHOLDER = /\{([^{}]*)\}/g;
const isKnown = (name: string): name is TemplateVariable => Object.hasOwn(TEMPLATE_VARIABLES, name);

/** The `{names}` a template uses, in order, without repeats. */
export function listVariables(template: string): string[] {
  const seen = new Set<string>();
  for (const m of template.matchAll(PLACEHOLDER)) seen.add(m[1].trim());
  return [...seen];
}

/** Names in braces that are not variables (a typo like `{valr}` would reach the customer as is). */
export const listUnknownVariables = (template: string): string[] => listVariables(template).filter((v) => !isKnown(v));

/** Fills `{name}` with its value; unknown names stay as typed (validation refuses them before they get here). */
export function render(template: string, vars: TemplateVars): string {
  let emptied = false;
  const out = template.replace(PLACEHOLDER, (whole, raw: string) => {
    const name = raw.trim();
    if (!isKnown(name)) return whole;
    const value = vars[name] ?? '';
    if (!value) emptied = true;
    return value;
  });
  if (!emptied) return out.trim();
  // An empty value (no CNPJ yet) must not leave stray spaces before punctuation or runs of blank lines.
  return out
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').replace(/\s+([,.;:!?])/g, '$1').trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

// --- Turning facts into variables ------------------------------------------------------------------------

const WEEKDAYS = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];

/** `sexta-feira, 27/11`: the weekday helps people place the date (CALLS.md: "amount, weekday and date"). */
export function dateWithWeekday(date: IsoDate): string {
  const [, m, d] = date.split('-');
  return `${WEEKDAYS[weekday(date)]}, ${d}/${m}`;
}

/** "MARIA DA SILVA" → "Maria"; "ana" → "Ana". */
export function firstName(fullName: string): string {
  const first = fullName.trim().split(/\s+/)[0] ?? '';
  return first
    .toLocaleLowerCase('pt-BR')
    .split('-')
    .map((p) => p.charAt(0).toLocaleUpperCase('pt-BR') + p.slice(1))
    .join('-');
}

export interface StoreIdentity {
  name: string;
  cnpj: string;
  address: string;
  city: string;
  pixKey: string;
}

/** What is missing for a message to identify the store as CDC art. 42-A asks (pt-BR, for a warning). */
export function missingStoreIdentity(store: StoreIdentity): string[] {
  const out: string[] = [];
  if (!store.cnpj.trim()) out.push('CNPJ');
  if (!store.address.trim()) out.push('endereço');
  return out;
}

export const storeAddressLine = (store: StoreIdentity): string =>
  [store.address.trim(), store.city.trim()].filter(Boolean).join(' – ');

export const storeCnpj = (cnpj: string): string => (onlyDigits(cnpj).length === 14 ? formatCnpj(cnpj) : cnpj.trim());

export const paymentOptions = (store: StoreIdentity): string =>
  store.pixKey.trim() ? `aqui na loja ou por PIX, chave ${store.pixKey.trim()}` : 'aqui na loja';

export interface MessageFacts {
  customerName: string;
  store: StoreIdentity;
  /** the person who signs (first name is enough: "Carlos") */
  signer: string;
  amountCents?: Cents;
  dueDate?: IsoDate;
  installmentNumber?: number;
  installmentCount?: number;
  description?: string;
  promiseDate?: IsoDate;
  promiseAmountCents?: Cents;
}

export function messageVars(f: MessageFacts): TemplateVars {
  return {
    primeiroNome: firstName(f.customerName),
    valor: f.amountCents === undefined ? '' : formatBRL(f.amountCents),
    vencimento: f.dueDate ? dateWithWeekday(f.dueDate) : '',
    parcela: f.installmentNumber ? `${f.installmentNumber}/${f.installmentCount ?? f.installmentNumber}` : '',
    compra: f.description ?? '',
    loja: f.store.name.trim(),
    endereco: storeAddressLine(f.store),
    cnpj: storeCnpj(f.store.cnpj),
    pix: f.store.pixKey.trim(),
    formasDePagamento: paymentOptions(f.store),
    atendente: firstName(f.signer),
    dataPromessa: f.promiseDate ? dateWithWeekday(f.promiseDate) : '',
    valorPromessa: f.promiseAmountCents === undefined ? '' : formatBRL(f.promiseAmountCents),
  };
}

/** Long but real values, to check that a template stays under the limit for any store and customer. */
export const LONG_SAMPLE_VARS: TemplateVars = messageVars({
  customerName: 'Maria Aparecida dos Santos Oliveira',
  store: {
    name: 'Magazine Boa Vista Móveis e Eletro',
    cnpj: '11222333000181',
    address: 'Rua Coronel Antônio Conceição, 1234 - Jardim São João',
    city: 'São José do Rio Preto',
    pixKey: 'financeiro@magazineboavista.com.br',
  },
  signer: 'Valdirene',
  amountCents: 1_234_567,
  dueDate: '2026-11-25',
  installmentNumber: 10,
  installmentCount: 12,
  description: 'Guarda-roupa casal 6 portas',
  promiseDate: '2026-11-25',
  promiseAmountCents: 1_234_567,
});

export type TemplateChannel = 'whatsapp' | 'sms' | 'email' | 'phone';

/**
 * Why a template cannot be saved, in pt-BR (empty when it is fine). A phone step's text is a task for the
 * clerk on the list, not a message, so it need not carry the signature and the store's identification.
 */
export function templateProblems(template: string, channel: TemplateChannel): string[] {
  const out: string[] = [];
  if (!template.trim()) return ['o modelo da mensagem está vazio: escreva o texto.'];
  const unknown = listUnknownVariables(template);
  if (unknown.length) {
    out.push(`o modelo usa ${unknown.map((u) => `{${u}}`).join(', ')}, que não existe. Variáveis possíveis: ${TEMPLATE_VARIABLE_NAMES.map((v) => `{${v}}`).join(', ')}.`);
  }
  if (/[{}]/.test(template.replace(PLACEHOLDER, ''))) out.push('há uma chave { ou } sem par no modelo.');
  if (channel !== 'phone') {
    const used = new Set(listVariables(template));
    const missing = REQUIRED_IN_MESSAGES.filter((v) => !used.has(v));
    if (missing.length) {
      out.push(`falta ${missing.map((v) => `{${v}}`).join(', ')}: toda mensagem usa o nome do cliente, é assinada por uma pessoa e identifica a loja com nome, endereço e CNPJ (CDC art. 42-A).`);
    }
  }
  const hits = scanForbidden(template);
  if (hits.length) out.push(`o texto tem o que uma cobrança não pode dizer. ${describeForbidden(hits)}`);
  const length = render(template, LONG_SAMPLE_VARS).length;
  if (channel !== 'phone' && length > MESSAGE_MAX_CHARS) {
    out.push(`com dados reais a mensagem pode chegar a ${length} caracteres; o limite é ${MESSAGE_MAX_CHARS} (o WhatsApp no Windows recusa textos longos).`);
  }
  return out;
}

// --- The texts we ship -----------------------------------------------------------------------------------

const SIGNATURE = 'Um abraço,\n{atendente}\n{loja} – CNPJ {cnpj}\n{endereco}';

/** Default régua texts, by step id (the steps themselves are in settings-defaults.ts). */
export const DEFAULT_STEP_TEMPLATES = {
  // D−3, crônico and negligente: the reminder before the due date is the strongest lever (CALLS.md).
  'antes-3': `Oi, {primeiroNome}, tudo bem? Passando para lembrar que a parcela {parcela} ({compra}) vence {vencimento}, no valor de {valor}. Você pode pagar {formasDePagamento}. Se já estiver tudo certo, é só desconsiderar. Qualquer dúvida, estou por aqui.\n\n${SIGNATURE}`,
  // D−1 of a promise: "remind the day before" (CALLS.md stage 9).
  'promessa-1': `Oi, {primeiroNome}, tudo bem? Só lembrando do que combinamos: {valorPromessa} até {dataPromessa}. Você pode pagar {formasDePagamento}. Se surgir algum imprevisto, me avise antes, que a gente encontra outra saída juntos.\n\n${SIGNATURE}`,
  // D+grace: a lapse is the most likely cause; make paying easy and leave room for "já paguei".
  'depois-3': `Oi, {primeiroNome}, tudo bem? A parcela {parcela} ({compra}), que venceu {vencimento}, ainda aparece em aberto aqui na loja. Hoje o valor é {valor}. Se você já pagou, me avise para eu conferir, e desculpe o incômodo. Dá para pagar {formasDePagamento}.\n\n${SIGNATURE}`,
  'depois-3-email': `Olá, {primeiroNome}, tudo bem?\n\nA parcela {parcela} ({compra}), que venceu {vencimento}, ainda aparece em aberto aqui na loja. Hoje o valor é {valor}. Se você já pagou, responda este e-mail para eu conferir, e desculpe o incômodo. Dá para pagar {formasDePagamento}. Este e-mail não tem links: na dúvida, confira o CNPJ abaixo.\n\n${SIGNATURE}`,
  // D+10: still friendly, now an invitation to talk and agree on a date.
  'depois-10': `Oi, {primeiroNome}. A parcela {parcela}, que venceu {vencimento}, segue em aberto: hoje são {valor}. Imprevistos acontecem, e a gente pode resolver juntos. Me responda por aqui ou passe na loja, que eu vejo com você o melhor dia. Dá para pagar {formasDePagamento}.\n\n${SIGNATURE}`,
  // D+30: a call, not a message. The text is the clerk's task on the list.
  'depois-30': 'Ligar para {primeiroNome}: a parcela {parcela} ({valor}) está há 30 dias em aberto (venceu {vencimento}). Ouça o motivo com calma e combine um valor e um dia.',
} as const;

/** After a customer pays everything off (issue 6 §5: "a thank-you message is suggested"; DOMAIN.md idea 9). */
export const THANK_YOU_TEMPLATE = `Oi, {primeiroNome}, tudo bem? Vi aqui que você quitou todas as parcelas. Agradeço de coração pela confiança e pelo compromisso! Seu crédito continua à disposição para quando precisar. Foi um prazer atender você.\n\n${SIGNATURE}`;

/** Sent at the end of a call that ended in a promise (CALLS.md stage 7: "send the recap by message"). */
export const PROMISE_RECAP_TEMPLATE = `Oi, {primeiroNome}! Que bom falar com você. Como combinamos: {valorPromessa} até {dataPromessa}, pago {formasDePagamento}. Um dia antes eu mando um lembrete. Se algo mudar, me avise antes, combinado?\n\n${SIGNATURE}`;

export type SubjectKind = 'before_due' | 'after_due' | 'promise' | 'thank_you';
const SUBJECTS: Record<SubjectKind, string> = {
  before_due: 'Lembrete da sua parcela – {loja}',
  after_due: 'Sua parcela em aberto – {loja}',
  promise: 'Lembrete do que combinamos – {loja}',
  thank_you: 'Um agradecimento da equipe – {loja}',
};
/** E-mail subject lines: plain, with the store's name, never alarming. */
export const emailSubject = (kind: SubjectKind, vars: TemplateVars): string => render(SUBJECTS[kind], vars);

export const messageTemplatesCatalog = registerCatalog({
  id: 'message-templates',
  texts: () => [
    ...Object.entries(DEFAULT_STEP_TEMPLATES).map(([key, text]) => ({ key: `regua:${key}`, text })),
    { key: 'agradecimento', text: THANK_YOU_TEMPLATE },
    { key: 'recapitulacao-promessa', text: PROMISE_RECAP_TEMPLATE },
    ...Object.entries(SUBJECTS).map(([key, text]) => ({ key: `assunto:${key}`, text })),
  ],
});
