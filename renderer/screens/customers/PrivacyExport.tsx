import { useState } from 'react';
import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { call, ApiCallError } from '../../api';
import { useSession } from '../../store/session';
import { PrintFrame, PRINT_PAGE_CLASS } from '../../print/PrintFrame';
import { formatBRL } from '../../../shared/money';
import { formatDateBR } from '../../../shared/dates';
import { formatCpf } from '../../../shared/cpf';
import { formatPhone } from '../../../shared/phone';

type Row = Record<string, unknown>;
interface CustomerExport {
  exportedAt: string;
  store: { name: string; cnpj: string; address: string; city: string; state: string };
  purpose: string;
  customer: Row & { name: string; cpf: string };
  records: Record<string, Row[]>;
  audit: Row[];
}

const str = (v: unknown) => (typeof v === 'string' && v ? v : '—');
const date = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? formatDateBR(v.slice(0, 10)) : '—');
const money = (v: unknown) => (typeof v === 'number' ? formatBRL(v) : '—');

/**
 * LGPD art. 18 II: "Dados do cliente" gives the owner everything EmDia holds about this customer, as a
 * printable page for the customer and as the JSON file (customers.export) for whoever asks for it in full.
 */
export function PrivacyExportButton({ customerId }: { customerId: string }) {
  const isOwner = useSession((s) => s.user?.role === 'owner');
  const [data, setData] = useState<CustomerExport | null>(null);
  const [loading, setLoading] = useState(false);
  if (!isOwner) return null;

  const open = async () => {
    setLoading(true);
    try {
      setData(await call<CustomerExport>('customers.export', { id: customerId }));
    } catch (e) {
      notifications.show({ message: e instanceof ApiCallError ? e.message : 'Não foi possível reunir os dados.', color: 'red', position: 'top-right' });
    } finally {
      setLoading(false);
    }
  };

  const download = () => {
    if (!data) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: `dados-do-cliente-${data.customer.cpf}.json` });
    a.click();
    URL.revokeObjectURL(url);
  };

  return (
    <>
      <Button variant="subtle" onClick={() => void open()} loading={loading}>
        Dados do cliente (LGPD)
      </Button>
      {data && (
        <PrintFrame title={`Dados de ${data.customer.name}`} subtitle="Tudo o que a loja guarda sobre este cliente (LGPD)" pageSize="A4" pageMargin="14mm" onClose={() => setData(null)} notice={<Button size="xs" variant="default" onClick={download}>Baixar arquivo completo (JSON)</Button>}>
          <CustomerDataPage data={data} />
        </PrintFrame>
      )}
    </>
  );
}

function CustomerDataPage({ data }: { data: CustomerExport }) {
  const c = data.customer;
  const r = data.records;
  const phones = (r.customer_phones ?? []).filter((p) => !p.deleted_at);
  const cell = { border: '1px solid #ccc', padding: '4px 6px', textAlign: 'left' as const };
  return (
    <article className={PRINT_PAGE_CLASS} aria-label="Dados do cliente" style={{ width: '210mm', maxWidth: '100%', margin: '0 auto', boxSizing: 'border-box', padding: '12mm', fontSize: 13, lineHeight: 1.45, color: '#111', background: '#fff' }}>
      <h1 style={{ fontSize: 20, margin: 0 }}>Dados pessoais guardados pela loja</h1>
      <p style={{ margin: '4px 0 12px' }}>
        {data.store.name}
        {data.store.cnpj ? ` · CNPJ ${data.store.cnpj}` : ''}
        {data.store.address ? ` · ${data.store.address}` : ''} · emitido em {date(data.exportedAt)}
      </p>
      <h2 style={{ fontSize: 15 }}>Cadastro</h2>
      <p>
        <b>Nome:</b> {c.name} · <b>CPF:</b> {/^\d{11}$/.test(c.cpf) ? formatCpf(c.cpf) : '—'} · <b>Nascimento:</b> {date(c.birthDate)}
        <br />
        <b>Telefones:</b> {phones.length ? phones.map((p) => formatPhone(String(p.number))).join(', ') : '—'} · <b>E-mail:</b> {str(c.email)}
        <br />
        <b>Endereço:</b> {str(c.address)}
        <br />
        <b>Observações:</b> {str(c.notes)}
      </p>
      <h2 style={{ fontSize: 15 }}>Compras no crediário</h2>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            <th style={cell}>Data</th>
            <th style={cell}>Descrição</th>
            <th style={cell}>Total</th>
            <th style={cell}>Parcelas</th>
          </tr>
        </thead>
        <tbody>
          {(r.sales ?? []).map((s) => (
            <tr key={String(s.id)}>
              <td style={cell}>{date(s.date)}</td>
              <td style={cell}>{str(s.description)}</td>
              <td style={cell}>{money(s.total_cents)}</td>
              <td style={cell}>{String(s.installment_count ?? '—')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 style={{ fontSize: 15 }}>Pagamentos</h2>
      <p>{(r.payments ?? []).length ? (r.payments ?? []).map((p) => `${date(p.date)}: ${money(p.amount_cents)}`).join(' · ') : 'Nenhum.'}</p>
      <h2 style={{ fontSize: 15 }}>Contatos de cobrança</h2>
      <p>{(r.contacts ?? []).length ? `${(r.contacts ?? []).length} contato(s), de ${date(r.contacts![0].at)} a ${date(r.contacts![r.contacts!.length - 1].at)}.` : 'Nenhum.'}</p>
      <h2 style={{ fontSize: 15 }}>Para que a loja usa estes dados</h2>
      <p>{data.purpose} Os dados ficam no computador da loja e nas cópias de segurança dela; não são enviados a terceiros pelo EmDia. O cliente pode pedir a correção ou a anonimização dos dados pessoais; o histórico financeiro é mantido para a contabilidade da loja.</p>
    </article>
  );
}
