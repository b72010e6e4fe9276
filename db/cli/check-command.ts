import { existsSync } from 'node:fs';
import { openStore, closeStore } from '../open';
import { checkProjections } from '../projections/check';
import { formatDateBR } from '../../shared/dates';

/**
 * `npx emdia check --db FILE` (API.md): recomputes every derived projection from the money tables and compares.
 * Exit 0 when equal; 1 listing each difference (the first 200).
 */
export function checkCommand(file: string): number {
  if (!existsSync(file)) {
    console.error(`Arquivo não encontrado: ${file}`);
    return 2;
  }
  const store = openStore(file);
  try {
    const t0 = Date.now();
    const r = checkProjections(store);
    const secs = ((Date.now() - t0) / 1000).toLocaleString('pt-BR', { maximumFractionDigits: 1 });
    const when = r.day ? ` em ${formatDateBR(r.day)}` : '';
    if (!r.differences.length) {
      console.log(`Posições conferidas${when}: ${r.customers.toLocaleString('pt-BR')} clientes e ${r.installments.toLocaleString('pt-BR')} parcelas iguais ao recálculo (${secs} s).`);
      return 0;
    }
    console.log(`Diferenças entre as posições gravadas e o recálculo${when}:`);
    for (const d of r.differences) console.log(`- ${d}`);
    return 1;
  } finally {
    closeStore(store);
  }
}
