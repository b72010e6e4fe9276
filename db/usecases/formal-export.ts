import type { Ctx } from '../context';
import type { FormalExport } from '../../shared/contract/formal';
import { date, money, toCsvColumns } from '../../shared/csv/write';
import { formatCpf, formatCnpj } from '../../shared/cpf';
import { prepared } from './ledger-load';
import { formalCandidates, overdueBreakdown } from './formal';

// formal.export: the fields a credit bureau asks for to open a record (SPC, Serasa and Boa Vista forms alike):
// who (name, CPF, address), how much, since when (the oldest unpaid due date), which contract (the carnê or
// agreement number) and who the creditor is (the store's CNPJ). As CSV for Brazilian Excel (CONVENTIONS.md).
// `registered`: the records the owner made and that still stand; `ready`: candidates whose notice's deadline
// passed, to take to the bureau.

interface ExportRow {
  name: string;
  cpf: string;
  address: string | null;
  amountCents: number;
  oldestDue: string | null;
  contract: string | null;
  bureau: string;
  registeredOn: string | null;
  noticeSentOn: string | null;
}

/** The oldest parcela still unpaid among those due before `before`, and its carnê (or agreement) number. */
const OLDEST_SQL = `SELECT st.effective_due_date AS due, COALESCE(s.number, a.number) AS contract
    FROM installment_standings st JOIN installments i ON i.id = st.id
    LEFT JOIN sales s ON s.id = i.sale_id LEFT JOIN agreements a ON a.id = i.agreement_id
   WHERE st.customer_id = @customer AND st.status = 'overdue' AND st.effective_due_date < @before
   ORDER BY st.effective_due_date, i.number LIMIT 1`;

export function exportFormal(ctx: Ctx, input: { scope?: 'registered' | 'ready' }): FormalExport {
  const scope = input.scope ?? 'registered';
  const rows: ExportRow[] = [];
  const oldest = (customer: string, before: string) => prepared(ctx, OLDEST_SQL).get({ customer, before }) as { due: string; contract: string } | undefined;
  if (scope === 'registered') {
    const records = prepared(
      ctx,
      `SELECT r.customer_id AS customerId, c.name, c.cpf, c.address, r.amount_cents AS amountCents, r.bureau, r.registered_on AS registeredOn, n.sent_on AS noticeSentOn
         FROM bureau_records r JOIN customers c ON c.id = r.customer_id LEFT JOIN formal_notices n ON n.id = r.notice_id
        WHERE r.removed_on IS NULL AND r.paid_off_on IS NULL ORDER BY r.registered_on, c.name_folded`,
    ).all() as (Omit<ExportRow, 'oldestDue' | 'contract'> & { customerId: string; registeredOn: string })[];
    for (const { customerId, ...r } of records) {
      const o = oldest(customerId, r.registeredOn);
      rows.push({ ...r, oldestDue: o?.due ?? null, contract: o?.contract ?? null });
    }
  } else {
    const ready = formalCandidates(ctx, { limit: 1000 }).items.filter((c) => c.notice?.expired);
    for (const c of ready) {
      const person = prepared(ctx, 'SELECT address FROM customers WHERE id = ?').get(c.customerId) as { address: string | null };
      const o = oldest(c.customerId, '9999-12-31');
      rows.push({
        name: c.name,
        cpf: c.cpf,
        address: person.address,
        // what formal.register would record today: the overdue parcelas with their multa and juros
        amountCents: overdueBreakdown(ctx, c.customerId, ctx.today).totalCents,
        oldestDue: o?.due ?? c.oldestOverdueDue,
        contract: o?.contract ?? null,
        bureau: '',
        registeredOn: null,
        noticeSentOn: c.notice!.sentOn,
      });
    }
  }
  const cnpj = ctx.settings.store.cnpj ? formatCnpj(ctx.settings.store.cnpj) : '';
  const content = toCsvColumns<ExportRow>(
    [
      { header: 'Nome', value: (r) => r.name },
      { header: 'CPF', value: (r) => formatCpf(r.cpf) },
      { header: 'Endereço', value: (r) => r.address ?? '' },
      { header: 'Valor da dívida', value: (r) => money(r.amountCents) },
      { header: 'Vencimento da dívida mais antiga', value: (r) => (r.oldestDue ? date(r.oldestDue) : '') },
      { header: 'Contrato (carnê)', value: (r) => r.contract ?? '' },
      { header: 'CNPJ da loja', value: () => cnpj },
      { header: 'Notificado em', value: (r) => (r.noticeSentOn ? date(r.noticeSentOn) : '') },
      { header: 'Birô', value: (r) => r.bureau },
      { header: 'Registrado em', value: (r) => (r.registeredOn ? date(r.registeredOn) : '') },
    ],
    rows,
  );
  const fileName = `${scope === 'registered' ? 'registros-biro' : 'prontos-para-registrar'}-${ctx.today}.csv`;
  return { fileName, content, rows: rows.length };
}
