import { create } from 'zustand';

export type CustomersView = { kind: 'list' } | { kind: 'new' } | { kind: 'edit'; id: string };

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
  showEdit: (id) => set({ view: { kind: 'edit', id } }),
}));
