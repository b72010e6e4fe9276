import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { ApiError } from '../../shared/contract/errors';
import { todayIn } from '../../shared/dates';
import { addAndRotate, readManifest, type BackupEntry, type BackupReason } from './manifest';
import { readStoreKey } from '../crypto-key';
import { runWorker, runWorkerSync, type BackupDone, type Progress, type WorkerFailure } from './worker-client';

/** The copies live beside the database file, in `backups/` (the pre-migration copies already go there). */
export const backupsDir = (dbFile: string): string => join(dirname(resolve(dbFile)), 'backups');

export interface BackupRequest {
  /** the live database file */
  file: string;
  reason: BackupReason;
  now: Date;
  timeZone: string;
  /** the owner's second folder (a pen drive); '' for none */
  extraFolder?: string;
}

export interface BackupResult {
  ok: true;
  file: string;
  bytes: number;
  verified: true;
  at: string;
  /** the pen drive: copied, or why not (never a failure of the backup itself) */
  extra: { ok: boolean; file?: string; message?: string } | null;
}

/** `emdia-20261123-153012-manual.db`, in the store's clock so the owner recognises the time. */
function copyName(file: string, now: Date, timeZone: string, reason: BackupReason): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const base = basename(file).replace(/\.(db|sqlite3?)$/i, '');
  return `${base}-${parts.year}${parts.month}${parts.day}-${parts.hour}${parts.minute}${parts.second}-${reason}.db`;
}

interface Plan {
  dir: string;
  name: string;
  dest: string;
  extraDir: string | null;
  extraDest: string | null;
  extraProblem: string | null;
}

function plan(req: BackupRequest): Plan {
  const dir = backupsDir(req.file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw failure({ ok: false, code: (e as { code?: string }).code ?? 'EACCES', message: String(e) }, dir);
  }
  // A copy cut short by the app closing leaves a `.parcial` file, never a copy; an hour old, nobody is writing it.
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.parcial') && Date.now() - statSync(join(dir, f)).mtimeMs > 3600_000) rmSync(join(dir, f), { force: true });
  }
  let name = copyName(req.file, req.now, req.timeZone, req.reason);
  // Two copies in the same second (a test, a double click): never overwrite a verified copy.
  for (let i = 2; existsSync(join(dir, name)); i++) name = name.replace(/(-\d+)?\.db$/, `-${i}.db`);
  const folder = req.extraFolder?.trim() ?? '';
  let extraDir: string | null = null;
  let extraProblem: string | null = null;
  if (folder) {
    // A pen drive that is not plugged in today is normal: the copy stays in the main folder.
    if (!isAbsolute(folder)) extraProblem = 'A pasta extra precisa ser um caminho completo (ex.: E:\\Backups).';
    else if (!existsSync(folder) || !statSync(folder).isDirectory()) extraProblem = `A pasta extra ${folder} não está disponível agora (pen drive desconectado?). A cópia ficou só na pasta principal.`;
    else extraDir = folder;
  }
  return { dir, name, dest: join(dir, name), extraDir, extraDest: extraDir ? join(extraDir, name) : null, extraProblem };
}

/** A failed copy in plain words; the current database is untouched and the partial file is gone. */
function failure(r: WorkerFailure, dir: string): ApiError {
  const code = r.code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new ApiError('conflict', 'O disco está cheio e a cópia de segurança não coube. Libere espaço e tente de novo. Os dados atuais não foram alterados.');
  if (['EACCES', 'EPERM', 'EROFS', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_PERM'].includes(code)) {
    return new ApiError('conflict', `Não foi possível gravar a cópia de segurança na pasta ${dir} (sem permissão ou somente leitura). Os dados atuais não foram alterados.`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new ApiError('conflict', 'O banco de dados está ocupado agora. Tente de novo em instantes.');
  if (code === 'VERIFY') return new ApiError('conflict', 'A cópia feita não conferiu com os dados e foi descartada. Tente de novo; se continuar, chame o suporte.', [{ path: 'backup', message: r.message ?? '' }]);
  return new ApiError('conflict', 'Não foi possível fazer a cópia de segurança. Tente de novo; se continuar, chame o suporte.', [{ path: 'backup', message: `${code}: ${r.message ?? ''}`.slice(0, 300) }]);
}

function extraMessage(p: Plan, r: BackupDone): BackupResult['extra'] {
  if (p.extraProblem) return { ok: false, message: p.extraProblem };
  if (!p.extraDest) return null;
  if (r.extra?.ok) return { ok: true, file: r.extra.file };
  const code = r.extra && !r.extra.ok ? r.extra.code : '';
  const why = code === 'ENOSPC' ? 'o pen drive está cheio' : ['EACCES', 'EPERM', 'EROFS'].includes(code) ? 'a pasta é somente leitura' : 'a cópia não conferiu';
  return { ok: false, message: `Não foi possível copiar para a pasta extra ${p.extraDir} (${why}). A cópia ficou na pasta principal.` };
}

/** Records a verified copy in the manifest(s) and rotates; only a verified copy ever reaches this point. */
function record(req: BackupRequest, p: Plan, r: BackupDone): BackupResult {
  const t = r.stats.tables;
  const entry: BackupEntry = {
    file: p.name,
    at: req.now.toISOString(),
    day: todayIn(req.timeZone, req.now),
    bytes: r.bytes,
    verified: true,
    reason: req.reason,
    schemaVersion: r.stats.userVersion,
    customers: t.customers?.rows ?? 0,
    paymentsCents: t.payments?.cents.amount_cents ?? 0,
  };
  addAndRotate(p.dir, entry);
  const extra = extraMessage(p, r);
  if (extra?.ok && p.extraDir) {
    try {
      addAndRotate(p.extraDir, entry);
    } catch {
      // The pen drive was pulled between the copy and its manifest: the copy there is still whole.
    }
  }
  return { ok: true, file: p.dest, bytes: r.bytes, verified: true, at: entry.at, extra };
}

/** Makes, verifies and records a copy while the caller waits (restore, import, CLI). Throws a pt-BR ApiError. */
export function backupSync(req: BackupRequest): BackupResult {
  const p = plan(req);
  const r = runWorkerSync('backup', { source: req.file, dest: p.dest, extraDest: p.extraDest, key: readStoreKey(req.file) });
  if (!r.ok) throw failure(r, p.dir);
  return record(req, p, r);
}

/** The same, off the main thread, reporting progress (the "Fazer backup agora" button, the daily copy). */
export async function backupAsync(req: BackupRequest, onProgress?: (p: Progress) => void): Promise<BackupResult> {
  const p = plan(req);
  const r = await runWorker('backup', { source: req.file, dest: p.dest, extraDest: p.extraDest, key: readStoreKey(req.file) }, onProgress);
  if (!r.ok) throw failure(r, p.dir);
  return record(req, p, r);
}

export interface BackupListItem {
  /** full path, what backup.restore takes */
  file: string;
  name: string;
  at: string;
  bytes: number;
  verified: boolean;
  reason: BackupReason | 'desconhecida';
  location: 'principal' | 'extra';
}

function listFolder(dir: string, location: BackupListItem['location']): BackupListItem[] {
  if (!existsSync(dir)) return [];
  const entries = readManifest(dir);
  const known = new Set(entries.map((e) => e.file));
  const items: BackupListItem[] = entries
    .filter((e) => existsSync(join(dir, e.file)))
    .map((e) => ({ file: join(dir, e.file), name: e.file, at: e.at, bytes: e.bytes, verified: e.verified, reason: e.reason, location }));
  // Copies the manifest does not know (the ones made before a migration, older versions): listed, not verified.
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    names = [];
  }
  for (const name of names) {
    if (known.has(name) || !/\.db$/i.test(name)) continue;
    try {
      const s = statSync(join(dir, name));
      if (!s.isFile()) continue;
      items.push({ file: join(dir, name), name, at: s.mtime.toISOString(), bytes: s.size, verified: false, reason: name.includes('antes-da-atualizacao') ? 'antes-da-atualizacao' : 'desconhecida', location });
    } catch {
      // vanished meanwhile
    }
  }
  return items;
}

/** Every copy in the main folder and, when plugged in, the extra folder; newest first. */
export function listBackups(dbFile: string, extraFolder = ''): BackupListItem[] {
  const main = listFolder(backupsDir(dbFile), 'principal');
  const folder = extraFolder.trim();
  const extra = folder && isAbsolute(folder) && resolve(folder) !== backupsDir(dbFile) ? listFolder(folder, 'extra') : [];
  return [...main, ...extra].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** The newest verified copy, the one the damaged-store screen offers. */
export const latestGoodBackup = (dbFile: string, extraFolder = ''): BackupListItem | null => listBackups(dbFile, extraFolder).find((b) => b.verified) ?? null;
