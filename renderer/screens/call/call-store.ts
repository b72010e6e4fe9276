import { create } from 'zustand';
import type { QueueItem } from '../today/today-types';

/**
 * The calling session (issue 7 §7): the day's list the clerk works through, one customer at a time, and the
 * tally the summary shows at the end. Treino (practice) lives here too, apart: it never touches the tally.
 */
export interface SessionTally {
  /** calls recorded (every outcome, answered or not) */
  calls: number;
  /** calls in which the customer answered (CONVERSATION_OUTCOMES) */
  conversations: number;
  promises: number;
  promisedCents: number;
  agreements: number;
  discountCents: number;
}

export type CallMode = 'list' | 'call' | 'summary' | 'practice';

interface CallState {
  mode: CallMode;
  items: QueueItem[];
  index: number;
  tally: SessionTally;
  /** customerId → the outcome recorded in this session */
  recorded: Record<string, string>;
  start(items: QueueItem[]): void;
  next(): void;
  end(): void;
  close(): void;
  practice(): void;
  record(customerId: string, label: string, add: Partial<SessionTally>): void;
}

export const EMPTY_TALLY: SessionTally = { calls: 0, conversations: 0, promises: 0, promisedCents: 0, agreements: 0, discountCents: 0 };

export const useCall = create<CallState>((set, get) => ({
  mode: 'list',
  items: [],
  index: 0,
  tally: EMPTY_TALLY,
  recorded: {},
  start: (items) => set({ mode: items.length ? 'call' : 'list', items, index: 0, tally: EMPTY_TALLY, recorded: {} }),
  next: () => {
    const { index, items } = get();
    if (index + 1 < items.length) set({ index: index + 1 });
    else set({ mode: 'summary' });
  },
  end: () => set({ mode: 'summary' }),
  close: () => set({ mode: 'list', items: [], index: 0 }),
  practice: () => set({ mode: 'practice' }),
  record: (customerId, label, add) =>
    set((s) => {
      const tally = { ...s.tally };
      for (const [k, v] of Object.entries(add) as [keyof SessionTally, number][]) tally[k] += v;
      return { tally, recorded: { ...s.recorded, [customerId]: label } };
    }),
}));
