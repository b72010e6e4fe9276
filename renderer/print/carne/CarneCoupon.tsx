import { formatCnpj, formatCpf } from '../../../shared/cpf';
import { formatDateBR } from '../../../shared/dates';
import { formatBRL } from '../../../shared/money';
import type { SaleCarne } from '../../../shared/contract/ledger';
import { afterDueRule, storeAddressLine } from './carne-text';
import classes from './carne.module.css';

type Installment = SaleCarne['installments'][number];

interface Props {
  sale: SaleCarne;
  installment: Installment;
  /** data URL of the parcela's static PIX QR code, when the store has a PIX key */
  qr: string | null;
}

/**
 * One coupon of the carnê: the store's stub (canhoto, kept by the store when the parcela is paid) and the
 * customer's part with everything CONVENTIONS.md "The carnê" asks for — store name, CNPJ and address
 * (CDC art. 42-A), customer and CPF, carnê nº, parcela x/y, vencimento, valor, the after-due rule in words,
 * where to pay, a box for the payment stamp and, with a PIX key, a static QR code with the face value.
 */
export function CarneCoupon({ sale, installment: p, qr }: Props) {
  const { store, customer } = sale;
  const parcela = `${p.number}/${p.count}`;
  const moved = p.effectiveDueDate !== p.dueDate;
  const cnpj = store.cnpj ? `CNPJ ${formatCnpj(store.cnpj)}` : '';
  return (
    <article className={classes.coupon} data-testid="carne-coupon" aria-label={`Parcela ${parcela}`}>
      <div className={classes.stub}>
        <span className={classes.stubTitle}>Canhoto da loja</span>
        <span className={classes.stubStore}>{store.name}</span>
        <div className={classes.stubGrid}>
          <Field label="Carnê nº" value={sale.number} small />
          <Field label="Parcela" value={parcela} small />
        </div>
        <Field label="Vencimento" value={formatDateBR(p.dueDate)} small />
        <Field label="Valor" value={formatBRL(p.amountCents)} />
        <Field label="Cliente" value={customer.name} small />
        <div className={classes.stubSign}>
          <span>Valor pago R$ ________________</span>
          <span>Pago em ____/____/________</span>
          <span>Visto</span>
          <div className={classes.line} />
        </div>
      </div>

      <div className={classes.main}>
        <div className={classes.left}>
          <header className={classes.header}>
            <div style={{ minWidth: 0 }}>
              <div className={classes.storeName}>{store.name}</div>
              <div className={classes.storeId}>{[cnpj, storeAddressLine(store)].filter(Boolean).join(' · ')}</div>
            </div>
            <div className={classes.carneNo}>
              <span className={classes.label}>Carnê nº</span>
              <span className={classes.value}>{sale.number}</span>
            </div>
          </header>

          <div className={`${classes.fields} ${classes.row3}`}>
            <Field label="Parcela" value={parcela} />
            <div className={classes.field}>
              <span className={classes.label}>Vencimento</span>
              <span className={classes.value}>{formatDateBR(p.dueDate)}</span>
              {moved && <span className={classes.note}>Loja fechada neste dia: pague até {formatDateBR(p.effectiveDueDate)} sem multa.</span>}
            </div>
            <div className={classes.field}>
              <span className={classes.label}>Valor da parcela</span>
              <span className={`${classes.value} ${classes.big}`}>{formatBRL(p.amountCents)}</span>
            </div>
          </div>

          <div className={`${classes.fields} ${classes.row2}`}>
            <Field label="Cliente" value={customer.name} />
            <Field label="CPF" value={formatCpf(customer.cpf)} />
          </div>

          <div className={classes.rules}>
            <div>{afterDueRule(sale.policy)}</div>
            <div>
              <strong>{qr ? 'Pague na loja ou por PIX.' : 'Pague na loja.'}</strong> Guarde este carnê com o carimbo de cada pagamento.
            </div>
          </div>

          <div className={classes.stamp}>Autenticação — carimbo e visto do pagamento</div>
        </div>

        <aside className={classes.pix}>
          {qr ? (
            <>
              <span className={classes.pixTitle}>PAGUE COM PIX</span>
              <img className={classes.qr} src={qr} alt={`QR code PIX da parcela ${parcela}`} data-testid="pix-qr" />
              <span className={classes.pixValue}>{formatBRL(p.amountCents)}</span>
              <span className={classes.pixNote}>Até o vencimento. Após o vencimento, pague na loja.</span>
            </>
          ) : (
            <span className={classes.noPix}>Pague no caixa da loja, em dinheiro, cartão ou PIX.</span>
          )}
        </aside>
      </div>
    </article>
  );
}

function Field({ label, value, small = false }: { label: string; value: string; small?: boolean }) {
  return (
    <div className={classes.field}>
      <span className={classes.label}>{label}</span>
      <span className={`${classes.value} ${small ? classes.small : ''}`} title={value}>
        {value}
      </span>
    </div>
  );
}
