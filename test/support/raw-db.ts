import Database from 'better-sqlite3';
import { applyKey, isPlainSqlite, readStoreKey } from '../../db/crypto-key';

/**
 * Opens an EmDia file directly, as the tests look inside stores and copies: with the key of the store it belongs
 * to (`storeFile`, the file itself by default; a copy in backups/ or on the pen drive uses its store's key).
 * A plain file (another program's, or an older EmDia's) opens plain.
 */
export function rawDb(file: string, opts: Database.Options = {}, storeFile = file): Database.Database {
  const plain = isPlainSqlite(file);
  const db = new Database(file, opts);
  const key = plain ? null : readStoreKey(storeFile);
  if (key) applyKey(db, key);
  return db;
}
