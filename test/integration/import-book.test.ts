import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { testBackend, type TestBackend } from '../support/backend';
import type { Caller } from '../../db/api/dispatcher';
import type { ImportPreviewResult, ImportRunResult } from '../../shared/contract/import';
import { HAND_KEPT, PER_SALE_ROWS, WIN1252_ROWS, ZERO_CPFS } from '../fixtures/import/make-fixtures';
import { addMonthsClamped } from '../../shared/dates';

// import.preview / import.run / import.mappings on the store books kept in test/fixtures/import (issue 11).
// Real SQLite file, real migrations, the real dispatcher; "today" is 2026-11-23 as in the fixtures.

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));
const b64 = (name: string) => fixture(name).toString('base64');

let t: TestBackend;
let owner: Caller;
let clerk: Caller;
beforeEach(() => {
  t = testBackend('2026-11-23');
  ({ owner, clerk } = t.withPeople());
});
afterEach(() => t.close());

// The audit keeps a row for every real run, refused or not (the dispatcher's rule); the store's data is what must not change.
const TABLES = ['customers', 'customer_phones', 'sales', 'installments', 'payments', 'allocations', 'counters', 'import_mappings', 'customer_standings'];
const snapshot = () => TABLES.map((x) => `${x}:${t.count(x)}`).join(' ');
const preview = (fileName: string, extra: Record<string, unknown> = {}) => t.ok<ImportPreviewResult>('import.preview', { contentBase64: b64(fileName), fileName, ...extra }, owner);
const run = (fileName: string, mapping: Record<string, string>, dryRun: boolean, extra: Record<string, unknown> = {}) =>
  t.ok<ImportRunResult>('import.run', { contentBase64: b64(fileName), fileName, mapping, dryRun, ...extra }, owner);
const customerByCpf = (cpf: string) => t.store.sqlite.prepare('SELECT * FROM customers WHERE cpf = ?').get(cpf.replace(/\D/g, '')) as any;
/** Σ open principal in the store: parcelas minus the principal their allocations paid. */
const openPrincipal = () =>
  (t.store.sqlite.prepare('SELECT SUM(i.amount_cents) - COALESCE((SELECT SUM(principal_cents) FROM allocations), 0) AS open FROM installments i').get() as { open: number }).open;

describe('the hand-kept workbook (merged titles, totals row, serial dates, R$ amounts)', () => {
  const BOOK = 'caderno-da-loja.xlsx';

  it('preview: finds the header under the titles, guesses the columns, lists sheets and the first rows', () => {
    const p = preview(BOOK);
    expect(p).toMatchObject({ format: 'xlsx', sheet: 'Carnês 2026', headerLine: 4, shape: 'parcela', mappingName: null });
    expect(p.sheets).toEqual([
      { name: 'Carnês 2026', rows: 47 },
      { name: 'Resumo', rows: 3 },
    ]);
    expect(p.columns.map((c) => [c.letter, c.key, c.guess])).toEqual([
      ['A', 'Cliente', 'nome'],
      ['B', 'CPF/CNPJ', 'cpf'],
      ['C', 'Fone', 'telefone'],
      ['D', 'Produto', 'descricao'],
      ['E', 'Data Compra', 'data_venda'],
      ['F', 'Parc.', 'parcela'],
      ['G', 'Vencto', 'vencimento'],
      ['H', 'Vlr Parcela', 'valor'],
      ['I', 'Situação', 'pago'],
      ['J', 'Quitada em', null],
    ]);
    expect(p.problems).toEqual([]);
    // Serial dates as the person reads them; the first row is row 5 of the sheet.
    expect(p.sampleRows[0]).toEqual({ line: 5, cells: ['Maria Aparecida da Silva', '529.982.247-25', '(11) 98765-4321', 'Geladeira Frost Free 375L', '15/03/2026', '1/10', '15/04/2026', '289,9', 'Pago', '46127'] });
    expect(snapshot()).toBe(snapshot());
  });

  it('dry run: the two bad rows with their line and column, the totals row skipped, nothing written', () => {
    const before = snapshot();
    const { mapping } = preview(BOOK);
    const r = run(BOOK, mapping, true);
    expect(r.errors).toEqual([
      { line: 13, message: 'Vencimento ilegível na coluna “Vencto”: “15/13/2026”. Use dd/mm/aaaa (ou dd/mm/aa).' },
      { line: 47, message: 'CPF inválido na coluna “CPF/CNPJ”: “456.123.789-00”. Confira os 11 dígitos.' },
    ]);
    expect(r.warnings.map((w) => w.line)).toEqual([37, 48]);
    expect(r.warnings[0].message).toMatch(/^CPF “1234567890” sem os zeros à esquerda \(o Excel tira\): lido como 012\.345\.678-90/);
    expect(r.warnings[1].message).toMatch(/^Linha de totais ignorada/);
    expect(r.rows).toBe(43);
    expect(r.imported).toBe(0);
    expect(snapshot()).toBe(before);
    // A real run with bad rows writes nothing either and answers the same.
    expect(run(BOOK, mapping, false)).toEqual(r);
    expect(snapshot()).toBe(before);
  });

  it('corrected copy: customers merged by CPF, carnês from "3/10", paid parcelas as real payments on their payment date', () => {
    const FIXED = 'caderno-da-loja-corrigido.xlsx';
    const p = preview(FIXED);
    const mapping = { ...p.mapping, 'Quitada em': 'data_pagamento' };
    const dry = run(FIXED, mapping, true);
    expect(dry.errors).toEqual([]);
    // Expected figures from the fixture's definition (make-fixtures.ts), independently of the import:
    const carnes = HAND_KEPT.length;
    const parcelas = HAND_KEPT.reduce((n, c) => n + c.count, 0);
    const paid = HAND_KEPT.reduce((n, c) => n + Object.keys(c.paid).length, 0);
    const total = HAND_KEPT.reduce((n, c) => n + c.count * c.cents, 0);
    const paidCents = HAND_KEPT.reduce((n, c) => n + Object.keys(c.paid).length * c.cents, 0);
    // Overdue on 23/11/2026: Maria 8/10 (15/11, a Sunday and holiday → 16/11), José 5 and 6, the fan's 2 and 3
    // (20/11 is a holiday, Saturday 21/11 open), Conceição 5/10 (12/11), Pedro's single parcela (30/10).
    const overdue = 28990 + 2 * 45000 + 2 * 8990 + 21000 + 89900;
    expect(dry.summary).toEqual({
      customersNew: 6,
      customersExisting: 0,
      sales: carnes,
      installments: parcelas,
      paidInstallments: paid,
      totalCents: total,
      paidCents,
      openCents: total - paidCents,
      overdueCents: overdue,
    });

    const before = snapshot();
    expect(run(FIXED, mapping, true)).toEqual(dry);
    expect(snapshot()).toBe(before);
    const real = run(FIXED, mapping, false, { saveMappingAs: 'Caderno da loja' });
    expect(real).toMatchObject({ imported: parcelas, errors: [], summary: dry.summary });
    expect([t.count('customers'), t.count('sales'), t.count('installments'), t.count('payments'), t.count('allocations')]).toEqual([6, carnes, parcelas, paid, paid]);
    expect(openPrincipal()).toBe(total - paidCents);

    // José paid 1/6 on 21/03 (20 days late), as "Quitada em" says — not on its due date.
    const jose = customerByCpf('111.444.777-35');
    const pays = t.store.sqlite.prepare('SELECT date, amount_cents AS a, receipt_number AS r FROM payments WHERE customer_id = ? ORDER BY date').all(jose.id) as any[];
    expect(pays.map((x) => [x.date, x.a])).toEqual([
      ['2026-03-21', 45000],
      ['2026-04-26', 45000],
      ['2026-05-31', 45000],
      ['2026-06-19', 45000],
    ]);
    expect(pays[0].r).toMatch(/^A-H\d{6}$/);
    // The statement agrees: 4 paid, 2 overdue with the store's multa and juros on the open ones only.
    const st = t.ok('accounts.statement', { customerId: jose.id }, clerk);
    expect(st.installments.map((i: any) => [i.number, i.status])).toEqual([
      [1, 'paid'],
      [2, 'paid'],
      [3, 'paid'],
      [4, 'paid'],
      [5, 'overdue'],
      [6, 'overdue'],
    ]);

    // Francisco's two carnês are one customer (merged by CPF); Conceição's CPF got its zero back.
    const chico = customerByCpf('321.654.987-91');
    expect((t.store.sqlite.prepare('SELECT COUNT(*) AS n FROM sales WHERE customer_id = ?').get(chico.id) as any).n).toBe(2);
    expect(customerByCpf('01234567890').name).toBe('Conceição Araújo');
    // Sale dates, descriptions and "3/10" numbering as in the book.
    const maria = t.store.sqlite.prepare("SELECT s.date, s.description, s.installment_count AS n, s.source FROM sales s JOIN customers c ON c.id = s.customer_id WHERE c.cpf = '52998224725'").get();
    expect(maria).toEqual({ date: '2026-03-15', description: 'Geladeira Frost Free 375L', n: 10, source: 'import' });

    // Profiles start from the real record (the projections the dispatcher refreshed for every touched customer).
    const profile = (q: string) => t.ok('customers.search', { query: q }, clerk).items[0].profile;
    expect(profile('jose carlos')).toBe('mau_pagador'); // 5/6 over 60 days late, nothing paid in 60 days
    expect(profile('ana beatriz')).toBe('novo'); // one parcela due so far
    expect(profile('francisco')).toBe('cronico'); // the last 6 paid 9–15 days late

    // The mapping is offered next time, by name.
    expect(t.ok('import.mappings', {}, owner).items).toEqual([{ id: expect.any(String), name: 'Caderno da loja', mapping, updatedAt: expect.any(String) }]);
    const again = preview(FIXED);
    expect(again.mappingName).toBe('Caderno da loja');
    expect(again.mapping).toEqual(mapping);
    // And the same book twice never doubles a debt.
    const twice = run(FIXED, mapping, false);
    expect(twice.imported).toBe(0);
    expect(twice.errors.length).toBe(carnes);
    expect(twice.errors[0].message).toMatch(/^Este carnê já está na loja/);
  });

  it('without a payment-date column, paid parcelas are paid on their due date', () => {
    const FIXED = 'caderno-da-loja-corrigido.xlsx';
    run(FIXED, preview(FIXED).mapping, false);
    const jose = customerByCpf('111.444.777-35');
    const dates = (t.store.sqlite.prepare('SELECT date FROM payments WHERE customer_id = ? ORDER BY date').all(jose.id) as any[]).map((x) => x.date);
    expect(dates).toEqual(['2026-03-01', '2026-04-01', '2026-05-01', '2026-06-01']);
  });

  it('is for the owner only', () => {
    expect(t.fail('import.preview', { contentBase64: b64(BOOK), fileName: BOOK }, clerk).kind).toBe('forbidden');
    expect(t.fail('import.run', { contentBase64: b64(BOOK), fileName: BOOK, mapping: {}, dryRun: true }, clerk).kind).toBe('forbidden');
    expect(t.fail('import.mappings', {}, clerk).kind).toBe('forbidden');
  });
});

describe('a CSV saved by Excel in Windows-1252', () => {
  const CSV = 'carnes-windows-1252.csv';
  it('is read with its accents, two-digit years and R$ amounts', () => {
    const p = preview(CSV);
    expect(p).toMatchObject({ format: 'csv', encoding: 'windows-1252', separator: ';', headerLine: 1, problems: [] });
    expect(p.columns.map((c) => c.key)).toEqual(['Nome do Cliente', 'CPF', 'Descrição', 'Data da Venda', 'Parcela', 'Total de Parcelas', 'Vencimento', 'Valor']);
    const r = run(CSV, p.mapping, false);
    expect(r.errors).toEqual([]);
    expect(r.summary).toMatchObject({ customersNew: 3, sales: 3, installments: WIN1252_ROWS.length, totalCents: 2 * 123456 + 2 * 31500 + 9990 });
    expect(customerByCpf('529.982.247-25').name).toBe('João Conceição Brandão');
    const s = t.store.sqlite.prepare("SELECT date, description FROM sales WHERE description LIKE 'Guarda%'").get();
    expect(s).toEqual({ date: '2026-08-10', description: 'Guarda-roupa 6 portas' });
    const dues = (t.store.sqlite.prepare('SELECT due_date AS d FROM installments ORDER BY due_date').all() as any[]).map((x) => x.d);
    expect(dues).toEqual(['2026-11-15', '2026-12-02', '2026-12-10', '2027-01-02', '2027-01-10']);
  });

  it('the same rows as text content (import.run with content) read the same', () => {
    const text = fixture(CSV).toString('latin1');
    const p = t.ok<ImportPreviewResult>('import.preview', { content: text, fileName: CSV }, owner);
    expect(p.encoding).toBe('utf-8'); // text sent as text is already decoded
    expect(t.ok<ImportRunResult>('import.run', { content: text, fileName: CSV, mapping: p.mapping, dryRun: true }, owner).errors).toEqual([]);
  });
});

describe('one row per sale, from an old system', () => {
  const CSV = 'sistema-antigo-por-venda.csv';
  it('expands each sale into its parcelas, the first ones paid as history', () => {
    const p = preview(CSV);
    expect(p.columns.map((c) => [c.key, c.guess])).toEqual([
      ['Cliente', 'nome'],
      ['CPF', 'cpf'],
      ['Telefone', 'telefone'],
      ['Produto', 'descricao'],
      ['Data Venda', 'data_venda'],
      ['Qtd Parcelas', 'total_parcelas'],
      ['1º Vencimento', 'primeiro_vencimento'],
      ['Valor Total', 'valor_total'],
      ['Parcelas Pagas', 'parcelas_pagas'],
    ]);
    expect(p).toMatchObject({ separator: ',', shape: 'venda', problems: [] });
    const r = run(CSV, p.mapping, false);
    expect(r.errors).toEqual([]);
    const parcelas = PER_SALE_ROWS.reduce((n, s) => n + s.count, 0);
    const total = PER_SALE_ROWS.reduce((n, s) => n + s.total, 0);
    expect(r.summary).toMatchObject({ customersNew: 3, sales: 4, installments: parcelas, paidInstallments: PER_SALE_ROWS.reduce((n, s) => n + s.paid, 0), totalCents: total });
    // R$ 1.000,01 in 4: 25 000 each and the leftover centavo on the first (DOMAIN.md, without interest).
    const paulo = customerByCpf('74185296355');
    const rows = t.store.sqlite.prepare('SELECT number, due_date AS d, amount_cents AS a FROM installments WHERE customer_id = ? ORDER BY number').all(paulo.id);
    expect(rows).toEqual([1, 2, 3, 4].map((n) => ({ number: n, d: addMonthsClamped('2026-12-01', n - 1), a: n === 1 ? 25001 : 25000 })));
    // Carlos paid 6 of 10 of the notebook, on their due dates.
    const carlos = customerByCpf('52998224725');
    const paid = (t.store.sqlite.prepare('SELECT date FROM payments WHERE customer_id = ? ORDER BY date').all(carlos.id) as any[]).map((x) => x.date);
    expect(paid).toEqual(['2026-05-10', '2026-06-10', '2026-07-10', '2026-08-10', '2026-09-10', '2026-10-01', '2026-10-10']);
    expect(openPrincipal()).toBe(r.summary.openCents);
  });
});

describe('CPFs that lost their leading zeros', () => {
  const BOOK = 'cpf-sem-zeros.xlsx';
  it('restores the zeros with a warning; refuses those that are invalid even so; nothing written', () => {
    const p = preview(BOOK);
    const before = snapshot();
    const r = run(BOOK, p.mapping, false);
    // Rows 2–3 Zeca, 4–5 Dora, 6–7 Tião, 8–9 Nina, 10–11 Beto.
    expect(r.errors.map((e) => e.line)).toEqual([6, 7, 8, 9]);
    expect(r.errors[0].message).toBe('CPF inválido na coluna “CPF”: “12345601”. Confira os 11 dígitos.');
    expect(r.errors[2].message).toBe('CPF inválido na coluna “CPF”: “345678950”. Nem repondo os zeros à esquerda que o Excel tira ele confere.');
    expect(r.warnings).toEqual([
      { line: 2, message: 'CPF “1234567890” sem os zeros à esquerda (o Excel tira): lido como 012.345.678-90. Confira se é este.' },
      { line: 4, message: 'CPF “123456797” sem os zeros à esquerda (o Excel tira): lido como 001.234.567-97. Confira se é este.' },
    ]);
    expect(snapshot()).toBe(before);
    expect(ZERO_CPFS.filter((z) => z.expect).length).toBe(3);
  });
});

describe('bad input: a clear pt-BR message naming the column or the line, nothing written', () => {
  const book = (rows: unknown[][], name = 'Planilha1') => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
    return (XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
  };
  const failRun = (input: Record<string, unknown>) => t.fail('import.run', { fileName: 'livro.xlsx', dryRun: false, mapping: { Cliente: 'nome' }, ...input }, owner);
  let before: string;
  beforeEach(() => (before = snapshot()));
  afterEach(() => expect(snapshot()).toBe(before));

  it('an empty workbook', () => {
    const e = t.fail('import.preview', { contentBase64: book([]), fileName: 'vazio.xlsx' }, owner);
    expect(e).toMatchObject({ kind: 'validation', message: 'A planilha “vazio.xlsx” está vazia: nenhuma aba tem dados.' });
  });

  it('a password-protected workbook', () => {
    // What Excel writes when "Criptografar com senha" is on: an OLE container with EncryptionInfo + EncryptedPackage.
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(512).fill(7));
    const bytes = Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }));
    const e = t.fail('import.preview', { contentBase64: bytes.toString('base64'), fileName: 'com-senha.xlsx' }, owner);
    expect(e.kind).toBe('validation');
    expect(e.message).toMatch(/protegida por senha/);
    expect(failRun({ contentBase64: bytes.toString('base64') }).message).toMatch(/protegida por senha/);
  });

  it('a sheet with no header', () => {
    const rows = [['Maria Silva', '529.982.247-25', '10/12/2026', 'R$ 100,00']];
    const e = t.fail('import.preview', { contentBase64: book(rows, 'Dados'), fileName: 'livro.xlsx' }, owner);
    expect(e.message).toBe('A aba “Dados” não tem cabeçalho: a linha 1 já traz dados. Acrescente acima dela uma linha com o nome de cada coluna (Cliente, CPF, Vencimento, Valor…).');
  });

  const good = [
    ['Cliente', 'CPF', 'Vencimento', 'Valor', 'Valor pago'],
    ['Maria Silva', '529.982.247-25', '10/12/2026', 'R$ 100,00', ''],
  ];
  it('two columns mapped to the same field', () => {
    const e = failRun({ contentBase64: book(good), mapping: { Cliente: 'nome', CPF: 'cpf', Vencimento: 'vencimento', Valor: 'valor', 'Valor pago': 'valor' } });
    expect(e).toMatchObject({ kind: 'validation', message: 'Valor da parcela está em duas colunas (“Valor” (D) e “Valor pago” (E)): escolha só uma.' });
    expect(e.issues).toEqual([{ path: 'mapping.Valor pago', message: e.message }]);
  });

  it('a required field unmapped', () => {
    const e = failRun({ contentBase64: book(good), mapping: { Cliente: 'nome', Vencimento: 'vencimento', Valor: 'valor' } });
    expect(e.message).toBe('Falta escolher a coluna de: CPF.');
  });

  it('a column that is not in the file, and a field that does not exist', () => {
    expect(failRun({ contentBase64: book(good), mapping: { Cliente: 'nome', CPF: 'cpf', Vencto: 'vencimento', Valor: 'valor' } }).message).toMatch(/^A coluna “Vencto” não existe nesta planilha\. Colunas: “Cliente”, “CPF”/);
    expect(failRun({ contentBase64: book(good), mapping: { Cliente: 'apelido' } }).message).toMatch(/^Cliente: campo desconhecido "apelido"/);
  });

  it('a file over 50 MB', () => {
    const e = t.fail('import.run', { content: 'x'.repeat(50_000_001), fileName: 'grande.csv', mapping: {}, dryRun: true }, owner);
    expect(e).toMatchObject({ kind: 'validation', message: 'Arquivo: Arquivo grande demais (limite de 50 MB). Divida a planilha por clientes e importe em partes.' });
  });

  it('dates that cannot be read in any known form, and a CPF invalid even with its zeros', () => {
    const rows = [
      ['Cliente', 'CPF', 'Vencimento', 'Valor'],
      ['Maria Silva', '529.982.247-25', '10/12/2026', 'R$ 100,00'],
      ['Maria Silva', '529.982.247-25', 'dez/2026', 'R$ 100,00'],
      ['João Souza', 123456780, '2027-01-10', '100'],
      ['Rita Lima', '111.444.777-35', 99999999, '50,00'],
    ];
    const r = t.ok<ImportRunResult>('import.run', { contentBase64: book(rows), fileName: 'livro.xlsx', mapping: { Cliente: 'nome', CPF: 'cpf', Vencimento: 'vencimento', Valor: 'valor' }, dryRun: false }, owner);
    expect(r.errors).toEqual([
      { line: 3, message: 'Vencimento ilegível na coluna “Vencimento”: “dez/2026”. Use dd/mm/aaaa (ou dd/mm/aa).' },
      { line: 4, message: 'CPF inválido na coluna “CPF”: “123456780”. Nem repondo os zeros à esquerda que o Excel tira ele confere.' },
      { line: 5, message: 'Vencimento ilegível na coluna “Vencimento”: “99999999”. Use dd/mm/aaaa (ou dd/mm/aa).' },
    ]);
    expect(r.imported).toBe(0);
  });

  it('neither content nor contentBase64, or both', () => {
    expect(t.fail('import.preview', { fileName: 'x.csv' }, owner).message).toBe('Arquivo: Envie o arquivo em content (texto) ou em contentBase64, um dos dois.');
    expect(t.fail('import.preview', { fileName: 'x.csv', content: 'a', contentBase64: 'YQ==' }, owner).kind).toBe('validation');
  });

  it('a sheet that does not exist', () => {
    expect(t.fail('import.preview', { contentBase64: book(good), fileName: 'livro.xlsx', sheet: 'Março' }, owner).message).toBe('A aba “Março” não existe nesta planilha. Abas: “Planilha1”.');
  });
});
