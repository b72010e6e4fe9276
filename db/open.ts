// `better-sqlite3` is an npm alias of better-sqlite3-multiple-ciphers (package.json): the same API with
// SQLite3 Multiple Ciphers inside, so drizzle's driver (which imports "better-sqlite3") and every caller get
// the encrypting build, and only one native module is compiled.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { migrate } from './migrate';
import { applyKey, encryptInPlace, isPlainSqlite, storeKey } from './crypto-key';
import { encryptLegacyStore } from './encrypt-legacy';

export type Db = BetterSQLite3Database<typeof schema>;
export interface Store {
  sqlite: Database.Database;
  db: Db;
  file: string;
}

/**
 * Opens the store once for the process (STYLE.md practice 6): foreign keys on, WAL so readers never wait for
 * the writer, synchronous FULL because a lost payment after a power cut is worse than a slower write, and a
 * busy timeout for the rare second process (CLI while the app is open). Migrates; closes on failure.
 */
export function openStore(file: string, opts: { nativeBinding?: string; migrationsDir?: string } = {}): Store {
  // The key first: an encrypted file without its key is refused before SQLite touches it (db/crypto-key.ts).
  const key = file === ':memory:' ? null : storeKey(file);
  const plain = key !== null && isPlainSqlite(file);
  const sqlite = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    if (key && !plain) unlock(sqlite, key);
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB of page cache (the default is 2 MB): the hot reads of a 100,000-customer store (the list, the search,
    // a customer's file) touch pages all over a 3 GB file, and each miss is a system call.
    sqlite.pragma('cache_size = -65536');
    migrate(sqlite, file, opts.migrationsDir);
    // An older, unencrypted store: after migrate, so a file from a newer EmDia is refused untouched.
    if (key && plain) {
      encryptLegacyStore(sqlite, file, key, encryptInPlace);
      sqlite.pragma('journal_mode = WAL');
    }
    return { sqlite, db: drizzle(sqlite, { schema }), file };
  } catch (e) {
    sqlite.close();
    throw e;
  }
}

/** Applies the key and proves it with one read: a wrong key fails here, in pt-BR, before anything is written. */
export function unlock(sqlite: Database.Database, key: string): void {
  applyKey(sqlite, key);
  try {
    sqlite.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code !== 'SQLITE_NOTADB') throw e;
    throw Object.assign(
      new Error(
        'Não foi possível abrir o arquivo de dados com a chave de criptografia deste computador: a chave (emdia.key) não é a deste arquivo, ou o arquivo está danificado. Nada foi alterado.',
      ),
      { code },
    );
  }
}

export function closeStore(store: Store): void {
  if (!store.sqlite.open) return;
  // Lets SQLite refresh its planner statistics, as Signal does on close. Best effort: with another writer
  // holding the lock (the app while a CLI call ends) it would fail with "database is locked" and is skipped.
  try {
    store.sqlite.pragma('optimize');
  } catch {
    // the statistics can wait for the next close
  }
  store.sqlite.close();
}
