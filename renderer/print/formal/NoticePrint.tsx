import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { call, ApiCallError } from '../../api';
import { formatCpf } from '../../../shared/cpf';
import { SheetHeader, storeAddressLine } from '../SheetHeader';
import { formatDateBR } from '../../../shared/dates';
import { formatBRL } from '../../../shared/money';
import type { NoticeView } from '../../../shared/contract/formal';
import { noticeText } from '../../../shared/formal/notice-text';
import { PRINT_PAGE_CLASS, PrintFrame } from '../PrintFrame';
import { PrintPending } from '../PrintPending';
import sheet from '../a4-sheet.module.css';
import notice from './notice.module.css';

// The sheet's classes plus the notice's own (deadline box, ways to pay, addressee).
const classes = { ...sheet, ...notice };

/**
 * The written notice before a bureau record (CDC art. 43 §2), A4: the store identified (CDC art. 42-A), the
 * debt's breakdown, the deadline, the ways to pay, and what happens after — said once, as process.
 * `notice` when the caller already has it (just generated); otherwise it is read by `noticeId`.
 */
export function NoticePrint({ notice: given, noticeId, onClose }: { notice?: NoticeView; noticeId?: string; onClose(): void }) {
  const [notice, setNotice] = useState<NoticeView | null>(given ?? null);
  const [qr, setQr] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    const load = given ? Promise.resolve(given) : call<NoticeView>('formal.noticeGet', { id: noticeId! });
    load
      .then(async (n) => {
        if (!alive) return;
        setNotice(n);
        const code = n.pix ? await QRCode.toDataURL(n.pix.payload, { errorCorrectionLevel: 'M', margin: 1, width: 320 }) : null;
        if (alive) setQr(code);
      })
      .catch((e: unknown) => alive && setError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir a notificação.'));
    return () => {
      alive = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [noticeId]);

  const title = notice ? `Notificação a ${notice.customer.name}` : 'Notificação';
  return (
    <PrintFrame title={title} subtitle={notice ? `Enviada em ${formatDateBR(notice.sentOn)} · prazo até ${formatDateBR(notice.deadline)}` : undefined} pageSize="A4" ready={!!notice && qr !== undefined} onClose={onClose}>
      {error || !notice || qr === undefined ? <PrintPending error={error} what="a notificação" onClose={onClose} /> : <Notice n={notice} qr={qr} />}
    </PrintFrame>
  );
}

function Notice({ n, qr }: { n: NoticeView; qr: string | null }) {
  const s = n.store;
  const address = storeAddressLine(s);
  const text = noticeText({
    customerName: n.customer.name,
    storeName: s.name,
    storeAddress: address,
    sentOn: n.sentOn,
    deadline: n.deadline,
    totalCents: n.totalCents,
    fineRatePct: n.fineRatePct,
    lateInterestMonthlyPct: n.lateInterestMonthlyPct,
    pixKey: n.pix?.key ?? null,
  });
  return (
    <article className={`${PRINT_PAGE_CLASS} ${classes.page}`} aria-label={`Notificação a ${n.customer.name}`}>
      <SheetHeader store={s}>
        <span className={classes.small}>Comunicado</span>
        <strong>{formatDateBR(n.sentOn)}</strong>
      </SheetHeader>

      <div className={classes.to}>
        <div>{n.customer.name}</div>
        <div className={classes.small}>CPF {formatCpf(n.customer.cpf)}</div>
        {n.customer.address && <div className={classes.small}>{n.customer.address}</div>}
      </div>

      <h1 className={classes.title}>{text.title}</h1>
      <p>{text.greeting}</p>
      <p>{text.opening}</p>

      <table className={classes.table}>
        <thead>
          <tr>
            <th>Carnê</th>
            <th>Parcela</th>
            <th>Vencimento</th>
            <th className={classes.num}>Dias</th>
            <th className={classes.num}>Valor</th>
            <th className={classes.num}>Multa</th>
            <th className={classes.num}>Juros</th>
            <th className={classes.num}>Total</th>
          </tr>
        </thead>
        <tbody>
          {n.parcelas.map((p) => (
            <tr key={`${p.saleNumber}-${p.number}`}>
              <td>{p.saleNumber}</td>
              <td>
                {p.number}/{p.count}
              </td>
              <td>{formatDateBR(p.dueDate)}</td>
              <td className={classes.num}>{p.daysLate}</td>
              <td className={classes.num}>{formatBRL(p.principalCents)}</td>
              <td className={classes.num}>{formatBRL(p.fineCents)}</td>
              <td className={classes.num}>{formatBRL(p.interestCents)}</td>
              <td className={classes.num}>{formatBRL(p.totalCents)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className={classes.totals}>
        <dt>Parcelas (principal)</dt>
        <dd>{formatBRL(n.principalCents)}</dd>
        <dt>Multa</dt>
        <dd>{formatBRL(n.fineCents)}</dd>
        <dt>Juros de mora</dt>
        <dd>{formatBRL(n.interestCents)}</dd>
        <dt>
          <strong>Total em {formatDateBR(n.sentOn)}</strong>
        </dt>
        <dd>
          <strong>{formatBRL(n.totalCents)}</strong>
        </dd>
      </dl>
      <p className={classes.small}>{text.interest}</p>

      <p className={classes.deadline}>{text.deadline}</p>

      <h2 className={classes.h2}>Como pagar</h2>
      <ul className={classes.list}>
        {text.howToPay.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {n.pix && qr && (
        <section className={classes.pix} aria-label="PIX">
          <img src={qr} alt="QR Code PIX da loja" width={120} height={120} />
          <div>
            <strong>PIX da loja: digite o valor atualizado ao pagar.</strong>
            <div className={classes.small}>PIX copia e cola:</div>
            <code className={classes.payload}>{n.pix.payload}</code>
          </div>
        </section>
      )}

      <h2 className={classes.h2}>Próximos passos</h2>
      <p>{text.afterDeadline}</p>
      <p>{text.removal}</p>
      <p>{text.dispute}</p>
      <p>{text.closing}</p>
      <p>
        Atenciosamente,
        <br />
        {s.name}
      </p>
    </article>
  );
}
