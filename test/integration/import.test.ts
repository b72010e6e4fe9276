import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import { generateImportCsv } from '../bench/import.bench';
import { addMonthsClamped, formatDateBR } from '../../shared/dates';

const SAMPLE = readFileSync(new URL('../../samples/importacao-exemplo.csv', import.meta.url), 'utf8');
const HEADER = 'nome;cpf;telefone;whatsapp;email;endereco;descricao;data_venda;parcela;total_parcelas;vencimento;valor';
// Valid CPFs (Receita's check digits) used below.
const CPF = { ana: '529.982.247-25', bia: '111.444.777-35', caio: '123.456.789-09', dora: '987.654.321-00', edu: '456.123.789-55' };

interface ImportResult {
  rows: number;
  imported: number;
  errors: { line: number; message: string }[];
  summary: { customersNew: number; customersExisting: number; sales: number; installments: number; totalCents: number };
}

let t: TestBackend;
let owner: Caller;
let clerk: Caller;
beforeEach(() => {
  t = testBackend('2026-11-23');
  ({ owner, clerk } = t.withPeople());
});
afterEach(() => t.close());

const importCsv = (content: string, dryRun: boolean) => t.ok<ImportResult>('import.csv', { content, dryRun }, owner);
const MONEY_TABLES = ['customers', 'customer_phones', 'sales', 'installments', 'counters'];
const snapshot = () => MONEY_TABLES.map((x) => `${x}:${t.count(x)}`).join(' ');
const csv = (...lines: string[]) => '\uFEFF' + [HEADER, ...lines].join('\r\n') + '\r\n';
const customerByCpf = (cpf: string) => t.store.sqlite.prepare('SELECT * FROM customers WHERE cpf = ?').get(cpf.replace(/\D/g, '')) as any;

describe('import.csv: the sample file (samples/importacao-exemplo.csv)', () => {
  it('dry run: every line good, counts what it would import, writes nothing', () => {
    const before = snapshot();
    const r = importCsv(SAMPLE, true);
    expect(r).toEqual({ rows: 27, imported: 0, errors: [], summary: { customersNew: 5, customersExisting: 0, sales: 6, installments: 27, totalCents: 1_044_330 } });
    expect(snapshot()).toBe(before);
  });

  it('real run: customers, phones, carnês with only the given parcelas, amounts as given', () => {
    const r = importCsv(SAMPLE, false);
    expect(r).toMatchObject({ rows: 27, imported: 27, errors: [] });
    expect([t.count('customers'), t.count('customer_phones'), t.count('sales'), t.count('installments')]).toEqual([5, 4, 6, 27]);

    const sales = t.store.sqlite.prepare('SELECT * FROM sales ORDER BY number').all() as any[];
    expect(sales.every((s) => s.source === 'import' && s.down_payment_cents === 0 && s.financed_cents === s.total_cents)).toBe(true);
    expect(sales.map((s) => s.number)).toEqual(['A-000001', 'A-000002', 'A-000003', 'A-000004', 'A-000005', 'A-000006']);
    // Geladeira: 10x, parcelas 6 to 10 still open at R$ 289,90: total = Σ given parcelas, not a new Price plan.
    expect(sales[0]).toMatchObject({ description: 'Geladeira Frost Free 375L', date: '2026-06-15', installment_count: 10, total_cents: 5 * 28990, monthly_rate_pct: 0 });
    const geladeira = t.store.sqlite.prepare('SELECT number, count, due_date, amount_cents, fine_rate_pct, late_interest_monthly_pct FROM installments WHERE sale_id = ? ORDER BY number').all(sales[0].id) as any[];
    expect(geladeira.map((i) => i.number)).toEqual([6, 7, 8, 9, 10]);
    expect(geladeira.map((i) => i.due_date)).toEqual(['2026-11-15', '2026-12-15', '2027-01-15', '2027-02-15', '2027-03-15']);
    expect(geladeira.every((i) => i.count === 10 && i.amount_cents === 28990 && i.fine_rate_pct === 2 && i.late_interest_monthly_pct === 1)).toBe(true);
    // The optional juros_mes column is the sale's rate (early-payment discount, CDC art. 52 §2).
    expect(sales.find((s) => s.description === 'Smartphone Galaxy A15')).toMatchObject({ monthly_rate_pct: 2.5, total_cents: 6 * 21235 });

    const maria = customerByCpf('123.456.789-09');
    expect(maria).toMatchObject({ name: 'Maria Aparecida da Silva', email: 'maria.silva@exemplo.com.br', address: 'Rua das Flores, 120 - Centro, São Paulo/SP' });
    expect(maria.whatsapp_opt_in_at).toBeTruthy();
    expect(customerByCpf('987.654.321-00').whatsapp_opt_in_at).toBeNull();
    expect(customerByCpf('741.852.963-55').address).toBe('Rua Sete de Setembro, 77; apto 12');
    const phone = t.ok('customers.get', { id: maria.id }, clerk).phones;
    expect(phone).toEqual([{ number: '11987654321', whatsapp: true }]);
    // Found by the clerk's search, accents ignored.
    expect(t.ok('customers.search', { query: 'luiza souza' }, clerk).items.map((i: any) => i.name)).toEqual(['Luíza Helena Souza']);
  });

  it("an imported customer's statement shows the open amounts, with the store's multa and juros when late", () => {
    importCsv(SAMPLE, false);
    // Luíza: parcelas 3..8 of R$ 312,50, all still to come.
    const luiza = t.ok('accounts.statement', { customerId: customerByCpf('741.852.963-55').id }, clerk);
    expect(luiza.installments.map((i: any) => [i.number, i.amountCents, i.status])).toEqual([3, 4, 5, 6, 7, 8].map((n) => [n, 31250, 'open']));
    expect(luiza).toMatchObject({ openCents: 6 * 31250, overdueCents: 0 });
    // Francisco: 9/10 due 05/10/2026 (49 days late) and 10/10 due 05/11/2026 (18 days), R$ 150,00 each:
    // multa 2% = 300 each; juros 1% a.m. = 245 and 90 (DOMAIN.md charges).
    const chico = t.ok('accounts.statement', { customerId: customerByCpf('321.654.987-91').id }, clerk);
    expect(chico.installments.map((i: any) => [i.number, i.amountCents, i.daysLate, i.fineCents, i.interestCents, i.totalDueCents])).toEqual([
      [9, 15000, 49, 300, 245, 15545],
      [10, 15000, 18, 300, 90, 15390],
    ]);
    expect(chico).toMatchObject({ overdueCents: 30935, openCents: 30935 });
    expect(chico.sales[0]).toMatchObject({ description: 'Colchão casal ortopédico', installmentCount: 10, totalCents: 30000 });
  });

  it('the same file twice: every carnê already in the store is refused and nothing is written again', () => {
    importCsv(SAMPLE, false);
    const before = snapshot();
    const r = importCsv(SAMPLE, false);
    expect(r.imported).toBe(0);
    // One error per carnê, on its first line.
    expect(r.errors.map((e) => e.line)).toEqual([2, 7, 12, 15, 21, 23]);
    expect(r.errors[0].message).toMatch(/^Este carnê já está na loja: venda A-000001 de 15\/06\/2026 \(“Geladeira Frost Free 375L”\) de Maria Aparecida da Silva/);
    expect(snapshot()).toBe(before);
  });

  it('is for the owner only', () => {
    expect(t.fail('import.csv', { content: SAMPLE, dryRun: true }, clerk).kind).toBe('forbidden');
  });

  it('the audit keeps the size of the file, not its content', () => {
    importCsv(SAMPLE, false);
    const row = t.store.sqlite.prepare("SELECT summary FROM audit WHERE method = 'import.csv'").get() as { summary: string };
    expect(row.summary).toBe(`{"content":"(${SAMPLE.length} caracteres)","dryRun":false}`);
  });
});

describe('import.csv: bad lines', () => {
  /** One bad line of each kind, each after a good line of another customer, with the expected error. */
  function badFile() {
    const good = (cpf: string, name: string, desc: string, n: number, extra = {} as Record<string, string>) => {
      const v = { nome: name, cpf, telefone: '(11) 98765-4321', whatsapp: 'sim', email: '', endereco: '', descricao: desc, data_venda: '10/09/2026', parcela: String(n), total_parcelas: '5', vencimento: formatDateBR(addMonthsClamped('2026-09-10', n)), valor: '100,00', ...extra };
      return HEADER.split(';').map((k) => v[k as keyof typeof v]).join(';');
    };
    const lines = [
      /* 2 */ good(CPF.caio, 'Caio Prado', 'TV', 1),
      /* 3 */ good('123.456.789-00', 'Zé Errado', 'TV', 1), // CPF check digits wrong
      /* 4 */ good(CPF.caio, 'Caio Prado', 'TV', 2, { data_venda: '31/02/2026' }), // impossible date
      /* 5 */ good(CPF.caio, 'Caio Prado', 'Rádio', 1, { vencimento: '2026-13-01' }), // bad due date
      /* 6 */ good(CPF.caio, 'Caio Prado', 'TV', 2, { valor: 'cem reais' }),
      /* 7 */ good(CPF.caio, 'Caio Prado', 'TV', 3, { valor: '0,00' }),
      /* 8 */ good(CPF.caio, 'Caio Prado', 'TV', 4, { valor: '-50,00' }),
      /* 9 */ good(CPF.caio, 'Caio Prado', '', 1), // missing value
      /* 10 */ good(CPF.ana, 'Ana Maria Braga', 'Fogão', 1), // CPF in the store under another name
      /* 11 */ good(CPF.caio, 'Caio Prado', 'TV', 1), // parcela 1 twice in the TV carnê (line 2)
      /* 12 */ good(CPF.caio, 'Caio P. Junior', 'TV', 5), // another name for the same CPF (line 2)
      /* 13 */ good(CPF.dora, 'Dora Lima', 'Mesa', 1, { telefone: '1234' }),
      /* 14 */ good(CPF.dora, 'Dora Lima', 'Mesa', 2, { whatsapp: 'talvez' }),
      /* 15 */ good(CPF.dora, 'Dora Lima', 'Mesa', 6), // parcela 6 of 5
      /* 16 */ good(CPF.dora, 'Dora Lima', 'Cama', 1, { data_venda: '01/12/2026', vencimento: '01/01/2027' }), // future sale
      /* 17 */ good(CPF.dora, 'Dora Lima', 'Sofá', 1, { vencimento: '01/09/2026' }), // due before the sale
      /* 18 */ good(CPF.dora, 'Dora Lima', 'Mesa', 3, { total_parcelas: '6' }), // count differs in one carnê
      /* 19 */ good(CPF.bia, 'Bia Souza', 'Geladeira', 1), // carnê already in the store
      /* 20 */ good(CPF.edu, 'Edu Reis', 'Armário', 1, { email: 'edu@' }),
    ];
    return csv(...lines);
  }
  const expected: [number, RegExp][] = [
    [3, /^CPF inválido: “123\.456\.789-00”/],
    [4, /^Data da venda inválida: “31\/02\/2026”\. Use dd\/mm\/aaaa\./],
    [5, /^Vencimento inválido: “2026-13-01”/],
    [6, /^Valor inválido: “cem reais”\. Use o formato 1\.234,56\./],
    [7, /^O valor da parcela deve ser maior que zero/],
    [8, /^O valor da parcela deve ser maior que zero/],
    [9, /^Falta o valor de descrição \(coluna descricao\)\./],
    [10, /^CPF 529\.982\.247-25 já cadastrado na loja para “Ana Lima”, e aqui o nome é “Ana Maria Braga”/],
    [11, /^Parcela 1 repetida nesta venda \(já está na linha 2\)\./],
    [12, /^Nome diferente do informado na linha 2 para o mesmo CPF 123\.456\.789-09/],
    [13, /^Telefone inválido: “1234”/],
    [14, /^WhatsApp: use sim ou não \(veio “talvez”\)\./],
    [15, /^Parcela 6 de 5: o número da parcela passa do total de parcelas\./],
    [16, /^Data da venda no futuro: 01\/12\/2026 \(hoje é 23\/11\/2026\)\./],
    [17, /^Vencimento 01\/09\/2026 não é depois da data da venda 10\/09\/2026\./],
    [18, /^Total de parcelas 6 diferente da linha 13 \(5\) para a mesma venda\./],
    [19, /^Este carnê já está na loja: venda A-000001 de 10\/09\/2026 \(“Geladeira”\) de Bia Souza/],
    [20, /^E-mail inválido: “edu@”\./],
  ];

  beforeEach(() => {
    t.ok('customers.create', { name: 'Ana Lima', cpf: CPF.ana, phones: [] }, clerk);
    const bia = t.ok('customers.create', { name: 'Bia Souza', cpf: CPF.bia, phones: [] }, clerk).id;
    t.clock.set('2026-09-10');
    t.ok('sales.create', { customerId: bia, date: '2026-09-10', description: 'Geladeira', totalCents: 50000, installmentCount: 5, firstDueDate: '2026-10-10' }, clerk);
    t.clock.set('2026-11-23');
  });

  it('dry run lists every bad line with its line number and a pt-BR reason', () => {
    const r = importCsv(badFile(), true);
    expect(r.rows).toBe(19);
    expect(r.imported).toBe(0);
    expect(r.errors.map((e) => e.line)).toEqual(expected.map(([line]) => line));
    r.errors.forEach((e, i) => expect(e.message, `linha ${e.line}`).toMatch(expected[i][1]));
  });

  it('real run with bad lines writes nothing (all or nothing) and returns the same errors', () => {
    const before = snapshot();
    const dry = importCsv(badFile(), true);
    const real = importCsv(badFile(), false);
    expect(real).toEqual(dry);
    expect(snapshot()).toBe(before);
  });

  it('a header without a required column is one error on line 1, whatever the lines below', () => {
    const content = 'nome;cpf;descricao;data_venda;parcela;vencimento\nAna;x;TV;1/1/2026;1;1/2/2026\n';
    const before = snapshot();
    const r = importCsv(content, false);
    expect(r.rows).toBe(1);
    expect(r.errors).toEqual([{ line: 1, message: expect.stringMatching(/^Faltam no cabeçalho as colunas total_parcelas, valor\. A primeira linha deve ter os nomes das colunas: nome;cpf;/) }]);
    expect(snapshot()).toBe(before);
  });

  it('an empty file and a header alone are refused with a clear message', () => {
    expect(importCsv('', true).errors).toEqual([{ line: 1, message: expect.stringMatching(/^O arquivo está vazio/) }]);
    expect(importCsv('\uFEFF' + HEADER + '\r\n', false).errors).toEqual([{ line: 1, message: 'Nenhuma parcela no arquivo: só há o cabeçalho.' }]);
  });

  it('counts lines the way an editor does: blank lines and quoted line breaks included', () => {
    const content = [HEADER, '', `Caio Prado;${CPF.caio};;;;"Rua A, 10\nfundos";TV;10/09/2026;1;5;10/10/2026;100,00`, ';;;;;;;;;;;', `Caio Silva;${CPF.caio};;;;;TV;10/09/2026;2;5;10/11/2026;zero`].join('\n');
    const r = importCsv(content, true);
    expect(r.rows).toBe(2);
    expect(r.errors.map((e) => [e.line, e.message.slice(0, 40)])).toEqual([
      [6, 'Valor inválido: “zero”. Use o formato 1.'],
      [6, 'Nome diferente do informado na linha 3 p'],
    ]);
  });

  it('a file saved in Windows-1252 and read as UTF-8 is refused, pointing at "CSV UTF-8"', () => {
    const r = importCsv(csv(`Jo\uFFFDo Silva;${CPF.caio};;;;;TV;10/09/2026;1;5;10/10/2026;100,00`), true);
    expect(r.errors).toEqual([{ line: 2, message: expect.stringContaining('CSV UTF-8') }]);
  });

  it('a value with the separator and no quotes is caught', () => {
    const content = ['nome,cpf,descricao,data_venda,parcela,total_parcelas,vencimento,valor', `Caio Prado,${CPF.caio},TV,10/09/2026,1,5,10/10/2026,100,50`].join('\n');
    expect(importCsv(content, true).errors).toEqual([{ line: 2, message: expect.stringMatching(/^A linha tem 9 colunas e o cabeçalho 8: um valor com "," precisa estar entre aspas/) }]);
  });
});

describe('import.csv: Brazilian formats', () => {
  it('accepts `,` separators, any column order and header spelling, CPF and money the many ways people type them', () => {
    const content = [
      'sep=,',
      'Valor da Parcela,VENCIMENTO,Nº Parcela,Total de Parcelas,Descrição,Data da Venda,Nome do Cliente,CPF,Celular,WhatsApp,Observação',
      `"R$ 1.234,56",05/12/2026,1,2,Sofá,05/11/2026,João da Silva,${CPF.caio.replace(/\D/g, '')},+55 (11) 98765-4321,S,cliente antigo`,
      `"1234,56",5/1/2027,2,2,Sofá,5/11/2026,JOÃO DA SILVA,${CPF.caio},011 98765-4321,não,`,
      // Excel drops the leading zero of a CPF typed in a number cell: 012.345.678-90 arrives as 1234567890.
      `"99,9",2026-12-10,3,3,Rádio,2026-10-10 00:00,Zeca Zero,1234567890,(21) 3456-7890,,`,
    ].join('\r\n');
    const dry = importCsv(content, true);
    expect(dry.errors).toEqual([]);
    expect(dry.summary).toMatchObject({ customersNew: 2, sales: 2, installments: 3, totalCents: 123456 * 2 + 9990 });
    expect(importCsv(content, false).imported).toBe(3);

    const joao = customerByCpf(CPF.caio);
    expect(joao.name).toBe('João da Silva'); // the first line's spelling
    expect(t.ok('customers.get', { id: joao.id }, clerk).phones).toEqual([{ number: '11987654321', whatsapp: true }]);
    expect(customerByCpf('01234567890').name).toBe('Zeca Zero');
    const dues = t.store.sqlite.prepare('SELECT due_date AS d, amount_cents AS a FROM installments ORDER BY due_date').all();
    expect(dues).toEqual([
      { d: '2026-12-05', a: 123456 },
      { d: '2026-12-10', a: 9990 },
      { d: '2027-01-05', a: 123456 },
    ]);
  });

  it('a CPF already in the store with the same name receives the carnês; its record stays as the store has it', () => {
    const id = t.ok('customers.create', { name: 'Ana Lima', cpf: CPF.ana, phones: [{ number: '11912345678', whatsapp: false }] }, clerk).id;
    const r = importCsv(csv(`ANA LIMA;${CPF.ana};(21) 99999-8888;sim;ana@novo.com;;Fogão;10/09/2026;2;3;10/11/2026;300,00`), false);
    expect(r).toMatchObject({ imported: 1, summary: { customersNew: 0, customersExisting: 1 } });
    expect(t.count('customers')).toBe(1);
    expect(t.ok('customers.get', { id }, clerk)).toMatchObject({ name: 'Ana Lima', email: null, phones: [{ number: '11912345678', whatsapp: false }] });
    expect(t.ok('accounts.statement', { customerId: id }, clerk).installments.map((i: any) => [i.number, i.amountCents])).toEqual([[2, 30000]]);
  });

  it('several phones on several lines of one customer are all kept; WhatsApp if any line says sim', () => {
    importCsv(
      csv(
        `Dora Lima;${CPF.dora};(11) 98765-4321;não;;;Mesa;10/09/2026;1;2;10/10/2026;100,00`,
        `Dora Lima;${CPF.dora};(11) 3456-7890;;;;Mesa;10/09/2026;2;2;10/11/2026;100,00`,
        `Dora Lima;${CPF.dora};(11) 98765-4321;sim;;;Cadeira;11/09/2026;1;1;11/10/2026;50,00`,
      ),
      false,
    );
    expect(t.ok('customers.get', { id: customerByCpf(CPF.dora).id }, clerk).phones).toEqual([
      { number: '11987654321', whatsapp: true },
      { number: '1134567890', whatsapp: false },
    ]);
  });
});

describe('import.csv: volume', () => {
  it('a 5 000-line file imports in one transaction with the right counts and total', () => {
    const file = generateImportCsv(5000);
    const dry = importCsv(file.content, true);
    expect(dry.errors).toEqual([]);
    const r = importCsv(file.content, false);
    expect(r).toMatchObject({ rows: 5000, imported: 5000, errors: [], summary: { customersNew: file.customers, sales: file.sales, installments: 5000, totalCents: file.totalCents } });
    expect([t.count('customers'), t.count('sales'), t.count('installments')]).toEqual([file.customers, file.sales, 5000]);
    const sum = t.store.sqlite.prepare('SELECT SUM(amount_cents) AS s FROM installments').get() as { s: number };
    expect(sum.s).toBe(file.totalCents);
    const salesSum = t.store.sqlite.prepare('SELECT SUM(total_cents) AS s FROM sales').get() as { s: number };
    expect(salesSum.s).toBe(file.totalCents);
  });
});
