import { describe, it, expect } from 'vitest';
import { whatsappDigits, withoutNinthDigit, whatsappLink, smsText, isMobile, WHATSAPP_MAX_TEXT } from './whatsapp';

describe('wa.me links (CONVENTIONS.md)', () => {
  it('keeps digits only, with the country code', () => {
    expect(whatsappDigits('(11) 98765-4321')).toBe('5511987654321');
    expect(whatsappDigits('+55 11 98765-4321')).toBe('5511987654321');
    expect(whatsappDigits('(19) 3234-5678')).toBe('551932345678');
    expect(whatsappDigits('98765-4321')).toBeNull();
    expect(whatsappDigits('(11) 88765-43210')).toBeNull();
  });

  it('encodes the text and offers "tentar sem o 9" for mobiles only', () => {
    const link = whatsappLink('(11) 98765-4321', 'Oi, Ana! Parcela 3/10 – R$ 150,00 & PIX?')!;
    expect(link.url).toBe('https://wa.me/5511987654321?text=Oi%2C%20Ana!%20Parcela%203%2F10%20%E2%80%93%20R%24%20150%2C00%20%26%20PIX%3F');
    expect(decodeURIComponent(link.url.split('?text=')[1])).toBe('Oi, Ana! Parcela 3/10 – R$ 150,00 & PIX?');
    expect(link.urlWithout9).toBe('https://wa.me/551187654321?text=' + link.url.split('?text=')[1]);
    expect(withoutNinthDigit('551932345678')).toBeNull();
    expect(link.tooLong).toBe(false);
  });

  it('flags a text over 600 characters or an address Windows would refuse', () => {
    expect(whatsappLink('11987654321', 'a'.repeat(WHATSAPP_MAX_TEXT + 1))!.tooLong).toBe(true);
    // 500 accented characters are under 600 but encode to 3000+ characters of address
    expect(whatsappLink('11987654321', 'ç'.repeat(500))!.tooLong).toBe(true);
    expect(whatsappLink('11987654321', 'a'.repeat(WHATSAPP_MAX_TEXT))!.tooLong).toBe(false);
  });
});

describe('SMS text', () => {
  it('is tidy, one paragraph per line, and counts the parts (accents take 70 a part)', () => {
    const s = smsText('Oi, Ana.\n\n  A parcela   venceu. \n\nCarlos');
    expect(s.text).toBe('Oi, Ana.\nA parcela venceu.\nCarlos');
    expect(s.parts).toBe(1);
    expect(smsText('a'.repeat(161)).parts).toBe(2);
    expect(smsText('ã'.repeat(71)).parts).toBe(2);
    expect(isMobile('(11) 98765-4321')).toBe(true);
    expect(isMobile('(11) 3234-5678')).toBe(false);
  });
});
