import { create } from 'zustand';
import { useNavigation } from './navigation';

/**
 * `file`: the customer's page (their file from calls.context and the actions); `edit` is the form, opened from
 * the page, and goes back to it.
 */
export type CustomersView = { kind: 'list' } | { kind: 'new' } | { kind: 'file'; id: string } | { kind: 'edit'; id: string };

/** The Clientes area: which view is open and the search text, kept while the clerk opens a customer and comes back. */
interface CustomersState {
  view: CustomersView;
  query: string;
  /** bumped each time the list is asked for, so the search field takes the cursor again */
  focusRequest: number;
  /** bumped when customers change behind the list's back (an import), so the list asks again */
  dataVersion: number;
  customersChanged(): void;
  setQuery(query: string): void;
  showList(): void;
  showNew(): void;
  showFile(id: string): void;
  showEdit(id: string): void;
}

export const useCustomers = create<CustomersState>((set) => ({
  view: { kind: 'list' },
  query: '',
  focusRequest: 0,
  dataVersion: 0,
  customersChanged: () => set((s) => ({ dataVersion: s.dataVersion + 1 })),
  setQuery: (query) => set({ query }),
  showList: () => set((s) => ({ view: { kind: 'list' }, focusRequest: s.focusRequest + 1 })),
  showNew: () => set({ view: { kind: 'new' } }),
  showFile: (id) => set({ view: { kind: 'file', id } }),
  showEdit: (id) => set({ view: { kind: 'edit', id } }),
}));

/**
 * Opens a customer's page in Clientes from anywhere (Painel, Hoje): switches the area and shows that customer's
 * file. Esc on the page goes back to the Clientes list.
 */
export function openCustomerFile(customerId: string): void {
  useCustomers.getState().showFile(customerId);
  useNavigation.getState().go('clientes');
}
