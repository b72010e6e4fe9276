import { formatDateBR, weekday } from '../dates';
import { formatBRL } from '../money';
import { RECORD_MAX_YEARS, REMOVAL_BUSINESS_DAYS } from './rules';

// The words of the written notice (CDC art. 43 §2), as data so the forbidden-words scanner checks them
// (shared/collection/forbidden.ts). CALLS.md: brief, firm, factual; the formal steps described as the store's
// process, said once and conditionally, with the way out — never as a threat. No "devedor", no "último aviso".

const WEEKDAYS = ['domingo', 'segunda-feira', 'terça-feira', 'quarta-feira', 'quinta-feira', 'sexta-feira', 'sábado'];
const pct = (p: number) => `${String(p).replace('.', ',')}%`;

export interface NoticeTextInput {
  customerName: string;
  storeName: string;
  storeAddress: string;
  sentOn: string;
  deadline: string;
  totalCents: number;
  fineRatePct: number;
  lateInterestMonthlyPct: number;
  pixKey: string | null;
}

export interface NoticeText {
  title: string;
  greeting: string;
  opening: string;
  interest: string;
  deadline: string;
  howToPay: string[];
  afterDeadline: string;
  removal: string;
  dispute: string;
  closing: string;
}

export function noticeText(i: NoticeTextInput): NoticeText {
  const deadline = `${WEEKDAYS[weekday(i.deadline)]}, ${formatDateBR(i.deadline)}`;
  return {
    title: 'Comunicado de pendência e prazo para regularizar',
    greeting: `Prezado(a) ${i.customerName},`,
    opening:
      `Consta em aberto no seu crediário com ${i.storeName} o valor de ${formatBRL(i.totalCents)}, calculado em ${formatDateBR(i.sentOn)}, ` +
      'conforme o quadro abaixo. Queremos resolver esta pendência junto com você, do jeito que ficar melhor.',
    interest:
      `Depois do vencimento, cada parcela tem multa de ${pct(Math.min(i.fineRatePct, 2))} (uma vez só) e juros de ${pct(i.lateInterestMonthlyPct)} ao mês até o pagamento. ` +
      'No dia de pagar, confirme conosco o valor atualizado.',
    deadline: `Prazo para pagar ou combinar um acordo: até ${deadline}.`,
    howToPay: [
      `Na loja${i.storeAddress ? ` (${i.storeAddress})` : ''}, em dinheiro, cartão ou PIX.`,
      ...(i.pixKey ? [`Por PIX, com a chave ${i.pixKey}, informando o seu nome.`] : []),
      'Se o valor não couber no seu orçamento agora, fale conosco: podemos combinar um acordo em parcelas.',
    ],
    afterDeadline:
      `Este comunicado por escrito é o passo que a lei prevê antes de qualquer registro (Código de Defesa do Consumidor, art. 43 §2). ` +
      `Se até ${formatDateBR(i.deadline)} a pendência não for paga nem combinada, a loja poderá registrá-la em um serviço de proteção ao crédito (SPC, Serasa ou Boa Vista).`,
    removal:
      `Depois do pagamento, a loja pede a retirada do registro em até ${REMOVAL_BUSINESS_DAYS} dias úteis (STJ, Súmula 548). ` +
      `Nenhum registro dura mais de ${RECORD_MAX_YEARS} anos.`,
    dispute:
      'Se você não reconhece esta compra, já pagou ou o produto apresentou problema, avise-nos: a cobrança fica suspensa até esclarecermos juntos.',
    closing: 'Se o pagamento já foi feito, por favor desconsidere este comunicado e receba o nosso obrigado.',
  };
}
