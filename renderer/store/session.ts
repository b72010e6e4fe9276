import { create } from 'zustand';
import { call, forgetSession, hasStoredSession, ApiCallError } from '../api';

export type Role = 'clerk' | 'owner';
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
}

/** Where the app is: deciding, first start, picking a user, or working. */
export type Phase = 'loading' | 'setup' | 'login' | 'app' | 'offline';

interface SessionState {
  phase: Phase;
  storeName: string | null;
  user: SessionUser | null;
  /** the store's "today" as the backend sees it (YYYY-MM-DD) */
  today: string | null;
  /** a pt-BR sentence shown on the first screen when the backend cannot be reached */
  problem: string | null;
  boot(): Promise<void>;
  /** after `session.login` or `setup.store`: confirm with the backend who we are and open the app */
  enter(): Promise<void>;
  logout(): Promise<void>;
  /** the backend forgot us (restart): back to the login screen */
  sessionLost(): void;
}

interface Me {
  user: SessionUser | null;
  storeName: string;
  today: string;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  storeName: null,
  user: null,
  today: null,
  problem: null,

  async boot() {
    try {
      const status = await call<{ configured: boolean; storeName: string | null; hasUsers: boolean }>('setup.status', {});
      if (!status.configured && !status.hasUsers) return set({ phase: 'setup', storeName: null, problem: null });
      set({ storeName: status.storeName, problem: null });
      if (hasStoredSession() && (await tryMe(set))) return;
      set({ phase: 'login', user: null });
    } catch (e) {
      set({ phase: 'offline', problem: e instanceof ApiCallError ? e.message : 'Não foi possível abrir o EmDia.' });
    }
  },

  async enter() {
    if (!(await tryMe(set))) set({ phase: 'login', user: null });
  },

  async logout() {
    try {
      await call('session.logout', {});
    } catch {
      // Leaving must always work, even if the backend already forgot the session.
    }
    forgetSession();
    set({ phase: 'login', user: null });
  },

  sessionLost() {
    if (get().phase === 'app') set({ phase: 'login', user: null });
  },
}));

async function tryMe(set: (s: Partial<SessionState>) => void): Promise<boolean> {
  try {
    const me = await call<Me>('session.me', {});
    if (!me.user) return false;
    set({ phase: 'app', user: me.user, storeName: me.storeName, today: me.today });
    return true;
  } catch {
    return false;
  }
}
