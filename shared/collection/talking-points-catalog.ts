import { registerCatalog } from './catalog-registry';

// The phrases of the guided call (CALLS.md "The stages"), as data: talking-points.ts picks, for each stage and
// slot, the FIRST entry whose situations all hold (`when`) and none of `unless` does, so the most specific
// variant comes first and the plain one last. Texts are ours, in the voice of an experienced clerk: warm,
// short, no jargon, nothing from CALLS.md "Avoid" (catalog-scan.test.ts scans every one). Lines for the clerk's
// eyes only (what to check, how to behave) are marked `note`; the rest are said to the customer.
//
// Variables ({name}) are filled by talking-points.ts; an entry whose variable has no value is skipped and the
// next variant of its slot is used. "[valor]" in brackets is what the clerk fills in aloud.

export type Stage = 'prepare' | 'open' | 'say_why' | 'listen' | 'propose' | 'objections' | 'commit' | 'recap' | 'close' | 'record';

export const STAGES: readonly { id: Stage; label: string }[] = [
  { id: 'prepare', label: 'Antes de ligar' },
  { id: 'open', label: 'Abrir a conversa' },
  { id: 'say_why', label: 'Dizer o motivo' },
  { id: 'listen', label: 'Ouvir' },
  { id: 'propose', label: 'Propor' },
  { id: 'objections', label: 'Objeções' },
  { id: 'commit', label: 'Fechar o combinado' },
  { id: 'recap', label: 'Repetir o combinado' },
  { id: 'close', label: 'Despedir-se' },
  { id: 'record', label: 'Registrar' },
];

/** Facts about the call that decide which variant is used (talking-points.ts situationsOf). */
export type Situation =
  | 'novo'
  | 'em_dia'
  | 'ocasional'
  | 'cronico'
  | 'negligente'
  | 'mau_pagador'
  | 'first_purchase'
  | 'first_delay'
  | 'long_history'
  | 'key_customer'
  | 'broken_promise'
  | 'callback'
  | 'pix'
  | 'overdue'
  | 'several_overdue';

export const TALKING_POINT_VARIABLES = [
  'primeiroNome',
  'loja',
  'atendente',
  'valor',
  'parcela',
  'vencimento',
  'compra',
  'diasAtraso',
  'parcelasEmAtraso',
  'parcelasEmDia',
  'formasDePagamento',
  'pix',
  'dataPromessa',
  'valorPromessa',
] as const;
export type TalkingPointVariable = (typeof TALKING_POINT_VARIABLES)[number];

export interface TalkingPointEntry {
  id: string;
  stage: Stage;
  slot: string;
  when?: Situation[];
  unless?: Situation[];
  /** for the clerk only, not to be read aloud */
  note?: boolean;
  text: string;
}

export const TALKING_POINTS: readonly TalkingPointEntry[] = [
  // 0. Prepare — what the clerk looks at before dialling.
  { id: 'prepare.numbers', stage: 'prepare', slot: 'numbers', when: ['overdue'], note: true, text: 'Em aberto hoje: {valor}, {parcelasEmAtraso}, a mais antiga com {diasAtraso} de atraso.' },
  { id: 'prepare.numbers.none', stage: 'prepare', slot: 'numbers', note: true, text: 'Nenhuma parcela em atraso hoje: se for ligar, é para agradecer ou lembrar o próximo vencimento.' },
  { id: 'prepare.approach.mau-pagador', stage: 'prepare', slot: 'approach', when: ['mau_pagador'], note: true, text: 'Conversa breve, firme e educada: fatos, datas e valores. Desconto só com entrada. O aviso por escrito é o procedimento da loja, nunca uma ameaça.' },
  { id: 'prepare.approach.first-purchase', stage: 'prepare', slot: 'approach', when: ['first_purchase'], note: true, text: 'Primeira compra ({compra}). Antes de falar de valores, confirme se o produto chegou bem e se o carnê chegou, e explique como pagar.' },
  { id: 'prepare.approach.long-history', stage: 'prepare', slot: 'approach', when: ['long_history'], note: true, text: 'Cliente com {parcelasEmDia} pagas em dia. Lembre esse histórico como um convite para continuar assim. Dá para ser flexível com multa e juros.' },
  { id: 'prepare.approach.first-delay', stage: 'prepare', slot: 'approach', when: ['first_delay'], note: true, text: 'Primeiro atraso: o mais provável é esquecimento. Tom leve, é só um lembrete; uma conversa costuma resolver.' },
  { id: 'prepare.approach.cronico', stage: 'prepare', slot: 'approach', when: ['cronico'], note: true, text: 'Costuma atrasar, mas acaba pagando. Boa hora para sugerir o vencimento no dia em que recebe. Evite perdoar multa de novo.' },
  { id: 'prepare.approach.negligente', stage: 'prepare', slot: 'approach', when: ['negligente'], note: true, text: 'Paga aos poucos. Combine uma data só, um valor claro, e ofereça lembrete na véspera.' },
  { id: 'prepare.approach.default', stage: 'prepare', slot: 'approach', note: true, text: 'Tom tranquilo e simpático. Peça primeiro o valor total; se não der, pergunte quanto consegue e quando.' },
  { id: 'prepare.broken-promise', stage: 'prepare', slot: 'broken', when: ['broken_promise'], note: true, text: 'A promessa de {valorPromessa} para {dataPromessa} não se cumpriu. Comece por ela, sem cobrar explicação: pergunte o que aconteceu.' },
  { id: 'prepare.callback', stage: 'prepare', slot: 'callback', when: ['callback'], note: true, text: 'A pessoa pediu este retorno. Lembre isso logo no começo.' },
  { id: 'prepare.key-customer', stage: 'prepare', slot: 'key', when: ['key_customer'], note: true, text: 'Cliente estratégico: se fizer sentido, o dono pode ligar. Mesmo assim, saia com um combinado de dia e valor.' },
  { id: 'prepare.payment.pix', stage: 'prepare', slot: 'payment', when: ['pix'], note: true, text: 'Deixe à mão a chave PIX ({pix}) e a segunda via, para facilitar o pagamento na hora.' },
  { id: 'prepare.payment.no-pix', stage: 'prepare', slot: 'payment', note: true, text: 'Deixe à mão a segunda via. A loja ainda não cadastrou chave PIX: o pagamento é aqui na loja.' },

  // 1. Open — who is calling, the right person, a harmless detail, a good moment.
  { id: 'open.greet.callback', stage: 'open', slot: 'greet', when: ['callback'], text: 'Oi, {primeiroNome}? Aqui é {atendente}, da {loja}. Você pediu para eu ligar agora, lembra? Tudo bem?' },
  { id: 'open.greet', stage: 'open', slot: 'greet', text: 'Oi, tudo bem? Aqui é {atendente}, da {loja}. Por favor, eu falo com {primeiroNome}?' },
  { id: 'open.greet.store', stage: 'open', slot: 'greet', text: 'Oi, tudo bem? Aqui é da {loja}. Por favor, eu falo com {primeiroNome}?' },
  { id: 'open.confirm.first-purchase', stage: 'open', slot: 'confirm', when: ['first_purchase'], text: 'Antes de tudo, queria saber: a sua compra ({compra}) chegou direitinho? Está tudo certo com ela?' },
  { id: 'open.confirm.long-history', stage: 'open', slot: 'confirm', when: ['long_history'], text: 'Que bom falar com você, {primeiroNome}! Faz tempo que você compra com a gente.' },
  { id: 'open.confirm.mau-pagador', stage: 'open', slot: 'confirm', when: ['mau_pagador'], text: 'Pode falar um minuto? Vou ser breve.' },
  { id: 'open.confirm', stage: 'open', slot: 'confirm', text: 'É um bom momento para falar rapidinho?' },
  { id: 'open.carne.first-purchase', stage: 'open', slot: 'carne', when: ['first_purchase'], text: 'E o carnê, chegou junto? Ficou alguma dúvida sobre como pagar?' },

  // 2. Say why — one neutral sentence: which parcela, due date, amount.
  { id: 'say-why.broken-promise', stage: 'say_why', slot: 'why', when: ['broken_promise'], text: 'Estou ligando sobre o que combinamos: {valorPromessa} até {dataPromessa}. Ainda não apareceu aqui para mim.' },
  { id: 'say-why.mau-pagador', stage: 'say_why', slot: 'why', when: ['mau_pagador', 'several_overdue'], text: 'Estou ligando sobre as parcelas em aberto: a mais antiga venceu {vencimento} e hoje o total é {valor}.' },
  { id: 'say-why.mau-pagador.one', stage: 'say_why', slot: 'why', when: ['mau_pagador'], text: 'Estou ligando sobre a parcela {parcela}, que venceu {vencimento}. Hoje o valor é {valor}.' },
  { id: 'say-why.first-purchase', stage: 'say_why', slot: 'why', when: ['first_purchase'], text: 'E aproveito para lembrar da parcela {parcela}, que venceu {vencimento}, no valor de {valor}.' },
  { id: 'say-why.long-history', stage: 'say_why', slot: 'why', when: ['long_history'], text: 'Seu histórico com a gente é ótimo, são {parcelasEmDia} pagas em dia, por isso resolvi ligar: a parcela {parcela}, que venceu {vencimento}, ainda aparece em aberto.' },
  { id: 'say-why.first-delay', stage: 'say_why', slot: 'why', when: ['first_delay'], text: 'Estou ligando só para lembrar: a parcela {parcela}, que venceu {vencimento}, ainda aparece em aberto. Deve ter passado batido, acontece com todo mundo!' },
  { id: 'say-why', stage: 'say_why', slot: 'why', when: ['overdue'], text: 'O motivo da ligação: a parcela {parcela}, que venceu {vencimento}, ainda está em aberto. Hoje o valor é {valor}.' },
  { id: 'say-why.none', stage: 'say_why', slot: 'why', text: 'Estou ligando só para agradecer e saber se está tudo certo com a sua compra.' },

  // 3. Listen — an open question, then silence.
  { id: 'listen.ask.first-delay', stage: 'listen', slot: 'ask', when: ['first_delay'], text: 'Foi só a correria do dia a dia, ou aconteceu alguma coisa?' },
  { id: 'listen.ask.broken-promise', stage: 'listen', slot: 'ask', when: ['broken_promise'], text: 'O que aconteceu? Se mudou alguma coisa, a gente ajusta junto.' },
  { id: 'listen.ask.mau-pagador', stage: 'listen', slot: 'ask', when: ['mau_pagador'], text: 'O que está impedindo o pagamento hoje?' },
  { id: 'listen.ask', stage: 'listen', slot: 'ask', text: 'Me conta, o que aconteceu?' },
  { id: 'listen.silence', stage: 'listen', slot: 'silence', note: true, text: 'Depois da pergunta, espere em silêncio e deixe a pessoa falar até o fim. Procure a causa: esquecimento, falta de dinheiro, problema com o produto, desorganização.' },
  { id: 'listen.care', stage: 'listen', slot: 'care', note: true, text: 'Se surgir doença ou luto: agradeça por contar, explique que a informação fica só na loja, pergunte se pode anotar e ofereça mais prazo.' },

  // 4. Propose — the full amount first; then "quanto consegue e em que dia?"; at most two options.
  { id: 'propose.full.mau-pagador', stage: 'propose', slot: 'full', when: ['mau_pagador'], text: 'O ideal é regularizar o total hoje: {valor}. Você consegue?' },
  { id: 'propose.full.long-history', stage: 'propose', slot: 'full', when: ['long_history'], text: 'Para manter esse histórico bonito, que tal acertar os {valor} hoje?' },
  { id: 'propose.full.first-delay', stage: 'propose', slot: 'full', when: ['first_delay'], text: 'Dá para acertar hoje ou amanhã? São {valor}, e você pode pagar {formasDePagamento}.' },
  { id: 'propose.full', stage: 'propose', slot: 'full', when: ['overdue'], text: 'Consegue pagar os {valor} hoje? Pode ser {formasDePagamento}.' },
  { id: 'propose.capacity', stage: 'propose', slot: 'capacity', when: ['overdue'], text: 'Se não der o total, quanto você consegue e em que dia?' },
  { id: 'propose.flex.mau-pagador', stage: 'propose', slot: 'flex', when: ['mau_pagador'], text: 'Se precisar parcelar, começamos com uma entrada e o restante a gente divide dentro do que a loja permite.' },
  { id: 'propose.flex.long-history', stage: 'propose', slot: 'flex', when: ['long_history'], text: 'Como você sempre pagou em dia, vejo aqui de tirar a multa e os juros se acertar agora.' },
  { id: 'propose.flex.cronico', stage: 'propose', slot: 'flex', when: ['cronico'], text: 'Quer passar o vencimento para o dia em que cai o seu pagamento? Fica mais fácil de lembrar.' },
  { id: 'propose.flex.negligente', stage: 'propose', slot: 'flex', when: ['negligente'], text: 'Vamos deixar uma data só, bem combinada? Eu te mando um lembrete na véspera.' },
  { id: 'propose.note', stage: 'propose', slot: 'note', when: ['overdue'], note: true, text: 'No máximo duas opções concretas, dentro da margem da loja. Não comece pelo desconto nem ofereça metade antes de a pessoa pedir.' },

  // 5. Objections — the clerk clicks the one heard (objections.ts).
  { id: 'objections.note', stage: 'objections', slot: 'note', note: true, text: 'Ouça a objeção até o fim, sem discutir, e clique nela: a tela mostra o que responder e o próximo passo.' },
  { id: 'objections.dispute', stage: 'objections', slot: 'dispute', note: true, text: 'Defeito, produto que não chegou ou pagamento já feito não é atraso: a cobrança para e o caso vai para o dono.' },

  // 6. Commit — amount, date, how, who; a question that needs a "sim".
  { id: 'commit.ask', stage: 'commit', slot: 'ask', text: 'Então fica combinado: você paga [valor] na [dia da semana e data], {formasDePagamento}. Pode ser?' },
  { id: 'commit.who.mau-pagador', stage: 'commit', slot: 'who', when: ['mau_pagador'], text: 'Quem vai fazer o pagamento, você mesmo? Assim eu já deixo anotado.' },
  { id: 'commit.sim', stage: 'commit', slot: 'sim', note: true, text: 'Espere o "sim". "Vou ver" não é promessa: pergunte de novo o dia e o valor.' },

  // 7. Recap — read it back; a true consequence once, with the way out; send it by message.
  { id: 'recap.readback', stage: 'recap', slot: 'readback', text: 'Só para não ter erro: [valor], na [dia da semana e data], {formasDePagamento}. Vou te mandar isso por mensagem também, tudo bem?' },
  { id: 'recap.consequence.mau-pagador', stage: 'recap', slot: 'consequence', when: ['mau_pagador'], text: 'Se não der certo até essa data, o procedimento da loja é mandar um aviso por escrito com prazo, antes de qualquer registro em birô. Pagando, qualquer registro sai em até 5 dias úteis.' },

  // 8. Close — thanks, a direct contact, "me avisa antes se algo mudar".
  { id: 'close.thanks.long-history', stage: 'close', slot: 'thanks', when: ['long_history'], text: 'Obrigado, {primeiroNome}, e obrigado por continuar com a gente! Qualquer coisa, fala comigo, {atendente}, aqui na {loja}.' },
  { id: 'close.thanks.mau-pagador', stage: 'close', slot: 'thanks', when: ['mau_pagador'], text: 'Obrigado pela conversa, {primeiroNome}. Qualquer coisa, fala comigo, {atendente}, aqui na {loja}.' },
  { id: 'close.thanks', stage: 'close', slot: 'thanks', text: 'Obrigado, {primeiroNome}! Qualquer coisa, é só falar comigo, {atendente}, aqui na {loja}.' },
  { id: 'close.thanks.store', stage: 'close', slot: 'thanks', text: 'Obrigado, {primeiroNome}! Qualquer coisa, é só chamar a gente aqui na {loja}.' },
  { id: 'close.change', stage: 'close', slot: 'change', text: 'Se algo mudar, me avisa antes, tá bom? A gente encontra outra saída juntos.' },

  // 9. Record — outcome, cause, promise, next action.
  { id: 'record.what', stage: 'record', slot: 'what', note: true, text: 'Registre o resultado, a causa que a pessoa contou, as objeções ouvidas e a promessa com dia e valor.' },
  { id: 'record.broken-promise', stage: 'record', slot: 'follow', when: ['broken_promise'], note: true, text: 'Se esta nova data também passar sem pagamento, ligue no dia seguinte.' },
  { id: 'record.follow', stage: 'record', slot: 'follow', note: true, text: 'O lembrete sai na véspera da data combinada; no dia, confira se o pagamento entrou.' },
];

export interface AvoidEntry {
  id: string;
  when?: Situation[];
  unless?: Situation[];
  text: string;
}

/** What not to do in the situation (CALLS.md "what goes wrong" and "Words"); the forbidden words are added by talking-points.ts from forbidden.ts. */
export const AVOID: readonly AvoidEntry[] = [
  { id: 'avoid.others', text: 'Falar de valores com quem atender no lugar de {primeiroNome}.' },
  { id: 'avoid.discount-first', when: ['overdue'], text: 'Oferecer desconto ou metade antes de pedir o valor total.' },
  { id: 'avoid.borrow', text: 'Sugerir que peça dinheiro emprestado.' },
  { id: 'avoid.first-delay', when: ['first_delay'], text: 'Tratar como um atraso grave: é o primeiro, provavelmente esquecimento.' },
  { id: 'avoid.first-purchase', when: ['first_purchase'], text: 'Falar de multa e juros antes de saber se a compra chegou bem.' },
  { id: 'avoid.long-history', when: ['long_history'], text: 'Tom duro ou desconfiado com quem sempre pagou em dia.' },
  { id: 'avoid.mau-pagador.discount', when: ['mau_pagador'], text: 'Desconto sem entrada.' },
  { id: 'avoid.mau-pagador.repeat', when: ['mau_pagador'], text: 'Repetir o aviso por escrito ou o birô como pressão: diga uma vez, com a saída.' },
  { id: 'avoid.mau-pagador.argue', when: ['mau_pagador'], text: 'Discutir ou levantar a voz, mesmo que a pessoa se irrite.' },
  { id: 'avoid.cronico', when: ['cronico'], text: 'Perdoar multa de novo: dispensas repetidas viram costume.' },
  { id: 'avoid.negligente', when: ['negligente'], text: 'Planos com muitas datas: uma data só é mais fácil de cumprir.' },
  { id: 'avoid.broken-promise', when: ['broken_promise'], text: 'Cobrar explicação pela promessa que não deu certo: pergunte o que aconteceu.' },
  { id: 'avoid.vague', text: 'Anotar "vou ver" como promessa.' },
];

export const talkingPointsCatalog = registerCatalog({
  id: 'talking-points',
  texts: () => [
    ...STAGES.map((s) => ({ key: `stage:${s.id}`, text: s.label })),
    ...TALKING_POINTS.map((t) => ({ key: t.id, text: t.text })),
    ...AVOID.map((a) => ({ key: a.id, text: a.text })),
  ],
});
