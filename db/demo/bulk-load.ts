import type { Store } from '../open';

/** The tables the demo fills by the million. */
const DEMO_TABLES = ['customers', 'customer_phones', 'sales', 'installments', 'payments', 'allocations', 'reversals', 'contacts', 'promises', 'disputes', 'messages', 'customer_standings', 'installment_standings', 'queue_candidates'];

/**
 * Runs `fill` with SQLite set for a bulk load, for the command line's big demo stores (10^5 customers, 10^6
 * rows per table): the rollback journal in memory and no fsync (a demo interrupted by a power cut is
 * rebuilt, not repaired), foreign keys unchecked (the generator links what it made itself; the tests build
 * with them on), and the indexes whose keys arrive in random order dropped and recreated from their own SQL
 * at the end — one sort per index instead of millions of random inserts. Afterwards the file is a WAL store like any other.
 * Not for a store in use: it must be the only connection, outside any transaction.
 */
export function bulkLoad<T>(store: Store, fill: () => T): T {
  const db = store.sqlite;
  // Indexes led by an id column (customer_id, payment_id…) receive their keys in insertion order — ids are
  // time-ordered UUIDv7 — so they are cheap to keep; dates, numbers, CPFs and names arrive in random order.
  const indexes = (
    db
      .prepare(
        `SELECT m.name, m.sql, (SELECT ii.name FROM pragma_index_info(m.name) ii WHERE ii.seqno = 0) AS lead
           FROM sqlite_master m WHERE m.type = 'index' AND m.sql IS NOT NULL AND m.tbl_name IN (${DEMO_TABLES.map(() => '?').join(', ')})`,
      )
      .all(...DEMO_TABLES) as { name: string; sql: string; lead: string }[]
  ).filter((ix) => !ix.lead?.endsWith('_id')); // an expression index (lead null) is rebuilt too
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1048576'); // 1 GB: an encrypted page read back (index builds, renumbering) is decrypted again on every miss
  db.pragma('temp_store = MEMORY');
  for (const ix of indexes) db.exec(`DROP INDEX "${ix.name}"`);
  try {
    return fill();
  } finally {
    // Unique indexes come back too, and would refuse a duplicate CPF or carnê number made by mistake.
    for (const ix of indexes) db.exec(ix.sql);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
    db.pragma('journal_mode = WAL');
  }
}
