import { describe, it, expect } from 'vitest';
import { readCsv, detectSeparator, decodeCsvBytes } from './read';

describe('readCsv', () => {
  it('strips the BOM, detects `;`, keeps quoted separators, quotes and line breaks', () => {
    const r = readCsv('\uFEFFnome;endereco\r\nAna;"Rua A; 10"\r\n"Bia ""B""";"Rua B,\r\nfundos"\r\nCaio;x\r\n');
    expect(r.separator).toBe(';');
    expect(r.header).toEqual({ line: 1, cells: ['nome', 'endereco'] });
    expect(r.records).toEqual([
      { line: 2, cells: ['Ana', 'Rua A; 10'] },
      { line: 3, cells: ['Bia "B"', 'Rua B,\nfundos'] },
      { line: 5, cells: ['Caio', 'x'] },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('skips blank lines (also `;;;` lines from Excel) but keeps counting them', () => {
    const r = readCsv('\n\na,b\n\n  \n1,2\n,\n3,4');
    expect(r.separator).toBe(',');
    expect(r.header?.line).toBe(3);
    expect(r.records.map((x) => x.line)).toEqual([6, 8]);
  });

  it('honours a `sep=` first line and mixed line ends', () => {
    const r = readCsv('sep=,\r\nx;y,z\ra;b,c\nd;e,f');
    expect(r.separator).toBe(',');
    expect(r.header).toEqual({ line: 2, cells: ['x;y', 'z'] });
    expect(r.records.map((x) => [x.line, x.cells])).toEqual([
      [3, ['a;b', 'c']],
      [4, ['d;e', 'f']],
    ]);
  });

  it('reports an unclosed quote on the line where it starts', () => {
    const r = readCsv('a;b\n1;2\n3;"quatro\n5;6\n');
    expect(r.problems).toEqual([{ line: 3, message: expect.stringMatching(/^Aspas \(\"\) abertas e não fechadas/) }]);
  });

  it('an empty file has no header', () => {
    expect(readCsv('').header).toBeNull();
    expect(readCsv('\uFEFF \r\n').header).toBeNull();
  });
});

describe('detectSeparator', () => {
  it('counts outside quotes; `;` wins ties', () => {
    expect(detectSeparator('nome;cpf;valor')).toBe(';');
    expect(detectSeparator('nome,cpf,valor')).toBe(',');
    expect(detectSeparator('"a,b,c";d')).toBe(';');
    expect(detectSeparator('a\tb\tc')).toBe('\t');
    expect(detectSeparator('nome')).toBe(';');
  });
});

describe('decodeCsvBytes', () => {
  it('reads UTF-8 (BOM dropped) and falls back to Windows-1252, as old Excel saves', () => {
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x4a, 0x6f, 0xc3, 0xa3, 0x6f]))).toBe('João');
    expect(decodeCsvBytes(new Uint8Array([0x4a, 0x6f, 0xe3, 0x6f, 0x3b, 0x80, 0x93, 0x94, 0x96]))).toBe('João;€“”–');
  });
});
