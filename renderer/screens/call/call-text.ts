import { PROMISE_RECAP_TEMPLATE, dateWithWeekday, messageVars, render, type StoreIdentity } from '../../../shared/collection/templates';
import { formatBRL } from '../../../shared/money';
import type { IsoDate } from '../../../shared/dates';
import type { AgreementTerm } from './call-types';

// The recap of a call (issue 7 §6; CALLS.md stage 7): amount, weekday and date, how to pay, the store's
// identification — the same text to read aloud, send by WhatsApp (opt-in only) or SMS.

const SIGNATURE = 'Um abraço,\n{atendente}\n{loja} – CNPJ {cnpj}\n{endereco}';

export function promiseRecap(store: StoreIdentity, customerName: string, signer: string, date: IsoDate, amountCents: number): string {
  return render(PROMISE_RECAP_TEMPLATE, messageVars({ customerName, store, signer, promiseDate: date, promiseAmountCents: amountCents }));
}

export function agreementRecap(store: StoreIdentity, term: AgreementTerm, signer: string): string {
  const entrada = term.installments.find((p) => p.kind === 'entrada');
  const parcelas = term.installments.filter((p) => p.kind === 'parcela');
  const parts: string[] = [];
  if (entrada) parts.push(`entrada de ${formatBRL(entrada.amountCents)} ${entrada.dueDate === term.date ? 'hoje' : 'em'} (${dateWithWeekday(entrada.dueDate)})`);
  if (parcelas.length) {
    const first = parcelas[0];
    const same = parcelas.every((p) => p.amountCents === first.amountCents);
    const n = parcelas.length;
    parts.push(
      same
        ? `${n === 1 ? '1 parcela' : `${n} parcelas`} de ${formatBRL(first.amountCents)}, a primeira em ${dateWithWeekday(first.dueDate)}`
        : `${n} parcelas, a primeira de ${formatBRL(first.amountCents)} em ${dateWithWeekday(first.dueDate)}`,
    );
  }
  const text =
    `Oi, {primeiroNome}! Obrigado pela conversa. Como combinamos no acordo ${term.number}: ${parts.join(' e ')}. ` +
    'Você pode pagar {formasDePagamento}. Um dia antes de cada vencimento eu mando um lembrete. Se algo mudar, me avise antes, combinado?\n\n' +
    SIGNATURE;
  return render(text, messageVars({ customerName: term.customer.name, store, signer }));
}
