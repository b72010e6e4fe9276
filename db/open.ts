import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema';
import { migrate } from './migrate';

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
  const sqlite = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    // 64 MB of page cache (the default is 2 MB): the hot reads of a 100,000-customer store (the list, the search,
    // a customer's file) touch pages all over a 3 GB file, and each miss is a system call.
    sqlite.pragma('cache_size = -65536');
    migrate(sqlite, file, opts.migrationsDir);
    return { sqlite, db: drizzle(sqlite, { schema }), file };
  } catch (e) {
    sqlite.close();
    throw e;
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
