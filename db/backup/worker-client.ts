import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { StoreStats } from './copy-worker.mjs';

/**
 * Runs one job of copy-worker.mjs in a worker thread. The desktop bundle sets EMDIA_BACKUP_WORKER because
 * the bundled main code no longer sits next to this folder.
 */
const workerFile = (): string => process.env.EMDIA_BACKUP_WORKER || fileURLToPath(new URL('./copy-worker.mjs', import.meta.url));

export interface WorkerFailure {
  ok: false;
  code: string;
  message?: string;
}
export interface BackupDone {
  ok: true;
  bytes: number;
  stats: StoreStats;
  extra: { ok: true; file: string } | WorkerFailure | null;
}
export interface InspectDone {
  ok: true;
  emdia: boolean;
  userVersion: number;
  integrity: string;
  bytes: number;
}
export type Progress = { phase: 'copy' | 'verify' | 'extra' | 'done'; percent: number };

interface Ops {
  // `key`: the store's encryption key (db/crypto-key.ts readStoreKey), null for a store without one.
  backup: { args: { source: string; dest: string; extraDest?: string | null; key: string | null }; result: BackupDone | WorkerFailure };
  inspect: { args: { file: string; key: string | null }; result: InspectDone | WorkerFailure };
  restore: { args: { source: string; dest: string; key: string | null }; result: { ok: true } | WorkerFailure };
  quickCheck: { args: { file: string; key: string | null }; result: { ok: true; result: string } | WorkerFailure };
}

const binding = () => process.env.EMDIA_SQLITE_BINDING || undefined;

/** Off the main thread, with progress: the window keeps painting and the counter keeps answering. */
export function runWorker<K extends keyof Ops>(op: K, args: Ops[K]['args'], onProgress?: (p: Progress) => void): Promise<Ops[K]['result']> {
  return new Promise((resolve) => {
    const w = new Worker(workerFile(), { workerData: { emdiaOp: op, args, nativeBinding: binding() } });
    let settled = false;
    w.on('message', (m: { type: string; result?: Ops[K]['result'] } & Progress) => {
      if (m.type === 'progress') onProgress?.({ phase: m.phase, percent: m.percent });
      else if (m.type === 'result' && !settled) {
        settled = true;
        resolve(m.result!);
      }
    });
    w.on('error', (e) => {
      if (!settled) (settled = true), resolve({ ok: false, code: 'WORKER', message: e.message } as Ops[K]['result']);
    });
    w.on('exit', () => {
      if (!settled) (settled = true), resolve({ ok: false, code: 'WORKER', message: 'a cópia parou antes de terminar' } as Ops[K]['result']);
    });
  });
}

const SYNC_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * The same job, but the caller waits (the dispatcher's path is synchronous: a restore, the copy before an
 * import, the CLI). The main thread sleeps on a shared buffer the worker fills with the JSON result.
 */
export function runWorkerSync<K extends keyof Ops>(op: K, args: Ops[K]['args']): Ops[K]['result'] {
  const sab = new SharedArrayBuffer(8 + 256 * 1024);
  const header = new Int32Array(sab, 0, 2);
  const w = new Worker(workerFile(), { workerData: { emdiaOp: op, args, nativeBinding: binding(), sab } });
  w.unref();
  const waited = Atomics.wait(header, 0, 0, SYNC_TIMEOUT_MS);
  if (waited === 'timed-out') {
    void w.terminate();
    return { ok: false, code: 'TIMEOUT', message: 'a cópia demorou demais' } as Ops[K]['result'];
  }
  const text = Buffer.from(new Uint8Array(sab, 8, header[1])).toString('utf8');
  return JSON.parse(text) as Ops[K]['result'];
}
