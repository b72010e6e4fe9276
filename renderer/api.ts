import type { MethodName, MethodInput } from '../shared/contract/methods';
import { isErrorResult, type ErrorKind } from '../shared/contract/errors';
import '../shared/bridge';

/**
 * The one way screens talk to the backend (STYLE.md "Data flows one way"). Screens never see transports:
 * in the desktop window the preload bridge carries the call over IPC and the main process keeps the login
 * session; in browser mode we POST to the loopback server with the per-launch token and our session id.
 */

export interface FieldIssue {
  path: string;
  message: string;
}

/** An `{ error }` result from the backend, thrown so screens can `try/catch` and show `message` as-is (pt-BR). */
export class ApiCallError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

const TOKEN_KEY = 'emdia.token';
const SESSION_KEY = 'emdia.session';

// Methods that open or close a session; their results carry (or end) the session id in browser mode.
const OPENS_SESSION = new Set<string>(['session.login', 'setup.store', 'setup.demo']);
const PUBLIC_METHODS = new Set<string>(['setup.status', 'setup.store', 'setup.demo', 'session.users', 'session.login']);

const OFFLINE_MESSAGE = 'Sem conexão com o EmDia. Confira se o programa continua aberto e tente de novo.';
const UNEXPECTED_MESSAGE = 'Erro inesperado. Tente de novo; se continuar, chame o suporte.';

function safeStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Browser mode: the launcher opens `http://127.0.0.1:PORT/#token=XYZ`. The token moves to sessionStorage (it
 * survives a reload of this tab only) and leaves the address bar, so it is not copied along with the URL.
 */
export function captureLaunchToken(): void {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (!match) return;
  safeStorage()?.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

type Transport = (method: string, input: unknown) => Promise<unknown>;

const ipcTransport: Transport = (method, input) => window.emdia!.call(method, input);

const httpTransport: Transport = async (method, input) => {
  const store = safeStorage();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${store?.getItem(TOKEN_KEY) ?? ''}`,
    'Content-Type': 'application/json',
  };
  const session = store?.getItem(SESSION_KEY);
  if (session) headers['X-EmDia-Session'] = session;
  let res: Response;
  try {
    res = await fetch('/api/call', { method: 'POST', headers, body: JSON.stringify({ method, input }) });
  } catch {
    return { error: { kind: 'internal', message: OFFLINE_MESSAGE, issues: [] } };
  }
  try {
    return await res.json();
  } catch {
    return { error: { kind: 'internal', message: UNEXPECTED_MESSAGE, issues: [] } };
  }
};

const transport = (): Transport => (window.emdia ? ipcTransport : httpTransport);

type SessionListener = () => void;
const sessionLostListeners = new Set<SessionListener>();

/** Called when the backend no longer knows our login (it restarted, or the session ended elsewhere). */
export function onSessionLost(listener: SessionListener): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

export function forgetSession(): void {
  safeStorage()?.removeItem(SESSION_KEY);
}

export function hasStoredSession(): boolean {
  return !!safeStorage()?.getItem(SESSION_KEY) || !!window.emdia;
}

const toError = (body: { kind?: ErrorKind; message?: string; issues?: FieldIssue[] }): ApiCallError =>
  new ApiCallError(body.kind ?? 'internal', body.message || UNEXPECTED_MESSAGE, body.issues ?? []);

async function rawCall(method: string, input: unknown): Promise<unknown> {
  try {
    return await transport()(method, input);
  } catch {
    return { error: { kind: 'internal', message: UNEXPECTED_MESSAGE, issues: [] } };
  }
}

/** Calls a backend method; resolves with its result or throws an ApiCallError with a pt-BR message. */
export async function call<T = unknown, M extends MethodName = MethodName>(method: M, input: MethodInput<M> = {} as MethodInput<M>): Promise<T> {
  const result = await rawCall(method, input);
  if (isErrorResult(result)) {
    const error = toError(result.error);
    if (error.kind === 'forbidden' && !PUBLIC_METHODS.has(method)) await checkSessionStillValid(method);
    throw error;
  }
  if (method === 'session.logout') forgetSession();
  if (OPENS_SESSION.has(method) && typeof result === 'object' && result !== null) {
    const sessionId = (result as { sessionId?: unknown }).sessionId;
    if (typeof sessionId === 'string') safeStorage()?.setItem(SESSION_KEY, sessionId);
  }
  return result as T;
}

// "forbidden" means either "not logged in" or "owner only"; asking who we are tells the two apart.
async function checkSessionStillValid(method: string): Promise<void> {
  if (method === 'session.logout') return;
  const me = method === 'session.me' ? { error: {} } : await rawCall('session.me', {});
  if (isErrorResult(me)) {
    forgetSession();
    sessionLostListeners.forEach((l) => l());
  }
}
