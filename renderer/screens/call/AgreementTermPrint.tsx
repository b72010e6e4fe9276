import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { call, ApiCallError } from '../../api';
import { formatCpf } from '../../../shared/cpf';
import { SheetHeader } from '../../print/SheetHeader';
import { formatDateBR } from '../../../shared/dates';
import { formatBRL } from '../../../shared/money';
import { PRINT_PAGE_CLASS, PrintFrame } from '../../print/PrintFrame';
import { PrintPending } from '../../print/PrintPending';
import type { AgreementTerm } from './call-types';
import classes from '../../print/a4-sheet.module.css';

/** The agreement term, A4 (issue 7 §5): who, what was owed, what was agreed, the new parcelas, the rule, the PIX. */
export function AgreementTermPrint({ agreementId, onLoaded, onClose }: { agreementId: string; onLoaded?(t: AgreementTerm): void; onClose(): void }) {
  const [term, setTerm] = useState<AgreementTerm | null>(null);
  const [qr, setQr] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    call<AgreementTerm>('agreements.get', { id: agreementId })
      .then(async (t) => {
        if (!alive) return;
        setTerm(t);
        onLoaded?.(t);
        const code = t.pix ? await QRCode.toDataURL(t.pix.payload, { errorCorrectionLevel: 'M', margin: 1, width: 320 }) : null;
        if (alive) setQr(code);
      })
      .catch((e: unknown) => alive && setError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir o termo do acordo.'));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [agreementId]);

  const title = term ? `Termo do acordo ${term.number}` : 'Termo do acordo';
  return (
    <PrintFrame title={title} subtitle={term?.customer.name} pageSize="A4" ready={!!term && qr !== undefined} onClose={onClose}>
      {error || !term || qr === undefined ? (
        <PrintPending error={error} what="o termo do acordo" onClose={onClose} />
      ) : (
        <Term term={term} qr={qr} />
      )}
    </PrintFrame>
  );
}

function Term({ term: t, qr }: { term: AgreementTerm; qr: string | null }) {
  const s = t.store;
  return (
    <article className={`${PRINT_PAGE_CLASS} ${classes.page}`} aria-label={`Termo do acordo ${t.number}`}>
      <SheetHeader store={s}>
        <span className={classes.small}>Acordo nº</span>
        <strong>{t.number}</strong>
        <span className={classes.small}>{formatDateBR(t.date)}</span>
      </SheetHeader>

      <h1 className={classes.title}>Termo de acordo de pagamento</h1>
      <p>
        {t.customer.name}, CPF {formatCpf(t.customer.cpf)}, e {s.name} combinam o pagamento das parcelas em aberto abaixo, nas condições deste termo.
      </p>

      <h2 className={classes.h2}>O que estava em aberto</h2>
      <table className={classes.table}>
        <thead>
          <tr>
            <th>Carnê</th>
            <th>Parcela</th>
            <th>Vencimento</th>
            <th className={classes.num}>Valor</th>
            <th className={classes.num}>Multa</th>
            <th className={classes.num}>Juros</th>
          </tr>
        </thead>
        <tbody>
          {t.replaced.map((r) => (
            <tr key={r.id}>
              <td>{r.saleNumber}</td>
              <td>
                {r.number}/{r.count}
              </td>
              <td>{formatDateBR(r.dueDate)}</td>
              <td className={classes.num}>{formatBRL(r.principalCents)}</td>
              <td className={classes.num}>{formatBRL(r.fineCents)}</td>
              <td className={classes.num}>{formatBRL(r.interestCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className={classes.totals}>
        <dt>Parcelas (principal)</dt>
        <dd>{formatBRL(t.principalCents)}</dd>
        <dt>Multa</dt>
        <dd>{formatBRL(t.fineCents)}</dd>
        <dt>Juros</dt>
        <dd>{formatBRL(t.interestCents)}</dd>
        <dt>Desconto</dt>
        <dd>{t.discountCents ? `− ${formatBRL(t.discountCents)}` : formatBRL(0)}</dd>
        <dt>
          <strong>Valor do acordo</strong>
        </dt>
        <dd>
          <strong>{formatBRL(t.agreedCents)}</strong>
        </dd>
      </dl>

      <h2 className={classes.h2}>Como fica o pagamento</h2>
      <table className={classes.table}>
        <thead>
          <tr>
            <th>Parcela</th>
            <th>Vencimento</th>
            <th className={classes.num}>Valor</th>
          </tr>
        </thead>
        <tbody>
          {t.installments.map((p) => (
            <tr key={p.id}>
              <td>{p.kind === 'entrada' ? 'Entrada' : `${p.number}/${p.count}`}</td>
              <td>{formatDateBR(p.dueDate)}</td>
              <td className={classes.num}>{formatBRL(p.amountCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={classes.small}>
        Total a pagar pelo acordo: {formatBRL(t.totalCents)}
        {t.monthlyRatePct ? `, com juros de ${String(t.monthlyRatePct).replace('.', ',')}% ao mês no parcelamento` : ''}.
      </p>
      <p>{t.rule}</p>
      {t.approvedBy && <p className={classes.small}>Condição aprovada por {t.approvedBy}.</p>}

      {t.pix && qr && (
        <section className={classes.pix} aria-label="PIX">
          <img src={qr} alt={`QR Code PIX de ${formatBRL(t.pix.amountCents)}`} width={140} height={140} />
          <div>
            <strong>{t.pix.note}</strong>
            <div className={classes.small}>PIX copia e cola:</div>
            <code className={classes.payload}>{t.pix.payload}</code>
          </div>
        </section>
      )}

      <div className={classes.signs}>
        <div>
          <div className={classes.line} />
          {t.customer.name}
        </div>
        <div>
          <div className={classes.line} />
          {s.name}
        </div>
      </div>
    </article>
  );
}
