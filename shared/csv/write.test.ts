import { describe, it, expect } from 'vitest';
import { toCsv, toCsvColumns, csvField, money, date } from './write';
import { parseImport } from './import';

describe('Brazilian CSV writer', () => {
  it('writes BOM, `;`, CRLF, decimal comma, dd/mm/aaaa and sim/não', () => {
    const out = toCsv(['nome', 'valor', 'vencimento', 'whatsapp', 'qtd', 'taxa'], [['Ana', money(123456), date('2026-11-05'), true, 3, 2.5]]);
    expect(out).toBe('\uFEFFnome;valor;vencimento;whatsapp;qtd;taxa\r\nAna;1234,56;05/11/2026;sim;3;2,5\r\n');
    expect(toCsv(['a'], [[null], [undefined], [money(-5)]], { bom: false })).toBe('a\r\n\r\n\r\n-0,05\r\n');
  });

  it('quotes only what needs quotes and doubles inner quotes', () => {
    expect(csvField('Rua A, 10')).toBe('Rua A, 10');
    expect(csvField('Rua A; 10')).toBe('"Rua A; 10"');
    expect(csvField('TV 50"')).toBe('"TV 50"""');
    expect(csvField('linha 1\nlinha 2')).toBe('"linha 1\nlinha 2"');
  });

  it('keeps a text that looks like a formula as text (CSV injection)', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('@SOMA(A1)')).toBe("'@SOMA(A1)");
    expect(csvField(money(-100))).toBe('-1,00');
  });

  it('typed columns', () => {
    const rows = [{ name: 'Bia', due: '2027-01-31', cents: 9990 }];
    expect(toCsvColumns([{ header: 'nome', value: (r: (typeof rows)[0]) => r.name }, { header: 'vencimento', value: (r) => date(r.due) }, { header: 'valor', value: (r) => money(r.cents) }], rows, { bom: false })).toBe(
      'nome;vencimento;valor\r\nBia;31/01/2027;99,90\r\n',
    );
  });

  it('what it writes, the import reads back', () => {
    const header = ['nome', 'cpf', 'endereco', 'descricao', 'data_venda', 'parcela', 'total_parcelas', 'vencimento', 'valor'];
    const file = toCsv(header, [['Ana "Aninha" Lima', '529.982.247-25', 'Rua A; 10\nfundos', 'TV 50"', date('2026-09-10'), 1, 2, date('2026-10-10'), money(123456)]]);
    const p = parseImport(file, { today: '2026-11-23' });
    expect(p.errors).toEqual([]);
    expect(p.customers).toEqual([{ cpf: '52998224725', name: 'Ana "Aninha" Lima', email: null, address: 'Rua A; 10\nfundos', phones: [], line: 2 }]);
    expect(p.sales[0]).toMatchObject({ description: 'TV 50"', date: '2026-09-10', installmentCount: 2, totalCents: 123456, installments: [{ number: 1, dueDate: '2026-10-10', amountCents: 123456, line: 2 }] });
  });
});
