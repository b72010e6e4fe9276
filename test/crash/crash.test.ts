import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'esbuild';
import { rawDb } from '../support/raw-db';
import { openStore, closeStore } from '../../db/open';
import { createDispatcher } from '../../db/api/dispatcher';
import { checkProjections } from '../../db/projections/check';
import { noonIn } from '../../shared/dates';
import { isErrorResult } from '../../shared/contract/errors';

/**
 * Power-cut drill: a child process receives payments through the dispatcher and is killed with SIGKILL at
 * random moments, KILLS times. After every kill: integrity_check passes, every payment the child
 * acknowledged is there, nothing is half-written (each payment with its allocations, audit line and
 * idempotency row, or none of them), and the standings equal a recomputation from the money tables.
 */
const KILLS = Number(process.env.EMDIA_CRASH_KILLS ?? 100);
const root = resolve(__dirname, '../..');
let dir: string;
let file: string;
let child: string;
const acknowledged = new Map<string, string>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'emdia-crash-'));
  file = join(dir, 'store.db');
  // One bundle, so each of the hundred starts is a plain `node file.mjs` (no TypeScript loader per start).
  const out = join(root, 'node_modules', '.cache', 'emdia-crash');
  mkdirSync(out, { recursive: true });
  child = join(out, `payments-child-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, 'test/crash/payments-child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    external: ['better-sqlite3'],
    logLevel: 'warning',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });

  const store = openStore(file);
  const now = noonIn('2026-11-23', 'America/Sao_Paulo');
  const { dispatch } = createDispatcher(store, { now: () => now });
  const ok = (m: string, input: unknown, sessionId?: string) => {
    const r = dispatch(m, input, sessionId ? { transport: 'http', sessionId } : { transport: 'cli' });
    if (isErrorResult(r)) throw new Error(`${m}: ${JSON.stringify(r.error)}`);
    return r as Record<string, any>;
  };
  ok('setup.store', { storeName: 'Loja do Teste de Queda', state: 'SP', ownerName: 'Dona Maria', ownerPin: '1234' });
  const cpfs = ['52998224725', '11144477735', '39053344705', '87748248800', '71428793860', '28625587887'];
  for (const [i, cpf] of cpfs.entries()) {
    const { id } = ok('customers.create', { name: `Cliente ${i + 1}`, cpf, phones: [] });
    // Old parcelas, most of them late: payments cover interest, fine and principal (Civil Code art. 354).
    ok('sales.create', { customerId: id, date: '2026-01-05', description: 'Sofá', totalCents: 6_000_000, installmentCount: 24, firstDueDate: '2026-02-05', monthlyRatePct: 2 });
  }
  closeStore(store);
}, 60_000);

afterAll(() => {
  if (process.env.EMDIA_CRASH_KEEP) return console.log('kept', dir);
  rmSync(dir, { recursive: true, force: true });
  rmSync(child, { force: true });
});

/** Starts the child and SIGKILLs it `delayMs` after its first acknowledged payment (after the spawn when `early`). */
function runAndKill(seed: number, delayMs: number, early: boolean): Promise<{ acks: [string, string][]; errors: string[] }> {
  return new Promise((done, fail) => {
    const p = spawn(process.execPath, [child, file, String(seed)], { cwd: root, env: { ...process.env, EMDIA_MIGRATIONS_DIR: join(root, 'db/migrations') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    const kill = () => p.kill('SIGKILL');
    const safety = setTimeout(kill, 30_000); // a stuck child still ends the round (and the checks below fail)
    if (early) timer = setTimeout(kill, delayMs);
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!early && !timer && out.includes('\nACK ')) timer = setTimeout(kill, delayMs);
    });
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', fail);
    p.on('exit', (_code, signal) => {
      clearTimeout(safety);
      if (timer) clearTimeout(timer);
      // Only complete lines count: a line cut by the kill was never an acknowledgement.
      const lines = out.split('\n').slice(0, -1);
      const errors = lines.filter((l) => l.startsWith('ERR')).concat(signal === 'SIGKILL' ? [] : [`exited without the kill: ${signal ?? _code} ${err.slice(0, 500)}`]);
      done({ acks: lines.filter((l) => l.startsWith('ACK ')).map((l) => l.split(' ').slice(1) as [string, string]), errors });
    });
  });
}

function verify(round: number): string[] {
  const problems: string[] = [];
  const db = rawDb(file);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${integrity}`);
    const keys = new Map((db.prepare("SELECT id, result FROM idempotency WHERE method = 'payments.receive'").all() as { id: string; result: string }[]).map((r) => [r.id.slice('payments.receive:'.length), JSON.parse(r.result).id as string]));
    for (const [key, paymentId] of acknowledged) {
      if (keys.get(key) !== paymentId) problems.push(`acknowledged payment ${key} (${paymentId}) is missing`);
    }
    const payments = (db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n;
    const audits = (db.prepare("SELECT COUNT(*) AS n FROM audit WHERE method = 'payments.receive'").get() as { n: number }).n;
    if (payments !== keys.size || audits !== keys.size) problems.push(`half-written: ${payments} payments, ${keys.size} idempotency rows, ${audits} audit rows`);
    const unbalanced = db
      .prepare(
        `SELECT p.id, p.amount_cents AS amount, COALESCE(SUM(a.principal_cents + a.fine_cents + a.interest_cents), 0) AS allocated
         FROM payments p LEFT JOIN allocations a ON a.payment_id = p.id GROUP BY p.id HAVING allocated <> amount`,
      )
      .all();
    if (unbalanced.length) problems.push(`payments whose allocations do not add up: ${JSON.stringify(unbalanced.slice(0, 3))}`);
    const orphan = (db.prepare('SELECT COUNT(*) AS n FROM allocations a WHERE NOT EXISTS (SELECT 1 FROM payments p WHERE p.id = a.payment_id)').get() as { n: number }).n;
    if (orphan) problems.push(`${orphan} allocations without a payment`);
    const over = (db.prepare('SELECT COUNT(*) AS n FROM installments i WHERE (SELECT COALESCE(SUM(principal_cents), 0) FROM allocations a WHERE a.installment_id = i.id) > i.amount_cents').get() as { n: number }).n;
    if (over) problems.push(`${over} parcelas paid beyond their amount`);
  } finally {
    db.close();
  }
  const store = openStore(file);
  try {
    const report = checkProjections(store);
    for (const d of report.differences.slice(0, 5)) problems.push(`standings: ${d}`);
  } finally {
    closeStore(store);
  }
  return problems.map((p) => `round ${round}: ${p}`);
}

describe('crash test: SIGKILL while receiving payments', () => {
  it(
    `${KILLS} kills: nothing acknowledged is lost, nothing is half-written, projections match`,
    async () => {
      let rand = 20261123;
      const next = () => ((rand = (rand * 1103515245 + 12345) >>> 0) / 2 ** 32);
      let totalAcks = 0;
      for (let round = 1; round <= KILLS; round++) {
        // Mostly while payments flow (a payment takes tens of ms, nearly all of it inside the transaction and
        // its fsync); one round in ten while the child is still starting and opening the file.
        const early = round % 10 === 0;
        const { acks, errors } = await runAndKill(round, Math.floor(next() * (early ? 300 : 100)), early);
        expect(errors, `round ${round}`).toEqual([]);
        for (const [key, id] of acks) acknowledged.set(key, id);
        totalAcks += acks.length;
        const problems = verify(round);
        expect(problems).toEqual([]);
      }
      // The drill really exercised writes: thousands of payments went in between the kills.
      expect(totalAcks).toBeGreaterThan(KILLS);
    },
    // ~45 s on a quiet 2-core machine; the margin is for a machine shared with other builds.
    600_000,
  );
});
