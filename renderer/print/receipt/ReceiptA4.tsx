import { formatBRL } from '../../../shared/money';
import { formatDateBR } from '../../../shared/dates';
import { formatCpf } from '../../../shared/cpf';
import { METHOD_IN_SENTENCE, METHOD_NAMES, receiptCnpj, receiptLineTotal, receiptPlace, type ReceiptData } from '../../../shared/receipt-text';
import { PRINT_PAGE_CLASS } from '../PrintFrame';
import classes from './receipt.module.css';

/**
 * The A4 receipt (Código Civil art. 320; CDC art. 42-A): the store's identification, number, amount in figures
 * and in words, what it pays parcela by parcela, the payer, date and place, the method and who received.
 */
export function ReceiptA4({ receipt }: { receipt: ReceiptData }) {
  const { store } = receipt;
  const cnpj = receiptCnpj(store.cnpj);
  const place = receiptPlace(store);
  const many = receipt.lines.length > 1;
  const sum = (pick: (l: ReceiptData['lines'][number]) => number) => receipt.lines.reduce((s, l) => s + pick(l), 0);
  return (
    <article className={`${PRINT_PAGE_CLASS} ${classes.a4}`} aria-label={`Recibo ${receipt.receiptNumber}, folha A4`}>
      <header className={classes.head}>
        <div>
          <div className={classes.storeName}>{store.name}</div>
          {cnpj && <div className={classes.small}>CNPJ {cnpj}</div>}
          {store.address.trim() && <div className={classes.small}>{store.address.trim()}</div>}
          {place && <div className={classes.small}>{place}</div>}
        </div>
        <div className={classes.titleBox}>
          <div className={classes.title}>RECIBO</div>
          <div>Nº {receipt.receiptNumber}</div>
          <div className={classes.amountBox}>{formatBRL(receipt.amountCents)}</div>
        </div>
      </header>

      {receipt.reversedOn && (
        <div className={classes.reversed} role="note">
          <strong>ESTORNADO em {formatDateBR(receipt.reversedOn)}</strong>
          {receipt.reversalReason && <div>Motivo: {receipt.reversalReason}</div>}
          <div className={classes.small} style={{ color: 'inherit' }}>
            Este pagamento foi desfeito: o recibo não vale como comprovante.
          </div>
        </div>
      )}

      <p className={classes.body}>
        Recebemos de <strong>{receipt.customerName}</strong>, CPF {formatCpf(receipt.customerCpf)}, a importância de <strong>{formatBRL(receipt.amountCents)}</strong> (
        {receipt.amountInWords}), {METHOD_IN_SENTENCE[receipt.method]}, referente {many ? 'às parcelas' : 'à parcela'} abaixo.
      </p>

      <table className={classes.table}>
        <thead>
          <tr>
            <th>Carnê nº</th>
            <th>Parcela</th>
            <th>Vencimento</th>
            <th className={classes.n}>Principal</th>
            <th className={classes.n}>Multa</th>
            <th className={classes.n}>Juros</th>
            <th className={classes.n}>Desconto</th>
            <th className={classes.n}>Total</th>
          </tr>
        </thead>
        <tbody>
          {receipt.lines.map((l) => (
            <tr key={`${l.saleNumber}-${l.number}`}>
              <td>{l.saleNumber}</td>
              <td>
                {l.number}/{l.count}
              </td>
              <td>{formatDateBR(l.dueDate)}</td>
              <td className={classes.n}>{formatBRL(l.principalCents)}</td>
              <td className={classes.n}>{formatBRL(l.fineCents)}</td>
              <td className={classes.n}>{formatBRL(l.interestCents)}</td>
              <td className={classes.n}>{l.discountCents ? formatBRL(-l.discountCents) : formatBRL(0)}</td>
              <td className={classes.n}>{formatBRL(receiptLineTotal(l))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={3}>Total pago</td>
            <td className={classes.n}>{formatBRL(sum((l) => l.principalCents))}</td>
            <td className={classes.n}>{formatBRL(sum((l) => l.fineCents))}</td>
            <td className={classes.n}>{formatBRL(sum((l) => l.interestCents))}</td>
            <td className={classes.n}>{formatBRL(-sum((l) => l.discountCents) || 0)}</td>
            <td className={classes.n}>{formatBRL(receipt.amountCents)}</td>
          </tr>
        </tfoot>
      </table>

      <div className={classes.facts}>
        <div>
          <div className={classes.label}>Forma de pagamento</div>
          <div>{METHOD_NAMES[receipt.method]}</div>
        </div>
        <div>
          <div className={classes.label}>Recebido por</div>
          <div>{receipt.receivedBy ?? store.name}</div>
        </div>
      </div>

      <div className={classes.place}>
        {place ? `${place}, ` : ''}
        {formatDateBR(receipt.date)}.
      </div>

      <div className={classes.signature}>
        {receipt.receivedBy ? `${receipt.receivedBy} · ` : ''}
        {store.name}
      </div>

      <div className={classes.foot}>Guarde este recibo: ele comprova o pagamento.</div>
    </article>
  );
}
