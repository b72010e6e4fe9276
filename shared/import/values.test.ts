import { describe, it, expect } from 'vitest';
import { readDate, readAmount, readCpf, readInstallmentRef, readPaidFlag, excelSerialToDate, shapeOf } from './values';
import { checkMapping, foldHeader } from './fields';
import { describeColumns, findHeader } from './table';

describe('cells of real books', () => {
  it('dates: Excel serials, dd/mm/aa(aa), dashes and dots, ISO with a time', () => {
    expect(excelSerialToDate(46127)).toBe('2026-04-15');
    expect(excelSerialToDate(44562, true)).toBe('2026-01-02'); // the Mac 1904 system
    expect([readDate(46127), readDate('46127'), readDate('15/04/26'), readDate('5/4/2026'), readDate('15-04-2026'), readDate('15.04.2026')]).toEqual(Array(6).fill(null).map((_, i) => (i === 3 ? '2026-04-05' : '2026-04-15')));
    expect(readDate('2026-04-15T00:00:00')).toBe('2026-04-15');
    expect(readDate('15/04/2026 00:00')).toBe('2026-04-15');
    expect([readDate('31/02/2026'), readDate('15/13/2026'), readDate('dez/2026'), readDate(99999999), readDate(12)]).toEqual([null, null, null, null, null]);
  });

  it('amounts: number cells, R$, thousands dots, dot decimals from other systems', () => {
    expect([readAmount(289.9), readAmount('R$ 1.234,56'), readAmount('1234,56'), readAmount('1.234'), readAmount('1234.56'), readAmount('1,234.56'), readAmount('150')]).toEqual([
      28990, 123456, 123456, 123400, 123456, 123456, 15000,
    ]);
    expect([readAmount('cem'), readAmount(''), readAmount(null)]).toEqual([null, null, null]);
  });

  it('CPF: punctuation or not, zeros Excel dropped (flagged), CNPJ apart', () => {
    expect(readCpf('529.982.247-25')).toEqual({ cpf: '52998224725', zerosRestored: false });
    expect(readCpf(1234567890)).toEqual({ cpf: '01234567890', zerosRestored: true });
    expect(readCpf('123456797')).toEqual({ cpf: '00123456797', zerosRestored: true });
    expect(readCpf('345678950')).toBeNull();
    expect(readCpf('11.222.333/0001-81')).toBe('cnpj');
  });

  it('parcela "3/10", "3 de 10", "Parc. 3"; paid/open words', () => {
    expect([readInstallmentRef('3/10'), readInstallmentRef('3 de 10'), readInstallmentRef('Parc. 3'), readInstallmentRef(3)]).toEqual([
      { number: 3, count: 10 },
      { number: 3, count: 10 },
      { number: 3, count: null },
      { number: 3, count: null },
    ]);
    expect(['Pago', 'QUITADA', 'sim', '', 'Em aberto', 'pendente', 'talvez'].map(readPaidFlag)).toEqual([true, true, true, false, false, false, null]);
  });

  it('shapes for guessing', () => {
    expect(['529.982.247-25', '15/04/2026', 'R$ 10,00', '3/10', '(11) 98765-4321', 'ana@x.com.br', 'Maria Silva', 'Pago'].map((v) => shapeOf(v))).toEqual(['cpf', 'date', 'money', 'ref', 'phone', 'email', 'name', 'status']);
  });
});

describe('headers and mappings', () => {
  it('folds headers and guesses from names and values', () => {
    expect(foldHeader('Nº Parc.')).toBe('no parc');
    const sheet = {
      name: 'Planilha1',
      rows: [
        { line: 1, cells: ['Controle de carnês', null, null, null] },
        { line: 3, cells: ['Nome', 'Documento', 'Venc.', 'Quanto'] },
        { line: 4, cells: ['Ana Lima', '529.982.247-25', '10/12/2026', 'R$ 100,00'] },
      ],
    };
    const h = findHeader(sheet);
    expect(h).toEqual({ ok: true, index: 1 });
    expect(describeColumns(sheet, 1).map((c) => c.guess)).toEqual(['nome', 'cpf', 'vencimento', 'valor']);
  });

  it('a field twice, both due-date kinds, a required field missing', () => {
    expect(checkMapping({ A: 'nome', B: 'cpf', C: 'vencimento', D: 'valor', E: 'valor' }).map((p) => p.message)).toEqual(['Valor da parcela está em duas colunas (“D” e “E”): escolha só uma.']);
    expect(checkMapping({ A: 'nome', B: 'cpf', C: 'vencimento', D: 'valor', E: 'primeiro_vencimento' })[0].message).toMatch(/^Escolha “Vencimento”/);
    expect(checkMapping({ A: 'nome', C: 'primeiro_vencimento' }).map((p) => p.message)).toEqual(['Falta escolher a coluna de: CPF, Total de parcelas, Valor da parcela (ou Valor total da venda).']);
  });
});
