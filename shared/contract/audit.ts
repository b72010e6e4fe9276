import { z } from 'zod';
import { id, isoDate } from './common';

// audit.list (owner): the audit trail the dispatcher writes for every successful write (db/schema/system.ts),
// read back for people: who, when, what. `kind` picks the rows an owner looks for first.

export const AUDIT_KINDS = ['reversals', 'approvals', 'settings'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export const auditList = z
  .object({
    userId: id.optional(),
    /** a method name of the contract (e.g. "payments.reverse") */
    method: z.string({ error: 'Informe a ação.' }).trim().min(1, 'Informe a ação.').max(80, 'Ação desconhecida.').optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    kind: z.enum(AUDIT_KINDS, { error: 'Tipo inválido: use reversals (estornos), approvals (aprovações) ou settings (configurações).' }).optional(),
    limit: z.number({ error: 'Informe o limite.' }).int().min(1, 'O limite vai de 1 a 5000.').max(5000, 'O limite vai de 1 a 5000.').optional(),
    offset: z.number({ error: 'Informe o deslocamento.' }).int().min(0, 'O deslocamento não pode ser negativo.').max(10_000_000).optional(),
  })
  .strict()
  .refine((i) => !i.from || !i.to || i.from <= i.to, { path: ['to'], message: 'A data final não pode ser antes da inicial.' });
export type AuditListInput = z.infer<typeof auditList>;

/** One audit row, ready to show: the store's local date and time, the action in pt-BR, the details in words. */
export interface AuditRow {
  id: string;
  /** ISO timestamp as stored */
  at: string;
  /** dd/mm/aaaa and hh:mm in the store's time zone */
  date: string;
  time: string;
  userId: string | null;
  userName: string;
  /** "Tela" (desktop or browser) or "Linha de comando" */
  via: string;
  method: string;
  /** the method's pt-BR summary (shared/contract/methods.ts) */
  action: string;
  /** what was asked, in words: "Cliente: Ana Lima · Motivo: valor errado" */
  details: string;
  /** the row stands out: a reversal, an approval beyond the margins, a settings or people change */
  flag: 'reversal' | 'approval' | 'settings' | null;
  /** the owner who approved (approvals beyond the margins) */
  approvedBy: string | null;
}

export interface AuditListResult {
  items: AuditRow[];
  /** rows matching the filters, counted up to `AUDIT_COUNT_CAP` */
  total: number;
  totalCapped: boolean;
  /** for the filters: the people and the actions that write */
  people: { id: string; name: string }[];
  actions: { method: string; label: string }[];
}

export const AUDIT_COUNT_CAP = 100_000;
