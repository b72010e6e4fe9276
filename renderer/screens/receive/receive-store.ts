import { create } from 'zustand';
import type { ProfileKind } from '../../../shared/ui-format/profile';

/** The customer at the counter, as the search found them. */
export interface CounterCustomer {
  id: string;
  name: string;
  cpf: string;
  profile?: ProfileKind;
  profileReasons?: string[];
}

/** What the success panel shows once the payment is recorded. */
export interface ReceivedPayment {
  id: string;
  receiptNumber: string;
  amountCents: number;
  method: 'cash' | 'pix' | 'card' | 'transfer';
  /** cash handed over minus the amount received; never recorded as a payment */
  changeCents: number;
}

export type ReceiptFormat = 'a4' | '80mm';

export type ReceiveView =
  | { kind: 'find' }
  | { kind: 'pay'; customer: CounterCustomer }
  | { kind: 'done'; customer: CounterCustomer; payment: ReceivedPayment }
  /** the extrato; `back` is where Esc returns to */
  | { kind: 'account'; customer: CounterCustomer; back: 'find' | 'pay' | 'clientes' };

/**
 * The Receber area: find the customer, receive, see the receipt; and the customer's extrato, which also opens
 * from Clientes. Kept in a store so leaving the area and coming back finds the work as it was left.
 */
interface ReceiveState {
  view: ReceiveView;
  query: string;
  /** the receipt being shown for printing, over whatever view is on screen */
  printing: { paymentId: string; format: ReceiptFormat } | null;
  /** bumped when the search is asked for again, so its field takes the cursor */
  focusRequest: number;
  setQuery(query: string): void;
  find(): void;
  pay(customer: CounterCustomer): void;
  done(customer: CounterCustomer, payment: ReceivedPayment): void;
  account(customer: CounterCustomer, back: 'find' | 'pay' | 'clientes'): void;
  print(paymentId: string, format: ReceiptFormat): void;
  closePrint(): void;
  /** picking the area again: a finished receipt or an extrato gives way to a new search; a payment half typed stays */
  onAreaOpen(): void;
}

export const useReceive = create<ReceiveState>((set, get) => ({
  view: { kind: 'find' },
  query: '',
  printing: null,
  focusRequest: 0,
  setQuery: (query) => set({ query }),
  find: () => set((s) => ({ view: { kind: 'find' }, printing: null, focusRequest: s.focusRequest + 1 })),
  pay: (customer) => set({ view: { kind: 'pay', customer }, printing: null }),
  done: (customer, payment) => set({ view: { kind: 'done', customer, payment } }),
  account: (customer, back) => set({ view: { kind: 'account', customer, back }, printing: null }),
  print: (paymentId, format) => set({ printing: { paymentId, format } }),
  closePrint: () => set({ printing: null }),
  onAreaOpen: () => {
    const { view } = get();
    if (view.kind === 'done' || view.kind === 'account') get().find();
    else set((s) => ({ focusRequest: s.focusRequest + 1 }));
  },
}));
