import type { ReactNode } from 'react';
import { formatCnpj } from '../../shared/cpf';
import classes from './a4-sheet.module.css';

export interface SheetStore {
  name: string;
  cnpj?: string | null;
  address?: string | null;
  city?: string | null;
  state?: string | null;
}

/** "Rua das Flores, 100 – Campinas/SP": the store's address on one line. */
export const storeAddressLine = (s: SheetStore): string => [s.address, [s.city, s.state].filter(Boolean).join('/')].filter(Boolean).join(' – ');

/**
 * The top of every A4 document the store hands a customer (the agreement term, the written notice): who the
 * store is — name, CNPJ and address (CDC art. 42-A) — and, on the right, what the sheet is and its reference.
 */
export function SheetHeader({ store, children }: { store: SheetStore; children: ReactNode }) {
  return (
    <header className={classes.header}>
      <div>
        <div className={classes.store}>{store.name}</div>
        <div className={classes.small}>{[store.cnpj ? `CNPJ ${formatCnpj(store.cnpj)}` : '', storeAddressLine(store)].filter(Boolean).join(' · ')}</div>
      </div>
      <div className={classes.number}>{children}</div>
    </header>
  );
}
