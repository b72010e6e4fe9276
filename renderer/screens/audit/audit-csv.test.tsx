import { describe, expect, it } from 'vitest';
import { auditCsv } from './audit-csv';
import type { AuditRow } from '../../../shared/contract/audit';

const row = (over: Partial<AuditRow>): AuditRow => ({
  id: 'x',
  at: '2026-11-23T15:00:00.000Z',
  date: '23/11/2026',
  time: '12:00',
  userId: null,
  userName: 'Carlos Atendente',
  via: 'Tela',
  method: 'payments.reverse',
  action: 'Estornar pagamento',
  details: 'Recibo: A-000001 · Motivo: valor errado; "de novo"',
  flag: 'reversal',
  approvedBy: 'Dona Maria',
  ...over,
});

describe('auditCsv', () => {
  it('writes the bytes Brazilian Excel opens right: BOM, `;`, quotes where needed, CRLF', () => {
    const bytes = new TextEncoder().encode(auditCsv([row({}), row({ flag: null, approvedBy: null, action: 'Alterar configurações', details: '=SOMA(A1)' })]));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split('\r\n')).toEqual([
      'Data;Hora;Pessoa;Ação;Detalhes;Destaque;Aprovado por;Por onde',
      '23/11/2026;12:00;Carlos Atendente;Estornar pagamento;"Recibo: A-000001 · Motivo: valor errado; ""de novo""";Estorno;Dona Maria;Tela',
      "23/11/2026;12:00;Carlos Atendente;Alterar configurações;'=SOMA(A1);;;Tela",
      '',
    ]);
  });
});
