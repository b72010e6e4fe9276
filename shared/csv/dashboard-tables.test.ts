import { describe, expect, it } from 'vitest';
import type { ClerkRow, DashboardWeek, PeriodTotals, WhatWorksRow } from '../contract/dashboard';
import { agingCsv, clerksCsv, collectionFactsCsv, csvBytes, drillCsv, promiseRatesCsv, totalsCsv, weeksCsv, whatWorksCsv } from './dashboard-tables';

const week: DashboardWeek = {
  weekStart: '2026-11-16',
  overdueCents: 123456,
  openCents: 1000000,
  defaultRatePct: 12.3,
  recoveredCents: 98765,
  paymentsCents: 100000,
  reversedCents: 1235,
  newCreditCents: 50000,
  promisesMade: 4,
  promisesDue: 3,
  promisesKept: 2,
  attempts: 10,
  answered: 6,
  agreements: 1,
  discountCents: 1500,
  feedbackCount: 3,
  feedbackSum: 13,
};

const hex = (b: Uint8Array) => Array.from(b.slice(0, 8), (x) => x.toString(16).padStart(2, '0')).join(' ');

describe('Painel tables as CSV for Brazilian Excel', () => {
  it('writes the weeks byte for byte: BOM, `;`, decimal comma, dd/mm/aaaa, CRLF', () => {
    const text = weeksCsv([week]);
    const bytes = csvBytes(text);
    // EF BB BF is the BOM; then "sem" of "semana".
    expect(hex(bytes)).toBe('ef bb bf 73 65 6d 61 6e');
    expect(text).toBe(
      '\uFEFFsemana (segunda-feira);em atraso no fim da semana;em aberto no fim da semana;inadimplência (%);recebido (pagamentos menos estornos);pagamentos;estornos;crédito novo;promessas feitas;promessas que venceram;promessas cumpridas;tentativas de contato;atendidas;acordos;descontos concedidos;notas do atendimento;nota média\r\n' +
        '16/11/2026;1234,56;10000,00;12,3;987,65;1000,00;12,35;500,00;4;3;2;10;6;1;15,00;3;4,3\r\n',
    );
    // Accents travel as UTF-8 (ê = C3 AA), not Latin-1.
    expect(Buffer.from(bytes).includes(Buffer.from([0xc3, 0xaa]))).toBe(true);
  });

  it('aging, drill and clerks: names quoted only when needed, a negative amount stays a number', () => {
    expect(agingCsv([{ id: 'd1_30', label: '1 a 30 dias', cents: 250000, customers: 7 }])).toBe('\uFEFFfaixa de atraso;saldo;clientes\r\n1 a 30 dias;2500,00;7\r\n');
    expect(drillCsv([{ customerId: 'x', name: 'Ana; Lima', detail: 'Estorno', date: '2026-11-18T10:00:00-03:00', amountCents: -5000 }])).toBe('\uFEFFcliente;o que é;data;valor\r\n"Ana; Lima";Estorno;18/11/2026;-50,00\r\n');
    const clerk: ClerkRow = { userId: 'u', name: 'Marcos Silva', attempts: 20, conversations: 12, promises: 5, promisesKept: 3, agreements: 2, recoveredCents: 45678, feedbackAverage: 4.5, feedbackCount: 2 };
    expect(clerksCsv([clerk])).toBe('\uFEFFatendente;tentativas;conversas;promessas;promessas cumpridas;acordos;recebido;nota média;notas\r\nMarcos Silva;20;12;5;3;2;456,78;4,5;2\r\n');
  });

  it('rates carry their number of cases and say "poucos casos ainda" below the minimum', () => {
    const few = { cases: 3, hits: 2, ratePct: 66.7, enoughCases: false };
    const row: WhatWorksRow = { key: 'sem-dinheiro', label: 'Sem dinheiro agora', outcome: few };
    expect(whatWorksCsv([row], 'objeção')).toBe('\uFEFFobjeção;casos;acertos;taxa (%);amostra\r\nSem dinheiro agora;3;2;66,7;poucos casos ainda\r\n');
    const none = { cases: 0, hits: 0, ratePct: null, enoughCases: false };
    const out = promiseRatesCsv([{ label: 'Helena', made: { cases: 40, hits: 20, ratePct: 50, enoughCases: true }, ...none }], 'atendente');
    expect(out).toBe('\uFEFFatendente;promessas: casos;promessas: acertos;promessas: taxa (%);promessas: amostra;cumpridas: casos;cumpridas: acertos;cumpridas: taxa (%);cumpridas: amostra\r\nHelena;40;20;50;suficiente;0;0;;poucos casos ainda\r\n');
  });

  it('totals beside the previous period', () => {
    const t = (recoveredCents: number): PeriodTotals => ({ recoveredCents, newCreditCents: 0, promisesMade: 1, promisesKept: 0, attempts: 0, answered: 0, agreements: 0, discountCents: 0, feedbackAverage: null, overdueCents: 0, defaultRatePct: 0 });
    const lines = totalsCsv(t(123456), t(100)).split('\r\n');
    expect(lines[0]).toBe('\uFEFFindicador;período;período anterior');
    expect(lines[1]).toBe('recebido;1234,56;1,00');
    expect(lines.at(-2)).toBe('nota média do atendimento;;');
  });

  it('contact, agreements and loyalty, one figure per line', () => {
    const t: PeriodTotals = { recoveredCents: 0, newCreditCents: 0, promisesMade: 0, promisesKept: 0, attempts: 0, answered: 0, agreements: 0, discountCents: 0, feedbackAverage: 4.25, overdueCents: 0, defaultRatePct: 0 };
    const out = collectionFactsCsv({ contactRate: { cases: 619, hits: 394, ratePct: 63.7, enoughCases: true }, agreements: { count: 3, discountCents: 123456, beyondMargins: 1 }, loyalty: { paidOff: 39, boughtAgain: 21 }, totals: t });
    expect(out).toBe(
      '\uFEFFindicador;valor\r\ntentativas de contato;619\r\natendidas;394\r\ncontato atendido (%);63,7\r\nacordos feitos;3\r\ndescontos nos acordos;1234,56\r\nacordos além da margem (com a senha do dono);1\r\nnota média do atendimento;4,25\r\nquitaram tudo no período;39\r\nquitaram e voltaram a comprar;21\r\n',
    );
  });
});
