import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { openStore, closeStore, type Store } from '../open';
import { readStoreKey } from '../crypto-key';
import type { Clock } from '../clock';
import { createDispatcher, toErrorBody, type Caller, type WireResult } from '../api/dispatcher';
import { ApiError } from '../../shared/contract/errors';
import { backupsDir, latestGoodBackup, listBackups } from '../backup/backups';
import { assertRestorable, resolveBackupFile } from '../backup/restore';
import { startDailyBackup } from '../backup/daily';
import { startBackgroundCheck } from './background';
import { cheapSchemaCheck, diagnose, headerProblem, type StartProblem } from './startup';

/**
 * What the desktop window and the browser mode hold instead of a bare store: the real dispatcher when the
 * data file opened, or — when it is damaged, cut short, locked, unreadable or the disk is full — a small
 * dispatcher that explains the problem (`health.status`) and restores the latest good copy (`health.restore`).
 * Never a crash, a stack trace or a blank window.
 */
export interface GuardedBackend {
  dispatch(method: string, input: unknown, caller: Caller): WireResult;
  close(): void;
  dbPath: string;
  /** the open store, or null while the file is damaged */
  store(): Store | null;
  problem(): StartProblem | null;
}

export interface GuardedOptions {
  dbPath: string;
  nativeBinding?: string;
  clock: Clock;
  /** the daily copy and the background page check (off in tests that want a quiet store) */
  background?: boolean;
}

export function openGuarded(opts: GuardedOptions): GuardedBackend {
  let store: Store | null = null;
  let dispatcher: ReturnType<typeof createDispatcher>['dispatch'] | null = null;
  let trouble: StartProblem | null = null;

  const tryOpen = (): void => {
    try {
      trouble = headerProblem(opts.dbPath, listBackups(opts.dbPath).length > 0, readStoreKey(opts.dbPath));
    } catch (e) {
      trouble = diagnose(e);
    }
    if (trouble) return;
    let s: Store | null = null;
    try {
      s = openStore(opts.dbPath, { nativeBinding: opts.nativeBinding });
      cheapSchemaCheck(s);
    } catch (e) {
      if (s) closeStore(s);
      trouble = diagnose(e);
      console.error('[emdia] the data file did not open:', trouble.kind, trouble.detail);
      return;
    }
    store = s;
    dispatcher = createDispatcher(s, opts.clock).dispatch;
    if (opts.background !== false) {
      startDailyBackup(s, opts.clock.now());
      void startBackgroundCheck(opts.dbPath);
    }
  };

  const status = () => {
    const latest = latestGoodBackup(opts.dbPath);
    return { ok: false, problem: trouble, file: opts.dbPath, latestBackup: latest && { file: latest.file, at: latest.at, bytes: latest.bytes } };
  };

  function damaged(method: string, input: unknown): WireResult {
    try {
      if (method === 'health.status') {
        // A lock or a full disk may have cleared, a file may have been put back: every look tries again (cheap).
        if (trouble) tryOpen();
        return trouble ? status() : { ok: true, check: { state: 'pending', at: null, message: null } };
      }
      if (method === 'health.restore') {
        const wanted = (input as { file?: unknown } | null)?.file;
        const latest = latestGoodBackup(opts.dbPath);
        const file = typeof wanted === 'string' && wanted ? resolveBackupFile(opts.dbPath, wanted) : latest?.file;
        if (!file) throw new ApiError('not_found', 'Não há cópia de segurança verificada neste computador. Chame o suporte: o arquivo danificado foi mantido como está.');
        replaceDamagedFile(opts.dbPath, file);
        tryOpen();
        if (trouble) throw new ApiError('conflict', 'A cópia foi colocada no lugar, mas o arquivo ainda não abriu. Chame o suporte.');
        return { ok: true, restoredFrom: file };
      }
      const t = trouble as StartProblem | null;
      return { error: { kind: 'conflict', message: `${t?.title ?? 'Arquivo de dados indisponível'}. Veja as opções na tela inicial do EmDia.`, issues: [] } };
    } catch (e) {
      return { error: toErrorBody(e) };
    }
  }

  tryOpen();
  return {
    dispatch: (method, input, caller) => (dispatcher && !trouble ? dispatcher(method, input, caller) : damaged(method, input)),
    close: () => {
      // A copy still running has its own connection; if the process ends first it leaves only a `.parcial` file.
      if (store) closeStore(store);
      store = null;
      dispatcher = null;
    },
    dbPath: opts.dbPath,
    store: () => store,
    problem: () => trouble,
  };
}

/**
 * The damaged file is kept, renamed into backups/danificados/ (support may still recover something); the
 * verified copy — a finished file, not a live database, so a plain copy is safe — takes its place.
 */
export function replaceDamagedFile(dbFile: string, backupFile: string): void {
  assertRestorable(dbFile, backupFile);
  // The copy lands beside first: if it does not fit, the damaged file is still where it was.
  const tmp = `${dbFile}.restaurando`;
  try {
    copyFileSync(backupFile, tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    const full = (e as { code?: string }).code === 'ENOSPC';
    throw new ApiError('conflict', full ? 'O disco está cheio e a cópia não coube. Libere espaço e tente de novo.' : 'Não foi possível colocar a cópia no lugar. Tente de novo; se continuar, chame o suporte.');
  }
  const aside = join(backupsDir(dbFile), 'danificados');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  try {
    mkdirSync(aside, { recursive: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) {
      const f = dbFile + suffix;
      if (existsSync(f)) renameSync(f, join(aside, `${basename(dbFile)}.${stamp}${suffix}`));
    }
    renameSync(tmp, dbFile);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new ApiError('conflict', 'O arquivo danificado está em uso por outro programa e não pôde ser trocado. Feche outros programas (ou reinicie o computador) e tente de novo.', [
      { path: 'file', message: String((e as { code?: string }).code ?? '') },
    ]);
  }
}
