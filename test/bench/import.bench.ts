import { pathToFileURL } from 'node:url';
import { cpfFromBase, formatCpf } from '../../shared/cpf';
import { addMonthsClamped, formatDateBR } from '../../shared/dates';
import { formatDecimalBR } from '../../shared/money';
import { toCsv } from '../../shared/csv/write';
import { testBackend } from '../support/backend';

const FIRST = ['Maria', 'José', 'Ana', 'João', 'Antônia', 'Francisco', 'Luíza', 'Carlos', 'Conceição', 'Paulo'];
const LAST = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Lima', 'Gonçalves', 'Araújo', 'Ribeiro', 'Conceição'];
const PRODUCTS = ['Geladeira', 'Fogão 4 bocas', 'Sofá retrátil', 'Smartphone', 'Colchão casal', 'Máquina de lavar', 'TV 50"', 'Guarda-roupa'];

/**
 * A realistic import file: each customer has 2 carnês, one with 3 open parcelas and one with 2 (5 lines),
 * in the layout of docs/importacao.md, written with the Brazilian CSV writer (`;`, BOM, decimal comma).
 * Deterministic, so the integration test and the benchmark see the same shape.
 */
export function generateImportCsv(lines: number, opts: { cpfOffset?: number } = {}): { content: string; customers: number; sales: number; totalCents: number } {
  const header = ['nome', 'cpf', 'telefone', 'whatsapp', 'email', 'endereco', 'descricao', 'data_venda', 'parcela', 'total_parcelas', 'vencimento', 'valor'];
  const rows: string[][] = [];
  let customers = 0;
  let sales = 0;
  let totalCents = 0;
  for (let c = 0; rows.length < lines; c++) {
    customers++;
    const base = String(100_000_000 + (opts.cpfOffset ?? 0) + c * 7).slice(-9);
    const cpf = formatCpf(cpfFromBase(base));
    const name = `${FIRST[c % 10]} ${LAST[Math.floor(c / 10) % 10]} ${LAST[(c * 7 + 3) % 10]} ${c}`;
    const phone = `(11) 9${String(80000000 + c).slice(-8).replace(/(\d{4})(\d{4})/, '$1-$2')}`;
    const customer = [name, cpf, phone, c % 3 === 0 ? 'sim' : 'não', c % 4 === 0 ? `cliente${c}@exemplo.com.br` : '', `Rua ${LAST[c % 10]}, ${c % 900}, Centro`];
    for (const [k, open, count] of [
      [0, 3, 10],
      [1, 2, 6],
    ] as const) {
      sales++;
      const saleDate = addMonthsClamped('2026-01-10', (c + k * 3) % 9);
      const amount = 5_000 + ((c * 37 + k * 11) % 200) * 100;
      for (let n = count - open + 1; n <= count && rows.length < lines; n++) {
        totalCents += amount;
        rows.push([...customer, `${PRODUCTS[(c + k) % PRODUCTS.length]} ${k + 1}`, formatDateBR(saleDate), String(n), String(count), formatDateBR(addMonthsClamped(saleDate, n)), formatDecimalBR(amount)]);
      }
    }
  }
  return { content: toCsv(header, rows), customers, sales, totalCents };
}

/**
 * A store's own book, the way issue 11 describes them: one row per parcela with "3/10", `dd/mm/aa` dates,
 * `R$` amounts, a "Situação" column (the first parcelas of each carnê paid), CPFs with punctuation, no sale
 * date, `;` and Windows-style line ends. `paidEvery`: of a customer's parcelas, how many were already paid.
 */
export function generateBookCsv(lines: number): { content: string; customers: number; openCents: number; paidRows: number } {
  const rows: string[] = ['Cliente;CPF/CNPJ;Fone;Produto;Parc.;Vencto;Vlr Parcela;Situação'];
  let customers = 0;
  let openCents = 0;
  let paidRows = 0;
  const yy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)}`;
  for (let c = 0; rows.length - 1 < lines; c++) {
    customers++;
    const cpf = formatCpf(cpfFromBase(String(200_000_000 + c * 7).slice(-9)));
    const name = `${FIRST[c % 10]} ${LAST[Math.floor(c / 10) % 10]} ${LAST[(c * 7 + 3) % 10]} ${c}`;
    const phone = `(11) 9${String(70000000 + c).slice(-8).replace(/(\d{4})(\d{4})/, '$1-$2')}`;
    const first = addMonthsClamped('2026-03-10', c % 8);
    const amount = 5_000 + ((c * 37) % 200) * 100;
    for (let n = 1; n <= 5 && rows.length - 1 < lines; n++) {
      const due = addMonthsClamped(first, n - 1);
      const paid = due < '2026-11-01' && n <= 3;
      if (paid) paidRows++;
      else openCents += amount;
      rows.push([name, cpf, phone, PRODUCTS[c % PRODUCTS.length], `${n}/5`, yy(due), `R$ ${formatDecimalBR(amount)}`, paid ? 'Pago' : 'Aberto'].join(';'));
    }
  }
  return { content: rows.join('\r\n') + '\r\n', customers, openCents, paidRows };
}

/** `npx tsx test/bench/import.bench.ts [lines]`: imports through the real dispatcher and prints the seconds. */
async function main() {
  const lines = Number(process.argv[2] ?? 100_000);
  const t0 = performance.now();
  const file = generateImportCsv(lines);
  const t1 = performance.now();
  console.log(`Arquivo gerado: ${lines} linhas, ${(file.content.length / 1e6).toFixed(1)} MB, ${file.customers} clientes, ${file.sales} carnês (${((t1 - t0) / 1000).toFixed(2)} s)`);

  const t = testBackend('2026-11-23');
  try {
    const { owner } = t.withPeople();
    const run = (dryRun: boolean) => {
      const start = performance.now();
      const r = t.ok<{ rows: number; imported: number; errors: unknown[] }>('import.csv', { content: file.content, dryRun }, owner);
      const seconds = (performance.now() - start) / 1000;
      if (r.errors.length) throw new Error(`erros inesperados: ${JSON.stringify(r.errors.slice(0, 5))}`);
      return { r, seconds };
    };
    const dry = run(true);
    console.log(`Simulação (dryRun): ${dry.seconds.toFixed(2)} s, ${dry.r.rows} linhas, 0 erros`);
    const real = run(false);
    console.log(`Importação real:    ${real.seconds.toFixed(2)} s, ${real.r.imported} parcelas importadas`);
    const counts = ['customers', 'customer_phones', 'sales', 'installments'].map((x) => `${x}=${t.count(x)}`).join(' ');
    console.log(`Gravado: ${counts}`);
    const again = performance.now();
    const second = t.ok<{ errors: unknown[] }>('import.csv', { content: file.content, dryRun: false }, owner);
    console.log(`Mesmo arquivo de novo: ${((performance.now() - again) / 1000).toFixed(2)} s, ${second.errors.length} carnês recusados (já importados), nada gravado`);
    if (real.seconds > 20) {
      console.error(`LENTO: ${real.seconds.toFixed(2)} s passa do limite de 20 s.`);
      process.exitCode = 1;
    }
  } finally {
    t.close();
  }
  await benchBook(lines);
}

/** import.preview + import.run (dry, then real) of a store's own book of `lines` rows: must stay under 30 s. */
async function benchBook(lines: number) {
  const book = generateBookCsv(lines);
  const contentBase64 = Buffer.from(book.content, 'utf8').toString('base64');
  const t = testBackend('2026-11-23');
  try {
    const { owner } = t.withPeople();
    const timed = <T>(f: () => T): [T, number] => {
      const start = performance.now();
      const r = f();
      return [r, (performance.now() - start) / 1000];
    };
    const file = { contentBase64, fileName: 'caderno.csv' };
    const [p, tp] = timed(() => t.ok<{ mapping: Record<string, string> }>('import.preview', file, owner));
    console.log(`\nPlanilha da loja: ${lines} linhas, ${(book.content.length / 1e6).toFixed(1)} MB, ${book.customers} clientes, ${book.paidRows} parcelas já pagas`);
    console.log(`import.preview:         ${tp.toFixed(2)} s`);
    const [dry, td] = timed(() => t.ok<{ errors: unknown[]; summary: { openCents: number } }>('import.run', { ...file, mapping: p.mapping, dryRun: true }, owner));
    if (dry.errors.length) throw new Error(`erros inesperados: ${JSON.stringify(dry.errors.slice(0, 5))}`);
    console.log(`import.run (simulação): ${td.toFixed(2)} s`);
    const [real, tr] = timed(() => t.ok<{ imported: number; summary: { openCents: number } }>('import.run', { ...file, mapping: p.mapping, dryRun: false }, owner));
    console.log(`import.run (real):      ${tr.toFixed(2)} s, ${real.imported} parcelas, ${t.count('payments')} pagamentos de histórico, perfis de ${t.count('customer_standings')} clientes`);
    if (real.summary.openCents !== book.openCents) throw new Error(`saldo em aberto ${real.summary.openCents} ≠ ${book.openCents}`);
    const total = tp + td + tr;
    console.log(`Total (ler, simular, importar): ${total.toFixed(2)} s`);
    if (tr > 30) {
      console.error(`LENTO: a importação real levou ${tr.toFixed(2)} s; o limite é 30 s.`);
      process.exitCode = 1;
    }
  } finally {
    t.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[3] === "--book") await benchBook(Number(process.argv[2] ?? 100_000));
  else await main();
}
