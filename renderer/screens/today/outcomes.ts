// The outcomes the clerk picks after a call, in the order they happen most (API.md outcomes; CALLS.md
// "Objections and where they lead"). `agreement` and `message_sent` are not picked here: agreements are made
// in the guided call, and a message is recorded by reminders.send.

export type CallOutcome = 'no_answer' | 'promise' | 'callback' | 'paid' | 'refused' | 'dispute' | 'wrong_number' | 'third_party';

export const OUTCOMES: { value: CallOutcome; label: string; hint: string }[] = [
  { value: 'no_answer', label: 'Não atendeu', hint: 'Caixa postal, ocupado ou chamou até cair.' },
  { value: 'promise', label: 'Prometeu pagar', hint: 'Combinou um dia e um valor.' },
  { value: 'callback', label: 'Pediu para ligar depois', hint: 'Estava ocupado: ligamos no horário que pediu.' },
  { value: 'paid', label: 'Pagou', hint: 'Disse que já pagou ou vai pagar agora.' },
  { value: 'refused', label: 'Recusou', hint: 'Não quis combinar nada agora.' },
  { value: 'dispute', label: 'Contestou', hint: 'Defeito, não recebeu, já pagou ou não reconhece: a cobrança para.' },
  { value: 'wrong_number', label: 'Número errado', hint: 'O número não é do cliente: não ligamos mais para ele.' },
  { value: 'third_party', label: 'Terceiro atendeu — nada foi informado', hint: 'Outra pessoa atendeu; não falamos do assunto.' },
];

export const OUTCOME_LABELS: Record<CallOutcome, string> = Object.fromEntries(OUTCOMES.map((o) => [o.value, o.label])) as Record<CallOutcome, string>;

export type DisputeKind = 'defect' | 'not_received' | 'payment_check' | 'not_recognized' | 'other';

export const DISPUTE_KINDS: { value: DisputeKind; label: string }[] = [
  { value: 'defect', label: 'Produto com defeito' },
  { value: 'not_received', label: 'Não recebeu o produto' },
  { value: 'payment_check', label: 'Diz que já pagou (conferir pagamento)' },
  { value: 'not_recognized', label: 'Não reconhece a compra' },
  { value: 'other', label: 'Outro motivo' },
];
