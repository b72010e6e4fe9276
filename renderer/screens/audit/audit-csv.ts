import type { AuditRow } from '../../../shared/contract/audit';
import { toCsvColumns } from '../../../shared/csv/write';

// The audit trail as CSV for Brazilian Excel (CONVENTIONS.md: `;`, UTF-8 with BOM, dd/mm/aaaa), through the
// one CSV writer (shared/csv/write.ts).

const FLAG_LABELS: Record<NonNullable<AuditRow['flag']>, string> = {
  reversal: 'Estorno',
  approval: 'Aprovação fora da margem',
  settings: 'Configuração',
};
export const flagLabel = (flag: AuditRow['flag']): string => (flag ? FLAG_LABELS[flag] : '');

export function auditCsv(rows: AuditRow[]): string {
  return toCsvColumns<AuditRow>(
    [
      { header: 'Data', value: (r) => r.date },
      { header: 'Hora', value: (r) => r.time },
      { header: 'Pessoa', value: (r) => r.userName },
      { header: 'Ação', value: (r) => r.action },
      { header: 'Detalhes', value: (r) => r.details },
      { header: 'Destaque', value: (r) => flagLabel(r.flag) },
      { header: 'Aprovado por', value: (r) => r.approvedBy ?? '' },
      { header: 'Por onde', value: (r) => r.via },
    ],
    rows,
  );
}

export const auditFileName = (today: string): string => `auditoria-${today}.csv`;
