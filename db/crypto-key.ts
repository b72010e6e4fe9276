import { createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, linkSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type Database from 'better-sqlite3';

/**
 * Encryption at rest (issue 9 item 7, LGPD art. 46: security measures for personal data). The store and its
 * backups are SQLCipher 4 files (better-sqlite3-multiple-ciphers, `cipher = sqlcipher`, `legacy = 4`) under a
 * random 256-bit key. The key lives in `emdia.key` beside the store, readable by its owner only (0600), and in
 * the desktop app it is itself encrypted by the operating system (Electron safeStorage: DPAPI on Windows,
 * Keychain on macOS, the keyring on Linux), so a copied disk or a stolen pen drive shows no CPF in clear.
 * A raw key (`x'…'`) skips SQLCipher's 256,000-round key derivation: the key is already random, and every
 * CLI call, worker thread and test opens the file.
 */

/** What the desktop app plugs in (electron/main.ts); the CLI and browser mode have none (plain 0600 file). */
export interface KeyProtector {
  name: 'safeStorage';
  protect(plain: Buffer): Buffer;
  unprotect(wrapped: Buffer): Buffer;
}

interface KeyFile {
  emdia: 'chave-do-banco';
  version: 1;
  protection: 'file' | 'safeStorage';
  /** hex of the key (protection "file") or base64 of what safeStorage returned */
  key: string;
}

let protector: KeyProtector | null = null;
/** Unwrapped keys by key file, so safeStorage is asked once per start; a changed or removed file is read again. */
const cache = new Map<string, { stamp: string; hex: string }>();

/** Set once by the desktop host before the store opens; new keys are then protected by the OS. */
export function setKeyProtector(p: KeyProtector | null): void {
  protector = p;
  cache.clear();
}

/** One key per data folder: the store, the copies in `backups/` and the undo copies all use it. */
export const keyFileFor = (dbFile: string): string => join(dirname(resolve(dbFile)), 'emdia.key');

/** An error the damaged-store screen and the CLI can explain (db/health/startup.ts maps the code). */
export class KeyError extends Error {
  constructor(
    readonly code: 'EMDIA_KEY_MISSING' | 'EMDIA_KEY_UNREADABLE',
    message: string,
  ) {
    super(message);
  }
}

const MAGIC = 'SQLite format 3\0';

/** True for a file an older EmDia wrote (an unencrypted SQLite file); false for a missing, empty or encrypted one. */
export function isPlainSqlite(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < 16) return false;
  const header = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  return header.toString('latin1') === MAGIC;
}

function parse(file: string): KeyFile {
  const k = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  if (k?.emdia !== 'chave-do-banco' || k.version !== 1 || typeof k.key !== 'string') throw new Error('not an EmDia key file');
  return k;
}

function unwrap(file: string, k: KeyFile): string {
  if (k.protection === 'file') return k.key;
  if (!protector) {
    throw new KeyError(
      'EMDIA_KEY_UNREADABLE',
      'A chave de criptografia deste arquivo de dados é protegida pelo sistema para o aplicativo EmDia de computador; ' +
        'pela linha de comando ou pelo navegador ela não pode ser lida. Use o aplicativo EmDia neste computador.',
    );
  }
  try {
    return protector.unprotect(Buffer.from(k.key, 'base64')).toString('utf8');
  } catch {
    throw new KeyError(
      'EMDIA_KEY_UNREADABLE',
      `O sistema não liberou a chave de criptografia (${file}): ela foi protegida por outro usuário ou outro computador. ` +
        'Entre com o usuário do Windows que usa o EmDia, ou restaure com a chave de recuperação. Nada foi alterado.',
    );
  }
}

/** Writes a new key file with owner-only permissions, atomically (a half-written key would lock the store out). */
function writeKeyFile(file: string, hex: string): void {
  const body: KeyFile = protector
    ? { emdia: 'chave-do-banco', version: 1, protection: 'safeStorage', key: protector.protect(Buffer.from(hex, 'utf8')).toString('base64') }
    : { emdia: 'chave-do-banco', version: 1, protection: 'file', key: hex };
  const tmp = `${file}.${process.pid}.novo`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, JSON.stringify(body, null, 2) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // A hard link never replaces an existing file: when two processes create the first key at once, the first
    // one wins and the second reads that one.
    linkSync(tmp, file);
  } catch (e) {
    if ((e as { code?: string }).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** The store's key (64 hex digits), or null when the folder has no key file. */
export function readStoreKey(dbFile: string): string | null {
  if (dbFile === ':memory:') return null;
  const file = keyFileFor(dbFile);
  if (!existsSync(file)) return null;
  const st = statSync(file);
  const stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
  const cached = cache.get(file);
  if (cached?.stamp === stamp) return cached.hex;
  let k: KeyFile;
  try {
    if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    k = parse(file);
  } catch {
    throw new KeyError('EMDIA_KEY_UNREADABLE', `O arquivo da chave de criptografia (${file}) não pôde ser lido ou está danificado. Nada foi alterado.`);
  }
  const hex = unwrap(file, k);
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new KeyError('EMDIA_KEY_UNREADABLE', `O arquivo da chave de criptografia (${file}) está danificado. Nada foi alterado.`);
  cache.set(file, { stamp, hex });
  return hex;
}

/**
 * The key for opening `dbFile`: the existing one, or a new one for a new store (or an older plain store about to
 * be encrypted). An encrypted file without its key is refused: making a new key would not open it.
 */
export function storeKey(dbFile: string): string {
  const existing = readStoreKey(dbFile);
  if (existing) return existing;
  const hasData = existsSync(dbFile) && statSync(dbFile).size > 0;
  if (hasData && !isPlainSqlite(dbFile)) {
    throw new KeyError(
      'EMDIA_KEY_MISSING',
      `O arquivo de dados está criptografado e a chave deste computador (${keyFileFor(dbFile)}) não foi encontrada. ` +
        'Sem ela os dados não podem ser lidos: coloque de volta o arquivo emdia.key que estava nesta pasta. Nada foi alterado.',
    );
  }
  writeKeyFile(keyFileFor(dbFile), randomBytes(32).toString('hex'));
  return readStoreKey(dbFile)!;
}

/** SQLCipher 4 settings and the raw key, before the first read (SQLite3 Multiple Ciphers' PRAGMA interface). */
export function applyKey(sqlite: Database.Database, hex: string): void {
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`key = "x'${hex}'"`);
}

/** The same for a new key on an open plain database: encrypts it in place (needs journal_mode DELETE). */
export function encryptInPlace(sqlite: Database.Database, hex: string): void {
  sqlite.pragma("cipher = 'sqlcipher'");
  sqlite.pragma('legacy = 4');
  sqlite.pragma(`rekey = "x'${hex}'"`);
}

const PAGE = 4096;
const RESERVE = 80; // SQLCipher 4: a 16-byte IV and a 64-byte HMAC-SHA512 at the end of every page

/**
 * The first 100 bytes of an encrypted store as SQLite would see them (magic string, page size, page count …),
 * decrypted here with node:crypto (SQLCipher 4, raw key: AES-256-CBC with the key itself, the page's IV in its
 * reserved tail; the first 16 bytes of the file are the salt). Lets the start-up check tell a file cut short
 * from a damaged one in microseconds, as it does for a plain file. Null when the first page is incomplete.
 */
export function decryptedHeader(file: string, hex: string): Buffer | null {
  const page = Buffer.alloc(PAGE);
  const fd = openSync(file, 'r');
  let n: number;
  try {
    n = readSync(fd, page, 0, PAGE, 0);
  } finally {
    closeSync(fd);
  }
  if (n < PAGE) return null;
  const decipher = createDecipheriv('aes-256-cbc', Buffer.from(hex, 'hex'), page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16));
  decipher.setAutoPadding(false);
  // Six whole CBC blocks cover header bytes 16–111; only 16–99 are the header.
  const body = decipher.update(page.subarray(16, 112));
  return Buffer.concat([Buffer.from(MAGIC, 'latin1'), body.subarray(0, 84)]);
}
