import { create } from 'zustand';
import { call, ApiCallError } from '../../api';
import { DEFAULT_TIME_ZONE } from '../../../shared/dates';
import type { QueueItem, QueueResult, RemindersList } from './today-types';

type Status = 'loading' | 'ready' | 'error';

/**
 * The Hoje area (F4): the day's short list, the promises due today and the reminders to send, read together
 * when the clerk opens the area. Kept in a store so that going to Receber and back finds the morning's work as
 * it was: what was already recorded stays marked on its row until the list is asked for again.
 */
interface TodayState {
  status: Status;
  error: string;
  queue: QueueResult | null;
  reminders: RemindersList | null;
  /** reminders.list failed while the list itself came: the list still shows, the reminders say why not */
  remindersError: string | null;
  /** the reminders are asked for after the list: true until they arrive */
  remindersLoading: boolean;
  timeZone: string;
  /** customerId → the outcome label recorded from this screen since the list was built */
  recorded: Record<string, string>;
  /** the customer whose call result is being recorded */
  recording: QueueItem | null;
  /** the folha curta is open over the screen */
  printing: boolean;
  load(): Promise<void>;
  markRecorded(customerId: string, label: string): void;
  /** after a send: the backend's own record of what went out (its clock, its sentAt), or `at` if it cannot say */
  afterSend(key: string, at: string): Promise<void>;
  openRecord(item: QueueItem): void;
  closeRecord(): void;
  setPrinting(open: boolean): void;
}

const message = (e: unknown, fallback: string) => (e instanceof ApiCallError ? e.message : fallback);

let inflight: Promise<void> | null = null;

export const useToday = create<TodayState>((set) => {
  async function loadNow(): Promise<void> {
    set((s) => ({ status: s.queue ? s.status : 'loading', error: '' }));
    // The list first: the clerk can start calling while the régua's reminders (thousands of candidates on a
    // chain-sized store, about a second) are still being prepared. The backend answers one call at a time, so
    // asking for the reminders only after the list keeps them from holding it up.
    const [queue, settings] = await Promise.allSettled([
      call<QueueResult>('queue.build', {}),
      call<{ store?: { timeZone?: string } }>('settings.get', {}),
    ]);
    if (settings.status === 'fulfilled' && settings.value.store?.timeZone) set({ timeZone: settings.value.store.timeZone });
    if (queue.status === 'rejected') {
      set({ status: 'error', error: message(queue.reason, 'Não foi possível montar a lista de hoje.'), queue: null });
      return;
    }
    set({ status: 'ready', queue: queue.value, recorded: {}, remindersLoading: true });
    try {
      set({ reminders: await call<RemindersList>('reminders.list', {}), remindersError: null, remindersLoading: false });
    } catch (e) {
      set({ reminders: null, remindersError: message(e, 'Não foi possível ler os lembretes de hoje.'), remindersLoading: false });
    }
  }

  /** Marks a message as sent on screen only, when the backend cannot be asked again. */
  function markSent(key: string, at: string) {
    set((s) => {
      if (!s.reminders) return {};
      return {
        reminders: {
          ...s.reminders,
          reminders: s.reminders.reminders.map((r) => (r.key === key ? { ...r, sentAt: at } : r)),
          thankYous: s.reminders.thankYous.filter((t) => t.key !== key),
        },
      };
    });
  }

  return {
    status: 'loading',
    error: '',
    queue: null,
    reminders: null,
    remindersError: null,
    remindersLoading: false,
    timeZone: DEFAULT_TIME_ZONE,
    recorded: {},
    recording: null,
    printing: false,

    load() {
      // Opening the area asks (areas.ts onOpen) and so does the screen when it mounts: one request serves both.
      inflight ??= loadNow().finally(() => (inflight = null));
      return inflight;
    },

    markRecorded: (customerId, label) => set((s) => ({ recorded: { ...s.recorded, [customerId]: label } })),

    async afterSend(key, at) {
      try {
        set({ reminders: await call<RemindersList>('reminders.list', {}) });
      } catch {
        markSent(key, at);
      }
    },

    openRecord: (item) => set({ recording: item }),
    closeRecord: () => set({ recording: null }),
    setPrinting: (printing) => set({ printing }),
  };
});
