// The desktop host's dispatch: ordinary calls run in the main thread as before (a few milliseconds, and the
// writes keep their one connection and transaction); the heavy reads of electron/heavy-methods.ts go to a worker
// thread with its own connection, so the main thread never waits on a long query (issue "Speed at scale": no
// synchronous database call in the main process over 50 ms). No 'electron' import: Node tests run it.
import { Worker } from 'node:worker_threads';
import { readStoreKey } from '../db/crypto-key';
import { isErrorResult } from '../shared/contract/errors';
import type { UserPublic } from '../shared/contract/people';
import { isHeavy, RESET_AFTER } from './heavy-methods';
import type { HeavyReply, HeavyRequest, HeavyWorkerData } from './heavy-worker';
import type { Dispatch, IpcCaller } from './session-router';

export interface HeavyDispatchOptions {
  dbPath: string;
  /** the main thread's dispatch (the guarded backend): every call that is not heavy, and the session check */
  dispatch: Dispatch;
  /** the worker's file: dist-electron/heavy-worker.cjs in the app; electron/heavy-worker.ts under tsx in tests */
  workerFile: string;
  execArgv?: string[];
  nativeBinding?: string;
  fixedNow?: string | null;
}

const INTERNAL = { error: { kind: 'internal', message: 'Erro inesperado. Nada foi gravado. Tente de novo; se continuar, chame o suporte.', issues: [] } } as const;

export function createHeavyDispatch(opts: HeavyDispatchOptions) {
  let worker: Worker | null = null;
  let nextId = 1;
  let served = 0;
  /** pending answers, by request id, with the worker that has them */
  const waiting = new Map<number, { w: Worker; done: (r: unknown) => void }>();

  const failPending = (w: Worker | null) => {
    for (const [id, p] of waiting) {
      if (w && p.w !== w) continue;
      waiting.delete(id);
      p.done(INTERNAL);
    }
  };

  function start(): Worker {
    if (worker) return worker;
    const data: HeavyWorkerData = { dbPath: opts.dbPath, nativeBinding: opts.nativeBinding, keyHex: readStoreKey(opts.dbPath), fixedNow: opts.fixedNow ?? null };
    const w = new Worker(opts.workerFile, { workerData: data, execArgv: opts.execArgv });
    w.on('message', (m: HeavyReply) => {
      served++;
      waiting.get(m.id)?.done(m.result);
      waiting.delete(m.id);
    });
    w.on('error', (e) => console.error('[emdia] heavy-read worker stopped:', e));
    w.on('exit', () => {
      // A crash answers what was pending; the next heavy call starts a new worker.
      if (worker === w) worker = null;
      failPending(w);
    });
    w.unref(); // an idle worker never keeps the app from quitting
    return (worker = w);
  }

  /** Stops the worker (its connection closes); the next heavy call opens a new one. */
  function reset(): void {
    const w = worker;
    worker = null;
    if (!w) return;
    w.postMessage({ close: true });
    // Pending answers still arrive before it exits; a stuck worker is ended after a while.
    setTimeout(() => void w.terminate(), 10_000).unref();
  }

  function dispatch(method: string, input: unknown, caller: IpcCaller): unknown {
    if (!isHeavy(method, input)) {
      const result = opts.dispatch(method, input, caller);
      if (RESET_AFTER.has(method) && !isErrorResult(result)) reset();
      return result;
    }
    // Who is asking, from the main thread's sessions (cheap); the worker's dispatcher then checks the role and
    // the input exactly as the main one would.
    const me = opts.dispatch('session.me', {}, caller);
    if (isErrorResult(me)) return me;
    const actor = (me as { user: UserPublic | null }).user;
    if (!actor) return { error: { kind: 'forbidden', message: 'Entre com seu usuário e PIN para continuar.', issues: [{ path: 'session', message: 'Sessão encerrada.' }] } };
    return new Promise((resolve) => {
      const id = nextId++;
      try {
        const w = start();
        waiting.set(id, { w, done: resolve });
        w.postMessage({ id, method, input, actor } satisfies HeavyRequest);
      } catch (e) {
        // input that cannot be cloned to a thread (never from IPC, which already cloned it)
        waiting.delete(id);
        console.error('[emdia] heavy call not sent:', e);
        resolve(INTERNAL);
      }
    });
  }

  return {
    dispatch,
    reset,
    /** how many calls the worker answered (tests and diagnostics) */
    served: () => served,
    close: async () => {
      const w = worker;
      worker = null;
      failPending(null);
      if (w) await w.terminate();
    },
  };
}
