import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import type { Store } from '../open';
import { decryptedHeader } from '../crypto-key';
import { ApiError } from '../../shared/contract/errors';

/** What went wrong with the data file at start, in words for the owner (db/health → the damaged screen). */
export type ProblemKind = 'corrupt' | 'truncated' | 'locked' | 'unreadable' | 'disk_full' | 'newer_version' | 'key' | 'other';
export interface StartProblem {
  kind: ProblemKind;
  title: string;
  message: string;
  /** technical detail for support; never shown as the main text */
  detail: string;
}

const TEXT: Record<ProblemKind, { title: string; message: string }> = {
  corrupt: {
    title: 'O arquivo de dados está danificado',
    message: 'O EmDia não consegue ler o arquivo de dados desta loja: ele foi danificado, talvez por um desligamento no meio de uma gravação ou por um problema no disco.',
  },
  truncated: {
    title: 'O arquivo de dados está incompleto',
    message: 'O arquivo de dados desta loja está menor do que deveria: parte dele se perdeu (uma cópia interrompida, um pen drive retirado, um disco com defeito).',
  },
  locked: {
    title: 'O arquivo de dados está bloqueado',
    message: 'Outro programa está segurando o arquivo de dados (um antivírus, um programa de cópia ou outro EmDia aberto). Nada foi perdido: feche o outro programa e tente de novo.',
  },
  unreadable: {
    title: 'Sem permissão para abrir o arquivo de dados',
    message: 'O computador não deixou o EmDia abrir o arquivo de dados (permissão negada, pasta somente leitura ou disco desconectado). Nada foi perdido: confira o disco e tente de novo.',
  },
  disk_full: {
    title: 'O disco está cheio',
    message: 'Não há espaço livre no disco para o EmDia trabalhar. Nada foi perdido: libere espaço (apague arquivos que não precisa ou esvazie a lixeira) e tente de novo.',
  },
  newer_version: {
    title: 'Arquivo de uma versão mais nova',
    message: 'Este arquivo de dados foi gravado por uma versão mais nova do EmDia. Atualize o EmDia neste computador para abri-lo.',
  },
  key: {
    title: 'A chave de criptografia não está disponível',
    message:
      'O arquivo de dados desta loja é criptografado, e a chave deste computador (o arquivo emdia.key, na mesma pasta) não foi encontrada ou não pôde ser lida. Nada foi alterado: coloque o arquivo emdia.key de volta, ou abra o EmDia com o usuário do computador que o usa, e tente de novo.',
  },
  other: {
    title: 'Não foi possível abrir o arquivo de dados',
    message: 'O EmDia não conseguiu abrir o arquivo de dados desta loja. Tente de novo; se continuar, restaure a última cópia boa ou chame o suporte.',
  },
};

export const problem = (kind: ProblemKind, detail: string): StartProblem => ({ kind, ...TEXT[kind], detail: detail.slice(0, 400) });

/** Problems that may go away on their own (close the other program, free space): the screen offers "tentar de novo" first. */
export const isTransient = (kind: ProblemKind): boolean => kind === 'locked' || kind === 'unreadable' || kind === 'disk_full' || kind === 'key';

/** Turns an error from opening the store into a problem the screen can explain. */
export function diagnose(e: unknown): StartProblem {
  const code = String((e as { code?: string })?.code ?? '');
  const detail = `${code} ${(e as Error)?.message ?? String(e)}`.trim();
  if (e instanceof ApiError && /versão mais nova/.test(e.message)) return problem('newer_version', detail);
  if (code === 'EMDIA_KEY_MISSING' || code === 'EMDIA_KEY_UNREADABLE') return problem('key', detail);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return problem('corrupt', detail);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || code === 'EBUSY') return problem('locked', detail);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return problem('disk_full', detail);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH' || code.startsWith('SQLITE_IOERR') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return problem('unreadable', detail);
  }
  return problem('other', detail);
}

const MAGIC = 'SQLite format 3\0';

/**
 * The cheap part of the check, before SQLite opens the file: reads its 100-byte header (microseconds).
 * A file whose header promises more pages than it has was cut short. With a WAL file beside it the header
 * may lag behind a checkpoint, so the size test is skipped then (SQLite's recovery handles that case).
 * `hasBackups` tells an empty file that lost its data from a brand-new store. An encrypted store's header is read
 * through its key (`key`, db/crypto-key.ts); without a key the open itself explains what is missing.
 */
export function headerProblem(file: string, hasBackups: boolean, key: string | null = null): StartProblem | null {
  if (!existsSync(file)) return null;
  let size: number;
  const header = Buffer.alloc(100);
  try {
    size = statSync(file).size;
    if (size === 0) return hasBackups ? problem('truncated', 'empty file') : null;
    const fd = openSync(file, 'r');
    try {
      readSync(fd, header, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return diagnose(e);
  }
  if (size < 100) return problem('truncated', `${size} bytes`);
  if (header.toString('latin1', 0, 16) !== MAGIC) {
    // No key: an encrypted store is whole 4 KiB pages, and the open explains the missing key; anything else
    // is no database at all.
    if (!key) return size % 4096 === 0 ? null : problem('corrupt', 'not an SQLite header');
    let decrypted: Buffer | null;
    try {
      decrypted = decryptedHeader(file, key);
    } catch (e) {
      return diagnose(e);
    }
    if (!decrypted) return problem('truncated', `${size} bytes, first page incomplete`);
    decrypted.copy(header);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return problem('corrupt', `page size ${rawPageSize}`);
  const pages = header.readUInt32BE(28);
  const countValid = header.readUInt32BE(92) === header.readUInt32BE(24);
  const wal = `${file}-wal`;
  const walInUse = existsSync(wal) && statSync(wal).size > 0;
  if (countValid && !walInUse && size < pages * pageSize) return problem('truncated', `${size} < ${pages} × ${pageSize}`);
  return null;
}

/**
 * After opening: read the schema (a few pages) and the tables EmDia cannot work without. Catches a damaged
 * first page or schema without reading the whole file; the full `quick_check` runs later, in the background.
 */
export function cheapSchemaCheck(store: Store): void {
  const names = new Set((store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  for (const t of ['settings', 'users', 'customers', 'installments', 'payments', 'audit']) {
    if (!names.has(t)) throw Object.assign(new Error(`table ${t} missing`), { code: 'SQLITE_CORRUPT' });
  }
  store.sqlite.prepare('SELECT COUNT(*) FROM settings').get();
}
