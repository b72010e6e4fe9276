import type Database from 'better-sqlite3';

/** Prefix of the provisional numbers the build writes before renumbering. */
export const PROVISIONAL = 'tmp-';

/** The unique indexes of `table` that cover `column`, with the SQL that created them. */
function uniqueIndexesOn(sqlite: Database.Database, table: string, column: string): { name: string; sql: string }[] {
  return sqlite
    .prepare(
      `SELECT m.name, m.sql FROM pragma_index_list(@table) il JOIN sqlite_master m ON m.name = il.name
        WHERE il."unique" = 1 AND il.origin = 'c' AND EXISTS (SELECT 1 FROM pragma_index_info(il.name) ii WHERE ii.name = @column)`,
    )
    .all({ table, column }) as { name: string; sql: string }[];
}

/**
 * Carnê, receipt and agreement numbers in date order, as a store that numbered them day by day would have them
 * (customers are generated one after the other, so the provisional numbers follow customers, not time).
 * Same format as nextNumber (device code + at least 6 digits), and the counters continue from the last
 * one, so the first real sale after the demo gets the next number.
 *
 * Speed: ranks go to a temporary table keyed by rowid, so the UPDATE walks the table in storage order; the
 * unique index on the number is dropped and recreated from its own SQL around it (one sort instead of a
 * million random index updates). It all runs in the caller's transaction: the schema that commits is the
 * same as before.
 */
export function numberChronologically(sqlite: Database.Database, device: string, at: string): void {
  const renumber = (table: 'sales' | 'payments' | 'agreements', column: 'number' | 'receipt_number', kind: 'sale' | 'receipt' | 'agreement') => {
    const indexes = uniqueIndexesOn(sqlite, table, column);
    for (const ix of indexes) sqlite.exec(`DROP INDEX "${ix.name}"`);
    sqlite.exec('CREATE TEMP TABLE demo_rank (rid INTEGER PRIMARY KEY, n INTEGER NOT NULL)');
    // Ties (same day and minute) follow the provisional number, which is deterministic for a seed.
    sqlite.exec(
      `INSERT INTO demo_rank SELECT rowid, row_number() OVER (ORDER BY date, created_at, CAST(substr(${column}, ${PROVISIONAL.length + 1}) AS INTEGER)) FROM ${table}`,
    );
    sqlite.prepare(`UPDATE ${table} SET ${column} = @prefix || printf('%06d', (SELECT n FROM demo_rank WHERE rid = ${table}.rowid))`).run({ prefix: `${device}-` });
    sqlite.exec('DROP TABLE demo_rank');
    for (const ix of indexes) sqlite.exec(ix.sql);
    const { n } = sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number };
    sqlite
      .prepare(
        `INSERT INTO counters (id, created_at, updated_at, device, value) VALUES (@id, @at, @at, @device, @n)
         ON CONFLICT (id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      )
      .run({ id: `${kind}:${device}`, at, device, n });
  };
  renumber('sales', 'number', 'sale');
  renumber('payments', 'receipt_number', 'receipt');
  renumber('agreements', 'number', 'agreement');
}
