// Pure session bookkeeping for IPC calls; no 'electron' import, so Node tests can exercise it.

export interface IpcCaller {
  transport: 'ipc';
  sessionId?: string | null;
}
export type Dispatch = (method: string, input: unknown, caller: IpcCaller) => unknown;

export const UNEXPECTED_ERROR = {
  error: { kind: 'internal', message: 'Erro inesperado. Tente de novo; se continuar, chame o suporte.', issues: [] },
} as const;

const LOGIN_METHODS = new Set(['session.login', 'setup.store', 'setup.demo']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Remembers one session per window (keyed by webContents id) so the token never has to live in the page:
 * a script injected into the renderer cannot read what it was never given.
 */
export function createSessionRouter(dispatch: Dispatch) {
  const sessions = new Map<number, string>();

  async function call(senderId: number, method: unknown, input: unknown): Promise<unknown> {
    if (typeof method !== 'string') {
      return { error: { kind: 'validation', message: 'Chamada inválida.', issues: [] } };
    }
    try {
      const result = await dispatch(method, input, { transport: 'ipc', sessionId: sessions.get(senderId) ?? null });
      if (method === 'session.logout') sessions.delete(senderId);
      // Setting up the store (or opening the demo) logs its owner in, just like a login.
      if (LOGIN_METHODS.has(method) && isObject(result) && typeof result.sessionId === 'string') {
        sessions.set(senderId, result.sessionId);
        const { sessionId: _kept, ...rest } = result;
        return rest;
      }
      return result;
    } catch (e) {
      // The dispatcher returns its errors as values; a throw here is a bug. Log it for support, and give
      // the screen a plain sentence instead of a stack trace (STYLE.md practice 12).
      console.error(`[emdia] ${method} failed:`, e);
      if (method === 'session.logout') sessions.delete(senderId);
      return UNEXPECTED_ERROR;
    }
  }

  /** When a window goes away its session ends too, so it cannot be reused by anything later. */
  async function forget(senderId: number): Promise<void> {
    const sessionId = sessions.get(senderId);
    if (!sessionId) return;
    sessions.delete(senderId);
    try {
      await dispatch('session.logout', {}, { transport: 'ipc', sessionId });
    } catch {
      // Best effort: the app may be closing the backend at the same moment.
    }
  }

  return { call, forget, hasSession: (senderId: number) => sessions.has(senderId) };
}
