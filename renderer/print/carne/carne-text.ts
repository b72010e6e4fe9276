import { pixPayload, isValidPixPayload } from '../../../shared/pix';
import type { SaleCarne } from '../../../shared/contract/ledger';

/** `2` → `2%`, `0.5` → `0,5%`. */
const pct = (value: number): string => `${value.toLocaleString('pt-BR', { maximumFractionDigits: 4 })}%`;

/** The after-due rule in words, from the parcelas' own terms (CDC art. 52 §1): "Após o vencimento: multa de 2% e juros de 1% ao mês." */
export function afterDueRule(policy: SaleCarne['policy']): string {
  const parts: string[] = [];
  if (policy.fineRatePct > 0) parts.push(`multa de ${pct(policy.fineRatePct)}`);
  if (policy.lateInterestMonthlyPct > 0) parts.push(`juros de ${pct(policy.lateInterestMonthlyPct)} ao mês`);
  return parts.length ? `Após o vencimento: ${parts.join(' e ')}.` : 'Após o vencimento não há multa nem juros.';
}

/** The store's address line: "Rua Direita, 45 - Centro · Campinas/SP". */
export function storeAddressLine(store: SaleCarne['store']): string {
  const place = [store.city, store.state].filter(Boolean).join('/');
  return [store.address, place].filter(Boolean).join(' · ');
}

/** txid of a parcela's PIX code: letters and digits only, ≤ 25 (`A-000012`, parcela 3 → `A000012P03`). */
export const pixTxid = (saleNumber: string, installment: number): string =>
  `${saleNumber.replace(/[^A-Za-z0-9]/g, '')}P${String(installment).padStart(2, '0')}`.slice(0, 25);

/**
 * The static PIX "copia e cola" of one parcela with its face value (CONVENTIONS.md "PIX"), or null when the
 * store has no PIX key or lacks what the code needs (the city). A static code cannot add multa or juros.
 */
export function parcelaPix(store: SaleCarne['store'], saleNumber: string, installment: number, amountCents: number): string | null {
  if (!store.pixKey.trim()) return null;
  try {
    const payload = pixPayload({ key: store.pixKey, merchantName: store.name, merchantCity: store.city, amountCents, txid: pixTxid(saleNumber, installment) });
    return isValidPixPayload(payload) ? payload : null;
  } catch {
    return null;
  }
}

/** Why the PIX code cannot be printed although the store has a key, in words for the owner; null when it can. */
export function pixProblem(store: SaleCarne['store']): string | null {
  if (!store.pixKey.trim()) return null;
  try {
    pixPayload({ key: store.pixKey, merchantName: store.name, merchantCity: store.city, amountCents: 100 });
    return null;
  } catch (e) {
    if (!store.city.trim()) return 'Para imprimir o QR code PIX, preencha a cidade da loja em Configurações (F8).';
    return e instanceof RangeError ? `O QR code PIX não pôde ser gerado: ${e.message}` : 'O QR code PIX não pôde ser gerado.';
  }
}
