import { create } from 'zustand';
import type { PickedCustomer, SaleDraft } from './sale-draft';

/** A sale just registered, for the success screen. */
export interface DoneSale {
  id: string;
  number: string;
  customerName: string;
  description: string;
  totalCents: number;
  downPaymentCents: number;
  installments: { number: number; dueDate: string; amountCents: number }[];
}

export type SalesView = { kind: 'form' } | { kind: 'done'; sale: DoneSale } | { kind: 'print'; sale: DoneSale };

/**
 * The Vendas area: the form's draft (kept while the clerk looks something up in Clientes and comes back),
 * the success screen, and the carnê's print view. `startFor` opens a new sale for a customer chosen elsewhere.
 */
interface SalesState {
  view: SalesView;
  /** null until the form first opens (it needs the store's "today" for the default first due date) */
  draft: SaleDraft | null;
  /** a customer to preselect on the next new form */
  preselect: PickedCustomer | null;
  /** bumped to ask the form to start over (new key, cursor back to the customer) */
  formRun: number;
  setDraft(draft: SaleDraft | null): void;
  showDone(sale: DoneSale): void;
  showPrint(): void;
  closePrint(): void;
  newSale(customer?: PickedCustomer | null): void;
  /** F5 / the sidebar: back to the form after a finished sale; a draft in progress stays as it is */
  open(): void;
}

export const useSales = create<SalesState>((set, get) => ({
  view: { kind: 'form' },
  draft: null,
  preselect: null,
  formRun: 0,
  setDraft: (draft) => set({ draft }),
  showDone: (sale) => set({ view: { kind: 'done', sale }, draft: null }),
  showPrint: () => {
    const v = get().view;
    if (v.kind === 'done') set({ view: { kind: 'print', sale: v.sale } });
  },
  closePrint: () => {
    const v = get().view;
    if (v.kind === 'print') set({ view: { kind: 'done', sale: v.sale } });
  },
  newSale: (customer = null) => set((s) => ({ view: { kind: 'form' }, draft: null, preselect: customer, formRun: s.formRun + 1 })),
  open: () => {
    if (get().view.kind !== 'form') get().newSale();
  },
}));

/** Opens Vendas with a new sale for this customer (e.g. from the customer's page). */
export const startSaleFor = (customer: PickedCustomer) => useSales.getState().newSale(customer);
