import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import { ApiError } from '../shared/contract/errors';
import { compareStats, snapshotStats } from './backup/copy-worker.mjs';

/**
 * A store written by an EmDia without encryption is encrypted once, on its first open by this version, the
 * way a migration runs: a verified copy first (backups/, like the copy before every migration), then SQLCipher's
 * rekey rewrites every page in one journaled transaction (a power cut leaves the plain file, not half of each),
 * then the encrypted file is checked (integrity and the same row counts and money totals) before the store opens.
 *
 * The copy stays unencrypted, as every copy made before this version already is: it is the way back if the
 * encryption ever goes wrong, and it ages out with the other copies (README, "Criptografia").
 *
 * Another process holding the plain file open (an older EmDia still running) keeps it in WAL mode: then the
 * store opens plain this time and is encrypted on a later start, rather than waiting or failing.
 */
export function encryptLegacyStore(sqlite: Database.Database, file: string, key: string, encrypt: (db: Database.Database, key: string) => void): void {
  let mode: unknown;
  try {
    mode = sqlite.pragma('journal_mode = DELETE', { simple: true });
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) throw e;
    mode = 'busy';
  }
  if (mode !== 'delete') {
    console.warn('[emdia] the data file is in use by another program: it stays unencrypted until the next start');
    return;
  }
  const expected = snapshotStats(sqlite);
  const dir = join(dirname(resolve(file)), 'backups');
  mkdirSync(dir, { recursive: true });
  const copy = join(dir, `${basename(file)}.antes-da-criptografia.${new Date().toISOString().replace(/[:.]/g, '-')}.db`);
  sqlite.prepare('VACUUM INTO ?').run(copy);
  let problems: string[];
  sqlite.prepare('ATTACH ? AS antes').run(copy);
  try {
    const integrity = sqlite.pragma('antes.integrity_check', { simple: true });
    problems = integrity === 'ok' ? compareStats(expected, snapshotStats(sqlite, 'antes')) : [`integridade: ${String(integrity)}`];
  } finally {
    sqlite.exec('DETACH antes');
  }
  if (problems.length) {
    rmSync(copy, { force: true });
    throw new ApiError('conflict', `Antes de criptografar o arquivo de dados, o EmDia faz uma cópia, e ela não conferiu (${problems.slice(0, 3).join('; ')}). Nada foi alterado; tente de novo ou chame o suporte.`);
  }
  encrypt(sqlite, key);
  const integrity = sqlite.pragma('integrity_check', { simple: true });
  const after = integrity === 'ok' ? compareStats(expected, snapshotStats(sqlite)) : [`integridade: ${String(integrity)}`];
  if (after.length) {
    throw new ApiError('conflict', `A criptografia do arquivo de dados não conferiu (${after.slice(0, 3).join('; ')}). A cópia ${copy} tem os dados como estavam: chame o suporte.`);
  }
  console.log(`[emdia] the data file is now encrypted; the unencrypted copy made before is ${copy}`);
}
