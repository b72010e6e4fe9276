import { describe, expect, it } from 'vitest';
import { noticeText } from './notice-text';
import { scanForbidden } from '../collection/forbidden';

const text = noticeText({
  customerName: 'Ana Lima',
  storeName: 'Loja Boa Vista',
  storeAddress: 'Rua das Flores, 100 – Campinas/SP',
  sentOn: '2026-10-15',
  deadline: '2026-10-26',
  totalCents: 47190,
  fineRatePct: 2,
  lateInterestMonthlyPct: 1,
  pixKey: 'loja@exemplo.com.br',
});
const all = [text.title, text.greeting, text.opening, text.interest, text.deadline, ...text.howToPay, text.afterDeadline, text.removal, text.dispute, text.closing].join('\n');

describe('the written notice (CDC art. 43 §2)', () => {
  it('says the amount, the deadline with its weekday, the ways to pay and the removal rule', () => {
    expect(text.opening).toContain('R$ 471,90');
    expect(text.deadline).toBe('Prazo para pagar ou combinar um acordo: até segunda-feira, 26/10/2026.');
    expect(text.howToPay.join(' ')).toContain('loja@exemplo.com.br');
    expect(text.afterDeadline).toContain('art. 43 §2');
    expect(text.removal).toContain('5 dias úteis (STJ, Súmula 548)');
    expect(text.interest).toContain('multa de 2%');
  });

  it('passes the forbidden-words scanner: no threat, no "devedor", no false "último aviso"', () => {
    expect(scanForbidden(all)).toEqual([]);
    expect(all).not.toMatch(/devedor|inadimplente|último aviso|nome sujo/i);
  });
});
