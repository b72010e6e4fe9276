// What a message or a talking point must never say to the customer (CALLS.md "Words: Avoid"; CDC art. 42 and
// art. 71: no ridicule, embarrassment, threat, coercion, false statement or exposure to third parties).
// The scanner runs in the catalog test over every text we ship and in the settings validation over the
// owner's own templates, so a threat cannot slip in through Configurações either.
//
// Matching is on a folded copy (lower case, no accents), so "Último AVISO" and "ultimo aviso" are the same;
// each hit points back to the original words so the owner sees exactly what to change.

export interface ForbiddenRule {
  id: string;
  /** what is forbidden, as shown to the owner */
  label: string;
  /** why, in pt-BR, with the way to say it instead */
  why: string;
  /** patterns over the folded text (lower case, accents removed, any run of spaces written as \s+) */
  patterns: RegExp[];
}

export interface ForbiddenMatch {
  ruleId: string;
  label: string;
  why: string;
  /** the words as written in the text */
  found: string;
  index: number;
}

const CDC_42 = 'CDC art. 42: a cobrança não pode expor, constranger nem ameaçar o cliente.';

/** Third parties a collector must never involve (CDC art. 42 and 71). */
const THIRD_PARTIES =
  '(?:familia|familiares|parentes?|esposa|esposo|marido|mulher|mae|pai|filhos?|filhas?|irmaos?|irmas?|sogr[ao]s?|vizinh(?:o|a|os|as|anca)|patrao|patroa|chefe|chefia|empregador(?:a|es)?|recursos\\s+humanos|colegas?|trabalho|conhecidos|amigos?|fiador(?:a)?|referencias?)';
// Verb forms written out: a bare stem like "cont" would also catch "conta" (the bill) and "contato".
const DISCLOSE_VERBS =
  '(?:(?:avis|inform|lig|procur|comunic|notific|visit|cobr)(?:ar|arei|aremos|amos|ei|ou|ando|aria|ariamos|ara|arao|o|a|e)?|contar|contarei|contaremos|contamos|contei|contando|falar|falarei|falaremos|falamos|falei|falando|mandar|mandaremos|enviar|enviaremos|expor|exporemos)';

export const FORBIDDEN_RULES: ForbiddenRule[] = [
  {
    id: 'devedor',
    label: '"devedor"',
    why: `Rótulo que humilha. Chame o cliente pelo nome e fale da "parcela em aberto". ${CDC_42}`,
    patterns: [/\bdevedor(?:a|es|as)?\b/],
  },
  {
    id: 'inadimplente',
    label: '"inadimplente" / "inadimplência"',
    why: 'Jargão que soa como acusação. Prefira "parcela em aberto" ou "pendência".',
    patterns: [/\binadimplen(?:te|tes|cia|cias)\b/, /\binadimplemento\b/],
  },
  {
    id: 'calote',
    label: '"calote" / "caloteiro"',
    why: `Ofende o cliente. ${CDC_42}`,
    patterns: [/\bcalote(?:s|iro|ira|iros|iras)?\b/, /\bdar\s+(?:o\s+)?(?:cano|golpe)\b/],
  },
  {
    id: 'mau-pagador',
    label: '"mau pagador"',
    why: 'O perfil é para a loja se organizar, nunca para dizer ao cliente. Fale do fato: a parcela, a data, o valor.',
    patterns: [/\bma(?:u|us)\s+pagador(?:a|es|as)?\b/],
  },
  {
    id: 'nome-sujo',
    label: '"nome sujo" / "sujar o nome"',
    why: 'Expressão que envergonha. Se for verdade, diga uma vez e com a saída: "antes de qualquer registro, a loja envia um aviso por escrito com prazo".',
    patterns: [/\bnome\s+suj[oa]\b/, /\bsuj(?:ar|ando|ou|a|e)\s+(?:o\s+|seu\s+|o\s+seu\s+|teu\s+)?nome\b/, /\blimp(?:ar|e|a)\s+(?:o\s+|seu\s+|o\s+seu\s+)?nome\b/, /\bnome\s+(?:negativado|na\s+lama|manchado)\b/],
  },
  {
    id: 'esta-devendo',
    label: '"está devendo"',
    why: 'Frase de acusação. Diga qual parcela, a data e o valor, sem julgar: "a parcela de 10/11 ficou em aberto".',
    // "você deve receber o carnê" is fine; "você deve R$ 300 à loja" is the accusation.
    patterns: [/\bdevendo\b/, /\b(?:voce|o\s+senhor|a\s+senhora)\s+(?:nos\s+|ainda\s+)?deve\s+(?:r\$|\d|o\s+valor|a\s+loja|para\s+a\s+loja|a\s+gente|pra\s+gente)/],
  },
  {
    id: 'ultimo-aviso',
    label: '"último aviso"',
    why: 'Falso senso de urgência: a loja sempre tem outra conversa. Diga o próximo passo real, uma vez, com o prazo.',
    patterns: [/\bultim[oa]s?\s+(?:aviso|chance|oportunidade|notificacao|tentativa|contato|cobranca)\b/, /\baviso\s+final\b/, /\bchance\s+final\b/],
  },
  {
    id: 'urgente',
    label: '"urgente" / pressão de prazo',
    why: 'Golpes de cobrança usam "URGENTE" e prazos de horas; a loja não. Dê uma data concreta e tranquila.',
    patterns: [/\burgent(?:e|issimo)\b/, /\bem\s+ate\s+\d+\s+horas?\b/, /\bainda\s+hoje\s+ou\b/],
  },
  {
    id: 'prisao',
    label: 'prisão / cadeia',
    why: 'Ameaça falsa: dívida de compra não leva ninguém à prisão (só pensão alimentícia). CDC art. 71 proíbe ameaça.',
    patterns: [/\bpris(?:ao|oes)\b/, /\bpres[oa]s?\b/, /\bprender\b/, /\bcadeia\b/, /\bxadrez\b/, /\bdetid[oa]\b/, /\bcarcere\b/],
  },
  {
    id: 'policia',
    label: 'polícia / delegacia',
    why: 'Ameaça falsa: atraso de parcela não é caso de polícia. CDC art. 71 proíbe ameaça e coação.',
    patterns: [/\bpolic(?:ia|ial|iais)\b/, /\bdelegad(?:o|a)\b/, /\bdelegacia\b/, /\bboletim\s+de\s+ocorrencia\b/, /\bviatura\b/],
  },
  {
    id: 'crime',
    label: '"processo criminal" / "crime"',
    why: 'Afirmação falsa: atrasar parcela não é crime. Nunca fale em processo criminal, estelionato ou crime.',
    patterns: [/\bprocess(?:o|ar|aremos|ado|ada)\s+(?:criminal|criminalmente|penal|penalmente)\b/, /\bcrim(?:e|es|inal|inoso|inosa)\b/, /\bestelionat(?:o|ario|aria)\b/, /\bresponder\s+na\s+justica\b/],
  },
  {
    id: 'penhora',
    label: 'penhora / desconto no salário',
    why: 'Ameaça de tomar bens ou salário: falsa e proibida (CDC art. 71). Só um juiz decide isso, nunca a loja.',
    patterns: [
      /\bpenhor(?:a|as|ar|ado|ada|ados|adas|aremos)\b/,
      /\bdesconto\s+(?:direto\s+)?(?:no|na|do|da|em)\s+(?:seu\s+|sua\s+)?(?:salario|folha|contracheque|holerite|aposentadoria|beneficio)\b/,
      /\bdescontar\s+(?:do|no|da|na)\s+(?:seu\s+|sua\s+)?(?:salario|folha|contracheque|holerite|aposentadoria|beneficio)\b/,
      /\bbloque(?:io|ar|aremos)\s+(?:d[aoe]s?\s+)?(?:sua\s+|seu\s+|seus\s+|suas\s+)?(?:conta|contas|salario|bens|cartao|cartoes)\b/,
      /\b(?:busca\s+e\s+)?apreensao\b/,
      /\b(?:tomar|confiscar|leiloar|recolher|retomar)\s+(?:o\s+|os\s+|seu\s+|seus\s+|sua\s+|suas\s+)?(?:bens|casa|carro|moto|moveis|produto)\b/,
      /\boficial\s+de\s+justica\b/,
    ],
  },
  {
    id: 'para-sempre',
    label: '"para sempre"',
    why: 'Falso: um registro em birô dura no máximo 5 anos (CDC art. 43 §1) e sai em até 5 dias úteis após o pagamento (STJ Súmula 548).',
    patterns: [/\bpara\s+sempre\b/, /\bpra\s+sempre\b/, /\bnunca\s+mais\s+(?:vai\s+|ira\s+|podera\s+|vai\s+poder\s+|conseguira\s+|vai\s+conseguir\s+)?(?:comprar|ter\s+credito|conseguir\s+credito|abrir\s+credito)\b/],
  },
  {
    id: 'terceiros',
    label: 'contar para família, vizinhos, patrão ou colegas',
    why: 'A cobrança é só com o cliente: nunca falar nem ameaçar falar com parentes, vizinhos, patrão ou colegas (CDC art. 42 e 71).',
    patterns: [
      new RegExp(`\\b${DISCLOSE_VERBS}\\w*\\s+(?:\\w+\\s+){0,3}${THIRD_PARTIES}\\b`),
      new RegExp(`\\b${THIRD_PARTIES}\\s+(?:\\w+\\s+){0,2}(?:vai|vao|ira|irao|vai\\s+ficar|vao\\s+ficar|ficara|ficarao|podem|pode)\\s+sab(?:er|endo)\\b`),
      /\btodo\s+(?:mundo|o\s+bairro)\s+(?:vai|ira|vai\s+ficar)\s+sab(?:er|endo)\b/,
      /\b(?:seu|sua)\s+(?:patrao|patroa|chefe|empregador|empregadora)\b/,
    ],
  },
  {
    id: 'vergonha',
    label: 'vergonha / irresponsabilidade',
    why: 'Moralizar e envergonhar não ajuda o cliente a pagar e é proibido (CDC art. 42). Acolha e proponha a ação.',
    patterns: [/\bvergonh(?:a|oso|osa)\b/, /\bvexam(?:e|inoso)\b/, /\birresponsav(?:el|eis)\b/, /\bfalta\s+de\s+(?:vergonha|carater|compromisso|respeito)\b/, /\bsem\s+vergonha\b/, /\bdesonest(?:o|a|idade)\b/],
  },
  {
    id: 'juridiques',
    label: 'jargão jurídico ("notificação extrajudicial"…)',
    why: 'Linguagem de cartório assusta e confunde (DOMAIN.md: "plain language, no legal jargon"). Diga o que aconteceu e o que o cliente pode fazer.',
    patterns: [
      /\bextrajudicia(?:l|is|lmente)\b/,
      /\b(?:constituid[oa]\s+)?em\s+mora\b/,
      /\bsob\s+pena\s+de\b/,
      /\bmedidas\s+(?:cabiveis|judiciais|legais|juridicas|drasticas|extremas)\b/,
      /\bprovidencias\s+(?:cabiveis|judiciais|legais|juridicas)\b/,
      /\bcobranca\s+judicial\b/,
      /\bexecu(?:cao|tar)\s+(?:judicial|da\s+divida|do\s+debito|o\s+titulo)\b/,
      /\bprotest(?:o|ar|ado|ada|aremos)\b/,
      /\bvimos\s+por\s+meio\s+desta\b/,
      /\bfica\s+(?:o\s+senhor\s+|a\s+senhora\s+|voce\s+)?(?:notificad[oa]|intimad[oa]|ciente)\b/,
      /\bintima(?:cao|do|da)\b/,
      /\bacao\s+judicial\b/,
      /\bjudicialmente\b/,
    ],
  },
  {
    id: 'link',
    label: 'link ou endereço de site',
    why: 'Golpes de cobrança chegam por WhatsApp e SMS com links: nossas mensagens nunca têm links. O CNPJ e a chave PIX da loja deixam o cliente conferir quem escreve.',
    patterns: [/\bhttps?:\/\//, /\bwww\./, /\b(?:bit\.ly|tinyurl\.com|cutt\.ly|is\.gd|t\.co|encurtador\.com\.br|wa\.me)\b/, /\bclique\s+(?:aqui|no\s+link)\b/, /\bacesse\s+o\s+link\b/],
  },
];

const MARKS = /[\u0300-\u036f]/g;

/** The folded text and, for each of its characters, where it came from in the original. */
function fold(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const f = text[i].normalize('NFD').replace(MARKS, '').toLowerCase();
    for (const ch of f) {
      folded += ch;
      origin.push(i);
    }
  }
  return { folded, origin };
}

/** Every forbidden expression in `text`, in reading order (one hit per place, the first rule that matches it). */
export function scanForbidden(text: string): ForbiddenMatch[] {
  const { folded, origin } = fold(text);
  const hits: ForbiddenMatch[] = [];
  const taken: [number, number][] = [];
  for (const rule of FORBIDDEN_RULES) {
    for (const pattern of rule.patterns) {
      const re = new RegExp(pattern.source, 'g');
      for (let m = re.exec(folded); m; m = re.exec(folded)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const start = m.index;
        const end = m.index + m[0].length;
        if (taken.some(([a, b]) => start < b && end > a)) continue;
        taken.push([start, end]);
        const from = origin[start];
        const to = origin[end - 1] + 1;
        hits.push({ ruleId: rule.id, label: rule.label, why: rule.why, found: text.slice(from, to), index: from });
      }
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

/** One pt-BR sentence per hit, for a validation message: `"último aviso": Falso senso de urgência…`. */
export const describeForbidden = (hits: ForbiddenMatch[]): string =>
  hits.map((h) => `"${h.found}" (${h.label}): ${h.why}`).join(' ');
