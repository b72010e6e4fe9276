import { formatBRL } from '../../../shared/money';
import { formatDateBR, type IsoDate } from '../../../shared/dates';
import { PROFILE_LABELS } from '../../../shared/ui-format/profile';
import { PrintFrame, PRINT_PAGE_CLASS } from '../PrintFrame';
import type { QueueItem } from '../../screens/today/today-types';
import { daysLateText, longDate, reasonLines } from '../../screens/today/today-text';
import classes from './short-sheet.module.css';

/** Customers per A4 sheet: each row keeps room to write the outcome by hand. */
const PER_PAGE = 7;

const OUTCOME_BOXES = ['Não atendeu', 'Prometeu pagar', 'Ligar depois', 'Pagou', 'Recusou', 'Contestou', 'Número errado', 'Terceiro atendeu'];

export interface ShortSheetProps {
  storeName: string;
  date: IsoDate;
  /** "Ligações liberadas até 20:00" */
  callingTitle: string;
  items: QueueItem[];
  onClose(): void;
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length ? out : [[]];
}

/**
 * The "folha curta" (issue 6 §6): the day's short list on A4 for the clerk who dials from a desk phone —
 * store, date, each customer with the phone, amount, days late and reasons, and a blank to write the outcome.
 * The outcomes are typed in later with "Registrar resultado". It is for the store only: it never goes to a
 * customer (CALLS.md: collection is discussed with no one but the customer).
 */
export function ShortSheetPrint({ storeName, date, callingTitle, items, onClose }: ShortSheetProps) {
  const pages = chunk(items, PER_PAGE);
  const title = `Folha curta ${formatDateBR(date)}`;
  return (
    <PrintFrame title={title} subtitle={`${items.length} ${items.length === 1 ? 'cliente' : 'clientes'} · ${pages.length} ${pages.length === 1 ? 'folha' : 'folhas'} A4 · uso interno da loja`} pageSize="A4" onClose={onClose}>
      {pages.map((page, p) => (
        <article key={p} className={`${PRINT_PAGE_CLASS} ${classes.page}`} aria-label={`Folha curta, folha ${p + 1} de ${pages.length}`}>
          <header className={classes.head}>
            <div>
              <div className={classes.store}>{storeName}</div>
              <div className={classes.title}>Quem ligar hoje — {longDate(date)}</div>
            </div>
            <div className={`${classes.small} ${classes.right}`}>
              <div>{callingTitle}</div>
              <div>
                Folha {p + 1} de {pages.length}
              </div>
            </div>
          </header>

          {page.length === 0 && <p>Ninguém para ligar hoje.</p>}
          {page.map((item, i) => {
            const { lines, bestTime } = reasonLines(item.reasons, item.bestHour);
            return (
              <section key={item.customerId} className={classes.row} aria-label={item.name}>
                <div className={classes.num}>{p * PER_PAGE + i + 1}</div>
                <div>
                  <div>
                    <span className={classes.name}>{item.name}</span> · {PROFILE_LABELS[item.profile] ?? item.profile}
                    {item.keyCustomer ? ' · cliente estratégico' : ''}
                  </div>
                  <div className={classes.facts}>
                    <b>{item.phone ? item.phone.label : 'sem telefone'}</b>
                    {bestTime ? ` · ${bestTime}` : ''}
                  </div>
                  <div className={classes.facts}>
                    <b>{formatBRL(item.overdueCents)}</b> em atraso · {daysLateText(item.daysLate)}
                  </div>
                  {lines.length > 0 && (
                    <ul className={classes.reasons}>
                      {lines.slice(0, 3).map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  )}
                </div>
                <div className={classes.outcome}>
                  <b>Resultado</b>
                  <div className={classes.boxes}>
                    {OUTCOME_BOXES.map((b) => (
                      <span key={b} className={classes.box}>
                        {b}
                      </span>
                    ))}
                  </div>
                  <div>Combinado: R$ ________ em ____/____</div>
                  <div className={classes.line} aria-hidden="true" />
                </div>
              </section>
            );
          })}

          <footer className={classes.foot}>
            <span>Uso interno da loja. Registre cada resultado no EmDia, em Hoje → Registrar resultado.</span>
            <span>Impresso em {formatDateBR(date)}</span>
          </footer>
        </article>
      ))}
    </PrintFrame>
  );
}
