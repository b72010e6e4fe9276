import { create } from 'zustand';
import type { z } from 'zod';
import type { DashboardDrillResult, DashboardWeeklyResult, dashboardDrill } from '../../../shared/contract/dashboard';
import { ApiCallError, call } from '../../api';
import { parseCustomPeriod, periodFor, type Period, type PeriodChoice } from './period';

export type DrillAsk = Omit<z.infer<typeof dashboardDrill>, 'from' | 'to' | 'limit'>;

/** How many rows the detail panel asks for: enough to read, small enough to stay quick (the total says the rest). */
export const DRILL_LIMIT = 200;

interface DrillState {
  ask: DrillAsk;
  /** what the owner clicked, until the backend's title arrives ("Recebido na semana de 16/11/2026") */
  caption: string;
  status: 'loading' | 'ready' | 'error';
  result: DashboardDrillResult | null;
  error: string | null;
}

/**
 * The Painel's "Semana a semana" tab: the chosen period, the figures, and the open detail list. Kept in a
 * store so leaving Painel for a customer's file and coming back finds the same period and charts.
 */
interface DashboardState {
  choice: PeriodChoice;
  customFrom: string;
  customTo: string;
  customError: { field: 'from' | 'to'; message: string } | null;
  period: Period | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  data: DashboardWeeklyResult | null;
  error: string | null;
  drill: DrillState | null;
  choose(choice: PeriodChoice, today: string): void;
  setCustom(from: string, to: string): void;
  applyCustom(): void;
  load(period?: Period): Promise<void>;
  openDrill(ask: DrillAsk, caption: string): Promise<void>;
  closeDrill(): void;
}

const message = (e: unknown): string => (e instanceof ApiCallError ? e.message : 'Não foi possível montar o painel agora. Tente de novo.');

export const useDashboard = create<DashboardState>((set, get) => ({
  choice: 'w12',
  customFrom: '',
  customTo: '',
  customError: null,
  period: null,
  status: 'idle',
  data: null,
  error: null,
  drill: null,

  choose(choice, today) {
    if (choice === 'custom') return set({ choice, customError: null });
    set({ choice, customError: null });
    void get().load(periodFor(choice, today));
  },

  setCustom: (customFrom, customTo) => set({ customFrom, customTo, customError: null }),

  applyCustom() {
    const r = parseCustomPeriod(get().customFrom, get().customTo);
    if ('message' in r) return set({ customError: r });
    void get().load(r.period);
  },

  async load(period = get().period ?? undefined) {
    if (!period) return;
    set({ period, status: 'loading', error: null });
    try {
      const data = await call<DashboardWeeklyResult>('dashboard.weekly', period);
      // A slower answer for an older period must not replace the newer one.
      if (get().period === period) set({ data, status: 'ready' });
    } catch (e) {
      if (get().period === period) set({ status: 'error', error: message(e) });
    }
  },

  async openDrill(ask, caption) {
    const period = get().period;
    if (!period) return;
    const drill: DrillState = { ask, caption, status: 'loading', result: null, error: null };
    set({ drill });
    try {
      const result = await call<DashboardDrillResult>('dashboard.drill', { ...ask, from: period.from, to: period.to, limit: DRILL_LIMIT });
      if (get().drill === drill) set({ drill: { ...drill, status: 'ready', result } });
    } catch (e) {
      if (get().drill === drill) set({ drill: { ...drill, status: 'error', error: message(e) } });
    }
  },

  closeDrill: () => set({ drill: null }),
}));
