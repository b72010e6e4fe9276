import type { Ctx } from '../context';
import { ApiError } from '../../shared/contract/errors';
import { methods, type MethodName } from '../../shared/contract/methods';
import { fieldLabel } from '../../shared/contract/labels';
import { AUDIT_COUNT_CAP, type AuditListInput, type AuditListResult, type AuditRow } from '../../shared/contract/audit';
import { addDays, formatDateBR, storeMoment } from '../../shared/dates';
import { formatBRL } from '../../shared/money';
import { formatCnpj, formatCpf, onlyDigits } from '../../shared/cpf';
import { formatPhone } from '../../shared/phone';
import { localTimeFor } from '../projections/local-time';
import { listUsers } from './users';

// audit.list (owner, issue 8 §4): the rows the dispatcher appends for every successful write, filtered by
// person, action and the store's calendar days, newest first. Reversals, agreements approved beyond the
// margins and settings/people changes are flagged so the owner finds them at a glance.
//
// Indexes: only `audit_at_ix` (at) exists. Filtering by person or action walks that index newest-first and
// skips rows; an index on (method, at) and one on (user_id, at) would make rare actions (reversals) on a store
// with years of rows instant. Reported to the lead; no migration here.

const bad = (path: string, message: string) => new ApiError('validation', message, [{ path, message }]);

/** Settings and the people who use the app: the "Configurações" changes. */
const SETTINGS_SQL = `(a.method LIKE 'settings.%' OR a.method LIKE 'users.%')`;
/** A field of the row's input (the dispatcher cuts long summaries, which then are no JSON: null). */
const field = (name: string) => `(CASE WHEN json_valid(a.summary) THEN json_extract(a.summary, '$.${name}') END)`;
/**
 * An agreement beyond the margins carries the approving owner (agreements.approved_by). Its audit row is the one
 * written in the same instant (the dispatcher stamps both with the call's `now`) for the same customer; the CASE
 * keeps the lookup (by the customer index) to the rows of that method.
 */
const AGREEMENT_APPROVER_SQL = `(CASE WHEN a.method = 'agreements.create' THEN (SELECT u.name FROM agreements g JOIN users u ON u.id = g.approved_by
  WHERE g.customer_id = ${field('customerId')} AND g.created_at = a.at LIMIT 1) END)`;
/** A waiver of charges beyond the margins at the counter (payments.approved_by, migration 0007) the same way. */
const PAYMENT_APPROVER_SQL = `(CASE WHEN a.method = 'payments.receive' THEN (SELECT u.name FROM payments p JOIN users u ON u.id = p.approved_by
  WHERE p.customer_id = ${field('customerId')} AND p.created_at = a.at LIMIT 1) END)`;
/** The owner whose PIN authorized a reversal. */
const REVERSAL_APPROVER_SQL = `(CASE WHEN a.method = 'payments.reverse' THEN (SELECT u.name FROM reversals r JOIN users u ON u.id = r.approved_by
  WHERE r.payment_id = ${field('paymentId')} LIMIT 1) END)`;

function hasPaymentApprover(ctx: Ctx): boolean {
  const cols = ctx.store.sqlite.prepare('PRAGMA table_info(payments)').all() as { name: string }[];
  return cols.some((c) => c.name === 'approved_by');
}

export function listAudit(ctx: Ctx, input: AuditListInput): AuditListResult {
  if (input.method !== undefined && !Object.hasOwn(methods, input.method)) throw bad('method', 'Ação desconhecida: escolha uma ação da lista.');
  const tz = ctx.settings.store.timeZone;
  const withPayments = hasPaymentApprover(ctx);
  const approverSql = withPayments ? `COALESCE(${AGREEMENT_APPROVER_SQL}, ${PAYMENT_APPROVER_SQL})` : AGREEMENT_APPROVER_SQL;

  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (input.userId) {
    where.push('a.user_id = @userId');
    params.userId = input.userId;
  }
  if (input.method) {
    where.push('a.method = @method');
    params.method = input.method;
  }
  // Days are the store's: from 00:00 of `from` to 00:00 of the day after `to`, as stored UTC instants.
  if (input.from) {
    where.push('a.at >= @fromAt');
    params.fromAt = new Date(storeMoment(input.from, '00:00', tz)).toISOString();
  }
  if (input.to) {
    where.push('a.at < @toAt');
    params.toAt = new Date(storeMoment(addDays(input.to, 1), '00:00', tz)).toISOString();
  }
  if (input.kind === 'reversals') where.push(`a.method = 'payments.reverse'`);
  if (input.kind === 'settings') where.push(SETTINGS_SQL);
  if (input.kind === 'approvals') where.push(`a.method IN ('agreements.create', 'payments.receive') AND ${approverSql} IS NOT NULL`);
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';

  const limit = input.limit ?? 200;
  const offset = input.offset ?? 0;
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT a.id, a.at, a.user_id AS userId, a.user_name AS userName, a.transport, a.method, a.summary,
              ${approverSql} AS approvedBy, ${REVERSAL_APPROVER_SQL} AS reversalApprovedBy
         FROM audit a ${whereSql}
        ORDER BY a.at DESC, a.rowid DESC LIMIT @limit OFFSET @offset`,
    )
    .all({ ...params, limit, offset }) as RawRow[];
  // Counted up to a cap: an exact count over years of rows would cost more than the page itself.
  const counted = ctx.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM audit a ${whereSql} LIMIT ${AUDIT_COUNT_CAP + 1})`).get(params) as { n: number };

  const names = namesFor(ctx, rows);
  const local = localTimeFor(tz);
  const items: AuditRow[] = rows.map((r) => {
    const { day } = local(r.at);
    const flag: AuditRow['flag'] =
      r.method === 'payments.reverse' ? 'reversal' : r.approvedBy ? 'approval' : /^(settings|users)\./.test(r.method) ? 'settings' : null;
    return {
      id: r.id,
      at: r.at,
      date: formatDateBR(day),
      time: clockTime(r.at, tz),
      userId: r.userId,
      userName: r.userName,
      via: r.transport === 'cli' ? 'Linha de comando' : 'Tela',
      method: r.method,
      action: methods[r.method as MethodName]?.summary ?? r.method,
      details: describe(r.method, r.summary, names),
      flag,
      approvedBy: r.approvedBy ?? r.reversalApprovedBy,
    };
  });

  return {
    items,
    total: Math.min(counted.n, AUDIT_COUNT_CAP),
    totalCapped: counted.n > AUDIT_COUNT_CAP,
    people: listUsers(ctx).items.map(({ id, name }) => ({ id, name })),
    actions: (Object.keys(methods) as MethodName[])
      .filter((m) => methods[m].write)
      .map((m) => ({ method: m, label: methods[m].summary }))
      .sort((x, y) => x.label.localeCompare(y.label, 'pt-BR')),
  };
}

interface RawRow {
  id: string;
  at: string;
  userId: string | null;
  userName: string;
  transport: string;
  method: string;
  summary: string;
  approvedBy: string | null;
  reversalApprovedBy: string | null;
}

const hhmm = new Map<string, Intl.DateTimeFormat>();
function clockTime(iso: string, timeZone: string): string {
  let f = hhmm.get(timeZone);
  if (!f) hhmm.set(timeZone, (f = new Intl.DateTimeFormat('pt-BR', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })));
  return f.format(new Date(iso));
}

// ---- details in words --------------------------------------------------------------------------------------

interface Names {
  customers: Map<string, string>;
  receipts: Map<string, string>;
  users: Map<string, string>;
}

/** Ids never reach the screen (LOOK.md): the customers, receipts and people the page's rows name, in 3 queries. */
function namesFor(ctx: Ctx, rows: RawRow[]): Names {
  const customerIds = new Set<string>();
  const paymentIds = new Set<string>();
  const userIds = new Set<string>();
  for (const r of rows) {
    const input = parse(r.summary);
    if (!input) continue;
    if (typeof input.customerId === 'string') customerIds.add(input.customerId);
    if (r.method.startsWith('customers.') && typeof input.id === 'string') customerIds.add(input.id);
    if (typeof input.paymentId === 'string') paymentIds.add(input.paymentId);
    if (typeof input.userId === 'string') userIds.add(input.userId);
    if (r.method.startsWith('users.') && typeof input.id === 'string') userIds.add(input.id);
  }
  const lookup = (sql: string, ids: Set<string>) =>
    new Map((ctx.store.sqlite.prepare(sql).all(JSON.stringify([...ids])) as { id: string; v: string }[]).map((x) => [x.id, x.v]));
  return {
    customers: customerIds.size ? lookup('SELECT id, name AS v FROM customers WHERE id IN (SELECT value FROM json_each(?))', customerIds) : new Map(),
    receipts: paymentIds.size ? lookup('SELECT id, receipt_number AS v FROM payments WHERE id IN (SELECT value FROM json_each(?))', paymentIds) : new Map(),
    users: userIds.size ? lookup('SELECT id, name AS v FROM users WHERE id IN (SELECT value FROM json_each(?))', userIds) : new Map(),
  };
}

function parse(summary: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(summary);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null; // the dispatcher cuts summaries at 1000 characters
  }
}

/** Names for keys the validation labels (shared/contract/labels.ts) may not know: the settings' groups, mostly. */
const EXTRA_LABELS: Record<string, string> = {
  store: 'Loja', policy: 'Regras', margins: 'Margens', printing: 'Impressão', backup: 'Cópias', profiles: 'Perfis', default: 'Padrão',
  byProfile: 'Por perfil', graceDays: 'Carência (dias)', fineRatePct: 'Multa', lateInterestMonthlyPct: 'Juros de mora ao mês',
  closedWeekdays: 'Dias fechados', callWindows: 'Horários de ligação', maxCallsPerDay: 'Ligações por dia', maxCallsPer7Days: 'Ligações em 7 dias',
  quietDaysAfterConversation: 'Dias sem ligar após conversa', queueSize: 'Tamanho da lista', maxChargesDiscountPct: 'Desconto máximo nos encargos',
  maxPrincipalDiscountPct: 'Desconto máximo no principal', maxInstallments: 'Parcelas no máximo', minInstallmentCents: 'Parcela mínima',
  renegotiationMonthlyPct: 'Juros da renegociação', maxDaysToFirstDue: 'Dias até o 1º vencimento', maxPostponeDays: 'Dias para adiar',
  pixKey: 'Chave PIX', city: 'Cidade', deviceCode: 'Código do caixa', timeZone: 'Fuso', receiptColumns: 'Colunas do recibo', accentFree: 'Sem acentos',
  extraFolder: 'Pasta extra', score: 'Nota', resolution: 'Resolução', bureau: 'Birô', deadline: 'Prazo', recordId: 'Registro', ownerPin: 'PIN do dono',
  customers: 'Clientes', seed: 'Semente', background: 'Em segundo plano', promiseKeptSharePct: 'Promessa cumprida a partir de',
  promiseToleranceDays: 'Tolerância da promessa (dias)', mapping: 'Colunas', kind: 'Tipo', today: 'Data',
};
/** The validation labels first (one name per field across the app), then ours, then the key itself. */
const labelOf = (k: string): string => {
  const known = fieldLabel([k]);
  return known !== k ? known : (EXTRA_LABELS[k] ?? k);
};
const SKIP = new Set(['idempotencyKey', 'dryRun']);
const MAX_DETAILS = 300;

/** "Cliente: Ana Lima · Valor: R$ 150,00 · Forma de pagamento: pix" from the summary JSON. */
export function describe(method: string, summary: string, names: Names): string {
  const input = parse(summary);
  if (!input) return summary.replace(/[{}"]/g, '').replace(/,/g, ', ').slice(0, MAX_DETAILS);
  const parts: string[] = [];
  const walk = (obj: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(obj)) {
      if (SKIP.has(k) || v === undefined) continue;
      const label = `${prefix}${labelOf(k)}`;
      if (v === '***') parts.push(`${label}: informado`);
      else if (k === 'customerId' || (k === 'id' && method.startsWith('customers.'))) parts.push(`Cliente: ${names.customers.get(String(v)) ?? 'cliente removido'}`);
      else if (k === 'paymentId') parts.push(`Recibo: ${names.receipts.get(String(v)) ?? '—'}`);
      else if (k === 'userId' || (k === 'id' && method.startsWith('users.'))) parts.push(`Usuário: ${names.users.get(String(v)) ?? '—'}`);
      else if (k === 'id' || k.endsWith('Id') || k.endsWith('Ids')) continue; // other ids mean nothing to people
      else if (k === 'phones' && Array.isArray(v)) parts.push(`${label}: ${v.map((p) => formatPhone(String((p as { number?: unknown })?.number ?? ''))).join(', ') || 'nenhum'}`);
      else if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, `${label} › `);
      else parts.push(`${label}: ${valueText(k, v)}`);
    }
  };
  walk(input, '');
  const text = parts.join(' · ');
  return text.length > MAX_DETAILS ? `${text.slice(0, MAX_DETAILS - 1)}…` : text;
}

function valueText(key: string, v: unknown): string {
  if (v === null) return 'nenhum';
  if (typeof v === 'boolean') return v ? 'sim' : 'não';
  if (typeof v === 'number') {
    if (key.endsWith('Cents')) return formatBRL(v);
    if (key.endsWith('Pct')) return `${String(v).replace('.', ',')}%`;
    return String(v).replace('.', ',');
  }
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDateBR(v);
    if (key === 'cpf' && onlyDigits(v).length === 11) return formatCpf(v);
    if (key === 'cnpj' && onlyDigits(v).length === 14) return formatCnpj(v);
    return v.length > 80 ? `${v.slice(0, 79)}…` : v;
  }
  if (Array.isArray(v)) return v.every((x) => typeof x !== 'object') ? v.join(', ') : `${v.length} ${v.length === 1 ? 'item' : 'itens'}`;
  return '';
}
