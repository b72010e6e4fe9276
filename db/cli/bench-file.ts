import { statSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { openStore, closeStore } from '../open';
import { createDispatcher } from '../api/dispatcher';
import { fixedClock } from '../clock';
import { noonIn } from '../../shared/dates';
import { isErrorResult } from '../../shared/contract/errors';

// What the bench says about the file itself: bytes per table and per index (SQLite's dbstat virtual table, which
// SQLite3 Multiple Ciphers compiles in; it reads every page, decrypted), bytes per customer, and which indexes
// none of the hot calls' plans use — candidates to drop, reported only (the schema is fixed this session).

export interface ObjectSize {
  name: string;
  table: string;
  kind: 'table' | 'index';
  bytes: number;
  unique: boolean;
}

export function objectSizes(q: Database.Database): ObjectSize[] | null {
  try {
    const rows = q.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
    const meta = new Map(
      (q.prepare("SELECT name, tbl_name AS tbl, type, sql FROM sqlite_master WHERE type IN ('table', 'index')").all() as { name: string; tbl: string; type: string; sql: string | null }[]).map((m) => [m.name, m]),
    );
    return rows
      .map((r) => {
        const m = meta.get(r.name);
        const kind = (m?.type ?? 'table') as 'table' | 'index';
        // autoindexes back a PRIMARY KEY or UNIQUE; CREATE UNIQUE INDEX says so in its SQL
        const unique = kind === 'index' && (r.name.startsWith('sqlite_autoindex_') || /^CREATE UNIQUE/i.test(m?.sql ?? ''));
        return { name: r.name, table: m?.tbl ?? r.name, kind, bytes: r.bytes, unique };
      })
      .sort((a, b) => b.bytes - a.bytes);
  } catch {
    return null; // no dbstat in this build
  }
}

/** The hot calls the plans are read from: the counter's and the list's. */
function hotCalls(q: Database.Database): [string, unknown][] {
  const s = q
    .prepare(
      `SELECT c.id, c.cpf, (SELECT number FROM customer_phones p WHERE p.customer_id = c.id LIMIT 1) AS phone,
              (SELECT number FROM sales s WHERE s.customer_id = c.id LIMIT 1) AS carne
         FROM customer_standings st JOIN customers c ON c.id = st.id WHERE st.overdue_count > 0 LIMIT 1 OFFSET 17`,
    )
    .get() as { id: string; cpf: string; phone: string; carne: string };
  return [
    ['customers.search', { query: 'silva' }],
    ['customers.search', { query: 'mar sil' }],
    ['customers.search', { query: s.cpf.slice(0, 6) }],
    ['customers.search', { query: s.phone.slice(0, 7) }],
    ['customers.search', { query: s.phone.slice(2, 8) }],
    ['customers.search', { query: s.carne }],
    ['accounts.statement', { customerId: s.id }],
    ['payments.quote', { customerId: s.id }],
    ['queue.build', {}],
    ['calls.context', { customerId: s.id }],
    ['offers.compute', { customerId: s.id }],
    ['customers.get', { id: s.id }],
  ];
}

/**
 * Indexes that no plan of the hot calls names, read from EXPLAIN QUERY PLAN of the SQL they really run (captured
 * from prepare on a connection of its own, so statements a use case keeps prepared are seen from the start).
 */
export function indexesUsedByHotCalls(file: string, today: string): { used: Set<string>; all: { name: string; table: string; unique: boolean }[] } {
  const store = openStore(file);
  try {
    const q = store.sqlite;
    const prepare = q.prepare.bind(q);
    const seen = new Map<string, unknown[]>();
    let on = false;
    (q as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
      const st = prepare(sql) as unknown as Record<string, (...a: unknown[]) => unknown>;
      for (const m of ['all', 'get', 'run', 'iterate']) {
        const f = st[m];
        st[m] = (...args: unknown[]) => {
          if (on && !seen.has(sql)) seen.set(sql, args);
          return f.apply(st, args);
        };
      }
      return st;
    };
    const { dispatch } = createDispatcher(store, fixedClock(noonIn(today, 'America/Sao_Paulo')));
    dispatch('settings.get', {}, { transport: 'cli' });
    on = true;
    for (const [m, i] of hotCalls(q)) {
      const r = dispatch(m, i, { transport: 'cli' });
      if (isErrorResult(r)) throw new Error(`${m}: ${r.error.message}`);
    }
    on = false;
    const used = new Set<string>();
    for (const [sql, args] of seen) {
      if (!/^\s*(select|with)/i.test(sql)) continue;
      for (const p of prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(args as [])) as { detail: string }[]) {
        const m = /USING (?:COVERING )?INDEX (\w+)/.exec(p.detail);
        if (m) used.add(m[1]);
      }
    }
    const all = (prepare("SELECT name, tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'index'").all() as { name: string; tbl: string; sql: string | null }[]).map((r) => ({
      name: r.name,
      table: r.tbl,
      unique: r.name.startsWith('sqlite_autoindex_') || /^CREATE UNIQUE/i.test(r.sql ?? ''),
    }));
    return { used, all };
  } finally {
    closeStore(store);
  }
}

export const fileBytes = (file: string): number => statSync(file).size;
