// The worker thread behind electron/heavy-dispatch.ts: its own connection to the store (WAL lets it read while
// the main thread writes) and its own dispatcher, so a heavy report is validated, authorized and answered by
// the same code as every other call. No 'electron' import: a worker thread has none, and the Node tests run it.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore, closeStore, type Store } from '../db/open';
import { createDispatcher } from '../db/api/dispatcher';
import { setKeyProtector } from '../db/crypto-key';
import { systemClock, type Clock } from '../db/clock';
import type { UserPublic } from '../shared/contract/people';

export interface HeavyWorkerData {
  dbPath: string;
  nativeBinding?: string;
  /** the store's key as the main thread unwrapped it (safeStorage exists only there); null for a plain file */
  keyHex: string | null;
  /** a frozen clock for tests (ISO instant); the app uses the system clock */
  fixedNow?: string | null;
}
export interface HeavyRequest {
  id: number;
  method: string;
  input: unknown;
  /** who asked, as the main thread's session knows them */
  actor: UserPublic;
}
export interface HeavyReply {
  id: number;
  result: unknown;
}

const data = workerData as HeavyWorkerData;
if (data.keyHex) {
  // The key file may be protected by the operating system, which only the main thread can ask: hand the
  // already unwrapped key to db/crypto-key.ts. This worker never makes a new key.
  const hex = data.keyHex;
  setKeyProtector({
    name: 'safeStorage',
    protect: () => {
      throw new Error('the heavy-read worker never writes a key');
    },
    unprotect: () => Buffer.from(hex, 'utf8'),
  });
}
if (data.nativeBinding) process.env.EMDIA_SQLITE_BINDING = data.nativeBinding;
const clock: Clock = data.fixedNow ? { now: () => new Date(data.fixedNow!) } : systemClock;

let store: Store | null = null;
let dispatcher: ReturnType<typeof createDispatcher> | null = null;
/** one worker-side session per person, so the dispatcher checks their role exactly as in the main thread */
const sessionOf = new Map<string, string>();

function open(): ReturnType<typeof createDispatcher> {
  if (!dispatcher) {
    store = openStore(data.dbPath, { nativeBinding: data.nativeBinding });
    dispatcher = createDispatcher(store, clock);
  }
  return dispatcher;
}

parentPort!.on('message', (req: HeavyRequest | { close: true }) => {
  if ('close' in req) {
    if (store) closeStore(store);
    store = null;
    dispatcher = null;
    parentPort!.close();
    return;
  }
  let result: unknown;
  try {
    const d = open();
    const key = `${req.actor.id}:${req.actor.role}:${req.actor.name}`;
    let sessionId = sessionOf.get(key);
    if (!sessionId) sessionOf.set(key, (sessionId = d.sessions.open(req.actor)));
    result = d.dispatch(req.method, req.input, { transport: 'ipc', sessionId });
  } catch (e) {
    // The dispatcher answers its own errors; a throw here is the file failing to open.
    console.error('[emdia] heavy-read worker:', e);
    result = { error: { kind: 'internal', message: 'Erro inesperado. Nada foi gravado. Tente de novo; se continuar, chame o suporte.', issues: [] } };
  }
  parentPort!.postMessage({ id: req.id, result } satisfies HeavyReply);
});
