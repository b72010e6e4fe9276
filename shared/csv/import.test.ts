import { describe, it, expect } from 'vitest';
import { importCpf, importPhone, importDate, importRate, importYesNo, mapHeader, parseImport } from './import';

describe('import field readers', () => {
  it('CPF with or without punctuation, restoring zeros Excel dropped', () => {
    expect(importCpf('529.982.247-25')).toBe('52998224725');
    expect(importCpf(' 52998224725 ')).toBe('52998224725');
    expect(importCpf('1234567890')).toBe('01234567890');
    expect(importCpf('529.982.247-26')).toBeNull();
    expect(importCpf('111.111.111-11')).toBeNull();
    expect(importCpf('abc')).toBeNull();
  });

  it('phones with DDD, +55 or the old 0 prefix', () => {
    expect(importPhone('(11) 98765-4321')).toBe('11987654321');
    expect(importPhone('+55 11 98765-4321')).toBe('11987654321');
    expect(importPhone('011 3456-7890')).toBe('1134567890');
    expect(importPhone('98765-4321')).toBeNull();
  });

  it('dates dd/mm/aaaa (and ISO, and an Excel time after it)', () => {
    expect(importDate('05/11/2026')).toBe('2026-11-05');
    expect(importDate('5/1/2027')).toBe('2027-01-05');
    expect(importDate('05/11/2026 00:00:00')).toBe('2026-11-05');
    expect(importDate('2026-11-05')).toBe('2026-11-05');
    expect(importDate('31/04/2026')).toBeNull();
    expect(importDate('11/05/26')).toBeNull();
    expect(importDate('05/11/1800')).toBeNull();
  });

  it('rates and sim/não', () => {
    expect([importRate('2,5'), importRate('2.5'), importRate('3%'), importRate('0'), importRate('dois')]).toEqual([2.5, 2.5, 3, 0, null]);
    expect(['sim', 'Sim', 'S', 'x', 'não', 'nao', 'N', 'talvez'].map(importYesNo)).toEqual([true, true, true, true, false, false, false, null]);
  });
});

describe('mapHeader', () => {
  it('matches names without case, accents or punctuation; reports missing and repeated columns', () => {
    const ok = mapHeader(['VALOR', 'Vencimento', 'Nº Parcela', 'Total de Parcelas', 'Descrição', 'Data da Venda', 'Nome do Cliente', 'CPF', 'Loja']);
    expect(ok.problems).toEqual([]);
    expect(ok.index).toMatchObject({ valor: 0, vencimento: 1, parcela: 2, total_parcelas: 3, descricao: 4, data_venda: 5, nome: 6, cpf: 7 });
    expect(ok.ignored).toEqual(['Loja']);
    const bad = mapHeader(['nome', 'cpf', 'cpf', 'valor']);
    expect(bad.problems[0]).toMatch(/^Faltam no cabeçalho as colunas descricao, data_venda, parcela, total_parcelas, vencimento\./);
    expect(bad.problems[1]).toBe('A coluna cpf aparece duas vezes no cabeçalho (colunas 2 e 3).');
  });
});

describe('parseImport', () => {
  it('groups lines into customers and carnês (CPF + descrição + data da venda), parcelas sorted', () => {
    const p = parseImport(
      [
        'nome;cpf;descricao;data_venda;parcela;total_parcelas;vencimento;valor',
        'Ana;529.982.247-25;TV;10/09/2026;3;3;10/12/2026;100,00',
        'Ana;52998224725;tv;10/09/2026;2;3;10/11/2026;100,00',
        'Ana;529.982.247-25;TV;11/09/2026;1;1;11/10/2026;50,00',
      ].join('\n'),
      { today: '2026-11-23' },
    );
    expect(p.errors).toEqual([]);
    expect(p.customers.map((c) => c.cpf)).toEqual(['52998224725']);
    expect(p.sales.map((s) => [s.date, s.installments.map((i) => i.number), s.totalCents])).toEqual([
      ['2026-09-10', [2, 3], 20000],
      ['2026-09-11', [1], 5000],
    ]);
  });

  it('reports progress up to 1', () => {
    const seen: number[] = [];
    parseImport('nome;cpf\nAna;1\n', { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
  });
});
