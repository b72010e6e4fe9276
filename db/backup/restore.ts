import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../../shared/contract/errors';
import { loadMigrations, migrate } from '../migrate';
import { backupSync, backupsDir, type BackupResult } from './backups';
import { runWorkerSync } from './worker-client';
import { readStoreKey } from '../crypto-key';

/** A bare name means a copy in the backups folder (or the extra folder); a full path is taken as is. */
export function resolveBackupFile(dbFile: string, file: string, extraFolder = ''): string {
  if (isAbsolute(file)) return file;
  const inMain = join(backupsDir(dbFile), file);
  if (existsSync(inMain) || !extraFolder.trim()) return inMain;
  return join(extraFolder.trim(), file);
}

/**
 * Checks, before anything changes, that a file is an EmDia copy this version can open and that it is whole.
 * Bad input (API.md / issue "Bad input") gets a clear pt-BR message and the current database stays untouched.
 */
export function assertRestorable(dbFile: string, file: string): { userVersion: number } {
  const path = 'file';
  if (resolve(file) === resolve(dbFile)) throw new ApiError('validation', 'Este é o próprio banco de dados em uso, não uma cópia de segurança.', [{ path, message: 'Escolha uma cópia de segurança.' }]);
  if (!existsSync(file)) throw new ApiError('not_found', 'Cópia de segurança não encontrada. Confira o nome ou a pasta.', [{ path, message: 'Arquivo não encontrado.' }]);
  if (!statSync(file).isFile()) throw new ApiError('validation', 'Isto é uma pasta, não uma cópia de segurança.', [{ path, message: 'Escolha um arquivo.' }]);
  const r = runWorkerSync('inspect', { file, key: readStoreKey(dbFile) });
  if (!r.ok) {
    if (r.code === 'SQLITE_NOTADB') {
      throw new ApiError('validation', 'Este arquivo não é uma cópia de segurança do EmDia, ou foi criptografado com a chave de outro computador.', [{ path, message: 'Arquivo não reconhecido.' }]);
    }
    if (r.code === 'SQLITE_CORRUPT') throw new ApiError('conflict', 'Esta cópia de segurança está danificada e não pode ser restaurada. Escolha outra.', [{ path, message: 'Cópia danificada.' }]);
    if (r.code === 'ENOENT') throw new ApiError('not_found', 'Cópia de segurança não encontrada.', [{ path, message: 'Arquivo não encontrado.' }]);
    throw new ApiError('conflict', 'Não foi possível ler esta cópia de segurança (sem permissão ou arquivo em uso). Escolha outra ou tente de novo.', [{ path, message: r.code }]);
  }
  if (!r.emdia) throw new ApiError('validation', 'Este arquivo não é uma cópia de segurança do EmDia.', [{ path, message: 'Arquivo não reconhecido.' }]);
  if (r.userVersion > loadMigrations().length) {
    throw new ApiError('conflict', 'Esta cópia foi feita por uma versão mais nova do EmDia. Atualize o EmDia neste computador antes de restaurá-la.', [{ path, message: 'Versão mais nova.' }]);
  }
  if (r.integrity !== 'ok') throw new ApiError('conflict', 'Esta cópia de segurança está danificada e não pode ser restaurada. Escolha outra.', [{ path, message: 'Cópia danificada.' }]);
  return { userVersion: r.userVersion };
}

export interface RestoreResult {
  ok: true;
  restoredFrom: string;
  /** the verified copy of the database as it was just before: restoring it undoes this restore */
  undoFile: string;
}

/**
 * Restores a copy into the open store. First a verified copy of the current data (the undo), then the worker
 * replaces the live file's contents under its write lock (for an encrypted store, schema and rows in one
 * transaction; for a plain one, SQLite's backup API), so this connection and any other (a CLI call) see the
 * old store or the restored one, never a mix. An older copy is then migrated.
 * Must run outside any transaction of `sqlite`.
 */
export function restoreInto(store: { sqlite: Database.Database; file: string }, source: string, opts: { now: Date; timeZone: string; extraFolder?: string }): RestoreResult {
  assertRestorable(store.file, source);
  let undo: BackupResult;
  try {
    undo = backupSync({ file: store.file, reason: 'antes-de-restaurar', now: opts.now, timeZone: opts.timeZone, extraFolder: opts.extraFolder });
  } catch (e) {
    const why = e instanceof ApiError ? e.message : '';
    throw new ApiError('conflict', `Antes de restaurar, o EmDia guarda uma cópia dos dados atuais, e ela não deu certo. Nada foi mudado. ${why}`.trim());
  }
  const r = runWorkerSync('restore', { source, dest: store.file, key: readStoreKey(store.file) });
  if (!r.ok) {
    const full = r.code === 'SQLITE_FULL' || r.code === 'ENOSPC';
    throw new ApiError('conflict', full ? 'O disco está cheio e a restauração não coube. Os dados atuais não foram alterados.' : 'Não foi possível restaurar agora (o banco está ocupado). Os dados atuais não foram alterados. Tente de novo.');
  }
  migrate(store.sqlite, store.file);
  return { ok: true, restoredFrom: source, undoFile: undo.file };
}
