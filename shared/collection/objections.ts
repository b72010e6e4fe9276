import { registerCatalog } from './catalog-registry';

// The eleven objections of CALLS.md "Objections and where they lead": what the clerk hears, two or three ways
// to answer it, and the next step the screen moves to. Ours, in plain warm pt-BR; the answers may use
// {primeiroNome}, {loja}, {atendente} and {formasDePagamento} (talking-points.ts fills them). Every text is
// scanned by catalog-scan.test.ts (CDC art. 42 and 71: no threat, no exposure, no jargon).

export const OBJECTION_IDS = [
  'sem-dinheiro',
  'nao-recebi-defeito',
  'ja-paguei',
  'pago-semana-que-vem',
  'nao-reconheco',
  'so-uma-parte',
  'ligue-mais-tarde',
  'procon-irritado',
  'carne-nao-chegou',
  'quem-esta-falando',
  'numero-errado',
] as const;
export type ObjectionId = (typeof OBJECTION_IDS)[number];

export type ObjectionNextKind = 'offers' | 'dispute' | 'callback' | 'partial_and_promise' | 'promise' | 'second_copy_pix' | 'third_party' | 'wrong_number' | 'escalate';

export interface ObjectionNext {
  kind: ObjectionNextKind;
  /** for a dispute: the kind contacts.record opens (the clerk may change defect ↔ not_received) */
  disputeKind?: 'defect' | 'not_received' | 'payment_check' | 'not_recognized';
  /** the contacts.record outcome this step ends in, when it is always the same */
  outcome?: 'promise' | 'dispute' | 'callback' | 'third_party' | 'wrong_number';
  /** what happens next, for the clerk (pt-BR) */
  hint: string;
}

export interface Objection {
  id: ObjectionId;
  /** as the clerk hears it */
  label: string;
  responses: string[];
  next: ObjectionNext;
}

export const OBJECTIONS: readonly Objection[] = [
  {
    id: 'sem-dinheiro',
    label: 'Sem dinheiro agora / desempregado',
    responses: [
      'Entendo, {primeiroNome}, e obrigado por me contar. Aperto acontece com todo mundo, e a gente quer te ajudar a sair dessa.',
      'Vamos pensar juntos: quanto você consegue pagar hoje, mesmo que seja pouco, e em que dia costuma entrar dinheiro?',
      'Posso te mostrar umas opções de parcelamento que cabem no bolso. Me diz um valor por mês que fica tranquilo para você.',
    ],
    next: { kind: 'offers', hint: 'Pergunte quanto consegue por mês e mostre as ofertas dentro da margem. Anote o motivo.' },
  },
  {
    id: 'nao-recebi-defeito',
    label: 'Não recebi o produto / veio com defeito',
    responses: [
      'Poxa, {primeiroNome}, sinto muito. Então a cobrança fica parada até a gente resolver isso, combinado?',
      'Me conta o que aconteceu: o que veio com problema, desde quando, e se já falou com alguém da loja?',
      'Vou registrar agora e passar para o responsável, que te procura com uma solução. A loja tem 30 dias para consertar um defeito.',
    ],
    next: { kind: 'dispute', disputeKind: 'defect', outcome: 'dispute', hint: 'Registre a contestação (defeito ou não recebido): a cobrança fica pausada até o dono resolver.' },
  },
  {
    id: 'ja-paguei',
    label: 'Já paguei',
    responses: [
      'Que bom, {primeiroNome}, obrigado! Vou conferir aqui para não te incomodar à toa.',
      'Me ajuda com alguns detalhes: em que dia foi, de que forma (PIX, aqui na loja) e se você tem o comprovante?',
      'Assim que eu conferir, te dou um retorno. Se for engano nosso, peço desculpas.',
    ],
    next: { kind: 'dispute', disputeKind: 'payment_check', outcome: 'dispute', hint: 'Registre "pagamento a conferir": ninguém liga de novo antes da conferência. Retorne com a resposta.' },
  },
  {
    id: 'pago-semana-que-vem',
    label: 'Pago semana que vem',
    responses: [
      'Combinado, {primeiroNome}. Para eu deixar anotado certinho: qual dia da semana que vem e qual valor?',
      'Esse dia é quando entra seu pagamento? Se for, fica mais fácil de dar certo.',
      'Posso te mandar um lembrete na véspera, para ajudar?',
    ],
    next: { kind: 'promise', outcome: 'promise', hint: 'Só vale como promessa com dia e valor. O lembrete vai na véspera.' },
  },
  {
    id: 'nao-reconheco',
    label: 'Não reconheço essa compra',
    responses: [
      'Tudo bem, {primeiroNome}, vamos esclarecer isso com calma.',
      'Posso confirmar alguns dados com você? A compra foi feita aqui na {loja}, e eu te digo a data e o produto para você ver se lembra.',
      'Se não foi você, a cobrança fica parada e o responsável da loja vai cuidar disso pessoalmente.',
    ],
    next: { kind: 'dispute', disputeKind: 'not_recognized', outcome: 'dispute', hint: 'Registre "não reconhece a compra": a cobrança para e o caso vai para o dono. Não acuse ninguém.' },
  },
  {
    id: 'so-uma-parte',
    label: 'Só consigo pagar uma parte',
    responses: [
      'Já ajuda bastante, {primeiroNome}. Quanto você consegue pagar agora?',
      'E o restante, em que dia fica bom para você? Assim a gente já deixa tudo combinado.',
      'Você pode pagar essa parte {formasDePagamento}.',
    ],
    next: { kind: 'partial_and_promise', outcome: 'promise', hint: 'Receba a parte agora e registre a promessa do restante com dia e valor.' },
  },
  {
    id: 'ligue-mais-tarde',
    label: 'Ligue mais tarde / estou no trabalho',
    responses: [
      'Claro, {primeiroNome}, desculpe atrapalhar. Qual o melhor horário para eu te ligar?',
      'Prefere que eu ligue ou que mande uma mensagem?',
    ],
    next: { kind: 'callback', outcome: 'callback', hint: 'Pare na hora. Anote o horário e o canal que a pessoa escolheu.' },
  },
  {
    id: 'procon-irritado',
    label: 'Vou reclamar no Procon / está irritado',
    responses: [
      'Você tem todo o direito, {primeiroNome}, e eu quero entender o que aconteceu. Me conta?',
      'Eu só estou aqui para ver como a gente resolve isso do jeito melhor para você.',
      'Se preferir, peço para o responsável da loja falar com você diretamente.',
    ],
    next: { kind: 'escalate', hint: 'Não discuta. Anote o que deixou a pessoa chateada e passe para o dono.' },
  },
  {
    id: 'carne-nao-chegou',
    label: 'O carnê não chegou / perdi o carnê',
    responses: [
      'Sem problema, {primeiroNome}, isso a gente resolve agora.',
      'Você pode pagar {formasDePagamento}. Posso te mandar os dados por mensagem?',
      'Aproveito para conferir seu endereço, para a próxima via chegar direitinho.',
    ],
    next: { kind: 'second_copy_pix', hint: 'Ofereça a segunda via e o PIX agora; corrija o endereço. Se a loja dificultou o pagamento, avalie tirar a multa.' },
  },
  {
    id: 'quem-esta-falando',
    label: 'Quem está falando? / outra pessoa atendeu',
    responses: [
      'Aqui é {atendente}, da {loja}. É um assunto pessoal com {primeiroNome}.',
      'Qual o melhor horário para encontrar {primeiroNome}? Obrigado pela atenção.',
    ],
    next: { kind: 'third_party', outcome: 'third_party', hint: 'Não fale de valores nem deixe recado sobre pagamento. Registre "terceiro — sem informar".' },
  },
  {
    id: 'numero-errado',
    label: 'Número errado',
    responses: ['Desculpe o incômodo, foi engano nosso.', 'Vou tirar este número do cadastro para não ligarmos mais. Tenha um bom dia!'],
    next: { kind: 'wrong_number', outcome: 'wrong_number', hint: 'O número fica marcado como errado e não é chamado de novo.' },
  },
];

export const isObjectionId = (value: unknown): value is ObjectionId => typeof value === 'string' && (OBJECTION_IDS as readonly string[]).includes(value);

export const objectionById = (id: ObjectionId): Objection => OBJECTIONS.find((o) => o.id === id)!;

export const objectionsCatalog = registerCatalog({
  id: 'objections',
  texts: () =>
    OBJECTIONS.flatMap((o) => [
      { key: `${o.id}:label`, text: o.label },
      ...o.responses.map((text, i) => ({ key: `${o.id}:response-${i + 1}`, text })),
      { key: `${o.id}:hint`, text: o.next.hint },
    ]),
});
