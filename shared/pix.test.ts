import { describe, expect, it } from 'vitest';
import { crc16, isValidPixPayload, pixPayload, pixText } from './pix';

// Central bank manual (CONVENTIONS.md): a known-valid static payload.
const BCB_EXAMPLE =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';

describe('crc16 (CRC-16/CCITT-FALSE)', () => {
  it('has the standard check value', () => {
    expect(crc16('123456789')).toBe('29B1');
  });
});

describe('pixPayload', () => {
  it("reproduces the central bank's example byte for byte", () => {
    // The manual keeps "Fulano de Tal" in mixed case; our codes upper-case names (banks choke on accents and
    // some on lower case), so the exact vector is reproduced with rawText, which skips that normalization.
    const payload = pixPayload({ key: '123e4567-e12b-12d1-a456-426655440000', merchantName: 'Fulano de Tal', merchantCity: 'BRASILIA', rawText: true });
    expect(payload).toBe(BCB_EXAMPLE);
    expect(isValidPixPayload(BCB_EXAMPLE)).toBe(true);
  });

  it('normalizes the same data into an upper-case payload with its own valid CRC', () => {
    const payload = pixPayload({ key: '123e4567-e12b-12d1-a456-426655440000', merchantName: 'Fulano de Tal', merchantCity: 'Brasília' });
    const expectedBody = BCB_EXAMPLE.replace('Fulano de Tal', 'FULANO DE TAL').slice(0, -4);
    expect(payload).toBe(expectedBody + crc16(expectedBody));
    expect(isValidPixPayload(payload)).toBe(true);
  });

  it('writes the amount with a dot and two decimals, and a txid', () => {
    const payload = pixPayload({ key: '+5511987654321', merchantName: 'Loja São João Eletrodomésticos Ltda', merchantCity: 'São Paulo', amountCents: 15505, txid: 'PARC0001' });
    expect(payload).toContain('5406155.05');
    expect(payload).toContain('5925LOJA SAO JOAO ELETRODOMES');
    expect(payload).toContain('6009SAO PAULO');
    expect(payload).toContain('62120508PARC0001');
    expect(payload).toContain('26360014br.gov.bcb.pix0114+5511987654321');
    expect(isValidPixPayload(payload)).toBe(true);
    expect(pixPayload({ key: '12345678909', merchantName: 'Loja', merchantCity: 'Recife', amountCents: 5 })).toContain('54040.05');
  });

  it('adds the optional description inside field 26', () => {
    const payload = pixPayload({ key: '12345678909', merchantName: 'Loja', merchantCity: 'Recife', description: 'Parcela 1/5' });
    expect(payload).toContain('26480014br.gov.bcb.pix0111123456789090211PARCELA 1/5');
  });

  it('refuses what a bank would refuse', () => {
    const ok = { key: '12345678909', merchantName: 'Loja', merchantCity: 'Recife' };
    expect(() => pixPayload({ ...ok, txid: 'com-hifen' })).toThrow(RangeError);
    expect(() => pixPayload({ ...ok, txid: 'A'.repeat(26) })).toThrow(RangeError);
    expect(() => pixPayload({ ...ok, key: ' ' })).toThrow(RangeError);
    expect(() => pixPayload({ ...ok, amountCents: 0 })).toThrow(RangeError);
    expect(() => pixPayload({ ...ok, description: 'x'.repeat(80) })).toThrow(RangeError);
    expect(() => pixPayload({ ...ok, merchantName: '' })).toThrow(RangeError);
  });

  it('detects a corrupted payload', () => {
    expect(isValidPixPayload(BCB_EXAMPLE.replace('BRASILIA', 'BRASILIO'))).toBe(false);
    expect(isValidPixPayload('')).toBe(false);
  });
});

describe('pixText', () => {
  it('upper-cases, strips accents and cuts', () => {
    expect(pixText('  Açaí   da Conceição ', 25)).toBe('ACAI DA CONCEICAO');
    expect(pixText('São José dos Campos', 15)).toBe('SAO JOSE DOS CA');
  });
});
