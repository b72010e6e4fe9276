// DOMAIN.md "Agreements": current while its parcelas are paid; broken after two are missed, and its open
// debt returns to collection. Pure, so the contact policy, the standings and the term all say the same rule.

/** Missed (overdue) parcelas that break an agreement. */
export const MISSED_PARCELAS_TO_BREAK = 2;

export type AgreementState = 'current' | 'broken' | 'settled';

/** A parcela of the agreement as the standings see it (installment_standings.status). */
export interface AgreementParcela {
  status: 'open' | 'overdue' | 'paid' | 'renegotiated';
}

/** settled: nothing open; broken: two or more parcelas overdue; otherwise current. */
export function agreementState(parcelas: readonly AgreementParcela[]): AgreementState {
  const open = parcelas.filter((p) => p.status === 'open' || p.status === 'overdue');
  if (open.length === 0) return 'settled';
  return open.filter((p) => p.status === 'overdue').length >= MISSED_PARCELAS_TO_BREAK ? 'broken' : 'current';
}

/** Same rule on counts (db/usecases/queue.ts agreementsOf gives openCount / overdueCount). */
export const isAgreementBroken = (overdueCount: number): boolean => overdueCount >= MISSED_PARCELAS_TO_BREAK;

/** The after-due rule printed on the agreement term (say the rule on the term: issue 7 §5). */
export function agreementRuleText(fineRatePct: number, lateInterestMonthlyPct: number): string {
  const pct = (p: number) => `${String(p).replace('.', ',')}%`;
  return (
    `Após o vencimento de cada parcela: multa de ${pct(Math.min(fineRatePct, 2))} e juros de ${pct(lateInterestMonthlyPct)} ao mês. ` +
    `Se ${MISSED_PARCELAS_TO_BREAK} parcelas deste acordo ficarem em atraso, o acordo deixa de valer e o saldo em aberto volta a ser cobrado normalmente.`
  );
}
