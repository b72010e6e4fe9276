import { ApiError } from '../../shared/contract/errors';
import { backupAsync, type BackupRequest, type BackupResult } from './backups';

/** What Configurações shows while a copy runs in the background and after it ends. */
export interface BackupStatus {
  running: boolean;
  reason: BackupRequest['reason'] | null;
  phase: 'copy' | 'verify' | 'extra' | 'done' | null;
  percent: number;
  startedAt: string | null;
  last: { ok: true; result: BackupResult } | { ok: false; message: string; at: string } | null;
}

// One copy at a time per database file, whatever asked for it (the button, the daily copy).
const jobs = new Map<string, { status: BackupStatus; done: Promise<BackupResult | null> }>();

const idle = (): BackupStatus => ({ running: false, reason: null, phase: null, percent: 0, startedAt: null, last: null });

export function backupStatus(file: string): BackupStatus {
  return { ...(jobs.get(file)?.status ?? idle()) };
}

/** Starts a copy off the main thread and answers at once; `backupStatus` follows it. */
export function startBackup(req: BackupRequest): { started: boolean; status: BackupStatus } {
  const current = jobs.get(req.file);
  if (current?.status.running) return { started: false, status: backupStatus(req.file) };
  const status: BackupStatus = { ...idle(), last: current?.status.last ?? null, running: true, reason: req.reason, phase: 'copy', startedAt: req.now.toISOString() };
  const done = backupAsync(req, (p) => {
    status.phase = p.phase;
    status.percent = p.percent;
  }).then(
    (result) => {
      Object.assign(status, { running: false, phase: 'done', percent: 100, last: { ok: true, result } });
      return result;
    },
    (e: unknown) => {
      const message = e instanceof ApiError ? e.message : 'Não foi possível fazer a cópia de segurança.';
      Object.assign(status, { running: false, phase: null, percent: 0, last: { ok: false, message, at: new Date().toISOString() } });
      return null;
    },
  );
  jobs.set(req.file, { status, done });
  return { started: true, status: backupStatus(req.file) };
}

/** Resolves when the running copy (if any) of this file ends; for orderly shutdown and tests. */
export const backupSettled = (file: string): Promise<BackupResult | null> => jobs.get(file)?.done ?? Promise.resolve(null);
