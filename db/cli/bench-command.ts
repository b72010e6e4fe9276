import { existsSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { openStore, closeStore, type Store } from '../open';
import { createDispatcher } from '../api/dispatcher';
import { fixedClock } from '../clock';
import { noonIn } from '../../shared/dates';
import { isErrorResult } from '../../shared/contract/errors';

interface Case {
  name: string;
  api: () => unknown;
  /** the least SQL that returns the same rows: the floor no API can beat */
  floor: () => unknown;
}

function time(fn: () => unknown, runs: number): { median: number; p95: number } {
  for (let i = 0; i < Math.min(5, runs); i++) fn(); // warm caches and statement preparation
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(runs / 2)], p95: samples[Math.floor(runs * 0.95)] };
}

/**
 * `npm run bench [-- --db F | --customers N] [--runs R]`: timings of the hot reads through the real dispatcher,
 * each beside the raw-SQL floor for the same rows, on a demo store (built on first use, deterministic).
 */
export async function benchCommand(flags: Record<string, string>): Promise<number> {
  const customers = Number(flags.customers ?? 20000);
  const runs = Number(flags.runs ?? 200);
  const today = flags.today ?? '2026-11-23';
  let file = flags.db ? resolve(flags.db) : join(mkdtempSync(join(tmpdir(), 'emdia-bench-')), 'bench.db');
  if (!existsSync(file)) {
    console.log(`Gerando loja de demonstração com ${customers} clientes em ${file}...`);
    const r = spawnSync(process.execPath, ['bin/emdia.mjs', 'demo', '--db', file, '--customers', String(customers), '--seed', '7', '--today', today], { stdio: 'inherit' });
    if (r.status !== 0) return 1;
  }
  const store: Store = openStore(file);
  try {
    const { dispatch } = createDispatcher(store, fixedClock(noonIn(today, 'America/Sao_Paulo')));
    const call = (m: string, i: unknown) => {
      const r = dispatch(m, i, { transport: 'cli' });
      if (isErrorResult(r)) throw new Error(`${m}: ${r.error.message}`);
      return r;
    };
    const q = store.sqlite;
    const sample = q.prepare(`SELECT c.id, c.cpf FROM customers c WHERE EXISTS (SELECT 1 FROM installments i WHERE i.customer_id = c.id AND i.due_date < ?) LIMIT 1 OFFSET 17`).get(today) as { id: string; cpf: string };
    const nameFloor = q.prepare(`SELECT id, name, cpf FROM customers WHERE deleted_at IS NULL AND (name_folded LIKE ? OR name_folded LIKE ?) ORDER BY name_folded LIMIT 50`);
    const cpfFloor = q.prepare(`SELECT id, name, cpf FROM customers WHERE deleted_at IS NULL AND cpf >= ? AND cpf < ? ORDER BY name_folded LIMIT 50`);
    const instFloor = q.prepare(`SELECT * FROM installments WHERE customer_id = ?`);
    const allocFloor = q.prepare(`SELECT a.* FROM allocations a JOIN payments p ON p.id = a.payment_id WHERE p.customer_id = ?`);
    // The search answers overdue and profile per row, so its honest floor also reads those rows' ledgers.
    const ledgerRowsFloor = q.prepare(
      `SELECT i.*, a.* FROM installments i LEFT JOIN allocations a ON a.installment_id = i.id WHERE i.customer_id IN (SELECT value FROM json_each(?))`,
    );
    const withLedgers = (rows: unknown[]) => ledgerRowsFloor.all(JSON.stringify((rows as { id: string }[]).map((r) => r.id)));
    const cases: Case[] = [
      { name: 'customers.search "silva" (piso c/ parcelas)', api: () => call('customers.search', { query: 'silva' }), floor: () => withLedgers(nameFloor.all('silva%', '% silva%')) },
      { name: 'customers.search nome "silva"', api: () => call('customers.search', { query: 'silva' }), floor: () => nameFloor.all('silva%', '% silva%') },
      { name: 'customers.search nome "mar sil"', api: () => call('customers.search', { query: 'mar sil' }), floor: () => nameFloor.all('mar%', '% mar%') },
      { name: 'customers.search CPF (6 dígitos)', api: () => call('customers.search', { query: sample.cpf.slice(0, 6) }), floor: () => cpfFloor.all(sample.cpf.slice(0, 6), sample.cpf.slice(0, 6) + ':') },
      { name: 'accounts.statement', api: () => call('accounts.statement', { customerId: sample.id }), floor: () => [instFloor.all(sample.id), allocFloor.all(sample.id)] },
      { name: 'payments.quote', api: () => call('payments.quote', { customerId: sample.id }), floor: () => [instFloor.all(sample.id), allocFloor.all(sample.id)] },
    ];
    const total = (q.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n;
    console.log(`\nEmDia bench — ${total} clientes, ${runs} execuções por caso (ms)\n`);
    console.log(['caso'.padEnd(44), 'api med', 'api p95', 'sql med', 'razão'].join('  '));
    for (const c of cases) {
      const a = time(c.api, runs);
      const f = time(c.floor, runs);
      console.log([c.name.padEnd(44), a.median.toFixed(3).padStart(7), a.p95.toFixed(3).padStart(7), f.median.toFixed(3).padStart(7), `${(a.median / f.median).toFixed(1)}x`.padStart(6)].join('  '));
    }
    return 0;
  } finally {
    closeStore(store);
  }
}
