import { describe, it, expect } from 'vitest';
import { receiptLines, stripAccents, wrapText, type ReceiptData } from './receipt-text';

// The DOMAIN.md example: R$ 150,00 due 13/10/2026, paid 23/11/2026 — multa 3,00, juros 2,05, total 155,05.
const receipt: ReceiptData = {
  store: { name: 'Loja Boa Vista Móveis e Eletrodomésticos', cnpj: '11222333000181', address: 'Rua Coronel Antônio Conceição, 1234 - Jardim São João', city: 'São José do Rio Preto', state: 'SP' },
  receiptNumber: 'A-000001',
  date: '2026-11-23',
  amountCents: 15505,
  method: 'cash',
  methodLabel: 'dinheiro',
  customerName: 'Maria da Conceição Araújo Gonçalves',
  customerCpf: '52998224725',
  receivedBy: 'Dona Maria Souza',
  reversedOn: null,
  reversalReason: null,
  amountInWords: 'cento e cinquenta e cinco reais e cinco centavos',
  lines: [{ number: 1, count: 1, dueDate: '2026-10-13', saleNumber: 'A-000001', principalCents: 15000, fineCents: 300, interestCents: 205, discountCents: 0 }],
};

const many: ReceiptData = {
  ...receipt,
  amountCents: 123456789,
  amountInWords: 'um milhão, duzentos e trinta e quatro mil, quinhentos e sessenta e sete reais e oitenta e nove centavos',
  lines: [
    { number: 12, count: 24, dueDate: '2026-10-13', saleNumber: 'ABCD-000123', principalCents: 61728394, fineCents: 1234567, interestCents: 987654, discountCents: 0 },
    { number: 13, count: 24, dueDate: '2026-11-13', saleNumber: 'ABCD-000123', principalCents: 59505826, fineCents: 0, interestCents: 0, discountCents: 1 },
  ],
};

const reversed: ReceiptData = { ...receipt, reversedOn: '2026-11-24', reversalReason: 'Cliente pagou duas vezes por engano; devolvido em dinheiro no balcão.' };

describe('receiptLines (80 mm thermal)', () => {
  for (const columns of [48, 42] as const) {
    for (const accentFree of [false, true]) {
      it(`never passes ${columns} columns${accentFree ? ' without accents' : ''}`, () => {
        for (const r of [receipt, many, reversed]) {
          const lines = receiptLines(r, { columns, accentFree });
          for (const line of lines) expect(line.length, JSON.stringify(line)).toBeLessThanOrEqual(columns);
        }
      });
    }
  }

  it('right-aligns every amount to the last column', () => {
    for (const columns of [48, 42] as const) {
      const lines = receiptLines(receipt, { columns, accentFree: false });
      const amountLines = lines.filter((l) => /R\$ [\d.]+,\d\d$/.test(l));
      expect(amountLines.length).toBeGreaterThanOrEqual(5);
      for (const l of amountLines) expect(l.length).toBe(columns);
      const total = lines.find((l) => l.startsWith('TOTAL PAGO'))!;
      expect(total).toBe('TOTAL PAGO'.padEnd(columns - 'R$ 155,05'.length) + 'R$ 155,05');
    }
  });

  it('states what the law asks: store, number, amount in figures and words, what it pays, payer, date and place', () => {
    const text = receiptLines(receipt, { columns: 48, accentFree: false }).join('\n');
    expect(text).toContain('CNPJ 11.222.333/0001-81');
    expect(text).toContain('RECIBO Nº A-000001');
    expect(text).toMatch(/VALOR +R\$ 155,05/);
    expect(text.replace(/\s+/g, ' ')).toContain('(cento e cinquenta e cinco reais e cinco centavos)');
    expect(text).toMatch(/Carnê A-000001 parc\. 1\/1 +venc\. 13\/10\/2026/);
    expect(text).toMatch(/Multa +R\$ 3,00/);
    expect(text).toMatch(/Juros +R\$ 2,05/);
    expect(text.replace(/\s+/g, ' ')).toContain('Maria da Conceição Araújo Gonçalves, CPF 529.982.247-25');
    expect(text).toContain('São José do Rio Preto/SP, 23/11/2026');
    expect(text).toMatch(/Forma de pagamento +Dinheiro/);
    expect(text).toMatch(/Recebido por +Dona Maria Souza/);
    expect(text).not.toContain('ESTORNADO');
  });

  it('shows a discount as a negative amount and a subtotal per parcela when there are several', () => {
    const text = receiptLines(many, { columns: 42, accentFree: false }).join('\n');
    expect(text).toMatch(/Desconto +-R\$ 0,01/);
    expect(text).toMatch(/Subtotal +R\$ 639\.506,15/);
    expect(text).toMatch(/TOTAL PAGO +R\$ 1\.234\.567,89/);
  });

  it('marks a reversed receipt with the date and the reason', () => {
    const text = receiptLines(reversed, { columns: 48, accentFree: false }).join('\n');
    expect(text).toContain('*** ESTORNADO em 24/11/2026 ***');
    expect(text.replace(/\s+/g, ' ')).toContain('Motivo: Cliente pagou duas vezes por engano; devolvido em dinheiro no balcão.');
  });

  it('accent-free prints plain ASCII with the same words', () => {
    for (const r of [receipt, many, reversed]) {
      const lines = receiptLines(r, { columns: 48, accentFree: true });
      for (const line of lines) expect(line, line).toMatch(/^[\x20-\x7e]*$/);
    }
    const text = receiptLines(receipt, { columns: 48, accentFree: true }).join('\n');
    expect(text).toContain('RECIBO No A-000001');
    expect(text).toContain('Sao Jose do Rio Preto/SP, 23/11/2026');
    expect(text.replace(/\s+/g, ' ')).toContain('Maria da Conceicao Araujo Goncalves');
    expect(text).toContain('Carne A-000001');
  });

  it('keeps the same layout with or without accents', () => {
    const a = receiptLines(receipt, { columns: 42, accentFree: false });
    const b = receiptLines(receipt, { columns: 42, accentFree: true });
    expect(b.map((l) => l.length)).toEqual(a.map((l) => l.length));
  });
});

describe('helpers', () => {
  it('stripAccents keeps the length and leaves ASCII alone', () => {
    expect(stripAccents('Conceição Araújo — nº 5')).toBe('Conceicao Araujo - no 5');
    expect(stripAccents('Conceic\u0327a\u0303o')).toBe('Conceicao');
    expect(stripAccents('ABC abc 123 R$ ,.;')).toBe('ABC abc 123 R$ ,.;');
  });

  it('wrapText breaks at spaces and cuts a word longer than the line', () => {
    expect(wrapText('um dois três quatro', 9)).toEqual(['um dois', 'três', 'quatro']);
    expect(wrapText('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    expect(wrapText('   ', 10)).toEqual([]);
  });
});
